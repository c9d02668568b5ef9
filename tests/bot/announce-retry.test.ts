import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConnectorError } from '../../bot/conversation-gateway';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { outboxFor, queueAnnouncement } from '../../src/use-cases';
import { newIncident, parseReportInput } from '../../src/domain';
import {
  anna,
  cardText,
  dana,
  findExecute,
  startHarness,
  validForm,
  VirtualClock,
  type Harness,
} from './support/bot-harness';

async function report(h: Harness): Promise<string> {
  const reportId = `report-${Math.random().toString(36).slice(2, 12)}`;
  await h.execute({ verb: 'report.submit', reportId }, validForm(), anna, 'personal');
  return reportId;
}

describe('announcing when the channel fails', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('keeps the report when the post fails, and posts it once on a later try', async () => {
    h = await startHarness();
    await h.say('<at>PUI Desk</at> ställ in dpo-kanal', dana, 'dpo-channel');
    h.gateway.failNext(new ConnectorError(502, undefined));
    const reportId = await report(h);
    await h.drain();
    expect(h.gateway.posts).toHaveLength(0);
    expect(await h.store.getByReportId(reportId)).toBeDefined();
    const [pending] = await outboxFor(h.appState, h.clock).pending();
    expect(pending).toMatchObject({ key: `reported:${reportId}`, attempts: 1, lastError: 'http_502' });
    expect(h.logLines.join('\n')).toContain('announcement delivery failed; will retry');
    // Not before its backoff…
    await h.drain();
    expect(h.gateway.posts).toHaveLength(0);
    // …then once.
    h.clock.advance(5_000);
    await h.drain();
    await h.drain();
    expect(h.gateway.posts).toHaveLength(1);
    expect(await outboxFor(h.appState, h.clock).pending()).toEqual([]);
  });

  it('waits out a 429 for its Retry-After without counting it as a failure', async () => {
    h = await startHarness();
    await h.say('<at>PUI Desk</at> ställ in dpo-kanal', dana, 'dpo-channel');
    h.gateway.failNext(new ConnectorError(429, 3_000));
    await report(h);
    await h.drain();
    const [pending] = await outboxFor(h.appState, h.clock).pending();
    expect(pending.attempts).toBe(0);
    expect(Date.parse(pending.notBefore) - h.clock.ms()).toBeGreaterThanOrEqual(2_900);
    h.clock.advance(3_000);
    await h.drain();
    expect(h.gateway.posts).toHaveLength(1);
    expect(h.gateway.posts[0].at).toBeGreaterThanOrEqual(Date.parse(pending.notBefore));
  });

  it('never writes the title or description into the log', async () => {
    h = await startHarness();
    await h.say('<at>PUI Desk</at> ställ in dpo-kanal', dana, 'dpo-channel');
    h.gateway.failNext(new ConnectorError(500, undefined));
    await report(h);
    await h.drain();
    const log = h.logLines.join('\n');
    expect(log).not.toContain('Utredning skickad till fel mottagare');
    expect(log).not.toContain('utredning om ett barn');
  });
});

describe('announcing across a restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pui-bot-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the DPO channel and the card ids, so the next process posts what is pending and updates old cards', async () => {
    const file = path.join(dir, 'pui.db');
    const clock = new VirtualClock();
    const stores1 = SqliteStores.open(file);
    const first = await startHarness({ stores: stores1, clock });
    await first.say('<at>PUI Desk</at> ställ in dpo-kanal', dana, 'dpo-channel');
    await report(first);
    await first.drain();
    const posted = first.gateway.posts[0];
    // The next report's post fails, and the process goes down before a retry.
    first.gateway.failNext(new ConnectorError(503, undefined));
    const pendingId = await report(first);
    await first.drain();
    await first.close();
    await stores1.close();

    const stores2 = SqliteStores.open(file);
    clock.advance(60_000);
    const second = await startHarness({ stores: stores2, clock });
    try {
      await second.drain();
      expect(second.gateway.posts).toHaveLength(1);
      expect(cardText(second.gateway.posts[0].content)).toContain(
        (await stores2.incidents.getByReportId(pendingId))!.number,
      );
      // A DPO acts on the card the first process posted: the same activity is updated.
      await second.execute(findExecute(posted.content, 'incident.take')!.data, {}, dana, 'dpo-channel');
      await second.drain();
      expect(second.gateway.updates.map((u) => u.activityId)).toEqual([posted.activityId]);
    } finally {
      await second.close();
      await stores2.close();
    }
  });

  it('announces a report that was stored just before a crash (queued first, never announced)', async () => {
    const file = path.join(dir, 'pui.db');
    const clock = new VirtualClock();
    const stores = SqliteStores.open(file);
    const store = stores.incidents;
    const h1 = await startHarness({ stores, clock });
    await h1.say('<at>PUI Desk</at> ställ in dpo-kanal', dana, 'dpo-channel');
    await h1.close();
    // What reportIncident does up to the crash: queue, store, and nothing more.
    const reportId = 'report-crash-0001';
    await queueAnnouncement(h1.deps, { kind: 'reported', reportId });
    const now = clock.now();
    const input = parseReportInput(
      {
        ...{
          title: 'Brev till fel adress',
          description: 'Beslut skickat till gammal adress.',
          discoveredAt: now.toISOString(),
        },
        reportId,
      },
      now,
    );
    await store.create(newIncident(input, { id: 'aad-anna', name: 'Anna' }, 'tab', reportId, now), {
      at: now.toISOString(),
      actor: { id: 'aad-anna', name: 'Anna' },
      type: 'reported',
      data: { source: 'tab' },
    });

    const h2 = await startHarness({ stores, clock });
    try {
      await h2.drain();
      expect(h2.gateway.posts).toHaveLength(1);
      expect(cardText(h2.gateway.posts[0].content)).toContain('Brev till fel adress');
    } finally {
      await h2.close();
      await stores.close();
    }
  });
});
