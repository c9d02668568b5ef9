/** What every use case may use: the ports, wired in src/main.ts. */
import type { AppStateStore, Clock, IncidentStore, Logger, Notifier } from '../domain';
import type { ReportRateLimiter } from './report-rate-limiter';

export interface UseCaseDeps {
  /** The register: incidents and their audit trail. */
  store: IncidentStore;
  /** The app's own state: the announcement outbox, the DPO channel and its card references. */
  appState: AppStateStore;
  clock: Clock;
  logger: Logger;
  /** Absent when nobody listens (CLI, tests). */
  notifier?: Notifier;
  /** New unique ids (report ids when the client sends none). */
  newId: () => string;
  /**
   * How many reports one person may file in a row (src/main.ts wires one per process for the API
   * and the bot alike). Absent: no limit (CLI, tests that file many reports).
   */
  reportRate?: ReportRateLimiter;
}
