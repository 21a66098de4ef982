/** Base64 as sites send it in ids and params: either alphabet (`+/` or URL-safe `-_`), padded or not. */

/**
 * The decoded bytes as a binary string (one char per byte, as `atob` gives), or null when the text is
 * not base64. Facebook's relay ids (`feedback:<id>`) and YouTube's InnerTube params (protobufs) both
 * come in the URL-safe alphabet, often without padding.
 */
export function base64UrlToBinary(text: string): string | null {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    return atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    return null;
  }
}

/** The same, as bytes. */
export function base64UrlToBytes(text: string): Uint8Array | null {
  const bin = base64UrlToBinary(text);
  if (bin === null) return null;
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
