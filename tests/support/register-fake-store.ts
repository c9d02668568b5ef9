/**
 * An in-memory IncidentStore for the register tests: idempotent create by reportId, numbers per
 * discovery year, listAll paged newest discovery first (small pages, so paging is exercised).
 */
import { Conflict, formatIncidentNumber, NotFound, stockholmYear } from '../../src/domain';
import type {
  AuditEvent,
  Incident,
  IncidentStore,
  ListOptions,
  NewAuditEvent,
  NewIncident,
  Page,
} from '../../src/domain';

export class RegisterFakeStore implements IncidentStore {
  readonly incidents: Incident[] = [];
  readonly auditEvents: AuditEvent[] = [];
  private readonly sequences = new Map<number, number>();
  private nextId = 1;
  closed = 0;

  constructor(private readonly pageSize = 3) {}

  async create(incident: NewIncident, event: NewAuditEvent): Promise<{ incident: Incident; created: boolean }> {
    const existing = this.incidents.find((i) => i.reportId === incident.reportId);
    if (existing) return { incident: structuredClone(existing), created: false };
    const year = stockholmYear(incident.discoveredAt);
    const sequence = (this.sequences.get(year) ?? 0) + 1;
    this.sequences.set(year, sequence);
    const stored: Incident = structuredClone({
      ...incident,
      id: `i${this.nextId++}`,
      number: formatIncidentNumber(year, sequence),
      etag: '1',
    });
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
    return this.page(
      this.incidents.filter((i) => i.status !== 'closed').sort((a, b) => a.deadline.localeCompare(b.deadline)),
      options,
    );
  }
  async listLinkedTo(mainId: string, options?: ListOptions) {
    return this.page(
      this.incidents.filter((i) => i.linkedTo?.id === mainId),
      options,
    );
  }
  async listAll(options?: ListOptions) {
    return this.page(
      [...this.incidents].sort((a, b) => b.discoveredAt.localeCompare(a.discoveredAt)),
      options,
    );
  }
  async listDueReminders(before: string, options?: ListOptions) {
    return this.page(
      this.incidents.filter((i) => i.nextReminderAt !== null && i.nextReminderAt <= before),
      options,
    );
  }
  /** Replaces the incident by its culled record; drops the trail but for one `culled` event when the scope says so. */
  async cull(kept: Incident, event: NewAuditEvent): Promise<Incident> {
    const at = this.incidents.findIndex((i) => i.id === kept.id);
    if (at < 0) throw new NotFound();
    const stored = structuredClone({ ...kept, etag: String(Number(this.incidents[at].etag) + 1) });
    this.incidents[at] = stored;
    const eventId = `culled:${kept.retention!.runId}:${kept.id}`;
    if (kept.retention!.scope !== 'free-text') {
      const kept2 = this.auditEvents.filter((e) => e.incidentId !== kept.id || e.id === eventId);
      this.auditEvents.splice(0, this.auditEvents.length, ...kept2);
    }
    if (!this.auditEvents.some((e) => e.id === eventId))
      this.auditEvents.push({ ...structuredClone(event), id: eventId, incidentId: kept.id });
    return structuredClone(stored);
  }
  /** Counts closes: the CLI closes what it opened (as the `close` of its stores). */
  async close() {
    this.closed += 1;
  }
}
