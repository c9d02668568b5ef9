/**
 * Announcing news to the DPO channel: use cases put news into the outbox in the store; the
 * delivery loop (deliver-announcements.ts) takes it from there and posts through the
 * ChannelPoster port. A failed or interrupted announcement is retried, never lost, and never
 * undoes the change it announces.
 */
import type { Incident } from '../domain';
import type { UseCaseDeps } from './deps';
import { announcementKey, type AnnouncementNews } from './outbox';

/**
 * Queues news in the outbox. A report's news is queued *before* the incident is stored
 * (write-ahead), so a crash between the two writes leaves the announcement behind rather than a
 * stored incident the DPO channel never hears of; it is delivered only once the incident exists.
 * Does nothing where nothing delivers (no outbox: CLI, tests).
 */
export async function queueAnnouncement(deps: UseCaseDeps, news: AnnouncementNews): Promise<void> {
  await deps.outbox?.enqueue(news);
}

/** Withdraws queued news that will not happen (the report could not be stored). */
export async function withdrawAnnouncement(deps: UseCaseDeps, news: AnnouncementNews): Promise<void> {
  await deps.outbox?.remove(announcementKey(news));
}

/**
 * Announces stored news: a report (queued before it was stored) is now deliverable; a change is
 * queued now, after it was stored. A failure here is logged, never thrown: the change is stored.
 * @remarks A crash between storing a change and queueing it leaves the card one change behind
 * until the next change, or until a DPO's client refreshes it (Universal Actions).
 */
export async function announce(deps: UseCaseDeps, kind: 'reported' | 'changed', incident: Incident): Promise<void> {
  if (!deps.outbox) return;
  try {
    if (kind === 'changed')
      await queueAnnouncement(deps, { kind: 'changed', incidentId: incident.id, reportId: incident.reportId });
    else deps.outbox.nudge();
  } catch (error) {
    // Log ids only: an error message may quote personal data.
    deps.logger.warn('announcement failed', {
      incidentId: incident.id,
      number: incident.number,
      kind,
      error: (error as Error).name,
    });
  }
}
