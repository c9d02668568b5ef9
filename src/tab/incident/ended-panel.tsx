/** When the breach ended: IMY's e-service asks, and the IMY text carries it. */
import { Button, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { displayTime, fromLocalInput, toLocalInput } from '../components/time-input';
import { useStrings } from '../i18n';
import { incidentStrings } from './incident-strings';
import { ChangeFeedback, type PanelProps } from './panel';
import { Section, useFormStyles } from './section';
import { useChange } from './use-change';

export function EndedPanel(panel: PanelProps) {
  const { incident, canEdit } = panel;
  const t = useStrings(incidentStrings).ended;
  const form = useFormStyles();
  const [endedAt, setEndedAt] = useState(() => toLocalInput(incident.endedAt ?? new Date()));
  const change = useChange(incident, panel.onChanged);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await change.run('ended', { endedAt: fromLocalInput(endedAt) ?? endedAt });
  }

  return (
    <Section id="ended" heading={t.heading}>
      <p>{t.intro}</p>
      <p data-testid="ended-recorded">{incident.endedAt ? t.recorded(displayTime(incident.endedAt)) : t.notRecorded}</p>
      {canEdit ? (
        <form className={form.form} onSubmit={submit} aria-label={t.heading}>
          <Field label={t.endedAt} required validationMessage={change.fieldErrors.endedAt}>
            <Input type="datetime-local" value={endedAt} onChange={(_, d) => setEndedAt(d.value)} />
          </Field>
          <div className={form.actions}>
            <Button type="submit" disabled={change.busy}>{t.record}</Button>
          </div>
          <ChangeFeedback change={change} panel={panel} />
        </form>
      ) : null}
    </Section>
  );
}
