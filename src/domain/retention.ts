/**
 * Retention (*gallring*) by the records plan: what the settings say, and when a closed incident
 * falls due. Pure: the retention run (src/use-cases/retention.ts) asks this and does the culling;
 * what a culled incident keeps is src/domain/retention-cull.ts.
 * @remarks Swedish archive law keeps public records unless a retention decision says otherwise,
 * so no setting means keep (*bevaras*): nothing is ever due.
 */
import type { Incident } from './incident';
import { culledAsFar } from './retention-cull';
import { parseStockholmLocal, stockholmYear } from './stockholm-time';

/** Which parts of a due incident are culled. */
export const RETENTION_SCOPES = ['free-text', 'audit', 'whole'] as const;
export type RetentionScope = (typeof RETENTION_SCOPES)[number];

/** From when the years count: the closure itself, or the end of the year of closure. */
export const RETENTION_FROMS = ['closure', 'end-of-year'] as const;
export type RetentionFrom = (typeof RETENTION_FROMS)[number];

/** What the records plan says for closed incidents. */
export type RetentionPolicy =
  { kind: 'keep' } | { kind: 'cull'; years: number; from: RetentionFrom; scope: RetentionScope };

/** The settings as read from the environment (`RETENTION_YEARS`, `RETENTION_FROM`, `RETENTION_SCOPE`). */
export interface RetentionSettingsInput {
  RETENTION_YEARS?: string;
  RETENTION_FROM?: string;
  RETENTION_SCOPE?: string;
}

/** A setting that does not parse; the message names the variable and what it may be. */
export class RetentionSettingError extends Error {
  override readonly name = 'RetentionSettingError';
}

/**
 * The policy the settings give. `RETENTION_YEARS` unset or empty: keep. Defaults when culling:
 * from `closure`, scope `whole`.
 */
export function retentionPolicy(input: RetentionSettingsInput): RetentionPolicy {
  const yearsText = input.RETENTION_YEARS?.trim() ?? '';
  const from = input.RETENTION_FROM?.trim() || 'closure';
  const scope = input.RETENTION_SCOPE?.trim() || 'whole';
  if (!(RETENTION_FROMS as readonly string[]).includes(from))
    throw new RetentionSettingError(`RETENTION_FROM must be closure or end-of-year, not "${from.slice(0, 40)}".`);
  if (!(RETENTION_SCOPES as readonly string[]).includes(scope))
    throw new RetentionSettingError(`RETENTION_SCOPE must be free-text, audit or whole, not "${scope.slice(0, 40)}".`);
  if (yearsText === '') return { kind: 'keep' };
  const years = Number(yearsText);
  if (!/^\d+$/.test(yearsText) || years < 1 || years > 100) {
    throw new RetentionSettingError(
      `RETENTION_YEARS must be a whole number of years from 1 to 100 (leave it unset to keep incidents), not "${yearsText.slice(0, 40)}".`,
    );
  }
  return { kind: 'cull', years, from: from as RetentionFrom, scope: scope as RetentionScope };
}

/** `ACCESS_LOG_RETENTION_DAYS`: unset or empty keeps access records for ever; else 1–36,500 days. */
export function accessLogRetentionDays(text: string | undefined): number | undefined {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return undefined;
  const days = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || days < 1 || days > 36_500) {
    throw new RetentionSettingError(
      `ACCESS_LOG_RETENTION_DAYS must be a whole number of days from 1 to 36500 (leave it unset to keep them), not "${trimmed.slice(0, 40)}".`,
    );
  }
  return days;
}

/**
 * When a closed incident falls due for culling (ISO 8601), or undefined: kept by the policy, not
 * closed, under a legal hold, or culled already as far as the policy's scope reaches. `closure`: the same instant N years on (29 February → 28 February);
 * `end-of-year`: midnight Stockholm time at the start of the year N + 1 after the year of closure.
 */
export function retentionDueAt(incident: Incident, policy: RetentionPolicy): string | undefined {
  if (policy.kind === 'keep' || incident.status !== 'closed' || !incident.closedAt || incident.legalHold)
    return undefined;
  if (culledAsFar(incident, policy.scope)) return undefined;
  if (policy.from === 'end-of-year') {
    return parseStockholmLocal(`${stockholmYear(incident.closedAt) + policy.years + 1}-01-01 00:00`);
  }
  const closed = new Date(incident.closedAt);
  const due = new Date(closed);
  due.setUTCFullYear(closed.getUTCFullYear() + policy.years);
  // 29 February in a year without one rolls to 1 March; the plan's "N years" ends on the 28th.
  if (due.getUTCMonth() !== closed.getUTCMonth()) due.setUTCDate(0);
  return due.toISOString();
}

/** One incident a retention run would cull. */
export interface DueForCulling {
  number: string;
  closedAt: string;
  dueAt: string;
}

/** The incidents due at `asOf`, earliest due first (held and open ones never). */
export function dueForCulling(incidents: Iterable<Incident>, policy: RetentionPolicy, asOf: Date): DueForCulling[] {
  const due: DueForCulling[] = [];
  for (const incident of incidents) {
    const dueAt = retentionDueAt(incident, policy);
    if (dueAt !== undefined && Date.parse(dueAt) <= asOf.getTime())
      due.push({ number: incident.number, closedAt: incident.closedAt!, dueAt });
  }
  return due.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.number.localeCompare(b.number));
}

/** `YYYY-MM-DD` as the end of that day in Stockholm time (the due list counts the whole day); undefined if not a date. */
export function retentionAsOf(day: string): Date | undefined {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(day) ? parseStockholmLocal(`${day} 23:59:59`) : undefined;
  return parsed ? new Date(parsed) : undefined;
}

/** What retention will do with one incident, for its page: culled already, open, held, kept by the plan, or due on a date. */
export type RetentionOutlook =
  | { state: 'culled'; culledAt: string }
  | { state: 'open' }
  | { state: 'held' }
  | { state: 'kept' }
  | { state: 'due'; dueAt: string };

/** The incident's retention outlook under the policy (a held or open incident is never due). */
export function retentionOutlook(incident: Incident, policy: RetentionPolicy): RetentionOutlook {
  if (incident.retention) return { state: 'culled', culledAt: incident.retention.culledAt };
  if (incident.status !== 'closed') return { state: 'open' };
  if (incident.legalHold) return { state: 'held' };
  const dueAt = retentionDueAt(incident, policy);
  return dueAt === undefined ? { state: 'kept' } : { state: 'due', dueAt };
}
