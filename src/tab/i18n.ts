/**
 * The tab's side of PUI Desk's one i18n mechanism (`src/domain/i18n.ts`): the locale as React
 * context. Swedish by default, English when the Teams locale (or `?lang=en`) says so.
 * @remarks Each page keeps its own `{ sv, en }` UI strings next to it, so a lazily loaded page
 * brings its own words and the report page's first script stays small; the shared terms
 * (report, fields, sources) come from `src/domain/terms.ts`.
 */
import { createContext, useContext } from 'react';
import { localized, type Locale, type Localized } from '../domain/i18n';

export { formatNumber, localeFrom, type Locale, type Localized } from '../domain/i18n';

export const LocaleContext = createContext<Locale>('sv');

/** The current locale. */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** The strings of a page in the current locale. */
export function useStrings<T>(dictionary: Localized<T>): T {
  return localized(dictionary, useLocale());
}
