/**
 * Where the tab runs: inside Teams (context, theme, sign-in through teams-js) or in a plain
 * browser (the local profile, with the dev identity).
 * @remarks teams-js (and MSAL behind it) are loaded only when the page is framed by a host,
 * so a plain browser never downloads them and the report page's first script stays small.
 */
import type { TokenSource } from '../api/api-client';
import { localeFrom, type Locale } from '../i18n';

/** The Teams themes; a plain browser maps its colour scheme onto them. */
export type ThemeName = 'default' | 'dark' | 'contrast';

export interface Host {
  kind: 'teams' | 'browser';
  locale: Locale;
  theme: ThemeName;
  /** Calls the listener when the theme changes; returns the unsubscribe. */
  subscribeTheme(listener: (theme: ThemeName) => void): () => void;
  /** The API token, or undefined where there is none (a plain browser: the local profile). */
  token?: TokenSource;
  /** An incident number the tab was opened for (`?incident=` from the channel card, or a Teams deep link). */
  incident?: string;
}

/** Teams' theme names (`default`, `dark`, `contrast`); anything unknown is the default. */
export function themeNameFrom(teamsTheme: string | null | undefined): ThemeName {
  return teamsTheme === 'dark' || teamsTheme === 'contrast' ? teamsTheme : 'default';
}

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

/** The `?incident=` the DPO channel card's "open in the tab" link carries. */
export function incidentFromUrl(win: Window): string | undefined {
  return new URLSearchParams(win.location.search).get('incident')?.trim() || undefined;
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
