/**
 * What Microsoft Graph says of a user, with the bot's own app credential: which DPO groups they
 * are in (`checkMemberGroups`) and which of PUI Desk's app roles they hold (`appRoleAssignments`).
 * @remarks Needs the application permissions GroupMember.Read.All (groups) and Directory.Read.All
 * (app role assignments), admin-consented.
 */
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { DirectoryLookup } from './dpo-directory';

export interface GraphDirectoryConfig {
  tenantId: string;
  clientId: string;
  /** Absent: the user-assigned managed identity whose client id is `clientId` (on Azure). */
  clientSecret?: string;
  /** The app registration whose app roles make DPOs (the API's, API_CLIENT_ID); no app-role lookup without it. */
  appRolesAppId?: string;
  /** Default `https://graph.microsoft.com`. */
  graphBaseUrl?: string;
}

/** A Graph call that did not answer 2xx. */
export class GraphLookupError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
  ) {
    super(`Graph ${operation} answered HTTP ${status}`);
    this.name = 'GraphLookupError';
  }
}

/** Pages of app role assignments read at most for one person (100 a page). */
const MAX_PAGES = 10;

interface ServicePrincipal {
  id: string;
  /** App role id → value. */
  roles: Map<string, string>;
}

/** A {@link DirectoryLookup} over Microsoft Graph v1.0. */
export function graphDirectory(
  config: GraphDirectoryConfig,
  fetchImpl: typeof fetch = fetch,
  credential: Pick<TokenCredential, 'getToken'> = config.clientSecret
    ? new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret)
    : new ManagedIdentityCredential({ clientId: config.clientId }),
): DirectoryLookup {
  const base = config.graphBaseUrl ?? 'https://graph.microsoft.com';
  const call = async (operation: string, url: string, init: RequestInit = {}): Promise<Record<string, unknown>> => {
    const token = await credential.getToken(`${base}/.default`);
    if (!token) throw new Error('No token for Microsoft Graph');
    const response = await fetchImpl(url, {
      ...init,
      headers: { authorization: `Bearer ${token.token}`, ...(init.headers as Record<string, string> | undefined) },
    });
    if (!response.ok) throw new GraphLookupError(operation, response.status);
    return (await response.json()) as Record<string, unknown>;
  };
  // The service principal's id and its app roles change only with the app registration: read once per process.
  let servicePrincipal: Promise<ServicePrincipal> | undefined;
  const servicePrincipalOf = (appId: string): Promise<ServicePrincipal> => {
    servicePrincipal ??= call(
      'servicePrincipal',
      `${base}/v1.0/servicePrincipals(appId='${encodeURIComponent(appId)}')?$select=id,appRoles`,
    )
      .then((body) => {
        const roles = new Map<string, string>();
        for (const role of Array.isArray(body.appRoles) ? body.appRoles : []) {
          const r = role as { id?: unknown; value?: unknown; isEnabled?: unknown };
          if (typeof r.id === 'string' && typeof r.value === 'string' && r.isEnabled !== false)
            roles.set(r.id, r.value);
        }
        if (typeof body.id !== 'string') throw new GraphLookupError('servicePrincipal', 200);
        return { id: body.id, roles };
      })
      .catch((error: unknown) => {
        servicePrincipal = undefined; // ask again next time
        throw error;
      });
    return servicePrincipal;
  };
  return {
    async memberGroups(userObjectId, groupIds) {
      const body = await call(
        'checkMemberGroups',
        `${base}/v1.0/users/${encodeURIComponent(userObjectId)}/checkMemberGroups`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ groupIds: groupIds.slice(0, 20) }),
        },
      );
      return Array.isArray(body.value) ? body.value.filter((v): v is string => typeof v === 'string') : [];
    },
    appRoles: config.appRolesAppId
      ? async (userObjectId) => {
          const sp = await servicePrincipalOf(config.appRolesAppId!);
          const values = new Set<string>();
          // Also lists the roles assigned to groups the user is a direct member of; `eventual` for complete results (Graph docs).
          let url: string | undefined =
            `${base}/v1.0/users/${encodeURIComponent(userObjectId)}/appRoleAssignments?$select=appRoleId,resourceId&$top=100&$count=true`;
          for (let page = 0; url && page < MAX_PAGES; page++) {
            const body = await call('appRoleAssignments', url, { headers: { consistencylevel: 'eventual' } });
            for (const item of Array.isArray(body.value) ? body.value : []) {
              const a = item as { appRoleId?: unknown; resourceId?: unknown };
              const value =
                typeof a.appRoleId === 'string' && a.resourceId === sp.id ? sp.roles.get(a.appRoleId) : undefined;
              if (value) values.add(value);
            }
            const next = body['@odata.nextLink'];
            url = typeof next === 'string' && next.startsWith(`${base}/`) ? next : undefined;
          }
          return [...values];
        }
      : undefined,
  };
}
