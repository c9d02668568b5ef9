/**
 * The 72-hour clock of GDPR art. 33(1).
 * @remarks Elapsed time, not wall-clock time: 72 h after an instant is always 259,200,000 ms
 * later, whatever daylight saving does to the Stockholm clock in between.
 */

export const NOTICE_WINDOW_MS = 72 * 60 * 60 * 1000;

/** The deadline for notifying IMY: awareAt + 72 h, as ISO 8601 UTC. */
export function noticeDeadline(awareAt: string): string {
  return new Date(Date.parse(awareAt) + NOTICE_WINDOW_MS).toISOString();
}

/** Milliseconds left until the deadline (negative when overdue). */
export function timeLeftMs(deadline: string, now: Date): number {
  return Date.parse(deadline) - now.getTime();
}

/** True when `at` is later than 72 h after `awareAt` (a late notice must give reasons). */
export function isLate(awareAt: string, at: string): boolean {
  return Date.parse(at) > Date.parse(noticeDeadline(awareAt));
}

/**
 * Time left in words: `2 d 5 h kvar`, `45 min kvar`, `försenad 3 h`.
 */
export function formatTimeLeft(ms: number, locale: 'sv' | 'en' = 'sv'): string {
  const overdue = ms < 0;
  const totalMinutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (days === 0 && (minutes > 0 || parts.length === 0)) parts.push(`${minutes} min`);
  const span = parts.join(' ');
  if (locale === 'en') return overdue ? `overdue by ${span}` : `${span} left`;
  return overdue ? `försenad ${span}` : `${span} kvar`;
}
