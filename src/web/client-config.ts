/**
 * The settings of the browser pages (tab and Outlook task pane), read at start from `config.json`
 * next to the page (the server writes it from its validated config; it holds no secrets).
 */

/** Entra ID settings for nested app authentication. */
export interface ClientAuthConfig {
  /** The app registration the add-in signs in with. */
  clientId: string;
  /** `https://login.microsoftonline.com/<tenant id>`. */
  authority: string;
  /** The API's scopes, e.g. `api://<client id>/access_as_user`. */
  scopes: string[];
}

/** What the task pane needs to know about the installation. */
export interface ClientConfig {
  /** `local`: no tenant, no token, the server acts as the dev identity. `entra`: sign in with NAA. */
  profile: 'local' | 'entra';
  organisationName: string;
  /** Mail domains inside the organisation; recipients elsewhere are external. */
  organisationDomains: string[];
  /** The Outlook add-in's check on Send; the event runtime gets the same settings with its script. */
  sendCheck?: { enabled: boolean; trustedExternalDomains: string[]; sensitiveWords: string[] };
  auth?: ClientAuthConfig;
}

/** A config.json that cannot be used. */
export class ClientConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClientConfigError';
  }
}

function strings(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new ClientConfigError(`${field} must be a list of strings.`);
  return value as string[];
}

function sendCheckOf(value: unknown): NonNullable<ClientConfig['sendCheck']> {
  if (value === undefined) return { enabled: true, trustedExternalDomains: [], sensitiveWords: [] };
  if (typeof value !== 'object' || value === null) throw new ClientConfigError('sendCheck must be an object.');
  const v = value as Record<string, unknown>;
  if (v.enabled !== undefined && typeof v.enabled !== 'boolean')
    throw new ClientConfigError('sendCheck.enabled must be true or false.');
  return {
    enabled: v.enabled !== false,
    trustedExternalDomains: strings(v.trustedExternalDomains, 'sendCheck.trustedExternalDomains'),
    sensitiveWords: strings(v.sensitiveWords, 'sendCheck.sensitiveWords'),
  };
}

/** Validates a parsed config.json. Throws {@link ClientConfigError} naming the bad field. */
export function parseClientConfig(raw: unknown): ClientConfig {
  if (typeof raw !== 'object' || raw === null) throw new ClientConfigError('config.json must hold an object.');
  const r = raw as Record<string, unknown>;
  if (r.profile !== 'local' && r.profile !== 'entra')
    throw new ClientConfigError('profile must be "local" or "entra".');
  const config: ClientConfig = {
    profile: r.profile,
    organisationName:
      typeof r.organisationName === 'string' && r.organisationName.trim() ? r.organisationName.trim() : 'Kommunen',
    organisationDomains: strings(r.organisationDomains, 'organisationDomains'),
    sendCheck: sendCheckOf(r.sendCheck),
  };
  if (r.profile === 'entra') {
    const a = r.auth as Record<string, unknown> | undefined;
    if (
      !a ||
      typeof a.clientId !== 'string' ||
      !a.clientId ||
      typeof a.authority !== 'string' ||
      !/^https:\/\//.test(a.authority)
    ) {
      throw new ClientConfigError(
        'profile "entra" needs auth.clientId and auth.authority (https://login.microsoftonline.com/<tenant>).',
      );
    }
    const scopes = strings(a.scopes, 'auth.scopes');
    config.auth = {
      clientId: a.clientId,
      authority: a.authority,
      scopes: scopes.length ? scopes : [`api://${a.clientId}/access_as_user`],
    };
  }
  return config;
}

/** Fetches and validates `config.json` relative to the page. */
export async function loadClientConfig(pageUrl: string, fetchImpl: typeof fetch = fetch): Promise<ClientConfig> {
  const response = await fetchImpl(new URL('config.json', pageUrl).toString(), {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new ClientConfigError(`config.json: HTTP ${response.status}`);
  return parseClientConfig(await response.json());
}
