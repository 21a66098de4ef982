import { describe, expect, it } from 'vitest';
import { keepFormJson } from './form-fields.ts';
import { keepJsonFields, keepJsonText } from './json-fields.ts';

describe('keepJsonFields', () => {
  it('keeps top-level and nested paths, whole at their last key, nothing else', () => {
    const value = { a: { b: { c: 1, d: 2 }, e: 3 }, f: [1, 2], g: 'secret', h: null };
    expect(keepJsonFields(value, ['a.b', 'f', 'h'])).toEqual({ a: { b: { c: 1, d: 2 } }, f: [1, 2], h: null });
    expect(keepJsonFields(value, ['a.b.c', 'a.b'])).toEqual({ a: { b: { c: 1, d: 2 } } });
    expect(keepJsonFields(value, ['a.b', 'a.b.c'])).toEqual({ a: { b: { c: 1, d: 2 } } });
    expect(keepJsonFields(value, ['missing', 'g.length', 'a.e.x'])).toEqual({ a: {} });
  });

  it('applies the rest of a path to each element of an array met on the way, keeping indices', () => {
    const value = { input: { attachments: [{ link: { share_scrape_data: 'x', tracking: 't' }, photo: 1 }, 'odd', { video: 2 }] } };
    expect(keepJsonFields(value, ['input.attachments.link.share_scrape_data']))
      .toEqual({ input: { attachments: [{ link: { share_scrape_data: 'x' } }, null, {}] } });
    expect(keepJsonFields([{ a: 1, b: 2 }], ['a'])).toEqual([{ a: 1 }]);
  });

  it('never reads inherited keys', () => {
    expect(keepJsonFields(JSON.parse('{"a":1}'), ['toString', 'constructor.name'])).toEqual({});
    expect(JSON.stringify(keepJsonFields(JSON.parse('{"__proto__":{"x":1},"a":1}'), ['a']))).toBe('{"a":1}');
  });

  it('a value that is not an object holds none of the paths', () => {
    expect(keepJsonFields('text', ['a'])).toBeUndefined();
    expect(keepJsonFields(null, ['a'])).toBeUndefined();
  });
});

describe('keepJsonText', () => {
  it('reduces JSON text; text that is not a JSON object or array becomes null; no paths, as is', () => {
    expect(keepJsonText('{"a":1,"b":2}', ['a'])).toBe('{"a":1}');
    expect(keepJsonText('not json', ['a'])).toBeNull();
    expect(keepJsonText('"a string"', ['a'])).toBeNull();
    expect(keepJsonText(null, ['a'])).toBeNull();
    expect(keepJsonText('not json', undefined)).toBe('not json');
  });
});

describe('keepFormJson', () => {
  const fields = { variables: ['input.id'], signed_body: ['caption'] };
  it('reduces the JSON of the named fields and leaves the others', () => {
    const body = new URLSearchParams({ name: 'M', variables: '{"input":{"id":"1","actor_id":"9"},"scale":1}' }).toString();
    expect(Object.fromEntries(new URLSearchParams(keepFormJson(body, fields) ?? ''))).toEqual({ name: 'M', variables: '{"input":{"id":"1"}}' });
  });

  it('keeps the shape of signed JSON (`SIGNATURE.{json}`), whatever its signature was', () => {
    const signed = (sig: string) => new URLSearchParams({ signed_body: `${sig}.{"caption":"hi. there","_uid":"630","device_id":"dev"}` }).toString();
    for (const sig of ['SIGNATURE', 'a1b2c3d4e5', '']) {
      expect(new URLSearchParams(keepFormJson(signed(sig), fields) ?? '').get('signed_body')).toBe('SIGNATURE.{"caption":"hi. there"}');
    }
  });

  it('drops a named field whose value is not JSON, rather than relay it unread', () => {
    const body = new URLSearchParams({ name: 'M', variables: 'actor_id=9', signed_body: 'SIGNATURE.not json' }).toString();
    expect(keepFormJson(body, fields)).toBe('name=M');
    expect(keepFormJson(null, fields)).toBeNull();
    expect(keepFormJson(body, undefined)).toBe(body);
  });
});
