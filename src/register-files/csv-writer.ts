/**
 * Writes the register as CSV the way Swedish Excel opens it: semicolon-separated, UTF-8 with a
 * byte-order mark, CRLF line ends.
 */
import { EXPORT_HEADERS, registerRowCells, type RegisterRow } from '../domain/register-row';

const BOM = '\uFEFF';

/**
 * One CSV cell: quoted when it holds a separator, quote, line break or edge space.
 * @remarks A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so Excel does
 * not run it as a formula (titles come from anyone who can report); the import removes it again.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The CSV text of a table (header row first), with BOM, `;` and CRLF. */
export function toSemicolonCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** The register as CSV bytes: the exported headers, then one row per incident. */
export function registerCsv(rows: readonly RegisterRow[]): Buffer {
  return Buffer.from(toSemicolonCsv([EXPORT_HEADERS, ...rows.map(registerRowCells)]), 'utf8');
}
