/** When the breach ended: IMY's e-service asks, and the IMY text carries it. */
import { useState } from 'react';
import { TimeField } from '../components/time-field';
import { displayTime, fromLocalInput, toLocalInput } from '../components/time-input';
import { useStrings } from '../i18n';
import { ChangeForm } from './change-form';
import { incidentStrings } from './incident-strings';
import { IncidentTrack } from './incident-track';
import type { PanelProps } from './panel';
import { useChange } from './use-change';

export function EndedPanel(panel: PanelProps) {
  const { incident, canEdit } = panel;
  const t = useStrings(incidentStrings).ended;
  const [endedAt, setEndedAt] = useState(() => (incident.endedAt ? toLocalInput(incident.endedAt) : ''));
  const change = useChange(incident, panel.onChanged);

  function submit() {
    return change.run('ended', { endedAt: fromLocalInput(endedAt) ?? endedAt });
  }

  return (
    <IncidentTrack id="ended" incident={incident} heading={t.heading}>
      <p>{t.intro}</p>
      <p data-testid="ended-recorded">{incident.endedAt ? t.recorded(displayTime(incident.endedAt)) : t.notRecorded}</p>
      {canEdit ? (
        <ChangeForm heading={t.heading} change={change} panel={panel} submitLabel={t.record} onSubmit={submit}>
          <TimeField
            label={t.endedAt}
            required
            nowButton
            value={endedAt}
            onChange={setEndedAt}
            error={change.fieldErrors.endedAt}
          />
        </ChangeForm>
      ) : null}
    </IncidentTrack>
  );
}
