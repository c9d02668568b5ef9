/** A track of this incident: its heading, its one-line state and whether it is due, from the domain. */
import type { ReactNode } from 'react';
import { trackStates, type TrackId } from '../../domain/duties';
import type { Incident } from '../../web/api-contract';
import { useLocale, useStrings } from '../i18n';
import { incidentStrings } from './incident-strings';
import { Track } from './track';
import { assessmentSummary, trackSummary } from './track-summaries';

export function IncidentTrack({
  id,
  incident,
  heading,
  children,
}: {
  id: TrackId;
  incident: Incident;
  heading: string;
  children: ReactNode;
}) {
  const s = useStrings(incidentStrings).summaries;
  return (
    <Track id={id} heading={heading} summary={trackSummary(id, incident, s)} status={trackStates(incident)[id]}>
      {children}
    </Track>
  );
}

/** The assessment's track: due until the risk is assessed. */
export function AssessmentTrack({ incident, children }: { incident: Incident; children: ReactNode }) {
  const t = useStrings(incidentStrings);
  const locale = useLocale();
  const status = incident.assessment ? 'done' : incident.status === 'closed' ? 'not-required' : 'due';
  return (
    <Track
      id="assessment"
      heading={t.assessment.heading}
      summary={assessmentSummary(incident, t.summaries, locale)}
      status={status}
    >
      {children}
    </Track>
  );
}
