/** What the bot's handlers share: the use-case ports, the bot's settings and the DPO directory. */
import type { Locale, Logger } from '../src/domain';
import type { UseCaseDeps } from '../src/use-cases';
import type { DpoDirectory } from './dpo-directory';

/** The bot's settings (from src/config.ts). */
export interface TeamsBotConfig {
  /** `local`: no Bot Framework tokens, everyone is DPO (Agents Playground). `entra`: tokens for `botAppId` only. */
  profile: 'local' | 'entra';
  botAppId?: string;
  /** `UserAssignedMSI`: the managed identity (botAppId is its client id, no password). */
  botAppType?: 'UserAssignedMSI' | 'SingleTenant' | 'MultiTenant';
  botPassword?: string;
  /** Single-tenant bots name their tenant; without it the bot is multi-tenant. */
  botTenantId?: string;
  /**
   * Where Bot Framework's OpenID metadata for channel tokens is read; default botbuilder's
   * (`https://login.botframework.com/v1/.well-known/openidconfiguration`). Tests point it at a loopback double.
   */
  openIdMetadataUrl?: string;
  dpoUserIds: string[];
  dpoGroupIds: string[];
  adminUserIds?: string[];
  /** The app registration whose app roles (`DPO`, `Admin`) count, as they do in the API's tokens: API_CLIENT_ID. */
  appRolesAppId?: string;
  /** The tab's address; DPO cards link to incidents there. */
  tabUrl: string;
  /** The Teams app id (manifest `id`), for deep links into the tab. */
  teamsAppId?: string;
  /** The DPO channel's language (CHANNEL_LANGUAGE): its cards, their notices, reminders and digests. Default Swedish. */
  channelLocale?: Locale;
}

export interface BotServices {
  /** The use-case ports, as src/main.ts composed them. */
  deps: UseCaseDeps;
  logger: Logger;
  config: TeamsBotConfig;
  directory: DpoDirectory;
}
