/** The half-year report for the committee: the numbers, and charts by cause and by month. */
import { Field, Select, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CAUSES } from '../../domain/causes';
import { inRegisterPeriod } from '../../domain/register-report';
import type { Incident, RegisterReport } from '../../web/api-contract';
import { useApi } from '../api/pui-api';
import { commonStrings } from '../common-strings';
import { LoadError } from '../components/load-error';
import { useLocale, useStrings } from '../i18n';
import { Section } from '../incident/section';
import { BarChart } from './bar-chart';
import { CommitteeReportDownload } from './committee-report-download';
import { countByMonth, halfYearKey, parseHalfYearKey, periodOf, recentHalfYears, type HalfYear } from './half-year';
import { monthLabel, registerStrings } from './register-strings';
import { useRegisterStyles } from './register-styles';

interface Loaded {
  key: string;
  report: RegisterReport;
  incidents: Incident[];
}

/** The report and the period's incidents for the chosen half-year. */
function useHalfYearReport(periodKey: string, fallback: HalfYear) {
  const api = useApi();
  const [report, setReport] = useState<Loaded | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const load = useCallback(() => {
    setError(undefined);
    const { from, to } = periodOf(parseHalfYearKey(periodKey) ?? fallback);
    Promise.all([api.registerReport(from, to), api.allIncidents(false)]).then(
      ([r, all]) =>
        setReport({ key: periodKey, report: r, incidents: all.items.filter((i) => inRegisterPeriod(i, { from, to })) }),
      setError,
    );
  }, [api, periodKey, fallback]);
  useEffect(load, [load]);
  return { current: report?.key === periodKey ? report : undefined, error, load };
}

function ReportFigures({ current, half }: { current: Loaded; half: HalfYear }) {
  const t = useStrings(registerStrings);
  const locale = useLocale();
  const styles = useRegisterStyles();
  return (
    <>
      <dl className={styles.numbers} aria-live="polite">
        <div>
          <dt>{t.total}</dt>
          <dd data-testid="register-total">{current.report.total}</dd>
        </div>
        <div>
          <dt>{t.reported}</dt>
          <dd data-testid="register-reported">{current.report.reportedToAuthority}</dd>
        </div>
        <div>
          <dt>{t.unlikely}</dt>
          <dd>{current.report.assessedUnlikelyRisk}</dd>
        </div>
        <div>
          <dt>{t.unassessed}</dt>
          <dd data-testid="register-unassessed">{current.report.unassessed}</dd>
        </div>
      </dl>
      <BarChart
        caption={t.byCause}
        labelHeader={t.cause}
        valueHeader={t.count}
        testId="chart-by-cause"
        bars={[
          ...CAUSES.map((c) => ({
            key: c.id,
            label: locale === 'en' ? c.labelEn : c.label,
            value: current.report.byCause[c.id] ?? 0,
          })),
          { key: 'unspecified', label: t.unspecified, value: current.report.byCause.unspecified ?? 0 },
        ]}
      />
      <BarChart
        caption={t.byMonth}
        labelHeader={t.month}
        valueHeader={t.count}
        testId="chart-by-month"
        bars={countByMonth(current.incidents, half).map((m) => ({
          key: m.month,
          label: monthLabel(t.months, m.month),
          value: m.count,
        }))}
      />
    </>
  );
}

export function ReportSection() {
  const t = useStrings(registerStrings);
  const common = useStrings(commonStrings);
  const styles = useRegisterStyles();
  const halves = useMemo(() => recentHalfYears(new Date()), []);
  const [periodKey, setPeriodKey] = useState(halfYearKey(halves[0]));
  const half = parseHalfYearKey(periodKey) ?? halves[0];
  const { current, error, load } = useHalfYearReport(periodKey, halves[0]);
  return (
    <Section id="report" heading={t.report}>
      <Field label={t.period} className={styles.period}>
        <Select value={periodKey} onChange={(_, d) => setPeriodKey(d.value)}>
          {halves.map((h) => (
            <option key={halfYearKey(h)} value={halfYearKey(h)}>
              {t.half(h)}
            </option>
          ))}
        </Select>
      </Field>
      {error ? <LoadError error={error} onRetry={load} /> : null}
      {!current && !error ? <Spinner label={common.loading} /> : null}
      <CommitteeReportDownload period={periodOf(half)} />
      {current ? <ReportFigures current={current} half={half} /> : null}
    </Section>
  );
}
