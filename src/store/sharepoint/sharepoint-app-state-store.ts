/**
 * The SharePoint adapter of the AppStateStore port: the app-state list, one item per key.
 * @remarks Cost, in SharePoint resource units (≈1 per single read, 2 per query or write): a read
 * 1 once the item is known to this process, else 2; each write 2, up to 20 in one `$batch` round
 * trip. Scheduled items (the outbox's entries) are listed through the indexed `DueAt` column,
 * 2 units a page, so the card references that share the list are never read by that query.
 */
import { Conflict, issue, ValidationError } from '../../domain/errors';
import type {
  AppStateStore,
  Logger,
  Page,
  ScheduledStateEntry,
  ScheduledStateOptions,
  StateEntry,
  StateWrite,
  StateWriteOutcome,
} from '../../domain/ports';
import { unlessUnavailable } from './batch-answers';
import { odataString } from './graph-http';
import { itemEtag, stateDueAt, stateValue } from './incident-fields';
import { secondCeiling, type ListItems } from './list-items';
import { STATE_FIELDS, writeStates } from './state-writes';

const SCHEDULED_STATE_FIELDS = 'StateKey,Value,WriteId,DueAt,DueAtExact';
/** SharePoint's earliest date: `DueAt ge` this holds every scheduled item and no unscheduled one. */
const SHAREPOINT_MIN_DATE = '1900-01-01T00:00:00Z';

export class SharePointAppStateStore implements AppStateStore {
  constructor(
    private readonly items: ListItems,
    private readonly newId: () => string,
    private readonly logger?: Logger,
  ) {}

  getState<T>(key: string): Promise<StateEntry<T> | undefined> {
    return unlessUnavailable(async () => {
      const item = await this.items.findOne('state', 'StateKey', key, STATE_FIELDS);
      return item ? { value: stateValue<T>(item), etag: itemEtag(item) } : undefined;
    });
  }

  /** One write of {@link writeStates}; a refused one is a `Conflict`. */
  putState<T>(key: string, value: T, expectedEtag: string | null | undefined): Promise<StateEntry<T>> {
    return unlessUnavailable(async () => {
      const [outcome] = await writeStates(
        this.items,
        [{ kind: 'put', key, value, expectedEtag, dueAt: null }],
        this.newId,
        this.logger,
      );
      if (!outcome.ok)
        throw new Conflict('Värdet har ändrats av någon annan.', 'The value was changed by someone else.');
      return { value, etag: outcome.etag! };
    });
  }

  writeStates(writes: readonly StateWrite[]): Promise<StateWriteOutcome[]> {
    return unlessUnavailable(() => writeStates(this.items, writes, this.newId, this.logger));
  }

  /**
   * Filters on the indexed `DueAt` first, so SharePoint narrows by that index however long the
   * list grows (one item per incident's card reference lives there too); the key prefix is a
   * second clause on the indexed `StateKey`.
   */
  listScheduledState<T>(prefix: string, options: ScheduledStateOptions = {}): Promise<Page<ScheduledStateEntry<T>>> {
    return unlessUnavailable(async () => {
      let exact: number | undefined;
      let dueClause = `fields/DueAt ge ${odataString(SHAREPOINT_MIN_DATE)}`;
      if (options.dueBy !== undefined) {
        exact = Date.parse(options.dueBy);
        if (Number.isNaN(exact))
          throw new ValidationError([
            issue('dueBy', 'invalid_datetime', 'Tidpunkten är ogiltig.', 'The time is invalid.'),
          ]);
        dueClause = `fields/DueAt le ${odataString(secondCeiling(exact))}`;
      }
      const page = await this.items.page('state.scheduled', 'state', {
        select: SCHEDULED_STATE_FIELDS,
        filter: `${dueClause} and startswith(fields/StateKey, ${odataString(prefix)})`,
        orderby: 'fields/DueAt asc',
        limit: options.limit,
        cursor: options.cursor,
      });
      const entries: ScheduledStateEntry<T>[] = [];
      for (const item of page.items) {
        const key = item.fields?.StateKey;
        const dueAt = stateDueAt(item);
        // SharePoint compares text without regard to case; keys are compared exactly.
        if (typeof key !== 'string' || !key.startsWith(prefix) || dueAt === undefined) continue;
        if (exact !== undefined && Date.parse(dueAt) > exact) continue;
        this.items.note('StateKey', key, item.id);
        entries.push({ key, value: stateValue<T>(item), etag: itemEtag(item), dueAt });
      }
      // SharePoint orders by the second; within it, the exact instant and then the key.
      entries.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return page.next ? { items: entries, next: page.next } : { items: entries };
    });
  }
}
