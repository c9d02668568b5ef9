/**
 * Several PUI Desk server processes in production mode on one SharePoint store, as App Service
 * runs them behind its load balancer, with every cloud part a loopback double that speaks its
 * documented protocol: Microsoft Graph (with random 429/503 + Retry-After and 50–150 ms latency),
 * App Service's managed identity endpoint, Entra ID's signing keys, and the Bot Connector
 * (enforcing Teams' per-conversation limits with 429s). Reports arrive through the API, spread
 * over the instances; one instance is killed with SIGKILL in the middle and restarted.
 *
 * Used by tests/instances/ (asserts) and bench/instances-bench.ts (prints the figures).
 * Everything binds 127.0.0.1; every wait is bounded; every process is stopped at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addressOf } from '../../../bot/channel-address';
import type { Incident, Stores } from '../../../src/domain';
import { openSharePointStores, provision } from '../../../src/store/sharepoint';
import { setDpoChannel } from '../../../src/use-cases/dpo-channel';
import { createLogger } from '../../../src/server/logger';
import { OUTBOX_PREFIX, type OutboxEntry } from '../../../src/use-cases/outbox';
import {
  startBotConnectorDouble,
  TEAMS_CONVERSATION_LIMITS,
  type BotConnectorDouble,
  type ConnectorCall,
} from '../bot-connector-double';
import { REPO_ROOT } from '../fresh-build';
import { GraphDouble } from '../graph-double/graph-double';
import { API_CLIENT_ID, startLocalJwks, TENANT_ID, type LocalJwks } from '../local-jwks';
import { startManagedIdentityDouble, type ManagedIdentityDouble } from '../managed-identity-double';
import { doubleHttp, fakeCredential, fastRetry } from '../../store/support/sharepoint-fixture';

export const IDENTITY_CLIENT_ID = '2b7e4c1a-9d3f-4e55-8a21-6f0c3d9e7b14';
const DPO_OID = 'd0000000-0000-4000-8000-0000000000d0';
const CHANNEL = '19:dpo-kanal@thread.tacv2';
const HOUR = 3_600_000;

export interface ClusterOptions {
  /** `dist/src/main.js` of a build of this repository. */
  mainJs: string;
  instances?: number;
  reports?: number;
  /** How many of the reports reach a reminder threshold (24 h left) during the run. */
  reminders?: number;
  /** Reports in flight at once. */
  concurrency?: number;
  /** Kill one instance with SIGKILL after this share of the reports, and restart it. */
  killAt?: number;
  /** Graph failure share (429/503 with Retry-After). */
  graphFailureRate?: number;
  /** Upper bound of the whole run, after which it stops and reports what it has. */
  timeoutMs?: number;
  /** The outbox lease (OUTBOX_LEASE_SECONDS): how long a killed instance's claims block others. */
  leaseSeconds?: number;
}

/** A report's journey through the load balancer. */
interface Sent {
  reportId: string;
  reminder: boolean;
  statuses: number[];
  codes: string[];
  ms?: number;
  number?: string;
}

export interface ClusterResult {
  instances: number;
  reports: number;
  /** Distinct reports in the store (a report id stored twice counts once, and as doubled). */
  stored: number;
  storedTwice: number;
  /** Distinct stored incidents whose card reached the DPO channel. */
  announced: number;
  /** Cards beyond the first for one incident, but for those below. */
  doubled: number;
  /**
   * Cards beyond the first for incidents whose announcement the killed process held claimed when
   * it died: it may have posted before it could record the post (the documented crash window).
   */
  doubledInCrashWindow: number;
  /** Stored incidents with no card. */
  lost: number;
  remindersExpected: number;
  /** Incidents whose 24 h reminder (a thread reply with @mention) came exactly once. */
  remindersOnce: number;
  /** Reminder replies beyond the first for one incident (outside the crash window, and in it). */
  remindersDoubled: number;
  remindersDoubledInCrashWindow: number;
  p95ReportMs: number;
  /** Answers of the API other than 2xx and the documented 503 store_unavailable / 429 rate_limited. */
  unexpected: { status: number; code: string }[];
  /** Answers 503 store_unavailable the clients retried. */
  storeUnavailable: number;
  /** Graph requests the chaos failed; connector calls Teams' limits refused. */
  graphFailures: number;
  connectorThrottled: number;
  /** Seconds from the first report until the last card. */
  lastCardSeconds: number;
  /** Seconds from the first report until every number was in a digest or on its own card (Infinity: some never were). */
  allVisibleSeconds: number;
  /** Digest cards posted, and digest updates. */
  digestMessages: number;
  digestUpdates: number;
  /** Exit codes of the instances stopped with SIGTERM at the end. */
  exitCodes: (number | null)[];
  /** The killed instance's outbox claims at the moment it died. */
  claimsOfKilled: number;
}

interface Instance {
  name: string;
  process: ChildProcess;
  url?: string;
  alive: boolean;
  output: string[];
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A digest card (bot/cards/digest-card.ts: its heading's id): many numbers, none of them its own card. */
function isDigest(call: ConnectorCall): boolean {
  return JSON.stringify(call.activity.attachments ?? []).includes('"id":"pui-digest"');
}

/** Every incident number a digest (post or update) lists. */
function numbersInDigest(call: ConnectorCall): string[] {
  return JSON.stringify(call.activity.attachments ?? []).match(/PUI-\d{4}-\d{4,}/g) ?? [];
}

/** The incident number a DPO card carries. */
function numberIn(call: ConnectorCall): string | undefined {
  return /PUI-\d{4}-\d{4,}/.exec(JSON.stringify(call.activity.attachments ?? []))?.[0];
}

export async function runCluster(options: ClusterOptions): Promise<ClusterResult> {
  const count = options.instances ?? 3;
  const total = options.reports ?? 300;
  const reminderCount = options.reminders ?? 50;
  const deadline = Date.now() + (options.timeoutMs ?? 6 * 60_000);
  const work = mkdtempSync(path.join(tmpdir(), 'pui-cluster-'));
  const instances: Instance[] = [];
  let graph: GraphDouble | undefined;
  let identity: ManagedIdentityDouble | undefined;
  let jwks: LocalJwks | undefined;
  let connector: BotConnectorDouble | undefined;
  let stores: Stores | undefined;
  try {
    graph = await GraphDouble.start();
    identity = await startManagedIdentityDouble({ clientIds: [IDENTITY_CLIENT_ID] });
    jwks = await startLocalJwks();
    connector = await startBotConnectorDouble({ limits: TEAMS_CONVERSATION_LIMITS });
    const siteId = graph.addSite('kommun.sharepoint.com', '/sites/pui');
    await provision(doubleHttp(graph), siteId, 'Pui');
    stores = await openSharePointStores(
      {
        siteId,
        credential: { kind: 'managed-identity' },
        organisation: 'Testkommun',
        graphBaseUrl: graph.url,
        listPrefix: 'Pui',
        maxRetryWaitMs: 60_000,
        requestTimeoutMs: 10_000,
      },
      { credential: fakeCredential, retry: fastRetry() },
    );
    // The DPO channel, as `@PUI Desk ställ in dpo-kanal` sets it (through the same use case).
    const dpo = { id: DPO_OID, name: 'Dagny Dataskyddsombud', roles: ['reporter', 'dpo'] as const };
    await setDpoChannel(
      { appState: stores.appState, clock: { now: () => new Date() }, logger: createLogger('silent') },
      { ...dpo, roles: [...dpo.roles] },
      {
        address: addressOf({
          channelId: 'msteams',
          serviceUrl: connector.serviceUrl,
          conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
          bot: { id: `28:${IDENTITY_CLIENT_ID}`, name: 'PUI Desk' },
        }),
        channelName: 'Dataskydd / Incidenter',
      },
    );
    graph.setChaos({
      rate: options.graphFailureRate ?? 0.1,
      statuses: [429, 503],
      retryAfterSeconds: 1,
      latencyMs: { min: 50, max: 150 },
    });

    const env = (name: string): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      HOME: work,
      // A build outside the repository (a temporary folder) still finds the repository's packages.
      NODE_PATH: path.join(REPO_ROOT, 'node_modules'),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      PUBLIC_URL: 'https://puidesk.test',
      AZURE_TENANT_ID: TENANT_ID,
      API_CLIENT_ID,
      AUTH_JWKS_URI: jwks!.uri,
      BOT_APP_ID: IDENTITY_CLIENT_ID,
      BOT_APP_TYPE: 'UserAssignedMSI',
      STORE: 'sharepoint',
      SHAREPOINT_SITE_ID: siteId,
      SHAREPOINT_AUTH: 'managed-identity',
      AZURE_CLIENT_ID: IDENTITY_CLIENT_ID,
      GRAPH_BASE_URL: graph!.url,
      ORGANISATION_NAME: 'Testkommun',
      DPO_USER_IDS: DPO_OID,
      DPO_MENTIONS: `${DPO_OID}=Dagny Dataskyddsombud`,
      SCHEDULER_INTERVAL_SECONDS: '1',
      LOG_LEVEL: 'warn',
      WEBSITE_INSTANCE_ID: name,
      OUTBOX_LEASE_SECONDS: String(options.leaseSeconds ?? 20),
      ...identity!.env,
    });

    const start = async (name: string): Promise<Instance> => {
      const child = spawn(process.execPath, [options.mainJs], {
        cwd: work,
        env: env(name),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const instance: Instance = { name, process: child, alive: true, output: [] };
      const keep = (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split('\n'))
          if (line && instance.output.length < 200) instance.output.push(line);
      };
      child.stderr!.on('data', keep);
      child.on('exit', () => (instance.alive = false));
      instance.url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${name} did not start within 30 s:\n${instance.output.join('\n')}`)),
          30_000,
        );
        child.stdout!.on('data', (chunk: Buffer) => {
          keep(chunk);
          const m = /API:\s+(http:\/\/127\.0\.0\.1:\d+)\/api/.exec(chunk.toString('utf8'));
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`${name} exited with ${code} before it listened:\n${instance.output.join('\n')}`));
        });
      });
      return instance;
    };
    for (let i = 0; i < count; i += 1) instances.push(await start(`instance-${i}`));

    // ---- the reports, through the "load balancer" ------------------------------------------
    const now = Date.now();
    const sent: Sent[] = Array.from({ length: total }, (_, i) => ({
      reportId: `cluster-${randomUUID()}`,
      reminder: i < reminderCount,
      statuses: [],
      codes: [],
    }));
    const tokens = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        jwks!.sign(
          { oid: `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Handläggare ${i + 1}` },
          { expiresIn: '2h' },
        ),
      ),
    );
    let next = 0;
    let turn = 0;
    let done = 0;
    let claimsOfKilled = 0;
    const heldByKilled = new Set<string>();
    const unexpected: { status: number; code: string }[] = [];
    let storeUnavailable = 0;
    const killAfter = Math.floor(total * (options.killAt ?? 0.5));
    let killing: Promise<void> | undefined;

    const pick = (): Instance | undefined => {
      const live = instances.filter((i) => i.alive && i.url);
      return live.length ? live[turn++ % live.length] : undefined;
    };
    const report = async (s: Sent, index: number): Promise<void> => {
      // The reminder reports reach 24 h left 45 s from now; the others are an hour old.
      const discoveredAt = new Date(s.reminder ? now - 48 * HOUR + 45_000 : now - HOUR).toISOString();
      const body = JSON.stringify({
        title: `Brev till fel mottagare ${index + 1}`,
        description: 'Ett beslut skickades till fel adress.',
        discoveredAt,
        reportId: s.reportId,
        cause: 'human-error',
        breachTypes: ['confidentiality'],
      });
      const began = Date.now();
      for (let attempt = 0; attempt < 30 && Date.now() < deadline; attempt += 1) {
        const target = pick();
        if (!target) {
          await sleep(200);
          continue;
        }
        let status: number;
        let answer: { error?: { code?: string }; number?: string } = {};
        let retryAfter: number;
        try {
          const response = await fetch(`${target.url}/api/incidents?source=tab`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens[index % tokens.length]}`, 'content-type': 'application/json' },
            body,
            signal: AbortSignal.timeout(30_000),
          });
          status = response.status;
          retryAfter = Number(response.headers.get('retry-after') ?? 0);
          answer = (await response.json().catch(() => ({}))) as typeof answer;
        } catch {
          // The instance died under the request (or refused the connection): the load balancer tries another.
          s.statuses.push(0);
          continue;
        }
        s.statuses.push(status);
        s.codes.push(answer.error?.code ?? '');
        if (status === 201 || status === 200) {
          s.ms = Date.now() - began;
          s.number = answer.number;
          return;
        }
        if (status === 503 && answer.error?.code === 'store_unavailable') {
          storeUnavailable += 1;
          await sleep(Math.min(5, retryAfter || 1) * 1000);
          continue;
        }
        if (status === 429 && answer.error?.code === 'rate_limited') {
          await sleep(Math.min(10, retryAfter || 1) * 1000);
          continue;
        }
        unexpected.push({ status, code: answer.error?.code ?? '' });
        return;
      }
    };
    const kill = async (): Promise<void> => {
      const victim = instances[1 % instances.length];
      victim.process.kill('SIGKILL');
      await new Promise<void>((resolve) => (victim.alive ? victim.process.once('exit', () => resolve()) : resolve()));
      // What it held when it died: those entries wait for their lease to run out.
      for (let cursor: string | undefined, first = true; first || cursor; first = false) {
        const page = await stores!.appState.listScheduledState<OutboxEntry>(OUTBOX_PREFIX, { limit: 200, cursor });
        for (const entry of page.items) {
          const claim = entry.value.claim;
          if (claim?.owner.startsWith(`${victim.name}:`) && Date.parse(claim.until) > Date.now())
            heldByKilled.add(entry.value.reportId);
        }
        cursor = page.next;
      }
      claimsOfKilled = heldByKilled.size;
      await sleep(1000);
      instances[instances.indexOf(victim)] = await start(victim.name);
    };
    const worker = async (): Promise<void> => {
      while (next < total && Date.now() < deadline) {
        const index = next++;
        await report(sent[index], index);
        done += 1;
        if (done === killAfter && instances.length > 1) killing = kill();
      }
    };
    const firstReportAt = Date.now();
    await Promise.all(Array.from({ length: options.concurrency ?? 12 }, worker));
    await killing;

    // ---- wait for the channel ------------------------------------------------------------
    const numbers = new Set(sent.map((s) => s.number).filter((n): n is string => Boolean(n)));
    const reminderNumbers = new Set(sent.filter((s) => s.reminder && s.number).map((s) => s.number!));
    // An incident's own card starts a thread; a digest does too, but is no incident's card.
    const posts = () =>
      connector!.calls.filter(
        (c) => c.method === 'POST' && c.activityId === undefined && c.conversationId === CHANNEL && !isDigest(c),
      );
    const digests = () => connector!.calls.filter((c) => c.conversationId === CHANNEL && isDigest(c));
    const cardOf = () => new Map(posts().map((c) => [c.assignedId, numberIn(c)]));
    const replies = () => {
      const cards = cardOf();
      return connector!.calls
        .filter((c) => c.method === 'POST' && c.conversationId.startsWith(`${CHANNEL};messageid=`))
        .map((c) => cards.get(c.conversationId.split(';messageid=')[1]))
        .filter((n): n is string => Boolean(n));
    };
    const complete = () => {
      const posted = new Set(posts().map(numberIn));
      const replied = new Set(replies());
      return [...numbers].every((n) => posted.has(n)) && [...reminderNumbers].every((n) => replied.has(n));
    };
    while (!complete() && Date.now() < deadline) await sleep(500);
    // Anything doubled late (a claim taken over after its lease) shows within a few seconds more.
    await sleep(3000);

    // ---- what happened -------------------------------------------------------------------
    const storedIncidents: Incident[] = [];
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await stores.incidents.listAll({ limit: 200, cursor });
      storedIncidents.push(...page.items);
      cursor = page.next;
    }
    const ours = storedIncidents.filter((i) => i.reportId?.startsWith('cluster-'));
    const byReport = new Map<string, number>();
    for (const i of ours) byReport.set(i.reportId!, (byReport.get(i.reportId!) ?? 0) + 1);
    const postedCount = new Map<string, number>();
    for (const call of posts()) {
      const n = numberIn(call);
      if (n) postedCount.set(n, (postedCount.get(n) ?? 0) + 1);
    }
    const lastCardAt = Math.max(firstReportAt, ...posts().map((c) => c.at));
    // Visible: the number is in a digest or on its own card, whichever came first.
    const seenAt = new Map<string, number>();
    for (const call of [
      ...digests().flatMap((c) => numbersInDigest(c).map((n) => [n, c.at] as const)),
      ...posts().map((c) => [numberIn(c), c.at] as const),
    ]) {
      const [n, at] = call;
      if (n && !(seenAt.get(n)! <= at)) seenAt.set(n, at);
    }
    const visibleAt = Math.max(firstReportAt, ...[...numbers].map((n) => seenAt.get(n) ?? Number.POSITIVE_INFINITY));
    const storedNumbers = ours.map((i) => i.number);
    const reportIdOf = new Map(ours.map((i) => [i.number, i.reportId!]));
    const extra = (counts: Map<string, number>, inWindow: boolean) =>
      [...counts]
        .filter(([n]) => heldByKilled.has(reportIdOf.get(n) ?? '') === inWindow)
        .reduce((sum, [, c]) => sum + Math.max(0, c - 1), 0);
    const replyCount = new Map<string, number>();
    for (const n of replies()) replyCount.set(n, (replyCount.get(n) ?? 0) + 1);

    const exitCodes: (number | null)[] = [];
    for (const instance of instances) {
      if (!instance.alive) {
        exitCodes.push(instance.process.exitCode);
        continue;
      }
      const exited = new Promise<number | null>((resolve) => instance.process.once('exit', (code) => resolve(code)));
      instance.process.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), 30_000)));
      exitCodes.push(await Promise.race([exited, late]));
      clearTimeout(timer);
    }
    return {
      instances: count,
      reports: total,
      stored: byReport.size,
      storedTwice: [...byReport.values()].filter((c) => c > 1).length,
      announced: storedNumbers.filter((n) => postedCount.has(n)).length,
      doubled: extra(postedCount, false),
      doubledInCrashWindow: extra(postedCount, true),
      lost: storedNumbers.filter((n) => !postedCount.has(n)).length,
      remindersExpected: reminderNumbers.size,
      remindersOnce: [...reminderNumbers].filter((n) => replyCount.get(n) === 1).length,
      remindersDoubled: extra(replyCount, false),
      remindersDoubledInCrashWindow: extra(replyCount, true),
      p95ReportMs: percentile(
        sent.filter((s) => s.ms !== undefined).map((s) => s.ms!),
        95,
      ),
      unexpected,
      storeUnavailable,
      graphFailures: graph.chaosFailures,
      connectorThrottled: connector.throttled,
      lastCardSeconds: (lastCardAt - firstReportAt) / 1000,
      allVisibleSeconds: (visibleAt - firstReportAt) / 1000,
      digestMessages: digests().filter((c) => c.method === 'POST').length,
      digestUpdates: digests().filter((c) => c.method === 'PUT').length,
      exitCodes,
      claimsOfKilled,
    };
  } finally {
    for (const instance of instances) if (instance.alive) instance.process.kill('SIGKILL');
    await stores?.close().catch(() => undefined);
    await connector?.close();
    await jwks?.close();
    await identity?.close();
    await graph?.close();
    rmSync(work, { recursive: true, force: true });
  }
}
