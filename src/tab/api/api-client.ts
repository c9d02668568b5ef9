/**
 * The HTTP client of the tab: Bearer token, locale, `If-Match`, and the API's error body
 * turned into an {@link ApiError} a page can show.
 */
import { ApiError, type ApiIssue } from '../../web/api-error';
import type { Locale } from '../i18n';

export { ApiError, type ApiIssue } from '../../web/api-error';

/** Gives the access token for the API, or undefined where none is needed (local profile). */
export type TokenSource = () => Promise<string | undefined>;

export interface ApiClientOptions {
  locale: Locale;
  token?: TokenSource;
  /** Local profile only: act as a plain reporter (`X-Dev-Role: reporter`). */
  devRole?: 'reporter';
  /** Origin of the API; default the page's own. */
  baseUrl?: string;
  fetchImpl?: typeof fetch;
}

const NETWORK_MESSAGE: Record<Locale, string> = {
  sv: 'Det gick inte att nå PUI Desk. Kontrollera nätverket och försök igen.',
  en: 'PUI Desk could not be reached. Check the network and try again.',
};

const SIGN_IN_MESSAGE: Record<Locale, string> = {
  sv: 'Inloggningen misslyckades. Stäng fliken och öppna den igen; hjälper det inte, kontakta IT-supporten.',
  en: 'Sign-in failed. Close the tab and open it again; if that does not help, contact IT support.',
};

const UNREADABLE_MESSAGE: Record<Locale, (status: number) => string> = {
  sv: (status) => `Servern svarade med ett fel (HTTP ${status}). Försök igen om en stund.`,
  en: (status) => `The server answered with an error (HTTP ${status}). Try again in a while.`,
};

/** A JSON client for `/api/*`. */
export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  get locale(): Locale {
    return this.options.locale;
  }

  /** GET a JSON resource. */
  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  /** POST JSON; `etag` goes in `If-Match` so a stale change is refused (412) instead of overwriting. */
  post<T>(path: string, body: unknown, etag?: string): Promise<T> {
    return this.send<T>('POST', path, body, etag);
  }

  /** GET a file (register export) with the same credentials as the JSON calls. */
  async download(path: string): Promise<{ blob: Blob; filename?: string }> {
    const response = await this.fetch('GET', path);
    if (!response.ok) throw await this.errorOf(response);
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
    return { blob: await response.blob(), filename: filename ? decodeURIComponent(filename) : undefined };
  }

  /** The absolute URL of an API path. */
  url(path: string): string {
    return `${this.options.baseUrl ?? ''}${path}`;
  }

  private async send<T>(method: string, path: string, body?: unknown, etag?: string): Promise<T> {
    const response = await this.fetch(method, path, body, etag);
    if (!response.ok) throw await this.errorOf(response);
    return (await response.json()) as T;
  }

  private async fetch(method: string, path: string, body?: unknown, etag?: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': this.options.locale };
    let token: string | undefined;
    try {
      token = this.options.token ? await this.options.token() : undefined;
    } catch (cause) {
      const error = new ApiError(401, 'sign_in_failed', SIGN_IN_MESSAGE[this.options.locale]);
      (error as Error & { cause?: unknown }).cause = cause;
      throw error;
    }
    if (token) headers.Authorization = `Bearer ${token}`;
    if (this.options.devRole) headers['X-Dev-Role'] = this.options.devRole;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (etag) headers['If-Match'] = `"${etag}"`;
    const fetchImpl = this.options.fetchImpl ?? globalThis.fetch.bind(globalThis);
    try {
      return await fetchImpl(this.url(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch (cause) {
      const error = new ApiError(0, 'network', NETWORK_MESSAGE[this.options.locale]);
      (error as Error & { cause?: unknown }).cause = cause;
      throw error;
    }
  }

  private async errorOf(response: Response): Promise<ApiError> {
    const fallback = UNREADABLE_MESSAGE[this.options.locale](response.status);
    const text = await response.text();
    let parsed: { error?: { code?: unknown; message?: unknown; issues?: unknown } } | undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's HTML page): the status alone tells the story.
      parsed = undefined;
    }
    const error = parsed?.error;
    const issues = Array.isArray(error?.issues)
      ? (error.issues as unknown[]).filter((i): i is ApiIssue => typeof i === 'object' && i !== null && typeof (i as ApiIssue).field === 'string' && typeof (i as ApiIssue).message === 'string')
      : [];
    return new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `http_${response.status}`,
      typeof error?.message === 'string' ? error.message : fallback,
      issues,
    );
  }
}
