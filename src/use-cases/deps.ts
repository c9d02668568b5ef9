/** What every use case may use: the ports, wired in src/main.ts. */
import type {
  AccessLog,
  AppStateStore,
  Art34Templates,
  Clock,
  IncidentStore,
  Locale,
  Logger,
  Organisation,
  RetentionPolicy,
} from '../domain';
import type { CommitteeTemplate } from '../domain/committee-report';
import type { AccessRecorder } from './access-recorder';
import type { Outbox } from './outbox';
import type { ReportRateLimiter } from './report-rate-limiter';

export interface UseCaseDeps {
  /** The register: incidents and their audit trail. */
  store: IncidentStore;
  /** The app's own state: the announcement outbox, the DPO channel and its card references. */
  appState: AppStateStore;
  /** Who read what: read by the DPO's access-log page. Absent: nothing is kept or shown. */
  accessLog?: AccessLog;
  /**
   * Queues an access record for every read of an incident, export or document (over `accessLog`,
   * src/main.ts wires one per process). Absent: reads are not recorded (the CLI, unit tests).
   */
  access?: AccessRecorder;
  clock: Clock;
  logger: Logger;
  /**
   * Where news for the DPO channel is queued (over `appState`); the delivery loop takes it
   * from there. Absent where nothing delivers it (the CLI, a server without the bot): nothing is queued.
   */
  outbox?: Outbox;
  /** New unique ids (report ids when the client sends none). */
  newId: () => string;
  /**
   * How many reports one person may file in a row (src/main.ts wires one per process for the API
   * and the bot alike). Absent: no limit (CLI, tests that file many reports).
   */
  reportRate?: ReportRateLimiter;
  /** What the records plan says (RETENTION_*), for the incident page's retention outlook; absent: keep. */
  retention?: RetentionPolicy;
  /** The controller and the DPO's contact for the documents; absent: the domain's `DEFAULT_ORGANISATION`. */
  organisation?: Organisation;
  /** The art. 34 letter's templates by language (`ART34_LETTER_TEMPLATE`, `…_EN`); absent: the domain's defaults. */
  letterTemplates?: Art34Templates;
  /** The committee report's texts per language (`COMMITTEE_REPORT_TEMPLATE*`); absent: the domain's default. */
  committeeTemplates?: Partial<Record<Locale, CommitteeTemplate>>;
}
