/**
 * Reads tab-, semicolon- or comma-separated register text with csv-parse: quoted cells with
 * embedded quotes and line breaks, CRLF, Excel's `sep=` line. The separator is sniffed from the
 * header line.
 */
import { parse } from 'csv-parse/sync';
import type { RegisterRecord, RegisterRowProblem } from '../domain/register-row';
import { RegisterFileError, type RegisterFileFormat, type RegisterTable } from './register-table';

/** The separators a register file may use. */
export type Separator = '\t' | ';' | ',';

const FORMATS: Record<Separator, RegisterFileFormat> = { '\t': 'tsv', ';': 'csv-semicolon', ',': 'csv-comma' };

/** The separator of a header line: the most frequent of tab, semicolon and comma outside quotes (ties: that order). */
export function sniffSeparator(headerLine: string): Separator {
  const counts: Record<Separator, number> = { '\t': 0, ';': 0, ',': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\t' || ch === ';' || ch === ',')) counts[ch] += 1;
  }
  return (['\t', ';', ','] as const).reduce((best, s) => (counts[s] > counts[best] ? s : best), '\t' as Separator);
}

function newlines(text: string): number {
  return text.match(/\n/g)?.length ?? 0;
}

/**
 * Parses register text into its header row and records, each with the line it starts on.
 * Lines the parser cannot read (an unclosed quote) are reported, not thrown.
 * @throws RegisterFileError when the text holds no header row.
 */
export function parseDelimitedRegister(text: string): RegisterTable {
  // One line end: csv-parse miscounts lines for CRLF inside quoted cells, and cells keep LF only.
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let separator: Separator | undefined;
  // Excel's `sep=;` hint: honour it, and blank the line so line numbers stay the file's own.
  const hint = /^sep=(.)\n/i.exec(body);
  if (hint && ['\t', ';', ','].includes(hint[1])) {
    separator = hint[1] as Separator;
    body = body.slice(hint[0].length - 1);
  }
  const firstLine = body.split('\n').find((l) => l.trim() !== '') ?? '';
  if (firstLine.trim() === '') {
    throw new RegisterFileError(
      'file_empty',
      'Filen är tom: den har ingen rubrikrad och inga incidenter.',
      'The file is empty: no header row and no incidents.',
    );
  }
  separator ??= sniffSeparator(firstLine);

  const unreadable: RegisterRowProblem[] = [];
  const parsed = parse(body, {
    delimiter: separator,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (error, raw) => {
      const lines = (error as { lines?: number } | undefined)?.lines ?? 0;
      const start = Math.max(1, lines - newlines((raw ?? '').replace(/^\n+/, '').replace(/\n$/, '')));
      unreadable.push({
        line: start,
        code: 'unreadable',
        message: `Raden kunde inte läsas${lines > start ? ` (rad ${start}–${lines} hänger ihop)` : ''}: ett citattecken (") öppnar en cell men stängs aldrig. Sätt citattecken runt hela cellen och skriv citattecken i texten dubbelt ("").`,
        messageEn: `The row could not be read${lines > start ? ` (lines ${start}–${lines} run together)` : ''}: a quote (") opens a cell but is never closed. Quote the whole cell and double quotes inside it ("").`,
      });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number; raw: string } }[];

  const records: RegisterRecord[] = parsed.map(({ record, info }) => ({
    line: info.lines - newlines(info.raw.replace(/^\n+/, '').replace(/\n$/, '')),
    cells: record,
  }));
  const header = records.shift();
  if (!header) {
    throw new RegisterFileError(
      'file_unreadable',
      'Filens första rad kunde inte läsas som en rubrikrad.',
      'The first line of the file could not be read as a header row.',
    );
  }
  return { format: FORMATS[separator], headers: header.cells, records, unreadable };
}
