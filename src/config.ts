/**
 * Reads and validates the environment once. Nothing else reads process.env.
 * @remarks Without tenant settings the app runs in the local profile (dev identity, no token
 * checks); production (`NODE_ENV=production`) refuses to run that way.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { committeeTemplatesFrom, CommitteeTemplateSettingError } from './documents/committee-templates';
import { art34TemplateProblems, type Art34Templates } from './domain/art34-template';
import type { CommitteeTemplate } from './domain/committee-report';
import type { Locale } from './domain/i18n';
import type { Organisation } from './domain/organisation';
import {
  accessLogRetentionDays,
  retentionPolicy,
  RetentionSettingError,
  type RetentionPolicy,
} from './domain/retention';
import {
  sharePointConfigFromEnv,
  SharePointConfigError,
  type SharePointConfig,
} from './store/sharepoint/sharepoint-config';

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  PUI_DB: z.string().default(path.join('.data', 'pui.db')),
  STORE: z.enum(['sqlite', 'sharepoint']).default('sqlite'),
  ORGANISATION_NAME: z.string().default('Kommunen'),
  ORGANISATION_DOMAINS: list,
  ORGANISATION_NUMBER: z
    .string()
    .regex(/^\d{6}-?\d{4}$/, 'an organisation number such as 212000-0000')
    .optional(),
  COMMITTEE_NAME: z.string().default('Socialnämnden'),
  DPO_CONTACT_NAME: z.string().optional(),
  DPO_CONTACT_EMAIL: z.string().email().optional(),
  DPO_CONTACT_PHONE: z.string().optional(),
  // The art. 34 letter's templates: paths to UTF-8 text files (templates/art34-letter.sv.txt shows the form).
  ART34_LETTER_TEMPLATE: z.string().min(1).optional(),
  ART34_LETTER_TEMPLATE_EN: z.string().min(1).optional(),
  PUBLIC_URL: z.string().url().optional(),
  AZURE_TENANT_ID: z.guid().optional(),
  API_CLIENT_ID: z.string().optional(),
  API_AUDIENCE: list,
  AUTH_JWKS_URI: z.string().url().optional(),
  AUTH_ISSUERS: list,
  DPO_USER_IDS: list,
  DPO_GROUP_IDS: list,
  ADMIN_USER_IDS: list,
  LOG_LEVEL: z.enum(['info', 'warn', 'error', 'silent']).default('info'),
  // The Teams bot (Azure Bot registration); outside the local profile the bot needs all of these.
  BOT_APP_ID: z.string().min(1).optional(),
  /**
   * How the bot proves who it is to the Bot Framework: `UserAssignedMSI` (the App Service's managed
   * identity, no secret; BOT_APP_ID is its client id), `SingleTenant` or `MultiTenant` (a client
   * secret). Default: SingleTenant with a secret and a tenant, else MultiTenant.
   */
  BOT_APP_TYPE: z.enum(['UserAssignedMSI', 'SingleTenant', 'MultiTenant']).optional(),
  SECRET_BOT_PASSWORD: z.string().min(1).optional(),
  BOT_TENANT_ID: z.guid().optional(),
  /** Bot Framework's OpenID metadata for channel tokens; default botbuilder's (login.botframework.com). */
  BOT_OPENID_METADATA_URL: z.string().url().optional(),
  /** Where DPO channel cards link to; default `<PUBLIC_URL or the server's address>/tab/`. */
  TAB_URL: z.string().url().optional(),
  /** The Teams app id (the manifest's `id`): DPO cards then open the tab inside Teams. */
  TEAMS_APP_ID: z.guid().optional(),
  /** The DPO channel's language (its cards, notices, reminders and digests): the organisation's choice, as many read it. */
  CHANNEL_LANGUAGE: z
    .enum(['sv', 'en'], {
      message: 'sv (Swedish, the default) or en (English): the language of the DPO channel’s cards',
    })
    .default('sv'),
  /** App Service's name for the instance (it sets it): outbox claims say which instance holds what. */
  WEBSITE_INSTANCE_ID: z
    .string()
    .regex(/^[\w.-]{1,80}$/, 'letters, digits, . _ -')
    .optional(),
  /**
   * How long an outbox claim holds, in seconds (default 300). Shorter lets another instance take
   * over sooner from one that died; it must stay well above a paced pass (about 25 s for 50 cards).
   */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(15).max(3600).default(300),
  /** Seconds between the reminder scheduler's ticks; 0 turns the reminders off. */
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /**
   * Whom reminders @mention when nobody owns an incident: `objectId=Display Name`, comma-separated
   * (the name may be left out). Default: DPO_USER_IDS.
   */
  DPO_MENTIONS: list,
  /** Reports one person may file at once (src/domain/report-rate.ts); 0 turns the limit off. */
  REPORT_RATE_BURST: z.coerce.number().int().min(0).max(100_000).default(30),
  /** Then one more report per this many seconds. */
  REPORT_RATE_REFILL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(10),
  /** The Outlook add-in's check when the user presses Send (Smart Alerts); `off` turns it off. */
  SEND_CHECK: z.enum(['on', 'off']).default('on'),
  /** External mail domains trusted with personal data (e.g. the region's health services): no alert. */
  TRUSTED_EXTERNAL_DOMAINS: list,
  /** Extra words, comma-separated, that the send check also counts as sensitive (matched inside words). */
  SENSITIVE_WORDS: list,
});

/** `objectId=Display Name` (or a bare id), as DPO_MENTIONS lists them. */
function mentionTarget(entry: string): { id: string; name: string } {
  const at = entry.indexOf('=');
  const id = (at < 0 ? entry : entry.slice(0, at)).trim();
  const name = at < 0 ? '' : entry.slice(at + 1).trim();
  if (!id)
    throw new ConfigError(`DPO_MENTIONS: "${entry.slice(0, 60)}" names no user id; write objectId=Display Name.`);
  return { id, name: name || 'Dataskyddsombud' };
}

/** The reminder scheduler's settings. */
/** How this instance takes part in delivering the outbox with the others. */
export interface InstanceSettings {
  /** App Service's WEBSITE_INSTANCE_ID, when it runs there. */
  instanceId?: string;
  outboxLeaseMs: number;
}

export interface ReminderSettings {
  /** Between ticks; 0: no reminders. */
  intervalSeconds: number;
  /** Whom a reminder chases when nobody owns the incident. */
  dpoMentions: { id: string; name: string }[];
}

/** The Teams bot's settings. */
export interface BotSettings {
  appId?: string;
  /** Bot Framework app type; `UserAssignedMSI` signs in with the managed identity (no password). */
  appType?: 'UserAssignedMSI' | 'SingleTenant' | 'MultiTenant';
  password?: string;
  tenantId?: string;
  /** Where channel tokens' OpenID metadata is read (BOT_OPENID_METADATA_URL); default botbuilder's. */
  openIdMetadataUrl?: string;
  tabUrl?: string;
  teamsAppId?: string;
  /** CHANNEL_LANGUAGE: the DPO channel's cards, their notices, the reminders and the digests. */
  channelLanguage: 'sv' | 'en';
}

/** Entra ID token validation settings (absent in the local profile). */
export interface AuthConfig {
  tenantId: string;
  /** The API's app registration (client id), when known: the pages sign in for it. */
  clientId?: string;
  audiences: string[];
  issuers: string[];
  jwksUri: string;
  dpoUserIds: string[];
  dpoGroupIds: string[];
  adminUserIds: string[];
}

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  dbFile: string;
  store: 'sqlite' | 'sharepoint';
  /** The SharePoint site and credential, when `STORE=sharepoint`. */
  sharePoint?: SharePointConfig;
  organisationName: string;
  /** The controller, the DPO's contact and the committee, as the documents name them. */
  organisation: Organisation;
  organisationDomains: string[];
  /** The art. 34 letter's templates read from ART34_LETTER_TEMPLATE(_EN); a language without one uses the default. */
  letterTemplates: Art34Templates;
  /** The committee report's texts read from COMMITTEE_REPORT_TEMPLATE(_EN); a language without one uses the default. */
  committeeTemplates: Partial<Record<Locale, CommitteeTemplate>>;
  /** The Outlook add-in's send check (SEND_CHECK, TRUSTED_EXTERNAL_DOMAINS, SENSITIVE_WORDS). */
  sendCheck: { enabled: boolean; trustedExternalDomains: string[]; sensitiveWords: string[] };
  publicUrl?: string;
  /** `local`: dev identity, no tenant. `entra`: every API call needs a valid Entra ID token. */
  profile: 'local' | 'entra';
  auth?: AuthConfig;
  dpoUserIds: string[];
  dpoGroupIds: string[];
  logLevel: 'info' | 'warn' | 'error' | 'silent';
  bot: BotSettings;
  reminders: ReminderSettings;
  instance: InstanceSettings;
  /** How many reports one person may file in a row (per server process). */
  reportRate: { burst: number; refillMs: number };
  /**
   * The records plan (RETENTION_YEARS, RETENTION_FROM, RETENTION_SCOPE; unset: keep) and how many
   * days access records are kept (ACCESS_LOG_RETENTION_DAYS; unset: for ever).
   */
  retention: RetentionSettings;
}

/** What the records plan says, as the server applies it. */
export interface RetentionSettings {
  policy: RetentionPolicy;
  accessLogDays?: number;
}

/** The retention settings by the domain's parsers; a bad value is a ConfigError naming the variable. */
export function retentionSettingsOf(env: Record<string, string | undefined>): RetentionSettings {
  try {
    return { policy: retentionPolicy(env), accessLogDays: accessLogRetentionDays(env.ACCESS_LOG_RETENTION_DAYS) };
  } catch (error) {
    if (error instanceof RetentionSettingError) throw new ConfigError(error.message);
    throw error;
  }
}

/** A configuration problem, naming the variable to fix. */
export class ConfigError extends Error {}

/** The committee report's templates (COMMITTEE_REPORT_TEMPLATE*); a file that cannot be used is a ConfigError. */
function committeeTemplateSettingsOf(
  env: Record<string, string | undefined>,
): Partial<Record<Locale, CommitteeTemplate>> {
  try {
    return committeeTemplatesFrom(env);
  } catch (error) {
    if (error instanceof CommitteeTemplateSettingError) throw new ConfigError(error.message);
    throw error;
  }
}

/** The letter template a variable names: read once at start, refused when it cannot make a complete letter. */
function letterTemplate(variable: string, file: string): string {
  let text: string;
  try {
    text = readFileSync(path.resolve(file), 'utf8');
  } catch (error) {
    throw new ConfigError(`${variable}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const problems = art34TemplateProblems(text);
  if (problems.length) throw new ConfigError(`${variable} (${file}): ${problems.join('; ')}.`);
  return text;
}

/**
 * Adds `env/.env.<name>` and its gitignored `.env.<name>.user` (secrets) under the variables that
 * are already set: the shell wins over the files.
 */
export function withEnvFiles(
  env: Record<string, string | undefined>,
  name: string,
  root = process.cwd(),
): Record<string, string | undefined> {
  if (!/^[a-z0-9-]+$/i.test(name))
    throw new ConfigError(`The environment name must be like dev or prod, not "${name.slice(0, 40)}".`);
  const merged = { ...env };
  for (const file of [`env/.env.${name}`, `env/.env.${name}.user`]) {
    const full = path.resolve(root, file);
    if (!existsSync(full)) continue;
    for (const [key, value] of Object.entries(parseEnv(readFileSync(full, 'utf8')))) {
      if (merged[key] === undefined) merged[key] = value;
    }
  }
  return merged;
}

const LOOPBACK_HOSTS = /^(127(?:\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;

/**
 * The local profile lets anyone act as the DPO: it may only run on loopback, and never with the
 * settings of a deployment (a bot registration or a public address), where a missing API_CLIENT_ID
 * would otherwise silently turn sign-in off.
 */
function refuseExposedLocalProfile(e: z.infer<typeof schema>): void {
  const deployed = [
    e.BOT_APP_ID ? 'BOT_APP_ID' : '',
    e.SECRET_BOT_PASSWORD ? 'SECRET_BOT_PASSWORD' : '',
    e.PUBLIC_URL ? 'PUBLIC_URL' : '',
  ].filter(Boolean);
  if (deployed.length > 0) {
    throw new ConfigError(
      `API_CLIENT_ID is missing: ${deployed.join(', ')} ${deployed.length > 1 ? 'are' : 'is'} set, so this is a deployment, and without API_CLIENT_ID (and AZURE_TENANT_ID) sign-in would be off and everyone would act as the DPO.`,
    );
  }
  if (!LOOPBACK_HOSTS.test(e.HOST)) {
    throw new ConfigError(
      `HOST=${e.HOST.slice(0, 60)} is not a loopback address: the local profile (dev identity, no sign-in) only listens on 127.0.0.1. Set API_CLIENT_ID and AZURE_TENANT_ID to serve other machines.`,
    );
  }
}

/**
 * The bot's credential must be whole: a managed identity names its client id and tenant and has no
 * password; a password-based one has both id and password. Production needs one of them.
 */
function checkBotCredential(e: z.infer<typeof schema>, entra: boolean): void {
  const tenant = e.BOT_TENANT_ID ?? e.AZURE_TENANT_ID;
  if (e.BOT_APP_TYPE === 'UserAssignedMSI') {
    if (!e.BOT_APP_ID)
      throw new ConfigError(
        "BOT_APP_ID is missing: with BOT_APP_TYPE=UserAssignedMSI it is the managed identity's client id.",
      );
    if (!tenant)
      throw new ConfigError(
        'BOT_TENANT_ID (or AZURE_TENANT_ID) is missing: a managed identity signs in to its own tenant.',
      );
    if (e.SECRET_BOT_PASSWORD) {
      throw new ConfigError(
        'SECRET_BOT_PASSWORD is set with BOT_APP_TYPE=UserAssignedMSI: the bot signs in with the managed identity; remove the secret.',
      );
    }
    return;
  }
  if (e.BOT_APP_TYPE === 'SingleTenant' && !tenant)
    throw new ConfigError(
      'BOT_TENANT_ID (or AZURE_TENANT_ID) is missing: BOT_APP_TYPE=SingleTenant names the tenant of the bot.',
    );
  if (e.BOT_APP_TYPE && !e.BOT_APP_ID)
    throw new ConfigError(`BOT_APP_ID is missing: BOT_APP_TYPE=${e.BOT_APP_TYPE} names the bot's app registration.`);
  if (entra && e.NODE_ENV === 'production' && (!e.BOT_APP_ID || !e.SECRET_BOT_PASSWORD)) {
    throw new ConfigError(
      `${e.BOT_APP_ID ? 'SECRET_BOT_PASSWORD' : 'BOT_APP_ID'} is missing: in production the bot accepts only Bot Framework tokens for its own app registration. On Azure set BOT_APP_TYPE=UserAssignedMSI and BOT_APP_ID to the managed identity's client id (no secret).`,
    );
  }
}

/** Settings a deployment must have that a development run may leave out. */
function checkProduction(e: z.infer<typeof schema>): void {
  if (!e.PUBLIC_URL)
    throw new ConfigError(
      'PUBLIC_URL is missing: the https address of the server (links in channel cards, CORS, the bot endpoint).',
    );
  if (!e.PUBLIC_URL.startsWith('https://'))
    throw new ConfigError(`PUBLIC_URL must be an https address in production, not ${e.PUBLIC_URL.slice(0, 60)}.`);
}

/**
 * Parses the environment (with `env/.env.<PUI_ENV>` and its `.user` file when PUI_ENV is set).
 * Throws ConfigError naming each bad or missing variable.
 */
export function loadConfig(rawEnv: Record<string, string | undefined> = process.env): AppConfig {
  const env = rawEnv.PUI_ENV ? withEnvFiles(rawEnv, rawEnv.PUI_ENV) : rawEnv;
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const retention = retentionSettingsOf(env);
  // Sign-in is on when the API's app registration is named; AZURE_TENANT_ID alone may serve Graph.
  const wantsEntra = Boolean(e.API_CLIENT_ID || e.API_AUDIENCE.length);
  let auth: AuthConfig | undefined;
  if (wantsEntra) {
    if (!e.AZURE_TENANT_ID)
      throw new ConfigError('AZURE_TENANT_ID is missing: the Entra ID tenant (a GUID) whose tokens the API accepts.');
    const audiences = e.API_AUDIENCE.length
      ? e.API_AUDIENCE
      : e.API_CLIENT_ID
        ? [e.API_CLIENT_ID, `api://${e.API_CLIENT_ID}`]
        : [];
    if (audiences.length === 0)
      throw new ConfigError(
        'API_CLIENT_ID (or API_AUDIENCE) is missing: the app registration whose access tokens the API accepts.',
      );
    auth = {
      tenantId: e.AZURE_TENANT_ID,
      clientId: e.API_CLIENT_ID,
      audiences,
      issuers: e.AUTH_ISSUERS.length
        ? e.AUTH_ISSUERS
        : [
            `https://login.microsoftonline.com/${e.AZURE_TENANT_ID}/v2.0`,
            `https://sts.windows.net/${e.AZURE_TENANT_ID}/`,
          ],
      jwksUri: e.AUTH_JWKS_URI ?? `https://login.microsoftonline.com/${e.AZURE_TENANT_ID}/discovery/v2.0/keys`,
      dpoUserIds: e.DPO_USER_IDS,
      dpoGroupIds: e.DPO_GROUP_IDS,
      adminUserIds: e.ADMIN_USER_IDS,
    };
  }
  checkBotCredential(e, auth !== undefined);
  if (auth && e.NODE_ENV === 'production') checkProduction(e);
  if (!auth && e.NODE_ENV === 'production') {
    throw new ConfigError(
      'NODE_ENV=production without AZURE_TENANT_ID and API_CLIENT_ID: the local profile (dev identity, no sign-in) is refused in production.',
    );
  }
  if (!auth) refuseExposedLocalProfile(e);
  let sharePoint: SharePointConfig | undefined;
  if (e.STORE === 'sharepoint') {
    try {
      sharePoint = sharePointConfigFromEnv(env);
    } catch (error) {
      if (error instanceof SharePointConfigError) throw new ConfigError(error.message);
      throw error;
    }
  }
  return {
    nodeEnv: e.NODE_ENV,
    sharePoint,
    host: e.HOST,
    port: e.PORT,
    dbFile: e.PUI_DB,
    store: e.STORE,
    organisationName: e.ORGANISATION_NAME,
    organisation: {
      name: e.ORGANISATION_NAME,
      number: e.ORGANISATION_NUMBER,
      committee: e.COMMITTEE_NAME,
      dpo: { name: e.DPO_CONTACT_NAME, email: e.DPO_CONTACT_EMAIL, phone: e.DPO_CONTACT_PHONE },
    },
    organisationDomains: e.ORGANISATION_DOMAINS,
    letterTemplates: {
      ...(e.ART34_LETTER_TEMPLATE ? { sv: letterTemplate('ART34_LETTER_TEMPLATE', e.ART34_LETTER_TEMPLATE) } : {}),
      ...(e.ART34_LETTER_TEMPLATE_EN
        ? { en: letterTemplate('ART34_LETTER_TEMPLATE_EN', e.ART34_LETTER_TEMPLATE_EN) }
        : {}),
    },
    sendCheck: {
      enabled: e.SEND_CHECK === 'on',
      trustedExternalDomains: e.TRUSTED_EXTERNAL_DOMAINS.map((d) => d.toLowerCase().replace(/^@/, '')),
      sensitiveWords: e.SENSITIVE_WORDS.map((w) => w.toLowerCase()),
    },
    publicUrl: e.PUBLIC_URL,
    profile: auth ? 'entra' : 'local',
    auth,
    dpoUserIds: e.DPO_USER_IDS,
    dpoGroupIds: e.DPO_GROUP_IDS,
    logLevel: e.LOG_LEVEL,
    bot: {
      appId: e.BOT_APP_ID,
      appType:
        e.BOT_APP_TYPE ??
        (e.BOT_APP_ID ? ((e.BOT_TENANT_ID ?? e.AZURE_TENANT_ID) ? 'SingleTenant' : 'MultiTenant') : undefined),
      password: e.SECRET_BOT_PASSWORD,
      tenantId: e.BOT_TENANT_ID ?? e.AZURE_TENANT_ID,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
      tabUrl: e.TAB_URL,
      teamsAppId: e.TEAMS_APP_ID,
      channelLanguage: e.CHANNEL_LANGUAGE,
    },
    instance: { instanceId: e.WEBSITE_INSTANCE_ID, outboxLeaseMs: e.OUTBOX_LEASE_SECONDS * 1000 },
    reminders: {
      intervalSeconds: e.SCHEDULER_INTERVAL_SECONDS,
      dpoMentions: e.DPO_MENTIONS.length
        ? e.DPO_MENTIONS.map(mentionTarget)
        : e.DPO_USER_IDS.map((id) => ({
            id,
            name: e.CHANNEL_LANGUAGE === 'en' ? 'Data protection officer' : 'Dataskyddsombud',
          })),
    },
    reportRate: { burst: e.REPORT_RATE_BURST, refillMs: e.REPORT_RATE_REFILL_SECONDS * 1000 },
    retention,
    committeeTemplates: committeeTemplateSettingsOf(env),
  };
}
