/**
 * The DPO imports the register they kept before PUI Desk: every readable row becomes a (closed,
 * historical) incident; importing the same rows again adds nothing.
 */
import { createHash } from 'node:crypto';
import { Forbidden, isDpo, type Caller } from '../domain';
import {
  incidentContentKey,
  registerRowToNewIncident,
  type RegisterEntry,
  type RegisterRowProblem,
} from '../domain/register-row';
import type { UseCaseDeps } from './deps';

/** The rows to import: readable entries, and the problems of the lines that were not. */
export interface RegisterImportInput {
  entries: readonly RegisterEntry[];
  problems: readonly RegisterRowProblem[];
}

/** What became of each readable row. */
export interface ImportedRow {
  line: number;
  number: string;
  created: boolean;
}

/** What an import did, in counts and by line. */
export interface ImportRegisterResult {
  /** Rows stored as new incidents. */
  imported: number;
  /** Rows already in the store (an earlier import of them, or the export of an incident kept here). */
  alreadyThere: number;
  /** Lines that could not be read (each listed in `problems`). */
  rejected: number;
  /** Every problem, by line. */
  problems: RegisterRowProblem[];
  /** Notes on rows that were imported but deserve a look, by line. */
  notes: RegisterRowProblem[];
  rows: ImportedRow[];
}

/**
 * The report id of an imported row: a SHA-256 of its normalised register content and its ordinal
 * among identical rows of the file.
 * @remarks The ordinal keeps genuine duplicates (two identical rows) as two incidents, and a
 * re-import finds each of them again, once.
 */
export function importReportId(entry: Pick<RegisterEntry, 'contentKey' | 'ordinal'>): string {
  return `import-${createHash('sha256').update(`${entry.contentKey}\n#${entry.ordinal}`).digest('hex')}`;
}

/** Stores every readable row that is not already there, in file order (DPO only). Nothing is announced: the rows are history. */
export async function importRegister(
  deps: Pick<UseCaseDeps, 'store' | 'clock' | 'logger'>,
  caller: Caller,
  input: RegisterImportInput,
): Promise<ImportRegisterResult> {
  if (!isDpo(caller))
    throw new Forbidden(
      'Bara dataskyddsombudet kan importera registret.',
      'Only the data protection officer can import the register.',
    );
  const importer = { id: caller.id, name: caller.name };
  const now = deps.clock.now();
  const result: ImportRegisterResult = {
    imported: 0,
    alreadyThere: 0,
    rejected: new Set(input.problems.map((p) => p.line)).size,
    problems: [...input.problems].sort((a, b) => a.line - b.line),
    notes: [],
    rows: [],
  };
  for (const entry of input.entries) {
    // An exported row of an incident kept here carries its number: same content, same incident.
    if (entry.number) {
      const existing = await deps.store.getByNumber(entry.number);
      if (existing && incidentContentKey(existing) === entry.contentKey) {
        result.alreadyThere += 1;
        result.rows.push({ line: entry.line, number: existing.number, created: false });
        continue;
      }
      if (existing) {
        result.notes.push({
          line: entry.line,
          code: 'number_content_differs',
          column: 'Nummer',
          message: `${existing.number} finns redan men med annat innehåll i registerkolumnerna. Raden importerades som en ny incident; importen ändrar aldrig befintliga incidenter.`,
          messageEn: `${existing.number} exists with different register content. The row was imported as a new incident; the import never changes existing incidents.`,
        });
      }
    }
    const { incident, event } = registerRowToNewIncident(entry, importReportId(entry), importer, now);
    const stored = await deps.store.create(incident, event);
    if (stored.created) result.imported += 1;
    else result.alreadyThere += 1;
    result.rows.push({ line: entry.line, number: stored.incident.number, created: stored.created });
  }
  deps.logger.info('register imported', {
    imported: result.imported,
    alreadyThere: result.alreadyThere,
    rejected: result.rejected,
  });
  return result;
}
