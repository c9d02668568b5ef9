/**
 * Announcing news to the DPO channel: the news goes into the outbox in the store first, then the
 * notifier is told; it delivers from the outbox (see announce-pending), so a failed or interrupted
 * announcement is retried, never lost, and never undoes the change it announces.
 */
import type { Incident } from '../domain';
import type { UseCaseDeps } from './deps';
import { announcementKey, outboxFor, type AnnouncementNews } from './outbox';

/**
 * Queues news in the outbox. A report's news is queued *before* the incident is stored
 * (write-ahead), so a crash between storing and announcing leaves the announcement behind.
 * Does nothing when nobody listens (no notifier: CLI, tests).
 */
export async function queueAnnouncement(deps: UseCaseDeps, news: AnnouncementNews): Promise<void> {
  if (!deps.notifier) return;
  await outboxFor(deps.appState, deps.clock).enqueue(news);
}

/** Withdraws queued news that will not happen (the report could not be stored). */
export async function withdrawAnnouncement(deps: UseCaseDeps, news: AnnouncementNews): Promise<void> {
  if (!deps.notifier) return;
  await outboxFor(deps.appState, deps.clock).remove(announcementKey(news));
}

/**
 * Announces stored news: queues a change (a report was queued before it was stored), then tells
 * the notifier. A failure here is logged, never thrown: the change is stored and the outbox retries.
 */
export async function announce(deps: UseCaseDeps, kind: 'reported' | 'changed', incident: Incident): Promise<void> {
  if (!deps.notifier) return;
  try {
    if (kind === 'changed') await queueAnnouncement(deps, { kind: 'changed', incidentId: incident.id, reportId: incident.reportId });
    if (kind === 'reported') await deps.notifier.incidentReported(incident);
    else await deps.notifier.incidentChanged(incident);
  } catch (error) {
    // Log ids only: an error message may quote personal data.
    deps.logger.warn('announcement failed', { incidentId: incident.id, number: incident.number, kind, error: (error as Error).name });
  }
}
