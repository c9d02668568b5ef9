/** The board's order, filters and search, as pure functions. */
import type { Incident } from '../../domain/incident';
import type { Person } from '../../domain/person';
import type { Source, Status } from '../../domain/vocabulary';

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

/** Open incidents by deadline (earliest first), then closed ones, the latest closed first. */
export function boardOrder(a: Incident, b: Incident): number {
  const aOpen = a.status !== 'closed';
  const bOpen = b.status !== 'closed';
  if (aOpen !== bOpen) return aOpen ? -1 : 1;
  if (aOpen) return Date.parse(a.deadline) - Date.parse(b.deadline) || a.number.localeCompare(b.number);
  return Date.parse(b.closedAt ?? b.updatedAt) - Date.parse(a.closedAt ?? a.updatedAt);
}

/** The incidents to show, in board order. */
export function boardRows(items: readonly Incident[], filters: BoardFilters): Incident[] {
  return items.filter((i) => matches(i, filters)).sort(boardOrder);
}

/** The units and owners that occur, for the filters' choices. */
export function filterChoices(items: readonly Incident[]): { units: string[]; owners: Person[] } {
  const units = [...new Set(items.map((i) => i.unit).filter((u): u is string => Boolean(u)))].sort((a, b) => a.localeCompare(b, 'sv'));
  const owners = new Map<string, Person>();
  for (const i of items) if (i.owner) owners.set(i.owner.id, i.owner);
  return { units, owners: [...owners.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv')) };
}
