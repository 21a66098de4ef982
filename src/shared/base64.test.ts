import { describe, expect, it } from 'vitest';
import { base64UrlToBinary, base64UrlToBytes } from './base64.ts';

describe('base64 as sites send it', () => {
  it('decodes both alphabets, with or without padding', () => {
    expect(base64UrlToBinary(btoa('feedback:1234_5678'))).toBe('feedback:1234_5678');
    expect(base64UrlToBinary(btoa('feedback:12').replace(/=+$/, ''))).toBe('feedback:12');
    // 0xfb 0xff: "+/" in the standard alphabet, "-_" in the URL-safe one.
    expect([...(base64UrlToBytes('-_8') ?? [])]).toEqual([0xfb, 0xff]);
    expect([...(base64UrlToBytes('+/8=') ?? [])]).toEqual([0xfb, 0xff]);
  });

  it('gives null for what is not base64', () => {
    expect(base64UrlToBinary('feedback:12')).toBeNull();
    expect(base64UrlToBytes('%%%')).toBeNull();
    expect(base64UrlToBytes('a')).toBeNull();
  });
});
