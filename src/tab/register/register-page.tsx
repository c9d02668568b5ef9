/**
 * The register: the checks as a to-do list, the half-year report for the committee with charts
 * by cause and by month, and the export of the whole register as CSV or Excel.
 */
import { Field, Link, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { CAUSES } from '../../domain/causes';
import { maskPersonalData } from '../../domain/identity-number';
import { inRegisterPeriod } from '../../domain/register-report';
import { REGISTER_CHECKS } from '../../domain/register-checks';
import { labelOf } from '../../domain/vocabulary';
import type { FindingsRow, Incident, RegisterReport } from '../api/api-types';
import { useApi } from '../api/pui-api';
import { commonStrings } from '../common-strings';
import { LoadError } from '../components/load-error';
import { PageHeading } from '../components/page-heading';
import { statusLabel } from '../components/status-text';
import { useLocale, useStrings, type Localized } from '../i18n';
import { hrefOf } from '../routing';
import { Section } from '../incident/section';
import { BarChart } from './bar-chart';
import { countByMonth, halfYearKey, parseHalfYearKey, periodOf, recentHalfYears, type HalfYear } from './half-year';

const sv = {
  title: 'Registret',
  intro: 'Alla incidenter dokumenteras, anmälda eller inte (artikel 33.5). Här ser du vad som behöver granskas, sammanställningen till nämnden och exporten av registret.',
  todo: (n: number) => (n === 0 ? 'Att granska' : `Att granska (${n})`),
  todoIntro: 'Registerkontrollerna flaggar det som ser fel ut. Inget rättas automatiskt – öppna incidenten och åtgärda.',
  todoNone: 'Inget att granska just nu.',
  report: 'Halvårsrapport till nämnden',
  period: 'Period',
  half: (h: HalfYear) => `${h.year} ${h.half === 1 ? 'januari–juni' : 'juli–december'}`,
  total: 'Incidenter',
  reported: 'Anmälda till tillsynsmyndighet',
  unlikely: 'Bedömda som osannolik risk',
  unassessed: 'Risken inte bedömd',
  anomalies: 'Att granska i perioden',
  byCause: 'Incidenter per orsak',
  byMonth: 'Incidenter per månad (upptäckt)',
  cause: 'Orsak',
  month: 'Månad',
  count: 'Antal',
  unspecified: 'Ingen orsak angiven',
  export: 'Exportera registret',
  exportIntro: 'Hela registret med kolumnerna som kommunens register har. Filen innehåller personuppgifter: spara den bara där registret får finnas.',
  csv: 'Ladda ner som CSV',
  xlsx: 'Ladda ner som Excel (XLSX)',
  downloading: 'Hämtar filen…',
  months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
};
const en: typeof sv = {
  title: 'Register',
  intro: 'Every incident is documented, notified or not (article 33(5)). Here is what needs review, the summary for the committee and the export of the register.',
  todo: (n: number) => (n === 0 ? 'To review' : `To review (${n})`),
  todoIntro: 'The register checks flag what looks wrong. Nothing is fixed automatically – open the incident and act.',
  todoNone: 'Nothing to review right now.',
  report: 'Half-year report to the committee',
  period: 'Period',
  half: (h: HalfYear) => `${h.year} ${h.half === 1 ? 'January–June' : 'July–December'}`,
  total: 'Incidents',
  reported: 'Reported to a supervisory authority',
  unlikely: 'Assessed as unlikely risk',
  unassessed: 'Risk not assessed',
  anomalies: 'To review in the period',
  byCause: 'Incidents by cause',
  byMonth: 'Incidents by month (discovered)',
  cause: 'Cause',
  month: 'Month',
  count: 'Number',
  unspecified: 'No cause given',
  export: 'Export the register',
  exportIntro: 'The whole register with the columns of the municipal register. The file holds personal data: keep it only where the register may be kept.',
  csv: 'Download as CSV',
  xlsx: 'Download as Excel (XLSX)',
  downloading: 'Fetching the file…',
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const strings: Localized<typeof sv> = { sv, en };

const useStyles = makeStyles({
  page: { maxWidth: '60rem', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  todo: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  numbers: {
    display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))', gap: tokens.spacingHorizontalM, margin: 0,
    '& > div': { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM },
    '& dt': { color: tokens.colorNeutralForeground2 }, '& dd': { margin: 0, fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  },
  period: { maxWidth: '18rem' },
  links: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap', alignItems: 'center' },
});

/** Saves a blob under a file name (the link's own download, with the API's credentials). */
function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function RegisterPage() {
  const api = useApi();
  const locale = useLocale();
  const t = useStrings(strings);
  const common = useStrings(commonStrings);
  const styles = useStyles();
  const halves = useMemo(() => recentHalfYears(new Date()), []);
  const [periodKey, setPeriodKey] = useState(halfYearKey(halves[0]));
  const half = parseHalfYearKey(periodKey) ?? halves[0];
  const [findings, setFindings] = useState<FindingsRow[] | undefined>();
  const [findingsError, setFindingsError] = useState<Error | undefined>();
  const [report, setReport] = useState<{ key: string; report: RegisterReport; incidents: Incident[] } | undefined>();
  const [reportError, setReportError] = useState<Error | undefined>();
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | undefined>();
  const [exportError, setExportError] = useState<Error | undefined>();

  const loadFindings = useCallback(() => {
    setFindingsError(undefined);
    api.registerFindings().then(setFindings, setFindingsError);
  }, [api]);
  useEffect(loadFindings, [loadFindings]);

  const loadReport = useCallback(() => {
    setReportError(undefined);
    const { from, to } = periodOf(parseHalfYearKey(periodKey) ?? halves[0]);
    Promise.all([api.registerReport(from, to), api.allIncidents(false)]).then(
      ([r, all]) => setReport({ key: periodKey, report: r, incidents: all.items.filter((i) => inRegisterPeriod(i, { from, to })) }),
      setReportError,
    );
  }, [api, periodKey, halves]);
  useEffect(loadReport, [loadReport]);

  async function download(event: MouseEvent, format: 'csv' | 'xlsx') {
    event.preventDefault();
    setExporting(format);
    setExportError(undefined);
    try {
      const { blob, filename } = await api.exportRegister(format);
      save(blob, filename ?? `pui-register.${format}`);
    } catch (error) {
      setExportError(error as Error);
    } finally {
      setExporting(undefined);
    }
  }

  const monthName = (month: string) => `${t.months[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
  const current = report?.key === periodKey ? report : undefined;

  return (
    <div className={styles.page}>
      <div>
        <PageHeading title={t.title}>{t.title}</PageHeading>
        <p>{t.intro}</p>
      </div>

      <Section id="todo" heading={t.todo(findings?.length ?? 0)}>
        <p>{t.todoIntro}</p>
        {findingsError ? <LoadError error={findingsError} onRetry={loadFindings} /> : null}
        {!findings && !findingsError ? <Spinner label={common.loading} /> : null}
        {findings && findings.length === 0 ? <p>{t.todoNone}</p> : null}
        {findings && findings.length > 0 ? (
          <ul className={styles.todo} data-testid="register-todo">
            {findings.map((row) => (
              <li key={row.incident.id}>
                <Link href={hrefOf({ page: 'incident', id: row.incident.number })}>{row.incident.number}</Link> {maskPersonalData(row.incident.title)} ({statusLabel(row.incident.status, locale)}):{' '}
                {row.findings.map((f) => labelOf(REGISTER_CHECKS, f, locale)).join('; ')}
              </li>
            ))}
          </ul>
        ) : null}
      </Section>

      <Section id="report" heading={t.report}>
        <Field label={t.period} className={styles.period}>
          <Select value={periodKey} onChange={(_, d) => setPeriodKey(d.value)}>
            {halves.map((h) => <option key={halfYearKey(h)} value={halfYearKey(h)}>{t.half(h)}</option>)}
          </Select>
        </Field>
        {reportError ? <LoadError error={reportError} onRetry={loadReport} /> : null}
        {!current && !reportError ? <Spinner label={common.loading} /> : null}
        {current ? (
          <>
            <dl className={styles.numbers} aria-live="polite">
              <div><dt>{t.total}</dt><dd data-testid="register-total">{current.report.total}</dd></div>
              <div><dt>{t.reported}</dt><dd data-testid="register-reported">{current.report.reportedToAuthority}</dd></div>
              <div><dt>{t.unlikely}</dt><dd>{current.report.assessedUnlikelyRisk}</dd></div>
              <div><dt>{t.unassessed}</dt><dd data-testid="register-unassessed">{current.report.unassessed}</dd></div>
            </dl>
            <BarChart
              caption={t.byCause}
              labelHeader={t.cause}
              valueHeader={t.count}
              testId="chart-by-cause"
              bars={[
                ...CAUSES.map((c) => ({ key: c.id, label: locale === 'en' ? c.labelEn : c.label, value: current.report.byCause[c.id] ?? 0 })),
                { key: 'unspecified', label: t.unspecified, value: current.report.byCause.unspecified ?? 0 },
              ]}
            />
            <BarChart
              caption={t.byMonth}
              labelHeader={t.month}
              valueHeader={t.count}
              testId="chart-by-month"
              bars={countByMonth(current.incidents, half).map((m) => ({ key: m.month, label: monthName(m.month), value: m.count }))}
            />
          </>
        ) : null}
      </Section>

      <Section id="export" heading={t.export}>
        <p>{t.exportIntro}</p>
        <div className={styles.links}>
          <Link href={api.exportUrl('csv')} download onClick={(e) => void download(e, 'csv')}>{t.csv}</Link>
          <Link href={api.exportUrl('xlsx')} download onClick={(e) => void download(e, 'xlsx')}>{t.xlsx}</Link>
          {exporting ? <Spinner size="tiny" label={t.downloading} /> : null}
        </div>
        {exportError ? (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{exportError.message}</MessageBarBody>
          </MessageBar>
        ) : null}
      </Section>
    </div>
  );
}
