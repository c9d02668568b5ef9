/**
 * What to tell an administrator when Graph refuses: which credential or which grant is missing.
 * @remarks With `Sites.Selected` the app sees no site until an administrator grants it one.
 * Run time needs the `write` role on the site (read and write list items). Provisioning also
 * creates lists and columns, which SharePoint counts as managing lists: `write` is not enough
 * there, it needs `manage` (or `fullcontrol`) while it runs; afterwards the grant can go back
 * to `write`.
 */
import { GraphError } from './graph-error';

export type AccessPhase = 'run' | 'provision';

const GRANT = (siteId: string, role: string) =>
  `POST https://graph.microsoft.com/v1.0/sites/${siteId}/permissions {"roles":["${role}"],"grantedToIdentities":[{"application":{"id":"<AZURE_CLIENT_ID>","displayName":"PUI Desk"}}]}`;

/** A sentence an administrator can act on for a failed Graph call, or undefined if it is not about access. */
export function accessHint(error: unknown, phase: AccessPhase, site: string, siteId = '<site id>'): string | undefined {
  if (!(error instanceof GraphError)) return undefined;
  if (error.status === 0 && /Authentication|CredentialUnavailable/i.test(error.code ?? '')) {
    return 'Entra ID did not give the app a token: check AZURE_TENANT_ID, AZURE_CLIENT_ID and the credential (SECRET_AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or the managed identity).';
  }
  if (error.status === 401) {
    return 'Microsoft Graph refused the token (401): the app registration needs the Microsoft Graph application permission Sites.Selected with admin consent, and the token must be for this tenant (AZURE_TENANT_ID).';
  }
  if (error.status === 403) {
    const writing = /create|update|column|list\.create/i.test(error.operation);
    if (phase === 'provision' && writing) {
      return (
        `Microsoft Graph refused to create lists or columns (403 ${error.code ?? 'accessDenied'}): the app's Sites.Selected grant on ${site} has no "manage" role. ` +
        `Creating lists and columns needs the role "manage" (or "fullcontrol"); "write" only reads and writes items. A SharePoint administrator grants it with ${GRANT(siteId, 'manage')} ` +
        '(Sites.FullControl.All), and may set the role back to "write" once provisioning is done.'
      );
    }
    return (
      `Microsoft Graph refused access to ${site} (403 ${error.code ?? 'accessDenied'}): the app has no Sites.Selected grant with the role "write" on that site. ` +
      'The app registration needs the Microsoft Graph application permission Sites.Selected (admin consent), and a SharePoint administrator must grant the site: ' +
      `${GRANT(siteId, phase === 'provision' ? 'manage' : 'write')}.`
    );
  }
  if (error.status === 404 && error.operation === 'site.get') {
    return `There is no SharePoint site at ${site}, or the app may not see it. Give the site URL as shown in the browser (https://<tenant>.sharepoint.com/sites/<name>) or its Graph id.`;
  }
  return undefined;
}
