/** The DPO summarises the register for the committee: counts and the list for a period. */
import { Forbidden, isDpo, type Caller, type Incident } from '../domain';
import {
  buildRegisterReport,
  inRegisterPeriod,
  validateRegisterPeriod,
  type RegisterPeriod,
  type RegisterReport,
} from '../domain/register-report';
import type { UseCaseDeps } from './deps';
import { loadRegister } from './export-register';

/** The report and the incidents it counts (discovered in the period, register order). */
export interface RegisterSummary {
  report: RegisterReport;
  incidents: Incident[];
}

/**
 * Counts the incidents discovered in the period (DPO only).
 * @throws ValidationError for a bad period, before anything is read.
 */
export async function summariseRegister(
  deps: Pick<UseCaseDeps, 'store'>,
  caller: Caller,
  period: RegisterPeriod = {},
): Promise<RegisterSummary> {
  if (!isDpo(caller))
    throw new Forbidden(
      'Bara dataskyddsombudet kan ta fram sammanställningen av registret.',
      'Only the data protection officer can summarise the register.',
    );
  validateRegisterPeriod(period);
  const incidents = (await loadRegister(deps.store)).filter((i) => inRegisterPeriod(i, period));
  return { report: buildRegisterReport(incidents, period), incidents };
}
