/**
 * The one i18n mechanism of PUI Desk: two locales, strings as `{ sv, en }` objects of the same
 * shape, and numbers written as people read them. The bot, the tab and the Outlook pane all pick
 * their words through {@link localized}; the shared terms live in `terms.ts`.
 */

/** The languages PUI Desk speaks: Swedish (the default) and English. */
export type Locale = 'sv' | 'en';

/** Strings in both languages; the type makes English carry the same keys as Swedish. */
export interface Localized<T> {
  sv: T;
  en: T;
}

/** The strings of a dictionary in a locale. */
export function localized<T>(dictionary: Localized<T>, locale: Locale): T {
  return dictionary[locale];
}

/** `en`, `en-US`, `en_gb` → English; anything else (also missing) → Swedish. */
export function localeFrom(tag: string | null | undefined): Locale {
  return /^en(\b|[-_])/i.test((tag ?? '').trim()) ? 'en' : 'sv';
}

/**
 * A number as people write it: `10 000` and `2,75` in Swedish (grouped with a non-breaking space,
 * so it never wraps inside a number), `10,000` and `2.75` in English.
 */
export function formatNumber(value: number, locale: Locale = 'sv', maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', {
    maximumFractionDigits,
    useGrouping: true,
  }).format(value);
}
