/** The person behind a Teams activity, as a use-case caller with roles. */
import type { Activity } from 'botbuilder';
import type { Caller, Role } from '../src/domain';
import type { DpoDirectory } from './dpo-directory';

/**
 * The caller: the Entra object id (`aadObjectId`) when Teams sends it, else the Teams user id;
 * DPO when the directory says so.
 */
export async function callerOf(activity: Pick<Activity, 'from'>, directory: DpoDirectory): Promise<Caller> {
  const from = activity.from ?? { id: 'unknown', name: '' };
  const id = from.aadObjectId || from.id;
  const roles: Role[] = ['reporter'];
  if (await directory.isDpo(from.aadObjectId)) roles.push('dpo');
  return { id, name: from.name?.trim() || 'Okänd användare', roles };
}
