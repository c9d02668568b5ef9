/**
 * Connecting the tab to Teams through a small port of teams-js, so the wiring (timeout, locale,
 * theme, deep link, sign-in) is testable without the SDK. {@link ./teams-host} supplies the SDK.
 */
import type { ClientConfig } from '../../web/client-config';
import { localeFrom } from '../i18n';
import { incidentFromUrl, themeNameFrom, type Host, type ThemeName } from './host-port';
import { teamsTokenSource, type NaaFactory } from '../../web/sign-in';

/** What the tab reads of the Teams context. */
export interface TeamsContext {
  app: { locale: string; theme?: string };
  page: { subPageId?: string };
  user?: { loginHint?: string };
}

/** The parts of teams-js the tab uses. */
export interface TeamsSdk {
  initialize(): Promise<void>;
  getContext(): Promise<TeamsContext>;
  registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  notifySuccess(): Promise<unknown>;
  isNAAChannelRecommended(): boolean;
  getAuthToken(): Promise<string>;
}

export interface ConnectOptions {
  /** The installation's config.json (NAA settings); undefined when there is none. */
  loadConfig: () => Promise<ClientConfig | undefined>;
  createNaa: NaaFactory;
  /** How long Teams gets to answer before the page carries on as a plain browser page. */
  timeoutMs?: number;
  warn?: (message: string, error: unknown) => void;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Connects through the SDK; undefined when the framing page is not a Teams host. */
export async function connectWith(win: Window, sdk: TeamsSdk, options: ConnectOptions): Promise<Host | undefined> {
  const warn = options.warn ?? ((message: string, error: unknown) => console.warn(`PUI Desk: ${message}`, error));
  try {
    await withTimeout(sdk.initialize(), options.timeoutMs ?? 10_000, 'Teams');
  } catch (error) {
    warn('not running in Teams; continuing as a plain browser page.', error);
    return undefined;
  }
  const context = await sdk.getContext();
  const config = await options.loadConfig();
  const listeners = new Set<(theme: ThemeName) => void>();
  sdk.registerOnThemeChangeHandler((theme) => listeners.forEach((l) => l(themeNameFrom(theme))));
  sdk.notifySuccess().catch((error: unknown) => warn('notifySuccess failed.', error));
  return {
    kind: 'teams',
    locale: localeFrom(context.app.locale),
    theme: themeNameFrom(context.app.theme),
    // A deep link's subPageId (or the card's ?incident=) names the incident to open.
    incident: context.page.subPageId?.trim() || incidentFromUrl(win),
    subscribeTheme(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // The local profile (e.g. the Agents Playground) needs no token; the server acts as the dev identity.
    token:
      config?.profile === 'local'
        ? undefined
        : teamsTokenSource({
            teams: sdk,
            naa: config?.auth,
            loginHint: context.user?.loginHint,
            createNaa: options.createNaa,
            warn: (message, error) => warn(message, error),
          }),
  };
}
