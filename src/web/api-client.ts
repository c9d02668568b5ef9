/**
 * The one HTTP client of the browser pages (the tab and the Outlook task pane): the token as
 * Bearer, the locale, `If-Match`, requests checked against the API contract before they leave,
 * answers checked against it when they come back, and the API's error body turned into an
 * {@link ApiError} a page can show.
 */
import type * as z from 'zod/mini';
import { ApiError, type ApiIssue } from './api-error';
import { errorAnswer } from './api-contract';
import type { TokenSource } from './sign-in';

export { ApiError, type ApiIssue } from './api-error';

export type Locale = 'sv' | 'en';

export interface ApiClientOptions {
  locale: Locale;
  token?: TokenSource;
  /** Local profile only: act as a plain reporter (`X-Dev-Role: reporter`). */
  devRole?: 'reporter';
  /** Where the API is (`https://pui.kommun.se`); default the page's own origin. See {@link apiBaseOf}. */
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

const UNEXPECTED_MESSAGE: Record<Locale, string> = {
  sv: 'Servern svarade med något som PUI Desk inte kan läsa. Ladda om sidan; hjälper det inte, kontakta IT-supporten.',
  en: 'The server answered with something PUI Desk cannot read. Reload the page; if that does not help, contact IT support.',
};

const OFF_CONTRACT_MESSAGE: Record<Locale, string> = {
  sv: 'Uppgifterna har inte den form PUI Desk väntar sig och skickades inte. Ladda om sidan och försök igen.',
  en: 'The data does not have the form PUI Desk expects and was not sent. Reload the page and try again.',
};

/** The API's origin for a page served by PUI Desk (`/tab/`, `/outlook/`): the API is at `/api/` beside it. */
export function apiBaseOf(pageUrl: string): string {
  return new URL('..', new URL('.', pageUrl)).toString().replace(/\/$/, '');
}

function withCause(error: ApiError, cause: unknown): ApiError {
  (error as Error & { cause?: unknown }).cause = cause;
  return error;
}

/** A JSON client for `/api/*`. */
export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  get locale(): Locale {
    return this.options.locale;
  }

  /** GET a JSON resource, checked against its answer schema. */
  get<T>(path: string, answer: z.ZodMiniType): Promise<T> {
    return this.send<T>('GET', path, answer);
  }

  /**
   * POST JSON, checked against its request schema first; `etag` goes in `If-Match` so a stale
   * change is refused (412) instead of overwriting.
   */
  post<T>(
    path: string,
    request: { schema: z.ZodMiniType; body: unknown },
    answer: z.ZodMiniType,
    etag?: string,
  ): Promise<T> {
    const checked = request.schema.safeParse(request.body);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => ({
        field: i.path.map(String).join('.'),
        code: i.code,
        message: OFF_CONTRACT_MESSAGE[this.options.locale],
      }));
      return Promise.reject(new ApiError(0, 'off_contract', OFF_CONTRACT_MESSAGE[this.options.locale], issues));
    }
    return this.send<T>('POST', path, answer, request.body, etag);
  }

  /** GET a plain-text document (the IMY text, the art. 34 letter), checked against its answer schema. */
  async getText(path: string, answer: z.ZodMiniType<string>): Promise<string> {
    const response = await this.fetch('GET', path, undefined, undefined, 'text/plain');
    if (!response.ok) throw await this.errorOf(response);
    const text = await response.text();
    if (!answer.safeParse(text).success) {
      throw new ApiError(response.status, 'unexpected_response', UNEXPECTED_MESSAGE[this.options.locale]);
    }
    return text;
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

  private async send<T>(
    method: string,
    path: string,
    answer: z.ZodMiniType,
    body?: unknown,
    etag?: string,
  ): Promise<T> {
    const response = await this.fetch(method, path, body, etag);
    if (!response.ok) throw await this.errorOf(response);
    let payload: unknown;
    try {
      payload = await response.json();
    } catch (cause) {
      throw withCause(
        new ApiError(response.status, 'unexpected_response', UNEXPECTED_MESSAGE[this.options.locale]),
        cause,
      );
    }
    const checked = answer.safeParse(payload);
    if (!checked.success) {
      // Field paths only: the answer holds what people reported.
      console.warn(
        'PUI Desk: an answer does not fit the API contract.',
        method,
        path.split('?')[0],
        checked.error.issues.map((i) => i.path.join('.')),
      );
      throw withCause(
        new ApiError(response.status, 'unexpected_response', UNEXPECTED_MESSAGE[this.options.locale]),
        checked.error,
      );
    }
    // The answer as sent: the schema checked the shape a page relies on; parsing would drop the fields it does not name.
    return payload as T;
  }

  private async fetch(
    method: string,
    path: string,
    body?: unknown,
    etag?: string,
    accept = 'application/json',
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept, 'Accept-Language': this.options.locale };
    let token: string | undefined;
    try {
      token = this.options.token ? await this.options.token() : undefined;
    } catch (cause) {
      throw withCause(new ApiError(401, 'sign_in_failed', SIGN_IN_MESSAGE[this.options.locale]), cause);
    }
    if (token) headers.Authorization = `Bearer ${token}`;
    if (this.options.devRole) headers['X-Dev-Role'] = this.options.devRole;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (etag) headers['If-Match'] = `"${etag}"`;
    const fetchImpl = this.options.fetchImpl ?? globalThis.fetch.bind(globalThis);
    try {
      return await fetchImpl(this.url(path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (cause) {
      throw withCause(new ApiError(0, 'network', NETWORK_MESSAGE[this.options.locale]), cause);
    }
  }

  private async errorOf(response: Response): Promise<ApiError> {
    const fallback = UNREADABLE_MESSAGE[this.options.locale](response.status);
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's HTML page): the status alone tells the story.
      parsed = undefined;
    }
    const body = errorAnswer.safeParse(parsed);
    if (!body.success) return new ApiError(response.status, `http_${response.status}`, fallback);
    const issues: ApiIssue[] = body.data.error.issues ?? [];
    return new ApiError(response.status, body.data.error.code, body.data.error.message, issues);
  }
}
