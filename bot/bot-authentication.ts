/**
 * Checking the Bot Framework token on `POST /api/messages`, failing closed: a refused token is a
 * 401 and a token that cannot be checked (Bot Framework's OpenID metadata unreachable) a 503, both
 * with a fixed body; the cause is logged, never the token, and never sent back.
 * @remarks botbuilder's CloudAdapter answers such failures itself, with the error's message as the
 * body (`request to https://login.botframework.com/… failed`) and a 500 when the error is not its
 * own AuthenticationError (a network error, or jsonwebtoken's "invalid signature"). The check
 * itself stays botbuilder's (JwtTokenExtractor: issuer, signature, endorsements, audience = our app
 * id, the `serviceurl` claim); this module only reads its outcome.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Logger } from '../src/domain';
import type { TeamsBotConfig } from './services';

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/** Why a request's token did not pass. */
export type TokenCheckFailure = 'refused' | 'unavailable';

/**
 * The public Azure cloud's Bot Framework endpoints (botframework-connector's AuthenticationConstants).
 * botbuilder takes all of them from the configuration as soon as one is named, so naming the
 * OpenID metadata URL means naming the others too.
 */
const PUBLIC_CLOUD = {
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
} as const;

/** The botbuilder configuration for the bot's settings (empty in the local profile: no tokens). */
export function botAuthenticationOptions(config: TeamsBotConfig): ConfigurationBotFrameworkAuthenticationOptions {
  if (config.profile === 'local') return {};
  const credentials = {
    MicrosoftAppId: config.botAppId,
    // A managed identity has no password (botbuilder refuses one): its token comes from the
    // App Service identity endpoint (IDENTITY_ENDPOINT, IDENTITY_HEADER).
    MicrosoftAppPassword: config.botAppType === 'UserAssignedMSI' ? undefined : config.botPassword,
    MicrosoftAppTenantId: config.botTenantId,
    MicrosoftAppType: config.botAppType ?? (config.botTenantId ? 'SingleTenant' : 'MultiTenant'),
  };
  if (!config.openIdMetadataUrl) return credentials;
  return {
    ...credentials,
    ...PUBLIC_CLOUD,
    ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

/** Network failures, and botbuilder's own "Failed to load openID config/Keys: <status>" (an AuthenticationError with status 500). */
function isUnavailable(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown; statusCode?: unknown; type?: unknown };
  if (typeof e?.statusCode === 'number') return e.statusCode >= 500;
  return e?.name === 'FetchError' || e?.type === 'system' || (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code));
}

/** The outcome slot of the request being checked (one per request, across botbuilder's awaits). */
const current = new AsyncLocalStorage<{ failure?: TokenCheckFailure }>();

/** Thrown to botbuilder in place of the original error, so nothing of the cause reaches the answer. */
class TokenCheckFailed extends Error {
  readonly statusCode = 401;
  constructor(readonly failure: TokenCheckFailure) {
    super('Unauthorized');
    this.name = 'TokenCheckFailed';
  }
}

/** botbuilder's configuration-driven authentication, recording why a token did not pass. */
export class FailClosedBotAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    config: TeamsBotConfig,
    private readonly logger: Logger,
  ) {
    super(botAuthenticationOptions(config));
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      const failure: TokenCheckFailure = isUnavailable(error) ? 'unavailable' : 'refused';
      const e = error as { name?: unknown; code?: unknown; statusCode?: unknown; message?: unknown };
      // botbuilder's and jsonwebtoken's messages name the check that failed (an app id, an
      // endorsement, a URL), never the token; the header itself is not logged.
      const fields = {
        error: String(e?.name ?? 'Error'),
        code: typeof e?.code === 'string' ? e.code : null,
        status: typeof e?.statusCode === 'number' ? e.statusCode : null,
        cause: String(e?.message ?? '').slice(0, 200),
      };
      if (failure === 'unavailable')
        this.logger.error('bot token could not be checked: Bot Framework OpenID metadata unavailable', fields);
      else this.logger.warn('bot request refused: Bot Framework token not valid', fields);
      const slot = current.getStore();
      if (slot) slot.failure = failure;
      throw new TokenCheckFailed(failure);
    }
  }
}

/** Runs `process` (botbuilder's CloudAdapter.process) and tells whether the token check failed, and how. */
export async function checkingToken(process: () => Promise<void>): Promise<TokenCheckFailure | undefined> {
  const slot: { failure?: TokenCheckFailure } = {};
  await current.run(slot, process);
  return slot.failure;
}
