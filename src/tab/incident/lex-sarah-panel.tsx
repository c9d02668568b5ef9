/** The lex Sarah track (SoL 14 kap.) and, when serious, the report to IVO. */
import { Button, Checkbox, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { displayTime, fromLocalInput, toLocalInput } from '../components/time-input';
import { useStrings } from '../i18n';
import { incidentStrings } from './incident-strings';
import { ChangeFeedback, type PanelProps } from './panel';
import { Section, useFormStyles } from './section';
import { useChange } from './use-change';

export function LexSarahPanel(panel: PanelProps) {
  const { incident, canEdit } = panel;
  const t = useStrings(incidentStrings).lexSarah;
  const form = useFormStyles();
  const recorded = incident.lexSarah;
  const [reportedAt, setReportedAt] = useState(() => toLocalInput(recorded?.reportedAt ?? new Date()));
  const [toIvo, setToIvo] = useState(recorded?.reportedToIvo ?? false);
  const [ivoAt, setIvoAt] = useState(() => (recorded?.ivoReportedAt ? toLocalInput(recorded.ivoReportedAt) : toLocalInput(new Date())));
  const [ivoReference, setIvoReference] = useState(recorded?.ivoReference ?? '');
  const change = useChange(incident, panel.onChanged);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await change.run('lex-sarah', {
      reportedAt: fromLocalInput(reportedAt) ?? reportedAt,
      reportedToIvo: toIvo,
      ...(toIvo ? { ivoReportedAt: fromLocalInput(ivoAt) ?? ivoAt } : {}),
      ...(toIvo && ivoReference.trim() ? { ivoReference } : {}),
    });
  }

  return (
    <Section id="lex-sarah" heading={t.heading}>
      <p>{t.intro}</p>
      {recorded ? (
        <p data-testid="lex-sarah-recorded">
          {t.recorded(displayTime(recorded.reportedAt))}{' '}
          {recorded.reportedToIvo ? t.recordedIvo(displayTime(recorded.ivoReportedAt), recorded.ivoReference ?? '') : null}
        </p>
      ) : null}
      {canEdit ? (
        <form className={form.form} onSubmit={submit} aria-label={t.heading}>
          <Field label={t.reportedAt} required validationMessage={change.fieldErrors.reportedAt}>
            <Input type="datetime-local" value={reportedAt} onChange={(_, d) => setReportedAt(d.value)} />
          </Field>
          <Checkbox label={t.reportedToIvo} checked={toIvo} onChange={(_, d) => setToIvo(d.checked === true)} />
          {toIvo ? (
            <div className={form.row}>
              <Field label={t.ivoReportedAt} required validationMessage={change.fieldErrors.ivoReportedAt}>
                <Input type="datetime-local" value={ivoAt} onChange={(_, d) => setIvoAt(d.value)} />
              </Field>
              <Field label={t.ivoReference} validationMessage={change.fieldErrors.ivoReference}>
                <Input value={ivoReference} onChange={(_, d) => setIvoReference(d.value)} />
              </Field>
            </div>
          ) : null}
          <div className={form.actions}>
            <Button type="submit" disabled={change.busy}>{t.record}</Button>
          </div>
          <ChangeFeedback change={change} panel={panel} />
        </form>
      ) : null}
    </Section>
  );
}
