// Draws the Give First icon (a white heart on a green rounded square) at every size the manifest
// uses, with 4×4 supersampling, and writes plain RGBA PNGs. Run: node icons/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1).
const inRoundedSquare = (u, v) => {
  const r = 0.22;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  return dx * dx + dy * dy <= r * r;
};
const inHeart = (u, v) => {
  // Classic implicit heart (x²+y²−1)³ − x²y³ ≤ 0, scaled into the square.
  const x = (u - 0.5) / 0.3;
  const y = -(v - 0.53) / 0.3;
  const q = x * x + y * y - 1;
  return q * q * q - x * x * y * y * y <= 0;
};

for (const size of [16, 32, 48, 128]) {
  const S = 4;
  const data = png(size, (x, y) => {
    let bg = 0;
    let heart = 0;
    for (let i = 0; i < S; i++) {
      for (let j = 0; j < S; j++) {
        const u = (x + (i + 0.5) / S) / size;
        const v = (y + (j + 0.5) / S) / size;
        if (inRoundedSquare(u, v)) {
          bg++;
          if (inHeart(u, v)) heart++;
        }
      }
    }
    const n = S * S;
    if (bg === 0) return [0, 0, 0, 0];
    const t = heart / bg;
    const mix = (a, b) => Math.round(a * (1 - t) + b * t);
    return [mix(0x1e, 0xff), mix(0x7b, 0xff), mix(0x4f, 0xff), Math.round((bg / n) * 255)];
  });
  writeFileSync(new URL(`./icon-${size}.png`, import.meta.url), data);
}
