/**
 * Hash routing: `#/report`, `#/mine`, `#/board`, `#/incident/PUI-2026-0042`, `#/register`.
 * @remarks The hash never reaches the server, so `/tab/` needs no SPA fallback, and an incident
 * is addressed by its number (not personal data), never by its title.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'report' }
  | { page: 'mine' }
  | { page: 'board' }
  | { page: 'incident'; id: string }
  | { page: 'register' }
  | { page: 'not-found' };

export type PageName = Route['page'];

/** Reads a location hash; an empty hash is the report page. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0].replace(/\/+$/, '');
  if (path === '' || path === 'report') return { page: 'report' };
  if (path === 'mine') return { page: 'mine' };
  if (path === 'board') return { page: 'board' };
  if (path === 'register') return { page: 'register' };
  const incident = /^incident\/([A-Za-z0-9._:-]{1,100})$/.exec(path);
  if (incident) return { page: 'incident', id: decodeURIComponent(incident[1]) };
  return { page: 'not-found' };
}

/** The hash link to a route. */
export function hrefOf(route: Exclude<Route, { page: 'not-found' }>): string {
  return route.page === 'incident' ? `#/incident/${encodeURIComponent(route.id)}` : `#/${route.page}`;
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
