import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PageToBackgroundSchema } from './messages.ts';

describe('PageToBackgroundSchema: deleteRange', () => {
  const parse = (message: unknown) => v.safeParse(PageToBackgroundSchema, message);

  it('accepts a period of whole local days, one day long or more', () => {
    expect(parse({ type: 'deleteRange', from: '2026-11-02', to: '2026-11-08' }).output).toEqual({ type: 'deleteRange', from: '2026-11-02', to: '2026-11-08' });
    expect(parse({ type: 'deleteRange', from: '2026-11-02', to: '2026-11-02' }).success).toBe(true);
    expect(parse({ type: 'deleteRange', from: '2024-02-29', to: '2025-01-01' }).success).toBe(true);
  });

  it('rejects a period that ends before it starts, saying so', () => {
    const result = parse({ type: 'deleteRange', from: '2026-11-08', to: '2026-11-02' });
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe('deleteRange: from is after to');
  });

  it.each([
    ['a missing end', { from: '2026-11-02' }],
    ['a number of ms', { from: 1_700_000_000_000, to: '2026-11-08' }],
    ['a day that does not exist', { from: '2026-02-29', to: '2026-03-01' }],
    ['a 31st in a 30-day month', { from: '2026-11-02', to: '2026-11-31' }],
    ['an unpadded date', { from: '2026-11-2', to: '2026-11-08' }],
    ['a full timestamp', { from: '2026-11-02T00:00', to: '2026-11-08' }],
    ['an empty field', { from: '', to: '2026-11-08' }],
  ])('rejects a malformed period: %s', (_name, fields) => {
    expect(parse({ type: 'deleteRange', ...fields }).success).toBe(false);
  });

  it('leaves the other messages as they were', () => {
    expect(parse({ type: 'deleteAll' }).success).toBe(true);
    expect(parse({ type: 'posts', from: 1, to: 0, limit: 5 }).success).toBe(true);
  });
});
