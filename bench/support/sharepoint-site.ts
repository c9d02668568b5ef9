/**
 * A provisioned SharePoint site on a fresh Graph double, for the benchmarks that measure the real
 * SharePoint adapter: the double, the site's lists, and the stores opened on it with a fixed token.
 */
import type { AccessToken, TokenCredential } from '@azure/identity';
import { GraphHttp } from '../../src/store/sharepoint/graph-http';
import { provision } from '../../src/store/sharepoint/provisioning';
import { openSharePointStores, type SharePointStores } from '../../src/store/sharepoint/sharepoint-stores';
import { GraphDouble } from '../../tests/support/graph-double';

const credential: TokenCredential = {
  async getToken(): Promise<AccessToken> {
    return { token: 'bench', expiresOnTimestamp: Date.now() + 3600_000 };
  },
};

export interface BenchSite {
  double: GraphDouble;
  /** Opens the stores on the site (one more instance each time). */
  open(): Promise<SharePointStores>;
}

/**
 * Starts a Graph double (`latencyMs` on every round trip from the start, provisioning included),
 * provisions the lists at `sitePath` and runs `use`; the double is closed afterwards, whatever happens.
 */
export async function withBenchSite<T>(
  options: { sitePath: string; organisation: string; latencyMs?: number },
  use: (site: BenchSite) => Promise<T>,
): Promise<T> {
  const double = await GraphDouble.start({ latencyMs: options.latencyMs });
  try {
    const siteId = double.addSite('bench.sharepoint.com', options.sitePath);
    await provision(
      new GraphHttp({ baseUrl: double.url, credential, userAgent: 'NONISV|Bench|PUIDesk/bench' }),
      siteId,
      'Pui',
    );
    const config = {
      siteId,
      credential: { kind: 'managed-identity' as const },
      organisation: options.organisation,
      graphBaseUrl: double.url,
      listPrefix: 'Pui',
      maxRetryWaitMs: 60_000,
      requestTimeoutMs: 30_000,
    };
    return await use({ double, open: () => openSharePointStores(config, { credential }) });
  } finally {
    await double.close();
  }
}
