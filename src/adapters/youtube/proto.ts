/**
 * Reads the few string fields the adapter needs out of InnerTube's `…Params` values: base64 (URL-safe,
 * sometimes percent-encoded) protocol buffers. Layouts from LuanRT/YouTube.js `protos/misc/params.proto`
 * and its generated decoders (a maintained third-party client, confidence M):
 *   CreateCommentParams       { string video_id = 2; Params params = 5; int32 number = 10 }
 *   CreateCommentReplyParams  { string video_id = 2; string comment_id = 4; … }
 * Only top-level length-delimited fields are read; anything malformed gives an empty map, never throws.
 */
import { base64UrlToBytes } from '../../shared/base64.ts';

/** The params are sometimes percent-encoded (as they sit in a URL) before being base64. */
function base64Bytes(value: string): Uint8Array | null {
  try {
    return base64UrlToBytes(value.includes('%') ? decodeURIComponent(value) : value);
  } catch {
    return null; // A malformed percent escape.
  }
}

/** Top-level string fields by field number (the first occurrence of each). */
export function protoStrings(value: string): Map<number, string> {
  const out = new Map<number, string>();
  const bytes = base64Bytes(value);
  if (!bytes) return out;
  let i = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (i >= bytes.length || shift > 49) throw new RangeError('varint');
      const b = bytes[i++] ?? 0;
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  try {
    while (i < bytes.length) {
      const key = varint();
      const field = Math.floor(key / 8);
      switch (key & 7) {
        case 0: varint(); break;
        case 1: i += 8; break;
        case 5: i += 4; break;
        case 2: {
          const len = varint();
          if (i + len > bytes.length) return out;
          const slice = bytes.subarray(i, i + len);
          i += len;
          if (!out.has(field)) {
            try {
              out.set(field, new TextDecoder('utf-8', { fatal: true }).decode(slice));
            } catch {
              // A nested message, not text.
            }
          }
          break;
        }
        default: return out;
      }
    }
  } catch {
    return out;
  }
  return out;
}

/** Writes a message of string and int fields (for fixtures and the tests' fake server). */
export function encodeProto(fields: [number, string | number][]): string {
  const bytes: number[] = [];
  const varint = (n: number): void => {
    let v = n;
    while (v >= 0x80) {
      bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    bytes.push(v);
  };
  for (const [field, value] of fields) {
    if (typeof value === 'number') {
      varint(field * 8);
      varint(value);
    } else {
      const encoded = new TextEncoder().encode(value);
      varint(field * 8 + 2);
      varint(encoded.length);
      bytes.push(...encoded);
    }
  }
  return btoa(String.fromCharCode(...bytes));
}
