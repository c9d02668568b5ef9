/** Opens the SharePoint adapter against the Graph double: a site, its lists, a fake credential. */
import type { AccessToken, TokenCredential } from '@azure/identity';
import { GraphHttp } from '../../../src/store/sharepoint/graph-http';
import { provision } from '../../../src/store/sharepoint/provisioning';
import { RetryPolicy } from '../../../src/store/sharepoint/retry-policy';
import type { SharePointConfig } from '../../../src/store/sharepoint/sharepoint-config';
import type { AppStateStore, IncidentStore, Stores } from '../../../src/domain/ports';
import { openSharePointStores } from '../../../src/store/sharepoint/sharepoint-stores';
import type { GraphDouble } from '../../support/graph-double';

/** A credential that hands out a fixed token, as a real one would after signing in. */
export const fakeCredential: TokenCredential = {
  async getToken(): Promise<AccessToken> {
    return { token: 'test-token', expiresOnTimestamp: Date.now() + 3600_000 };
  },
};

/** Waits the policy asks for, recorded, and slept 1000 times faster (a Retry-After of 1 s sleeps 1 ms). */
export function fastRetry(
  waits: number[] = [],
  options: { maxRetries?: number; maxTotalWaitMs?: number } = {},
): RetryPolicy {
  return new RetryPolicy({
    ...options,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
      await new Promise((resolve) => setTimeout(resolve, ms / 1000));
    },
  });
}

/** The store's settings, pointed at the double. */
export function doubleConfig(double: GraphDouble, siteId: string): SharePointConfig {
  return {
    siteId,
    credential: { kind: 'managed-identity' },
    organisation: 'Testkommun',
    graphBaseUrl: double.url,
    listPrefix: 'Pui',
    maxRetryWaitMs: 60_000,
    // Generous: a loaded CI machine must not turn a slow loopback answer into a retry (it would change the counted round trips).
    requestTimeoutMs: 30_000,
  };
}

/** A GraphHttp on the double, for provisioning and raw requests in tests. */
export function doubleHttp(double: GraphDouble, retry = fastRetry()): GraphHttp {
  return new GraphHttp({
    baseUrl: double.url,
    credential: fakeCredential,
    userAgent: 'NONISV|Testkommun|PUIDesk/test',
    retry,
  });
}

/** The adapter's stores opened on a site of the double. */
export interface OnSite {
  stores: Stores;
  /** `stores.incidents` */
  store: IncidentStore;
  /** `stores.appState` */
  appState: AppStateStore;
  siteId: string;
}

/** Opens the adapter on a site of the double that has its lists (another server on the same site). */
export async function openOnSite(double: GraphDouble, siteId: string, retry = fastRetry()): Promise<OnSite> {
  const stores = await openSharePointStores(doubleConfig(double, siteId), { credential: fakeCredential, retry });
  return { stores, store: stores.incidents, appState: stores.appState, siteId };
}

/** A new site with the lists provisioned, and the adapter opened on it. */
export async function openOnNewSite(double: GraphDouble, retry = fastRetry()): Promise<OnSite> {
  const siteId = double.addSite('contoso.sharepoint.com', `/sites/pui-${Math.random().toString(36).slice(2, 10)}`);
  await provision(doubleHttp(double), siteId, 'Pui');
  return openOnSite(double, siteId, retry);
}
