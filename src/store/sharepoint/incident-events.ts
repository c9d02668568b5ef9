/**
 * The audit trail on SharePoint: one item per event in the events list, appended in the same
 * `$batch` as the incident write it records (chained by `dependsOn`, so it lands only after it).
 * A retried append whose first attempt landed is refused by the unique `EventId`, which counts as done.
 */
import type { AuditEvent } from '../../domain/incident';
import { odataString, query, type BatchRequest } from './graph-http';
import { eventFields, eventFromItem, type ListItem } from './incident-fields';
import { MAX_LIMIT, type ListItems } from './list-items';

const EVENT_FIELDS = 'EventId,IncidentId,At,AtExact,EventType,ActorId,ActorName,Data';

/** The `$batch` request (id `event`) that appends `event`, after the request `after` when given. */
export function appendEventRequest(items: ListItems, event: AuditEvent, after?: string): BatchRequest {
  return {
    id: 'event',
    method: 'POST',
    url: items.paths.events,
    body: { fields: eventFields(event) },
    dependsOn: after ? [after] : undefined,
  };
}

/** The incident's events, oldest first. */
export async function auditTrail(items: ListItems, incidentId: string): Promise<AuditEvent[]> {
  const path = `${items.paths.events}${query({
    $expand: `fields($select=${EVENT_FIELDS})`,
    $filter: `fields/IncidentId eq ${odataString(incidentId)}`,
    $orderby: 'fields/At asc',
    $top: MAX_LIMIT,
  })}`;
  const rows: { event: AuditEvent; seq: number }[] = [];
  for await (const item of items.http.items<ListItem>('events.list', path)) {
    rows.push({ event: eventFromItem(item), seq: Number(item.id) });
  }
  // SharePoint sorts by the second; the exact instant, then creation order, decide within it.
  rows.sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.seq - b.seq);
  return rows.map((r) => r.event);
}
