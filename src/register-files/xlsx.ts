/**
 * The register as an Excel workbook (exceljs): written on export, read on import.
 */
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, type ExportColumnKey, type RegisterRow } from '../domain/register-row';
import { RegisterFileError, type RegisterTable } from './register-table';

const TIME_COLUMNS: ReadonlySet<ExportColumnKey> = new Set(['discoveredAt', 'occurredAt', 'imyNotifiedAt', 'deadline']);
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/** A Stockholm wall-clock text as the Date exceljs stores for it (Excel dates have no zone: UTC fields). */
function excelDate(text: string): Date | string {
  const m = WALL_CLOCK.exec(text);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])) : text;
}

/** The register as XLSX bytes: one sheet "Register", a bold frozen header row, times as Excel dates. */
export async function registerXlsx(rows: readonly RegisterRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PUI Desk';
  const sheet = workbook.addWorksheet('Register', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'description' ? 60 : c.key === 'title' ? 40 : TIME_COLUMNS.has(c.key) ? 17 : 22,
    style: TIME_COLUMNS.has(c.key) ? { numFmt: 'yyyy-mm-dd hh:mm' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    // Strings are written as strings, never formulas: no guard against formula injection is needed here.
    sheet.addRow(EXPORT_COLUMNS.map((c) => (TIME_COLUMNS.has(c.key) ? excelDate(row[c.key]) : row[c.key])));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell's value as register text; dates become Stockholm wall-clock `YYYY-MM-DD HH:MM`. */
export function cellToText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (value instanceof Date) {
    // Excel serials carry float noise (10:29:59.999 for 10:30): round to the second.
    const d = new Date(Math.round(value.getTime() / 1000) * 1000);
    const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    return d.getUTCSeconds() ? `${base}:${pad(d.getUTCSeconds())}` : base;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellToText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return '';
  return '';
}

/**
 * Reads the first sheet of a workbook as a register table; line numbers are Excel's row numbers.
 * @throws RegisterFileError when the bytes are not a workbook or the sheet is empty.
 */
export async function parseRegisterXlsx(bytes: Uint8Array): Promise<RegisterTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new RegisterFileError(
      'file_unreadable',
      `Filen kunde inte läsas som en Excel-arbetsbok (.xlsx): ${(error as Error).message.slice(0, 200)}. Spara den på nytt i Excel som .xlsx eller som CSV (UTF-8).`,
      `The file could not be read as an Excel workbook (.xlsx). Save it again from Excel as .xlsx or as CSV (UTF-8).`,
    );
  }
  const sheet = workbook.worksheets[0];
  const rows: { line: number; cells: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellToText(row.getCell(c).value));
    rows.push({ line: rowNumber, cells });
  });
  const header = rows.shift();
  if (!header) {
    throw new RegisterFileError(
      'file_empty',
      'Arbetsbokens första blad är tomt: det har ingen rubrikrad och inga incidenter.',
      "The workbook's first sheet is empty.",
    );
  }
  while (header.cells.length > 0 && header.cells[header.cells.length - 1].trim() === '') header.cells.pop();
  // Excel keeps no trailing empty cells (a blank cause): pad rows to the header's width.
  for (const row of rows) while (row.cells.length < header.cells.length) row.cells.push('');
  return { format: 'xlsx', headers: header.cells, records: rows, unreadable: [] };
}
