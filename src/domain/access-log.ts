/**
 * Who read what: one access record each time a person opens an incident's details, exports the
 * register or downloads a document. A record says who, when, which incident (or which export)
 * and which view — never what was shown.
 */
import type { Caller } from './person';

/** What was opened. */
export const ACCESS_VIEWS = ['incident-details', 'register-export', 'document', 'retention-export'] as const;
export type AccessView = (typeof ACCESS_VIEWS)[number];

/** One read, as the access log keeps it. */
export interface AccessRecord {
  /** Unique; appending a record twice (a retried flush) keeps one. */
  id: string;
  /** When it was read (ISO 8601). */
  at: string;
  /** Who read it: Entra object id and display name. */
  actorId: string;
  actorName: string;
  /** The reader's role at the time: 'dpo' (a DPO or an admin) or 'reporter'. */
  actorRole: 'dpo' | 'reporter';
  /** The incident read; null for what covers no single incident (a register export). */
  incidentId: string | null;
  view: AccessView;
  /** Which export or document (`register.xlsx`, `imy-notice.docx`): a name, never content. At most 100 characters. */
  target: string | null;
}

/** The longest `target` kept. */
export const ACCESS_TARGET_MAX = 100;

/** The record of `caller` reading `view` now. */
export function accessRecord(
  id: string,
  at: Date,
  caller: Caller,
  view: AccessView,
  incidentId: string | null,
  target: string | null = null,
): AccessRecord {
  const dpo = caller.roles.includes('dpo') || caller.roles.includes('admin');
  return {
    id,
    at: at.toISOString(),
    actorId: caller.id,
    actorName: caller.name,
    actorRole: dpo ? 'dpo' : 'reporter',
    incidentId,
    view,
    target: target === null ? null : target.slice(0, ACCESS_TARGET_MAX),
  };
}

/**
 * Access records older than this instant are due for culling, given `ACCESS_LOG_RETENTION_DAYS`
 * (undefined: kept for ever, so nothing is due).
 */
export function accessLogCutoff(now: Date, retentionDays: number | undefined): Date | undefined {
  if (retentionDays === undefined) return undefined;
  return new Date(now.getTime() - retentionDays * 86_400_000);
}
