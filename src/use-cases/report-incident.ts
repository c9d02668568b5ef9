/**
 * A person reports a suspected breach. The news is queued first (write-ahead), then the incident
 * is stored, and its card is posted only once the incident is there.
 * @remarks On both stores these are two writes through two ports (the outbox in the app state,
 * the incident in the register), never one transaction; this order makes a crash between them
 * harmless: news of a report that was never stored is dropped after ten minutes
 * (deliver-announcements.ts), and no stored incident is left that the DPO channel never hears of.
 */
import {
  issue,
  newIncident,
  parseReportInput,
  ValidationError,
  type Caller,
  type Incident,
  type ReportInput,
  type Source,
} from '../domain';
import { announce, queueAnnouncement, withdrawAnnouncement } from './announce';
import type { UseCaseDeps } from './deps';

export interface ReportResult {
  incident: Incident;
  /** False when the same reportId was seen before (a retry or a double click). */
  created: boolean;
}

/**
 * The earlier report with the same report id, as a retry of the caller's own.
 * @remarks A report id is no secret (cards and logs carry it), so someone else's id gets a
 * refusal that shows nothing of their report, never the report itself.
 */
function sameReport(existing: Incident, caller: Caller): ReportResult {
  if (existing.reporter.id !== caller.id) {
    throw new ValidationError([
      issue(
        'reportId',
        'report_id_in_use',
        'Rapport-id:t används redan av en annan anmälan. Skicka anmälan igen med ett nytt rapport-id.',
        'The report id is already used by another report. Send the report again with a new report id.',
      ),
    ]);
  }
  return { incident: existing, created: false };
}

/**
 * Files a report: validates it, holds the reporter to the report rate (a retry of a report already
 * stored is answered as before and costs nothing), queues its announcement, stores it.
 */
export async function reportIncident(
  deps: UseCaseDeps,
  caller: Caller,
  raw: unknown,
  source: Source,
): Promise<ReportResult> {
  const now = deps.clock.now();
  const input = parseReportInput(raw, now);
  const reportId = input.reportId ?? deps.newId();
  const existing = input.reportId ? await deps.store.getByReportId(reportId) : undefined;
  if (existing) return sameReport(existing, caller);
  // After validation and the retry check: correcting a form or sending it again is never counted.
  deps.reportRate?.take(caller.id, now);
  let result: ReportResult;
  try {
    result = await store(deps, caller, input, reportId, source, now);
  } catch (error) {
    deps.reportRate?.giveBack(caller.id, now);
    throw error;
  }
  // A concurrent submit of the same report id got there first.
  if (!result.created) {
    deps.reportRate?.giveBack(caller.id, now);
    return sameReport(result.incident, caller);
  }
  deps.logger.info('incident reported', { incidentId: result.incident.id, number: result.incident.number, source });
  await announce(deps, 'reported', result.incident);
  return result;
}

/** Queues the report's announcement, then stores it (withdrawing the news if storing fails). */
async function store(
  deps: UseCaseDeps,
  caller: Caller,
  input: ReportInput,
  reportId: string,
  source: Source,
  now: Date,
): Promise<ReportResult> {
  const reporter = { id: caller.id, name: caller.name };
  // Write-ahead: the announcement is queued before the incident is stored, so a crash in between
  // cannot leave a stored incident that the DPO channel never hears of.
  // The reporter's lane sets when it falls due, so a flood from one person never delays another's report.
  const news = { kind: 'reported', reportId, reporterId: caller.id } as const;
  await queueAnnouncement(deps, news);
  try {
    return await deps.store.create(newIncident(input, reporter, source, reportId, now), {
      at: now.toISOString(),
      actor: reporter,
      type: 'reported',
      data: { source },
    });
  } catch (error) {
    // Withdraw the queued news unless a concurrent submit of the same report did get stored.
    const stored = await deps.store.getByReportId(reportId).catch(() => undefined);
    if (!stored)
      await withdrawAnnouncement(deps, news).catch((e: unknown) =>
        deps.logger.warn('withdrawing an announcement failed', { error: (e as Error).name }),
      );
    throw error;
  }
}
