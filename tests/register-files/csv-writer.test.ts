import { csvCell, parseDelimitedRegister, registerCsv, toSemicolonCsv } from '../../src/register-files';
import { EXPORT_HEADERS, type RegisterRow } from '../../src/domain/register-row';

describe('csvCell', () => {
  it.each([
    ['enkel', 'enkel'],
    ['a;b', '"a;b"'],
    ['han sa "hej"', '"han sa ""hej"""'],
    ['rad1\nrad2', '"rad1\nrad2"'],
    [' kant', '" kant"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('toSemicolonCsv', () => {
  it('starts with a UTF-8 BOM and ends every row with CRLF', () => {
    expect(
      toSemicolonCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('\uFEFFa;b\r\nc;d\r\n');
  });

  it('reads back cell for cell, formula guard removed by the register reader', () => {
    const cells = ['=1+1', 'a;b', 'x "y" z', 'rad1\nrad2', 'Åäö €'];
    const text = toSemicolonCsv([['h1', 'h2', 'h3', 'h4', 'h5'], cells]);
    const table = parseDelimitedRegister(text);
    expect(table.format).toBe('csv-semicolon');
    expect(table.records[0].cells).toEqual(["'=1+1", 'a;b', 'x "y" z', 'rad1\nrad2', 'Åäö €']);
  });
});

describe('registerCsv', () => {
  it('writes the export headers first, as UTF-8 bytes with BOM', () => {
    const row = Object.fromEntries(EXPORT_HEADERS.map((_, i) => [`k${i}`, ''])) as unknown as RegisterRow;
    const bytes = registerCsv([row]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(EXPORT_HEADERS.join(';'));
  });
});
