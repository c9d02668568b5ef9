/**
 * Composition root: picks adapters from config, starts the HTTP server (API, bot, pages).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from './config';
import {
  StoreUnavailable,
  type AccessLog,
  type AppStateStore,
  type IncidentStore,
  type Logger,
  type Stores,
} from './domain';
import { createTeamsBot, type TeamsBot, type TeamsBotConfig } from '../bot';
import { accessLogRetentionScheduler, reminderScheduler, type IntervalTimer } from './scheduler';
import { createApp, type ClientConfig } from './server/app';
import { entraAuthenticator, localAuthenticator } from './server/auth';
import { createLogger } from './server/logger';
import { openStores } from './store/open-stores';
import { SharePointAccessDenied, SharePointNotProvisioned } from './store/sharepoint';
import {
  AccessRecorder,
  DeliveryLoop,
  outboxFor,
  readinessCheck,
  ReportRateLimiter,
  type UseCaseDeps,
} from './use-cases';

export interface StartOptions {
  /** Port to listen on (0: any free port). Default from config (PORT, 3978). */
  port?: number;
  /** SQLite file. Default from config (PUI_DB, `.data/pui.db`). */
  dbFile?: string;
  /** Force the local profile (tests); default from config. */
  profile?: 'local';
  /** Environment to read instead of process.env. */
  env?: Record<string, string | undefined>;
  /** Folder of the built pages; default `dist/`. */
  staticRoot?: string;
  logger?: Logger;
  /** Stores to use instead of the configured ones (tests); the caller closes them. */
  stores?: Stores;
  clock?: UseCaseDeps['clock'];
}

export interface RunningServer {
  url: string;
  /** The register. */
  store: IncidentStore;
  /** The app state (outbox, DPO channel, card references). */
  appState: AppStateStore;
  /** Who read what. */
  accessLog: AccessLog;
  /** Queues the access records of this server's reads. */
  access: AccessRecorder;
  config: AppConfig;
  /** The Teams bot, when it runs (local profile, or bot credentials configured). */
  bot?: TeamsBot;
  /** Delivers the outbox to the DPO channel through the bot's poster, when the bot runs. */
  delivery?: DeliveryLoop;
  /** The reminder scheduler, when it runs (with the bot, unless SCHEDULER_INTERVAL_SECONDS=0). */
  scheduler?: IntervalTimer;
  /** The access log's retention, when ACCESS_LOG_RETENTION_DAYS is set. */
  accessLogRetention?: IntervalTimer;
  close(): Promise<void>;
}

/**
 * The Teams bot runs always in the local profile (no Bot Framework tokens, for the Agents
 * Playground); in the entra profile only with the bot's credentials (config refuses production without).
 */
function runsBot(config: AppConfig): boolean {
  return (
    config.profile === 'local' ||
    Boolean(config.bot.appId && (config.bot.appType === 'UserAssignedMSI' || config.bot.password))
  );
}

/** The Teams bot from config. */
function startBot(config: AppConfig, deps: UseCaseDeps, logger: Logger): TeamsBot & { config: TeamsBotConfig } {
  const botConfig: TeamsBotConfig = {
    profile: config.profile,
    botAppId: config.bot.appId,
    botAppType: config.bot.appType,
    botPassword: config.bot.password,
    botTenantId: config.bot.tenantId,
    openIdMetadataUrl: config.bot.openIdMetadataUrl,
    dpoUserIds: config.dpoUserIds,
    dpoGroupIds: config.dpoGroupIds,
    adminUserIds: config.auth?.adminUserIds,
    appRolesAppId: config.auth?.clientId,
    // Replaced by the server's own address once it listens, unless configured.
    tabUrl: config.bot.tabUrl ?? `${config.publicUrl ?? `http://127.0.0.1:${config.port}`}/tab/`,
    teamsAppId: config.bot.teamsAppId,
    channelLocale: config.bot.channelLanguage,
  };
  return { ...createTeamsBot({ deps, config: botConfig, logger }), config: botConfig };
}

/** The pages' settings: profile, organisation, and where to sign in (no secrets). */
function clientConfigOf(config: AppConfig): ClientConfig {
  const clientId = config.auth?.clientId;
  return {
    profile: config.profile,
    organisationName: config.organisationName,
    organisationDomains: config.organisationDomains,
    sendCheck: config.sendCheck,
    auth:
      config.auth && clientId
        ? {
            clientId,
            authority: `https://login.microsoftonline.com/${config.auth.tenantId}`,
            scopes: [`api://${clientId}/access_as_user`],
          }
        : undefined,
  };
}

/** Starts everything on 127.0.0.1 and resolves once the store is open and the port listens. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = loadConfig(options.env ?? process.env);
  if (options.dbFile) config.dbFile = options.dbFile;
  if (options.profile === 'local') {
    config.profile = 'local';
    config.auth = undefined;
  }
  const logger = options.logger ?? createLogger(config.logLevel);
  const stores = options.stores ?? (await openStores(config, { logger }));
  const clock = options.clock ?? { now: () => new Date() };
  const withBot = runsBot(config);
  if (!withBot)
    logger.warn(
      'Teams bot not started: BOT_APP_ID with SECRET_BOT_PASSWORD or BOT_APP_TYPE=UserAssignedMSI is not set; nothing is announced',
    );
  // News is queued only where something delivers it: the bot's poster, through the delivery loop.
  const outbox = withBot ? outboxFor(stores.appState, clock) : undefined;
  // Who read what: each read queues a record; the recorder appends them in batches (retrying).
  const access = new AccessRecorder(stores.accessLog, { logger });
  const deps: UseCaseDeps = {
    store: stores.incidents,
    appState: stores.appState,
    accessLog: stores.accessLog,
    access,
    clock,
    logger,
    newId: randomUUID,
    outbox,
    organisation: config.organisation,
    retention: config.retention.policy,
    letterTemplates: config.letterTemplates,
    committeeTemplates: config.committeeTemplates,
    // One set of buckets for every entry point that files reports (API and bot).
    reportRate: config.reportRate.burst > 0 ? new ReportRateLimiter(config.reportRate) : undefined,
  };
  const authenticate = config.auth ? entraAuthenticator(config.auth, logger) : localAuthenticator();
  // The one way to the DPO channel: use cases → outbox → delivery loop → the bot's poster → Teams.
  const bot = withBot ? startBot(config, deps, logger) : undefined;
  const delivery =
    bot && outbox
      ? new DeliveryLoop({ ...deps, outbox }, bot.poster, {
          // One claim owner per process, named after App Service's instance when there is one.
          owner: `${config.instance.instanceId ?? 'server'}:${randomUUID()}`,
          logger,
          dpoMentions: config.reminders.dpoMentions,
          leaseMs: config.instance.outboxLeaseMs,
        })
      : undefined;
  const readiness = readinessCheck(deps);
  const app = createApp({
    deps,
    logger,
    readiness,
    authenticate,
    profile: config.profile,
    staticRoot: options.staticRoot,
    corsOrigins: config.publicUrl ? [new URL(config.publicUrl).origin] : [],
    clientConfig: clientConfigOf(config),
    retention: config.retention.policy,
    publicUrl: config.publicUrl,
    botHandler: bot ? (req, res, next) => void bot.handle(req, res).catch(next) : undefined,
  });

  const port = options.port ?? config.port;
  const server = http.createServer(app);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, config.host, () => resolve());
    });
  } catch (error) {
    if (!options.stores) await stores.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(
        `Port ${port} on ${config.host} is already in use: stop the other program or set PORT to a free port.`,
      );
    }
    throw error;
  }
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}`;
  if (bot && !config.bot.tabUrl) bot.config.tabUrl = `${config.publicUrl ?? url}/tab/`;
  // Started once the cards' links are known; news queued while no process ran goes out now.
  delivery?.start();
  // The scheduler queues reminders for the delivery loop, so it runs only with it.
  const scheduler =
    bot && config.reminders.intervalSeconds > 0
      ? reminderScheduler(deps, { intervalMs: config.reminders.intervalSeconds * 1000 })
      : undefined;
  scheduler?.start();
  // Access records follow their own retention, bot or not: one instance a day culls (a lease in app state).
  const accessLogRetention =
    config.retention.accessLogDays !== undefined
      ? accessLogRetentionScheduler(deps, {
          days: config.retention.accessLogDays,
          owner: `${config.instance.instanceId ?? 'server'}:${randomUUID()}`,
        })
      : undefined;
  accessLogRetention?.start();
  return {
    url,
    store: stores.incidents,
    appState: stores.appState,
    accessLog: stores.accessLog,
    access,
    config,
    bot,
    delivery,
    scheduler,
    accessLogRetention,
    close: async () => {
      // Draining: /readyz says so at once, no new connection is taken, requests under way finish;
      // the scheduler and the delivery loop finish what they hold (their claims are leased, so
      // what a hard stop leaves is taken over by another instance after the lease).
      readiness.markStopping();
      const requestsDone = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.all([requestsDone, scheduler?.stop(), delivery?.stop(), accessLogRetention?.stop()]);
      await access.close();
      if (!options.stores) await stores.close();
    },
  };
}

async function main(): Promise<void> {
  let running: RunningServer;
  try {
    running = await startServer();
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof SharePointNotProvisioned ||
      error instanceof SharePointAccessDenied ||
      error instanceof StoreUnavailable
    ) {
      process.stderr.write(
        `PUI Desk cannot start: ${error instanceof StoreUnavailable ? error.messageEn : error.message}\n`,
      );
      process.exit(2);
    }
    throw error;
  }
  const { url, config } = running;
  if (config.profile === 'local') {
    process.stdout.write(
      [
        '',
        '  ⚠  LOCAL PROFILE: no sign-in. Every request acts as the dev identity',
        '     "Utvecklare (lokal profil)" with the roles reporter, dpo and admin.',
        '     Never expose this server; production (NODE_ENV=production) refuses to run this way.',
        '',
      ].join('\n') + '\n',
    );
  }
  process.stdout.write(
    [
      `PUI Desk is running (${config.profile} profile, store: ${config.store}${config.store === 'sqlite' ? ` ${path.resolve(config.dbFile)}` : ''})`,
      `  API:      ${url}/api  (health: ${url}/healthz)`,
      `  Tab:      ${url}/tab/`,
      `  Outlook:  ${url}/outlook/`,
      '',
    ].join('\n') + '\n',
  );
  // A second signal while closing (npm start signals the whole process group, and the parent
  // passes it on) must not kill the process before the store is closed: keep listening, stop once.
  let stopping: Promise<void> | undefined;
  // App Service gives a stopping container WEBSITES_CONTAINER_STOP_TIME_LIMIT seconds (30 in
  // infra/azure.bicep) after SIGTERM: drain within 25, then go regardless.
  const drainMs = 25_000;
  const stop = () => {
    if (stopping) return;
    const deadline = new Promise<void>((_resolve, reject) =>
      setTimeout(() => reject(new Error('DrainTimeout')), drainMs).unref(),
    );
    stopping = Promise.race([running.close(), deadline]).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `PUI Desk could not stop cleanly: ${(error as Error)?.message === 'DrainTimeout' ? 'draining took longer than 25 s' : ((error as Error)?.name ?? 'Error')}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`PUI Desk stopped: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
