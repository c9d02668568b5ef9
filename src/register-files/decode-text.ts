/**
 * Turns the bytes of a register file into text: UTF-8 (with or without BOM), UTF-16 with BOM
 * (Excel's "Unicode text"), or Windows-1252 (what Swedish Excel writes as plain "CSV").
 */

/** The encodings a register file can come in. */
export type RegisterEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

// Windows-1252 differs from Latin-1 in 0x80–0x9F; Node 20's TextDecoder('windows-1252') decodes
// that range as Latin-1 control characters, so the table is ours. Undefined bytes stay as U+FFFD.
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd,
  0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0xfffd, 0x017e, 0x0178,
];

/** Decodes Windows-1252 bytes. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b)));
  }
  return out;
}

/**
 * Decodes a register file: a byte-order mark decides; without one, valid UTF-8 is UTF-8 and
 * anything else is read as Windows-1252. The BOM is not part of the text.
 */
export function decodeRegisterBytes(bytes: Uint8Array): { text: string; encoding: RegisterEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_ENCODING_INVALID_ENCODED_DATA' && !(error instanceof TypeError))
      throw error;
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
