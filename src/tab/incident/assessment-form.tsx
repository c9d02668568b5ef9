/**
 * The guided risk assessment: EDPB factors, ENISA score, a suggested level, and the DPO's own
 * decision with a rationale. Nothing is decided for the DPO: no level is pre-chosen, and the
 * score and its suggestion appear only once every factor is set.
 */
import { Field, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { labelOf, RISK_LEVELS, type RiskLevel } from '../../domain/vocabulary';
import { formatNumber, useLocale, useStrings } from '../i18n';
import { ChangeForm } from './change-form';
import { FactorFields } from './assessment-factors';
import {
  assessSeverity,
  breachTypesOf,
  completeFactors,
  initialFactors,
  missingFactors,
  type FactorDraft,
  type Severity,
  type SeverityFactors,
} from '../../domain/enisa-severity';
import { incidentStrings } from './incident-strings';
import type { PanelProps } from './panel';
import { useChange } from './use-change';

const useStyles = makeStyles({
  result: {
    border: `2px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase400, margin: 0 },
  strong: { fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0 0` },
});

/** The score and its suggestion, or which factors are still to be set. */
function SeverityResult({ severity, draft }: { severity: Severity | undefined; draft: FactorDraft }) {
  const t = useStrings(incidentStrings).assessment;
  const locale = useLocale();
  const styles = useStyles();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <div className={styles.result} role="status" aria-live="polite" aria-atomic="true" data-testid="severity-result">
      {severity ? (
        <>
          <p className={styles.formula}>
            {t.formula(n(severity.dpc), n(severity.ei), n(severity.cb), n(severity.score))}
          </p>
          <p className={styles.strong}>{t.band(t.bands[severity.band])}</p>
          <p className={styles.strong} data-testid="severity-suggestion">
            {t.suggestion(labelOf(RISK_LEVELS, severity.suggestion, locale))}
          </p>
        </>
      ) : (
        <p className={styles.formula} data-testid="severity-missing">
          {t.missing(missingFactors(draft).map((k) => t.factorNames[k]))}
        </p>
      )}
    </div>
  );
}

interface DecisionProps {
  choice: RiskLevel | undefined;
  onChoice: (risk: RiskLevel) => void;
  suggestion: RiskLevel | undefined;
  rationale: string;
  onRationale: (text: string) => void;
  errors: Record<string, string>;
}

/** The DPO's level and rationale. */
function DecisionFields({ choice, onChoice, suggestion, rationale, onRationale, errors }: DecisionProps) {
  const t = useStrings(incidentStrings).assessment;
  const locale = useLocale();
  return (
    <>
      <Field label={t.decision} required validationMessage={errors.risk}>
        <RadioGroup value={choice ?? ''} onChange={(_, d) => onChoice(d.value as RiskLevel)}>
          {RISK_LEVELS.map((r) => (
            <Radio key={r.id} value={r.id} label={locale === 'en' ? r.labelEn : r.label} />
          ))}
        </RadioGroup>
      </Field>
      {choice && suggestion && choice !== suggestion ? (
        <p role="note" data-testid="departs">
          {t.departs}
        </p>
      ) : null}
      <Field label={t.rationale} required hint={t.rationaleHint} validationMessage={errors.rationale}>
        <Textarea value={rationale} rows={4} resize="vertical" onChange={(_, d) => onRationale(d.value)} />
      </Field>
    </>
  );
}

/** The guided form on its own (also rendered by the component tests). */
export function AssessmentForm({ panel }: { panel: PanelProps }) {
  const { incident } = panel;
  const t = useStrings(incidentStrings).assessment;
  const [draft, setDraft] = useState<FactorDraft>(() => initialFactors(incident));
  const [choice, setChoice] = useState<RiskLevel | undefined>();
  const [rationale, setRationale] = useState('');
  const [choiceMissing, setChoiceMissing] = useState(false);
  const change = useChange(incident, panel.onChanged);
  const severity = useMemo(() => {
    const complete = completeFactors(draft);
    return complete ? assessSeverity(complete) : undefined;
  }, [draft]);
  const set = <K extends keyof SeverityFactors>(key: K, value: SeverityFactors[K]) =>
    setDraft((f) => ({ ...f, [key]: value }));

  function submit() {
    if (!choice) {
      setChoiceMissing(true);
      return Promise.resolve(false);
    }
    const breachTypes = breachTypesOf(draft);
    return change.run('assessment', {
      risk: choice,
      rationale,
      ...(severity ? { severity: { dpc: severity.dpc, ei: severity.ei, cb: severity.cb, score: severity.score } } : {}),
      ...(breachTypes ? { breachTypes } : {}),
    });
  }

  return (
    <ChangeForm heading={t.heading} change={change} panel={panel} submitLabel={t.confirm} primary onSubmit={submit}>
      <p>{t.intro}</p>
      <FactorFields factors={draft} set={set} affectedCount={incident.affectedCount} />
      <SeverityResult severity={severity} draft={draft} />
      <DecisionFields
        choice={choice}
        onChoice={(risk) => {
          setChoiceMissing(false);
          setChoice(risk);
        }}
        suggestion={severity?.suggestion}
        rationale={rationale}
        onRationale={setRationale}
        errors={choiceMissing ? { ...change.fieldErrors, risk: t.choiceMissing } : change.fieldErrors}
      />
    </ChangeForm>
  );
}
