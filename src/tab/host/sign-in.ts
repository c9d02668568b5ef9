/**
 * Sign-in inside Teams: nested app authentication (MSAL) where Teams recommends it, else
 * Teams SSO (`authentication.getAuthToken`). Either way the token goes to the API as Bearer.
 */
import type { TokenSource } from '../api/api-client';

/** The Entra ID settings NAA needs (from the page's `config.json`). */
export interface NaaSettings {
  clientId: string;
  authority: string;
  scopes: string[];
}

/** The parts of teams-js sign-in uses. */
export interface TeamsAuth {
  isNAAChannelRecommended(): boolean;
  getAuthToken(): Promise<string>;
}

/** A nested app authentication client: gives an access token for the API. */
export interface NaaClient {
  acquireToken(loginHint?: string): Promise<string>;
}

export type NaaFactory = (settings: NaaSettings) => Promise<NaaClient>;

export interface TeamsSignIn {
  teams: TeamsAuth;
  /** Absent when the installation has no config.json with auth: SSO only. */
  naa?: NaaSettings;
  loginHint?: string;
  createNaa: NaaFactory;
  /** Where a failed NAA attempt is reported before falling back. */
  warn?: (message: string, error: unknown) => void;
}

/** Which way tokens are fetched: `naa` when recommended and configured, else `sso`. */
export function signInMethod(options: Pick<TeamsSignIn, 'teams' | 'naa'>): 'naa' | 'sso' {
  return options.naa && options.teams.isNAAChannelRecommended() ? 'naa' : 'sso';
}

/**
 * A token source for the API inside Teams.
 * @remarks NAA failures other than the user cancelling fall back to SSO, which asks Teams for a
 * token for the app's own resource (webApplicationInfo in the manifest) and needs no config here.
 */
export function teamsTokenSource(options: TeamsSignIn): TokenSource {
  if (signInMethod(options) === 'sso') return () => options.teams.getAuthToken();
  let client: Promise<NaaClient> | undefined;
  return async () => {
    try {
      client ??= options.createNaa(options.naa!);
      return await (await client).acquireToken(options.loginHint);
    } catch (error) {
      client = undefined;
      options.warn?.('Nested app authentication failed; falling back to Teams SSO.', error);
      return options.teams.getAuthToken();
    }
  };
}
