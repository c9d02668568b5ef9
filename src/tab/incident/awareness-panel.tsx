/**
 * When the organisation became aware of the breach (EDPB Guidelines 9/2022): the clock starts at
 * discovery unless the DPO records a later time with a reason; the deadline follows.
 */
import { Button, Field, Input, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { displayTime, fromLocalInput, toLocalInput } from '../components/time-input';
import { useStrings } from '../i18n';
import { incidentStrings } from './incident-strings';
import { ChangeFeedback, type PanelProps } from './panel';
import { Section, useFormStyles } from './section';
import { useChange } from './use-change';

export function AwarenessPanel(panel: PanelProps) {
  const { incident, canEdit } = panel;
  const t = useStrings(incidentStrings).awareness;
  const form = useFormStyles();
  const [awareAt, setAwareAt] = useState(() => toLocalInput(incident.awareAt));
  const [reason, setReason] = useState(incident.awareReason ?? '');
  const change = useChange(incident, panel.onChanged);
  // Once IMY is notified the notice was judged against the clock as it stood (the API refuses too).
  const locked = Boolean(incident.imyNotice);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await change.run('awareness', { awareAt: fromLocalInput(awareAt) ?? awareAt, reason });
  }

  return (
    <Section id="awareness" heading={t.heading}>
      <p>{t.intro}</p>
      <p data-testid="awareness-current">{t.current(displayTime(incident.awareAt), displayTime(incident.deadline))}</p>
      {incident.awareReason ? <p data-testid="awareness-reason"><strong>{t.reasonRecorded}:</strong> {incident.awareReason}</p> : null}
      {canEdit && locked ? <p>{t.locked}</p> : null}
      {canEdit && !locked ? (
        <form className={form.form} onSubmit={submit} aria-label={t.heading}>
          <Field label={t.awareAt} required validationMessage={change.fieldErrors.awareAt}>
            <Input type="datetime-local" value={awareAt} onChange={(_, d) => setAwareAt(d.value)} />
          </Field>
          <Field label={t.reason} required hint={t.reasonHint} validationMessage={change.fieldErrors.reason}>
            <Textarea value={reason} rows={3} resize="vertical" onChange={(_, d) => setReason(d.value)} />
          </Field>
          <div className={form.actions}>
            <Button type="submit" disabled={change.busy}>{t.record}</Button>
          </div>
          <ChangeFeedback change={change} panel={panel} saved={t.saved(displayTime(incident.deadline))} />
        </form>
      ) : null}
    </Section>
  );
}
