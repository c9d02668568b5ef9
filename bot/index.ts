/**
 * The Teams bot, assembled: CloudAdapter at `/api/messages`, the routes, and the card poster
 * (the ChannelPoster port) that the delivery loop in src/use-cases posts through. Every
 * botbuilder import stays inside `bot/`.
 */
import { CloudAdapter, type Request as BotRequest, type Response as BotResponse } from 'botbuilder';
import { stackFrames, type ChannelPoster, type Logger } from '../src/domain';
import type { UseCaseDeps } from '../src/use-cases';
import { checkingToken, FailClosedBotAuthentication, type TokenCheckFailure } from './bot-authentication';
import { cloudAdapterGateway, type ConversationGateway } from './conversation-gateway';
import { dpoDirectory, type DirectoryLookup } from './dpo-directory';
import { graphDirectory } from './graph-directory';
import { ConversationPacer } from './pacer';
import { PuiBot } from './pui-bot';
import { SOMETHING_WENT_WRONG } from './replies';
import type { BotServices, TeamsBotConfig } from './services';
import { TeamsCardPoster } from './teams-card-poster';

export type { TeamsBotConfig } from './services';
export { REPORT_MESSAGE_COMMAND } from './handlers/message-action';

export interface TeamsBotOptions {
  /** The use-case ports, as src/main.ts composed them (the bot adds nothing to them). */
  deps: UseCaseDeps;
  config: TeamsBotConfig;
  logger: Logger;
  /** Posts to the DPO channel; default: through the CloudAdapter (tests pass a fake). */
  gateway?: ConversationGateway;
  /** Default: Teams' per-conversation limits on the deps' clock with real waiting. */
  pacer?: ConversationPacer;
  /** What the directory says of a person (DPO groups, app roles); default: Microsoft Graph with the bot's credential (entra profile). */
  directoryLookup?: DirectoryLookup;
}

export interface TeamsBot {
  /** The express handler for POST /api/messages. */
  handle(req: unknown, res: unknown): Promise<void>;
  /** Posts incident cards into Teams: give it to the delivery loop (src/use-cases/delivery-loop.ts). */
  poster: ChannelPoster;
  /** The routes, for botbuilder's TestAdapter. */
  bot: PuiBot;
  adapter: CloudAdapter;
}

/** Checks the bot's settings for the profile; throws naming what is missing. */
export function checkBotConfig(config: TeamsBotConfig): void {
  if (
    config.profile === 'entra' &&
    (!config.botAppId || (config.botAppType !== 'UserAssignedMSI' && !config.botPassword))
  ) {
    throw new Error(
      'BOT_APP_ID with SECRET_BOT_PASSWORD (or BOT_APP_TYPE=UserAssignedMSI) is required outside the local profile: the bot accepts only Bot Framework tokens for its own app id.',
    );
  }
  new URL(config.tabUrl);
}

function createAdapter(config: TeamsBotConfig, logger: Logger): CloudAdapter {
  const adapter = new CloudAdapter(new FailClosedBotAuthentication(config, logger));
  adapter.onTurnError = async (context, error) => {
    // Name and frames only: the message (and the stack's first line, which repeats it) may quote what a person wrote.
    logger.error('bot turn failed', {
      activityType: context.activity?.type,
      name: context.activity?.name ?? null,
      error: (error as Error)?.name,
      stack: stackFrames(error),
    });
    if (context.activity?.type !== 'message') return;
    await context.sendActivity(SOMETHING_WENT_WRONG).catch((replyError: unknown) => {
      // The turn already failed; the user's client shows no answer, which is all that is left to do.
      logger.warn('bot could not say that the turn failed', { error: (replyError as Error)?.name ?? null });
    });
  };
  return adapter;
}

/** The part of express's response the bot endpoint writes. */
interface ExpressResponse {
  headersSent?: boolean;
  status(code: number): ExpressResponse;
  setHeader(name: string, value: string): unknown;
  json(body: unknown): unknown;
  send(body: unknown): unknown;
  end(): unknown;
}

/** The fixed answers when the token check failed, or botbuilder failed otherwise: nothing of the cause. */
const REFUSED = {
  status: 401,
  body: {
    error: { code: 'unauthenticated', message: 'The request carries no valid Bot Framework token for this bot.' },
  },
};
const UNAVAILABLE = {
  status: 503,
  body: {
    error: {
      code: 'auth_unavailable',
      message: 'The Bot Framework token cannot be checked right now. Try again later.',
    },
  },
};
const FAILED = {
  status: 500,
  body: { error: { code: 'internal_error', message: 'The bot could not handle the request.' } },
};

/**
 * What CloudAdapter.process answers, held back until it is done: its error answers carry the
 * error's message, so those are replaced by fixed ones; everything else (200, invoke answers) goes out as is.
 */
class BufferedResponse {
  private code = 200;
  private body: unknown;
  private readonly headers: [string, string][] = [];

  status(code: number): this {
    this.code = code;
    return this;
  }

  header(name: string, value: string): this {
    this.headers.push([name, value]);
    return this;
  }

  send(body: unknown): this {
    this.body = body;
    return this;
  }

  end(): this {
    return this;
  }

  writeTo(res: ExpressResponse, failure: TokenCheckFailure | undefined): void {
    if (res.headersSent) return;
    const fixed =
      failure === 'unavailable'
        ? UNAVAILABLE
        : failure === 'refused' || this.code === 401
          ? REFUSED
          : this.code >= 500
            ? FAILED
            : undefined;
    if (fixed) {
      if (fixed === UNAVAILABLE) res.setHeader('Retry-After', '30');
      res.status(fixed.status).json(fixed.body);
      return;
    }
    for (const [name, value] of this.headers) res.setHeader(name, value);
    res.status(this.code);
    if (this.body === undefined) res.end();
    else res.send(this.body);
  }
}

/** Builds the bot. It posts only when the delivery loop asks its poster to. */
export function createTeamsBot(options: TeamsBotOptions): TeamsBot {
  const { config, logger, deps } = options;
  checkBotConfig(config);
  const adapter = createAdapter(config, logger);
  const gateway = options.gateway ?? cloudAdapterGateway(adapter, config.botAppId ?? '');
  const now = () => deps.clock.now().getTime();
  const pacer = options.pacer ?? new ConversationPacer({ now });
  const poster = new TeamsCardPoster({
    gateway,
    pacer,
    now,
    tabUrl: () => config.tabUrl,
    teamsAppId: config.teamsAppId,
    locale: config.channelLocale,
  });

  const wantsLookup = config.dpoGroupIds.length > 0 || Boolean(config.appRolesAppId);
  const managedIdentity = config.botAppType === 'UserAssignedMSI';
  const lookup =
    options.directoryLookup ??
    (config.profile === 'entra' &&
    wantsLookup &&
    config.botTenantId &&
    config.botAppId &&
    (config.botPassword || managedIdentity)
      ? graphDirectory({
          tenantId: config.botTenantId,
          clientId: config.botAppId,
          clientSecret: managedIdentity ? undefined : config.botPassword,
          appRolesAppId: config.appRolesAppId,
        })
      : undefined);
  const services: BotServices = { deps, logger, config, directory: dpoDirectory(config, logger, lookup) };
  const bot = new PuiBot(services);

  return {
    handle: async (req, res) => {
      const response = res as ExpressResponse;
      const answer = new BufferedResponse();
      let failure: TokenCheckFailure | undefined;
      try {
        failure = await checkingToken(() =>
          adapter.process(req as BotRequest, answer as unknown as BotResponse, (context) => bot.run(context)),
        );
      } catch (error) {
        // botbuilder checks the activity's shape before its own error handling: a malformed
        // activity is the caller's error, a 400.
        const e = error as Error;
        if (e?.name !== 'ZodError' && !String(e?.message).startsWith('validateAndFixActivity()')) throw error;
        if (!response.headersSent) response.status(400).end();
        return;
      }
      answer.writeTo(response, failure);
    },
    poster,
    bot,
    adapter,
  };
}
