/**
 * Linking a report to a main incident: the same event reported more than once (a mass incident,
 * the sender and the recipient of one misdirected mail). The linked report keeps its number and
 * its facts, shows its link, and from then on:
 * - is not counted on its own in the register statistics (src/domain/register-report.ts);
 * - has no clock and no reminders of its own: the main's clock runs for the event (see
 *   {@link linkToMain} for why the main's deadline is never the later one);
 * - may be closed without an assessment of its own (the main's covers it).
 * Unlinking undoes all of that; both are audited on the report (`linked`, `unlinked`).
 * @remarks One level only: a main is never itself linked, and a report that others link to is
 * never linked to another, so there are no chains to follow.
 */
import { InvalidState, issue, ValidationError } from './errors';
import { clockRunning, type Incident } from './incident';
import type { Change } from './incident-changes';
import { NUMBER_PATTERN } from './incident-number';
import type { Person } from './person';
import { nextReminderAt } from './reminders';
import { asObject, FieldReader } from './report-input';

/** What the use case found out before the link is made. */
export interface LinkContext {
  /** The main incident named, when it exists. */
  main: Incident | undefined;
  /** Whether other reports are linked to the report being linked (it is a main itself). */
  reportHasLinkedReports: boolean;
}

/** Reads `{ mainNumber }`: a number like PUI-2026-0042. Throws {@link ValidationError}. */
export function parseLinkInput(raw: unknown): { mainNumber: string } {
  const r = new FieldReader(asObject(raw));
  r.rejectUnknown(new Set(['mainNumber']));
  const value = r.raw.mainNumber;
  let mainNumber: string | undefined;
  if (value === undefined || value === null || value === '') {
    r.fail(
      'mainNumber',
      'required',
      'Ange numret på huvudincidenten, till exempel PUI-2026-0042.',
      'Give the number of the main incident, for example PUI-2026-0042.',
    );
  } else if (typeof value !== 'string' || !NUMBER_PATTERN.test(value.trim().toUpperCase())) {
    r.fail(
      'mainNumber',
      'invalid_number',
      'Huvudincidentens nummer ska skrivas som PUI-2026-0042.',
      "The main incident's number must be written as PUI-2026-0042.",
    );
  } else {
    mainNumber = value.trim().toUpperCase();
  }
  r.done();
  return { mainNumber: mainNumber! };
}

function refuse(code: string, sv: string, en: string): never {
  throw new ValidationError([issue('mainNumber', code, sv, en)]);
}

function ensureOpen(report: Incident): void {
  if (report.status === 'closed') {
    throw new InvalidState(
      `${report.number} är avslutad och kan inte länkas eller avlänkas.`,
      `${report.number} is closed and cannot be linked or unlinked.`,
    );
  }
}

/** Checks that `main` may be the report's main incident; throws a {@link ValidationError} on `mainNumber` when not. */
function checkLink(report: Incident, mainNumber: string, context: LinkContext): Incident {
  const { main } = context;
  if (mainNumber === report.number) {
    refuse(
      'self_link',
      `${report.number} kan inte länkas till sig själv. Ange numret på en annan incident.`,
      `${report.number} cannot be linked to itself. Give the number of another incident.`,
    );
  }
  if (report.linkedTo) {
    refuse(
      'already_linked',
      `${report.number} är redan länkad till ${report.linkedTo.number}. Ta bort den länken först.`,
      `${report.number} is already linked to ${report.linkedTo.number}. Remove that link first.`,
    );
  }
  if (!main) {
    refuse(
      'main_not_found',
      `Det finns ingen incident ${mainNumber}. Kontrollera numret.`,
      `There is no incident ${mainNumber}. Check the number.`,
    );
  }
  if (main.linkedTo) {
    refuse(
      'main_is_linked',
      `${main.number} är själv länkad till ${main.linkedTo.number}. Länka till ${main.linkedTo.number} i stället.`,
      `${main.number} is itself linked to ${main.linkedTo.number}. Link to ${main.linkedTo.number} instead.`,
    );
  }
  if (context.reportHasLinkedReports) {
    refuse(
      'has_linked_reports',
      `Andra rapporter är länkade till ${report.number}, så den kan inte själv länkas. Länka i stället ${main.number} till ${report.number}, eller ta bort de länkarna först.`,
      `Other reports are linked to ${report.number}, so it cannot be linked itself. Link ${main.number} to ${report.number} instead, or remove those links first.`,
    );
  }
  // The linked report's clock stops: it must not be the one that runs out first.
  if (clockRunning(report) && clockRunning(main) && Date.parse(report.deadline) < Date.parse(main.deadline)) {
    refuse(
      'main_deadline_later',
      `${report.number} har en tidigare frist än ${main.number}: klockan ska gå från den första rapporten. Länka i stället ${main.number} till ${report.number}.`,
      `${report.number} has an earlier deadline than ${main.number}: the clock must run from the first report. Link ${main.number} to ${report.number} instead.`,
    );
  }
  return main;
}

/**
 * Links a report to its main incident. Refused (nothing changes): a closed report, the report
 * itself, a report linked already, a main that does not exist or is itself linked, a report others
 * are linked to, and a main whose running clock ends after the report's (the clock must run from
 * the earliest report of the event: link the other way round).
 */
export function linkToMain(report: Incident, raw: unknown, context: LinkContext, by: Person, now: Date): Change {
  ensureOpen(report);
  const { mainNumber } = parseLinkInput(raw);
  const main = checkLink(report, mainNumber, context);
  const at = now.toISOString();
  const next: Incident = {
    ...report,
    linkedTo: { id: main.id, number: main.number, linkedAt: at, linkedBy: by },
    updatedAt: at,
  };
  next.nextReminderAt = nextReminderAt(next, now);
  return { next, event: { at, actor: by, type: 'linked', data: { mainNumber: main.number, mainId: main.id } } };
}

/** Undoes a report's link: it counts on its own again and its own clock and reminders resume from where they stand. */
export function unlinkFromMain(report: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureOpen(report);
  const r = new FieldReader(asObject(raw ?? {}));
  r.rejectUnknown(new Set([]));
  r.done();
  const link = report.linkedTo;
  if (!link) {
    throw new InvalidState(
      `${report.number} är inte länkad till någon huvudincident.`,
      `${report.number} is not linked to a main incident.`,
    );
  }
  const at = now.toISOString();
  const { linkedTo: _link, ...rest } = report;
  const next: Incident = { ...rest, updatedAt: at };
  next.nextReminderAt = nextReminderAt(next, now);
  return { next, event: { at, actor: by, type: 'unlinked', data: { mainNumber: link.number, mainId: link.id } } };
}
