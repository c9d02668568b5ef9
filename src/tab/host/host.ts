/**
 * Where the tab runs: inside Teams (context, theme, sign-in through teams-js) or in a plain
 * browser (the local profile, with the dev identity).
 * @remarks teams-js (and MSAL behind it) are loaded only when the page is framed by a host,
 * so a plain browser never downloads them and the report page's first script stays small.
 */
import { localeFrom, type Locale } from '../i18n';
import { incidentFromUrl, themeNameFrom, type Host, type ThemeName } from './host-port';

export { incidentFromUrl, themeNameFrom, type Host, type ThemeName } from './host-port';

/** True when the page is framed (Teams web/desktop) or hosted by a Teams mobile client. */
export function looksEmbedded(win: Window): boolean {
  return win.parent !== win || 'nativeInterface' in win;
}

/** The locale a plain browser asks for with `?lang=en`; Swedish otherwise. */
export function browserLocale(win: Window): Locale {
  return localeFrom(new URLSearchParams(win.location.search).get('lang'));
}

/** `?theme=dark|contrast|default` shows a Teams theme in a plain browser; else the system's colour scheme. */
function browserTheme(win: Window): ThemeName {
  const asked = new URLSearchParams(win.location.search).get('theme');
  if (asked) return themeNameFrom(asked);
  // Forced colours (Windows high contrast) need no theme of ours: the browser repaints with system colours.
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

/** A plain browser: `?lang=`, `?theme=` or the system colour scheme, no token. */
export function browserHost(win: Window): Host {
  return {
    kind: 'browser',
    locale: browserLocale(win),
    incident: incidentFromUrl(win),
    theme: browserTheme(win),
    subscribeTheme(listener) {
      const query = win.matchMedia?.('(prefers-color-scheme: dark)');
      const onChange = () => listener(browserTheme(win));
      query?.addEventListener?.('change', onChange);
      return () => query?.removeEventListener?.('change', onChange);
    },
  };
}

/** Connects to Teams when framed by it; a plain browser otherwise (also when Teams does not answer). */
export async function connectHost(win: Window = window): Promise<Host> {
  if (!looksEmbedded(win)) return browserHost(win);
  const { connectTeams } = await import('./teams-host.js');
  return (await connectTeams(win)) ?? browserHost(win);
}
