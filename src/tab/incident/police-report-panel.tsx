/** The police report: when it was made and the police's reference. */
import { Button, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { displayTime, fromLocalInput, toLocalInput } from '../components/time-input';
import { useStrings } from '../i18n';
import { incidentStrings } from './incident-strings';
import { ChangeFeedback, type PanelProps } from './panel';
import { Section, useFormStyles } from './section';
import { useChange } from './use-change';

export function PoliceReportPanel(panel: PanelProps) {
  const { incident, canEdit } = panel;
  const t = useStrings(incidentStrings).police;
  const form = useFormStyles();
  const recorded = incident.policeReport;
  const [reportedAt, setReportedAt] = useState(() => toLocalInput(recorded?.reportedAt ?? new Date()));
  const [reference, setReference] = useState(recorded?.reference ?? '');
  const change = useChange(incident, panel.onChanged);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await change.run('police-report', {
      reportedAt: fromLocalInput(reportedAt) ?? reportedAt,
      ...(reference.trim() ? { reference } : {}),
    });
  }

  return (
    <Section id="police" heading={t.heading}>
      <p>{t.intro}</p>
      {recorded ? <p data-testid="police-recorded">{t.recorded(displayTime(recorded.reportedAt), recorded.reference ?? '')}</p> : null}
      {canEdit ? (
        <form className={form.form} onSubmit={submit} aria-label={t.heading}>
          <div className={form.row}>
            <Field label={t.reportedAt} required validationMessage={change.fieldErrors.reportedAt}>
              <Input type="datetime-local" value={reportedAt} onChange={(_, d) => setReportedAt(d.value)} />
            </Field>
            <Field label={t.reference} hint={t.referenceHint} validationMessage={change.fieldErrors.reference}>
              <Input value={reference} onChange={(_, d) => setReference(d.value)} />
            </Field>
          </div>
          <div className={form.actions}>
            <Button type="submit" disabled={change.busy}>{t.record}</Button>
          </div>
          <ChangeFeedback change={change} panel={panel} />
        </form>
      ) : null}
    </Section>
  );
}
