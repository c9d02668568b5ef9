/**
 * Who is a DPO in Teams: the domain's one rule ({@link rolesOf}) over what Microsoft Graph says
 * of the person (their DPO groups and app roles). In the local profile every Playground user is
 * a DPO, so a newcomer can try everything.
 */
import { rolesOf, type DirectoryFacts, type Logger, type Role, type RolePolicy } from '../src/domain';

/** What the directory (Microsoft Graph in production) says of a user. */
export interface DirectoryLookup {
  /** Which of `groupIds` the user is a member of (transitively). */
  memberGroups?(userObjectId: string, groupIds: readonly string[]): Promise<string[]>;
  /** The values of the app roles the user holds in PUI Desk's app registration (directly or through a group). */
  appRoles?(userObjectId: string): Promise<string[]>;
}

export interface DpoDirectoryConfig {
  profile: 'local' | 'entra';
  dpoUserIds: readonly string[];
  dpoGroupIds: readonly string[];
  adminUserIds?: readonly string[];
}

export interface DpoDirectory {
  /** The roles of the person with this Entra object id (just `reporter` without one). */
  rolesOf(userObjectId: string | undefined): Promise<Role[]>;
}

const CACHE_MS = 5 * 60_000;

/**
 * The directory from config and a lookup; what the lookup answered is cached five minutes per person.
 * @remarks Fails closed: a lookup that fails grants nothing from that source (and is not cached).
 */
export function dpoDirectory(
  config: DpoDirectoryConfig,
  logger: Logger,
  lookup: DirectoryLookup = {},
  now: () => number = Date.now,
): DpoDirectory {
  const policy: RolePolicy = {
    dpoUserIds: config.dpoUserIds,
    dpoGroupIds: config.dpoGroupIds,
    adminUserIds: config.adminUserIds ?? [],
  };
  const cache = new Map<string, { at: number; facts: DirectoryFacts }>();
  if (config.profile === 'entra' && config.dpoGroupIds.length > 0 && !lookup.memberGroups) {
    logger.warn(
      'DPO groups are configured but there is no way to look up group membership; group members are not DPOs in Teams',
    );
  }
  const ask = async <T>(what: string, question: () => Promise<T>, otherwise: T): Promise<{ value: T; ok: boolean }> => {
    try {
      return { value: await question(), ok: true };
    } catch (error) {
      logger.error(`${what} lookup failed`, { error: (error as Error).name });
      return { value: otherwise, ok: false };
    }
  };
  const factsOf = async (userId: string): Promise<DirectoryFacts> => {
    const cached = cache.get(userId);
    if (cached && now() - cached.at < CACHE_MS) return cached.facts;
    const groups =
      config.dpoGroupIds.length > 0 && lookup.memberGroups
        ? await ask('group membership', () => lookup.memberGroups!(userId, config.dpoGroupIds), [] as string[])
        : { value: [], ok: true };
    const appRoles = lookup.appRoles
      ? await ask('app role', () => lookup.appRoles!(userId), [] as string[])
      : { value: [], ok: true };
    const facts = { userId, groupIds: groups.value, appRoles: appRoles.value };
    if (groups.ok && appRoles.ok) cache.set(userId, { at: now(), facts });
    return facts;
  };
  return {
    async rolesOf(userObjectId) {
      if (config.profile === 'local') return ['reporter', 'dpo'];
      if (!userObjectId) return ['reporter'];
      // By user id alone: no need to ask Graph.
      const byId = rolesOf({ userId: userObjectId, groupIds: [], appRoles: [] }, policy);
      if (byId.includes('dpo')) return byId;
      return rolesOf(await factsOf(userObjectId), policy);
    },
  };
}
