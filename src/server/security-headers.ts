/**
 * The response headers every answer carries: a Content-Security-Policy per kind of answer (the
 * tab, the Outlook task pane, everything else), HSTS outside the local profile, and no caching
 * of API answers.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Who may frame the tab: Microsoft's list for Teams tabs that also run in Outlook and the
 * Microsoft 365 app ("Tab requirements", learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements):
 * Teams, the Microsoft 365 app, Outlook on the web, and `*.cloud.microsoft`, where all of them are moving.
 * @remarks `*.office.com` and `*.cloud.microsoft` stay wildcards because that is how Microsoft
 * documents them (hosts move between their subdomains); the Microsoft-internal `-sdf` rings are left out.
 */
export const TAB_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
] as const;

/**
 * Who may frame the task pane: Outlook only, on the web (`outlook.office.com`,
 * `outlook.office365.com`) and its new home `outlook.cloud.microsoft` (also the new Outlook for
 * Windows). Outlook's desktop and mobile clients do not frame the pane in a web page.
 */
export const OUTLOOK_FRAME_ANCESTORS = [
  "'self'",
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
] as const;

/** Where Entra ID answers MSAL (the fallback to a normal sign-in where the host has no nested app authentication). */
const ENTRA_LOGIN = 'https://login.microsoftonline.com';

type Directives = Record<string, readonly string[]>;

/** The directives both pages share. */
function pageDirectives(frameAncestors: readonly string[]): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // Fluent UI (Griffel) writes its CSS into <style> elements at run time, and the tab's page has a
    // small inline <style>: without a per-request nonce threaded into Griffel's renderer, styles need
    // 'unsafe-inline'. Scripts do not: no inline script, no eval.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ENTRA_LOGIN],
    // MSAL's silent renewal may use a hidden frame on Entra ID; nothing else is framed.
    'frame-src': [ENTRA_LOGIN],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': frameAncestors,
  };
}

/**
 * The tab: our own bundle only (teams-js and MSAL are bundled). teams-js fetches its list of valid
 * host origins from Microsoft's CDN at start (it falls back to the copy it ships with).
 */
export const TAB_CSP = serialise({
  ...pageDirectives(TAB_FRAME_ANCESTORS),
  'connect-src': ["'self'", ENTRA_LOGIN, 'https://res.cdn.office.net'],
});

/**
 * The task pane: Office.js must be loaded from Microsoft's CDN, and it loads its host-specific
 * scripts from there too (and MicrosoftAjax from ajax.aspnetcdn.com on some hosts); it sends its
 * telemetry to Microsoft's Aria collector.
 */
export const OUTLOOK_CSP = serialise({
  ...pageDirectives(OUTLOOK_FRAME_ANCESTORS),
  'script-src': ["'self'", 'https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com'],
  'connect-src': ["'self'", ENTRA_LOGIN, 'https://browser.pipe.aria.microsoft.com'],
});

/** JSON, files, redirects and the 404 page: nothing in them runs or loads anything, and nothing may frame them. */
export const OTHER_CSP = serialise({
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

function serialise(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

function cspFor(path: string): string {
  if (path === '/tab' || path.startsWith('/tab/')) return TAB_CSP;
  if (path === '/outlook' || path.startsWith('/outlook/')) return OUTLOOK_CSP;
  return OTHER_CSP;
}

/** One year, the value HSTS preload lists ask for. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Sets the security headers on every answer.
 * @param profile HSTS only outside the local profile: the local server speaks plain HTTP on loopback,
 * and a browser that remembered HSTS for `localhost` would refuse every other local dev server.
 */
export function securityHeaders(profile: 'local' | 'entra'): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', cspFor(req.path));
    if (profile !== 'local') res.setHeader('Strict-Transport-Security', HSTS);
    // Every API answer may carry incident data (or an error about one): no browser or proxy keeps it.
    if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
