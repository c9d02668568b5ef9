/**
 * Benchmark of the bot: time from a submitted report card (the `adaptiveCard/action` invoke over
 * HTTP) to the DPO card posted to the Bot Connector, over 200 reports on the embedded store (a
 * SQLite file). The connector is a stand-in on 127.0.0.1; Teams' pacing is switched off here so
 * the figure is our own pipeline, and the pacing of a burst is worked out separately.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import express from 'express';
import { createTeamsBot } from '../bot';
import { ConversationPacer, TEAMS_THREAD_LIMITS } from '../bot/pacer';
import { createLogger } from '../src/server/logger';
import { SqliteStores } from '../src/store/sqlite/sqlite-stores';
import { DeliveryLoop, outboxFor, type UseCaseDeps } from '../src/use-cases';

const REPORTS = 200;
const DPO_CHANNEL = '19:bench-dpo@thread.tacv2';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** How long Teams' per-conversation limits take to let `count` cards through (virtual time). */
async function pacedBurstSeconds(count: number): Promise<number> {
  let now = 0;
  const pacer = new ConversationPacer({ now: () => now, sleep: async (ms) => { now += ms; } });
  for (let i = 0; i < count; i++) await pacer.take('c');
  return now / 1000;
}

export async function benchBot(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pui-bot-bench-'));
  const stores = SqliteStores.open(path.join(dir, 'pui.db'));
  const store = stores.incidents;

  // The Bot Connector stand-in: notes when each DPO card arrives.
  let cardPosted: (() => void) | undefined;
  const connector = express();
  connector.use(express.json({ limit: '1mb' }));
  connector.post('/v3/conversations/:id/activities', (req, res) => {
    if (req.params.id === DPO_CHANNEL) cardPosted?.();
    res.json({ id: randomUUID() });
  });
  connector.post('/v3/conversations/:id/activities/:replyTo', (_req, res) => void res.json({ id: randomUUID() }));
  connector.put('/v3/conversations/:id/activities/:activityId', (req, res) => void res.json({ id: req.params.activityId }));
  const teams = await listen(connector);

  const logger = createLogger('silent');
  const clock = { now: () => new Date() };
  const outbox = outboxFor(stores.appState, clock);
  const deps: UseCaseDeps = { store, appState: stores.appState, clock, logger, newId: randomUUID, outbox };
  const bot = createTeamsBot({
    deps,
    config: { profile: 'local', dpoUserIds: [], dpoGroupIds: [], tabUrl: 'http://127.0.0.1:3978/tab/' },
    logger,
    pacer: new ConversationPacer({ windows: [] }),
  });
  const delivery = new DeliveryLoop({ ...deps, outbox }, bot.poster, { owner: 'bench', logger });
  delivery.start();
  const app = express();
  app.post('/api/messages', express.json({ limit: '256kb' }), (req, res, next) => void bot.handle(req, res).catch(next));
  const botServer = await listen(app);

  const send = async (activity: Record<string, unknown>) => {
    const response = await fetch(`${botServer.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`bot answered ${response.status}`);
  };
  const base = {
    channelId: 'msteams',
    serviceUrl: `${teams.url}/`,
    recipient: { id: '28:pui-desk', name: 'PUI Desk' },
  };

  try {
    await send({ ...base, type: 'message', id: 'm-1', text: '<at>PUI Desk</at> ställ in dpo-kanal', from: { id: '29:dpo', name: 'DPO', aadObjectId: 'aad-dpo' }, conversation: { id: DPO_CHANNEL, conversationType: 'channel', isGroup: true } });
    const toCard: number[] = [];
    const toReceipt: number[] = [];
    for (let i = 0; i < REPORTS; i++) {
      const posted = new Promise<void>((resolve) => {
        cardPosted = resolve;
      });
      const started = performance.now();
      await send({
        ...base,
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `i-${i}`,
        from: { id: '29:anna', name: 'Anna', aadObjectId: 'aad-anna' },
        conversation: { id: 'a:personal-anna', conversationType: 'personal' },
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'report.submit',
            data: {
              verb: 'report.submit', reportId: `bench-${randomUUID()}`,
              title: `Brev till fel adress ${i}`, description: 'Ett beslut skickades till en gammal adress.',
              discoveredDate: new Date().toISOString().slice(0, 10), discoveredTime: '00:00', breachTypes: 'confidentiality',
            },
          },
          trigger: 'manual',
        },
      });
      toReceipt.push(performance.now() - started);
      await posted;
      toCard.push(performance.now() - started);
    }
    for (const [name, values] of [['submitted card → receipt', toReceipt], ['submitted card → DPO card posted', toCard]] as const) {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(`${name} (${REPORTS} reports, SQLite file): p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`);
    }
    const limits = TEAMS_THREAD_LIMITS.map((w) => `${w.max}/${w.periodMs / 1000} s`).join(', ');
    console.log(`a burst of ${REPORTS} reports at Teams' per-conversation limits (${limits}): last card after ${(await pacedBurstSeconds(REPORTS)).toFixed(0)} s`);
  } finally {
    await delivery.stop();
    await new Promise((resolve) => botServer.server.close(resolve));
    await new Promise((resolve) => teams.server.close(resolve));
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
