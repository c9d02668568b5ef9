/** What the HTTP API (docs/api.md) answers, as the tab reads it. */
import type { AuditEvent, Incident } from '../../domain/incident';
import type { Duties } from '../../domain/duties';
import type { RegisterCheckId } from '../../domain/register-checks';
import type { RegisterReport } from '../../domain/register-report';
import type { Role } from '../../domain/person';
import type { BreachType, RiskLevel } from '../../domain/vocabulary';

export type { AuditEvent, Duties, Incident, RegisterCheckId, RegisterReport, RiskLevel };

/** GET /api/me. */
export interface Me {
  id: string;
  name: string;
  roles: Role[];
  profile: 'local' | 'entra';
}

/** GET /api/incidents. */
export interface IncidentPage {
  items: Incident[];
  next?: string;
}

/** GET /api/incidents/:idOrNumber. */
export type { IncidentDetails } from '../../use-cases/get-incident';

/** One row of GET /api/register/findings. */
export interface FindingsRow {
  incident: Pick<Incident, 'id' | 'number' | 'title' | 'status'>;
  findings: RegisterCheckId[];
}

/** POST /api/incidents/:id/assessment. */
export interface AssessmentBody {
  risk: RiskLevel;
  rationale: string;
  severity?: { dpc: number; ei: number; cb: number; score: number };
  /** The breach types the DPO judged (replace the reported ones). */
  breachTypes?: BreachType[];
}

/** POST /api/incidents/:id/imy-notice. */
export interface ImyNoticeBody {
  notifiedAt: string;
  reference?: string;
  phased?: boolean;
  delayReason?: string;
}

/** POST /api/incidents/:id/imy-supplement: when the supplement to a phased notice was sent (ISO 8601). */
export interface ImySupplementBody {
  sentAt: string;
}

/** POST /api/incidents/:id/subject-notice. */
export interface SubjectNoticeBody {
  notifiedAt?: string;
  method?: string;
  notInformedReason?: string;
}

/** POST /api/incidents/:id/lex-sarah. */
export interface LexSarahBody {
  reportedAt: string;
  reportedToIvo?: boolean;
  ivoReportedAt?: string;
  ivoReference?: string;
}

/** POST /api/incidents/:id/awareness: a later time of becoming aware, and why (restarts the 72-hour clock). */
export interface AwarenessBody {
  awareAt: string;
  reason: string;
}

/** POST /api/incidents/:id/ended: when the breach ended. */
export interface EndedBody {
  endedAt: string;
}

/** POST /api/incidents/:id/police-report. */
export interface PoliceReportBody {
  reportedAt: string;
  reference?: string;
}

/** The changes a DPO makes to an incident, by route name. */
export interface ChangeBodies {
  take: Record<string, never>;
  awareness: AwarenessBody;
  ended: EndedBody;
  assessment: AssessmentBody;
  'imy-notice': ImyNoticeBody;
  'imy-supplement': ImySupplementBody;
  'subject-notice': SubjectNoticeBody;
  'lex-sarah': LexSarahBody;
  'police-report': PoliceReportBody;
  close: Record<string, never>;
}
export type ChangeAction = keyof ChangeBodies;
