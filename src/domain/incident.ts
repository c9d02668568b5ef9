/**
 * The incident: a suspected personal data breach as the register keeps it, with the
 * DPO's assessment and the notice tracks around it.
 */
import type { CauseId } from './causes';
import type { LegalHold } from './legal-hold';
import type { NoticeDetails } from './notice-details';
import type { Person } from './person';
import type { RetentionScope } from './retention';
import type { BreachType, DataCategory, RiskLevel, Source, Status } from './vocabulary';

/** The DPO's risk assessment (art. 33(1) / art. 34(1)). */
export interface Assessment {
  risk: RiskLevel;
  rationale: string;
  assessedAt: string;
  assessedBy: Person;
  /** ENISA severity score, when the guided assessment was used. */
  severity?: { dpc: number; ei: number; cb: number; score: number };
}

/** The notice to IMY (art. 33). */
export interface ImyNotice {
  /** When IMY was notified; absent only for rows imported from a register that did not say. */
  notifiedAt?: string;
  reference?: string;
  /** Notice given in phases (art. 33(4)): supplements are still owed. */
  phased: boolean;
  /** When the supplement to a phased notice was sent to IMY; from then on nothing more is owed. */
  supplementedAt?: string;
  /** Required when notified later than 72 h after becoming aware. */
  delayReason?: string;
  recordedAt: string;
  recordedBy: Person;
}

/** Information to the data subjects (art. 34). */
export interface SubjectNotice {
  /** When the data subjects were informed; absent when not informed. */
  notifiedAt?: string;
  method?: string;
  /** Why they were not informed (art. 34(3) exceptions), when not informed. */
  notInformedReason?: string;
  recordedAt: string;
  recordedBy: Person;
}

/** The lex Sarah track (SoL 14 kap.): internal report and, when serious, IVO. */
export interface LexSarah {
  reportedAt: string;
  /** True when the case was reported on to IVO. */
  reportedToIvo: boolean;
  ivoReportedAt?: string;
  ivoReference?: string;
  recordedAt: string;
  recordedBy: Person;
}

/** The report of the breach to the police. */
export interface PoliceReport {
  reportedAt: string;
  /** The police's reference (diarienummer, e.g. `K123456-26`). */
  reference?: string;
  recordedAt: string;
  recordedBy: Person;
}

/** A report's link to its main incident. */
export interface IncidentLink {
  id: string;
  number: string;
  linkedAt: string;
  linkedBy: Person;
}

/** A suspected personal data breach. */
export interface Incident {
  id: string;
  /** Readable number per year, `PUI-2026-0042`. */
  number: string;
  /** The client-supplied id that makes a create idempotent. */
  reportId: string;
  etag: string;

  title: string;
  description: string;
  source: Source;
  reporter: Person;
  unit?: string;
  /**
   * The Teams message the report was made from (the message action's message id), when it was:
   * reports of one message are marked *möjligen samma händelse* (src/domain/similar-reports.ts).
   * An id, not content; still never logged.
   */
  sourceMessageId?: string;
  /** The Outlook mail the report was made from (its RFC 5322 Message-ID, `internetMessageId`), when it was. Never logged. */
  internetMessageId?: string;

  discoveredAt: string;
  occurredAt?: string;
  /** When the breach ended (IMY's e-service asks); absent while unknown or ongoing. */
  endedAt?: string;
  /** When the organisation became aware (starts the clock); defaults to discoveredAt. */
  awareAt: string;
  /** Why the DPO recorded a later awareness time (may hold personal data: never in events or logs). */
  awareReason?: string;
  deadline: string;

  breachTypes: BreachType[];
  dataCategories: DataCategory[];
  affectedCount?: number;
  measures?: string;
  cause?: CauseId;

  status: Status;
  owner?: Person;
  assessment?: Assessment;
  imyNotice?: ImyNotice;
  /** The register's "reported to a supervisory authority": yes, no, or not answered. */
  reportedToAuthority: boolean | null;
  subjectNotice?: SubjectNotice;
  lexSarah?: LexSarah;
  policeReport?: PoliceReport;
  /** The notice's answers beyond the report (art. 33(3), IMY's e-service). */
  noticeDetails?: NoticeDetails;

  closedAt?: string;
  closedBy?: Person;
  /**
   * A legal hold (*spärr*: an IVO case, a court case): while set, retention never culls the
   * incident (src/domain/retention.ts). Set and lifted by the DPO (src/domain/legal-hold.ts).
   */
  legalHold?: LegalHold;
  /**
   * Set once a retention run has culled the incident (src/domain/retention-cull.ts): what went,
   * when, by which decision and run, and who ran it.
   */
  retention?: RetentionMark;
  /**
   * The main incident this report is linked to (the same event reported again): the report keeps
   * its number, is not counted on its own in the register statistics, and its clock and reminders
   * follow the main's (src/domain/incident-links.ts).
   */
  linkedTo?: IncidentLink;
  /** When the next clock reminder is due (null when the clock has stopped). */
  nextReminderAt: string | null;

  createdAt: string;
  updatedAt: string;
}

/** What a retention run left on an incident it culled. */
export interface RetentionMark {
  culledAt: string;
  /** Which parts went: the free texts, the audit trail, or all but the minimal record. */
  scope: RetentionScope;
  /** The records plan's decision the run applied, in words without content (e.g. `RETENTION_YEARS=5, från avslut`). */
  decision: string;
  runId: string;
  /** The DPO who ran it. */
  by: Person;
}

/** What an adapter needs to store a new incident; it adds id, number and etag. */
export type NewIncident = Omit<Incident, 'id' | 'number' | 'etag'>;

/** An appended audit event: who did what when. Nothing is edited away. */
export interface AuditEvent {
  id: string;
  incidentId: string;
  at: string;
  actor: Person;
  type: AuditEventType;
  /** Non-sensitive details of the change (field names, levels, references; never descriptions). */
  data: Record<string, string | number | boolean | null>;
}

export type AuditEventType =
  | 'reported'
  | 'imported'
  | 'owner-taken'
  | 'awareness-recorded'
  | 'ended-recorded'
  | 'assessed'
  | 'imy-notified'
  | 'imy-supplement-recorded'
  | 'subjects-notice-recorded'
  | 'lex-sarah-recorded'
  | 'police-report-recorded'
  | 'notice-details-recorded'
  | 'reminder-sent'
  /** A due reminder that no schedule explains any longer was not sent; the next one was set anew. */
  | 'reminder-rescheduled'
  /** Linked to a main incident (data: its number), or the link undone. */
  | 'linked'
  | 'unlinked'
  | 'closed'
  /** The DPO set (or changed) a legal hold (data: the reason's id, whether a reference was given; never the reference). */
  | 'legal-hold-set'
  /** The DPO lifted the legal hold (data: its reason's id and since when it held). */
  | 'legal-hold-lifted'
  /** A retention run culled the incident (data: scope, run id; never content). */
  | 'culled';

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'incidentId'>;

/**
 * True while the 72-hour clock runs: not notified, not assessed as unlikely, not closed, and not
 * linked to a main incident (whose clock runs for the event).
 */
export function clockRunning(
  incident: Pick<Incident, 'imyNotice' | 'assessment' | 'status'> & Partial<Pick<Incident, 'linkedTo'>>,
): boolean {
  return (
    !incident.imyNotice &&
    incident.assessment?.risk !== 'unlikely' &&
    incident.status !== 'closed' &&
    !incident.linkedTo
  );
}

/** True until the incident is closed. */
export function isOpen(incident: Pick<Incident, 'status'>): boolean {
  return incident.status !== 'closed';
}

/** The register's "is it unlikely that it caused a risk": yes, no, or not answered. */
export function unlikelyRisk(incident: Pick<Incident, 'assessment'>): boolean | null {
  return incident.assessment ? incident.assessment.risk === 'unlikely' : null;
}
