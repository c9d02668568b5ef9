/**
 * The API calls the tab makes, as one small port: pages depend on {@link PuiApi}, tests give
 * them a fake, the app gives them {@link HttpPuiApi}.
 */
import { createContext, useContext } from 'react';
import type { ReportInput } from '../../domain/report-input';
import { ApiClient } from './api-client';
import type { ChangeAction, ChangeBodies, FindingsRow, Incident, IncidentDetails, IncidentPage, Me, RegisterReport } from './api-types';

/** What the tab asks of the server. */
export interface PuiApi {
  me(): Promise<Me>;
  /** Reports an incident (idempotent by `reportId`). */
  report(input: Partial<ReportInput> & { reportId: string }): Promise<Incident>;
  /** The caller's own reports, newest first (every page). */
  myIncidents(): Promise<Incident[]>;
  /** Every incident (DPO): open ones by deadline, or all. `truncated` when more exist than were fetched. */
  allIncidents(openOnly: boolean): Promise<{ items: Incident[]; truncated: boolean }>;
  incident(idOrNumber: string): Promise<IncidentDetails>;
  /** A DPO's change, naming the etag it read. */
  change<A extends ChangeAction>(id: string, action: A, body: ChangeBodies[A], etag: string): Promise<Incident>;
  registerReport(from: string, to: string): Promise<RegisterReport>;
  registerFindings(): Promise<FindingsRow[]>;
  /** The register as a file, for the export links. */
  exportRegister(format: 'csv' | 'xlsx'): Promise<{ blob: Blob; filename?: string }>;
  /** The address of the export (for the link's href). */
  exportUrl(format: 'csv' | 'xlsx'): string;
}

/** Pages fetched at most when following `next` (a page holds up to 200). */
const MAX_PAGES = 10;
const PAGE_SIZE = 200;

/** {@link PuiApi} over HTTP. */
export class HttpPuiApi implements PuiApi {
  constructor(private readonly client: ApiClient) {}

  me(): Promise<Me> {
    return this.client.get<Me>('/api/me');
  }

  report(input: Partial<ReportInput> & { reportId: string }): Promise<Incident> {
    return this.client.post<Incident>('/api/incidents?source=tab', input);
  }

  async myIncidents(): Promise<Incident[]> {
    return (await this.pages('/api/incidents?scope=mine')).items;
  }

  allIncidents(openOnly: boolean): Promise<{ items: Incident[]; truncated: boolean }> {
    return this.pages(`/api/incidents?scope=all${openOnly ? '&open=true' : ''}`);
  }

  incident(idOrNumber: string): Promise<IncidentDetails> {
    return this.client.get<IncidentDetails>(`/api/incidents/${encodeURIComponent(idOrNumber)}`);
  }

  change<A extends ChangeAction>(id: string, action: A, body: ChangeBodies[A], etag: string): Promise<Incident> {
    return this.client.post<Incident>(`/api/incidents/${encodeURIComponent(id)}/${action}`, body, etag);
  }

  registerReport(from: string, to: string): Promise<RegisterReport> {
    return this.client.get<RegisterReport>(`/api/register/report?from=${from}&to=${to}`);
  }

  registerFindings(): Promise<FindingsRow[]> {
    return this.client.get<FindingsRow[]>('/api/register/findings');
  }

  exportRegister(format: 'csv' | 'xlsx'): Promise<{ blob: Blob; filename?: string }> {
    return this.client.download(`/api/register/export?format=${format}`);
  }

  exportUrl(format: 'csv' | 'xlsx'): string {
    return this.client.url(`/api/register/export?format=${format}`);
  }

  private async pages(path: string): Promise<{ items: Incident[]; truncated: boolean }> {
    const items: Incident[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const page = await this.client.get<IncidentPage>(`${path}&limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.items);
      cursor = page.next;
      if (!cursor) return { items, truncated: false };
    }
    return { items, truncated: true };
  }
}

/** The API the pages use; provided by the app (or a test). */
export const ApiContext = createContext<PuiApi | null>(null);

/** The API from context; throws when a page is rendered outside the app. */
export function useApi(): PuiApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi: no ApiContext.Provider above this component.');
  return api;
}
