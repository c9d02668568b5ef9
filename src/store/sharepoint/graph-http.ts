/**
 * A small typed layer over `@microsoft/microsoft-graph-client`: requests that answer with
 * status and parsed body, JSON batching, and paging as async iterators over `@odata.nextLink`.
 * Every non-2xx answer becomes a {@link GraphError}.
 */
import { Client, HTTPMessageHandler, ResponseType } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { TokenCredential } from '@azure/identity';
import { GraphError, graphError } from './graph-error';
import { BearerTokenMiddleware, RetryMiddleware, TimeoutMiddleware, UserAgentMiddleware } from './graph-middleware';
import { RetryPolicy } from './retry-policy';

export const GRAPH_VERSION = 'v1.0';
/** JSON batching accepts at most 20 requests (https://learn.microsoft.com/graph/json-batching). */
export const MAX_BATCH_REQUESTS = 20;

export interface GraphHttpOptions {
  /** Graph root without version, e.g. `https://graph.microsoft.com` (tests: the double's URL). */
  baseUrl: string;
  credential: TokenCredential;
  /** Token scopes; default `https://graph.microsoft.com/.default`. */
  scopes?: string[];
  /** `NONISV|<organisation>|PUIDesk/<version>`. */
  userAgent: string;
  retry?: RetryPolicy;
  /** Per-attempt timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** Told of each retried attempt. */
  onRetry?: (status: number, waitMs: number) => void;
}

/** An answer with a 2xx status. */
export interface GraphAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** One request of a JSON batch; `url` is relative to the version, e.g. `/sites/{id}/lists/{id}/items`. */
export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/** One answer of a JSON batch, any status. */
export interface BatchAnswer {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A Graph collection page. */
interface CollectionPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** Encodes one OData string literal: quotes doubled, then URL-encoded by the caller. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Builds a query string from OData options, each value URL-encoded. */
export function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * The credential gave no token (managed identity endpoint refused or unreachable, wrong secret).
 * @remarks The Graph client re-wraps what a middleware throws and keeps only its message, so the
 * message carries the marker that {@link CredentialFailure.is} recognises.
 */
class CredentialFailure extends Error {
  static readonly code = 'CredentialUnavailableError';
  private static readonly marker = 'Entra ID gave no token';
  constructor(cause: unknown) {
    super(`${CredentialFailure.marker} (${(cause as Error)?.name ?? 'Error'}).`, { cause });
    this.name = CredentialFailure.code;
  }
  static is(error: unknown): boolean {
    return (
      error instanceof CredentialFailure || String((error as Error)?.message ?? '').startsWith(CredentialFailure.marker)
    );
  }
}

export class GraphHttp {
  readonly client: Client;
  readonly retry: RetryPolicy;
  private readonly root: string;

  constructor(options: GraphHttpOptions) {
    const base = new URL(options.baseUrl);
    this.root = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
    this.retry = options.retry ?? new RetryPolicy();
    const auth = new TokenCredentialAuthenticationProvider(options.credential, {
      scopes: options.scopes ?? ['https://graph.microsoft.com/.default'],
    });
    const chain = [
      new RetryMiddleware(this.retry, options.onRetry),
      new UserAgentMiddleware(options.userAgent),
      new BearerTokenMiddleware(
        () => auth.getAccessToken().catch((error: unknown) => Promise.reject(new CredentialFailure(error))),
        base.origin,
      ),
      new TimeoutMiddleware(options.timeoutMs ?? 30_000),
      new HTTPMessageHandler(),
    ];
    this.client = Client.initWithMiddleware({
      baseUrl: this.root,
      defaultVersion: GRAPH_VERSION,
      customHosts: new Set([base.hostname]),
      middleware: chain,
    });
  }

  /** Sends one request; resolves on 2xx, rejects with {@link GraphError} otherwise. */
  async send<T>(
    operation: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<GraphAnswer<T>> {
    let request = this.client.api(path).responseType(ResponseType.RAW);
    if (options.headers) request = request.headers(options.headers);
    let response: Response;
    try {
      switch (method) {
        case 'GET':
          response = await request.get();
          break;
        case 'POST':
          response = await request.post(options.body ?? {});
          break;
        case 'PATCH':
          response = await request.patch(options.body ?? {});
          break;
        case 'DELETE':
          response = await request.delete();
          break;
      }
    } catch (error) {
      // No HTTP answer (timeout, connection refused) after the retries, or no token: keep the kind only.
      const kind = CredentialFailure.is(error) ? CredentialFailure.code : ((error as Error)?.name ?? 'network');
      throw new GraphError(0, kind, undefined, operation, { cause: error });
    }
    const body = await readBody(response);
    if (!response.ok) throw graphError(operation, response.status, response.headers, body);
    return { status: response.status, body: body as T, headers: response.headers };
  }

  /**
   * Sends up to 20 requests as one JSON batch and returns each answer by id.
   * @remarks The batch itself is retried by the middleware; answers inside it may still be
   * 429/503 each, and the caller decides which of them to send again.
   */
  async batch(operation: string, requests: BatchRequest[]): Promise<Map<string, BatchAnswer>> {
    if (requests.length === 0) return new Map();
    if (requests.length > MAX_BATCH_REQUESTS)
      throw new Error(`A Graph batch holds at most ${MAX_BATCH_REQUESTS} requests (got ${requests.length}).`);
    const payload = {
      requests: requests.map((r) => ({
        id: r.id,
        method: r.method,
        url: r.url,
        ...(r.body !== undefined
          ? { body: r.body, headers: { 'Content-Type': 'application/json', ...r.headers } }
          : r.headers
            ? { headers: r.headers }
            : {}),
        ...(r.dependsOn ? { dependsOn: r.dependsOn } : {}),
      })),
    };
    const { body } = await this.send<{ responses?: BatchAnswer[] }>(operation, 'POST', '/$batch', { body: payload });
    const answers = new Map<string, BatchAnswer>();
    for (const answer of body.responses ?? []) {
      answers.set(answer.id, {
        id: answer.id,
        status: answer.status,
        headers: lowerKeys(answer.headers ?? {}),
        body: answer.body,
      });
    }
    for (const r of requests) {
      if (!answers.has(r.id)) throw new GraphError(502, 'batchAnswerMissing', undefined, operation);
    }
    return answers;
  }

  /** Pages through a collection, one array per page, following `@odata.nextLink`. */
  async *pages<T>(
    operation: string,
    path: string,
    headers?: Record<string, string>,
  ): AsyncGenerator<{ items: T[]; nextLink?: string }> {
    let next: string | undefined = path;
    while (next) {
      const answer: GraphAnswer<CollectionPage<T>> = await this.send<CollectionPage<T>>(operation, 'GET', next, {
        headers,
      });
      const nextLink: string | undefined = answer.body['@odata.nextLink'];
      const body: CollectionPage<T> = answer.body;
      yield { items: body.value ?? [], nextLink };
      next = nextLink ? this.relative(nextLink) : undefined;
    }
  }

  /** Iterates every item of a collection across pages. */
  async *items<T>(operation: string, path: string, headers?: Record<string, string>): AsyncGenerator<T> {
    for await (const page of this.pages<T>(operation, path, headers)) yield* page.items;
  }

  /** Turns an absolute Graph link into a path under the version; refuses links to other hosts. */
  relative(link: string): string {
    const prefix = `${this.root}/${GRAPH_VERSION}/`;
    if (!link.startsWith(prefix)) throw new GraphError(502, 'foreignNextLink', undefined, 'paging');
    return `/${link.slice(prefix.length)}`;
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  // A proxy's HTML error page is not Graph's answer: the status says enough.
  if (!text || !/json/i.test(response.headers.get('Content-Type') ?? '')) return undefined;
  return JSON.parse(text);
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
