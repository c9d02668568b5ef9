/**
 * The server's text of a document of one incident (the IMY text, the art. 34 letter): fetched
 * only while `enabled` (its track is open), so that the access log records a document read when the
 * DPO looks at it, not each time the page opens; fetched again when the incident or the query changes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Incident, NoticeQuery } from '../../web/api-contract';
import { useApi } from '../api/pui-api';

export type NoticeTextState =
  { status: 'idle' | 'loading' } | { status: 'ready'; text: string } | { status: 'failed'; message: string };

/** A change of the query waits this long, so typing a time fetches once, not once a key. */
const SETTLE_MS = 300;

export function useNoticeText(
  incident: Pick<Incident, 'id' | 'etag'>,
  query: Omit<NoticeQuery, 'format'>,
  enabled: boolean,
): { state: NoticeTextState; retry: () => void } {
  const api = useApi();
  const [state, setState] = useState<NoticeTextState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const { kind, lang, notifiedAt, phased } = query;
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    const timer = setTimeout(() => {
      api.noticeText(incident.id, { kind, lang, notifiedAt, phased }).then(
        (text) => current && setState({ status: 'ready', text }),
        (error: unknown) => current && setState({ status: 'failed', message: (error as Error).message }),
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, enabled, incident.id, incident.etag, kind, lang, notifiedAt, phased, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
