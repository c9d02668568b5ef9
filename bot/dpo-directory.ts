/**
 * Who is a DPO in Teams: Entra object ids and groups from config. In the local profile every
 * Playground user is, so a newcomer can try everything.
 */
import type { Logger } from '../src/domain';

/** Answers which of `groupIds` a user is a member of (Microsoft Graph in production). */
export type GroupMembership = (userObjectId: string, groupIds: readonly string[]) => Promise<string[]>;

export interface DpoDirectoryConfig {
  profile: 'local' | 'entra';
  dpoUserIds: readonly string[];
  dpoGroupIds: readonly string[];
  adminUserIds?: readonly string[];
}

export interface DpoDirectory {
  /** True when the person with this Entra object id may act as DPO. */
  isDpo(userObjectId: string | undefined): Promise<boolean>;
}

const CACHE_MS = 5 * 60_000;

/** The directory from config; group membership is asked for (and cached five minutes) only when groups are configured. */
export function dpoDirectory(config: DpoDirectoryConfig, logger: Logger, groupMembership?: GroupMembership, now: () => number = Date.now): DpoDirectory {
  const cache = new Map<string, { at: number; member: boolean }>();
  if (config.profile === 'entra' && config.dpoGroupIds.length > 0 && !groupMembership) {
    logger.warn('DPO groups are configured but there is no way to look up group membership; only DPO_USER_IDS count');
  }
  return {
    async isDpo(userObjectId) {
      if (config.profile === 'local') return true;
      if (!userObjectId) return false;
      if (config.dpoUserIds.includes(userObjectId) || (config.adminUserIds ?? []).includes(userObjectId)) return true;
      if (config.dpoGroupIds.length === 0 || !groupMembership) return false;
      const cached = cache.get(userObjectId);
      if (cached && now() - cached.at < CACHE_MS) return cached.member;
      try {
        const member = (await groupMembership(userObjectId, config.dpoGroupIds)).length > 0;
        cache.set(userObjectId, { at: now(), member });
        return member;
      } catch (error) {
        // Fail closed: without an answer nobody gets DPO rights from a group.
        logger.error('group membership lookup failed', { error: (error as Error).name });
        return false;
      }
    },
  };
}
