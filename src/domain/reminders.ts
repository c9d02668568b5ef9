/** When the clock's reminders fall due: 48, 24, 12, 4 and 1 h before the deadline, at it, then daily. */
import { clockRunning, type Incident } from './incident';

const HOUR = 3600_000;
export const REMINDER_HOURS_BEFORE = [48, 24, 12, 4, 1, 0] as const;

/**
 * The first reminder instant strictly after `after`, or null when the clock has stopped.
 * @remarks Past the deadline reminders repeat every 24 h.
 */
export function nextReminderAt(incident: Pick<Incident, 'deadline' | 'imyNotice' | 'assessment' | 'status'>, after: Date): string | null {
  if (!clockRunning(incident)) return null;
  const deadline = Date.parse(incident.deadline);
  for (const hours of REMINDER_HOURS_BEFORE) {
    const at = deadline - hours * HOUR;
    if (at > after.getTime()) return new Date(at).toISOString();
  }
  const daysPast = Math.floor((after.getTime() - deadline) / (24 * HOUR)) + 1;
  return new Date(deadline + daysPast * 24 * HOUR).toISOString();
}
