import { describe, expect, it } from 'vitest';
import { findInJson } from './json.ts';

describe('findInJson', () => {
  const answer = {
    actions: [
      { runAttestationCommand: { ids: [{ externalCommentId: 'Ugy1' }] } },
      { createCommentAction: { contents: { commentThreadRenderer: { replies: { commentId: 'deeper' }, commentId: 'Ugy1' } } } },
    ],
  };

  it('finds a key wherever the wrappers put it; a node\'s own children before anything below them', () => {
    expect(findInJson(answer, (_, key) => key === 'commentId')).toBe('Ugy1');
    expect(findInJson(answer, (_, key) => key === 'externalCommentId')).toBe('Ugy1');
    expect(findInJson(answer, (v, key) => key === 'commentId' && v === 'nope')).toBeUndefined();
  });

  it('finds values by what they are, the root included, and stops at the depth limit', () => {
    expect(findInJson({ json: { data: { things: [{ kind: 't1', data: { id: 'x' } }] } } }, (v) => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 't1'))
      .toEqual({ kind: 't1', data: { id: 'x' } });
    expect(findInJson('t3_abc', (v) => v === 't3_abc')).toBe('t3_abc');
    expect(findInJson({ a: { b: { c: 'deep' } } }, (v) => v === 'deep', 2)).toBe('deep');
    expect(findInJson({ a: { b: { c: 'deep' } } }, (v) => v === 'deep', 1)).toBeUndefined();
    expect(findInJson(null, () => false)).toBeUndefined();
  });
});
