/**
 * The SharePoint store's settings, read from the environment: the site, the app-only
 * credential (client secret, certificate or managed identity) and the Graph endpoint.
 * @remarks `src/config.ts` owns the environment; it passes its validated `env` here when
 * `STORE=sharepoint`. Secrets come from `env/.env.<env>.user` with the `SECRET_` prefix.
 */
import { z } from 'zod';
import packageJson from '../../../package.json';

/** How the app proves who it is to Entra ID. */
export type SharePointCredentialConfig =
  | { kind: 'client-secret'; tenantId: string; clientId: string; secret: string }
  | { kind: 'certificate'; tenantId: string; clientId: string; certificatePath: string }
  | { kind: 'managed-identity'; clientId?: string };

export interface SharePointConfig {
  /** Graph site id (`contoso.sharepoint.com,<guid>,<guid>`); when absent, resolved from siteUrl. */
  siteId?: string;
  /** `https://contoso.sharepoint.com/sites/pui`. */
  siteUrl?: string;
  credential: SharePointCredentialConfig;
  /** Who runs this installation, for the User-Agent (`NONISV|<organisation>|PUIDesk/<version>`). */
  organisation: string;
  /** Graph root, default `https://graph.microsoft.com` (national clouds differ). */
  graphBaseUrl: string;
  /** Prefix of the list names (default `Pui`: `PuiIncidents`, `PuiIncidentEvents`, `PuiAppState`). */
  listPrefix: string;
  /** Upper bound of the time one operation waits for throttling to pass, in ms. */
  maxRetryWaitMs: number;
  /** Per-request timeout in ms. */
  requestTimeoutMs: number;
}

/** A SharePoint setting is missing or wrong; the message names the variable. */
export class SharePointConfigError extends Error {
  override readonly name = 'SharePointConfigError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** The variables this store reads, as a zod schema fragment `src/config.ts` may merge. */
export const sharePointEnvSchema = z.object({
  SHAREPOINT_SITE_ID: optional,
  SHAREPOINT_SITE_URL: optional.pipe(z.string().url().optional()),
  SHAREPOINT_AUTH: z.enum(['client-secret', 'certificate', 'managed-identity']).optional(),
  SHAREPOINT_LIST_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/, 'letters and digits, starting with a letter')
    .default('Pui'),
  SHAREPOINT_MAX_RETRY_WAIT_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
  SHAREPOINT_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  AZURE_TENANT_ID: optional,
  AZURE_CLIENT_ID: optional,
  SECRET_AZURE_CLIENT_SECRET: optional,
  AZURE_CLIENT_CERTIFICATE_PATH: optional,
  GRAPH_ORGANISATION: optional,
  ORGANISATION_NAME: optional,
  GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com'),
});

function need(value: string | undefined, name: string, what: string): string {
  if (!value) throw new SharePointConfigError(`${name} is missing: ${what}`);
  return value;
}

function guid(value: string | undefined, name: string, what: string): string {
  const v = need(value, name, what);
  if (!GUID.test(v)) throw new SharePointConfigError(`${name} must be a GUID: ${what}`);
  return v;
}

/** Reads the SharePoint settings; throws {@link SharePointConfigError} naming the variable to fix. */
export function sharePointConfigFromEnv(env: Readonly<Record<string, string | undefined>>): SharePointConfig {
  const parsed = sharePointEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new SharePointConfigError(`Invalid SharePoint configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  if (!e.SHAREPOINT_SITE_ID && !e.SHAREPOINT_SITE_URL) {
    throw new SharePointConfigError(
      'SHAREPOINT_SITE_ID is missing: the Graph id of the site that holds the lists (`npm run provision -- --site <url>` prints it). SHAREPOINT_SITE_URL also works.',
    );
  }
  const kind =
    e.SHAREPOINT_AUTH ??
    (e.SECRET_AZURE_CLIENT_SECRET ? 'client-secret' : e.AZURE_CLIENT_CERTIFICATE_PATH ? 'certificate' : undefined);
  if (!kind) {
    throw new SharePointConfigError(
      'No credential for Microsoft Graph: set SECRET_AZURE_CLIENT_SECRET (in env/.env.<env>.user), or AZURE_CLIENT_CERTIFICATE_PATH (a PEM with key and certificate), or SHAREPOINT_AUTH=managed-identity.',
    );
  }
  const tenant = 'the Entra ID tenant of the app registration.';
  const client = 'the application (client) id of the app registration granted Sites.Selected.';
  let credential: SharePointCredentialConfig;
  switch (kind) {
    case 'client-secret':
      credential = {
        kind,
        tenantId: guid(e.AZURE_TENANT_ID, 'AZURE_TENANT_ID', tenant),
        clientId: guid(e.AZURE_CLIENT_ID, 'AZURE_CLIENT_ID', client),
        secret: need(
          e.SECRET_AZURE_CLIENT_SECRET,
          'SECRET_AZURE_CLIENT_SECRET',
          'the client secret, in env/.env.<env>.user.',
        ),
      };
      break;
    case 'certificate':
      credential = {
        kind,
        tenantId: guid(e.AZURE_TENANT_ID, 'AZURE_TENANT_ID', tenant),
        clientId: guid(e.AZURE_CLIENT_ID, 'AZURE_CLIENT_ID', client),
        certificatePath: need(
          e.AZURE_CLIENT_CERTIFICATE_PATH,
          'AZURE_CLIENT_CERTIFICATE_PATH',
          'a PEM file with the private key and the certificate.',
        ),
      };
      break;
    case 'managed-identity':
      // A user-assigned identity is named by its client id; a system-assigned one needs none.
      credential = { kind, clientId: e.AZURE_CLIENT_ID };
      break;
  }
  return {
    siteId: e.SHAREPOINT_SITE_ID,
    siteUrl: e.SHAREPOINT_SITE_URL,
    credential,
    organisation: need(
      e.GRAPH_ORGANISATION ?? e.ORGANISATION_NAME,
      'GRAPH_ORGANISATION',
      'the organisation running PUI Desk, sent in the User-Agent as Microsoft asks.',
    ),
    graphBaseUrl: e.GRAPH_BASE_URL,
    listPrefix: e.SHAREPOINT_LIST_PREFIX,
    maxRetryWaitMs: e.SHAREPOINT_MAX_RETRY_WAIT_SECONDS * 1000,
    requestTimeoutMs: e.SHAREPOINT_REQUEST_TIMEOUT_SECONDS * 1000,
  };
}

/** This build's version, from package.json. */
export const PUI_DESK_VERSION: string = packageJson.version;

/**
 * The User-Agent Microsoft's throttling guidance asks ISV-less apps to send:
 * `NONISV|<organisation>|PUIDesk/<version>`.
 * @remarks Header values must be plain ASCII; `Malmö stad` becomes `Malmo-stad`.
 */
export function graphUserAgent(organisation: string, version = PUI_DESK_VERSION): string {
  const org = organisation
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `NONISV|${org || 'unknown'}|PUIDesk/${version}`;
}
