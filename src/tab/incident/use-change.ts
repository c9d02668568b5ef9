/**
 * Sends one DPO change with the etag the page read, and keeps what went wrong: field messages
 * for the form, or the error (an edit conflict above all) for {@link ChangeError}.
 */
import { useState } from 'react';
import { ApiError } from '../../web/api-client';
import type { ChangeAction, ChangeBodies, Incident } from '../../web/api-contract';
import { useApi } from '../api/pui-api';

export interface ChangeState {
  busy: boolean;
  /** A failure that is not about one field (conflict, invalid state, network). */
  error?: ApiError;
  /** The etag the failed change named: when the page's incident differs, it has been reloaded since. */
  attemptedEtag?: string;
  fieldErrors: Record<string, string>;
  saved: boolean;
  run<A extends ChangeAction>(action: A, body: ChangeBodies[A]): Promise<boolean>;
}

export function useChange(incident: Incident, onChanged: (next: Incident) => void): ChangeState {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [attemptedEtag, setAttemptedEtag] = useState<string | undefined>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  async function run<A extends ChangeAction>(action: A, body: ChangeBodies[A]): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    setSaved(false);
    setAttemptedEtag(incident.etag);
    try {
      const next = await api.change(incident.id, action, body, incident.etag);
      setSaved(true);
      onChanged(next);
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const byField = Object.fromEntries(e.issues.filter((i) => i.field).map((i) => [i.field, i.message]));
      if (Object.keys(byField).length > 0 && !e.isConflict) setFieldErrors(byField);
      else setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, attemptedEtag, fieldErrors, saved, run };
}
