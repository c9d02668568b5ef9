/** The police report: when it was made and the police's reference. */
import { Field, Input } from '@fluentui/react-components';
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

export function PoliceReportPanel(panel: PanelProps) {
  const { incident, canEdit } = panel;
  const t = useStrings(incidentStrings).police;
  const form = useFormStyles();
  const recorded = incident.policeReport;
  const [reportedAt, setReportedAt] = useState(() => (recorded ? toLocalInput(recorded.reportedAt) : ''));
  const [reference, setReference] = useState(recorded?.reference ?? '');
  const change = useChange(incident, panel.onChanged);

  function submit() {
    return change.run('police-report', {
      reportedAt: fromLocalInput(reportedAt) ?? reportedAt,
      ...(reference.trim() ? { reference } : {}),
    });
  }

  return (
    <IncidentTrack id="police" incident={incident} heading={t.heading}>
      <p>{t.intro}</p>
      {recorded ? (
        <p data-testid="police-recorded">{t.recorded(displayTime(recorded.reportedAt), recorded.reference ?? '')}</p>
      ) : null}
      {canEdit ? (
        <ChangeForm heading={t.heading} change={change} panel={panel} submitLabel={t.record} onSubmit={submit}>
          <div className={form.row}>
            <TimeField
              label={t.reportedAt}
              required
              nowButton
              value={reportedAt}
              onChange={setReportedAt}
              error={change.fieldErrors.reportedAt}
            />
            <Field label={t.reference} hint={t.referenceHint} validationMessage={change.fieldErrors.reference}>
              <Input value={reference} onChange={(_, d) => setReference(d.value)} />
            </Field>
          </div>
        </ChangeForm>
      ) : null}
    </IncidentTrack>
  );
}
