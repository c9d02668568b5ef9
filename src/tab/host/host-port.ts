/**
 * What the tab knows of where it runs, whichever host connected it (Teams or a plain browser).
 * @remarks Kept apart from {@link ./host} (which chooses and lazily loads a host) so that the
 * Teams connection can use these without importing back the module that imports it.
 */
import type { TokenSource } from '../../web/sign-in';
import type { Locale } from '../i18n';

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

/** The `?incident=` the DPO channel card's "open in the tab" link carries. */
export function incidentFromUrl(win: Window): string | undefined {
  return new URLSearchParams(win.location.search).get('incident')?.trim() || undefined;
}
