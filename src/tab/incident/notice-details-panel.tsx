/**
 * The IMY notice's answers beyond the report (art. 33(3), IMY's e-service): groups of data
 * subjects, numbers of people and records, likely consequences, measures taken and planned,
 * cross-border. Recorded through the same change route as every other DPO change.
 */
import { Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { CONSEQUENCES, SUBJECT_CATEGORIES } from '../../domain/notice-details';
import { labelOf } from '../../domain/vocabulary';
import type { ChangeBodies } from '../../web/api-contract';
import { CheckboxGroup } from '../components/checkbox-group';
import { useLocale, useStrings, type Localized } from '../i18n';
import { ChangeForm } from './change-form';
import type { PanelProps } from './panel';
import { Section, useFormStyles } from './section';
import { useChange } from './use-change';

const strings: Localized<{
  heading: string;
  intro: string;
  groups: string;
  people: string;
  records: string;
  countHint: string;
  consequences: string;
  consequencesText: string;
  measures: string;
  planned: string;
  crossBorder: string;
  yes: string;
  no: string;
  unknown: string;
  save: string;
  countInvalid: string;
}> = {
  sv: {
    heading: 'Uppgifter till IMY-anmälan',
    intro:
      'Det IMY:s e-tjänst och artikel 33.3 frågar efter utöver rapporten. Allt som skickas till IMY blir allmän handling: skriv inga namn eller personnummer.',
    groups: 'Kategorier av registrerade',
    people: 'Ungefärligt antal registrerade',
    records: 'Ungefärligt antal personuppgiftsposter',
    countHint: 'Ett heltal; lämna tomt om ni inte vet.',
    consequences: 'Troliga konsekvenser',
    consequencesText: 'Konsekvenserna med egna ord',
    measures: 'Vidtagna åtgärder',
    planned: 'Planerade åtgärder',
    crossBorder: 'Berörs registrerade i andra EU/EES-länder?',
    yes: 'Ja',
    no: 'Nej',
    unknown: 'Vet inte',
    save: 'Spara uppgifterna',
    countInvalid: 'Skriv antalet som ett heltal, till exempel 40, eller lämna fältet tomt.',
  },
  en: {
    heading: 'Details for the IMY notice',
    intro:
      "What IMY's e-service and art. 33(3) ask beyond the report. Everything sent to IMY becomes a public record: write no names or identity numbers.",
    groups: 'Groups of data subjects',
    people: 'Approximate number of data subjects',
    records: 'Approximate number of personal data records',
    countHint: 'A whole number; leave empty if you do not know.',
    consequences: 'Likely consequences',
    consequencesText: 'The consequences in words',
    measures: 'Measures taken',
    planned: 'Measures planned',
    crossBorder: 'Are data subjects in other EU/EEA countries concerned?',
    yes: 'Yes',
    no: 'No',
    unknown: 'Not known',
    save: 'Save the details',
    countInvalid: 'Write the number as a whole number, for example 40, or leave it empty.',
  },
};

/** A typed count as a number (spaces between thousands allowed), undefined when empty, NaN when unreadable. */
function countOf(text: string): number | undefined {
  const t = text.replace(/\s/g, '');
  if (t === '') return undefined;
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

export function NoticeDetailsPanel(panel: PanelProps) {
  const { incident, canEdit } = panel;
  const t = useStrings(strings);
  const locale = useLocale();
  const form = useFormStyles();
  const d = incident.noticeDetails;
  const [groups, setGroups] = useState<string[]>(d?.subjectCategories ?? []);
  const [people, setPeople] = useState(incident.affectedCount === undefined ? '' : String(incident.affectedCount));
  const [records, setRecords] = useState(d?.recordCount === undefined ? '' : String(d.recordCount));
  const [consequences, setConsequences] = useState<string[]>(d?.consequences ?? []);
  const [consequencesText, setConsequencesText] = useState(d?.consequencesText ?? '');
  const [measures, setMeasures] = useState(incident.measures ?? '');
  const [planned, setPlanned] = useState(d?.plannedMeasures ?? '');
  const [crossBorder, setCrossBorder] = useState(
    d?.crossBorder === true ? 'yes' : d?.crossBorder === false ? 'no' : 'unknown',
  );
  const change = useChange(incident, panel.onChanged);
  const [countErrors, setCountErrors] = useState<{ affectedCount?: string; recordCount?: string }>({});
  const options = (list: readonly { id: string; label: string; labelEn: string }[]) =>
    list.map((c) => ({ id: c.id, label: labelOf(list, c.id, locale) }));

  function submit() {
    const p = countOf(people);
    const r = countOf(records);
    // An unreadable number is named here, as the API would, and nothing is sent.
    const errors = {
      affectedCount: Number.isNaN(p) ? t.countInvalid : undefined,
      recordCount: Number.isNaN(r) ? t.countInvalid : undefined,
    };
    setCountErrors(errors);
    if (errors.affectedCount || errors.recordCount) return Promise.resolve();
    const body: ChangeBodies['notice-details'] = {
      subjectCategories: groups as ChangeBodies['notice-details']['subjectCategories'],
      consequences: consequences as ChangeBodies['notice-details']['consequences'],
    };
    if (p !== undefined) body.affectedCount = p;
    if (r !== undefined) body.recordCount = r;
    if (consequencesText.trim()) body.consequencesText = consequencesText;
    if (measures.trim()) body.measures = measures;
    if (planned.trim()) body.plannedMeasures = planned;
    if (crossBorder !== 'unknown') body.crossBorder = crossBorder === 'yes';
    return change.run('notice-details', body);
  }

  if (!canEdit) return null;
  return (
    <Section id="notice-details" heading={t.heading}>
      <p>{t.intro}</p>
      <ChangeForm heading={t.heading} change={change} panel={panel} submitLabel={t.save} onSubmit={submit}>
        <CheckboxGroup
          legend={t.groups}
          options={options(SUBJECT_CATEGORIES)}
          value={groups}
          onChange={setGroups}
          error={change.fieldErrors.subjectCategories}
        />
        <div className={form.row}>
          <Field
            label={t.people}
            hint={t.countHint}
            validationMessage={countErrors.affectedCount ?? change.fieldErrors.affectedCount}
          >
            <Input inputMode="numeric" value={people} onChange={(_, v) => setPeople(v.value)} />
          </Field>
          <Field
            label={t.records}
            hint={t.countHint}
            validationMessage={countErrors.recordCount ?? change.fieldErrors.recordCount}
          >
            <Input inputMode="numeric" value={records} onChange={(_, v) => setRecords(v.value)} />
          </Field>
        </div>
        <CheckboxGroup
          legend={t.consequences}
          options={options(CONSEQUENCES)}
          value={consequences}
          onChange={setConsequences}
          error={change.fieldErrors.consequences}
        />
        <Field label={t.consequencesText} validationMessage={change.fieldErrors.consequencesText}>
          <Textarea value={consequencesText} onChange={(_, v) => setConsequencesText(v.value)} />
        </Field>
        <Field label={t.measures} validationMessage={change.fieldErrors.measures}>
          <Textarea value={measures} onChange={(_, v) => setMeasures(v.value)} />
        </Field>
        <Field label={t.planned} validationMessage={change.fieldErrors.plannedMeasures}>
          <Textarea value={planned} onChange={(_, v) => setPlanned(v.value)} />
        </Field>
        <Field label={t.crossBorder} validationMessage={change.fieldErrors.crossBorder}>
          <RadioGroup value={crossBorder} onChange={(_, v) => setCrossBorder(v.value)}>
            <Radio value="yes" label={t.yes} />
            <Radio value="no" label={t.no} />
            <Radio value="unknown" label={t.unknown} />
          </RadioGroup>
        </Field>
      </ChangeForm>
    </Section>
  );
}
