/**
 * The contract every `AccessLog` adapter passes: idempotent batched appends, an incident's
 * records newest first and paged, exports apart, culling by age and by incident.
 */
import { accessRecord, type AccessRecord } from '../../src/domain/access-log';
import type { AccessLog, Stores } from '../../src/domain/ports';
import { aDpo, aReporter } from '../support/incident-mother';
import type { OpenedStores } from './incident-store-contract';

const T0 = Date.parse('2026-11-20T09:00:00.000Z');

function aRead(n: number, incidentId: string | null, view: AccessRecord['view'] = 'incident-details'): AccessRecord {
  return accessRecord(
    `rec-${incidentId ?? 'export'}-${n}`,
    new Date(T0 + n * 1500),
    n % 2 ? { ...aDpo, roles: ['dpo'] as const } : { ...aReporter, roles: ['reporter'] as const },
    view,
    incidentId,
    incidentId ? null : 'register.xlsx',
  );
}

/** Registers the access-log contract suite for one adapter. */
export function describeAccessLogContract(name: string, open: () => Promise<OpenedStores>): void {
  describe(`AccessLog contract: ${name}`, () => {
    let stores: Stores;
    let log: AccessLog;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ stores, cleanup } = await open());
      log = stores.accessLog;
    });

    afterEach(async () => {
      await stores.close();
      await cleanup?.();
    });

    it('keeps an incident empty until it is read', async () => {
      expect(await log.listForIncident('inc-1')).toEqual({ items: [] });
    });

    it('lists an incident’s records newest first, apart from other incidents and exports, and keeps one of each on a repeated append', async () => {
      const mine = [aRead(1, 'inc-1'), aRead(2, 'inc-1'), aRead(3, 'inc-1')];
      await log.append([...mine, aRead(4, 'inc-2'), aRead(5, null, 'register-export')]);
      await log.append([mine[1]]);

      expect((await log.listForIncident('inc-1')).items).toEqual([mine[2], mine[1], mine[0]]);
      expect((await log.listExports()).items).toEqual([aRead(5, null, 'register-export')]);
    });

    it('pages through more records than one page holds, each once', async () => {
      const records = Array.from({ length: 25 }, (_, n) => aRead(n, 'inc-1'));
      await log.append(records);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await log.listForIncident('inc-1', { limit: 10, cursor });
        seen.push(...page.items.map((r) => r.id));
        cursor = page.next;
      } while (cursor);
      expect(seen).toEqual(records.map((r) => r.id).reverse());
    });

    it('culls records read before a time and keeps the rest', async () => {
      await log.append([aRead(1, 'inc-1'), aRead(2, 'inc-1'), aRead(3, null, 'register-export'), aRead(8, 'inc-1')]);

      const culled = await log.cullBefore(new Date(T0 + 5000).toISOString());

      expect(culled).toBe(3);
      expect((await log.listForIncident('inc-1')).items.map((r) => r.id)).toEqual(['rec-inc-1-8']);
      expect((await log.listExports()).items).toEqual([]);
    });

    it('counts what a cull would take without deleting it, and culls more than a page and a $batch of records', async () => {
      // 45 records: past the double's page (when capped) and past two $batches of 20 deletes.
      const old = Array.from({ length: 45 }, (_, n) =>
        aRead(n, n % 3 ? 'inc-1' : null, n % 3 ? 'incident-details' : 'register-export'),
      );
      const recent = [aRead(100, 'inc-1'), aRead(101, null, 'register-export')];
      await log.append([...old, ...recent]);
      const cutoff = new Date(T0 + 50 * 1500).toISOString();

      expect(await log.countBefore(cutoff)).toBe(45);

      expect(await log.cullBefore(cutoff)).toBe(45);
      expect(await log.countBefore(cutoff)).toBe(0);
      expect((await log.listForIncident('inc-1')).items.map((r) => r.id)).toEqual(['rec-inc-1-100']);
      expect((await log.listExports()).items.map((r) => r.id)).toEqual(['rec-export-101']);
      expect(await log.cullBefore(cutoff)).toBe(0);
    });

    it('culls at most a limit of records, the oldest first', async () => {
      await log.append([aRead(1, 'inc-1'), aRead(5, 'inc-1'), aRead(3, 'inc-1'), aRead(40, 'inc-1')]);
      const cutoff = new Date(T0 + 20 * 1500).toISOString();

      expect(await log.cullBefore(cutoff, 2)).toBe(2);
      expect((await log.listForIncident('inc-1')).items.map((r) => r.id)).toEqual(['rec-inc-1-40', 'rec-inc-1-5']);
      expect(await log.cullBefore(cutoff, 2)).toBe(1);
      expect(await log.cullBefore(cutoff, 2)).toBe(0);
    });

    it('refuses a cutoff that is not a time, and deletes nothing', async () => {
      await log.append([aRead(1, 'inc-1')]);
      await expect(log.cullBefore('not a time')).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(log.countBefore('')).rejects.toMatchObject({ code: 'validation_failed' });
      expect((await log.listForIncident('inc-1')).items).toHaveLength(1);
    });

    it('deletes every record of one incident', async () => {
      await log.append([aRead(1, 'inc-1'), aRead(2, 'inc-2'), aRead(3, 'inc-1')]);
      expect(await log.deleteForIncident('inc-1')).toBe(2);
      expect((await log.listForIncident('inc-1')).items).toEqual([]);
      expect((await log.listForIncident('inc-2')).items.map((r) => r.id)).toEqual(['rec-inc-2-2']);
    });
  });
}
