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
 * True when no time is left: at the deadline itself or after it.
 * @remarks The clock's boundary, shared by every place that shows it (cards, reminders, the tab),
 * so "overdue" never differs between them. The overdue reminder goes out at the deadline too.
 */
export function isOverdue(msLeft: number): boolean {
  return msLeft <= 0;
}

/**
 * Time left in words: `2 d 5 h kvar`, `45 min kvar`, `mindre än 1 min kvar`, `försenad 3 h`.
 * @remarks The span is rounded down to whole minutes; under one minute it says "less than 1 min"
 * rather than `0 min`, which would read as time left at the deadline.
 */
export function formatTimeLeft(ms: number, locale: 'sv' | 'en' = 'sv'): string {
  const overdue = isOverdue(ms);
  const totalMinutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (days === 0 && minutes > 0) parts.push(`${minutes} min`);
  if (locale === 'en') {
    const span = totalMinutes === 0 ? 'less than 1 min' : parts.join(' ');
    return overdue ? `overdue by ${span}` : `${span} left`;
  }
  const span = totalMinutes === 0 ? 'mindre än 1 min' : parts.join(' ');
  return overdue ? `försenad ${span}` : `${span} kvar`;
}
