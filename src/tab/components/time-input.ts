/**
 * Times in forms: a `datetime-local` input is read as Swedish wall-clock time (Europe/Stockholm),
 * whatever the computer's own time zone, and sent to the API as a UTC instant.
 */
import { formatStockholm } from '../../domain/stockholm-time';

export { fromLocalInput, toLocalInput, writtenLocalInput } from '../../domain/stockholm-time';

/** An instant for people: `2026-11-21 09:42`, or a dash when absent. */
export function displayTime(instant: string | undefined | null): string {
  return instant ? formatStockholm(instant) : '–';
}
