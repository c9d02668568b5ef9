/**
 * When the organisation became aware of the breach (EDPB Guidelines 9/2022): the clock starts at
 * discovery unless the DPO records a later time with a reason; the deadline follows.
 */
import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { TimeField } from '../components/time-field';
import { displayTime, fromLocalInput, toLocalInput } from '../components/time-input';
import { useStrings } from '../i18n';
import { ChangeForm } from './change-form';
import { incidentStrings } from './incident-strings';
import { IncidentTrack } from './incident-track';
import type { PanelProps } from './panel';
import { useChange } from './use-change';

export function AwarenessPanel(panel: PanelProps) {
  const { incident, canEdit } = panel;
  const t = useStrings(incidentStrings).awareness;
  const [awareAt, setAwareAt] = useState(() => toLocalInput(incident.awareAt));
  const [reason, setReason] = useState(incident.awareReason ?? '');
  const change = useChange(incident, panel.onChanged);
  // Once IMY is notified the notice was judged against the clock as it stood (the API refuses too).
  const locked = Boolean(incident.imyNotice);

  function submit() {
    return change.run('awareness', { awareAt: fromLocalInput(awareAt) ?? awareAt, reason });
  }

  return (
    <IncidentTrack id="awareness" incident={incident} heading={t.heading}>
      <p>{t.intro}</p>
      <p data-testid="awareness-current">{t.current(displayTime(incident.awareAt), displayTime(incident.deadline))}</p>
      {incident.awareReason ? (
        <p data-testid="awareness-reason">
          <strong>{t.reasonRecorded}:</strong> {incident.awareReason}
        </p>
      ) : null}
      {canEdit && locked ? <p>{t.locked}</p> : null}
      {canEdit && !locked ? (
        <ChangeForm
          heading={t.heading}
          change={change}
          panel={panel}
          submitLabel={t.record}
          saved={t.saved(displayTime(incident.deadline))}
          onSubmit={submit}
        >
          <TimeField
            label={t.awareAt}
            required
            value={awareAt}
            onChange={setAwareAt}
            error={change.fieldErrors.awareAt}
          />
          <Field label={t.reason} required hint={t.reasonHint} validationMessage={change.fieldErrors.reason}>
            <Textarea value={reason} rows={3} resize="vertical" onChange={(_, d) => setReason(d.value)} />
          </Field>
        </ChangeForm>
      ) : null}
    </IncidentTrack>
  );
}
