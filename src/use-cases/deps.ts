/** What every use case may use: the ports, wired in src/main.ts. */
import type { Clock, IncidentStore, Logger, Notifier } from '../domain';

export interface UseCaseDeps {
  store: IncidentStore;
  clock: Clock;
  logger: Logger;
  /** Absent when nobody listens (CLI, tests). */
  notifier?: Notifier;
  /** New unique ids (report ids when the client sends none). */
  newId: () => string;
}
