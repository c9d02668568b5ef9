import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDelimitedRegister, RegisterFileError, sniffSeparator } from '../../src/register-files';

const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'register-sample.tsv'), 'utf8');

describe('sniffSeparator', () => {
  it.each([
    ['Rubrik\tNär upptäckte ni incidenten?\tBeskrivning', '\t'],
    ['Rubrik;När upptäckte ni incidenten?;Beskrivning', ';'],
    ['Rubrik,När upptäckte ni incidenten?,Beskrivning', ','],
    ['"Rubrik, kort";"När";"Hur"', ';'],
    ['Rubrik', '\t'],
  ])('finds the separator of %j', (line, expected) => {
    expect(sniffSeparator(line)).toBe(expected);
  });
});

describe('parseDelimitedRegister', () => {
  it('reads the fixture: seven headers, ten records on lines 2–11, the quoted phrase kept', () => {
    const table = parseDelimitedRegister(fixture);
    expect(table.format).toBe('tsv');
    expect(table.headers).toHaveLength(7);
    expect(table.headers[0]).toBe('Rubrik');
    expect(table.records.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(table.records.every((r) => r.cells.length === 7)).toBe(true);
    expect(table.records[0].cells[2]).toContain(
      'Mottagaren svarade "det här är inte till mig" och raderade meddelandet.',
    );
    expect(table.records[5].cells).toEqual([
      'Skrivarkö blandade ihop användare',
      '2024-07-03 13:30',
      'Två anställda med samma namn fick varandras utskrifter.',
      '',
      '',
      '2024-07-03 13:30',
      '',
    ]);
    expect(table.unreadable).toEqual([]);
  });

  it('reads semicolon CSV with BOM, CRLF, quoted cells, doubled quotes and line breaks, keeping line numbers', () => {
    const text =
      '\uFEFFRubrik;När upptäckte ni incidenten?;Beskrivning av incidenten\r\n' +
      'A;2024-01-01 10:00;"Rad ett\r\nrad två med ""citat"" och ; semikolon"\r\n' +
      '\r\n' +
      'B;2024-01-02 10:00;Enkel\r\n';
    const table = parseDelimitedRegister(text);
    expect(table.format).toBe('csv-semicolon');
    expect(table.headers).toEqual(['Rubrik', 'När upptäckte ni incidenten?', 'Beskrivning av incidenten']);
    expect(table.records).toEqual([
      { line: 2, cells: ['A', '2024-01-01 10:00', 'Rad ett\nrad två med "citat" och ; semikolon'] },
      { line: 5, cells: ['B', '2024-01-02 10:00', 'Enkel'] },
    ]);
  });

  it('keeps counting lines right after several multi-line cells', () => {
    const table = parseDelimitedRegister('Rubrik;Beskrivning;När\nA;"x\r\ny\r\nz";1\nB;"p\nq";2\n\nC;r;3\n');
    expect(table.records.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'A'],
      [5, 'B'],
      [8, 'C'],
    ]);
  });

  it('reads comma CSV as Excel writes it in English locales', () => {
    const table = parseDelimitedRegister('Rubrik,När upptäckte ni incidenten?\n"Fel, mottagare",2024-01-01\n');
    expect(table.format).toBe('csv-comma');
    expect(table.records[0].cells).toEqual(['Fel, mottagare', '2024-01-01']);
  });

  it("honours Excel's sep= line and keeps the file's line numbers", () => {
    const table = parseDelimitedRegister('sep=,\r\nRubrik,När upptäckte ni incidenten?\r\nA;B,2024-01-01\r\n');
    expect(table.headers).toEqual(['Rubrik', 'När upptäckte ni incidenten?']);
    expect(table.records).toEqual([{ line: 3, cells: ['A;B', '2024-01-01'] }]);
  });

  it('reports a quote that is never closed by the line it starts on, keeping the records before it', () => {
    const table = parseDelimitedRegister('Rubrik;När\nA;2024-01-01\nB;"2024-01-02\nC;2024-01-03\n');
    expect(table.records.map((r) => r.cells[0])).toEqual(['A']);
    expect(table.unreadable).toHaveLength(1);
    expect(table.unreadable[0]).toMatchObject({ line: 3, code: 'unreadable' });
    expect(table.unreadable[0].message).toContain('ett citattecken (") öppnar en cell men stängs aldrig');
  });

  it('refuses an empty file', () => {
    expect(() => parseDelimitedRegister('\uFEFF\r\n\r\n')).toThrow(RegisterFileError);
    expect(() => parseDelimitedRegister('')).toThrow('Filen är tom');
  });
});
