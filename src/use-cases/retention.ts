/** Retention (*gallring*): what a retention run would cull (the run itself is not built yet). */
import { dueForCulling, Forbidden, isDpo, type Caller, type DueForCulling, type RetentionPolicy } from '../domain';
import type { UseCaseDeps } from './deps';
import { allIncidents } from './export-register';

/** The incidents due for culling at `asOf` under `policy`, earliest due first (DPO only). */
export async function listDueForCulling(
  deps: Pick<UseCaseDeps, 'store'>,
  caller: Caller,
  policy: RetentionPolicy,
  asOf: Date,
): Promise<DueForCulling[]> {
  if (!isDpo(caller))
    throw new Forbidden(
      'Bara dataskyddsombudet kan gallra registret.',
      'Only the data protection officer can cull the register.',
    );
  if (policy.kind === 'keep') return [];
  const incidents = [];
  for await (const incident of allIncidents(deps.store)) incidents.push(incident);
  return dueForCulling(incidents, policy, asOf);
}
