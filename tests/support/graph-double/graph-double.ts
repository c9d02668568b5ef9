/**
 * An in-process HTTP double of the Microsoft Graph v1.0 endpoints PUI Desk's SharePoint
 * adapter and provisioning use: sites, lists, columns, list items, JSON batching. It keeps
 * SharePoint's rules that matter to the adapter (etags and If-Match, unique columns, the
 * list view threshold on unindexed columns, dateTime to the second, empty fields omitted,
 * at most 63,999 characters in a multiple-lines-of-text value),
 * injects failures on demand (429 with Retry-After, 503, 504, 412, 403, slow answers) and
 * counts requests and resource units. It listens on 127.0.0.1 only.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  compareValues,
  evaluate,
  filterProperties,
  ODataSyntaxError,
  parseExpand,
  parseFilter,
  parseOrderBy,
  type FilterNode,
  type OrderKey,
  type ValueKind,
} from './odata';

type Kind = 'text' | 'note' | 'dateTime' | 'choice' | 'boolean' | 'number' | 'system';

interface Column {
  id: string;
  name: string;
  displayName: string;
  kind: Kind;
  indexed: boolean;
  enforceUniqueValues: boolean;
  hidden: boolean;
  readOnly: boolean;
  choices?: string[];
  maxLength?: number;
  /** The facet as created (`text`, `choice`, ...), echoed back as Graph does. */
  facet: Record<string, unknown>;
}

interface Item {
  id: number;
  guid: string;
  version: number;
  created: string;
  modified: string;
  fields: Record<string, unknown>;
  /** Earlier versions' fields, oldest first (SharePoint's version history of a list item). */
  history: { version: number; modified: string; fields: Record<string, unknown> }[];
}

interface List {
  id: string;
  displayName: string;
  description: string;
  created: string;
  columns: Column[];
  items: Map<number, Item>;
  nextItemId: number;
}

interface Site {
  id: string;
  hostname: string;
  path: string;
  displayName: string;
  lists: List[];
  /** Site permissions granted to applications (Sites.Selected), as an administrator sets them. */
  permissions: SitePermission[];
}

/** A site permission (https://learn.microsoft.com/graph/api/resources/permission). */
export interface SitePermission {
  id: string;
  roles: string[];
  application: { id: string; displayName: string };
}

/** The Sites.Selected role the app holds on every site of the double. */
export type SiteRole = 'none' | 'read' | 'write' | 'manage' | 'fullcontrol';

/** Which requests a failure rule applies to. */
export interface RequestMatch {
  method?: string;
  /** Tested against the path after `/v1.0` (without query). */
  path?: RegExp;
  /** Only requests inside a `$batch` (true), only top-level ones (false), or both. */
  inBatch?: boolean;
}

/** A failure to inject into the next `times` matching requests. */
export interface FailureRule {
  match?: RequestMatch;
  /** Answer with this status instead (429, 503, 504, 412, 403, ...). */
  status?: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  /** Delay the answer by this many ms (a slow response). */
  delayMs?: number;
  /** Carry the request out, then answer `status` anyway (an answer lost on the way). */
  afterExecute?: boolean;
  /** How many matching requests it hits (default 1). */
  times?: number;
}

/** Requests and SharePoint resource units, in total and per kind of request. */
export interface GraphStats {
  /** HTTP round trips (a `$batch` is one). */
  requests: number;
  /** Requests carried inside batches. */
  batchedRequests: number;
  /** SharePoint resource units, the requests inside batches included. */
  resourceUnits: number;
  /** Per kind of request (`GET /sites/{site}/lists/{list}/items`), inside batches or not. */
  byOperation: Record<string, { requests: number; resourceUnits: number }>;
}

export interface GraphDoubleOptions {
  /** Items past which SharePoint refuses unindexed filters (default 5000; tests set it low). */
  listViewThreshold?: number;
  /** Delay of every top-level request, in ms (the bench uses 100). */
  latencyMs?: number;
  role?: SiteRole;
  /**
   * At most this many items in one page of a query, whatever `$top` asks (SharePoint may answer
   * fewer than asked and a `@odata.nextLink`; tests set it low to page past one page).
   */
  maxPageSize?: number;
}

/**
 * Throttling and outages at random, as a busy tenant shows them: a share of top-level requests is
 * answered with one of `statuses` and `Retry-After` before anything is done (a throttled request
 * changes nothing), and every request waits between `latencyMs.min` and `.max`.
 */
export interface Chaos {
  /** Share of requests that fail, 0–1. */
  rate: number;
  statuses: readonly number[];
  /** Seconds sent as `Retry-After` with each failure. */
  retryAfterSeconds: number;
  latencyMs?: { min: number; max: number };
  /** Default Math.random. */
  random?: () => number;
}

interface Req {
  method: string;
  /** Path after `/v1.0`, without query. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  inBatch: boolean;
}

interface Res {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const PREFER_NON_INDEXED = 'honornonindexedquerieswarningmayfailrandomly';
/**
 * The most characters a multiple-lines-of-text value holds in a SharePoint list (see `NOTE_MAX`
 * in src/store/sharepoint/list-schema.ts for where the figure comes from). Kept here on its own,
 * so the double checks the adapter rather than repeating it.
 */
const NOTE_MAX_CHARS = 63_999;
const MAX_INDEXES = 20;
const MAX_BATCH = 20;

/** SharePoint keeps dateTime values to the second and answers them in UTC with `Z`. */
function toSharePointDate(value: unknown): string {
  const t = Date.parse(String(value));
  if (typeof value !== 'string' || Number.isNaN(t))
    throw new HttpError(400, 'invalidRequest', 'Invalid date/time value.');
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function etagOf(item: Item): string {
  return `"${item.guid},${item.version}"`;
}

function sameEtag(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  return a.trim() === '*' || norm(a) === norm(b);
}

function valueKind(kind: Kind): ValueKind {
  return kind === 'dateTime' ? 'dateTime' : kind === 'number' ? 'number' : kind === 'boolean' ? 'boolean' : 'text';
}

function errorBody(code: string, message: string, requestId: string) {
  // https://learn.microsoft.com/graph/errors: { error: { code, message, innerError: { request-id, date } } }
  return { error: { code, message, innerError: { 'request-id': requestId, date: new Date().toISOString() } } };
}

const STATUS_CODES: Record<number, string> = {
  401: 'InvalidAuthenticationToken',
  403: 'accessDenied',
  404: 'itemNotFound',
  409: 'nameAlreadyExists',
  412: 'preconditionFailed',
  424: 'failedDependency',
  429: 'TooManyRequests',
  500: 'generalException',
  503: 'serviceNotAvailable',
  504: 'gatewayTimeout',
};

export class GraphDouble {
  /** The root to give the Graph client as `baseUrl`, e.g. `http://127.0.0.1:41234`. */
  url = '';
  listViewThreshold: number;
  latencyMs: number;
  role: SiteRole;
  /** The last User-Agent seen. */
  lastUserAgent?: string;
  /** The bearer token of the last request (a test checks which credential the app used). */
  lastBearerToken?: string;
  private readonly sites: Site[] = [];
  private rules: (FailureRule & { left: number })[] = [];
  private chaos?: Chaos;
  /** Requests the chaos answered with a failure. */
  chaosFailures = 0;
  private counters: GraphStats = { requests: 0, batchedRequests: 0, resourceUnits: 0, byOperation: {} };
  private server?: http.Server;

  private readonly maxPageSize: number;

  private constructor(options: GraphDoubleOptions) {
    this.listViewThreshold = options.listViewThreshold ?? 5000;
    this.latencyMs = options.latencyMs ?? 0;
    this.role = options.role ?? 'fullcontrol';
    this.maxPageSize = options.maxPageSize ?? 5000;
  }

  /** Starts the double on 127.0.0.1 on a free port. */
  static async start(options: GraphDoubleOptions = {}): Promise<GraphDouble> {
    const double = new GraphDouble(options);
    const server = http.createServer((req, res) => {
      double.serve(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(errorBody('generalException', (error as Error).message, randomUUID())));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    double.server = server;
    double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return double;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // ---- test controls ---------------------------------------------------------------------

  /** Adds a site; returns its Graph id (`host,<guid>,<guid>`). */
  addSite(hostname: string, path: string, displayName = 'PUI'): string {
    const id = `${hostname},${randomUUID()},${randomUUID()}`;
    this.sites.push({
      id,
      hostname: hostname.toLowerCase(),
      path: path.replace(/\/+$/, ''),
      displayName,
      lists: [],
      permissions: [],
    });
    return id;
  }

  /** The application permissions granted on a site (`POST /sites/{id}/permissions`), for assertions. */
  sitePermissions(siteId: string): SitePermission[] {
    return structuredClone(this.sites.find((s) => s.id === siteId)?.permissions ?? []);
  }

  /** Turns random throttling, outages and latency on (or off, with undefined). */
  setChaos(chaos: Chaos | undefined): void {
    this.chaos = chaos;
  }

  /** Makes the next matching requests fail (or answer slowly). */
  inject(rule: FailureRule): void {
    this.rules.push({ ...rule, left: rule.times ?? 1 });
  }

  /** Drops every failure rule not yet used up. */
  clearFailures(): void {
    this.rules = [];
  }

  stats(): GraphStats {
    return JSON.parse(JSON.stringify(this.counters)) as GraphStats;
  }

  resetStats(): void {
    this.counters = { requests: 0, batchedRequests: 0, resourceUnits: 0, byOperation: {} };
  }

  /** The items of a list, by site id and list display name (for assertions). */
  items(siteId: string, listName: string): Record<string, unknown>[] {
    return [...this.listByName(siteId, listName).items.values()].map((i) => ({ id: String(i.id), ...i.fields }));
  }

  /** Every version's fields of every item of a list, the current ones included (for assertions). */
  itemVersions(siteId: string, listName: string): Record<string, unknown>[] {
    return [...this.listByName(siteId, listName).items.values()].flatMap((i) => [
      { id: String(i.id), ...i.fields },
      ...i.history.map((h) => ({ id: String(i.id), ...h.fields })),
    ]);
  }

  /** The columns of a list (for assertions). */
  columns(siteId: string, listName: string): { name: string; indexed: boolean; enforceUniqueValues: boolean }[] {
    return this.listByName(siteId, listName).columns.map((c) => ({
      name: c.name,
      indexed: c.indexed,
      enforceUniqueValues: c.enforceUniqueValues,
    }));
  }

  /**
   * Adds items straight into a list, past HTTP (to grow a list beyond the threshold quickly).
   * `uniqueChecked: false` skips the unique-column scan, which is quadratic: for benchmarks that
   * seed 100,000 rows known to be unique.
   */
  seed(
    siteId: string,
    listName: string,
    rows: Record<string, unknown>[],
    options: { uniqueChecked?: boolean } = {},
  ): void {
    const list = this.listByName(siteId, listName);
    for (const row of rows) this.insert(list, row, options.uniqueChecked ?? true);
  }

  private listByName(siteId: string, listName: string): List {
    const site = this.sites.find((s) => s.id === siteId);
    const list = site?.lists.find((l) => l.displayName === listName);
    if (!list) throw new Error(`No list ${listName} on ${siteId}.`);
    return list;
  }

  // ---- HTTP ------------------------------------------------------------------------------

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
    this.lastUserAgent = headers['user-agent'];
    this.lastBearerToken = /^Bearer (\S+)/.exec(headers.authorization ?? '')?.[1];
    const chaos = this.chaos;
    const random = chaos?.random ?? Math.random;
    const latency = chaos?.latencyMs
      ? chaos.latencyMs.min + random() * (chaos.latencyMs.max - chaos.latencyMs.min)
      : this.latencyMs;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));

    let answer: Res;
    if (chaos && chaos.statuses.length > 0 && random() < chaos.rate) {
      this.chaosFailures += 1;
      const status = chaos.statuses[Math.floor(random() * chaos.statuses.length)];
      answer = {
        status,
        headers: { 'Retry-After': String(chaos.retryAfterSeconds) },
        body: errorBody(STATUS_CODES[status] ?? 'generalException', `Injected failure ${status}.`, requestId),
      };
    } else if (!url.pathname.startsWith('/v1.0/')) {
      answer = { status: 404, headers: {}, body: errorBody('BadRequest', 'Unsupported API version.', requestId) };
    } else if (!/^Bearer \S+/.test(headers.authorization ?? '')) {
      // https://learn.microsoft.com/graph/errors: 401 when the token is missing or invalid.
      answer = {
        status: 401,
        headers: {},
        body: errorBody('InvalidAuthenticationToken', 'Access token is empty.', requestId),
      };
    } else {
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = Symbol.for('invalid-json');
      }
      answer = await this.dispatch(
        {
          method: req.method ?? 'GET',
          path: url.pathname.slice('/v1.0'.length),
          query: url.searchParams,
          headers,
          body,
          inBatch: false,
        },
        requestId,
      );
    }
    const out: Record<string, string> = {
      'request-id': requestId,
      'client-request-id': headers['client-request-id'] ?? requestId,
      ...answer.headers,
    };
    if (answer.body !== undefined) out['Content-Type'] = 'application/json; odata.metadata=minimal';
    res.writeHead(answer.status, out);
    res.end(answer.body !== undefined ? JSON.stringify(answer.body) : undefined);
  }

  /** Applies failure rules, then routes; counts the request. */
  private async dispatch(req: Req, requestId: string): Promise<Res> {
    const rule = this.rules.find((r) => r.left > 0 && this.matches(r.match, req));
    if (rule) rule.left -= 1;
    if (rule?.delayMs) await new Promise((r) => setTimeout(r, rule.delayMs));
    const operation = this.operationOf(req);
    const tally = (this.counters.byOperation[operation] ??= { requests: 0, resourceUnits: 0 });
    if (req.inBatch) this.counters.batchedRequests += 1;
    else this.counters.requests += 1;
    tally.requests += 1;

    const fail = (status: number): Res => ({
      status,
      headers: rule?.retryAfter !== undefined ? { 'Retry-After': String(rule.retryAfter) } : {},
      body: errorBody(STATUS_CODES[status] ?? 'generalException', `Injected failure ${status}.`, requestId),
    });
    if (rule?.status && !rule.afterExecute) return fail(rule.status);

    let answer: Res;
    try {
      answer = await this.route(req);
      const units = this.unitsOf(req, operation);
      this.counters.resourceUnits += units;
      tally.resourceUnits += units;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      answer = { status: error.status, headers: error.headers, body: errorBody(error.code, error.message, requestId) };
    }
    if (rule?.status && rule.afterExecute) return fail(rule.status);
    return answer;
  }

  private matches(match: RequestMatch | undefined, req: Req): boolean {
    if (!match) return true;
    if (match.method && match.method.toUpperCase() !== req.method) return false;
    if (match.path && !match.path.test(req.path)) return false;
    if (match.inBatch !== undefined && match.inBatch !== req.inBatch) return false;
    return true;
  }

  private operationOf(req: Req): string {
    if (req.path === '/$batch') return 'POST $batch';
    const shape = req.path
      .replace(/^\/sites\/[^/:]+(:\/[^:]*:?)?/, '/sites/{site}')
      .replace(/\/lists\/[^/]+/, '/lists/{list}')
      .replace(/\/items\/[^/]+/, '/items/{item}')
      .replace(/\/columns\/[^/]+/, '/columns/{column}');
    return `${req.method} ${shape}`;
  }

  /**
   * SharePoint resource units (https://learn.microsoft.com/sharepoint/dev/general-development/
   * how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online): 1 for a single-item read,
   * 2 for a multi-item query, 2 for a create/update/delete; a batch costs what its requests cost.
   */
  private unitsOf(req: Req, operation: string): number {
    if (operation === 'POST $batch') return 0;
    if (req.method !== 'GET') return 2;
    return /(\/items|\/lists|\/columns)$/.test(req.path) ? 2 : 1;
  }

  // ---- routing ---------------------------------------------------------------------------

  private async route(req: Req): Promise<Res> {
    if (req.path === '/$batch' && req.method === 'POST' && !req.inBatch) return this.batch(req);
    if (req.body === Symbol.for('invalid-json'))
      throw new HttpError(400, 'BadRequest', 'Unable to read JSON request payload.');
    const m = /^\/sites\/(.+)$/.exec(req.path);
    if (!m)
      throw new HttpError(400, 'BadRequest', `Resource not found for the segment '${req.path.split('/')[1] ?? ''}'.`);
    const { site, rest } = this.resolveSite(m[1]);
    if (this.role === 'none') throw new HttpError(403, 'accessDenied', 'Access denied');
    const segments = rest.split('/').filter(Boolean).map(decodeURIComponent);
    const write = req.method !== 'GET';

    // GET /sites/{site-id} and GET /sites/{hostname}:/{server-relative-path}
    // (https://learn.microsoft.com/graph/api/site-get, .../site-getbypath)
    if (segments.length === 0) {
      if (write) throw new HttpError(405, 'BadRequest', 'Method not allowed.');
      return { status: 200, headers: {}, body: this.siteJson(site) };
    }
    if (segments[0] === 'permissions') return this.permissionsRoute(site, req, segments.slice(1));
    if (segments[0] !== 'lists')
      throw new HttpError(400, 'BadRequest', `Resource not found for the segment '${segments[0]}'.`);

    if (segments.length === 1) {
      if (req.method === 'GET') {
        // GET /sites/{site-id}/lists (https://learn.microsoft.com/graph/api/list-list)
        return { status: 200, headers: {}, body: { value: site.lists.map((l) => this.listJson(site, l)) } };
      }
      if (req.method === 'POST') {
        // POST /sites/{site-id}/lists (https://learn.microsoft.com/graph/api/list-create)
        this.requireRole(['manage', 'fullcontrol']);
        return { status: 201, headers: {}, body: this.listJson(site, this.createList(site, req.body)) };
      }
      throw new HttpError(405, 'BadRequest', 'Method not allowed.');
    }

    const list = site.lists.find(
      (l) =>
        l.id.toLowerCase() === segments[1].toLowerCase() || l.displayName.toLowerCase() === segments[1].toLowerCase(),
    );
    if (!list) throw new HttpError(404, 'itemNotFound', 'The requested list was not found.');

    if (segments.length === 2) {
      // GET /sites/{site-id}/lists/{list-id} (https://learn.microsoft.com/graph/api/list-get)
      if (write) throw new HttpError(405, 'BadRequest', 'Method not allowed.');
      const body = this.listJson(site, list);
      if ((req.query.get('$expand') ?? '').toLowerCase().includes('columns'))
        Object.assign(body, { columns: list.columns.map((c) => this.columnJson(c)) });
      return { status: 200, headers: {}, body };
    }

    if (segments[2] === 'columns') {
      if (segments.length === 3 && req.method === 'GET') {
        // GET /sites/{site-id}/lists/{list-id}/columns (https://learn.microsoft.com/graph/api/list-list-columns)
        return { status: 200, headers: {}, body: { value: list.columns.map((c) => this.columnJson(c)) } };
      }
      if (segments.length === 3 && req.method === 'POST') {
        // POST /sites/{site-id}/lists/{list-id}/columns (https://learn.microsoft.com/graph/api/list-post-columns)
        this.requireRole(['manage', 'fullcontrol']);
        return { status: 201, headers: {}, body: this.columnJson(this.addColumn(list, req.body)) };
      }
      if (segments.length === 4 && req.method === 'PATCH') {
        // PATCH /sites/{site-id}/lists/{list-id}/columns/{column-id} (https://learn.microsoft.com/graph/api/columndefinition-update)
        this.requireRole(['manage', 'fullcontrol']);
        return { status: 200, headers: {}, body: this.columnJson(this.updateColumn(list, segments[3], req.body)) };
      }
      throw new HttpError(405, 'BadRequest', 'Method not allowed.');
    }

    if (segments[2] !== 'items')
      throw new HttpError(400, 'BadRequest', `Resource not found for the segment '${segments[2]}'.`);
    if (segments.length === 3) {
      if (req.method === 'GET') return this.queryItems(site, list, req); // listitem-list
      if (req.method === 'POST') {
        // POST /sites/{site-id}/lists/{list-id}/items (https://learn.microsoft.com/graph/api/listitem-create)
        this.requireRole(['write', 'manage', 'fullcontrol']);
        const fields = (req.body as { fields?: Record<string, unknown> } | undefined)?.fields;
        if (!fields || typeof fields !== 'object')
          throw new HttpError(400, 'invalidRequest', 'The request body must hold fields.');
        const item = this.insert(list, fields);
        return {
          status: 201,
          headers: { ETag: etagOf(item) },
          body: this.itemJson(site, list, item, { fields: true }),
        };
      }
      throw new HttpError(405, 'BadRequest', 'Method not allowed.');
    }

    const item = list.items.get(Number(segments[3]));
    if (!item || !/^\d+$/.test(segments[3]))
      throw new HttpError(404, 'itemNotFound', 'The resource could not be found.');
    if (segments.length === 5 && segments[4] === 'versions' && req.method === 'GET') {
      // GET .../items/{item-id}/versions (https://learn.microsoft.com/graph/api/listitem-list-versions): the
      // current version first. Graph v1.0 lists, gets and restores versions; it has no DELETE of one.
      const versions = [
        { version: item.version, modified: item.modified, fields: item.fields },
        ...[...item.history].reverse(),
      ];
      return {
        status: 200,
        headers: {},
        body: {
          value: versions.map((v) => ({
            id: `${v.version}.0`,
            lastModifiedDateTime: v.modified,
            fields: { ...v.fields },
          })),
        },
      };
    }
    if (segments.length === 4 && req.method === 'GET') {
      // GET /sites/{site-id}/lists/{list-id}/items/{item-id}?$expand=fields (https://learn.microsoft.com/graph/api/listitem-get)
      return { status: 200, headers: { ETag: etagOf(item) }, body: this.itemJson(site, list, item, this.expand(req)) };
    }
    if (segments.length === 5 && segments[4] === 'fields' && req.method === 'PATCH') {
      // PATCH .../items/{item-id}/fields with if-match (https://learn.microsoft.com/graph/api/listitem-update):
      // "If ... the eTag provided does not match the current eTag on the item, a 412 Precondition Failed response is returned".
      this.requireRole(['write', 'manage', 'fullcontrol']);
      const ifMatch = req.headers['if-match'];
      if (ifMatch !== undefined && !sameEtag(ifMatch, etagOf(item)))
        throw new HttpError(412, 'preconditionFailed', 'The etag does not match the current version of the item.');
      this.write(list, item, (req.body ?? {}) as Record<string, unknown>);
      return { status: 200, headers: { ETag: etagOf(item) }, body: this.fieldsJson(list, item) };
    }
    if (segments.length === 4 && req.method === 'DELETE') {
      // DELETE .../items/{item-id} with if-match (https://learn.microsoft.com/graph/api/listitem-delete): "If this request
      // header is included and the eTag provided does not match the current tag on the item, a 412 Precondition Failed
      // response is returned and the item will not be deleted." Success is 204 No Content.
      this.requireRole(['write', 'manage', 'fullcontrol']);
      const ifMatch = req.headers['if-match'];
      if (ifMatch !== undefined && !sameEtag(ifMatch, etagOf(item)))
        throw new HttpError(412, 'preconditionFailed', 'The etag does not match the current version of the item.');
      list.items.delete(item.id);
      return { status: 204, headers: {} };
    }
    throw new HttpError(405, 'BadRequest', 'Method not allowed.');
  }

  private requireRole(roles: SiteRole[]): void {
    if (!roles.includes(this.role)) throw new HttpError(403, 'accessDenied', 'Access denied');
  }

  /** `{hostname}:/{path}` (optionally ending `:`, then a sub-path) or a site id, then the rest. */
  private resolveSite(spec: string): { site: Site; rest: string } {
    const byPath = /^([^/:,]+):(\/[^:]*)?(?::(.*))?$/.exec(spec);
    if (byPath) {
      const hostname = byPath[1].toLowerCase();
      const path = decodeURIComponent(byPath[2] ?? '').replace(/\/+$/, '');
      const site = this.sites.find((s) => s.hostname === hostname && s.path.toLowerCase() === path.toLowerCase());
      if (!site) throw new HttpError(404, 'itemNotFound', 'Requested site could not be found');
      return { site, rest: byPath[3] ?? '' };
    }
    const slash = spec.indexOf('/');
    const id = decodeURIComponent(slash === -1 ? spec : spec.slice(0, slash));
    const rest = slash === -1 ? '' : spec.slice(slash);
    const site = this.sites.find(
      (s) => s.id.toLowerCase() === id.toLowerCase() || (s.hostname === id.toLowerCase() && s.path === ''),
    );
    if (!site) throw new HttpError(404, 'itemNotFound', 'Requested site could not be found');
    return { site, rest };
  }

  // ---- site permissions (https://learn.microsoft.com/graph/api/site-list-permissions) -----

  /**
   * `GET|POST /sites/{id}/permissions`, `GET|PATCH|DELETE /sites/{id}/permissions/{permission-id}`.
   * As Graph does, the list leaves the roles out (get each permission to read them); the caller is
   * an administrator (Sites.FullControl.All), which the double does not check.
   */
  private permissionsRoute(site: Site, req: Req, rest: string[]): Res {
    const identities = (p: SitePermission) => [{ application: { ...p.application } }];
    const json = (p: SitePermission, withRoles: boolean) => ({
      id: p.id,
      ...(withRoles ? { roles: [...p.roles] } : {}),
      grantedToIdentitiesV2: identities(p),
      grantedToIdentities: identities(p),
    });
    const validRoles = (roles: unknown): string[] => {
      if (
        !Array.isArray(roles) ||
        roles.length === 0 ||
        roles.some((r) => !['read', 'write', 'manage', 'fullcontrol'].includes(r as string))
      ) {
        throw new HttpError(400, 'invalidRequest', 'Invalid value for roles.');
      }
      return roles as string[];
    };
    if (rest.length === 0) {
      if (req.method === 'GET')
        return { status: 200, headers: {}, body: { value: site.permissions.map((p) => json(p, false)) } };
      if (req.method !== 'POST') throw new HttpError(405, 'BadRequest', 'Method not allowed.');
      const body = req.body as
        | { roles?: unknown; grantedToIdentities?: { application?: { id?: unknown; displayName?: unknown } }[] }
        | undefined;
      const app = body?.grantedToIdentities?.[0]?.application;
      if (typeof app?.id !== 'string')
        throw new HttpError(400, 'invalidRequest', 'grantedToIdentities must name an application.');
      const permission: SitePermission = {
        id: Buffer.from(randomUUID()).toString('base64url'),
        roles: validRoles(body?.roles),
        application: { id: app.id, displayName: typeof app.displayName === 'string' ? app.displayName : '' },
      };
      site.permissions.push(permission);
      return { status: 201, headers: {}, body: json(permission, true) };
    }
    const permission = site.permissions.find((p) => p.id === rest[0]);
    if (!permission || rest.length > 1)
      throw new HttpError(404, 'itemNotFound', 'The requested permission was not found.');
    if (req.method === 'GET') return { status: 200, headers: {}, body: json(permission, true) };
    if (req.method === 'PATCH') {
      permission.roles = validRoles((req.body as { roles?: unknown } | undefined)?.roles);
      return { status: 200, headers: {}, body: json(permission, true) };
    }
    if (req.method === 'DELETE') {
      site.permissions.splice(site.permissions.indexOf(permission), 1);
      return { status: 204, headers: {} };
    }
    throw new HttpError(405, 'BadRequest', 'Method not allowed.');
  }

  // ---- JSON batching (https://learn.microsoft.com/graph/json-batching) --------------------

  private async batch(req: Req): Promise<Res> {
    const requests = (req.body as { requests?: unknown } | undefined)?.requests;
    if (!Array.isArray(requests) || requests.length === 0)
      throw new HttpError(400, 'BadRequest', 'Invalid batch payload format.');
    if (requests.length > MAX_BATCH)
      throw new HttpError(400, 'BadRequest', `Number of batch request steps exceeds the maximum of ${MAX_BATCH}.`);
    const ids = new Set<string>();
    for (const r of requests as Record<string, unknown>[]) {
      if (typeof r.id !== 'string' || ids.has(r.id))
        throw new HttpError(400, 'BadRequest', 'Batch request ids must be unique strings.');
      if (typeof r.method !== 'string' || typeof r.url !== 'string')
        throw new HttpError(400, 'BadRequest', 'Each batch request needs method and url.');
      for (const d of (r.dependsOn as string[] | undefined) ?? []) {
        if (!ids.has(d)) throw new HttpError(400, 'BadRequest', `dependsOn '${d}' does not name an earlier request.`);
      }
      ids.add(r.id);
    }
    const status = new Map<string, number>();
    const responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[] = [];
    for (const r of requests as {
      id: string;
      method: string;
      url: string;
      headers?: Record<string, string>;
      body?: unknown;
      dependsOn?: string[];
    }[]) {
      const innerId = randomUUID();
      let answer: Res;
      if (
        (r.dependsOn ?? []).some((d) => {
          const s = status.get(d)!;
          return s < 200 || s >= 300;
        })
      ) {
        // "If an individual request fails, any request that depends on that request fails with status code 424 (Failed Dependency)."
        answer = {
          status: 424,
          headers: {},
          body: errorBody('failedDependency', 'The request depends on a request that failed.', innerId),
        };
      } else {
        const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        if (r.body !== undefined && !headers['content-type']) {
          // "If a body is included with the request, the headers object must contain a value for Content-Type."
          answer = {
            status: 400,
            headers: {},
            body: errorBody('BadRequest', 'Content-Type header is required when a body is present.', innerId),
          };
        } else {
          const url = new URL(r.url.startsWith('/') ? r.url : `/${r.url}`, 'http://127.0.0.1');
          answer = await this.dispatch(
            {
              method: r.method.toUpperCase(),
              path: url.pathname,
              query: url.searchParams,
              headers: { ...headers, authorization: req.headers.authorization },
              body: r.body,
              inBatch: true,
            },
            innerId,
          );
        }
      }
      status.set(r.id, answer.status);
      responses.push({
        id: r.id,
        status: answer.status,
        headers: { ...answer.headers, ...(answer.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        body: answer.body,
      });
    }
    // "The response order might not match the request order": answer in reverse, so clients must match by id.
    return { status: 200, headers: {}, body: { responses: responses.reverse() } };
  }

  // ---- lists and columns -----------------------------------------------------------------

  private createList(site: Site, body: unknown): List {
    const b = (body ?? {}) as {
      displayName?: unknown;
      description?: unknown;
      columns?: unknown[];
      list?: { template?: unknown };
    };
    if (typeof b.displayName !== 'string' || !b.displayName)
      throw new HttpError(400, 'invalidRequest', 'displayName is required.');
    if (site.lists.some((l) => l.displayName.toLowerCase() === (b.displayName as string).toLowerCase())) {
      throw new HttpError(
        409,
        'nameAlreadyExists',
        'A list, survey, discussion board, or document library with the specified title already exists in this Web site.',
      );
    }
    if (b.list?.template !== undefined && b.list.template !== 'genericList')
      throw new HttpError(400, 'invalidRequest', 'Only genericList is supported by the double.');
    const list: List = {
      id: randomUUID(),
      displayName: b.displayName,
      description: typeof b.description === 'string' ? b.description : '',
      created: new Date().toISOString(),
      columns: [
        this.systemColumn('ID', 'ID', true),
        this.systemColumn('Created', 'Created', false),
        this.systemColumn('Modified', 'Modified', false),
        {
          id: randomUUID(),
          name: 'Title',
          displayName: 'Title',
          kind: 'text',
          indexed: false,
          enforceUniqueValues: false,
          hidden: false,
          readOnly: false,
          maxLength: 255,
          facet: { text: { allowMultipleLines: false, maxLength: 255 } },
        },
      ],
      items: new Map(),
      nextItemId: 1,
    };
    for (const column of b.columns ?? []) this.addColumn(list, column);
    site.lists.push(list);
    return list;
  }

  private systemColumn(name: string, displayName: string, indexed: boolean): Column {
    return {
      id: randomUUID(),
      name,
      displayName,
      kind: 'system',
      indexed,
      enforceUniqueValues: false,
      hidden: false,
      readOnly: true,
      facet: {},
    };
  }

  private addColumn(list: List, body: unknown): Column {
    const b = (body ?? {}) as Record<string, unknown>;
    if (typeof b.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(b.name))
      throw new HttpError(400, 'invalidRequest', 'A column needs a name of letters, digits and _.');
    if (list.columns.some((c) => c.name.toLowerCase() === (b.name as string).toLowerCase())) {
      throw new HttpError(409, 'nameAlreadyExists', `A duplicate field name "${b.name}" was found.`);
    }
    let kind: Kind;
    let choices: string[] | undefined;
    let maxLength: number | undefined;
    const text = b.text as { allowMultipleLines?: boolean; maxLength?: number } | undefined;
    if (text) {
      kind = text.allowMultipleLines ? 'note' : 'text';
      if (!text.allowMultipleLines) maxLength = Math.min(text.maxLength ?? 255, 255);
    } else if (b.dateTime) kind = 'dateTime';
    else if (b.choice) {
      kind = 'choice';
      choices = ((b.choice as { choices?: unknown[] }).choices ?? []).map(String);
    } else if (b.boolean) kind = 'boolean';
    else if (b.number) kind = 'number';
    else throw new HttpError(400, 'invalidRequest', 'The column type is missing or not supported by the double.');
    const unique = b.enforceUniqueValues === true;
    // SharePoint indexes a column that enforces unique values.
    const indexed = b.indexed === true || unique;
    if (unique && kind === 'note')
      throw new HttpError(400, 'invalidRequest', 'Multiple lines of text cannot enforce unique values.');
    if (indexed && kind === 'note')
      throw new HttpError(400, 'invalidRequest', 'Multiple lines of text cannot be indexed.');
    if (indexed && list.columns.filter((c) => c.indexed && c.kind !== 'system').length >= MAX_INDEXES) {
      throw new HttpError(400, 'invalidRequest', `A list can have at most ${MAX_INDEXES} indexed columns.`);
    }
    const facetKey = kind === 'note' ? 'text' : kind;
    const column: Column = {
      id: randomUUID(),
      name: b.name,
      displayName: typeof b.displayName === 'string' ? b.displayName : b.name,
      kind,
      indexed,
      enforceUniqueValues: unique,
      hidden: b.hidden === true,
      readOnly: false,
      choices,
      maxLength,
      facet: { [facetKey]: b[facetKey] ?? {} },
    };
    list.columns.push(column);
    return column;
  }

  private updateColumn(list: List, idOrName: string, body: unknown): Column {
    const column = list.columns.find((c) => c.id === idOrName || c.name === idOrName);
    if (!column) throw new HttpError(404, 'itemNotFound', 'The column was not found.');
    if (column.readOnly) throw new HttpError(400, 'invalidRequest', 'The column is read-only.');
    const b = (body ?? {}) as Record<string, unknown>;
    if (typeof b.displayName === 'string') column.displayName = b.displayName;
    if (typeof b.hidden === 'boolean') column.hidden = b.hidden;
    if (b.indexed === true && !column.indexed) {
      if (column.kind === 'note')
        throw new HttpError(400, 'invalidRequest', 'Multiple lines of text cannot be indexed.');
      if (list.columns.filter((c) => c.indexed && c.kind !== 'system').length >= MAX_INDEXES)
        throw new HttpError(400, 'invalidRequest', `A list can have at most ${MAX_INDEXES} indexed columns.`);
      column.indexed = true;
    }
    if (b.indexed === false && column.enforceUniqueValues)
      throw new HttpError(400, 'invalidRequest', 'A column that enforces unique values must stay indexed.');
    if (b.indexed === false) column.indexed = false;
    if (b.enforceUniqueValues === true && !column.enforceUniqueValues) {
      const seen = new Set<string>();
      for (const item of list.items.values()) {
        const v = item.fields[column.name];
        if (v === undefined || v === null || v === '') continue;
        const key = String(v).toLowerCase();
        if (seen.has(key))
          throw new HttpError(
            400,
            'invalidRequest',
            'This column contains duplicate values and cannot enforce unique values.',
          );
        seen.add(key);
      }
      column.enforceUniqueValues = true;
      column.indexed = true;
    }
    if (b.enforceUniqueValues === false) column.enforceUniqueValues = false;
    return column;
  }

  // ---- items -----------------------------------------------------------------------------

  private insert(list: List, fields: Record<string, unknown>, uniqueChecked = true): Item {
    const now = new Date().toISOString();
    const item: Item = {
      id: list.nextItemId,
      guid: randomUUID(),
      version: 1,
      created: now,
      modified: now,
      fields: {},
      history: [],
    };
    this.apply(list, item, fields, uniqueChecked);
    list.nextItemId += 1;
    list.items.set(item.id, item);
    return item;
  }

  private write(list: List, item: Item, fields: Record<string, unknown>): void {
    const before = { version: item.version, modified: item.modified, fields: { ...item.fields } };
    this.apply(list, item, fields);
    item.history.push(before);
    item.version += 1;
    item.modified = new Date().toISOString();
  }

  /** Validates and applies field values the way SharePoint does; nothing changes if one is bad. */
  private apply(list: List, item: Item, fields: Record<string, unknown>, uniqueChecked = true): void {
    const next: Record<string, unknown> = { ...item.fields };
    for (const [name, value] of Object.entries(fields)) {
      if (name.startsWith('@odata') || name.includes('@odata.type')) continue;
      const column = list.columns.find((c) => c.name === name);
      if (!column) throw new HttpError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (column.readOnly) throw new HttpError(400, 'invalidRequest', `Field '${name}' is read-only`);
      if (value === null || value === undefined || value === '') {
        delete next[name];
        continue;
      }
      switch (column.kind) {
        case 'text':
          if (typeof value !== 'string') throw new HttpError(400, 'invalidRequest', `Field '${name}' takes text.`);
          if (value.length > (column.maxLength ?? 255))
            throw new HttpError(400, 'invalidRequest', `The value of '${name}' exceeds the maximum length.`);
          next[name] = value;
          break;
        case 'note':
          if (typeof value !== 'string') throw new HttpError(400, 'invalidRequest', `Field '${name}' takes text.`);
          if (value.length > NOTE_MAX_CHARS) {
            // Neither Graph nor SharePoint documents the answer to a value over the limit; this is
            // the shape the double uses for every refused field value (400 invalidRequest), with a
            // message that names the field and the limit. The write changes nothing.
            throw new HttpError(
              400,
              'invalidRequest',
              `The value of '${name}' is ${value.length} characters; a multiple lines of text column holds at most ${NOTE_MAX_CHARS}.`,
            );
          }
          next[name] = value;
          break;
        case 'dateTime':
          next[name] = toSharePointDate(value);
          break;
        case 'choice':
          if (typeof value !== 'string' || !(column.choices ?? []).includes(value))
            throw new HttpError(400, 'invalidRequest', `The value of '${name}' is not one of its choices.`);
          next[name] = value;
          break;
        case 'boolean':
          if (typeof value !== 'boolean')
            throw new HttpError(400, 'invalidRequest', `Field '${name}' takes true or false.`);
          next[name] = value;
          break;
        case 'number':
          if (typeof value !== 'number' || !Number.isFinite(value))
            throw new HttpError(400, 'invalidRequest', `Field '${name}' takes a number.`);
          next[name] = value;
          break;
        case 'system':
          break;
      }
    }
    for (const column of list.columns.filter((c) => c.enforceUniqueValues && uniqueChecked)) {
      const v = next[column.name];
      if (v === undefined) continue;
      const clash = [...list.items.values()].some(
        (other) =>
          other.id !== item.id && String(other.fields[column.name] ?? '').toLowerCase() === String(v).toLowerCase(),
      );
      if (clash) {
        // SharePoint's message (Graph answers 409): "The list item could not be added or updated because
        // duplicate values were found in the following field(s) in the list: [X]."
        throw new HttpError(
          409,
          'nameAlreadyExists',
          `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}].`,
        );
      }
    }
    item.fields = next;
  }

  private expand(req: Req): { fields: boolean; select?: string[] } {
    try {
      return parseExpand(req.query.get('$expand'));
    } catch (error) {
      if (error instanceof ODataSyntaxError) throw new HttpError(400, 'BadRequest', error.message);
      throw error;
    }
  }

  /** GET .../items with $expand, $filter, $orderby, $top and paging (https://learn.microsoft.com/graph/api/listitem-list). */
  private queryItems(site: Site, list: List, req: Req): Res {
    const expand = this.expand(req);
    let filter: FilterNode | undefined;
    let order: OrderKey[] = [];
    try {
      const f = req.query.get('$filter');
      if (f) filter = parseFilter(f);
      const o = req.query.get('$orderby');
      if (o) order = parseOrderBy(o);
    } catch (error) {
      if (error instanceof ODataSyntaxError) throw new HttpError(400, 'BadRequest', error.message);
      throw error;
    }
    const columnOf = (property: string): Column | undefined => {
      if (property.toLowerCase() === 'id') return list.columns.find((c) => c.name === 'ID');
      const m = /^fields\/(.+)$/.exec(property);
      const name = m?.[1] ?? property;
      return list.columns.find((c) => c.name === name);
    };
    const referenced = [...(filter ? filterProperties(filter) : []), ...order.map((o) => o.property)];
    const prefer = (req.headers.prefer ?? '').toLowerCase().includes(PREFER_NON_INDEXED);
    let unindexed = false;
    for (const property of referenced) {
      const column = columnOf(property);
      if (!column)
        throw new HttpError(400, 'invalidRequest', `Field '${property.replace(/^fields\//, '')}' is not recognized`);
      if (column.indexed) continue;
      unindexed = true;
      if (!prefer) {
        // The message SharePoint sends through Graph for a filter or sort on an unindexed column.
        throw new HttpError(
          400,
          'invalidRequest',
          `Field '${column.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on lists with over 5,000 items.`,
        );
      }
    }
    const read = (item: Item, property: string) => {
      const column = columnOf(property)!;
      const value =
        column.name === 'ID'
          ? item.id
          : column.name === 'Created'
            ? item.created
            : column.name === 'Modified'
              ? item.modified
              : item.fields[column.name];
      return {
        value,
        kind:
          column.name === 'ID'
            ? ('number' as ValueKind)
            : column.kind === 'system'
              ? ('dateTime' as ValueKind)
              : valueKind(column.kind),
      };
    };
    const all = [...list.items.values()];
    const matching = filter ? all.filter((item) => evaluate(filter!, (p) => read(item, p))) : all;
    if (all.length > this.listViewThreshold && (unindexed || (filter && matching.length > this.listViewThreshold))) {
      // The list view threshold: a query that has to scan more than the threshold is refused.
      throw new HttpError(
        500,
        'generalException',
        'The attempted operation is prohibited because it exceeds the list view threshold.',
      );
    }
    const compare = (a: Item, b: Item): number => {
      for (const key of order) {
        const ra = read(a, key.property);
        const c = compareValues(ra.value, read(b, key.property).value, ra.kind);
        if (c !== 0) return key.descending ? -c : c;
      }
      return a.id - b.id;
    };
    matching.sort(compare);

    let start = 0;
    const token = req.query.get('$skiptoken');
    if (token) {
      let anchorId: number;
      try {
        anchorId = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { id: number }).id;
      } catch {
        throw new HttpError(400, 'invalidRequest', 'The skip token is not valid.');
      }
      if (typeof anchorId !== 'number') throw new HttpError(400, 'invalidRequest', 'The skip token is not valid.');
      const anchor = list.items.get(anchorId);
      start = anchor ? matching.findIndex((i) => compare(i, anchor) > 0) : matching.findIndex((i) => i.id > anchorId);
      if (start === -1) start = matching.length;
    }
    const top = Math.min(Number(req.query.get('$top') ?? 200) || 200, 5000, this.maxPageSize);
    const page = matching.slice(start, start + top);
    const body: Record<string, unknown> = { value: page.map((item) => this.itemJson(site, list, item, expand)) };
    if (start + top < matching.length) {
      const params = new URLSearchParams(req.query);
      params.set('$skiptoken', Buffer.from(JSON.stringify({ id: page[page.length - 1].id })).toString('base64url'));
      body['@odata.nextLink'] = `${this.url}/v1.0${req.path}?${params.toString().replace(/\+/g, '%20')}`;
    }
    return { status: 200, headers: {}, body };
  }

  // ---- JSON shapes -----------------------------------------------------------------------

  private siteJson(site: Site) {
    // https://learn.microsoft.com/graph/api/resources/site
    return {
      id: site.id,
      displayName: site.displayName,
      name: site.path.split('/').pop() || site.hostname,
      webUrl: `https://${site.hostname}${site.path}`,
      siteCollection: { hostname: site.hostname },
    };
  }

  private listJson(site: Site, list: List): Record<string, unknown> {
    // https://learn.microsoft.com/graph/api/resources/list
    return {
      id: list.id,
      name: list.displayName,
      displayName: list.displayName,
      description: list.description,
      createdDateTime: list.created,
      webUrl: `https://${site.hostname}${site.path}/Lists/${encodeURIComponent(list.displayName)}`,
      list: { template: 'genericList', hidden: false, contentTypesEnabled: false },
    };
  }

  private columnJson(column: Column): Record<string, unknown> {
    // https://learn.microsoft.com/graph/api/resources/columndefinition
    return {
      id: column.id,
      name: column.name,
      displayName: column.displayName,
      indexed: column.indexed,
      enforceUniqueValues: column.enforceUniqueValues,
      hidden: column.hidden,
      readOnly: column.readOnly,
      columnGroup: 'Custom Columns',
      ...column.facet,
    };
  }

  private fieldsJson(list: List, item: Item, select?: string[]): Record<string, unknown> {
    // A fieldValueSet: empty values are left out, as SharePoint leaves them out.
    const out: Record<string, unknown> = { '@odata.etag': etagOf(item), id: String(item.id) };
    const all: Record<string, unknown> = {
      ...item.fields,
      ID: item.id,
      Created: item.created.replace(/\.\d{3}Z$/, 'Z'),
      Modified: item.modified.replace(/\.\d{3}Z$/, 'Z'),
    };
    for (const [name, value] of Object.entries(all)) {
      if (select && !select.some((s) => s.toLowerCase() === name.toLowerCase())) continue;
      if (!list.columns.some((c) => c.name === name)) continue;
      out[name] = value;
    }
    return out;
  }

  private itemJson(
    site: Site,
    list: List,
    item: Item,
    expand: { fields: boolean; select?: string[] },
  ): Record<string, unknown> {
    // https://learn.microsoft.com/graph/api/resources/listitem
    const json: Record<string, unknown> = {
      '@odata.etag': etagOf(item),
      id: String(item.id),
      eTag: etagOf(item),
      createdDateTime: item.created,
      lastModifiedDateTime: item.modified,
      webUrl: `https://${site.hostname}${site.path}/Lists/${encodeURIComponent(list.displayName)}/DispForm.aspx?ID=${item.id}`,
      contentType: { id: '0x01', name: 'Item' },
    };
    if (expand.fields) json.fields = this.fieldsJson(list, item, expand.select);
    return json;
  }
}
