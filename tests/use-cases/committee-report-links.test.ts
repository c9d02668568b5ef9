import { linkToMain, type Caller } from '../../src/domain';
import { committeeReport } from '../../src/use-cases/committee-report';
import { aNewIncident, anEvent } from '../support/incident-mother';
import { RegisterFakeStore } from '../support/register-fake-store';

const dpo: Caller = { id: 'dpo-1', name: 'Dana Dataskydd', roles: ['reporter', 'dpo'] };
const now = new Date('2026-12-01T09:00:00.000Z');

describe('the committee report and linked reports', () => {
  it('leaves a linked report out of the appendix as the figures do, so they agree; unlinked it is back', async () => {
    const store = new RegisterFakeStore(50);
    const main = (await store.create(aNewIncident({ discoveredAt: '2026-11-10T08:00:00.000Z' }), anEvent())).incident;
    const again = (await store.create(aNewIncident({ discoveredAt: '2026-11-10T09:00:00.000Z' }), anEvent())).incident;
    const deps = { store, clock: { now: () => now } };
    const ask = { period: { from: '2026-11-01', to: '2026-11-30' }, lang: 'sv' as const };

    const before = await committeeReport(deps, dpo, ask);
    expect(before.appendix.rows).toHaveLength(2);

    const { next, event } = linkToMain(
      again,
      { mainNumber: main.number },
      { main, reportHasLinkedReports: false },
      dpo,
      now,
    );
    await store.update(next, again.etag, event);
    const after = await committeeReport(deps, dpo, ask);

    expect(after.appendix.rows).toHaveLength(1);
    expect(JSON.stringify(after.appendix.rows)).toContain(main.number);
    expect(JSON.stringify(after.appendix.rows)).not.toContain(again.number);
    expect(after.chart.byMonth.reduce((sum, bar) => sum + bar.count, 0)).toBe(1);
  });
});
