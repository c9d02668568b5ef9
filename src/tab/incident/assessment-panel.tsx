/** The assessment section: the current assessment, the duties it brings, and the guided form. */
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { labelOf, RISK_LEVELS } from '../../domain/vocabulary';
import type { Incident } from '../../web/api-contract';
import { displayTime } from '../components/time-input';
import { formatNumber, useLocale, useStrings } from '../i18n';
import { AssessmentForm } from './assessment-form';
import { incidentStrings } from './incident-strings';
import type { PanelProps } from './panel';
import { useFormStyles } from './section';

/** The recorded assessment and what follows from it. */
function CurrentAssessment({
  assessment: a,
  onRedo,
}: {
  assessment: NonNullable<Incident['assessment']>;
  onRedo?: () => void;
}) {
  const t = useStrings(incidentStrings).assessment;
  const locale = useLocale();
  const form = useFormStyles();
  return (
    <div data-testid="current-assessment">
      <p>
        <strong>{t.current}:</strong> {labelOf(RISK_LEVELS, a.risk, locale)}
        {a.severity ? ` (SE ${formatNumber(a.severity.score, locale)})` : ''}
      </p>
      <p style={{ whiteSpace: 'pre-wrap' }}>{a.rationale}</p>
      <p className={form.muted}>{t.assessedBy(a.assessedBy.name, displayTime(a.assessedAt))}</p>
      <h3>{t.dutiesHeading}</h3>
      <ul>
        <li>{a.risk === 'unlikely' ? t.dutyNoImy : t.dutyImy}</li>
        {a.risk === 'high' ? <li>{t.dutySubjects}</li> : null}
      </ul>
      {onRedo ? <Button onClick={onRedo}>{t.redo}</Button> : null}
    </div>
  );
}

/** The assessment's content (the incident page puts it in its section). */
export function AssessmentPanel(panel: PanelProps) {
  const { incident, canEdit } = panel;
  const strings = useStrings(incidentStrings);
  const form = useFormStyles();
  const [redo, setRedo] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const a = incident.assessment;
  const formPanel: PanelProps = {
    ...panel,
    onChanged: (next) => {
      setRedo(false);
      setJustSaved(true);
      panel.onChanged(next);
    },
  };
  return (
    <>
      {a ? (
        <CurrentAssessment
          assessment={a}
          onRedo={
            canEdit && !redo
              ? () => {
                  setRedo(true);
                  setJustSaved(false);
                }
              : undefined
          }
        />
      ) : null}
      <p role="status" className={form.saved}>
        {justSaved && !redo ? strings.saved : ''}
      </p>
      {canEdit && (!a || redo) ? (
        <AssessmentForm key={incident.assessment?.assessedAt ?? 'first'} panel={formPanel} />
      ) : null}
    </>
  );
}
