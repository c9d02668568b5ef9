/**
 * An in-memory IncidentStore for the register tests: idempotent create by reportId, numbers per
 * discovery year, listAll paged newest discovery first (small pages, so paging is exercised).
 */
import { Conflict, formatIncidentNumber, NotFound, stockholmYear } from '../../src/domain';
import type {
  AuditEvent, Incident, IncidentStore, ListOptions, NewAuditEvent, NewIncident, Page, ScheduledStateEntry, ScheduledStateOptions, StateEntry, StateWrite,
  StateWriteOutcome,
} from '../../src/domain';

export class RegisterFakeStore implements IncidentStore {
  readonly incidents: Incident[] = [];
  readonly auditEvents: AuditEvent[] = [];
  private readonly sequences = new Map<number, number>();
  private readonly state = new Map<string, StateEntry<unknown> & { dueAt: string | null }>();
  private nextId = 1;
  closed = 0;

  constructor(private readonly pageSize = 3) {}

  async create(incident: NewIncident, event: NewAuditEvent): Promise<{ incident: Incident; created: boolean }> {
    const existing = this.incidents.find((i) => i.reportId === incident.reportId);
    if (existing) return { incident: structuredClone(existing), created: false };
    const year = stockholmYear(incident.discoveredAt);
    const sequence = (this.sequences.get(year) ?? 0) + 1;
    this.sequences.set(year, sequence);
    const stored: Incident = structuredClone({ ...incident, id: `i${this.nextId++}`, number: formatIncidentNumber(year, sequence), etag: '1' });
    this.incidents.push(stored);
    this.auditEvents.push({ ...structuredClone(event), id: `e${this.auditEvents.length + 1}`, incidentId: stored.id });
    return { incident: structuredClone(stored), created: true };
  }

  async update(next: Incident, expectedEtag: string, event: NewAuditEvent): Promise<Incident> {
    const at = this.incidents.findIndex((i) => i.id === next.id);
    if (at < 0) throw new NotFound();
    if (this.incidents[at].etag !== expectedEtag) throw new Conflict();
    const stored = structuredClone({ ...next, etag: String(Number(expectedEtag) + 1) });
    this.incidents[at] = stored;
    this.auditEvents.push({ ...structuredClone(event), id: `e${this.auditEvents.length + 1}`, incidentId: stored.id });
    return structuredClone(stored);
  }

  async get(id: string) {
    return structuredClone(this.incidents.find((i) => i.id === id));
  }
  async getByNumber(number: string) {
    return structuredClone(this.incidents.find((i) => i.number === number));
  }
  async getByReportId(reportId: string) {
    return structuredClone(this.incidents.find((i) => i.reportId === reportId));
  }
  async events(incidentId: string) {
    return structuredClone(this.auditEvents.filter((e) => e.incidentId === incidentId));
  }

  private page(items: Incident[], options: ListOptions = {}): Page<Incident> {
    const start = options.cursor ? Number(options.cursor) : 0;
    const limit = Math.min(options.limit ?? 100, this.pageSize);
    const slice = items.slice(start, start + limit);
    return { items: structuredClone(slice), next: start + limit < items.length ? String(start + limit) : undefined };
  }
  async listByReporter(reporterId: string, options?: ListOptions) {
    return this.page(this.incidents.filter((i) => i.reporter.id === reporterId).reverse(), options);
  }
  async listOpenByDeadline(options?: ListOptions) {
    return this.page(this.incidents.filter((i) => i.status !== 'closed').sort((a, b) => a.deadline.localeCompare(b.deadline)), options);
  }
  async listAll(options?: ListOptions) {
    return this.page([...this.incidents].sort((a, b) => b.discoveredAt.localeCompare(a.discoveredAt)), options);
  }
  async listDueReminders(before: string, options?: ListOptions) {
    return this.page(this.incidents.filter((i) => i.nextReminderAt !== null && i.nextReminderAt <= before), options);
  }
  async getState<T>(key: string) {
    const entry = this.state.get(key);
    return entry && ({ value: entry.value, etag: entry.etag } as StateEntry<T>);
  }
  async putState<T>(key: string, value: T, expectedEtag: string | null | undefined) {
    const [outcome] = await this.writeStates([{ kind: 'put', key, value, expectedEtag, dueAt: null }]);
    if (!outcome.ok) throw new Conflict();
    return { value, etag: outcome.etag! };
  }
  async writeStates(writes: readonly StateWrite[]): Promise<StateWriteOutcome[]> {
    return writes.map((write): StateWriteOutcome => {
      const current = this.state.get(write.key);
      const stale = typeof write.expectedEtag === 'string' && current?.etag !== write.expectedEtag;
      if (write.kind === 'delete') {
        if (current && stale) return { ok: false, reason: 'conflict' };
        this.state.delete(write.key);
        return { ok: true, etag: null };
      }
      if ((write.expectedEtag === undefined && current) || stale) return { ok: false, reason: 'conflict' };
      const etag = String(Number(current?.etag ?? 0) + 1);
      this.state.set(write.key, { value: structuredClone(write.value), etag, dueAt: write.dueAt });
      return { ok: true, etag };
    });
  }
  async listScheduledState<T>(prefix: string, options: ScheduledStateOptions = {}): Promise<Page<ScheduledStateEntry<T>>> {
    const due = [...this.state.entries()]
      .filter(([key, e]) => e.dueAt !== null && key.startsWith(prefix) && (options.dueBy === undefined || Date.parse(e.dueAt) <= Date.parse(options.dueBy)))
      .sort(([a, x], [b, y]) => Date.parse(x.dueAt!) - Date.parse(y.dueAt!) || a.localeCompare(b))
      .map(([key, e]) => ({ key, value: structuredClone(e.value) as T, etag: e.etag, dueAt: e.dueAt! }));
    const start = options.cursor ? Number(options.cursor) : 0;
    const limit = Math.min(options.limit ?? 100, this.pageSize);
    return { items: due.slice(start, start + limit), next: start + limit < due.length ? String(start + limit) : undefined };
  }
  async close() {
    this.closed += 1;
  }
}
