/**
 * Hash routing: `#/report`, `#/mine`, `#/board`, `#/incident/PUI-2026-0042`, `#/register`.
 * @remarks The hash never reaches the server, so `/tab/` needs no SPA fallback, and an incident
 * is addressed by its number (not personal data), never by its title.
 */
import { useEffect, useState } from 'react';
import { NUMBER_PATTERN } from '../domain/incident-number';

export type Route =
  | { page: 'report' }
  | { page: 'mine' }
  /** `numbers`: just these incidents (the digest's link, `#/board?numbers=PUI-2026-0001,…`). */
  | { page: 'board'; numbers?: string[] }
  | { page: 'incident'; id: string }
  | { page: 'register' }
  | { page: 'not-found' };

export type PageName = Route['page'];

/** Reads `numbers=PUI-2026-0001,PUI-2026-0002` from the board's link; anything not a number is dropped. */
export function boardNumbers(query: string | undefined): string[] | undefined {
  if (!query) return undefined;
  const raw = new URLSearchParams(query).get('numbers');
  if (raw === null) return undefined;
  const numbers = raw
    .split(',')
    .map((n) => n.trim().toUpperCase())
    .filter((n) => NUMBER_PATTERN.test(n));
  return [...new Set(numbers)].slice(0, 500);
}

/** Reads a location hash; an empty hash is the report page. */
export function parseRoute(hash: string): Route {
  const [rawPath, query] = hash.replace(/^#\/?/, '').split('?');
  const path = rawPath.replace(/\/+$/, '');
  if (path === '' || path === 'report') return { page: 'report' };
  if (path === 'mine') return { page: 'mine' };
  if (path === 'board') {
    const numbers = boardNumbers(query);
    return numbers ? { page: 'board', numbers } : { page: 'board' };
  }
  if (path === 'register') return { page: 'register' };
  const incident = /^incident\/([A-Za-z0-9._:-]{1,100})$/.exec(path);
  if (incident) return { page: 'incident', id: decodeURIComponent(incident[1]) };
  return { page: 'not-found' };
}

/** The hash link to a route. */
export function hrefOf(route: Exclude<Route, { page: 'not-found' }>): string {
  if (route.page === 'incident') return `#/incident/${encodeURIComponent(route.id)}`;
  if (route.page === 'board' && route.numbers) return `#/board?numbers=${route.numbers.join(',')}`;
  return `#/${route.page}`;
}

/** The current route, following `hashchange`. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Goes to a route (adds a history entry). */
export function navigate(route: Exclude<Route, { page: 'not-found' }>): void {
  window.location.hash = hrefOf(route);
}
