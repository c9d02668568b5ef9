/**
 * What a retention run leaves of a culled incident (*gallring*), by `RETENTION_SCOPE`. Pure: the
 * run (src/use-cases/retention.ts) asks this, and the store replaces the incident by the answer.
 * @remarks The register's statistics and the committee report of past periods must stay the same
 * after culling, so everything they count is kept: the dates, the cause, the breach types, the
 * risk level, whether IMY and the data subjects were notified (and when), the register's answers.
 * A free text that held something is replaced by {@link CULLED_TEXT}, never emptied, so what
 * asks whether it was given (a reason for a late notice) answers as before.
 */
import type { Incident, RetentionMark } from './incident';
import type { Person } from './person';
import type { RetentionPolicy, RetentionScope } from './retention';

/** What stands where a culled free text stood. */
export const CULLED_TEXT = '[gallrad]';

/** Who stands where a person stood on an incident culled whole. */
export const CULLED_PERSON: Person = { id: 'gallrad', name: '[gallrad]' };

function culledText<T extends string | undefined>(text: T): T {
  return (text === undefined || text.trim() === '' ? text : CULLED_TEXT) as T;
}

/** True when the incident's audit trail goes in this scope (all but the run's own `culled` event). */
export function scopeDropsTrail(scope: RetentionScope): boolean {
  return scope === 'audit' || scope === 'whole';
}

/** The id of a cull's one event: the same on a re-run, so a store appends it once. */
export function culledEventId(kept: Incident): string {
  return `culled:${kept.retention!.runId}:${kept.id}`;
}

/** True when the incident itself changes in this scope (so its old versions must go too). */
export function scopeChangesIncident(scope: RetentionScope): boolean {
  return scope === 'free-text' || scope === 'whole';
}

/** The records plan's decision in words, without content: what the mark and the run log carry. */
export function retentionDecision(policy: RetentionPolicy): string {
  if (policy.kind === 'keep') return 'bevaras';
  return `RETENTION_YEARS=${policy.years}, RETENTION_FROM=${policy.from}, RETENTION_SCOPE=${policy.scope}`;
}

/** The incident with every free text culled; people and the structured answers kept. */
function withoutFreeTexts(i: Incident): Incident {
  return {
    ...i,
    title: culledText(i.title),
    description: culledText(i.description),
    unit: culledText(i.unit),
    awareReason: culledText(i.awareReason),
    measures: culledText(i.measures),
    assessment: i.assessment && { ...i.assessment, rationale: culledText(i.assessment.rationale) },
    imyNotice: i.imyNotice && { ...i.imyNotice, delayReason: culledText(i.imyNotice.delayReason) },
    subjectNotice: i.subjectNotice && {
      ...i.subjectNotice,
      method: culledText(i.subjectNotice.method),
      notInformedReason: culledText(i.subjectNotice.notInformedReason),
    },
    noticeDetails: i.noticeDetails && {
      ...i.noticeDetails,
      consequencesText: culledText(i.noticeDetails.consequencesText),
      plannedMeasures: culledText(i.noticeDetails.plannedMeasures),
    },
  };
}

/** Drops the keys whose value is undefined (the stores keep JSON; the record reads the same back). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The minimal record of an incident culled whole: built from what is kept (never by removing what
 * goes, so a field added later is culled until someone decides to keep it). No person, no text.
 */
function minimalRecord(i: Incident): Incident {
  const nobody = CULLED_PERSON;
  return defined({
    id: i.id,
    number: i.number,
    reportId: i.reportId,
    etag: i.etag,
    title: culledText(i.title),
    description: culledText(i.description),
    source: i.source,
    reporter: nobody,
    discoveredAt: i.discoveredAt,
    occurredAt: i.occurredAt,
    endedAt: i.endedAt,
    awareAt: i.awareAt,
    deadline: i.deadline,
    breachTypes: [...i.breachTypes],
    dataCategories: [...i.dataCategories],
    cause: i.cause,
    status: i.status,
    assessment: i.assessment && {
      risk: i.assessment.risk,
      rationale: culledText(i.assessment.rationale),
      assessedAt: i.assessment.assessedAt,
      assessedBy: nobody,
    },
    imyNotice:
      i.imyNotice &&
      defined({
        notifiedAt: i.imyNotice.notifiedAt,
        phased: i.imyNotice.phased,
        supplementedAt: i.imyNotice.supplementedAt,
        delayReason: culledText(i.imyNotice.delayReason),
        recordedAt: i.imyNotice.recordedAt,
        recordedBy: nobody,
      }),
    reportedToAuthority: i.reportedToAuthority,
    subjectNotice:
      i.subjectNotice &&
      defined({
        notifiedAt: i.subjectNotice.notifiedAt,
        notInformedReason: culledText(i.subjectNotice.notInformedReason),
        recordedAt: i.subjectNotice.recordedAt,
        recordedBy: nobody,
      }),
    lexSarah:
      i.lexSarah &&
      defined({
        reportedAt: i.lexSarah.reportedAt,
        reportedToIvo: i.lexSarah.reportedToIvo,
        ivoReportedAt: i.lexSarah.ivoReportedAt,
        recordedAt: i.lexSarah.recordedAt,
        recordedBy: nobody,
      }),
    policeReport: i.policeReport && {
      reportedAt: i.policeReport.reportedAt,
      recordedAt: i.policeReport.recordedAt,
      recordedBy: nobody,
    },
    // A report linked to a main incident counts in none of the register's figures: the link stays.
    linkedTo: i.linkedTo && {
      id: i.linkedTo.id,
      number: i.linkedTo.number,
      linkedAt: i.linkedTo.linkedAt,
      linkedBy: nobody,
    },
    closedAt: i.closedAt,
    closedBy: i.closedBy && nobody,
    nextReminderAt: null,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  } satisfies Incident);
}

/**
 * What is left of `incident` once culled in `mark.scope`, with the mark: `free-text` culls the free
 * texts, `audit` keeps the incident as it is (its trail goes), `whole` leaves the minimal record.
 */
export function culledIncident(incident: Incident, mark: RetentionMark): Incident {
  const kept =
    mark.scope === 'whole'
      ? minimalRecord(incident)
      : mark.scope === 'free-text'
        ? withoutFreeTexts(incident)
        : incident;
  return { ...kept, retention: { ...mark, by: { ...mark.by } } };
}

/** True when the incident was culled already as far as `scope` reaches (whole reaches every scope). */
export function culledAsFar(incident: Pick<Incident, 'retention'>, scope: RetentionScope): boolean {
  const done = incident.retention?.scope;
  return done === 'whole' || done === scope;
}
