/**
 * The one sign-in of the browser pages: nested app authentication (NAA, @azure/msal-browser) in
 * the Outlook task pane and in Teams, with Teams SSO (`authentication.getAuthToken`) as the tab's
 * fallback; no token at all in the local profile. Either way the token goes to the API as Bearer.
 * @remarks MSAL is loaded only when a page signs in with NAA, keeping it out of the first script.
 */
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { ClientAuthConfig, ClientConfig } from './client-config';

/** Gives the access token for the API, or undefined where none is needed (local profile). */
export type TokenSource = () => Promise<string | undefined>;

/** The Entra ID settings NAA needs (from the page's `config.json`). */
export type NaaSettings = ClientAuthConfig;

/** A nested app authentication client: gives an access token for the API. */
export interface NaaClient {
  acquireToken(loginHint?: string): Promise<string>;
}

export type NaaFactory = (settings: NaaSettings) => Promise<NaaClient>;

/** Loads MSAL (the real one in the pages; a double in tests). */
export type MsalLoader = () => Promise<
  Pick<typeof import('@azure/msal-browser'), 'createNestablePublicClientApplication'>
>;

const loadMsal: MsalLoader = () => import('./msal.js');

/** MSAL's codes for "a person has to act" (consent, sign-in): only these are worth a popup. */
const INTERACTION = /interaction_required|consent_required|login_required/;

function needsInteraction(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { errorCode?: unknown }).errorCode;
  return (
    error.name === 'InteractionRequiredAuthError' || INTERACTION.test(typeof code === 'string' ? code : error.message)
  );
}

/** Gets a token silently, with a popup when Entra ID asks for interaction. */
async function acquire(pca: IPublicClientApplication, scopes: string[], loginHint?: string): Promise<string> {
  const request = loginHint ? { scopes, loginHint } : { scopes };
  try {
    return (await pca.acquireTokenSilent(request)).accessToken;
  } catch (error) {
    if (!needsInteraction(error)) throw error;
    return (await pca.acquireTokenPopup(request)).accessToken;
  }
}

/** Creates the NAA client: silent first, a popup only when Entra ID asks for interaction. */
export async function createNaaClient(settings: NaaSettings, msal: MsalLoader = loadMsal): Promise<NaaClient> {
  const { createNestablePublicClientApplication } = await msal();
  const pca = await createNestablePublicClientApplication({
    auth: { clientId: settings.clientId, authority: settings.authority },
  });
  return { acquireToken: (loginHint) => acquire(pca, settings.scopes, loginHint) };
}

// ---------------------------------------------------------------------------------------------
// Teams (the tab)
// ---------------------------------------------------------------------------------------------

/** The parts of teams-js sign-in uses. */
export interface TeamsAuth {
  isNAAChannelRecommended(): boolean;
  getAuthToken(): Promise<string>;
}

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
 * @remarks NAA failures fall back to SSO, which asks Teams for a token for the app's own resource
 * (webApplicationInfo in the manifest) and needs no config here.
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

// ---------------------------------------------------------------------------------------------
// Outlook (the task pane)
// ---------------------------------------------------------------------------------------------

/** The part of `Office.context.requirements` the pane reads. */
export interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The outcome of signing in. */
export type SignInState =
  | { kind: 'local'; getToken: TokenSource }
  | { kind: 'signed-in'; getToken: TokenSource }
  | { kind: 'unsupported' }
  | { kind: 'failed'; detail: string };

/** True when the Outlook client supports NAA (`NestedAppAuth 1.1`). */
export function naaSupported(requirements: RequirementsLike | undefined): boolean {
  try {
    return Boolean(requirements?.isSetSupported('NestedAppAuth', '1.1'));
  } catch {
    // Older Office.js builds throw for unknown requirement sets: that is "not supported".
    return false;
  }
}

/**
 * Signs the task pane in according to the profile. Local: no token, ever. Entra: NAA when the
 * host supports it (a first token is fetched at once, so a failure shows before the form is
 * filled in), otherwise `unsupported` (the pane explains which Outlook versions work).
 */
export async function signIn(
  config: ClientConfig,
  requirements: RequirementsLike | undefined,
  msal: MsalLoader = loadMsal,
): Promise<SignInState> {
  if (config.profile === 'local') return { kind: 'local', getToken: async () => undefined };
  if (!config.auth || !naaSupported(requirements)) return { kind: 'unsupported' };
  try {
    const client = await createNaaClient(config.auth, msal);
    await client.acquireToken();
    return { kind: 'signed-in', getToken: () => client.acquireToken() };
  } catch (error) {
    return { kind: 'failed', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
