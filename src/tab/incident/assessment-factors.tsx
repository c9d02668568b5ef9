/** The factor fields of the guided assessment: the breach, the data, the context, identification. */
import { Checkbox, Field, Radio, RadioGroup } from '@fluentui/react-components';
import { formatNumber, useLocale, useStrings } from '../i18n';
import type {
  BreachLevel,
  DataKind,
  EaseOfIdentification,
  FactorDraft,
  SeverityFactors,
} from '../../domain/enisa-severity';
import { incidentStrings } from './incident-strings';
import { useFormStyles } from './section';

const BREACH_LEVELS: BreachLevel[] = [0, 0.25, 0.5];
const EI_LEVELS: EaseOfIdentification[] = [0.25, 0.5, 0.75, 1];

export interface FactorFieldsProps {
  factors: FactorDraft;
  set: <K extends keyof SeverityFactors>(key: K, value: SeverityFactors[K]) => void;
  affectedCount: number | undefined;
}

type Loss = 'confidentiality' | 'integrity' | 'availability';

/** One loss (confidentiality, integrity, availability): none, partial, full. */
function LossField({
  factors,
  set,
  loss,
  label,
  levels,
}: FactorFieldsProps & { loss: Loss; label: string; levels: string[] }) {
  const locale = useLocale();
  const value = factors[loss];
  return (
    <Field label={label}>
      <RadioGroup
        value={value === undefined ? '' : String(value)}
        onChange={(_, d) => set(loss, Number(d.value) as BreachLevel)}
      >
        {BREACH_LEVELS.map((level, i) => (
          <Radio key={level} value={String(level)} label={`${levels[i]} (+${formatNumber(level, locale)})`} />
        ))}
      </RadioGroup>
    </Field>
  );
}

function BreachFields(props: FactorFieldsProps) {
  const t = useStrings(incidentStrings).assessment;
  const locale = useLocale();
  const form = useFormStyles();
  const { factors, set } = props;
  return (
    <fieldset className={form.fieldset}>
      <legend className={form.legend}>{t.breachLegend}</legend>
      <LossField {...props} loss="confidentiality" label={t.confidentiality} levels={t.confidentialityLevels} />
      <LossField {...props} loss="integrity" label={t.integrity} levels={t.integrityLevels} />
      <LossField {...props} loss="availability" label={t.availability} levels={t.availabilityLevels} />
      <Checkbox
        label={`${t.malicious} (+${formatNumber(0.5, locale)})`}
        checked={factors.malicious}
        onChange={(_, d) => set('malicious', d.checked === true)}
      />
    </fieldset>
  );
}

function DataFields({ factors, set }: FactorFieldsProps) {
  const t = useStrings(incidentStrings).assessment;
  const form = useFormStyles();
  return (
    <fieldset className={form.fieldset}>
      <legend className={form.legend}>{t.dataLegend}</legend>
      <RadioGroup
        value={factors.dataKind === undefined ? '' : String(factors.dataKind)}
        onChange={(_, d) => set('dataKind', Number(d.value) as DataKind)}
        aria-label={t.dataLegend}
      >
        {t.dataKinds.map((label, i) => (
          <Radio key={label} value={String(i + 1)} label={`${label} (${i + 1})`} />
        ))}
      </RadioGroup>
    </fieldset>
  );
}

const CONTEXT = ['vulnerablePeople', 'severeConsequences', 'largeVolume', 'manyPeople'] as const;

function ContextFields({ factors, set, affectedCount }: FactorFieldsProps) {
  const t = useStrings(incidentStrings).assessment;
  const form = useFormStyles();
  return (
    <fieldset className={form.fieldset}>
      <legend className={form.legend}>{t.contextLegend}</legend>
      {CONTEXT.map((key) => (
        <Checkbox key={key} label={t[key]} checked={factors[key]} onChange={(_, d) => set(key, d.checked === true)} />
      ))}
      <span className={form.muted}>{t.affected(affectedCount)}</span>
      <Checkbox
        label={t.mitigated}
        checked={factors.mitigated}
        onChange={(_, d) => set('mitigated', d.checked === true)}
      />
    </fieldset>
  );
}

function IdentificationFields({ factors, set }: FactorFieldsProps) {
  const t = useStrings(incidentStrings).assessment;
  const locale = useLocale();
  const form = useFormStyles();
  return (
    <fieldset className={form.fieldset}>
      <legend className={form.legend}>{t.eiLegend}</legend>
      <RadioGroup
        value={factors.ei === undefined ? '' : String(factors.ei)}
        onChange={(_, d) => set('ei', Number(d.value) as EaseOfIdentification)}
        aria-label={t.eiLegend}
      >
        {EI_LEVELS.map((level, i) => (
          <Radio key={level} value={String(level)} label={`${t.eiLevels[i]} (${formatNumber(level, locale)})`} />
        ))}
      </RadioGroup>
    </fieldset>
  );
}

/** Every factor, in the order of EDPB's guidelines. */
export function FactorFields(props: FactorFieldsProps) {
  return (
    <>
      <BreachFields {...props} />
      <DataFields {...props} />
      <ContextFields {...props} />
      <IdentificationFields {...props} />
    </>
  );
}
