/**
 * The summary a DPO brings to the committee (nämnd) twice a year: how many incidents in the
 * period, how many reported to IMY, by cause, what to look at, and the list.
 */
import { CAUSES, causeLabel, type CauseId } from './causes';
import { issue, ValidationError, type FieldIssue } from './errors';
import { maskPersonalDataOneLine } from './identity-number';
import { unlikelyRisk, type Incident } from './incident';
import {
  occurredAfterDiscovered,
  REGISTER_CHECKS,
  reportedDespiteUnlikelyRisk,
  riskButNotReported,
} from './register-checks';
import { formatStockholm, parseStockholmLocal, stockholmDate } from './stockholm-time';
import { labelOf } from './vocabulary';

/** A period of discovery dates in Stockholm time, `YYYY-MM-DD`, both bounds inclusive; absent = open. */
export interface RegisterPeriod {
  from?: string;
  to?: string;
}

/** The register summary. Its JSON form is fixed (issue 2): keys and their order are part of it. */
export interface RegisterReport {
  period: { from: string | null; to: string | null };
  total: number;
  /** "Reported to a supervisory authority" answered yes. */
  reportedToAuthority: number;
  /** "Is it unlikely that it caused a risk" answered yes. */
  assessedUnlikelyRisk: number;
  /** That question left blank. */
  unassessed: number;
  byCause: Record<CauseId | 'unspecified', number>;
  anomalies: {
    occurredAfterDiscovered: number;
    riskButNotReported: number;
    reportedDespiteUnlikelyRisk: number;
  };
}

/** What the report reads of an incident. */
export type ReportedIncident = Pick<
  Incident,
  'discoveredAt' | 'occurredAt' | 'awareAt' | 'assessment' | 'imyNotice' | 'reportedToAuthority' | 'cause'
> &
  Partial<Pick<Incident, 'linkedTo'>>;

/**
 * Whether an incident counts in the register's figures: a report linked to a main incident is the
 * same event reported again, so it counts in none of them (not in `total`, `reportedToAuthority`,
 * `assessedUnlikelyRisk`, `unassessed`, `byCause` or `anomalies`), and the list shows it on its
 * main's row instead. The main counts once, in the period of its own discovery.
 */
export function countsInRegister(incident: Partial<Pick<Incident, 'linkedTo'>>): boolean {
  return !incident.linkedTo;
}

/** What the Markdown list shows of an incident. */
export type ListedIncident = ReportedIncident & Pick<Incident, 'number' | 'title'>;

/** The numbers of the reports linked to each main incident among `incidents`, in number order. */
export function linkedNumbersByMain(incidents: readonly ListedIncident[]): Map<string, string[]> {
  const byMain = new Map<string, string[]>();
  for (const i of [...incidents].sort((a, b) => a.number.localeCompare(b.number))) {
    if (i.linkedTo) byMain.set(i.linkedTo.number, [...(byMain.get(i.linkedTo.number) ?? []), i.number]);
  }
  return byMain;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a period: real dates `YYYY-MM-DD`, from not after to. Throws {@link ValidationError}. */
export function validateRegisterPeriod(period: RegisterPeriod): void {
  const issues: FieldIssue[] = [];
  for (const [field, sv, en] of [
    ['from', 'Startdatum (--from)', 'Start date (--from)'],
    ['to', 'Slutdatum (--to)', 'End date (--to)'],
  ] as const) {
    const value = period[field];
    if (value !== undefined && (!DATE.test(value) || !parseStockholmLocal(value))) {
      issues.push(
        issue(
          field,
          'invalid_date',
          `${sv} ska vara ett datum som ÅÅÅÅ-MM-DD, till exempel 2024-06-30.`,
          `${en} must be a date as YYYY-MM-DD, e.g. 2024-06-30.`,
        ),
      );
    }
  }
  if (issues.length === 0 && period.from && period.to && period.from > period.to) {
    issues.push(
      issue(
        'to',
        'period_reversed',
        `Perioden slutar (${period.to}) före den börjar (${period.from}). Byt plats på datumen.`,
        `The period ends (${period.to}) before it starts (${period.from}). Swap the dates.`,
      ),
    );
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/** True when the incident was discovered within the period (Stockholm calendar dates, inclusive). */
export function inRegisterPeriod(incident: Pick<Incident, 'discoveredAt'>, period: RegisterPeriod): boolean {
  const day = stockholmDate(incident.discoveredAt);
  return (!period.from || day >= period.from) && (!period.to || day <= period.to);
}

/**
 * Counts the incidents discovered in the period (no bounds: all).
 * @throws ValidationError when a bound is not a date or the period is reversed.
 */
export function buildRegisterReport(
  incidents: readonly ReportedIncident[],
  period: RegisterPeriod = {},
): RegisterReport {
  validateRegisterPeriod(period);
  const byCause = Object.fromEntries([
    ...CAUSES.map((c) => [c.id, 0]),
    ['unspecified', 0],
  ]) as RegisterReport['byCause'];
  const report: RegisterReport = {
    period: { from: period.from ?? null, to: period.to ?? null },
    total: 0,
    reportedToAuthority: 0,
    assessedUnlikelyRisk: 0,
    unassessed: 0,
    byCause,
    anomalies: { occurredAfterDiscovered: 0, riskButNotReported: 0, reportedDespiteUnlikelyRisk: 0 },
  };
  for (const i of incidents) {
    if (!inRegisterPeriod(i, period) || !countsInRegister(i)) continue;
    report.total += 1;
    if (i.reportedToAuthority === true) report.reportedToAuthority += 1;
    const unlikely = unlikelyRisk(i);
    if (unlikely === true) report.assessedUnlikelyRisk += 1;
    if (unlikely === null) report.unassessed += 1;
    byCause[i.cause ?? 'unspecified'] += 1;
    if (occurredAfterDiscovered(i)) report.anomalies.occurredAfterDiscovered += 1;
    if (riskButNotReported(i)) report.anomalies.riskButNotReported += 1;
    if (reportedDespiteUnlikelyRisk(i)) report.anomalies.reportedDespiteUnlikelyRisk += 1;
  }
  return report;
}

/**
 * A table cell of text a person typed: one line, pipes escaped, and neither a link (`[x](url)`)
 * nor HTML (`<img …>`) once the report is rendered, e.g. in the committee's minutes.
 */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\]\s*\(/g, '] (')
    .replace(/</g, '&lt;')
    .trim();
}

function periodText(period: RegisterReport['period']): string {
  if (period.from && period.to) return `${period.from} – ${period.to}`;
  if (period.from) return `från och med ${period.from}`;
  if (period.to) return `till och med ${period.to}`;
  return 'hela registret';
}

function riskText(i: ReportedIncident): string {
  if (!i.assessment) return 'Ej bedömd';
  return { unlikely: 'Osannolik', risk: 'Risk', high: 'Hög risk' }[i.assessment.risk];
}

/**
 * The report as a readable Swedish Markdown document, with a table of the incidents in the period.
 * @remarks Titles are shown with identity numbers and e-mail addresses masked: the report goes to
 * a committee, wider than the register. Descriptions are never included.
 */
export function renderRegisterReportMarkdown(report: RegisterReport, incidents: readonly ListedIncident[]): string {
  const period = { from: report.period.from ?? undefined, to: report.period.to ?? undefined };
  const linked = linkedNumbersByMain(incidents);
  const listed = incidents
    .filter((i) => inRegisterPeriod(i, period) && countsInRegister(i))
    .sort((a, b) => Date.parse(a.discoveredAt) - Date.parse(b.discoveredAt) || a.number.localeCompare(b.number));
  const checkLabel = (id: (typeof REGISTER_CHECKS)[number]['id']) => labelOf(REGISTER_CHECKS, id);
  const lines = [
    '# Personuppgiftsincidenter – sammanställning',
    '',
    `Period (upptäckt): ${periodText(report.period)}`,
    '',
    '| | Antal |',
    '|---|---:|',
    `| Incidenter | ${report.total} |`,
    `| Anmälda till tillsynsmyndighet | ${report.reportedToAuthority} |`,
    `| Bedömda som osannolik risk | ${report.assessedUnlikelyRisk} |`,
    `| Risken inte bedömd | ${report.unassessed} |`,
    '',
    '## Orsaker',
    '',
    '| Orsak | Antal |',
    '|---|---:|',
    ...CAUSES.map((c) => `| ${causeLabel(c.id)} | ${report.byCause[c.id]} |`),
    `| Ingen orsak angiven | ${report.byCause.unspecified} |`,
    '',
    '## Att granska',
    '',
    '| Iakttagelse | Antal |',
    '|---|---:|',
    `| ${checkLabel('occurred-after-discovered')} | ${report.anomalies.occurredAfterDiscovered} |`,
    `| ${checkLabel('risk-but-not-reported')} | ${report.anomalies.riskButNotReported} |`,
    `| ${checkLabel('reported-despite-unlikely-risk')} | ${report.anomalies.reportedDespiteUnlikelyRisk} |`,
    '',
    '## Incidenter',
    '',
  ];
  if (listed.length === 0) {
    lines.push('Inga incidenter upptäcktes under perioden.');
  } else {
    lines.push('| Nummer | Rubrik | Upptäckt | Orsak | Risk | Anmäld |', '|---|---|---|---|---|---|');
    for (const i of listed) {
      const reported = i.reportedToAuthority === true ? 'Ja' : i.reportedToAuthority === false ? 'Nej' : 'Ej besvarat';
      const also = linked.get(i.number);
      const number = also ? `${i.number} (länkade: ${also.join(', ')})` : i.number;
      lines.push(
        `| ${cell(number)} | ${cell(maskPersonalDataOneLine(i.title))} | ${formatStockholm(i.discoveredAt)} | ${i.cause ? cell(causeLabel(i.cause)) : 'Ej angiven'} | ${riskText(i)} | ${reported} |`,
      );
    }
  }
  lines.push(
    '',
    'Tider i svensk tid (Europe/Stockholm). Personnummer och e-postadresser i rubrikerna är maskerade. En rapport som är länkad till en huvudincident räknas med den och visas på dess rad.',
    '',
  );
  return lines.join('\n');
}
