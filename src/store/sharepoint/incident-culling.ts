/**
 * Retention culling on SharePoint (the `cull` of the incident store): the trail's items deleted,
 * the cull's own event appended once, and the incident's item replaced by the culled record.
 * @remarks Graph v1.0 lists and restores a list item's versions
 * (https://learn.microsoft.com/graph/api/resources/listitemversion) but cannot delete one, so a
 * scope that changes the incident deletes its item (and with it the item's version history) and
 * creates the culled record as a new item with the same identity columns. Deleted items go to the
 * site's recycle bin, which Graph v1.0 cannot empty: SharePoint empties it after 93 days, or a
 * site owner empties both stages sooner (docs/records-management.md). Every step is idempotent,
 * so a re-run after a crash at any point finishes the job; the retention run keeps the culled
 * record in app state until the cull is done, so an item deleted before its successor was
 * created is never lost.
 */
import type { Incident, NewAuditEvent } from '../../domain/incident';
import type { Logger } from '../../domain/ports';
import { culledEventId, scopeChangesIncident, scopeDropsTrail } from '../../domain/retention-cull';
import { duplicate, ok } from './batch-answers';
import { graphError } from './graph-error';
import { odataString } from './graph-http';
import { appendEventRequest } from './incident-events';
import { incidentFields, incidentFromItem, itemEtag, type ListItem } from './incident-fields';
import { deleteEach, sendEach } from './list-batches';
import type { ListItems } from './list-items';

const INCIDENT_FIELDS = 'IncidentId,IncidentNumber,ReportId,WriteId,Document';

/** Deletes every event item of the incident but `keepEventId`, page by page; answers how many went. */
async function deleteTrail(items: ListItems, incidentId: string, keepEventId: string, logger?: Logger) {
  const ids = await items.idsWhere(
    'events.cull',
    'events',
    {
      select: 'EventId,IncidentId',
      filter: `fields/IncidentId eq ${odataString(incidentId)}`,
      orderby: 'fields/At asc',
    },
    (item) => item.fields?.IncidentId === incidentId && item.fields?.EventId !== keepEventId,
  );
  await deleteEach(items, 'events.cull', 'events', ids, logger);
  return ids.length;
}

/** Appends the cull's event; one already there (a re-run) counts as done. */
async function appendCulledEvent(items: ListItems, kept: Incident, event: NewAuditEvent, logger?: Logger) {
  const request = appendEventRequest(items, { ...event, id: culledEventId(kept), incidentId: kept.id });
  await sendEach(items, 'events.cull', [request], (a) => ok(a.status) || duplicate(a.status, a.body), logger);
}

/** Creates the culled record's item; one already there from an earlier attempt of this run counts as done. */
async function createItem(items: ListItems, kept: Incident, newId: () => string): Promise<ListItem> {
  const answers = await items.http.batch('incidents.cull', [
    { id: 'incident', method: 'POST', url: items.paths.incidents, body: { fields: incidentFields(kept, newId()) } },
  ]);
  const answer = answers.get('incident')!;
  if (ok(answer.status)) return answer.body as ListItem;
  if (duplicate(answer.status, answer.body)) {
    const found = await items.queryOne('incidents', 'IncidentId', kept.id, INCIDENT_FIELDS);
    if (found && incidentFromItem(found).retention?.runId === kept.retention!.runId) return found;
  }
  throw graphError('incidents.cull', answer.status, answer.headers, answer.body);
}

/** Deletes the item (a 404: gone already). */
async function deleteItem(items: ListItems, itemId: string, logger?: Logger): Promise<void> {
  await deleteEach(items, 'incidents.cull', 'incidents', [itemId], logger);
}

/** Writes the culled record over the item in place (a scope that leaves the incident as it was). */
async function patchItem(items: ListItems, itemId: string, kept: Incident, newId: () => string): Promise<string> {
  const { headers } = await items.http.send('incidents.cull', 'PATCH', items.itemPath('incidents', itemId, '/fields'), {
    body: incidentFields(kept, newId()),
  });
  const etag = headers.get('ETag');
  if (etag) return etag;
  return itemEtag((await items.readItem('incidents', itemId, 'WriteId'))!);
}

/** The whole cull of one incident (see the file's remarks). */
export async function cullOnSharePoint(
  items: ListItems,
  kept: Incident,
  event: NewAuditEvent,
  newId: () => string,
  logger?: Logger,
): Promise<Incident> {
  const scope = kept.retention!.scope;
  if (scopeDropsTrail(scope)) await deleteTrail(items, kept.id, culledEventId(kept), logger);
  await appendCulledEvent(items, kept, event, logger);
  const current = await items.queryOne('incidents', 'IncidentId', kept.id, INCIDENT_FIELDS);
  const done = current && incidentFromItem(current).retention?.runId === kept.retention!.runId;
  if (current && done) return incidentFromItem(current);
  if (current && !scopeChangesIncident(scope))
    return { ...kept, etag: await patchItem(items, current.id, kept, newId) };
  if (current) {
    await deleteItem(items, current.id, logger);
    for (const column of ['IncidentId', 'IncidentNumber', 'ReportId'] as const)
      items.forget(column, String(current.fields?.[column]));
  }
  const created = await createItem(items, kept, newId);
  items.note('IncidentId', kept.id, created.id);
  items.note('IncidentNumber', kept.number, created.id);
  items.note('ReportId', kept.reportId, created.id);
  return { ...kept, etag: itemEtag(created) };
}
