import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/**
 * Draws the app icon (electron/build-resources/icon.png, 512×512): a dark blue rounded square
 * with a white agenda page of numbered lines. electron-builder makes the .ico and .icns from
 * it. Run `npx tsx electron/dev/make-icon.ts` after changing the drawing; the PNG is committed.
 */
const SIZE = 512;
const SAMPLES = 4; // supersampling per axis, for smooth edges

type Rgb = readonly [number, number, number];
const BLUE: Rgb = [0x1f, 0x4e, 0x79];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const LINE: Rgb = [0x9d, 0xb4, 0xc9];
const NUMBER: Rgb = [0x1f, 0x4e, 0x79];

/** Inside a rectangle with rounded corners. */
function inRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The colour at a point, or null where the icon is transparent. */
function colourAt(x: number, y: number): Rgb | null {
  if (!inRoundedRect(x, y, 16, 16, 496, 496, 96)) return null;
  if (!inRoundedRect(x, y, 128, 88, 384, 424, 18)) return BLUE;
  for (let row = 0; row < 5; row++) {
    const top = 140 + row * 56;
    if (inRoundedRect(x, y, 160, top, 188, top + 24, 6)) return NUMBER;
    if (inRoundedRect(x, y, 208, top + 4, row % 2 === 0 ? 352 : 320, top + 20, 8)) return LINE;
  }
  return WHITE;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // PNG filter "none" for this row
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        a += 1;
      }
    }
    const offset = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[offset] = a ? Math.round(r / a) : 0;
    raw[offset + 1] = a ? Math.round(g / a) : 0;
    raw[offset + 2] = a ? Math.round(b / a) : 0;
    raw[offset + 3] = Math.round((a / SAMPLES ** 2) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = fileURLToPath(new URL('../build-resources/icon.png', import.meta.url));
writeFileSync(target, png);
process.stdout.write(`wrote ${target} (${png.length} bytes)\n`);
