/**
 * Time in Europe/Stockholm: display of UTC instants and reading of local wall-clock times.
 * @remarks All arithmetic is done on UTC instants; Stockholm time is only for people.
 * Uses the platform's time-zone database through Intl, so daylight saving follows the tz rules.
 */

export const STOCKHOLM = 'Europe/Stockholm';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: STOCKHOLM,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Stockholm's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function stockholmOffsetMinutes(instant: Date): number {
  const w = wallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** `2026-11-21 09:42` in Stockholm time. */
export function formatStockholm(iso: string | Date): string {
  const w = wallClock(typeof iso === 'string' ? new Date(iso) : iso);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** The calendar year in Stockholm at an instant. */
export function stockholmYear(iso: string | Date): number {
  return wallClock(typeof iso === 'string' ? new Date(iso) : iso).year;
}

/** The calendar date `YYYY-MM-DD` in Stockholm at an instant. */
export function stockholmDate(iso: string | Date): string {
  const w = wallClock(typeof iso === 'string' ? new Date(iso) : iso);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;

/**
 * Reads a Stockholm wall-clock time (`2024-02-05 10:30`, `2024-02-05T10:30:00` or a date alone,
 * meaning midnight) and returns the UTC instant as ISO 8601, or undefined if it is not a real time.
 * @remarks In the autumn overlap (02:00–03:00 occurs twice) the earlier instant is chosen; a time
 * in the spring gap (02:00–03:00 does not exist) is moved forward by the gap, as clocks were.
 */
export function parseStockholmLocal(text: string): string | undefined {
  const m = LOCAL_PATTERN.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(
    Number,
  );
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  // Try both offsets Stockholm uses; keep those that map back to the same wall clock, earliest first.
  const candidates = [120, 60]
    .map((offset) => naive - offset * 60000)
    .filter((t) => {
      const w = wallClock(new Date(t));
      return w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute;
    });
  if (candidates.length > 0) return new Date(Math.min(...candidates)).toISOString();
  // Spring-forward gap: the wall time never existed; read it with the winter offset.
  return new Date(naive - 60 * 60000).toISOString();
}

/** The `datetime-local` value (`2026-11-20T14:30`) of an instant, in Stockholm time: what a form shows. */
export function toLocalInput(instant: string | Date): string {
  return formatStockholm(instant).replace(' ', 'T');
}

/** A form's value as people write it: the `T` of a `datetime-local` value (`2026-11-20T14:30`) as a space; anything else as typed. */
export function writtenLocalInput(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? value.replace('T', ' ') : value;
}

/** The UTC instant (ISO 8601) of what a form holds as Stockholm time (`2026-11-20T14:30`, `2026-11-20 14:30`); undefined if blank or not a time. */
export function fromLocalInput(value: string): string | undefined {
  return value.trim() === '' ? undefined : parseStockholmLocal(value);
}

/** A form's separate date and time inputs as one local value (`2026-11-20T14:30`, midnight without a time); `''` without a date. */
export function joinDateAndTime(date: string, time: string): string {
  return date.trim() === '' ? '' : `${date.trim()}T${time.trim() || '00:00'}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a strict ISO 8601 date-time with a zone designator; returns its ISO form in UTC or undefined. */
export function parseIsoInstant(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.exec(
    text.trim(),
  );
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const t = Date.parse(text.trim());
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
