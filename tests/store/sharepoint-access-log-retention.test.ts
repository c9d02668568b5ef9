/**
 * The access log's retention on SharePoint through a Graph double that pages at 7 items whatever
 * $top asks: the access-log contract pages past one page, and a cull lists every page and deletes
 * in $batches of 20.
 */
import { accessRecord } from '../../src/domain/access-log';
import { describeAccessLogContract } from '../contract/access-log-contract';
import { GraphDouble } from '../support/graph-double';
import { aDpo } from '../support/incident-mother';
import { openOnNewSite } from './support/sharepoint-fixture';

let double: GraphDouble;

beforeAll(async () => {
  double = await GraphDouble.start({ maxPageSize: 7 });
});

afterAll(async () => {
  await double.close();
});

describeAccessLogContract('sharepoint (Graph double, pages of 7)', async () => ({
  stores: (await openOnNewSite(double)).stores,
}));

describe('culling the access log on SharePoint', () => {
  it('reads every page of what is due and deletes it in $batches of 20', async () => {
    const { stores, siteId } = await openOnNewSite(double);
    try {
      const t0 = Date.parse('2025-01-01T08:00:00.000Z');
      const reads = Array.from({ length: 41 }, (_, n) =>
        accessRecord(`old-${n}`, new Date(t0 + n * 1000), { ...aDpo, roles: ['dpo'] }, 'incident-details', 'inc-1'),
      );
      await stores.accessLog.append([
        ...reads,
        accessRecord(
          'new-1',
          new Date('2026-06-01T08:00:00.000Z'),
          { ...aDpo, roles: ['dpo'] },
          'incident-details',
          'inc-1',
        ),
      ]);
      double.resetStats();

      expect(await stores.accessLog.cullBefore('2026-01-01T00:00:00.000Z')).toBe(41);

      const stats = double.stats();
      // ⌈41/7⌉ = 6 pages listed, ⌈41/20⌉ = 3 batches of deletes.
      expect(stats.batchedRequests).toBe(41);
      expect(stats.requests).toBe(6 + 3);
      expect(double.items(siteId, 'PuiAccessLog').map((f) => f.RecordId)).toEqual(['new-1']);
    } finally {
      await stores.close();
    }
  });
});
