/** Object mothers for incidents and audit events, built by the domain so they stay valid. */
import { randomUUID } from 'node:crypto';
import { noticeDeadline } from '../../src/domain/deadline';
import type { Incident, NewAuditEvent, NewIncident } from '../../src/domain/incident';
import { newIncident } from '../../src/domain/incident-changes';
import type { Person } from '../../src/domain/person';
import { parseReportInput } from '../../src/domain/report-input';

/** A caseworker who reports incidents. */
export const aReporter: Person = { id: 'reporter-anna', name: 'Anna Handläggare' };
/** The data protection officer. */
export const aDpo: Person = { id: 'dpo-dana', name: 'Dana Dataskydd' };

const DEFAULT_DISCOVERED_AT = '2026-11-18T08:00:00.000Z';
const HOUR = 3600_000;

/** A fresh report id, unique per call. */
export function aReportId(): string {
  return `report-${randomUUID()}`;
}

/**
 * A new incident as `newIncident` builds it from a valid report, then `overrides` on top.
 * @remarks `discoveredAt` feeds the report, so the clock (awareAt, deadline, next reminder)
 * follows it; the report is taken in one hour after discovery unless `createdAt` says when.
 */
export function aNewIncident(overrides: Partial<NewIncident> = {}): NewIncident {
  const discoveredAt = overrides.discoveredAt ?? DEFAULT_DISCOVERED_AT;
  const reportedAt = new Date(overrides.createdAt ?? Date.parse(discoveredAt) + HOUR);
  const input = parseReportInput(
    {
      title: 'E-post med utredning skickad till fel mottagare',
      description: 'En utredning skickades till en extern mottagare med liknande namn.',
      discoveredAt,
      breachTypes: ['confidentiality'],
      dataCategories: ['social-services', 'children'],
      affectedCount: 3,
      cause: 'human-error',
      unit: 'Individ- och familjeomsorg',
    },
    reportedAt,
  );
  return {
    ...newIncident(
      input,
      overrides.reporter ?? aReporter,
      overrides.source ?? 'tab',
      overrides.reportId ?? aReportId(),
      reportedAt,
    ),
    ...overrides,
  };
}

/** An audit event: by default the reporter's report. */
export function anEvent(overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return { at: DEFAULT_DISCOVERED_AT, actor: aReporter, type: 'reported', data: { source: 'tab' }, ...overrides };
}

/**
 * A stored incident (with id, number and etag) as the API returns it; override what the test is about.
 * @remarks Plain data, no React: for domain tests of texts built from an incident.
 */
export function anIncident(overrides: Partial<Incident> = {}): Incident {
  const discoveredAt = overrides.discoveredAt ?? '2026-11-20T09:00:00.000Z';
  const awareAt = overrides.awareAt ?? discoveredAt;
  return {
    id: 'inc-1',
    number: 'PUI-2026-0001',
    reportId: 'tab-00000000-0000-4000-8000-000000000001',
    etag: 'etag-1',
    title: 'Beslut skickat till fel adress',
    description: 'Ett beslut skickades till en gammal adress.',
    source: 'tab',
    reporter: { id: 'rep-1', name: 'Rut Rapportör' },
    unit: 'Individ- och familjeomsorgen',
    discoveredAt,
    awareAt,
    deadline: noticeDeadline(awareAt),
    breachTypes: ['confidentiality'],
    dataCategories: ['social-services'],
    affectedCount: 2,
    status: 'new',
    reportedToAuthority: null,
    nextReminderAt: null,
    createdAt: discoveredAt,
    updatedAt: discoveredAt,
    ...overrides,
  };
}
