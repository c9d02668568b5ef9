/** Information to the data subjects (art. 34): the letter to send them, and when and how they were told, or why not. */
import { Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { TimeField } from '../components/time-field';
import { displayTime, fromLocalInput, toLocalInput } from '../components/time-input';
import { useStrings } from '../i18n';
import { useSession } from '../session';
import { Art34LetterSection } from './art34-letter-section';
import { ChangeForm } from './change-form';
import { incidentStrings } from './incident-strings';
import { IncidentTrack } from './incident-track';
import type { PanelProps } from './panel';
import { useFormStyles } from './section';
import { useChange } from './use-change';

export function SubjectNoticePanel(panel: PanelProps) {
  const { incident, canEdit } = panel;
  const { isDpo } = useSession();
  const t = useStrings(incidentStrings).subjects;
  const form = useFormStyles();
  const recorded = incident.subjectNotice;
  // Nothing is chosen for the DPO: neither "informed" nor a time, until they say so.
  const [informed, setInformed] = useState<'yes' | 'no' | ''>(recorded ? (recorded.notifiedAt ? 'yes' : 'no') : '');
  const [choiceMissing, setChoiceMissing] = useState(false);
  const [notifiedAt, setNotifiedAt] = useState(() => (recorded?.notifiedAt ? toLocalInput(recorded.notifiedAt) : ''));
  const [method, setMethod] = useState(recorded?.method ?? '');
  const [reason, setReason] = useState(recorded?.notInformedReason ?? '');
  const change = useChange(incident, panel.onChanged);

  function submit() {
    if (informed === '') {
      setChoiceMissing(true);
      return Promise.resolve(false);
    }
    return change.run(
      'subject-notice',
      informed === 'yes'
        ? { notifiedAt: fromLocalInput(notifiedAt) ?? notifiedAt, ...(method.trim() ? { method } : {}) }
        : { notInformedReason: reason },
    );
  }

  return (
    <IncidentTrack id="subjects" incident={incident} heading={t.heading}>
      <p>{t.intro}</p>
      {recorded ? (
        <p data-testid="subjects-recorded">
          {recorded.notifiedAt
            ? `${t.recordedInformed(displayTime(recorded.notifiedAt))}${recorded.method ? ` (${recorded.method})` : ''}`
            : t.recordedNot(recorded.notInformedReason ?? '')}
        </p>
      ) : null}
      {/* The DPO's document, also once the incident is closed (the letter may go out late). */}
      {isDpo ? <Art34LetterSection incident={incident} /> : null}
      {canEdit ? (
        <ChangeForm heading={t.heading} change={change} panel={panel} submitLabel={t.record} onSubmit={submit}>
          <Field
            label={t.choice}
            required
            validationMessage={choiceMissing && informed === '' ? t.choiceMissing : undefined}
          >
            <RadioGroup
              value={informed}
              onChange={(_, d) => {
                setChoiceMissing(false);
                setInformed(d.value === 'no' ? 'no' : 'yes');
              }}
            >
              <Radio value="yes" label={t.informed} />
              <Radio value="no" label={t.notInformed} />
            </RadioGroup>
          </Field>
          {informed === 'yes' ? (
            <div className={form.row}>
              <TimeField
                label={t.notifiedAt}
                required
                nowButton
                value={notifiedAt}
                onChange={setNotifiedAt}
                error={change.fieldErrors.notifiedAt}
              />
              <Field label={t.method} hint={t.methodHint} validationMessage={change.fieldErrors.method}>
                <Input value={method} onChange={(_, d) => setMethod(d.value)} />
              </Field>
            </div>
          ) : informed === 'no' ? (
            <Field
              label={t.reason}
              required
              hint={t.reasonHint}
              validationMessage={change.fieldErrors.notInformedReason ?? change.fieldErrors.notifiedAt}
            >
              <Textarea value={reason} rows={3} resize="vertical" onChange={(_, d) => setReason(d.value)} />
            </Field>
          ) : null}
        </ChangeForm>
      ) : null}
    </IncidentTrack>
  );
}
