/**
 * Sign-in for the task pane: nested app authentication (NAA) through @azure/msal-browser
 * where the Outlook client supports it; no token at all in the local profile.
 */
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { ClientConfig } from '../web/client-config';

/** The part of `Office.context.requirements` the pane reads. */
export interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Gives an access token for the API, or undefined in the local profile. */
export type TokenSource = () => Promise<string | undefined>;

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

/** Loads MSAL only when it is needed (the entra profile), keeping it out of the first JavaScript. */
export type MsalLoader = () => Promise<Pick<typeof import('@azure/msal-browser'), 'createNestablePublicClientApplication'>>;

const loadMsal: MsalLoader = () => import('@azure/msal-browser');

/** Gets a token silently, with a popup as the fallback when consent or sign-in is needed. */
async function acquire(pca: IPublicClientApplication, scopes: string[]): Promise<string> {
  try {
    return (await pca.acquireTokenSilent({ scopes })).accessToken;
  } catch (silentError) {
    const result = await pca.acquireTokenPopup({ scopes }).catch((popupError: unknown) => {
      throw popupError instanceof Error ? popupError : silentError;
    });
    return result.accessToken;
  }
}

/**
 * Signs in according to the profile. Local: no token, ever. Entra: NAA when the host
 * supports it, otherwise `unsupported` (the pane explains which Outlook versions work).
 */
export async function signIn(config: ClientConfig, requirements: RequirementsLike | undefined, msal: MsalLoader = loadMsal): Promise<SignInState> {
  if (config.profile === 'local') return { kind: 'local', getToken: async () => undefined };
  if (!config.auth || !naaSupported(requirements)) return { kind: 'unsupported' };
  const { clientId, authority, scopes } = config.auth;
  try {
    const { createNestablePublicClientApplication } = await msal();
    const pca = await createNestablePublicClientApplication({ auth: { clientId, authority } });
    await acquire(pca, scopes);
    return { kind: 'signed-in', getToken: () => acquire(pca, scopes) };
  } catch (error) {
    return { kind: 'failed', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
