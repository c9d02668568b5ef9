/**
 * The top of the DPO's workbench: the status, the clock, the owner and the next duty with its
 * button – all from the domain's {@link nextDuty}, never decided here. Taking and closing are
 * done by the button; the other duties open their track and move focus to it.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { nextDuty, type DutyId, type DutyUrgency } from '../../domain/duties';
import { Countdown } from '../components/countdown';
import { statusLabel } from '../components/status-text';
import { displayTime } from '../components/time-input';
import { useLocale, useStrings } from '../i18n';
import { incidentStrings } from './incident-strings';
import { ChangeFeedback, type PanelProps } from './panel';
import { useFormStyles } from './section';
import { useTracks } from './track';
import { useChange } from './use-change';

const useStyles = makeStyles({
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  clock: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    margin: 0,
    '& dt': {
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground2,
      fontSize: tokens.fontSizeBase200,
    },
    '& dd': { margin: 0 },
  },
});

/** The track a duty is done in, for the duties the button opens rather than performs. */
const TRACK_OF: Partial<Record<DutyId, string>> = {
  assess: 'assessment',
  'notify-imy': 'imy',
  'inform-subjects': 'subjects',
  'supplement-imy': 'imy',
};

const INTENT: Record<DutyUrgency, 'error' | 'warning' | 'info'> = {
  overdue: 'error',
  today: 'warning',
  later: 'info',
  none: 'info',
};

/** Status, deadline, time left and owner, as one line of terms. */
function ClockLine({ panel, meId, now }: { panel: PanelProps; meId?: string; now: Date }) {
  const t = useStrings(incidentStrings);
  const locale = useLocale();
  const styles = useStyles();
  const { incident } = panel;
  const owner = incident.owner
    ? incident.owner.id === meId
      ? t.owner.you
      : t.owner.is(incident.owner.name)
    : t.owner.none;
  return (
    <dl className={styles.clock}>
      <div>
        <dt>{t.facts.status}</dt>
        <dd data-testid="incident-status">{statusLabel(incident.status, locale)}</dd>
      </div>
      <div>
        <dt>{t.clock.timeLeft}</dt>
        <dd data-testid="incident-clock">
          <Countdown incident={incident} now={now} />
        </dd>
      </div>
      <div>
        <dt>{t.clock.deadline}</dt>
        <dd>{displayTime(incident.deadline)}</dd>
      </div>
      <div>
        <dt>{t.duty.owner}</dt>
        <dd data-testid="owner">{owner}</dd>
      </div>
    </dl>
  );
}

export function DutyCard({ panel, meId, now }: { panel: PanelProps; meId?: string; now: Date }) {
  const t = useStrings(incidentStrings);
  const styles = useStyles();
  const form = useFormStyles();
  const tracks = useTracks();
  const { incident } = panel;
  const act = useChange(incident, panel.onChanged);
  const take = useChange(incident, panel.onChanged);
  const duty = nextDuty(incident, now);
  const track = TRACK_OF[duty.id];
  const closedText = incident.closedAt
    ? t.close.closed(displayTime(incident.closedAt), incident.closedBy?.name ?? '')
    : '';

  function run() {
    if (track) return tracks.reveal(track);
    if (duty.id === 'take') return void act.run('take', {});
    if (duty.id === 'close') return void act.run('close', {});
  }

  const canTakeOver = panel.canEdit && incident.owner && incident.owner.id !== meId;
  return (
    <section
      className={styles.card}
      aria-labelledby="duty-heading"
      data-section="duty"
      data-duty={duty.id}
      data-urgency={duty.urgency}
    >
      <h2 id="duty-heading" className={styles.heading}>
        {t.duty.heading}
      </h2>
      <ClockLine panel={panel} meId={meId} now={now} />
      <MessageBar intent={INTENT[duty.urgency]} layout="multiline" data-testid="next-duty-text">
        <MessageBarBody>
          <MessageBarTitle>{t.duty.titles[duty.id]}</MessageBarTitle>
          {duty.id === 'none' ? closedText : t.duty.texts[duty.id]}{' '}
          {duty.dueAt ? (duty.urgency === 'overdue' ? t.duty.overdue : t.duty.dueBy(displayTime(duty.dueAt))) : null}
        </MessageBarBody>
      </MessageBar>
      {panel.canEdit && duty.id !== 'none' ? (
        <div className={form.actions}>
          <Button appearance="primary" data-testid="next-duty" disabled={act.busy} onClick={run}>
            {t.duty.buttons[duty.id]}
          </Button>
          {canTakeOver ? (
            <Button disabled={take.busy} onClick={() => void take.run('take', {})}>
              {t.owner.takeOver}
            </Button>
          ) : null}
        </div>
      ) : null}
      <ChangeFeedback change={act.error || act.saved ? act : take} panel={panel} />
    </section>
  );
}
