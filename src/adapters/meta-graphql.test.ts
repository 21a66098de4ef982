import { describe, expect, it } from 'vitest';
import { ShapeError } from './types.ts';
import { FRIENDLY_NAME_FIELD, isMetaRefusal, parseMetaResponse, readMetaForm } from './meta-graphql.ts';

describe('parseMetaResponse', () => {
  it('drops the for (;;); guard and reads one document or one per line', () => {
    expect(parseMetaResponse('for (;;);{"a":1}')).toEqual([{ a: 1 }]);
    expect(parseMetaResponse('for (;;); {"a":1}\n{"b":2}\n')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseMetaResponse('{"data":{"x":1}}\n{"extensions":{"is_final":true}}')).toEqual([{ data: { x: 1 } }, { extensions: { is_final: true } }]);
  });

  it('gives nothing for null, empty or non-JSON text', () => {
    expect(parseMetaResponse(null)).toEqual([]);
    expect(parseMetaResponse('')).toEqual([]);
    expect(parseMetaResponse('<html>')).toEqual([]);
  });
});

describe('isMetaRefusal', () => {
  it('errors with no data, or a legacy error code, is a refusal', () => {
    expect(isMetaRefusal('{"errors":[{"message":"x"}],"data":null}')).toBe(true);
    expect(isMetaRefusal('{"errors":[{"message":"x"}],"data":{"comment_create":null}}')).toBe(true);
    expect(isMetaRefusal('{"errors":[{"message":"x"}]}')).toBe(true);
    expect(isMetaRefusal('for (;;);{"error":1357001,"errorSummary":"Not logged in"}')).toBe(true);
  });

  it('errors beside data (a partial failure) is no refusal: the operation happened', () => {
    expect(isMetaRefusal('{"errors":[{"message":"partial"}],"data":{"create_repost":{"repost_id":"1"}}}')).toBe(false);
  });

  it('reads the main (first) document of several', () => {
    expect(isMetaRefusal('{"errors":[{"message":"x"}],"data":null}\n{"extensions":{"is_final":true}}')).toBe(true);
    expect(isMetaRefusal('{"data":{"like":{"status":"ok"}}}\n{"errors":[{"message":"deferred part"}]}')).toBe(false);
  });

  it('an answer that says nothing (null, empty errors, error 0) is trusted', () => {
    expect(isMetaRefusal(null)).toBe(false);
    expect(isMetaRefusal('{"errors":[],"data":null}')).toBe(false);
    expect(isMetaRefusal('for (;;);{"error":0,"payload":{}}')).toBe(false);
  });
});

describe('readMetaForm', () => {
  const body = (name: string, variables: string) => new URLSearchParams({ [FRIENDLY_NAME_FIELD]: name, variables }).toString();
  const wanted = (name: string) => name.endsWith('Mutation');

  it('reads the friendly name and the variables of a wanted operation', () => {
    expect(readMetaForm(body('useFollowMutation', '{"target_user_id":"5"}'), wanted)).toEqual({ name: 'useFollowMutation', variables: { target_user_id: '5' } });
  });

  it('ignores operations the adapter does not read, and bodies without a friendly name, whatever their variables', () => {
    expect(readMetaForm(body('FeedQuery', '{'), wanted)).toBeNull();
    expect(readMetaForm('variables=%7B%7D', wanted)).toBeNull();
    expect(readMetaForm(null, wanted)).toBeNull();
  });

  it('a wanted operation whose variables are not a JSON object is a ShapeError naming it', () => {
    for (const variables of ['{', '', '[1]', '"x"']) {
      expect(() => readMetaForm(body('useFollowMutation', variables), wanted)).toThrow(ShapeError);
    }
    expect(() => readMetaForm(`${FRIENDLY_NAME_FIELD}=useFollowMutation`, wanted)).toThrow(/useFollowMutation: variables is not a JSON object/);
  });
});
