/** A person reports a suspected breach. Stored first, then announced. */
import { newIncident, parseReportInput, type Caller, type Incident, type Source } from '../domain';
import { announce } from './announce';
import type { UseCaseDeps } from './deps';

export interface ReportResult {
  incident: Incident;
  /** False when the same reportId was seen before (a retry or a double click). */
  created: boolean;
}

export async function reportIncident(deps: UseCaseDeps, caller: Caller, raw: unknown, source: Source): Promise<ReportResult> {
  const now = deps.clock.now();
  const input = parseReportInput(raw, now);
  const reportId = input.reportId ?? deps.newId();
  const existing = input.reportId ? await deps.store.getByReportId(reportId) : undefined;
  if (existing) return { incident: existing, created: false };
  const reporter = { id: caller.id, name: caller.name };
  const result = await deps.store.create(newIncident(input, reporter, source, reportId, now), {
    at: now.toISOString(),
    actor: reporter,
    type: 'reported',
    data: { source },
  });
  if (result.created) {
    deps.logger.info('incident reported', { incidentId: result.incident.id, number: result.incident.number, source });
    await announce(deps, 'reported', result.incident);
  }
  return result;
}
