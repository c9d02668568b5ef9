/**
 * The tab's language: Swedish by default, English when the Teams locale (or `?lang=en`) says so.
 * @remarks Each page keeps its own `{ sv, en }` strings next to it, so a lazily loaded page
 * brings its own words and the report page's first script stays small.
 */
import { createContext, useContext } from 'react';

export type Locale = 'sv' | 'en';

/** Strings of one page in both languages; English must have the same keys as Swedish. */
export interface Localized<T> {
  sv: T;
  en: T;
}

export const LocaleContext = createContext<Locale>('sv');

/** The current locale. */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** The strings of a page in the current locale. */
export function useStrings<T>(dictionary: Localized<T>): T {
  return dictionary[useLocale()];
}

/** `en`, `en-US`, `en-gb` → English; anything else (also missing) → Swedish. */
export function localeFrom(tag: string | null | undefined): Locale {
  return /^en(\b|[-_])/i.test((tag ?? '').trim()) ? 'en' : 'sv';
}

/** A number as people write it in the locale: `2,75` in Swedish. */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits }).format(value);
}
