/**
 * The SharePoint adapter of the IncidentStore port: three lists on one site, through
 * Microsoft Graph, with an app-only credential granted Sites.Selected on that site.
 * @remarks Cost per operation, in SharePoint resource units (≈1 per single read, 2 per query
 * or write): get by id/number 1 once the item is known to this process, else 2; report 8
 * (duplicate check, counter, incident, event; the last three in one `$batch`); update 4 (one
 * `$batch`); each list page 2. Ambiguous answers (a retried write that may already have
 * landed) are settled by reading back the item's `WriteId`, so retries never duplicate.
 * App state: one item per key; scheduled items (the outbox's entries, one per entry) are listed
 * through the indexed `DueAt` column, 2 units a page, and written 2 units each, up to 20 in a
 * `$batch` round trip.
 */
import { randomUUID } from 'node:crypto';
import { Conflict, issue, NotFound, ValidationError } from '../../domain/errors';
import type { AuditEvent, Incident, NewAuditEvent, NewIncident } from '../../domain/incident';
import { formatIncidentNumber, parseIncidentNumber } from '../../domain/incident-number';
import type {
  AppStateStore, IncidentStore, ListOptions, Logger, Page, ScheduledStateEntry, ScheduledStateOptions, StateEntry, StateWrite, StateWriteOutcome, Stores,
} from '../../domain/ports';
import { stockholmYear } from '../../domain/stockholm-time';
import { createCredential, graphScope } from './credential';
import { errorParts, GraphError, graphError } from './graph-error';
import { GraphHttp, MAX_BATCH_REQUESTS, odataString, query, type BatchAnswer, type BatchRequest } from './graph-http';
import { eventFields, eventFromItem, incidentFields, incidentFromItem, itemEtag, stateDueAt, stateFields, stateValue, type ListItem } from './incident-fields';
import { RETRYABLE_STATUSES, RetryPolicy } from './retry-policy';
import { graphUserAgent, type SharePointConfig } from './sharepoint-config';
import { accessHint } from './access-hints';
import { findPuiLists, missingColumns, resolveSite, sitePath } from './site-lists';
import type { ListKey } from './list-schema';
import type { TokenCredential } from '@azure/identity';

/** Page size when the caller gives none, and the cap the port allows. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
/** Item ids remembered before the map starts over. */
const MAX_REMEMBERED = 60_000;
/** Rounds of counter contention one report may lose to other writers before giving up. */
const MAX_COUNTER_ROUNDS = 40;
/** Rounds of one app-state `$batch` (throttled answers sent again, a vanished item recreated) before giving up. */
const MAX_STATE_ROUNDS = 40;

const INCIDENT_FIELDS = 'IncidentId,IncidentNumber,ReportId,WriteId,Document';
const EVENT_FIELDS = 'EventId,IncidentId,At,AtExact,EventType,ActorId,ActorName,Data';
const STATE_FIELDS = 'StateKey,Value,WriteId';
const SCHEDULED_STATE_FIELDS = 'StateKey,Value,WriteId,DueAt,DueAtExact';
/** SharePoint's earliest date: `DueAt ge` this holds every scheduled item and no unscheduled one. */
const SHAREPOINT_MIN_DATE = '1900-01-01T00:00:00Z';

/** The lists are not there: provisioning has not run on this site. */
export class SharePointNotProvisioned extends Error {
  override readonly name = 'SharePointNotProvisioned';
}

/** Graph refused the app at start: the message says which credential or grant is missing. */
export class SharePointAccessDenied extends Error {
  override readonly name = 'SharePointAccessDenied';
}

export interface SharePointStoreParts {
  http: GraphHttp;
  siteId: string;
  lists: Record<ListKey, string>;
  logger?: Logger;
  /** New ids for incidents, events and writes (default randomUUID). */
  newId?: () => string;
}

export interface OpenSharePointOptions {
  logger?: Logger;
  /** A credential to use instead of the configured one (tests). */
  credential?: TokenCredential;
  /** A retry policy to use instead of the configured bounds (tests pass a fast sleep). */
  retry?: RetryPolicy;
}

interface Counter {
  itemId: string;
  value: number;
  /** Undefined when the last write's answer carried none: read before the next bump. */
  etag?: string;
}

const ok = (status: number) => status >= 200 && status < 300;

/** One app-state write of a `$batch`, and what it is sent as. */
interface StatePlan {
  /** Its place in the caller's writes (and its request id in the batch). */
  index: number;
  write: StateWrite;
  /** Tells our own landed write from someone else's when an answer was lost. */
  writeId: string;
  fields?: Record<string, unknown>;
  mode: 'create' | 'patch' | 'delete';
  itemId?: string;
}

/** Serialises work per key inside this process (number allocation per year). */
class KeyedMutex {
  private tails = new Map<string, Promise<unknown>>();
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/** Builds the Graph layer from config: credential, User-Agent, retry bounds, timeout. */
export function createGraphHttp(config: SharePointConfig, options: OpenSharePointOptions = {}): GraphHttp {
  return new GraphHttp({
    baseUrl: config.graphBaseUrl,
    credential: options.credential ?? createCredential(config.credential),
    scopes: [graphScope(config.graphBaseUrl)],
    userAgent: graphUserAgent(config.organisation),
    retry: options.retry ?? new RetryPolicy({ maxTotalWaitMs: config.maxRetryWaitMs }),
    timeoutMs: config.requestTimeoutMs,
    onRetry: (status, waitMs) => options.logger?.warn('graph retry', { status, waitMs }),
  });
}

/** Opens the store on the configured site; fails with a clear message when lists are missing. */
export async function openSharePointIncidentStore(config: SharePointConfig, options: OpenSharePointOptions = {}): Promise<SharePointIncidentStore> {
  const http = createGraphHttp(config, options);
  const site = config.siteId ?? config.siteUrl!;
  let siteId: string;
  let found: Awaited<ReturnType<typeof findPuiLists>>;
  let lacking: string[] = [];
  try {
    siteId = config.siteId ?? (await resolveSite(http, config.siteUrl!)).id;
    found = await findPuiLists(http, siteId, config.listPrefix);
    if (found.missing.length === 0) lacking = await missingColumns(http, siteId, found.ids as Record<ListKey, string>, config.listPrefix);
  } catch (error) {
    const hint = accessHint(error, 'run', site);
    if (hint) throw new SharePointAccessDenied(hint, { cause: error });
    throw error;
  }
  const { ids, missing } = found;
  if (missing.length > 0) {
    throw new SharePointNotProvisioned(
      `The SharePoint site has no list ${missing.join(', ')}. Run \`npm run provision -- --site ${config.siteUrl ?? siteId}\` first.`,
    );
  }
  if (lacking.length > 0) {
    // Lists from an earlier version: every write of app state would be refused until the columns exist.
    throw new SharePointNotProvisioned(
      `The SharePoint lists lack the column${lacking.length === 1 ? '' : 's'} ${lacking.join(', ')} that this version of PUI Desk needs. ` +
        `Run \`npm run provision -- --site ${config.siteUrl ?? siteId}\` again: it adds them and changes nothing else.`,
    );
  }
  return new SharePointIncidentStore({ http, siteId, lists: ids as Record<ListKey, string>, logger: options.logger });
}

/** Opens the incident store and the app-state store on the configured site (see {@link openSharePointIncidentStore}). */
export async function openSharePointStores(config: SharePointConfig, options: OpenSharePointOptions = {}): Promise<Stores> {
  const store = await openSharePointIncidentStore(config, options);
  return { incidents: store, appState: store, close: () => store.close() };
}

export class SharePointIncidentStore implements IncidentStore, AppStateStore {
  private readonly http: GraphHttp;
  private readonly logger?: Logger;
  private readonly newId: () => string;
  private readonly paths: Record<ListKey, string>;
  /** `column:value` → item id. An item's identity columns never change, so this never goes stale; a miss falls back to a query. */
  private readonly itemIds = new Map<string, string>();
  private readonly counters = new Map<number, Counter>();
  private readonly allocation = new KeyedMutex();
  private readonly creating = new Map<string, Promise<{ incident: Incident; created: boolean }>>();

  constructor(parts: SharePointStoreParts) {
    this.http = parts.http;
    this.logger = parts.logger;
    this.newId = parts.newId ?? randomUUID;
    const site = sitePath(parts.siteId);
    this.paths = {
      incidents: `${site}/lists/${parts.lists.incidents}/items`,
      events: `${site}/lists/${parts.lists.events}/items`,
      state: `${site}/lists/${parts.lists.state}/items`,
    };
  }

  // ---- incidents -------------------------------------------------------------------------

  async create(incident: NewIncident, event: NewAuditEvent): Promise<{ incident: Incident; created: boolean }> {
    // The same report twice at once in this process (a double click): the second waits for the first.
    const pending = this.creating.get(incident.reportId);
    if (pending) {
      // If the first attempt failed, this one makes its own (its caller gets its own answer).
      const first = await pending.then((result) => result, () => undefined);
      if (first) return { incident: first.incident, created: false };
    }
    const work = this.createOnce(incident, event);
    this.creating.set(incident.reportId, work);
    try {
      return await work;
    } finally {
      if (this.creating.get(incident.reportId) === work) this.creating.delete(incident.reportId);
    }
  }

  private async createOnce(incident: NewIncident, event: NewAuditEvent): Promise<{ incident: Incident; created: boolean }> {
    const existing = await this.getByReportId(incident.reportId);
    if (existing) return { incident: existing, created: false };
    const year = stockholmYear(incident.discoveredAt);
    return this.allocation.run(String(year), () => this.createNumbered(incident, event, year));
  }

  /**
   * Bumps the year's counter (If-Match), then writes the incident and its event, all in one
   * `$batch` chained by `dependsOn`; answers that say "try later" are sent again alone.
   */
  private async createNumbered(incident: NewIncident, event: NewAuditEvent, year: number): Promise<{ incident: Incident; created: boolean }> {
    const id = this.newId();
    const eventId = this.newId();
    const counterKey = `counter:incident-number:${year}`;
    const reserved = new Set<string>(); // numbers this call owns
    let number: string | undefined;
    let stored: Incident | undefined;
    let eventDone = false;
    const budget = this.http.retry.budget();
    let contention = 0;

    for (;;) {
      const requests: BatchRequest[] = [];
      let bump: { value: number; writeId: string; itemId?: string } | undefined;
      if (!number) {
        // A cached counter without an etag cannot be bumped safely: read it first.
        const cached = this.counters.get(year);
        const counter = cached?.etag ? cached : await this.readCounter(counterKey, year);
        const value = (counter?.value ?? 0) + 1;
        bump = { value, writeId: this.newId(), itemId: counter?.itemId };
        const fields = stateFields(counterKey, value, bump.writeId);
        requests.push(
          counter
            ? { id: 'counter', method: 'PATCH', url: `${this.paths.state}/${counter.itemId}/fields`, headers: { 'If-Match': counter.etag! }, body: fields }
            : { id: 'counter', method: 'POST', url: this.paths.state, body: { fields } },
        );
      }
      const candidate = number ?? formatIncidentNumber(year, bump!.value);
      const draft: Incident = { ...incident, id, number: candidate, etag: '' };
      if (!stored) {
        requests.push({ id: 'incident', method: 'POST', url: this.paths.incidents, body: { fields: incidentFields(draft, this.newId()) }, dependsOn: bump ? ['counter'] : undefined });
      }
      if (!eventDone) {
        requests.push({
          id: 'event',
          method: 'POST',
          url: this.paths.events,
          body: { fields: eventFields({ ...event, id: eventId, incidentId: id }) },
          dependsOn: stored ? undefined : ['incident'],
        });
      }

      const answers = await this.http.batch('incidents.create', requests);
      const later: BatchAnswer[] = [];

      if (bump) {
        const answer = answers.get('counter')!;
        if (ok(answer.status)) {
          const body = answer.body as ListItem & Record<string, unknown>;
          const itemId = bump.itemId ?? String(body.id);
          this.counters.set(year, { itemId, value: bump.value, etag: etagOfAnswer(answer) });
          number = candidate;
          reserved.add(candidate);
        } else if (answer.status === 412 || duplicate(answer.status, answer.body)) {
          // Someone else moved the counter, or an earlier attempt of ours did and its answer was lost.
          const fresh = await this.readCounter(counterKey, year);
          if (fresh && fresh.writeId === bump.writeId) {
            number = candidate;
            reserved.add(candidate);
          } else {
            contention += 1;
            if (contention > MAX_COUNTER_ROUNDS) throw new GraphError(412, 'counterContention', undefined, 'incidents.create');
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * Math.min(contention, 5)));
            continue;
          }
        } else if (RETRYABLE_STATUSES.has(answer.status)) {
          later.push(answer);
        } else {
          throw graphError('incidents.create', answer.status, answer.headers, answer.body);
        }
      }

      if (!stored) {
        const answer = answers.get('incident')!;
        if (ok(answer.status)) {
          // What we wrote, with the etag SharePoint gave it (the answer need not echo every field).
          const item = answer.body as ListItem;
          stored = this.remember({ ...draft, etag: itemEtag(item) }, item);
        } else if (duplicate(answer.status, answer.body)) {
          // Unique ReportId: either an earlier attempt of ours landed, or another request with the same reportId won.
          const found = await this.queryOne('incidents', 'ReportId', incident.reportId, INCIDENT_FIELDS);
          if (!found) throw graphError('incidents.create', answer.status, answer.headers, answer.body);
          const winner = this.remember(incidentFromItem(found), found);
          if (!reserved.has(winner.number)) {
            this.logger?.warn('incident number left unused', { number, reason: 'duplicate reportId' });
            return { incident: winner, created: false };
          }
          stored = winner;
        } else if (RETRYABLE_STATUSES.has(answer.status)) {
          later.push(answer);
        } else if (answer.status !== 424) {
          throw graphError('incidents.create', answer.status, answer.headers, answer.body);
        }
      }

      if (!eventDone) {
        const answer = answers.get('event')!;
        // 409: the event's unique EventId is already there (a retried write that landed).
        if (ok(answer.status) || duplicate(answer.status, answer.body)) eventDone = true;
        else if (RETRYABLE_STATUSES.has(answer.status)) later.push(answer);
        else if (answer.status !== 424) throw graphError('incidents.create', answer.status, answer.headers, answer.body);
      }

      if (stored && eventDone) return { incident: stored, created: true };
      if (later.length > 0) await this.waitForRetry(budget, later, 'incidents.create');
    }
  }

  async update(next: Incident, expectedEtag: string, event: NewAuditEvent): Promise<Incident> {
    const itemId = await this.itemIdOf('IncidentId', next.id);
    if (!itemId) throw new NotFound();
    const writeId = this.newId();
    const eventId = this.newId();
    const budget = this.http.retry.budget();
    let updated: Incident | undefined;
    let eventDone = false;
    for (;;) {
      const requests: BatchRequest[] = [];
      if (!updated) {
        requests.push({ id: 'incident', method: 'PATCH', url: `${this.paths.incidents}/${itemId}/fields`, headers: { 'If-Match': expectedEtag }, body: incidentFields(next, writeId) });
      }
      requests.push({ id: 'event', method: 'POST', url: this.paths.events, body: { fields: eventFields({ ...event, id: eventId, incidentId: next.id }) }, dependsOn: updated ? undefined : ['incident'] });
      const answers = await this.http.batch('incidents.update', requests);
      const later: BatchAnswer[] = [];

      if (!updated) {
        const answer = answers.get('incident')!;
        if (ok(answer.status)) {
          const etag = etagOfAnswer(answer) ?? itemEtag((await this.readItem('incidents', itemId, 'WriteId'))!);
          updated = { ...next, etag };
        } else if (answer.status === 412) {
          const current = await this.readItem('incidents', itemId, 'WriteId');
          if (!current || current.fields?.WriteId !== writeId) throw new Conflict();
          updated = { ...next, etag: itemEtag(current) }; // our own earlier attempt landed
        } else if (answer.status === 404) {
          this.forget('IncidentId', next.id);
          throw new NotFound();
        } else if (RETRYABLE_STATUSES.has(answer.status)) {
          later.push(answer);
        } else {
          throw graphError('incidents.update', answer.status, answer.headers, answer.body);
        }
      }

      const answer = answers.get('event')!;
      if (ok(answer.status) || (duplicate(answer.status, answer.body) && updated)) eventDone = true;
      else if (RETRYABLE_STATUSES.has(answer.status)) later.push(answer);
      else if (answer.status !== 424) throw graphError('incidents.update', answer.status, answer.headers, answer.body);

      if (updated && eventDone) return updated;
      if (later.length > 0) await this.waitForRetry(budget, later, 'incidents.update');
    }
  }

  async get(id: string): Promise<Incident | undefined> {
    const item = await this.findOne('incidents', 'IncidentId', id, INCIDENT_FIELDS);
    return item ? this.remember(incidentFromItem(item), item) : undefined;
  }

  async getByNumber(number: string): Promise<Incident | undefined> {
    const parsed = parseIncidentNumber(number);
    if (!parsed) return undefined; // not a number at all: no request
    const item = await this.findOne('incidents', 'IncidentNumber', formatIncidentNumber(parsed.year, parsed.sequence), INCIDENT_FIELDS);
    return item ? this.remember(incidentFromItem(item), item) : undefined;
  }

  async getByReportId(reportId: string): Promise<Incident | undefined> {
    const item = await this.findOne('incidents', 'ReportId', reportId, INCIDENT_FIELDS);
    return item ? this.remember(incidentFromItem(item), item) : undefined;
  }

  async events(incidentId: string): Promise<AuditEvent[]> {
    const path = `${this.paths.events}${query({
      $expand: `fields($select=${EVENT_FIELDS})`,
      $filter: `fields/IncidentId eq ${odataString(incidentId)}`,
      $orderby: 'fields/At asc',
      $top: MAX_LIMIT,
    })}`;
    const rows: { event: AuditEvent; seq: number }[] = [];
    for await (const item of this.http.items<ListItem>('events.list', path)) {
      rows.push({ event: eventFromItem(item), seq: Number(item.id) });
    }
    // SharePoint sorts by the second; the exact instant, then creation order, decide within it.
    rows.sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.seq - b.seq);
    return rows.map((r) => r.event);
  }

  listByReporter(reporterId: string, options?: ListOptions): Promise<Page<Incident>> {
    return this.page('incidents.byReporter', `fields/ReporterId eq ${odataString(reporterId)}`, 'fields/DiscoveredAt desc', options);
  }

  listOpenByDeadline(options?: ListOptions): Promise<Page<Incident>> {
    return this.page('incidents.open', `fields/Lifecycle eq 'open'`, 'fields/Deadline asc', options);
  }

  listAll(options?: ListOptions): Promise<Page<Incident>> {
    return this.page('incidents.all', undefined, 'fields/DiscoveredAt desc', options);
  }

  async listDueReminders(before: string, options?: ListOptions): Promise<Page<Incident>> {
    const limit = Date.parse(before);
    // SharePoint keeps dateTime to the second: ask up to the next whole second, then keep the exact ones.
    const ceiling = new Date(Math.ceil(limit / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    const page = await this.page('incidents.dueReminders', `fields/NextReminderAt le ${odataString(ceiling)}`, 'fields/NextReminderAt asc', options);
    return { ...page, items: page.items.filter((i) => i.nextReminderAt !== null && Date.parse(i.nextReminderAt) <= limit) };
  }

  private async page(operation: string, filter: string | undefined, orderby: string, options: ListOptions = {}): Promise<Page<Incident>> {
    const top = Math.max(1, Math.min(options.limit ?? DEFAULT_LIMIT, MAX_LIMIT));
    const path = `${this.paths.incidents}${query({
      $expand: `fields($select=${INCIDENT_FIELDS})`,
      $filter: filter,
      $orderby: orderby,
      $top: top,
      $skiptoken: options.cursor,
    })}`;
    let body: { value?: ListItem[]; '@odata.nextLink'?: string };
    try {
      ({ body } = await this.http.send<{ value?: ListItem[]; '@odata.nextLink'?: string }>(operation, 'GET', path));
    } catch (error) {
      if (options.cursor && error instanceof GraphError && error.status === 400) {
        throw new ValidationError([issue('cursor', 'invalid_cursor', 'Sidmarkören gäller inte längre. Börja om från första sidan.', 'The page cursor is not valid. Start again from the first page.')]);
      }
      throw error;
    }
    const items = (body.value ?? []).map((item) => this.remember(incidentFromItem(item), item));
    const nextLink = body['@odata.nextLink'];
    // The cursor is SharePoint's skiptoken only: the filter is always rebuilt here, so a
    // cursor handed back by a client can move within its own query but never widen it.
    const next = nextLink ? (new URL(nextLink).searchParams.get('$skiptoken') ?? undefined) : undefined;
    return next ? { items, next } : { items };
  }

  // ---- app state -------------------------------------------------------------------------

  async getState<T>(key: string): Promise<StateEntry<T> | undefined> {
    const item = await this.findOne('state', 'StateKey', key, STATE_FIELDS);
    return item ? { value: stateValue<T>(item), etag: itemEtag(item) } : undefined;
  }

  async putState<T>(key: string, value: T, expectedEtag: string | null | undefined): Promise<StateEntry<T>> {
    const writeId = this.newId();
    const fields = stateFields(key, value, writeId);
    const settle = async (): Promise<StateEntry<T>> => {
      // A conflict answer to a write that may have been retried: ours if our WriteId is there.
      this.forget('StateKey', key);
      const current = await this.findOne('state', 'StateKey', key, STATE_FIELDS);
      if (current && current.fields?.WriteId === writeId) return { value, etag: itemEtag(current) };
      throw new Conflict('Värdet har ändrats av någon annan.', 'The value was changed by someone else.');
    };
    const create = async (): Promise<StateEntry<T>> => {
      try {
        const { body } = await this.http.send<ListItem>('state.create', 'POST', this.paths.state, { body: { fields } });
        this.note(`StateKey:${key}`, body.id);
        return { value, etag: itemEtag(body) };
      } catch (error) {
        if (error instanceof GraphError && (error.status === 409 || error.code === 'nameAlreadyExists')) return settle();
        throw error;
      }
    };
    const replace = async (itemId: string, etag: string | undefined): Promise<StateEntry<T>> => {
      try {
        const { body } = await this.http.send<Record<string, unknown>>('state.update', 'PATCH', `${this.paths.state}/${itemId}/fields`, {
          body: fields,
          headers: etag ? { 'If-Match': etag } : undefined,
        });
        const newEtag = typeof body?.['@odata.etag'] === 'string' ? (body['@odata.etag'] as string) : itemEtag((await this.readItem('state', itemId, 'WriteId'))!);
        return { value, etag: newEtag };
      } catch (error) {
        if (error instanceof GraphError && error.status === 412) return settle();
        if (error instanceof GraphError && error.status === 404) {
          this.forget('StateKey', key);
          throw new Conflict('Värdet finns inte längre.', 'The value no longer exists.');
        }
        throw error;
      }
    };

    if (expectedEtag === undefined) return create();
    const itemId = await this.itemIdOf('StateKey', key);
    if (typeof expectedEtag === 'string') {
      if (!itemId) throw new Conflict('Värdet finns inte.', 'The value does not exist.');
      return replace(itemId, expectedEtag);
    }
    if (itemId) return replace(itemId, undefined);
    try {
      return await create();
    } catch (error) {
      // Created by someone else between our look and our write: an unconditional write replaces it.
      if (!(error instanceof Conflict)) throw error;
      const raced = await this.itemIdOf('StateKey', key);
      if (!raced) throw error;
      return replace(raced, undefined);
    }
  }

  /**
   * Each write is one request, up to 20 in a `$batch`; item ids come from this process's memory
   * (a listing or read noted them), else one indexed query each.
   */
  async writeStates(writes: readonly StateWrite[]): Promise<StateWriteOutcome[]> {
    const outcomes: StateWriteOutcome[] = [];
    for (let start = 0; start < writes.length; start += MAX_BATCH_REQUESTS) {
      outcomes.push(...(await this.writeStateChunk(writes.slice(start, start + MAX_BATCH_REQUESTS))));
    }
    return outcomes;
  }

  private async writeStateChunk(writes: readonly StateWrite[]): Promise<StateWriteOutcome[]> {
    const outcomes: (StateWriteOutcome | undefined)[] = writes.map(() => undefined);
    const plans: StatePlan[] = [];
    for (const [index, write] of writes.entries()) {
      const writeId = this.newId();
      // Too large a value is refused here, before anything of the chunk is sent.
      const fields = write.kind === 'put' ? stateFields(write.key, write.value, writeId, write.dueAt) : undefined;
      const itemId = write.kind === 'put' && write.expectedEtag === undefined ? undefined : await this.itemIdOf('StateKey', write.key);
      if (write.kind === 'delete') {
        if (itemId) plans.push({ index, write, writeId, mode: 'delete', itemId });
        else outcomes[index] = { ok: true, etag: null }; // nothing there to delete
      } else if (itemId) plans.push({ index, write, writeId, fields, mode: 'patch', itemId });
      else if (typeof write.expectedEtag === 'string') outcomes[index] = { ok: false, reason: 'conflict' }; // replace of what is not there
      else plans.push({ index, write, writeId, fields, mode: 'create' });
    }
    const conflict: StateWriteOutcome = { ok: false, reason: 'conflict' };
    const budget = this.http.retry.budget();
    let pending = plans;
    for (let round = 0; pending.length > 0; round++) {
      // A key created and deleted by others again and again under our hands: give up, do not spin.
      if (round > MAX_STATE_ROUNDS) throw new GraphError(409, 'stateContention', undefined, 'state.write');
      const requests = pending.map((plan): BatchRequest => {
        const ifMatch = typeof plan.write.expectedEtag === 'string' ? { 'If-Match': plan.write.expectedEtag } : undefined;
        const id = String(plan.index);
        if (plan.mode === 'create') return { id, method: 'POST', url: this.paths.state, body: { fields: plan.fields } };
        if (plan.mode === 'patch') return { id, method: 'PATCH', url: `${this.paths.state}/${plan.itemId}/fields`, headers: ifMatch, body: plan.fields };
        return { id, method: 'DELETE', url: `${this.paths.state}/${plan.itemId}`, headers: ifMatch };
      });
      const answers = await this.http.batch('state.write', requests);
      const later: BatchAnswer[] = [];
      const again: StatePlan[] = [];
      for (const plan of pending) {
        const answer = answers.get(String(plan.index))!;
        const { key, expectedEtag } = plan.write;
        const settled = (outcome: StateWriteOutcome) => {
          outcomes[plan.index] = outcome;
        };
        if (RETRYABLE_STATUSES.has(answer.status)) {
          later.push(answer);
          again.push(plan);
        } else if (plan.mode === 'create') {
          if (ok(answer.status)) {
            const body = answer.body as ListItem;
            this.note(`StateKey:${key}`, body.id);
            settled({ ok: true, etag: etagOfAnswer(answer) ?? itemEtag(body) });
          } else if (duplicate(answer.status, answer.body)) {
            // Our own earlier attempt landed (its answer lost), or the key was taken meanwhile.
            this.forget('StateKey', key);
            const found = await this.queryOne('state', 'StateKey', key, STATE_FIELDS);
            if (found && found.fields?.WriteId === plan.writeId) settled({ ok: true, etag: itemEtag(found) });
            else if (found && expectedEtag === null) again.push({ ...plan, mode: 'patch', itemId: found.id });
            else settled(conflict);
          } else {
            throw graphError('state.write', answer.status, answer.headers, answer.body);
          }
        } else if (plan.mode === 'patch') {
          if (ok(answer.status)) {
            settled({ ok: true, etag: etagOfAnswer(answer) ?? itemEtag((await this.readItem('state', plan.itemId!, 'WriteId'))!) });
          } else if (answer.status === 412) {
            const current = await this.readItem('state', plan.itemId!, 'WriteId');
            settled(current && current.fields?.WriteId === plan.writeId ? { ok: true, etag: itemEtag(current) } : conflict);
          } else if (answer.status === 404) {
            this.forget('StateKey', key);
            if (expectedEtag === null) again.push({ ...plan, mode: 'create', itemId: undefined });
            else settled(conflict);
          } else {
            throw graphError('state.write', answer.status, answer.headers, answer.body);
          }
        } else if (ok(answer.status)) {
          this.forget('StateKey', key);
          settled({ ok: true, etag: null });
        } else if (answer.status === 404) {
          // Gone already (deleted by someone else, or by our own attempt whose answer was lost); the
          // key may have a new item since, which an unconditional delete takes too.
          this.forget('StateKey', key);
          const found = await this.queryOne('state', 'StateKey', key, 'StateKey');
          if (!found) settled({ ok: true, etag: null });
          else if (expectedEtag === null) again.push({ ...plan, itemId: found.id });
          else settled(conflict);
        } else if (answer.status === 412) {
          settled(conflict);
        } else {
          throw graphError('state.write', answer.status, answer.headers, answer.body);
        }
      }
      pending = again;
      if (later.length > 0) await this.waitForRetry(budget, later, 'state.write');
    }
    return outcomes.map((o) => o!);
  }

  /**
   * Filters on the indexed `DueAt` first, so SharePoint narrows by that index however long the
   * list grows (one item per incident's card reference lives there too); the key prefix is a
   * second clause on the indexed `StateKey`.
   */
  async listScheduledState<T>(prefix: string, options: ScheduledStateOptions = {}): Promise<Page<ScheduledStateEntry<T>>> {
    const top = Math.max(1, Math.min(options.limit ?? DEFAULT_LIMIT, MAX_LIMIT));
    let exact: number | undefined;
    let dueClause = `fields/DueAt ge ${odataString(SHAREPOINT_MIN_DATE)}`;
    if (options.dueBy !== undefined) {
      exact = Date.parse(options.dueBy);
      if (Number.isNaN(exact)) throw new ValidationError([issue('dueBy', 'invalid_datetime', 'Tidpunkten är ogiltig.', 'The time is invalid.')]);
      // SharePoint keeps dateTime to the second: ask up to the next whole second, then keep the exact ones.
      dueClause = `fields/DueAt le ${odataString(new Date(Math.ceil(exact / 1000) * 1000).toISOString().replace('.000Z', 'Z'))}`;
    }
    const path = `${this.paths.state}${query({
      $expand: `fields($select=${SCHEDULED_STATE_FIELDS})`,
      $filter: `${dueClause} and startswith(fields/StateKey, ${odataString(prefix)})`,
      $orderby: 'fields/DueAt asc',
      $top: top,
      $skiptoken: options.cursor,
    })}`;
    let body: { value?: ListItem[]; '@odata.nextLink'?: string };
    try {
      ({ body } = await this.http.send<{ value?: ListItem[]; '@odata.nextLink'?: string }>('state.scheduled', 'GET', path));
    } catch (error) {
      if (options.cursor && error instanceof GraphError && error.status === 400) {
        throw new ValidationError([issue('cursor', 'invalid_cursor', 'Sidmarkören gäller inte längre. Börja om från första sidan.', 'The page cursor is not valid. Start again from the first page.')]);
      }
      throw error;
    }
    const items: ScheduledStateEntry<T>[] = [];
    for (const item of body.value ?? []) {
      const key = item.fields?.StateKey;
      const dueAt = stateDueAt(item);
      // SharePoint compares text without regard to case; keys are compared exactly.
      if (typeof key !== 'string' || !key.startsWith(prefix) || dueAt === undefined) continue;
      if (exact !== undefined && Date.parse(dueAt) > exact) continue;
      this.note(`StateKey:${key}`, item.id);
      items.push({ key, value: stateValue<T>(item), etag: itemEtag(item), dueAt });
    }
    // SharePoint orders by the second; within it, the exact instant and then the key.
    items.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const nextLink = body['@odata.nextLink'];
    const next = nextLink ? (new URL(nextLink).searchParams.get('$skiptoken') ?? undefined) : undefined;
    return next ? { items, next } : { items };
  }

  async close(): Promise<void> {
    this.itemIds.clear();
    this.counters.clear();
  }

  // ---- helpers ---------------------------------------------------------------------------

  private async readCounter(key: string, year: number): Promise<(Counter & { writeId?: string }) | undefined> {
    this.forget('StateKey', key);
    const item = await this.findOne('state', 'StateKey', key, STATE_FIELDS);
    if (!item) {
      this.counters.delete(year);
      return undefined;
    }
    const counter = { itemId: item.id, value: Number(stateValue<number>(item) ?? 0), etag: itemEtag(item) };
    this.counters.set(year, counter);
    return { ...counter, writeId: item.fields?.WriteId as string | undefined };
  }

  /** Waits what the slowest throttled answer asks, within the operation's budget. */
  private async waitForRetry(budget: ReturnType<RetryPolicy['budget']>, answers: BatchAnswer[], operation: string): Promise<void> {
    const retryAfter = answers
      .map((a) => a.headers['retry-after'])
      .filter((v): v is string => v !== undefined)
      .sort((a, b) => Number(b) - Number(a))[0];
    const wait = budget.next(retryAfter);
    if (wait === undefined) {
      const last = answers[0];
      throw graphError(operation, last.status, last.headers, last.body);
    }
    this.logger?.warn('graph retry', { operation, status: answers[0].status, waitMs: wait });
    await budget.wait(wait);
  }

  /** Remembers where an incident lives, so the next read of it costs one unit, not two. */
  private remember(incident: Incident, item: ListItem): Incident {
    this.note(`IncidentId:${incident.id}`, item.id);
    this.note(`IncidentNumber:${incident.number}`, item.id);
    this.note(`ReportId:${incident.reportId}`, item.id);
    return incident;
  }

  private note(key: string, itemId: string): void {
    if (this.itemIds.size >= MAX_REMEMBERED) this.itemIds.clear(); // a bound, not a cache policy: a miss only costs a query
    this.itemIds.set(key, itemId);
  }

  private forget(column: string, value: string): void {
    this.itemIds.delete(`${column}:${value}`);
  }

  private async itemIdOf(column: string, value: string): Promise<string | undefined> {
    const known = this.itemIds.get(`${column}:${value}`);
    if (known) return known;
    const list: ListKey = column === 'StateKey' ? 'state' : 'incidents';
    return (await this.queryOne(list, column, value, column))?.id;
  }

  /** One item by a unique column: a direct read when its id is known, else an indexed query. */
  private async findOne(list: ListKey, column: string, value: string, select: string): Promise<ListItem | undefined> {
    const known = this.itemIds.get(`${column}:${value}`);
    if (known) {
      const item = await this.readItem(list, known, select);
      if (item && sameValue(item.fields?.[column], value)) return item;
      this.forget(column, value); // deleted or edited in SharePoint: ask the index
    }
    return this.queryOne(list, column, value, select);
  }

  private async queryOne(list: ListKey, column: string, value: string, select: string): Promise<ListItem | undefined> {
    const path = `${this.paths[list]}${query({
      $expand: `fields($select=${select})`,
      $filter: `fields/${column} eq ${odataString(value)}`,
      $top: 1,
    })}`;
    const { body } = await this.http.send<{ value?: ListItem[] }>(`${list}.find`, 'GET', path);
    const item = (body.value ?? []).find((i) => sameValue(i.fields?.[column], value));
    if (item) this.note(`${column}:${value}`, item.id);
    return item;
  }

  private async readItem(list: ListKey, itemId: string, select: string): Promise<ListItem | undefined> {
    try {
      const { body } = await this.http.send<ListItem>(`${list}.read`, 'GET', `${this.paths[list]}/${itemId}${query({ $expand: `fields($select=${select})` })}`);
      return body;
    } catch (error) {
      if (error instanceof GraphError && error.status === 404) return undefined;
      throw error;
    }
  }
}

/** SharePoint compares text without regard to case; the domain's ids are compared exactly. */
function sameValue(found: unknown, wanted: string): boolean {
  return typeof found === 'string' && found === wanted;
}

/**
 * A write refused because a unique column already holds the value. Graph answers 409
 * `nameAlreadyExists`; the code is checked too in case SharePoint's status differs.
 */
function duplicate(status: number, body: unknown): boolean {
  return status === 409 || (status >= 400 && errorParts(body).code === 'nameAlreadyExists');
}

function etagOfAnswer(answer: BatchAnswer): string | undefined {
  const body = answer.body as Record<string, unknown> | undefined;
  const etag = body?.eTag ?? body?.['@odata.etag'] ?? answer.headers.etag;
  return typeof etag === 'string' ? etag : undefined;
}
