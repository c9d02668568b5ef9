/** The board's order, filters and search, as pure functions. */
import { nextDuty, type DutyUrgency } from '../../domain/duties';
import type { Incident } from '../../domain/incident';
import type { Person } from '../../domain/person';
import { possiblySameEvent, similarityItem, type SameMark } from '../../domain/similar-reports';
import { STATUS_IDS, type Source, type Status } from '../../domain/vocabulary';

/** Owner filter value for "nobody has taken it". */
export const NO_OWNER = '-';

export interface BoardFilters {
  status: Status | '';
  source: Source | '';
  unit: string;
  /** '' every owner, {@link NO_OWNER} nobody, else a person's id. */
  owner: string;
  /** Part of a number (`0042`, `PUI-2026-0042`) or of a title. */
  search: string;
}

export const NO_FILTERS: BoardFilters = { status: '', source: '', unit: '', owner: '', search: '' };

function normalise(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ').trim();
}

/** True when the incident passes every filter. */
export function matches(incident: Incident, f: BoardFilters): boolean {
  if (f.status && incident.status !== f.status) return false;
  if (f.source && incident.source !== f.source) return false;
  if (f.unit && (incident.unit ?? '') !== f.unit) return false;
  if (f.owner === NO_OWNER && incident.owner) return false;
  if (f.owner && f.owner !== NO_OWNER && incident.owner?.id !== f.owner) return false;
  const q = normalise(f.search);
  if (q && !normalise(incident.number).includes(q) && !normalise(incident.title).includes(q)) return false;
  return true;
}

const URGENCY_RANK: Record<DutyUrgency, number> = { overdue: 0, today: 1, later: 2, none: 3 };

/**
 * What needs the DPO first: open incidents whose next duty is overdue, then due within 24 h, then
 * later, then those whose duty has no time of its own (art. 34, closing) – each group by the
 * duty's time; closed ones last, the latest closed first.
 */
export function boardOrder(now: Date): (a: Incident, b: Incident) => number {
  return (a, b) => {
    const aOpen = a.status !== 'closed';
    const bOpen = b.status !== 'closed';
    if (aOpen !== bOpen) return aOpen ? -1 : 1;
    if (!aOpen) return Date.parse(b.closedAt ?? b.updatedAt) - Date.parse(a.closedAt ?? a.updatedAt);
    const da = nextDuty(a, now);
    const db = nextDuty(b, now);
    return (
      URGENCY_RANK[da.urgency] - URGENCY_RANK[db.urgency] ||
      Date.parse(da.dueAt ?? a.deadline) - Date.parse(db.dueAt ?? b.deadline) ||
      a.number.localeCompare(b.number)
    );
  };
}

/**
 * The incidents to show, in board order, each linked report right under its main when both are
 * shown. `numbers` (the digest's link: `#/board?numbers=…`) shows just those, instead of the filters.
 */
export function boardRows(
  items: readonly Incident[],
  filters: BoardFilters,
  now: Date,
  numbers?: readonly string[],
): Incident[] {
  const only = numbers ? new Set(numbers) : undefined;
  const shown = items.filter((i) => (only ? only.has(i.number) : matches(i, filters))).sort(boardOrder(now));
  const mains = new Set(shown.map((i) => i.id));
  const under = new Map<string, Incident[]>();
  for (const i of shown) {
    if (i.linkedTo && mains.has(i.linkedTo.id)) under.set(i.linkedTo.id, [...(under.get(i.linkedTo.id) ?? []), i]);
  }
  const rows: Incident[] = [];
  for (const i of shown) {
    if (i.linkedTo && mains.has(i.linkedTo.id)) continue;
    rows.push(i, ...(under.get(i.id) ?? []).sort((a, b) => a.number.localeCompare(b.number)));
  }
  return rows;
}

/**
 * The board's *möjligen samma händelse* marks (src/domain/similar-reports.ts) over every incident
 * loaded, whatever the filters show: per number, the first report and why.
 */
export function boardMarks(items: readonly Incident[]): Map<string, SameMark> {
  return possiblySameEvent(items.map(similarityItem));
}

/** The board's counts at a glance: overdue, due within 24 h, and each status. */
export interface BoardCounts {
  overdue: number;
  today: number;
  byStatus: Record<Status, number>;
}

/** Counts the incidents shown (filters applied) by the urgency of their next duty and by status. */
export function boardCounts(items: readonly Incident[], now: Date): BoardCounts {
  const byStatus = Object.fromEntries(STATUS_IDS.map((s) => [s, 0])) as Record<Status, number>;
  let overdue = 0;
  let today = 0;
  for (const i of items) {
    byStatus[i.status] += 1;
    const urgency = nextDuty(i, now).urgency;
    if (urgency === 'overdue') overdue += 1;
    if (urgency === 'today') today += 1;
  }
  return { overdue, today, byStatus };
}

/** The units and owners that occur, for the filters' choices. */
export function filterChoices(items: readonly Incident[]): { units: string[]; owners: Person[] } {
  const units = [...new Set(items.map((i) => i.unit).filter((u): u is string => Boolean(u)))].sort((a, b) =>
    a.localeCompare(b, 'sv'),
  );
  const owners = new Map<string, Person>();
  for (const i of items) if (i.owner) owners.set(i.owner.id, i.owner);
  return { units, owners: [...owners.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv')) };
}
