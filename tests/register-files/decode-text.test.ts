import { decodeRegisterBytes, decodeWindows1252 } from '../../src/register-files';

describe('decodeRegisterBytes', () => {
  const text = 'Rubrik;När upptäckte ni incidenten?\r\nFörsenat – 5 €;2024-01-01\r\n';

  it('reads UTF-8 with and without BOM, dropping the BOM', () => {
    expect(decodeRegisterBytes(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeRegisterBytes(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads Windows-1252 (Swedish Excel "CSV") when the bytes are not UTF-8, including € and –', () => {
    const bytes = Buffer.from(Array.from(text, (ch) => (ch === '–' ? 0x96 : ch === '€' ? 0x80 : ch.charCodeAt(0))));
    expect(bytes.includes(0xe4)).toBe(true); // ä as one Latin byte
    expect(decodeRegisterBytes(bytes)).toEqual({ text, encoding: 'windows-1252' });
  });

  it('reads UTF-16 LE with BOM (Excel "Unicode text")', () => {
    expect(decodeRegisterBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({
      text,
      encoding: 'utf-16le',
    });
  });
});

describe('decodeWindows1252', () => {
  it('maps 0x80–0x9F to the Windows-1252 characters, not Latin-1 controls', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x84, 0x93, 0x94, 0x96, 0x97, 0xc5, 0xe5]))).toBe('€„“”–—Åå');
  });
});
