/**
 * The Graph client's middleware chain for the SharePoint adapter: retry with Retry-After,
 * the User-Agent Microsoft's throttling guidance asks for, the bearer token, and a timeout.
 * @remarks The SDK's own AuthenticationHandler only signs `https://` Graph or custom hosts;
 * this one signs exactly the configured Graph origin (also `http://127.0.0.1` of the test
 * double) and nothing else, so a token never follows a link to another host.
 */
import type { Context, FetchOptions, Middleware } from '@microsoft/microsoft-graph-client';
import { RETRYABLE_STATUSES, type RetryPolicy } from './retry-policy';

function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

/** Sets a header on the fetch options, whatever shape the SDK gave them. */
export function setHeader(context: Context, name: string, value: string): void {
  const options: FetchOptions = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) {
    headers.set(name, value);
  } else if (Array.isArray(headers)) {
    const i = headers.findIndex(([k]) => k.toLowerCase() === name.toLowerCase());
    if (i >= 0) headers[i] = [name, value];
    else headers.push([name, value]);
  } else {
    const record: Record<string, string> = { ...(headers ?? {}) };
    for (const key of Object.keys(record)) if (key.toLowerCase() === name.toLowerCase()) delete record[key];
    record[name] = value;
    options.headers = record;
  }
}

abstract class Link implements Middleware {
  protected next!: Middleware;
  setNext(next: Middleware): void {
    this.next = next;
  }
  abstract execute(context: Context): Promise<void>;
}

/** Retries 429/503/504 and unanswered requests, waiting Retry-After, within the policy's budget. */
export class RetryMiddleware extends Link {
  constructor(
    private readonly policy: RetryPolicy,
    /** Told of each retry (status 0: no answer), for logs and counters. */
    private readonly onRetry?: (status: number, waitMs: number) => void,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const budget = this.policy.budget();
    for (;;) {
      let failure: unknown;
      context.response = undefined;
      try {
        await this.next.execute(context);
      } catch (error) {
        // Only "no answer" is worth another try: fetch's network TypeError, or our timeout.
        if (!['TypeError', 'TimeoutError', 'AbortError'].includes((error as Error)?.name)) throw error;
        failure = error;
      }
      // The next middleware set context.response (TypeScript cannot see that).
      const response = context.response as Response | undefined;
      const status = failure || !response ? 0 : response.status;
      if (!failure && !RETRYABLE_STATUSES.has(status)) return;
      const wait = budget.next(response?.headers.get('Retry-After'));
      if (wait === undefined) {
        if (failure) throw failure;
        return; // the caller turns the last throttled answer into a GraphError
      }
      // Free the connection of the answer we throw away.
      if (response?.body) await response.body.cancel();
      setHeader(context, 'Retry-Attempt', String(budget.retries + 1));
      this.onRetry?.(status, wait);
      await budget.wait(wait);
    }
  }
}

/** Identifies the app as `NONISV|<organisation>|PUIDesk/<version>`, so throttling can be attributed. */
export class UserAgentMiddleware extends Link {
  constructor(private readonly userAgent: string) {
    super();
  }
  async execute(context: Context): Promise<void> {
    setHeader(context, 'User-Agent', this.userAgent);
    await this.next.execute(context);
  }
}

/** Adds `Authorization: Bearer` to requests for the Graph origin only. */
export class BearerTokenMiddleware extends Link {
  constructor(
    private readonly getToken: () => Promise<string>,
    private readonly origin: string,
  ) {
    super();
  }
  async execute(context: Context): Promise<void> {
    if (new URL(requestUrl(context)).origin !== this.origin) {
      throw new Error('Refusing to send the Graph token to another host.');
    }
    setHeader(context, 'Authorization', `Bearer ${await this.getToken()}`);
    await this.next.execute(context);
  }
}

/** Aborts an attempt that has not answered in time; the retry middleware may try again. */
export class TimeoutMiddleware extends Link {
  constructor(private readonly timeoutMs: number) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const options: FetchOptions = (context.options ??= {});
    options.signal = AbortSignal.timeout(this.timeoutMs);
    await this.next.execute(context);
  }
}
