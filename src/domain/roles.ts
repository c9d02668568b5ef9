/**
 * Who holds which role in PUI Desk: the one rule for every entry point. The API reads the facts
 * from the caller's access token; the bot asks Microsoft Graph for the same facts.
 */
import type { Role } from './person';

/** Who the organisation made DPO or admin (from config: DPO_USER_IDS, DPO_GROUP_IDS, ADMIN_USER_IDS). */
export interface RolePolicy {
  dpoUserIds: readonly string[];
  dpoGroupIds: readonly string[];
  adminUserIds: readonly string[];
}

/** What is known of a person's standing in the directory. */
export interface DirectoryFacts {
  /** The Entra object id. */
  userId: string;
  /** Groups the person is a member of (at least those of the policy that they are in). */
  groupIds: readonly string[];
  /** The values of the app roles assigned to them in PUI Desk's app registration (aad.manifest.json). */
  appRoles: readonly string[];
}

/** The app role values that make a DPO and an admin (aad.manifest.json: `DPO`, `Admin`; `PUI.`-prefixed values are accepted too). */
const DPO_APP_ROLE = /^(PUI\.)?DPO$/i;
const ADMIN_APP_ROLE = /^(PUI\.)?Admin$/i;

/**
 * The roles a person holds: everyone reports; a DPO by user id, by a DPO group or by the DPO
 * app role; an admin by user id or by the Admin app role.
 * @remarks An admin is not a DPO by this rule alone; the use cases let admins do what DPOs do
 * ({@link isDpo} in person.ts).
 */
export function rolesOf(facts: DirectoryFacts, policy: RolePolicy): Role[] {
  const roles: Role[] = ['reporter'];
  const dpo =
    policy.dpoUserIds.includes(facts.userId) ||
    facts.groupIds.some((g) => policy.dpoGroupIds.includes(g)) ||
    facts.appRoles.some((r) => DPO_APP_ROLE.test(r));
  if (dpo) roles.push('dpo');
  if (policy.adminUserIds.includes(facts.userId) || facts.appRoles.some((r) => ADMIN_APP_ROLE.test(r)))
    roles.push('admin');
  return roles;
}
