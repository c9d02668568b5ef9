/** Passes news to the notifier after the store has it; a failed announcement never undoes a report. */
import type { Incident } from '../domain';
import type { UseCaseDeps } from './deps';

export async function announce(deps: UseCaseDeps, kind: 'reported' | 'changed', incident: Incident): Promise<void> {
  if (!deps.notifier) return;
  try {
    if (kind === 'reported') await deps.notifier.incidentReported(incident);
    else await deps.notifier.incidentChanged(incident);
  } catch (error) {
    // The incident is stored; the announcement is retried from the outbox. Log ids only.
    deps.logger.warn('announcement failed', { incidentId: incident.id, number: incident.number, kind, error: (error as Error).name });
  }
}
