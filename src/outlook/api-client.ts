/**
 * Calls the PUI Desk API: `POST /api/incidents?source=outlook`.
 */
import type { Incident } from '../domain/incident';
import type { ReportRequest } from './prefill';
import type { Locale } from './strings';
import { ApiError } from '../web/api-error';

export { ApiError, type ApiIssue } from '../web/api-error';

/** What the receipt shows of the stored incident. */
export type SubmittedIncident = Pick<Incident, 'id' | 'number' | 'reportId' | 'deadline' | 'status' | 'discoveredAt'>;

/** The API could not be reached at all. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** Where the API is, relative to the task pane page (`/outlook/` → `/api/`). */
export function apiUrl(pageUrl: string, path: string): string {
  return new URL(`../${path.replace(/^\//, '')}`, new URL('.', pageUrl)).toString();
}

/** Options for {@link submitReport}. */
export interface SubmitOptions {
  pageUrl: string;
  request: ReportRequest;
  /** Entra ID access token; absent in the local profile. */
  token?: string;
  locale: Locale;
  fetchImpl?: typeof fetch;
}

/** Sends the report. Resolves with the incident (201 new, 200 already received); rejects with ApiError or NetworkError. */
export async function submitReport(options: SubmitOptions): Promise<SubmittedIncident> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'Accept-Language': options.locale,
  };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetchImpl(apiUrl(options.pageUrl, 'api/incidents?source=outlook'), {
      method: 'POST',
      headers,
      body: JSON.stringify(options.request),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const err = (payload as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | undefined)?.error;
    const issues = Array.isArray(err?.issues)
      ? (err.issues as Record<string, unknown>[]).map((i) => ({ field: String(i.field ?? ''), code: String(i.code ?? ''), message: String(i.message ?? '') }))
      : [];
    throw new ApiError(response.status, typeof err?.code === 'string' ? err.code : `http_${response.status}`, typeof err?.message === 'string' ? err.message : `HTTP ${response.status}`, issues);
  }
  const incident = payload as Partial<SubmittedIncident> | undefined;
  if (!incident || typeof incident.number !== 'string' || typeof incident.deadline !== 'string') {
    throw new ApiError(response.status, 'unexpected_response', 'The server answered without an incident.');
  }
  return {
    id: String(incident.id),
    number: incident.number,
    reportId: String(incident.reportId ?? options.request.reportId),
    deadline: incident.deadline,
    status: incident.status ?? 'new',
    discoveredAt: String(incident.discoveredAt ?? options.request.discoveredAt),
  };
}
