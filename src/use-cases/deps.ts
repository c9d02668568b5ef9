/** What every use case may use: the ports, wired in src/main.ts. */
import type { AppStateStore, Clock, IncidentStore, Logger, Notifier } from '../domain';

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
}
