/** Reads PNG files for the icon tests: the IHDR header, and RGBA pixels of 8-bit RGBA images. */
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The IHDR fields of a PNG. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 6 is RGBA. */
  colorType: number;
}

function chunks(bytes: Buffer): { type: string; data: Buffer }[] {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: wrong signature');
  const found: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    found.push({ type: bytes.toString('ascii', at + 4, at + 8), data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return found;
}

/** The header of a PNG, from its IHDR chunk (which must come first). */
export function readPngHeader(bytes: Buffer): PngHeader {
  const [first] = chunks(bytes);
  if (first?.type !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  return {
    width: first.data.readUInt32BE(0),
    height: first.data.readUInt32BE(4),
    bitDepth: first.data[8],
    colorType: first.data[9],
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The pixels of an 8-bit RGBA, non-interlaced PNG, 4 bytes each, row by row. */
export function decodeRgba(bytes: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const header = readPngHeader(bytes);
  if (header.bitDepth !== 8 || header.colorType !== 6)
    throw new Error(`only 8-bit RGBA is supported, got depth ${header.bitDepth} type ${header.colorType}`);
  const raw = inflateSync(
    Buffer.concat(
      chunks(bytes)
        .filter((c) => c.type === 'IDAT')
        .map((c) => c.data),
    ),
  );
  const stride = header.width * 4;
  const rgba = new Uint8Array(stride * header.height);
  for (let y = 0; y < header.height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= 4 ? rgba[y * stride + x - 4] : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4] : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width: header.width, height: header.height, rgba };
}
