/**
 * The SharePoint adapter of the AccessLog port: the `PuiAccessLog` list, one item per read.
 * @remarks Cost: an append of n records is ⌈n/20⌉ `$batch` round trips (2 resource units per
 * item); a page of an incident's log is one indexed query (`IncidentId`, ordered by the indexed
 * `At`). Culling lists what is due through the indexed `At` and deletes it in `$batch`es.
 */
import type { AccessRecord, AccessView } from '../../domain/access-log';
import { fieldError } from '../../domain/incident-changes';
import type { AccessLog, ListOptions, Logger, Page } from '../../domain/ports';
import { duplicate, ok, unlessUnavailable } from './batch-answers';
import { odataString } from './graph-http';
import type { ListItem } from './incident-fields';
import { deleteEach, sendEach } from './list-batches';
import { secondCeiling, type ListItems } from './list-items';
import { ACCESS_EXPORTS, TEXT_MAX } from './list-schema';

const ACCESS_FIELDS = 'RecordId,IncidentId,At,AtExact,ActorId,ActorName,ActorRole,View,Target';

function text(value: string | null): string | null {
  return value === null ? null : value.slice(0, TEXT_MAX);
}

/** The fields of an access record's item. */
export function accessFields(record: AccessRecord): Record<string, unknown> {
  return {
    Title: record.view,
    RecordId: record.id,
    IncidentId: record.incidentId ?? ACCESS_EXPORTS,
    At: record.at,
    AtExact: record.at,
    ActorId: record.actorId,
    ActorName: text(record.actorName),
    ActorRole: record.actorRole,
    View: record.view,
    Target: text(record.target),
  };
}

/** Reads an access record back from its item. */
export function accessFromItem(item: ListItem): AccessRecord {
  const f = item.fields ?? {};
  const incidentId = String(f.IncidentId);
  return {
    id: String(f.RecordId),
    at: typeof f.AtExact === 'string' ? f.AtExact : String(f.At),
    actorId: String(f.ActorId),
    actorName: String(f.ActorName ?? ''),
    actorRole: f.ActorRole === 'dpo' ? 'dpo' : 'reporter',
    incidentId: incidentId === ACCESS_EXPORTS ? null : incidentId,
    view: String(f.View) as AccessView,
    target: typeof f.Target === 'string' && f.Target ? f.Target : null,
  };
}

/**
 * The query for records read before `before`, and the exact check: SharePoint keeps dateTime to the
 * second, so ask up to the second after and keep the exact ones.
 */
function readBefore(before: string): [string, (record: AccessRecord) => boolean] {
  const cutoff = Date.parse(before);
  if (Number.isNaN(cutoff))
    throw fieldError('before', 'invalid_datetime', 'Tidpunkten är ogiltig.', 'The time is invalid.');
  return [`fields/At le ${odataString(secondCeiling(cutoff))}`, (record) => Date.parse(record.at) < cutoff];
}

export class SharePointAccessLog implements AccessLog {
  constructor(
    private readonly items: ListItems,
    private readonly logger?: Logger,
  ) {}

  /** Creates one item per record; a create refused by the unique `RecordId` (a retried flush that landed) is done. */
  append(records: readonly AccessRecord[]): Promise<void> {
    return unlessUnavailable(async () => {
      const requests = records.map((record, index) => ({
        id: String(index),
        method: 'POST' as const,
        url: this.items.paths.access,
        body: { fields: accessFields(record) },
      }));
      await sendEach(
        this.items,
        'access.append',
        requests,
        (answer) => ok(answer.status) || duplicate(answer.status, answer.body),
        this.logger,
      );
    });
  }

  listForIncident(incidentId: string, options: ListOptions = {}): Promise<Page<AccessRecord>> {
    return this.pageOf(incidentId, options);
  }

  listExports(options: ListOptions = {}): Promise<Page<AccessRecord>> {
    return this.pageOf(ACCESS_EXPORTS, options);
  }

  async cullBefore(before: string, limit?: number): Promise<number> {
    const [filter, pick] = readBefore(before);
    return this.deleteWhere(filter, pick, limit);
  }

  async countBefore(before: string): Promise<number> {
    const [filter, pick] = readBefore(before);
    return unlessUnavailable(async () => (await this.idsWhere(filter, pick)).length);
  }

  deleteForIncident(incidentId: string): Promise<number> {
    return this.deleteWhere(
      `fields/IncidentId eq ${odataString(incidentId)}`,
      (record) => record.incidentId === incidentId,
    );
  }

  private pageOf(incidentId: string, options: ListOptions): Promise<Page<AccessRecord>> {
    return unlessUnavailable(async () => {
      const page = await this.items.page('access.list', 'access', {
        select: ACCESS_FIELDS,
        filter: `fields/IncidentId eq ${odataString(incidentId)}`,
        orderby: 'fields/At desc',
        limit: options.limit,
        cursor: options.cursor,
      });
      const records = page.items
        .map(accessFromItem)
        .filter((record) => (record.incidentId ?? ACCESS_EXPORTS) === incidentId);
      // SharePoint orders by the second; within it, the exact instant.
      records.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
      return page.next ? { items: records, next: page.next } : { items: records };
    });
  }

  /** The ids of the items the filter finds that `pick` keeps, oldest first, page by page (indexed query); at most `limit`. */
  private idsWhere(filter: string, pick: (record: AccessRecord) => boolean, limit?: number): Promise<string[]> {
    const query = { select: ACCESS_FIELDS, filter, orderby: 'fields/At asc' };
    return this.items.idsWhere('access.due', 'access', query, (item) => pick(accessFromItem(item)), limit);
  }

  /** Lists every item the filter finds (ids only kept), then deletes those `pick` keeps; a 404 (gone already) counts as done. */
  private deleteWhere(filter: string, pick: (record: AccessRecord) => boolean, limit?: number): Promise<number> {
    return unlessUnavailable(async () => {
      const ids = await this.idsWhere(filter, pick, limit);
      await deleteEach(this.items, 'access.delete', 'access', ids, this.logger);
      return ids.length;
    });
  }
}
