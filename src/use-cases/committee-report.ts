/** The DPO takes out the committee report (tjänsteskrivelse) for a period. */
import { accessRecord, DEFAULT_ORGANISATION, Forbidden, isDpo, type Caller, type Locale } from '../domain';
import { countsInRegister } from '../domain/register-report';
import { committeeReportContent, validateCaseNumber, type CommitteeReportContent } from '../domain/committee-report';
import { validateRegisterPeriod, type RegisterPeriod } from '../domain/register-report';
import type { UseCaseDeps } from './deps';
import { summariseRegister } from './summarise-register';

/** What the DPO asks for: the period, the ärendebeteckning typed in, the language. */
export interface CommitteeReportAsk {
  period: RegisterPeriod;
  caseNumber?: string;
  lang: Locale;
}

/** The document's name in the access log. */
export const COMMITTEE_REPORT_TARGET = 'committee-report.docx';

/** The file name of the document for a period (`redovisning-pui-2026-01-01--2026-06-30.docx`). */
export function committeeReportFilename(period: RegisterPeriod, lang: Locale): string {
  const span = [period.from ?? '', period.to ?? ''].some(Boolean) ? `-${period.from ?? ''}--${period.to ?? ''}` : '';
  return `${lang === 'en' ? 'committee-report-pdb' : 'redovisning-pui'}${span}.docx`;
}

/**
 * What the memo says for the period (DPO only), from the register summary (`summariseRegister`,
 * the figures of `report --format json`). The caller's name is the handläggare. The document
 * taken out is recorded in the access log (who, when, which document; never its content).
 * @throws ValidationError for a bad period or case number, before anything is read; Forbidden.
 */
export async function committeeReport(
  deps: Pick<UseCaseDeps, 'store' | 'clock'> &
    Partial<Pick<UseCaseDeps, 'access' | 'newId' | 'organisation' | 'committeeTemplates'>>,
  caller: Caller,
  ask: CommitteeReportAsk,
): Promise<CommitteeReportContent> {
  if (!isDpo(caller))
    throw new Forbidden(
      'Bara dataskyddsombudet kan ta fram redovisningen till nämnden.',
      'Only the data protection officer can take out the committee report.',
    );
  validateRegisterPeriod(ask.period);
  const caseNumber = validateCaseNumber(ask.caseNumber);
  const summary = await summariseRegister(deps, caller, ask.period);
  const now = deps.clock.now();
  // A report linked to a main incident counts with its main (issue 16): the memo's appendix, its
  // chart and its count of late notices leave it out, as the figures do, so they agree.
  const content = committeeReportContent(
    { ...summary, incidents: summary.incidents.filter(countsInRegister) },
    deps.organisation ?? DEFAULT_ORGANISATION,
    { lang: ask.lang, date: now, caseNumber, officer: caller.name },
    deps.committeeTemplates?.[ask.lang],
  );
  if (deps.access && deps.newId)
    deps.access.record(accessRecord(deps.newId(), now, caller, 'document', null, COMMITTEE_REPORT_TARGET));
  return content;
}
