/**
 * One incident: every field, the clock, the timeline from the audit trail, and – for the DPO –
 * ownership, the time of awareness and of the end, the guided assessment, the IMY notice,
 * art. 34, lex Sarah / IVO, the police report and closing.
 * Changes name the etag the page read; a stale one is explained, never overwritten.
 */
import { Button, Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { REGISTER_CHECKS } from '../../domain/register-checks';
import { labelOf } from '../../domain/vocabulary';
import { ApiError } from '../api/api-client';
import type { Incident, IncidentDetails } from '../api/api-types';
import { useApi } from '../api/pui-api';
import { commonStrings } from '../common-strings';
import type { LatestChange } from '../components/change-error';
import { Countdown, useNow } from '../components/countdown';
import { LoadError } from '../components/load-error';
import { PageHeading } from '../components/page-heading';
import { nextStep, statusLabel } from '../components/status-text';
import { displayTime } from '../components/time-input';
import { useLocale, useStrings } from '../i18n';
import { hrefOf } from '../routing';
import { useSession } from '../session';
import { AssessmentPanel } from './assessment-panel';
import { AwarenessPanel } from './awareness-panel';
import { EndedPanel } from './ended-panel';
import { ImyNoticePanel } from './imy-notice-panel';
import { IncidentFacts } from './incident-facts';
import { incidentStrings } from './incident-strings';
import { LexSarahPanel } from './lex-sarah-panel';
import { ChangeFeedback, type PanelProps } from './panel';
import { PoliceReportPanel } from './police-report-panel';
import { Section, useFormStyles } from './section';
import { SubjectNoticePanel } from './subject-notice-panel';
import { Timeline } from './timeline';
import { useChange } from './use-change';

const useStyles = makeStyles({
  page: { maxWidth: '60rem', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  top: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`, alignItems: 'baseline' },
  clock: { display: 'flex', flexWrap: 'wrap', gap: `0 ${tokens.spacingHorizontalXL}`, margin: 0, '& dt': { fontWeight: tokens.fontWeightSemibold }, '& dd': { margin: 0 } },
  title: { overflowWrap: 'anywhere' },
});

export function IncidentPage({ idOrNumber }: { idOrNumber: string }) {
  const api = useApi();
  const { isDpo, me } = useSession();
  const t = useStrings(incidentStrings);
  const common = useStrings(commonStrings);
  const styles = useStyles();
  const [details, setDetails] = useState<IncidentDetails | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [reloading, setReloading] = useState(false);

  const load = useCallback(async () => {
    setReloading(true);
    try {
      setDetails(await api.incident(idOrNumber));
      setError(undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setReloading(false);
    }
  }, [api, idOrNumber]);
  useEffect(() => {
    void load();
  }, [load]);

  const back = isDpo ? <Link href={hrefOf({ page: 'board' })}>{t.back}</Link> : <Link href={hrefOf({ page: 'mine' })}>{t.backMine}</Link>;
  if (!details) {
    return (
      <section className={styles.page}>
        {error ? (
          <>
            <PageHeading title={idOrNumber}>{idOrNumber}</PageHeading>
            {error.status === 404 ? <p>{t.notFound}</p> : <LoadError error={error} onRetry={() => void load()} />}
            {back}
          </>
        ) : (
          <Spinner label={common.loading} />
        )}
      </section>
    );
  }
  return <IncidentView details={details} reload={load} reloading={reloading} loadError={error} back={back} isDpo={isDpo} meId={me?.id}
    onChanged={(next) => {
      setDetails((d) => (d ? { ...d, incident: next } : d));
      void load();
    }}
  />;
}

interface ViewProps {
  details: IncidentDetails;
  reload: () => Promise<void>;
  reloading: boolean;
  loadError?: ApiError;
  back: ReactElement;
  isDpo: boolean;
  meId?: string;
  onChanged: (next: Incident) => void;
}

function IncidentView({ details, reload, reloading, loadError, back, isDpo, meId, onChanged }: ViewProps) {
  const { incident, events, findings } = details;
  const t = useStrings(incidentStrings);
  const locale = useLocale();
  const styles = useStyles();
  const form = useFormStyles();
  const now = useNow();
  const take = useChange(incident, onChanged);
  const close = useChange(incident, onChanged);
  const last = events[events.length - 1];
  const latest: LatestChange | undefined = last ? { what: t.timeline.events[last.type] ?? last.type, who: last.actor.name, when: displayTime(last.at) } : undefined;
  const open = incident.status !== 'closed';
  const panel: PanelProps = { incident, canEdit: isDpo && open, onChanged, onReload: () => void reload(), reloading, latest };

  return (
    <article className={styles.page} aria-busy={reloading}>
      <div>
        {back}
        <PageHeading title={incident.number}>
          <span>{incident.number}</span>: <span className={styles.title}>{incident.title}</span>
        </PageHeading>
        <dl className={styles.clock}>
          <div><dt>{t.facts.status}</dt><dd>{statusLabel(incident.status, locale)}</dd></div>
          <div><dt>{t.clock.deadline}</dt><dd>{displayTime(incident.deadline)}</dd></div>
          <div><dt>{t.clock.timeLeft}</dt><dd data-testid="incident-clock"><Countdown incident={incident} now={now} /></dd></div>
        </dl>
      </div>
      {loadError ? <LoadError error={loadError} onRetry={() => void reload()} /> : null}
      {reloading ? <span className={form.muted} role="status">{t.reloading}</span> : null}

      {!isDpo ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody><strong>{t.next}:</strong> {nextStep(incident, locale)}</MessageBarBody>
        </MessageBar>
      ) : null}

      {isDpo ? (
        <Section id="owner" heading={t.owner.heading}>
          <p data-testid="owner">{incident.owner ? (incident.owner.id === meId ? t.owner.you : t.owner.is(incident.owner.name)) : t.owner.none}</p>
          {open && incident.owner?.id !== meId ? (
            <div className={form.actions}>
              <Button appearance="primary" disabled={take.busy} onClick={() => void take.run('take', {})}>
                {incident.owner ? t.owner.takeOver : t.owner.take}
              </Button>
            </div>
          ) : null}
          <ChangeFeedback change={take} panel={panel} />
        </Section>
      ) : null}

      <IncidentFacts incident={incident} />

      {isDpo ? (
        <>
          <AwarenessPanel {...panel} />
          <EndedPanel {...panel} />
          <Section id="assessment" heading={t.assessment.heading}><AssessmentPanel {...panel} /></Section>
          <ImyNoticePanel {...panel} supplementDueAt={details.supplementDueAt} />
          <SubjectNoticePanel {...panel} />
          <LexSarahPanel {...panel} />
          <PoliceReportPanel {...panel} />
          <Section id="findings" heading={t.findings.heading}>
            {findings.length === 0 ? (
              <p>{t.findings.none}</p>
            ) : (
              <ul data-testid="incident-findings">
                {findings.map((f) => <li key={f}>{labelOf(REGISTER_CHECKS, f, locale)}</li>)}
              </ul>
            )}
          </Section>
          <Section id="close" heading={t.close.heading}>
            {open ? (
              <>
                <p>{t.close.intro}</p>
                <div className={form.actions}>
                  <Button disabled={close.busy} onClick={() => void close.run('close', {})}>{t.close.button}</Button>
                </div>
                <ChangeFeedback change={close} panel={panel} />
              </>
            ) : (
              <p>{t.close.closed(displayTime(incident.closedAt), incident.closedBy?.name ?? '')}</p>
            )}
          </Section>
        </>
      ) : null}

      <Timeline events={events} />
    </article>
  );
}
