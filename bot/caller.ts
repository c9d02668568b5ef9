/** The person behind a Teams activity, as a use-case caller with roles. */
import type { Activity } from 'botbuilder';
import type { Caller } from '../src/domain';
import type { DpoDirectory } from './dpo-directory';

/**
 * The caller: the Entra object id (`aadObjectId`) when Teams sends it, else the Teams user id;
 * roles as the directory gives them (the domain's rule, as for the API).
 */
export async function callerOf(activity: Pick<Activity, 'from'>, directory: DpoDirectory): Promise<Caller> {
  const from = activity.from ?? { id: 'unknown', name: '' };
  const id = from.aadObjectId || from.id;
  return { id, name: from.name?.trim() || 'Okänd användare', roles: await directory.rolesOf(from.aadObjectId) };
}
