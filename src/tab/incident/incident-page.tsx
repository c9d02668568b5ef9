/**
 * One incident as the DPO's workbench: at the top the status, the clock and the next duty with
 * its button; below it the tracks (assessment, IMY, art. 34, lex Sarah / IVO, police, the end,
 * awareness) as disclosures that open themselves when due; beside it (from about 1,000 px, else
 * below) the facts, the register findings and the timeline. A reporter sees the status, what
 * happens next, the facts and the timeline.
 * @remarks The DOM order is the visual order (work column, then facts column), so keyboard and
 * screen-reader order follow what the eye sees. Changes name the etag the page read; a stale
 * one is explained, never overwritten.
 */
import { Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { trackStates } from '../../domain/duties';
import { ApiError } from '../../web/api-client';
import type { Incident, IncidentDetails } from '../../web/api-contract';
import { useApi } from '../api/pui-api';
import { commonStrings } from '../common-strings';
import type { LatestChange } from '../components/change-error';
import { Countdown, useNow } from '../components/countdown';
import { LoadError } from '../components/load-error';
import { PageHeading } from '../components/page-heading';
import { CulledNotice } from './culled-notice';
import { nextStep, statusLabel } from '../components/status-text';
import { displayTime } from '../components/time-input';
import { useLocale, useStrings } from '../i18n';
import { hrefOf } from '../routing';
import { useSession } from '../session';
import { AssessmentPanel } from './assessment-panel';
import { AwarenessPanel } from './awareness-panel';
import { DutyCard } from './duty-card';
import { EndedPanel } from './ended-panel';
import { Findings } from './findings';
import { ImyNoticePanel } from './imy-notice-panel';
import { IncidentFacts } from './incident-facts';
import { incidentStrings } from './incident-strings';
import { AssessmentTrack } from './incident-track';
import { LexSarahPanel } from './lex-sarah-panel';
import { LinkPanel } from './link-panel';
import type { PanelProps } from './panel';
import { NoticeDetailsPanel } from './notice-details-panel';
import { PoliceReportPanel } from './police-report-panel';
import { useFormStyles } from './section';
import { SubjectNoticePanel } from './subject-notice-panel';
import { Timeline } from './timeline';
import { AccessLogSection } from './access-log-section';
import { LegalHoldSection } from './legal-hold-section';
import { LegalHoldMark } from '../components/legal-hold-mark';
import { TrackProvider, useTrackOpening } from './track';

const useStyles = makeStyles({
  page: { maxWidth: '84rem', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { overflowWrap: 'anywhere' },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalL,
    alignItems: 'start',
    '@media (min-width: 1000px)': {
      gridTemplateColumns: 'minmax(0, 3fr) minmax(20rem, 2fr)',
      columnGap: tokens.spacingHorizontalXL,
    },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  clock: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `0 ${tokens.spacingHorizontalXL}`,
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0 },
  },
});

/** Loads the incident and keeps it as changes answer and reloads bring it. */
function useIncidentDetails(idOrNumber: string) {
  const api = useApi();
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
  const onChanged = useCallback(
    (next: Incident) => {
      setDetails((d) => (d ? { ...d, incident: next } : d));
      void load();
    },
    [load],
  );
  return { details, error, reloading, load, onChanged };
}

export function IncidentPage({ idOrNumber }: { idOrNumber: string }) {
  const { isDpo, me } = useSession();
  const t = useStrings(incidentStrings);
  const common = useStrings(commonStrings);
  const styles = useStyles();
  const { details, error, reloading, load, onChanged } = useIncidentDetails(idOrNumber);

  const back = isDpo ? (
    <Link href={hrefOf({ page: 'board' })}>{t.back}</Link>
  ) : (
    <Link href={hrefOf({ page: 'mine' })}>{t.backMine}</Link>
  );
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
  return (
    <IncidentView
      details={details}
      reload={load}
      reloading={reloading}
      loadError={error}
      back={back}
      isDpo={isDpo}
      meId={me?.id}
      onChanged={onChanged}
    />
  );
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

/** The reporter's top: status, clock and what happens next, in their words. */
function ReporterStatus({ incident, now }: { incident: Incident; now: Date }) {
  const t = useStrings(incidentStrings);
  const locale = useLocale();
  const styles = useStyles();
  return (
    <>
      <dl className={styles.clock}>
        <div>
          <dt>{t.facts.status}</dt>
          <dd>{statusLabel(incident.status, locale)}</dd>
        </div>
        <div>
          <dt>{t.clock.deadline}</dt>
          <dd>{displayTime(incident.deadline)}</dd>
        </div>
        <div>
          <dt>{t.clock.timeLeft}</dt>
          <dd data-testid="incident-clock">
            <Countdown incident={incident} now={now} />
          </dd>
        </div>
      </dl>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <strong>{t.next}:</strong> {nextStep(incident, locale)}
        </MessageBarBody>
      </MessageBar>
    </>
  );
}

/** The DPO's work column: the next duty, then every track. */
function Workbench({
  panel,
  supplementDueAt,
  linkedReports,
  meId,
  now,
}: {
  panel: PanelProps;
  supplementDueAt: string | null;
  linkedReports: NonNullable<IncidentDetails['linkedReports']>;
  meId?: string;
  now: Date;
}) {
  const { incident } = panel;
  const opening = useTrackOpening({
    assessment: incident.assessment || incident.status === 'closed' ? 'done' : 'due',
    ...trackStates(incident),
  });
  return (
    <TrackProvider value={opening}>
      <DutyCard panel={panel} meId={meId} now={now} />
      <AssessmentTrack incident={incident}>
        <AssessmentPanel {...panel} />
      </AssessmentTrack>
      <ImyNoticePanel {...panel} supplementDueAt={supplementDueAt} />
      <NoticeDetailsPanel {...panel} />
      <SubjectNoticePanel {...panel} />
      <LexSarahPanel {...panel} />
      <PoliceReportPanel {...panel} />
      <EndedPanel {...panel} />
      <AwarenessPanel {...panel} />
      <LinkPanel {...panel} linkedReports={linkedReports} />
    </TrackProvider>
  );
}

function IncidentView({ details, reload, reloading, loadError, back, isDpo, meId, onChanged }: ViewProps) {
  const { incident, events, findings } = details;
  const t = useStrings(incidentStrings);
  const styles = useStyles();
  const form = useFormStyles();
  const now = useNow();
  const last = events[events.length - 1];
  const latest: LatestChange | undefined = last
    ? { what: t.timeline.events[last.type] ?? last.type, who: last.actor.name, when: displayTime(last.at) }
    : undefined;
  const panel: PanelProps = {
    incident,
    canEdit: isDpo && incident.status !== 'closed',
    onChanged,
    onReload: () => void reload(),
    reloading,
    latest,
  };

  return (
    <article className={styles.page} aria-busy={reloading}>
      <div>
        {back}
        <PageHeading title={incident.number}>
          <span>{incident.number}</span>: <span className={styles.title}>{incident.title}</span>
        </PageHeading>
        {isDpo && incident.legalHold ? <LegalHoldMark /> : null}
      </div>
      {loadError ? <LoadError error={loadError} onRetry={() => void reload()} /> : null}
      {incident.retention ? <CulledNotice retention={incident.retention} /> : null}
      {reloading ? (
        <span className={form.muted} role="status">
          {t.reloading}
        </span>
      ) : null}
      <div className={styles.columns}>
        <div className={styles.column} role="region" aria-label={t.columns.work}>
          {isDpo ? (
            <>
              <Workbench
                panel={panel}
                supplementDueAt={details.supplementDueAt}
                linkedReports={details.linkedReports ?? []}
                meId={meId}
                now={now}
              />
              <LegalHoldSection panel={panel} outlook={details.retention} />
            </>
          ) : (
            <ReporterStatus incident={incident} now={now} />
          )}
        </div>
        <div className={styles.column} role="region" aria-label={t.columns.facts}>
          <IncidentFacts incident={incident} />
          {isDpo ? <Findings findings={findings} /> : null}
          <Timeline events={events} />
          {isDpo ? <AccessLogSection incidentId={incident.id} /> : null}
        </div>
      </div>
    </article>
  );
}
