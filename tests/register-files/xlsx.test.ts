import ExcelJS from 'exceljs';
import {
  cellToText,
  parseRegisterBytes,
  parseRegisterXlsx,
  RegisterFileError,
  registerXlsx,
} from '../../src/register-files';
import { EXPORT_HEADERS, REGISTER_COLUMNS, type RegisterRow } from '../../src/domain/register-row';

function aRow(overrides: Partial<RegisterRow> = {}): RegisterRow {
  return {
    title: '=Fel mottagare',
    discoveredAt: '2024-02-05 10:30',
    description: 'Rad ett\nrad två',
    unlikelyRisk: 'Nej',
    reportedToAuthority: '',
    occurredAt: '',
    cause: 'Övrigt',
    number: 'PUI-2024-0001',
    status: 'Avslutad',
    source: 'Outlook',
    unit: '',
    owner: '',
    risk: '',
    imyReference: '',
    imyNotifiedAt: '',
    deadline: '2024-02-08 10:30',
    breachTypes: '',
    dataCategories: '',
    affectedCount: '3',
    measures: '',
    subjectCategories: '',
    recordCount: '',
    consequences: '',
    plannedMeasures: '',
    crossBorder: '',
    findings: '',
    ...overrides,
  };
}

describe('registerXlsx', () => {
  it('writes a sheet "Register" with the export headers and one row per incident, times as Excel dates', async () => {
    const bytes = await registerXlsx([aRow(), aRow({ title: 'Andra', discoveredAt: '2024-12-31 23:59' })]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Register')!;
    expect(sheet.rowCount).toBe(3);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_HEADERS]);
    expect(sheet.getCell(2, 1).value).toBe('=Fel mottagare');
    expect(sheet.getCell(2, 1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell(2, 2).value).toEqual(new Date(Date.UTC(2024, 1, 5, 10, 30)));
    expect(sheet.getCell(2, 3).value).toBe('Rad ett\nrad två');
    expect(sheet.getCell(3, 1).value).toBe('Andra');
    expect(sheet.getCell(3, 2).value).toEqual(new Date(Date.UTC(2024, 11, 31, 23, 59)));
  });

  it('reads back as the same cells, empty trailing cells included', async () => {
    const table = await parseRegisterBytes(await registerXlsx([aRow()]));
    expect(table.format).toBe('xlsx');
    expect(table.headers).toEqual([...EXPORT_HEADERS]);
    expect(table.records).toHaveLength(1);
    expect(table.records[0].line).toBe(2);
    expect(table.records[0].cells.slice(0, 7)).toEqual([
      '=Fel mottagare',
      '2024-02-05 10:30',
      'Rad ett\nrad två',
      'Nej',
      '',
      '',
      'Övrigt',
    ]);
    expect(table.records[0].cells).toHaveLength(EXPORT_HEADERS.length);
  });
});

describe('parseRegisterXlsx', () => {
  it('reads a register typed in Excel: real date cells, rich text, a row without trailing cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad1');
    sheet.addRow(REGISTER_COLUMNS.map((c) => c.header));
    sheet.addRow([
      'Utskrift',
      new Date(Date.UTC(2024, 4, 20, 10, 59, 59, 999)),
      { richText: [{ text: 'Fel ' }, { text: 'skrivare' }] },
      'Ja',
      'Nej',
    ]);
    const table = await parseRegisterXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table.records).toEqual([
      { line: 2, cells: ['Utskrift', '2024-05-20 11:00', 'Fel skrivare', 'Ja', 'Nej', '', ''] },
    ]);
  });

  it('refuses bytes that are not a workbook with a Swedish message', async () => {
    await expect(parseRegisterXlsx(Buffer.from('PK\u0003\u0004trasig'))).rejects.toThrow(RegisterFileError);
    await expect(parseRegisterXlsx(Buffer.from('PK\u0003\u0004trasig'))).rejects.toThrow(
      'Filen kunde inte läsas som en Excel-arbetsbok (.xlsx)',
    );
  });

  it('turns cell values into register text', () => {
    expect([
      cellToText(null),
      cellToText(3),
      cellToText(true),
      cellToText({ formula: 'A1', result: 'x' } as ExcelJS.CellValue),
      cellToText({ text: 'länk', hyperlink: 'http://x' }),
    ]).toEqual(['', '3', 'Ja', 'x', 'länk']);
  });
});
