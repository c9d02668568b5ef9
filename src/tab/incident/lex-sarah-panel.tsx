/** The lex Sarah track (SoL 14 kap.) and, when serious, the report to IVO. */
import { Checkbox, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { TimeField } from '../components/time-field';
import { displayTime, fromLocalInput, toLocalInput } from '../components/time-input';
import { useStrings } from '../i18n';
import { ChangeForm } from './change-form';
import { incidentStrings } from './incident-strings';
import { IncidentTrack } from './incident-track';
import type { PanelProps } from './panel';
import { useFormStyles } from './section';
import { useChange } from './use-change';

export function LexSarahPanel(panel: PanelProps) {
  const { incident, canEdit } = panel;
  const t = useStrings(incidentStrings).lexSarah;
  const form = useFormStyles();
  const recorded = incident.lexSarah;
  const [reportedAt, setReportedAt] = useState(() => (recorded ? toLocalInput(recorded.reportedAt) : ''));
  const [toIvo, setToIvo] = useState(recorded?.reportedToIvo ?? false);
  const [ivoAt, setIvoAt] = useState(() => (recorded?.ivoReportedAt ? toLocalInput(recorded.ivoReportedAt) : ''));
  const [ivoReference, setIvoReference] = useState(recorded?.ivoReference ?? '');
  const change = useChange(incident, panel.onChanged);

  function submit() {
    return change.run('lex-sarah', {
      reportedAt: fromLocalInput(reportedAt) ?? reportedAt,
      reportedToIvo: toIvo,
      ...(toIvo ? { ivoReportedAt: fromLocalInput(ivoAt) ?? ivoAt } : {}),
      ...(toIvo && ivoReference.trim() ? { ivoReference } : {}),
    });
  }

  return (
    <IncidentTrack id="lex-sarah" incident={incident} heading={t.heading}>
      <p>{t.intro}</p>
      {recorded ? (
        <p data-testid="lex-sarah-recorded">
          {t.recorded(displayTime(recorded.reportedAt))}{' '}
          {recorded.reportedToIvo
            ? t.recordedIvo(displayTime(recorded.ivoReportedAt), recorded.ivoReference ?? '')
            : null}
        </p>
      ) : null}
      {canEdit ? (
        <ChangeForm heading={t.heading} change={change} panel={panel} submitLabel={t.record} onSubmit={submit}>
          <TimeField
            label={t.reportedAt}
            required
            nowButton
            value={reportedAt}
            onChange={setReportedAt}
            error={change.fieldErrors.reportedAt}
          />
          <Checkbox label={t.reportedToIvo} checked={toIvo} onChange={(_, d) => setToIvo(d.checked === true)} />
          {toIvo ? (
            <div className={form.row}>
              <TimeField
                label={t.ivoReportedAt}
                required
                nowButton
                value={ivoAt}
                onChange={setIvoAt}
                error={change.fieldErrors.ivoReportedAt}
              />
              <Field label={t.ivoReference} validationMessage={change.fieldErrors.ivoReference}>
                <Input value={ivoReference} onChange={(_, d) => setIvoReference(d.value)} />
              </Field>
            </div>
          ) : null}
        </ChangeForm>
      ) : null}
    </IncidentTrack>
  );
}
