/**
 * Times in forms: a `datetime-local` input is read as Swedish wall-clock time (Europe/Stockholm),
 * whatever the computer's own time zone, and sent to the API as a UTC instant.
 */
import { formatStockholm, parseStockholmLocal } from '../../domain/stockholm-time';

/** The `datetime-local` value (`2026-11-20T14:30`) of an instant, in Stockholm time. */
export function toLocalInput(instant: string | Date): string {
  return formatStockholm(instant).replace(' ', 'T');
}

/** The UTC instant (ISO 8601) of a `datetime-local` value read as Stockholm time; undefined if blank or not a time. */
export function fromLocalInput(value: string): string | undefined {
  return value.trim() === '' ? undefined : parseStockholmLocal(value);
}

/** An instant for people: `2026-11-21 09:42`, or a dash when absent. */
export function displayTime(instant: string | undefined | null): string {
  return instant ? formatStockholm(instant) : '–';
}
