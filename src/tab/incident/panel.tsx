/** What every DPO panel of the incident page gets, and its feedback line. */
import type { Incident } from '../../web/api-contract';
import { ChangeError, type LatestChange } from '../components/change-error';
import { useStrings } from '../i18n';
import { incidentStrings } from './incident-strings';
import { useFormStyles } from './section';
import type { ChangeState } from './use-change';

export interface PanelProps {
  incident: Incident;
  /** The DPO may change it (DPO role, not closed). */
  canEdit: boolean;
  onChanged: (next: Incident) => void;
  onReload: () => void;
  reloading: boolean;
  /** The incident's latest change, for the conflict message. */
  latest?: LatestChange;
}

/** "Saved" (or the panel's own `saved` words), or what went wrong (the conflict explained, with a reload). */
export function ChangeFeedback({ change, panel, saved }: { change: ChangeState; panel: PanelProps; saved?: string }) {
  const t = useStrings(incidentStrings);
  const styles = useFormStyles();
  if (change.error) {
    const reloadedSince = change.attemptedEtag !== undefined && change.attemptedEtag !== panel.incident.etag;
    return (
      <ChangeError
        error={change.error}
        onReload={panel.onReload}
        reloading={panel.reloading}
        latest={reloadedSince ? panel.latest : undefined}
      />
    );
  }
  return (
    <p className={styles.saved} role="status">
      {change.saved ? (saved ?? t.saved) : ''}
    </p>
  );
}
