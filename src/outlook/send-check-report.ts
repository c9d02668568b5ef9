/**
 * The check on Send's one network call (the handler's; the task pane's for `sent-anyway`): `POST <PUBLIC_URL>/api/send-check/events` with exactly
 * `{ month, kind }` — no address, no name, no count, nothing of the mail. Fire and forget: the
 * handler never waits for it, so Send is never held up; a failure is logged by kind only.
 */

/** What the handler reports (the domain's `SendCheckEvent`, src/domain/send-check-counts.ts). */
export interface SendCheckReport {
  /** The month of the alert, `YYYY-MM`. */
  month: string;
  kind: 'fired' | 'changed' | 'sent-anyway';
}

/** Reports one event without waiting; never throws. */
export type SendCheckReporter = (report: SendCheckReport) => void;

/** The part of `fetch` the reporter uses. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; keepalive: boolean; credentials: 'omit' },
) => Promise<{ ok: boolean; status: number }>;

export interface ReporterOptions {
  url: string;
  fetch: FetchLike;
  /** The user's token for the API (Office SSO), or undefined where none is needed (local profile). */
  getToken?: () => Promise<string | undefined>;
  log?: (message: string) => void;
}

async function post(options: ReporterOptions, report: SendCheckReport): Promise<void> {
  const token = await options.getToken?.();
  const response = await options.fetch(options.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    // Built field by field, so nothing else the caller's object holds can go along.
    body: JSON.stringify({ month: report.month, kind: report.kind }),
    // Lets the request outlive the event runtime when the mail goes (browser-based runtimes).
    keepalive: true,
    credentials: 'omit',
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

/** A reporter that posts to `url`; the POST runs on its own and its failure is only logged. */
export function createSendCheckReporter(options: ReporterOptions): SendCheckReporter {
  return (report) => {
    post(options, report).catch((error: unknown) => {
      // The status or the error's kind: never the token, never anything of the mail.
      const detail =
        error instanceof Error && /^HTTP \d{3}$/.test(error.message)
          ? error.message
          : ((error as Error)?.name ?? typeof error);
      (options.log ?? console.warn)(`PUI Desk send check could not report the ${report.kind} event (${detail}).`);
    });
  };
}

/** The part of `OfficeRuntime.auth` the reporter uses. */
export interface OfficeRuntimeAuthLike {
  getAccessToken(options: {
    allowSignInPrompt: boolean;
    allowConsentPrompt: boolean;
    forMSGraphAccess: boolean;
  }): Promise<string>;
}

/**
 * The user's token through Office SSO (`OfficeRuntime.auth.getAccessToken`, supported in the event
 * runtime; classic Outlook on Windows also wants the script listed at
 * `/.well-known/microsoft-officeaddins-allowed.json`). No prompt: the event runtime may show none.
 */
export function officeSsoToken(auth: OfficeRuntimeAuthLike | undefined): () => Promise<string | undefined> {
  return async () => {
    if (!auth) throw new Error('OfficeRuntime.auth is not available');
    return auth.getAccessToken({ allowSignInPrompt: false, allowConsentPrompt: false, forMSGraphAccess: false });
  };
}
