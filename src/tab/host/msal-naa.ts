/** Nested app authentication with @azure/msal-browser; loaded only inside a host that recommends NAA. */
import { createNestablePublicClientApplication, InteractionRequiredAuthError } from '@azure/msal-browser';
import type { NaaClient, NaaSettings } from './sign-in';

/** Creates the NAA client: silent first, a popup only when Entra ID asks for interaction. */
export async function createNaaClient(settings: NaaSettings): Promise<NaaClient> {
  const pca = await createNestablePublicClientApplication({ auth: { clientId: settings.clientId, authority: settings.authority } });
  return {
    async acquireToken(loginHint) {
      const request = { scopes: settings.scopes, loginHint };
      try {
        return (await pca.acquireTokenSilent(request)).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        return (await pca.acquireTokenPopup(request)).accessToken;
      }
    },
  };
}
