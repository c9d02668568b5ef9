/**
 * The local profile's guard against other web pages: the server answers only to its loopback
 * names, and only its own pages (or programs that are not browsers) may change anything.
 * @remarks The local profile has no sign-in: every request acts as the dev identity. Without this
 * guard any page the developer opens could `POST /api/incidents/<id>/take` to 127.0.0.1 (a form or a
 * `no-cors` fetch needs no CORS permission), and a DNS-rebinding page (`evil.example` resolving to
 * 127.0.0.1) could even read the answers, since the browser then thinks it is on the same origin.
 *
 * Outside the local profile none of this is needed: every API call carries an Entra ID token in the
 * `Authorization` header, which a browser never adds by itself (there is no cookie), so a forged
 * cross-site request is unauthenticated, and CORS lets only the Teams and Outlook origins read answers.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpProblem } from './error-response';

/** `127.0.0.1`, `localhost` or `[::1]`, with or without a port. */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

/** Methods that change nothing (RFC 9110 safe methods). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when `host` (a Host header) names this machine's loopback interface. */
export function isLoopbackHost(host: string | undefined): boolean {
  return typeof host === 'string' && LOOPBACK_HOST.test(host);
}

/**
 * Why a state-changing request comes from another site, or undefined when it is our own page or
 * not a browser at all.
 * @remarks Browsers send `Origin` on every request that is neither GET nor HEAD (Fetch standard,
 * "append a request Origin header"; `null` from an opaque or referrer-less origin) and, on
 * loopback too, `Sec-Fetch-Site`. Programs (curl, the Agents Playground, the tests) send neither,
 * and they are not the threat: a web page is.
 */
export function crossSiteReason(req: Pick<Request, 'headers'>): string | undefined {
  const fetchSite = req.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && fetchSite !== 'same-origin' && fetchSite !== 'none')
    return `sec-fetch-site:${fetchSite}`;
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return 'origin:unreadable';
  }
  // The Host was checked first, so an origin with the same host (and port) is one of our own pages.
  return originHost.toLowerCase() === String(req.headers.host).toLowerCase() ? undefined : 'origin:other';
}

/** Refuses requests to another Host name (421), and state changes from another site (403). */
export function localProfileGuard(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!isLoopbackHost(req.headers.host)) {
      next(
        new HttpProblem(
          421,
          'misdirected_request',
          'Den lokala profilen svarar bara på 127.0.0.1, localhost och [::1]. Öppna sidan via http://127.0.0.1:<port>/.',
          'The local profile answers only on 127.0.0.1, localhost and [::1]. Open the page via http://127.0.0.1:<port>/.',
        ),
      );
      return;
    }
    if (!SAFE_METHODS.has(req.method) && crossSiteReason(req)) {
      next(
        new HttpProblem(
          403,
          'cross_site_refused',
          'Ändringar tas bara emot från PUI Desks egna sidor. Öppna fliken på http://127.0.0.1:<port>/tab/ och försök där.',
          'Changes are accepted only from PUI Desk’s own pages. Open the tab at http://127.0.0.1:<port>/tab/ and try there.',
        ),
      );
      return;
    }
    next();
  };
}
