/**
 * The API calls the browser pages make, as one small port: pages depend on {@link PuiApi}, tests
 * give them a fake, the tab and the Outlook task pane give them {@link HttpPuiApi}. Each call names
 * its request and answer schemas from the API contract.
 */
import type { ApiClient } from './api-client';
import {
  accessLogAnswer,
  changeRequests,
  findingsAnswer,
  incidentAnswer,
  incidentDetailsAnswer,
  incidentPageAnswer,
  meAnswer,
  noticePath,
  noticeTextAnswer,
  registerReportAnswer,
  reportRequest,
  sendCheckCountsAnswer,
  retentionCullAnswer,
  retentionCullRequest,
  retentionOverviewAnswer,
  retentionRunAnswer,
  retentionRunRequest,
  type AccessLogPage,
  type ChangeAction,
  type ChangeBodies,
  type FindingsRow,
  type Incident,
  type IncidentDetails,
  type IncidentPage,
  type Me,
  type NoticeQuery,
  type RegisterReport,
  type ReportRequest,
  type SendCheckCounts,
  type RetentionCullAnswer,
  type RetentionOverview,
  type RetentionRunAnswer,
} from './api-contract';
import * as z from 'zod/mini';
import type { RetentionExportKind } from '../use-cases/retention';

/** The two exports of a retention run (the use case's). */
export type { RetentionExportKind };

const preparedAnswer = z.object({ run: z.nullable(retentionRunAnswer) });

/** What the pages ask of the server. */
export interface PuiApi {
  me(): Promise<Me>;
  /** Reports an incident (idempotent by `reportId`). */
  report(input: ReportRequest): Promise<Incident>;
  /** The caller's own reports, newest first (every page). */
  myIncidents(): Promise<Incident[]>;
  /** Every incident (DPO): open ones by deadline, or all. `truncated` when more exist than were fetched. */
  allIncidents(openOnly: boolean): Promise<{ items: Incident[]; truncated: boolean }>;
  incident(idOrNumber: string): Promise<IncidentDetails>;
  /** A DPO's change, naming the etag it read. */
  change<A extends ChangeAction>(id: string, action: A, body: ChangeBodies[A], etag: string): Promise<Incident>;
  registerReport(from: string, to: string): Promise<RegisterReport>;
  /** The committee report for the period as a Word document (DPO only), with the ärendebeteckning typed in. */
  committeeReport(period: { from: string; to: string }, caseNumber: string): Promise<{ blob: Blob; filename?: string }>;
  registerFindings(): Promise<FindingsRow[]>;
  /** The check on Send per month, the twelve months up to this one (DPO only). */
  sendCheckCounts(): Promise<SendCheckCounts>;
  /** Who opened the incident, newest first (DPO only): the first page. */
  accessLog(id: string): Promise<AccessLogPage>;
  /** The IMY text or the art. 34 letter of one incident, as text (DPO only; each read is in the access log). */
  noticeText(id: string, query: Omit<NoticeQuery, 'format'>): Promise<string>;
  /** The art. 34 letter as a Word document. */
  letterDocument(id: string, lang: 'sv' | 'en'): Promise<{ blob: Blob; filename?: string }>;
  /** The address of the letter's Word document (for the link's href). */
  letterDocumentUrl(id: string, lang: 'sv' | 'en'): string;
  /** The register as a file, for the export links. */
  exportRegister(format: 'csv' | 'xlsx'): Promise<{ blob: Blob; filename?: string }>;
  /** The address of the export (for the link's href). */
  exportUrl(format: 'csv' | 'xlsx'): string;
  /** The records plan, what is due today, and the run under way (DPO). */
  retention(): Promise<RetentionOverview>;
  /** Lists what is due into a run (or answers the unfinished one); null when nothing is due. */
  prepareRetentionRun(): Promise<RetentionRunAnswer | null>;
  /** One of the run's two exports as a file. */
  retentionExport(runId: string, kind: RetentionExportKind): Promise<{ blob: Blob; filename?: string }>;
  retentionExportUrl(runId: string, kind: RetentionExportKind): string;
  /** Culls the run, confirmed with the number of incidents listed. */
  cullRetentionRun(runId: string, confirm: number): Promise<RetentionCullAnswer>;
}

/** Pages fetched at most when following `next` (a page holds up to 200). */
const MAX_PAGES = 10;
const PAGE_SIZE = 200;

/** {@link PuiApi} over HTTP. `source` says which page reports (`?source=tab|outlook`). */
export class HttpPuiApi implements PuiApi {
  constructor(
    private readonly client: ApiClient,
    private readonly source: 'tab' | 'outlook' = 'tab',
  ) {}

  me(): Promise<Me> {
    return this.client.get<Me>('/api/me', meAnswer);
  }

  report(input: ReportRequest): Promise<Incident> {
    return this.client.post<Incident>(
      `/api/incidents?source=${this.source}`,
      { schema: reportRequest, body: input },
      incidentAnswer,
    );
  }

  async myIncidents(): Promise<Incident[]> {
    return (await this.pages('/api/incidents?scope=mine')).items;
  }

  allIncidents(openOnly: boolean): Promise<{ items: Incident[]; truncated: boolean }> {
    return this.pages(`/api/incidents?scope=all${openOnly ? '&open=true' : ''}`);
  }

  incident(idOrNumber: string): Promise<IncidentDetails> {
    return this.client.get<IncidentDetails>(`/api/incidents/${encodeURIComponent(idOrNumber)}`, incidentDetailsAnswer);
  }

  change<A extends ChangeAction>(id: string, action: A, body: ChangeBodies[A], etag: string): Promise<Incident> {
    return this.client.post<Incident>(
      `/api/incidents/${encodeURIComponent(id)}/${action}`,
      { schema: changeRequests[action], body },
      incidentAnswer,
      etag,
    );
  }

  registerReport(from: string, to: string): Promise<RegisterReport> {
    return this.client.get<RegisterReport>(
      `/api/register/report?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      registerReportAnswer,
    );
  }

  committeeReport(
    period: { from: string; to: string },
    caseNumber: string,
  ): Promise<{ blob: Blob; filename?: string }> {
    const query = new URLSearchParams({ format: 'docx', from: period.from, to: period.to, lang: this.client.locale });
    if (caseNumber.trim()) query.set('caseNumber', caseNumber.trim());
    return this.client.download(`/api/register/report?${query.toString()}`);
  }

  registerFindings(): Promise<FindingsRow[]> {
    return this.client.get<FindingsRow[]>('/api/register/findings', findingsAnswer);
  }

  sendCheckCounts(): Promise<SendCheckCounts> {
    return this.client.get<SendCheckCounts>('/api/send-check/counts', sendCheckCountsAnswer);
  }

  accessLog(id: string): Promise<AccessLogPage> {
    return this.client.get<AccessLogPage>(
      `/api/incidents/${encodeURIComponent(id)}/access-log?limit=100`,
      accessLogAnswer,
    );
  }

  noticeText(id: string, query: Omit<NoticeQuery, 'format'>): Promise<string> {
    return this.client.getText(noticePath(id, query), noticeTextAnswer);
  }

  letterDocument(id: string, lang: 'sv' | 'en'): Promise<{ blob: Blob; filename?: string }> {
    return this.client.download(noticePath(id, { kind: 'art34', format: 'docx', lang }));
  }

  letterDocumentUrl(id: string, lang: 'sv' | 'en'): string {
    return this.client.url(noticePath(id, { kind: 'art34', format: 'docx', lang }));
  }

  exportRegister(format: 'csv' | 'xlsx'): Promise<{ blob: Blob; filename?: string }> {
    return this.client.download(`/api/register/export?format=${format}`);
  }

  exportUrl(format: 'csv' | 'xlsx'): string {
    return this.client.url(`/api/register/export?format=${format}`);
  }

  retention(): Promise<RetentionOverview> {
    return this.client.get<RetentionOverview>('/api/retention', retentionOverviewAnswer);
  }

  async prepareRetentionRun(): Promise<RetentionRunAnswer | null> {
    const answer = await this.client.post<{ run: RetentionRunAnswer | null }>(
      '/api/retention/runs',
      { schema: retentionRunRequest, body: {} },
      preparedAnswer,
    );
    return answer.run;
  }

  retentionExport(runId: string, kind: RetentionExportKind): Promise<{ blob: Blob; filename?: string }> {
    return this.client.download(this.retentionExportPath(runId, kind));
  }

  retentionExportUrl(runId: string, kind: RetentionExportKind): string {
    return this.client.url(this.retentionExportPath(runId, kind));
  }

  cullRetentionRun(runId: string, confirm: number): Promise<RetentionCullAnswer> {
    return this.client.post<RetentionCullAnswer>(
      `/api/retention/runs/${encodeURIComponent(runId)}/cull`,
      { schema: retentionCullRequest, body: { confirm } },
      retentionCullAnswer,
    );
  }

  private retentionExportPath(runId: string, kind: RetentionExportKind): string {
    return `/api/retention/runs/${encodeURIComponent(runId)}/export?kind=${kind}`;
  }

  private async pages(path: string): Promise<{ items: Incident[]; truncated: boolean }> {
    const items: Incident[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const page = await this.client.get<IncidentPage>(
        `${path}&limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        incidentPageAnswer,
      );
      items.push(...page.items);
      cursor = page.next;
      if (!cursor) return { items, truncated: false };
    }
    return { items, truncated: true };
  }
}
