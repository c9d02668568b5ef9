// Draws the app icons (a shield with an exclamation mark) and writes them as PNG files:
//   appPackage/color.png               192×192, full colour (the Teams app icon)
//   appPackage/outline.png             32×32, white on transparent (the Teams outline icon)
//   appPackage/outlook-assets/icon-N.png  16, 32 and 80 px, accent on transparent (the Outlook ribbon button)
// The PNGs are committed; run `node scripts/generate-app-icons.mjs` only to change the drawing.
// No image library: the pixels are computed, 4×4 supersampled, and encoded with node:zlib.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** The app's accent colour (#1F4E79), also `accentColor` in the manifest. */
export const ACCENT = [0x1f, 0x4e, 0x79];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels (row by row, 4 bytes each) as a PNG file. */
export function encodePng(width, height, rgba) {
  if (rgba.length !== width * height * 4)
    throw new Error(`encodePng: expected ${width * height * 4} bytes, got ${rgba.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods stay 0
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The glyph in a unit square: a shield whose sides curve into a point, an exclamation mark cut out of it.
function inShield(x, y) {
  const top = 0.1;
  const shoulder = 0.5;
  const bottom = 0.92;
  const halfWidth = 0.34;
  if (y < top || y > bottom) return false;
  if (y <= shoulder) return Math.abs(x - 0.5) <= halfWidth;
  const t = (y - shoulder) / (bottom - shoulder);
  return Math.abs(x - 0.5) <= halfWidth * Math.pow(1 - t, 0.75);
}

function inExclamation(x, y) {
  const bar = Math.abs(x - 0.5) <= 0.06 && y >= 0.24 && y <= 0.56;
  const dot = (x - 0.5) ** 2 + (y - 0.7) ** 2 <= 0.065 ** 2;
  return bar || dot;
}

/** True where the glyph (shield minus exclamation mark) is painted. */
export function glyphAt(x, y) {
  return inShield(x, y) && !inExclamation(x, y);
}

/**
 * Renders a square icon: `paint(inGlyph)` gives [r, g, b, a] for a sample; 4×4 samples per pixel are
 * averaged (colour weighted by alpha). `scale` shrinks the glyph around the centre (1 = full square).
 */
export function renderIcon(size, paint, scale = 1) {
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = ((px + (sx + 0.5) / samples) / size - 0.5) / scale + 0.5;
          const y = ((py + (sy + 0.5) / samples) / size - 0.5) / scale + 0.5;
          const [sr, sg, sb, sa] = paint(glyphAt(x, y));
          r += sr * sa;
          g += sg * sa;
          b += sb * sa;
          a += sa;
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      // Fully transparent pixels keep the paint's colour, so an outline icon is white everywhere.
      const [fr, fg, fb] = a === 0 ? paint(false) : [r / a, g / a, b / a];
      rgba[i] = Math.round(fr);
      rgba[i + 1] = Math.round(fg);
      rgba[i + 2] = Math.round(fb);
      rgba[i + 3] = Math.round(a / n);
    }
  }
  return rgba;
}

/** Every icon of the app: file path (relative to the repository) → PNG bytes. */
export function appIcons() {
  const color = (inGlyph) => (inGlyph ? [...WHITE, 255] : [...ACCENT, 255]);
  const outline = (inGlyph) => [...WHITE, inGlyph ? 255 : 0];
  const ribbon = (inGlyph) => [...ACCENT, inGlyph ? 255 : 0];
  const files = {
    // Teams asks for the symbol in the middle half of the colour icon, on a full-bleed background.
    'appPackage/color.png': encodePng(192, 192, renderIcon(192, color, 0.6)),
    'appPackage/outline.png': encodePng(32, 32, renderIcon(32, outline, 0.9)),
  };
  for (const size of [16, 32, 80]) {
    files[`appPackage/outlook-assets/icon-${size}.png`] = encodePng(size, size, renderIcon(size, ribbon, 0.95));
  }
  return files;
}

// CLI: writes the icons into the repository.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  for (const [file, png] of Object.entries(appIcons())) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), png);
    console.log(`${file} (${png.length} bytes)`);
  }
}
