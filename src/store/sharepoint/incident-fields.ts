/**
 * Incidents, audit events and state values as SharePoint list item fields, and back.
 * @remarks The whole incident is kept as JSON in `Document` (the source of truth, so nothing
 * is lost between the domain and the list); the other columns are projections for queries
 * and for people reading the register in SharePoint.
 */
import { causeLabel } from '../../domain/causes';
import type { AuditEvent, Incident } from '../../domain/incident';
import { unlikelyRisk } from '../../domain/incident';
import { legalHoldReasonLabel } from '../../domain/legal-hold';
import { LIFECYCLE, NOTE_MAX, TEXT_MAX } from './list-schema';

/** A list item as Graph returns it with `$expand=fields` (https://learn.microsoft.com/graph/api/resources/listitem). */
export interface ListItem {
  id: string;
  eTag?: string;
  '@odata.etag'?: string;
  fields?: Record<string, unknown>;
}

/** The version of the JSON kept in `Document`. */
const DOCUMENT_VERSION = 1;

function yesNo(value: boolean | null): 'Ja' | 'Nej' | null {
  return value === null ? null : value ? 'Ja' : 'Nej';
}

/** Cuts a projection to what a single-line text column holds; the Document keeps the whole. */
function line(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  return value.length > TEXT_MAX ? value.slice(0, TEXT_MAX) : value;
}

/** The fields of an incident item (without etag, which SharePoint owns). */
export function incidentFields(incident: Incident, writeId: string): Record<string, unknown> {
  const { etag: _etag, ...document } = incident;
  return {
    Title: incident.number,
    IncidentId: incident.id,
    IncidentNumber: incident.number,
    ReportId: incident.reportId,
    IncidentTitle: line(incident.title),
    DiscoveredAt: incident.discoveredAt,
    Description: incident.description,
    UnlikelyRisk: yesNo(unlikelyRisk(incident)),
    ReportedToAuthority: yesNo(incident.reportedToAuthority),
    OccurredAt: incident.occurredAt ?? null,
    Cause: incident.cause ? causeLabel(incident.cause) : null,
    Status: incident.status,
    Source: incident.source,
    Risk: incident.assessment?.risk ?? null,
    BreachTypes: line(incident.breachTypes.join(', ')),
    DataCategories: line(incident.dataCategories.join(', ')),
    AffectedCount: incident.affectedCount ?? null,
    Unit: line(incident.unit),
    SubjectCategories: line(incident.noticeDetails?.subjectCategories.join(', ') ?? null),
    RecordCount: incident.noticeDetails?.recordCount ?? null,
    CrossBorder: yesNo(incident.noticeDetails?.crossBorder ?? null),
    ReporterId: incident.reporter.id,
    ReporterName: line(incident.reporter.name),
    OwnerName: line(incident.owner?.name),
    Deadline: incident.deadline,
    NextReminderAt: incident.nextReminderAt,
    Lifecycle: incident.status === 'closed' ? LIFECYCLE[1] : LIFECYCLE[0],
    CreatedAt: incident.createdAt,
    LegalHold: incident.legalHold ? legalHoldReasonLabel(incident.legalHold.reason) : null,
    LinkedToId: incident.linkedTo?.id ?? null,
    LinkedToNumber: incident.linkedTo?.number ?? null,
    Document: JSON.stringify({ v: DOCUMENT_VERSION, incident: document }),
    WriteId: writeId,
  };
}

/** The item's etag: the item's own, or the one Graph puts on its fields. */
export function itemEtag(item: ListItem): string {
  const etag = item.eTag ?? item['@odata.etag'] ?? (item.fields?.['@odata.etag'] as string | undefined);
  if (!etag) throw new Error(`List item ${item.id} came without an etag.`);
  return etag;
}

/** Reads an incident back from its item. */
export function incidentFromItem(item: ListItem): Incident {
  const raw = item.fields?.Document;
  if (typeof raw !== 'string') throw new Error(`Incident item ${item.id} has no Document.`);
  const parsed = JSON.parse(raw) as { v: number; incident: Omit<Incident, 'etag'> };
  if (parsed.v !== DOCUMENT_VERSION)
    throw new Error(
      `Incident item ${item.id} has Document version ${parsed.v}; this version reads ${DOCUMENT_VERSION}.`,
    );
  return { ...parsed.incident, etag: itemEtag(item) };
}

/** The fields of an audit event item. */
export function eventFields(event: AuditEvent): Record<string, unknown> {
  return {
    Title: event.type,
    EventId: event.id,
    IncidentId: event.incidentId,
    At: event.at,
    AtExact: event.at,
    EventType: event.type,
    ActorId: event.actor.id,
    ActorName: line(event.actor.name),
    Data: JSON.stringify(event.data),
  };
}

/** Reads an audit event back from its item. */
export function eventFromItem(item: ListItem): AuditEvent {
  const f = item.fields ?? {};
  return {
    id: String(f.EventId),
    incidentId: String(f.IncidentId),
    at: typeof f.AtExact === 'string' ? f.AtExact : String(f.At),
    actor: { id: String(f.ActorId), name: String(f.ActorName ?? '') },
    type: String(f.EventType) as AuditEvent['type'],
    data: typeof f.Data === 'string' && f.Data ? (JSON.parse(f.Data) as AuditEvent['data']) : {},
  };
}

/** An app-state value too long for the list's multi-line text column. */
export class StateValueTooLarge extends Error {
  override readonly name = 'StateValueTooLarge';
  constructor(
    readonly key: string,
    readonly length: number,
  ) {
    super(
      `The app-state value under ${key} is ${length} characters; a SharePoint multi-line text column holds at most ${NOTE_MAX}.`,
    );
  }
}

/**
 * The fields of an app-state item; `dueAt` schedules it (null clears the schedule).
 * @throws StateValueTooLarge before sending what SharePoint would refuse.
 */
export function stateFields(
  key: string,
  value: unknown,
  writeId: string,
  dueAt: string | null = null,
): Record<string, unknown> {
  const json = JSON.stringify(value ?? null);
  if (json.length > NOTE_MAX) throw new StateValueTooLarge(key, json.length);
  return { Title: line(key), StateKey: key, Value: json, WriteId: writeId, DueAt: dueAt, DueAtExact: dueAt };
}

/** When a scheduled app-state item falls due: the exact instant as written, else the column's (to the second). */
export function stateDueAt(item: ListItem): string | undefined {
  const f = item.fields ?? {};
  if (typeof f.DueAtExact === 'string' && f.DueAtExact) return f.DueAtExact;
  return typeof f.DueAt === 'string' && f.DueAt ? f.DueAt : undefined;
}

/** Reads an app-state value back from its item. */
export function stateValue<T>(item: ListItem): T {
  const raw = item.fields?.Value;
  return (typeof raw === 'string' && raw !== '' ? JSON.parse(raw) : null) as T;
}
