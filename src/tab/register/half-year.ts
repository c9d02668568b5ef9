/** Half-year periods for the committee report, and incidents counted by month (Stockholm dates). */
import { stockholmDate } from '../../domain/stockholm-time';
import type { Incident } from '../../domain/incident';

export interface HalfYear {
  year: number;
  half: 1 | 2;
}

/** The half-year an instant falls in, in Stockholm. */
export function halfYearOf(instant: Date): HalfYear {
  const [year, month] = stockholmDate(instant).split('-').map(Number);
  return { year, half: month <= 6 ? 1 : 2 };
}

/** `2026-1` / `2026-2`, for select values. */
export function halfYearKey(h: HalfYear): string {
  return `${h.year}-${h.half}`;
}

export function parseHalfYearKey(key: string): HalfYear | undefined {
  const m = /^(\d{4})-([12])$/.exec(key);
  return m ? { year: Number(m[1]), half: Number(m[2]) as 1 | 2 } : undefined;
}

/** The period's first and last dates, inclusive (`2026-01-01` – `2026-06-30`). */
export function periodOf(h: HalfYear): { from: string; to: string } {
  return h.half === 1
    ? { from: `${h.year}-01-01`, to: `${h.year}-06-30` }
    : { from: `${h.year}-07-01`, to: `${h.year}-12-31` };
}

/** This half-year and the ones before it, latest first. */
export function recentHalfYears(now: Date, count = 6): HalfYear[] {
  const list: HalfYear[] = [];
  let h = halfYearOf(now);
  for (let i = 0; i < count; i++) {
    list.push(h);
    h = h.half === 2 ? { year: h.year, half: 1 } : { year: h.year - 1, half: 2 };
  }
  return list;
}

/** The six months of a half-year, `YYYY-MM`. */
export function monthsOf(h: HalfYear): string[] {
  const first = h.half === 1 ? 1 : 7;
  return Array.from({ length: 6 }, (_, i) => `${h.year}-${String(first + i).padStart(2, '0')}`);
}

/** Incidents discovered in each month of the half-year. */
export function countByMonth(
  incidents: readonly Pick<Incident, 'discoveredAt'>[],
  h: HalfYear,
): { month: string; count: number }[] {
  const counts = new Map(monthsOf(h).map((m) => [m, 0]));
  for (const i of incidents) {
    const month = stockholmDate(i.discoveredAt).slice(0, 7);
    const current = counts.get(month);
    if (current !== undefined) counts.set(month, current + 1);
  }
  return [...counts].map(([month, count]) => ({ month, count }));
}
