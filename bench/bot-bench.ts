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
import { createApp } from '../src/server/app';
import { localAuthenticator } from '../src/server/auth';
import {
  startBotConnectorDouble,
  TEAMS_CONVERSATION_LIMITS,
  type ConnectorCall,
} from '../tests/support/bot-connector-double';

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
  const pacer = new ConversationPacer({
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  });
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
  connector.put(
    '/v3/conversations/:id/activities/:activityId',
    (req, res) => void res.json({ id: req.params.activityId }),
  );
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
  app.post(
    '/api/messages',
    express.json({ limit: '256kb' }),
    (req, res, next) => void bot.handle(req, res).catch(next),
  );
  const botServer = await listen(app);

  const send = async (activity: Record<string, unknown>) => {
    const response = await fetch(`${botServer.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`bot answered ${response.status}`);
  };
  const base = {
    channelId: 'msteams',
    serviceUrl: `${teams.url}/`,
    recipient: { id: '28:pui-desk', name: 'PUI Desk' },
  };

  try {
    await send({
      ...base,
      type: 'message',
      id: 'm-1',
      text: '<at>PUI Desk</at> ställ in dpo-kanal',
      from: { id: '29:dpo', name: 'DPO', aadObjectId: 'aad-dpo' },
      conversation: { id: DPO_CHANNEL, conversationType: 'channel', isGroup: true },
    });
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
              verb: 'report.submit',
              reportId: `bench-${randomUUID()}`,
              title: `Brev till fel adress ${i}`,
              description: 'Ett beslut skickades till en gammal adress.',
              discoveredDate: new Date().toISOString().slice(0, 10),
              discoveredTime: '00:00',
              breachTypes: 'confidentiality',
            },
          },
          trigger: 'manual',
        },
      });
      toReceipt.push(performance.now() - started);
      await posted;
      toCard.push(performance.now() - started);
    }
    for (const [name, values] of [
      ['submitted card → receipt', toReceipt],
      ['submitted card → DPO card posted', toCard],
    ] as const) {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(
        `${name} (${REPORTS} reports, SQLite file): p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
      );
    }
    const limits = TEAMS_THREAD_LIMITS.map((w) => `${w.max}/${w.periodMs / 1000} s`).join(', ');
    console.log(
      `a burst of ${REPORTS} reports at Teams' per-conversation limits (${limits}), one card each: last card after ${(await pacedBurstSeconds(REPORTS)).toFixed(0)} s`,
    );
  } finally {
    await delivery.stop();
    await new Promise((resolve) => botServer.server.close(resolve));
    await new Promise((resolve) => teams.server.close(resolve));
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const MASS = 300;

/**
 * A mass incident: 300 reports at once, half through the bot (chat card submits) and half through
 * the API (POST /api/incidents), with Teams' pacing on and a Bot Connector double that enforces
 * Teams' per-conversation limits with 429s. Prints when every number was on screen (in a digest
 * or on its own card), the messages posted, and when the last incident's own card came.
 */
export async function benchMassIncident(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pui-mass-bench-'));
  const stores = SqliteStores.open(path.join(dir, 'pui.db'));
  const connector = await startBotConnectorDouble({ limits: TEAMS_CONVERSATION_LIMITS });
  const logger = createLogger('silent');
  const clock = { now: () => new Date() };
  const outbox = outboxFor(stores.appState, clock);
  const deps: UseCaseDeps = {
    store: stores.incidents,
    appState: stores.appState,
    clock,
    logger,
    newId: randomUUID,
    outbox,
  };
  const bot = createTeamsBot({
    deps,
    config: { profile: 'local', dpoUserIds: [], dpoGroupIds: [], tabUrl: 'http://127.0.0.1:3978/tab/' },
    logger,
    pacer: new ConversationPacer(),
  });
  const delivery = new DeliveryLoop({ ...deps, outbox }, bot.poster, { owner: 'bench', logger });
  const app = createApp({
    deps,
    logger,
    authenticate: localAuthenticator(),
    profile: 'local',
    botHandler: (req, res, next) => void bot.handle(req, res).catch(next),
    clientConfig: { profile: 'local', organisationName: 'Bench', organisationDomains: [] },
  });
  const server = await listen(app);
  const base = {
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    recipient: { id: '28:pui-desk', name: 'PUI Desk' },
  };
  const send = async (activity: Record<string, unknown>) => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`bot answered ${response.status}`);
  };
  const isDigest = (c: ConnectorCall) => JSON.stringify(c.activity.attachments ?? []).includes('"id":"pui-digest"');
  try {
    await send({
      ...base,
      type: 'message',
      id: 'm-1',
      text: '<at>PUI Desk</at> ställ in dpo-kanal',
      from: { id: '29:dpo', name: 'DPO', aadObjectId: 'aad-dpo' },
      conversation: { id: DPO_CHANNEL, conversationType: 'channel', isGroup: true },
    });
    delivery.start();
    const today = new Date().toISOString().slice(0, 10);
    const started = Date.now();
    const numbers = new Set<string>();
    await Promise.all(
      Array.from({ length: MASS }, async (_, i) => {
        if (i % 2 === 0) {
          await send({
            ...base,
            type: 'invoke',
            name: 'adaptiveCard/action',
            id: `i-${i}`,
            from: { id: `29:staff-${i}`, name: `Staff ${i}`, aadObjectId: `aad-staff-${i}` },
            conversation: { id: `a:personal-${i}`, conversationType: 'personal' },
            value: {
              action: {
                type: 'Action.Execute',
                verb: 'report.submit',
                data: {
                  verb: 'report.submit',
                  reportId: `mass-${randomUUID()}`,
                  title: `Delad anteckning synlig för alla ${i}`,
                  description: 'Mätning',
                  discoveredDate: today,
                  discoveredTime: '00:00',
                  breachTypes: 'confidentiality',
                },
              },
              trigger: 'manual',
            },
          });
        } else {
          const res = await fetch(`${server.url}/api/incidents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-dev-role': 'reporter', 'x-dev-user': `staff-${i}` },
            body: JSON.stringify({
              title: `Delad anteckning synlig för alla ${i}`,
              description: 'Mätning',
              discoveredAt: new Date().toISOString(),
              breachTypes: ['confidentiality'],
            }),
          });
          if (res.status !== 201) throw new Error(`API answered ${res.status}`);
          await res.arrayBuffer();
        }
      }),
    );
    const submittedSeconds = (Date.now() - started) / 1000;
    for (const i of (await stores.incidents.listAll({ limit: 500 })).items) numbers.add(i.number);
    const channel = () => connector.calls.filter((c) => c.conversationId === DPO_CHANNEL);
    const cards = () => channel().filter((c) => c.method === 'POST' && c.activityId === undefined && !isDigest(c));
    const cardNumber = (c: ConnectorCall) => /PUI-\d{4}-\d{4,}/.exec(JSON.stringify(c.activity.attachments ?? []))?.[0];
    const deadline = started + 10 * 60_000;
    while (new Set(cards().map(cardNumber)).size < numbers.size && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 250));
    await delivery.drain();
    const seenAt = new Map<string, number>();
    for (const c of channel()) {
      const found = isDigest(c)
        ? (JSON.stringify(c.activity.attachments ?? []).match(/PUI-\d{4}-\d{4,}/g) ?? [])
        : c.method === 'POST' && !c.activityId
          ? [cardNumber(c)]
          : [];
      for (const n of found) if (n && !seenAt.has(n)) seenAt.set(n, c.at);
    }
    const visible = [...numbers].filter((n) => seenAt.has(n));
    const allVisible =
      visible.length === numbers.size ? (Math.max(...visible.map((n) => seenAt.get(n)!)) - started) / 1000 : Number.NaN;
    const perCard = new Map<string, number>();
    for (const c of cards()) perCard.set(cardNumber(c)!, (perCard.get(cardNumber(c)!) ?? 0) + 1);
    const doubled = [...perCard.values()].reduce((sum, n) => sum + n - 1, 0);
    const digestPosts = channel().filter((c) => isDigest(c) && c.method === 'POST').length;
    const digestUpdates = channel().filter((c) => isDigest(c) && c.method === 'PUT').length;
    const lastCard = (Math.max(...cards().map((c) => c.at)) - started) / 1000;
    console.log(
      `mass incident: ${MASS} reports at once (${MASS / 2} bot, ${MASS / 2} API), Teams' limits enforced: all submitted after ${submittedSeconds.toFixed(1)} s; all ${visible.length}/${numbers.size} numbers visible in the DPO channel after ${allVisible.toFixed(1)} s; ` +
        `messages posted ${channel().filter((c) => c.method === 'POST').length} (${digestPosts} digests + ${cards().length} own cards; ${digestUpdates} digest updates); ` +
        `last own card after ${lastCard.toFixed(0)} s; 429s ${connector.throttled} (all retried); lost ${numbers.size - perCard.size}, doubled ${doubled}`,
    );
  } finally {
    await delivery.stop();
    await new Promise((resolve) => server.server.close(resolve));
    await connector.close();
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
