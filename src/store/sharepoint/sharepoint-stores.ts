/**
 * The SharePoint stores: four lists on one site, through Microsoft Graph, with an app-only
 * credential granted Sites.Selected on that site. Opening checks that the lists and their columns
 * are there; the incident store and the app-state store then share one Graph layer and one memory
 * of which item holds which key.
 */
import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import type { Logger, Stores } from '../../domain/ports';
import { accessHint } from './access-hints';
import { domainError } from './batch-answers';
import { createCredential, graphScope } from './credential';
import { GraphHttp } from './graph-http';
import { ListItems } from './list-items';
import type { ListKey } from './list-schema';
import { RetryPolicy } from './retry-policy';
import { SharePointAccessLog } from './sharepoint-access-log';
import { SharePointAppStateStore } from './sharepoint-app-state-store';
import { graphUserAgent, type SharePointConfig } from './sharepoint-config';
import { SharePointIncidentStore } from './sharepoint-incident-store';
import { findPuiLists, missingColumns, resolveSite } from './site-lists';

/** The lists are not there: provisioning has not run on this site. */
export class SharePointNotProvisioned extends Error {
  override readonly name = 'SharePointNotProvisioned';
}

/** Graph refused the app at start: the message says which credential or grant is missing. */
export class SharePointAccessDenied extends Error {
  override readonly name = 'SharePointAccessDenied';
}

/** The parts the stores are built from (tests build them on the Graph double). */
export interface SharePointStoreParts {
  http: GraphHttp;
  siteId: string;
  lists: Record<ListKey, string>;
  logger?: Logger;
  /** New ids for incidents, events and writes (default randomUUID). */
  newId?: () => string;
}

export interface OpenSharePointOptions {
  logger?: Logger;
  /** A credential to use instead of the configured one (tests). */
  credential?: TokenCredential;
  /** A retry policy to use instead of the configured bounds (tests pass a fast sleep). */
  retry?: RetryPolicy;
}

/** Builds the Graph layer from config: credential, User-Agent, retry bounds, timeout. */
export function createGraphHttp(config: SharePointConfig, options: OpenSharePointOptions = {}): GraphHttp {
  return new GraphHttp({
    baseUrl: config.graphBaseUrl,
    credential: options.credential ?? createCredential(config.credential),
    scopes: [graphScope(config.graphBaseUrl)],
    userAgent: graphUserAgent(config.organisation),
    retry: options.retry ?? new RetryPolicy({ maxTotalWaitMs: config.maxRetryWaitMs }),
    timeoutMs: config.requestTimeoutMs,
    onRetry: (status, waitMs) => options.logger?.warn('graph retry', { status, waitMs }),
  });
}

/** The incident store, the app-state store and the access log on one site. */
export class SharePointStores implements Stores {
  readonly incidents: SharePointIncidentStore;
  readonly appState: SharePointAppStateStore;
  readonly accessLog: SharePointAccessLog;
  private readonly items: ListItems;

  constructor(parts: SharePointStoreParts) {
    const newId = parts.newId ?? randomUUID;
    this.items = new ListItems(parts.http, parts.siteId, parts.lists);
    this.incidents = new SharePointIncidentStore(this.items, newId, parts.logger);
    this.appState = new SharePointAppStateStore(this.items, newId, parts.logger);
    this.accessLog = new SharePointAccessLog(this.items, parts.logger);
  }

  async close(): Promise<void> {
    this.items.clear();
    this.incidents.clear();
  }
}

/** Opens the stores on the configured site; fails with a clear message when lists or columns are missing. */
export async function openSharePointStores(
  config: SharePointConfig,
  options: OpenSharePointOptions = {},
): Promise<SharePointStores> {
  const http = createGraphHttp(config, options);
  const site = config.siteId ?? config.siteUrl!;
  let siteId: string;
  let found: Awaited<ReturnType<typeof findPuiLists>>;
  let lacking: string[] = [];
  try {
    siteId = config.siteId ?? (await resolveSite(http, config.siteUrl!)).id;
    found = await findPuiLists(http, siteId, config.listPrefix);
    if (found.missing.length === 0)
      lacking = await missingColumns(http, siteId, found.ids as Record<ListKey, string>, config.listPrefix);
  } catch (error) {
    const hint = accessHint(error, 'run', site);
    if (hint) throw new SharePointAccessDenied(hint, { cause: error });
    throw domainError(error);
  }
  const { ids, missing } = found;
  if (missing.length > 0) {
    throw new SharePointNotProvisioned(
      `The SharePoint site has no list ${missing.join(', ')}. Run \`npm run provision -- --site ${config.siteUrl ?? siteId}\` first.`,
    );
  }
  if (lacking.length > 0) {
    // Lists from an earlier version: every write of app state would be refused until the columns exist.
    throw new SharePointNotProvisioned(
      `The SharePoint lists lack the column${lacking.length === 1 ? '' : 's'} ${lacking.join(', ')} that this version of PUI Desk needs. ` +
        `Run \`npm run provision -- --site ${config.siteUrl ?? siteId}\` again: it adds them and changes nothing else.`,
    );
  }
  return new SharePointStores({ http, siteId, lists: ids as Record<ListKey, string>, logger: options.logger });
}
