/**
 * Group membership from Microsoft Graph (`checkMemberGroups`) with the bot's own app credential.
 * @remarks Needs the application permission GroupMember.Read.All, admin-consented.
 */
import { ClientSecretCredential, type TokenCredential } from '@azure/identity';
import type { GroupMembership } from './dpo-directory';

export interface GraphMembershipConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Default `https://graph.microsoft.com`. */
  graphBaseUrl?: string;
}

/** A {@link GroupMembership} that asks Graph which of the groups the user is in (transitively). */
export function graphGroupMembership(
  config: GraphMembershipConfig,
  fetchImpl: typeof fetch = fetch,
  credential: Pick<TokenCredential, 'getToken'> = new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret),
): GroupMembership {
  const base = config.graphBaseUrl ?? 'https://graph.microsoft.com';
  return async (userObjectId, groupIds) => {
    const token = await credential.getToken(`${base}/.default`);
    if (!token) throw new Error('No token for Microsoft Graph');
    const response = await fetchImpl(`${base}/v1.0/users/${encodeURIComponent(userObjectId)}/checkMemberGroups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ groupIds: groupIds.slice(0, 20) }),
    });
    if (!response.ok) throw new Error(`Graph checkMemberGroups answered HTTP ${response.status}`);
    const body = (await response.json()) as { value?: unknown };
    return Array.isArray(body.value) ? body.value.filter((v): v is string => typeof v === 'string') : [];
  };
}
