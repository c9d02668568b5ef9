/**
 * The guided risk assessment: EDPB factors, ENISA score, a suggested level, and the DPO's
 * confirmed decision with a rationale.
 */
import { Button, Checkbox, Field, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { labelOf, RISK_LEVELS, type RiskLevel } from '../../domain/vocabulary';
import { displayTime } from '../components/time-input';
import { formatNumber, useLocale, useStrings } from '../i18n';
import { ChangeForm } from './change-form';
import {
  assessSeverity, initialFactors, type BreachLevel, type DataKind, type EaseOfIdentification, type SeverityFactors,
} from './enisa-severity';
import { incidentStrings } from './incident-strings';
import type { PanelProps } from './panel';
import { Section, useFormStyles } from './section';
import { useChange } from './use-change';

const useStyles = makeStyles({
  result: {
    border: `2px solid ${tokens.colorBrandStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase400, margin: 0 },
  strong: { fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0 0` },
});

const BREACH_LEVELS: BreachLevel[] = [0, 0.25, 0.5];
const EI_LEVELS: EaseOfIdentification[] = [0.25, 0.5, 0.75, 1];

/** The suggestion's words for a risk level. */
function riskWords(risk: RiskLevel, locale: 'sv' | 'en'): string {
  return labelOf(RISK_LEVELS, risk, locale);
}

/** The guided form on its own (also rendered by the component tests). */
export function AssessmentForm({ panel }: { panel: PanelProps }) {
  const { incident } = panel;
  const t = useStrings(incidentStrings).assessment;
  const locale = useLocale();
  const styles = useStyles();
  const form = useFormStyles();
  const [factors, setFactors] = useState<SeverityFactors>(() => initialFactors(incident));
  const [choice, setChoice] = useState<RiskLevel | undefined>();
  const [rationale, setRationale] = useState('');
  const change = useChange(incident, panel.onChanged);
  const severity = useMemo(() => assessSeverity(factors), [factors]);
  const decision = choice ?? severity.suggestion;
  const set = <K extends keyof SeverityFactors>(key: K, value: SeverityFactors[K]) => setFactors((f) => ({ ...f, [key]: value }));
  const n = (v: number) => formatNumber(v, locale);

  function submit() {
    return change.run('assessment', {
      risk: decision,
      rationale,
      severity: { dpc: severity.dpc, ei: severity.ei, cb: severity.cb, score: severity.score },
    });
  }

  const breachRadios = (key: 'confidentiality' | 'integrity' | 'availability', label: string, levels: string[]) => (
    <Field label={label}>
      <RadioGroup value={String(factors[key])} onChange={(_, d) => set(key, Number(d.value) as BreachLevel)}>
        {BREACH_LEVELS.map((level, i) => <Radio key={level} value={String(level)} label={`${levels[i]} (+${n(level)})`} />)}
      </RadioGroup>
    </Field>
  );

  return (
    <ChangeForm heading={t.heading} change={change} panel={panel} submitLabel={t.confirm} primary onSubmit={submit}>
      <p>{t.intro}</p>
      <fieldset className={form.fieldset}>
        <legend className={form.legend}>{t.breachLegend}</legend>
        {breachRadios('confidentiality', t.confidentiality, t.confidentialityLevels)}
        {breachRadios('integrity', t.integrity, t.integrityLevels)}
        {breachRadios('availability', t.availability, t.availabilityLevels)}
        <Checkbox label={`${t.malicious} (+${n(0.5)})`} checked={factors.malicious} onChange={(_, d) => set('malicious', d.checked === true)} />
      </fieldset>

      <fieldset className={form.fieldset}>
        <legend className={form.legend}>{t.dataLegend}</legend>
        <RadioGroup value={String(factors.dataKind)} onChange={(_, d) => set('dataKind', Number(d.value) as DataKind)} aria-label={t.dataLegend}>
          {t.dataKinds.map((label, i) => <Radio key={label} value={String(i + 1)} label={`${label} (${i + 1})`} />)}
        </RadioGroup>
      </fieldset>

      <fieldset className={form.fieldset}>
        <legend className={form.legend}>{t.contextLegend}</legend>
        <Checkbox label={t.vulnerablePeople} checked={factors.vulnerablePeople} onChange={(_, d) => set('vulnerablePeople', d.checked === true)} />
        <Checkbox label={t.severeConsequences} checked={factors.severeConsequences} onChange={(_, d) => set('severeConsequences', d.checked === true)} />
        <Checkbox label={t.largeVolume} checked={factors.largeVolume} onChange={(_, d) => set('largeVolume', d.checked === true)} />
        <Checkbox label={t.manyPeople} checked={factors.manyPeople} onChange={(_, d) => set('manyPeople', d.checked === true)} />
        <span className={form.muted}>{t.affected(incident.affectedCount)}</span>
        <Checkbox label={t.mitigated} checked={factors.mitigated} onChange={(_, d) => set('mitigated', d.checked === true)} />
      </fieldset>

      <fieldset className={form.fieldset}>
        <legend className={form.legend}>{t.eiLegend}</legend>
        <RadioGroup value={String(factors.ei)} onChange={(_, d) => set('ei', Number(d.value) as EaseOfIdentification)} aria-label={t.eiLegend}>
          {EI_LEVELS.map((level, i) => <Radio key={level} value={String(level)} label={`${t.eiLevels[i]} (${n(level)})`} />)}
        </RadioGroup>
      </fieldset>

      <div className={styles.result} role="status" aria-live="polite" aria-atomic="true" data-testid="severity-result">
        <p className={styles.formula}>{t.formula(n(severity.dpc), n(severity.ei), n(severity.cb), n(severity.score))}</p>
        <p className={styles.strong}>{t.band(t.bands[severity.band])}</p>
        <p className={styles.strong} data-testid="severity-suggestion">{t.suggestion(riskWords(severity.suggestion, locale))}</p>
      </div>

      <Field label={t.decision} required validationMessage={change.fieldErrors.risk}>
        <RadioGroup value={decision} onChange={(_, d) => setChoice(d.value as RiskLevel)}>
          {RISK_LEVELS.map((r) => <Radio key={r.id} value={r.id} label={locale === 'en' ? r.labelEn : r.label} />)}
        </RadioGroup>
      </Field>
      {decision !== severity.suggestion ? <p role="note" data-testid="departs">{t.departs}</p> : null}
      <Field label={t.rationale} required hint={t.rationaleHint} validationMessage={change.fieldErrors.rationale}>
        <Textarea value={rationale} rows={4} resize="vertical" onChange={(_, d) => setRationale(d.value)} />
      </Field>
    </ChangeForm>
  );
}

/** The assessment section: the current assessment, its duties, and the guided form. */
export function AssessmentPanel(panel: PanelProps) {
  const { incident, canEdit } = panel;
  const strings = useStrings(incidentStrings);
  const t = strings.assessment;
  const locale = useLocale();
  const form = useFormStyles();
  const [redo, setRedo] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const a = incident.assessment;
  const formPanel: PanelProps = {
    ...panel,
    onChanged: (next) => {
      setRedo(false);
      setJustSaved(true);
      panel.onChanged(next);
    },
  };
  return (
    <Section id="assessment" heading={t.heading}>
      {a ? (
        <div data-testid="current-assessment">
          <p><strong>{t.current}:</strong> {riskWords(a.risk, locale)}{a.severity ? ` (SE ${formatNumber(a.severity.score, locale)})` : ''}</p>
          <p style={{ whiteSpace: 'pre-wrap' }}>{a.rationale}</p>
          <p className={form.muted}>{t.assessedBy(a.assessedBy.name, displayTime(a.assessedAt))}</p>
          <h3>{t.dutiesHeading}</h3>
          <ul>
            <li>{a.risk === 'unlikely' ? t.dutyNoImy : t.dutyImy}</li>
            {a.risk === 'high' ? <li>{t.dutySubjects}</li> : null}
          </ul>
          {canEdit && !redo ? <Button onClick={() => { setRedo(true); setJustSaved(false); }}>{t.redo}</Button> : null}
        </div>
      ) : null}
      <p role="status" className={form.saved}>{justSaved && !redo ? strings.saved : ''}</p>
      {canEdit && (!a || redo) ? <AssessmentForm key={incident.assessment?.assessedAt ?? 'first'} panel={formPanel} /> : null}
    </Section>
  );
}
