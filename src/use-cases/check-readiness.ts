/**
 * Whether this instance can serve: the store answers. Read for `/readyz`; it touches no personal
 * data (one app-state key, which need not exist) and remembers its answer briefly, so a load
 * balancer's probes cost the store one read per few seconds, however often they come.
 */
import type { UseCaseDeps } from './deps';

/** The app-state key read to prove the store answers; nothing is ever stored under it. */
const PROBE_KEY = 'readiness-probe';

export interface Readiness {
  ready: boolean;
  /** Why not (a stable code), when not ready. */
  reason?: 'store_unavailable' | 'stopping';
  /** When the store last answered, ISO 8601. */
  checkedAt: string;
}

export interface ReadinessCheck {
  check(): Promise<Readiness>;
  /** From now on the instance is going away: not ready, whatever the store says. */
  markStopping(): void;
}

/** A readiness check over the store, cached for `cacheMs` (default 5 s). */
export function readinessCheck(
  deps: Pick<UseCaseDeps, 'appState' | 'clock' | 'logger'>,
  cacheMs = 5000,
): ReadinessCheck {
  let last: { at: number; answer: Readiness } | undefined;
  let pending: Promise<Readiness> | undefined;
  let stopping = false;
  const probe = async (): Promise<Readiness> => {
    const now = deps.clock.now();
    try {
      await deps.appState.getState(PROBE_KEY);
      return { ready: true, checkedAt: now.toISOString() };
    } catch (error) {
      deps.logger.warn('readiness: the store did not answer', { error: (error as Error)?.name ?? 'Error' });
      return { ready: false, reason: 'store_unavailable', checkedAt: now.toISOString() };
    }
  };
  return {
    async check() {
      if (stopping) return { ready: false, reason: 'stopping', checkedAt: deps.clock.now().toISOString() };
      const now = deps.clock.now().getTime();
      if (last && now - last.at < cacheMs) return last.answer;
      pending ??= probe().then((answer) => {
        last = { at: now, answer };
        pending = undefined;
        return answer;
      });
      return pending;
    },
    markStopping() {
      stopping = true;
    },
  };
}
