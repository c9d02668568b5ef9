/**
 * The SharePoint adapter of the IncidentStore port: the incidents list and the events list of
 * one site (numbers are counted in the app-state list, see incident-numbers.ts).
 * @remarks Cost per operation, in SharePoint resource units (≈1 per single read, 2 per query
 * or write): get by id/number 1 once the item is known to this process, else 2; report 8
 * (duplicate check, counter, incident, event; the last three in one `$batch`); update 4 (one
 * `$batch`); each list page 2. Ambiguous answers (a retried write that may already have
 * landed) are settled by reading back the item's `WriteId`, so retries never duplicate.
 */
import { Conflict, NotFound } from '../../domain/errors';
import type { AuditEvent, Incident, NewAuditEvent, NewIncident } from '../../domain/incident';
import { formatIncidentNumber, parseIncidentNumber } from '../../domain/incident-number';
import type { IncidentStore, ListOptions, Logger, Page } from '../../domain/ports';
import { stockholmYear } from '../../domain/stockholm-time';
import { duplicate, etagOfAnswer, ok, unlessUnavailable, waitForRetry } from './batch-answers';
import { GraphError, graphError } from './graph-error';
import { odataString, type BatchAnswer, type BatchRequest } from './graph-http';
import { cullOnSharePoint } from './incident-culling';
import { appendEventRequest, auditTrail } from './incident-events';
import { incidentFields, incidentFromItem, itemEtag, type ListItem } from './incident-fields';
import { YearCounters, type CounterBump } from './incident-numbers';
import { secondCeiling, type ListItems } from './list-items';
import { RETRYABLE_STATUSES } from './retry-policy';

/** Rounds of counter contention one report may lose to other writers before giving up. */
const MAX_COUNTER_ROUNDS = 40;
const INCIDENT_FIELDS = 'IncidentId,IncidentNumber,ReportId,WriteId,Document';

type CreateResult = { incident: Incident; created: boolean };

export class SharePointIncidentStore implements IncidentStore {
  private readonly counters: YearCounters;
  private readonly creating = new Map<string, Promise<CreateResult>>();

  constructor(
    private readonly items: ListItems,
    private readonly newId: () => string,
    private readonly logger?: Logger,
  ) {
    this.counters = new YearCounters(items, newId, logger);
  }

  create(incident: NewIncident, event: NewAuditEvent): Promise<CreateResult> {
    return unlessUnavailable(async () => {
      // The same report twice at once in this process (a double click): the second waits for the first.
      const pending = this.creating.get(incident.reportId);
      if (pending) {
        // If the first attempt failed, this one makes its own (its caller gets its own answer).
        const first = await pending.then(
          (result) => result,
          () => undefined,
        );
        if (first) return { incident: first.incident, created: false };
      }
      const work = this.createOnce(incident, event);
      this.creating.set(incident.reportId, work);
      try {
        return await work;
      } finally {
        if (this.creating.get(incident.reportId) === work) this.creating.delete(incident.reportId);
      }
    });
  }

  private async createOnce(incident: NewIncident, event: NewAuditEvent): Promise<CreateResult> {
    const existing = await this.findIncident('ReportId', incident.reportId);
    if (existing) return { incident: existing, created: false };
    const year = stockholmYear(incident.discoveredAt);
    return this.counters.allocate(year, () => this.createNumbered(incident, event, year));
  }

  /**
   * Bumps the year's counter (If-Match), then writes the incident and its event, all in one
   * `$batch` chained by `dependsOn`; answers that say "try later" are sent again alone.
   */
  private async createNumbered(incident: NewIncident, event: NewAuditEvent, year: number): Promise<CreateResult> {
    const id = this.newId();
    const eventId = this.newId();
    const reserved = new Set<string>(); // numbers this call owns
    let number: string | undefined;
    let stored: Incident | undefined;
    let eventDone = false;
    const budget = this.items.http.retry.budget();
    let contention = 0;

    for (;;) {
      const requests: BatchRequest[] = [];
      let bump: CounterBump | undefined;
      if (!number) {
        const next = await this.counters.bump(year);
        bump = next.bump;
        requests.push(next.request);
      }
      const candidate = number ?? formatIncidentNumber(year, bump!.value);
      const draft: Incident = { ...incident, id, number: candidate, etag: '' };
      if (!stored) {
        requests.push({
          id: 'incident',
          method: 'POST',
          url: this.items.paths.incidents,
          body: { fields: incidentFields(draft, this.newId()) },
          dependsOn: bump ? ['counter'] : undefined,
        });
      }
      if (!eventDone)
        requests.push(
          appendEventRequest(this.items, { ...event, id: eventId, incidentId: id }, stored ? undefined : 'incident'),
        );

      const answers = await this.items.http.batch('incidents.create', requests);
      const later: BatchAnswer[] = [];

      if (bump) {
        const answer = answers.get('counter')!;
        const outcome = await this.counters.settle(bump, answer);
        if (outcome === 'won') {
          number = candidate;
          reserved.add(candidate);
        } else if (outcome === 'later') {
          later.push(answer);
        } else {
          contention += 1;
          if (contention > MAX_COUNTER_ROUNDS)
            throw new GraphError(412, 'counterContention', undefined, 'incidents.create');
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * Math.min(contention, 5)));
          continue;
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
          const found = await this.items.queryOne('incidents', 'ReportId', incident.reportId, INCIDENT_FIELDS);
          if (!found) throw graphError('incidents.create', answer.status, answer.headers, answer.body);
          const winner = this.remember(incidentFromItem(found), found);
          if (!reserved.has(winner.number)) {
            this.counters.unused(candidate);
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
        else if (answer.status !== 424)
          throw graphError('incidents.create', answer.status, answer.headers, answer.body);
      }

      if (stored && eventDone) return { incident: stored, created: true };
      if (later.length > 0) await waitForRetry(budget, later, 'incidents.create', this.logger);
    }
  }

  /** The incident PATCH (If-Match) and its event in one `$batch`; a 412 on our own landed write is settled by its `WriteId`. */
  update(next: Incident, expectedEtag: string, event: NewAuditEvent): Promise<Incident> {
    return unlessUnavailable(async () => {
      const itemId = await this.items.itemIdOf('incidents', 'IncidentId', next.id);
      if (!itemId) throw new NotFound();
      const writeId = this.newId();
      const eventId = this.newId();
      const budget = this.items.http.retry.budget();
      let updated: Incident | undefined;
      let eventDone = false;
      for (;;) {
        const requests: BatchRequest[] = [];
        if (!updated) {
          requests.push({
            id: 'incident',
            method: 'PATCH',
            url: this.items.itemPath('incidents', itemId, '/fields'),
            headers: { 'If-Match': expectedEtag },
            body: incidentFields(next, writeId),
          });
        }
        requests.push(
          appendEventRequest(
            this.items,
            { ...event, id: eventId, incidentId: next.id },
            updated ? undefined : 'incident',
          ),
        );
        const answers = await this.items.http.batch('incidents.update', requests);
        const later: BatchAnswer[] = [];

        if (!updated) {
          const answer = answers.get('incident')!;
          if (ok(answer.status)) {
            const etag = etagOfAnswer(answer) ?? itemEtag((await this.items.readItem('incidents', itemId, 'WriteId'))!);
            updated = { ...next, etag };
          } else if (answer.status === 412) {
            const current = await this.items.readItem('incidents', itemId, 'WriteId');
            if (!current || current.fields?.WriteId !== writeId) throw new Conflict();
            updated = { ...next, etag: itemEtag(current) }; // our own earlier attempt landed
          } else if (answer.status === 404) {
            this.items.forget('IncidentId', next.id);
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
        else if (answer.status !== 424)
          throw graphError('incidents.update', answer.status, answer.headers, answer.body);

        if (updated && eventDone) return updated;
        if (later.length > 0) await waitForRetry(budget, later, 'incidents.update', this.logger);
      }
    });
  }

  get(id: string): Promise<Incident | undefined> {
    return unlessUnavailable(() => this.findIncident('IncidentId', id));
  }

  getByNumber(number: string): Promise<Incident | undefined> {
    const parsed = parseIncidentNumber(number);
    if (!parsed) return Promise.resolve(undefined); // not a number at all: no request
    return unlessUnavailable(() =>
      this.findIncident('IncidentNumber', formatIncidentNumber(parsed.year, parsed.sequence)),
    );
  }

  getByReportId(reportId: string): Promise<Incident | undefined> {
    return unlessUnavailable(() => this.findIncident('ReportId', reportId));
  }

  events(incidentId: string): Promise<AuditEvent[]> {
    return unlessUnavailable(() => auditTrail(this.items, incidentId));
  }

  listByReporter(reporterId: string, options?: ListOptions): Promise<Page<Incident>> {
    return this.page(
      'incidents.byReporter',
      `fields/ReporterId eq ${odataString(reporterId)}`,
      'fields/DiscoveredAt desc',
      options,
    );
  }

  listOpenByDeadline(options?: ListOptions): Promise<Page<Incident>> {
    return this.page('incidents.open', `fields/Lifecycle eq 'open'`, 'fields/Deadline asc', options);
  }

  listAll(options?: ListOptions): Promise<Page<Incident>> {
    return this.page('incidents.all', undefined, 'fields/DiscoveredAt desc', options);
  }

  async listDueReminders(before: string, options?: ListOptions): Promise<Page<Incident>> {
    const limit = Date.parse(before);
    // Asked up to the next whole second, then only the exact ones kept.
    const page = await this.page(
      'incidents.dueReminders',
      `fields/NextReminderAt le ${odataString(secondCeiling(limit))}`,
      'fields/NextReminderAt asc',
      options,
    );
    return {
      ...page,
      items: page.items.filter((i) => i.nextReminderAt !== null && Date.parse(i.nextReminderAt) <= limit),
    };
  }

  /** See the port; the steps and what Graph cannot delete are in incident-culling.ts. */
  cull(kept: Incident, event: NewAuditEvent): Promise<Incident> {
    if (!kept.retention) return Promise.reject(new Error('cull needs the retention mark on the kept record'));
    return unlessUnavailable(() => cullOnSharePoint(this.items, kept, event, this.newId, this.logger));
  }

  listLinkedTo(mainId: string, options?: ListOptions): Promise<Page<Incident>> {
    return this.page(
      'incidents.linkedTo',
      `fields/LinkedToId eq ${odataString(mainId)}`,
      'fields/DiscoveredAt asc',
      options,
    );
  }

  /** Forgets what this process remembered (the next reads ask SharePoint). */
  clear(): void {
    this.counters.clear();
  }

  private page(
    operation: string,
    filter: string | undefined,
    orderby: string,
    options: ListOptions = {},
  ): Promise<Page<Incident>> {
    return unlessUnavailable(async () => {
      const page = await this.items.page(operation, 'incidents', {
        select: INCIDENT_FIELDS,
        filter,
        orderby,
        limit: options.limit,
        cursor: options.cursor,
      });
      return { ...page, items: page.items.map((item) => this.remember(incidentFromItem(item), item)) };
    });
  }

  private async findIncident(
    column: 'IncidentId' | 'IncidentNumber' | 'ReportId',
    value: string,
  ): Promise<Incident | undefined> {
    const item = await this.items.findOne('incidents', column, value, INCIDENT_FIELDS);
    return item ? this.remember(incidentFromItem(item), item) : undefined;
  }

  /** Remembers where an incident lives, so the next read of it costs one unit, not two. */
  private remember(incident: Incident, item: ListItem): Incident {
    this.items.note('IncidentId', incident.id, item.id);
    this.items.note('IncidentNumber', incident.number, item.id);
    this.items.note('ReportId', incident.reportId, item.id);
    return incident;
  }
}
