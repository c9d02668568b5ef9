/**
 * The closed vocabularies of an incident: breach types, data categories, sources,
 * statuses and risk levels, each with Swedish and English labels.
 */
import type { Locale } from './i18n';

export const BREACH_TYPES = [
  {
    id: 'confidentiality',
    label: 'Konfidentialitet (obehörig har fått del av uppgifter)',
    labelEn: 'Confidentiality (disclosure to someone not entitled)',
  },
  { id: 'integrity', label: 'Riktighet (uppgifter har ändrats obehörigt)', labelEn: 'Integrity (unauthorised change)' },
  {
    id: 'availability',
    label: 'Tillgänglighet (uppgifter har förlorats eller förstörts)',
    labelEn: 'Availability (loss or destruction)',
  },
] as const;
export type BreachType = (typeof BREACH_TYPES)[number]['id'];

export const DATA_CATEGORIES = [
  {
    id: 'identity-numbers',
    label: 'Personnummer eller samordningsnummer',
    labelEn: 'Personal identity or coordination numbers',
  },
  { id: 'health', label: 'Hälsa', labelEn: 'Health' },
  {
    id: 'social-services',
    label: 'Socialtjänstuppgifter (sekretess enligt OSL 26 kap. 1 §)',
    labelEn: 'Social services data (secrecy, OSL 26:1)',
  },
  { id: 'children', label: 'Uppgifter om barn', labelEn: 'Data about children' },
  { id: 'protected-identity', label: 'Skyddad identitet', labelEn: 'Protected identity' },
  { id: 'criminal-offences', label: 'Lagöverträdelser', labelEn: 'Criminal offences' },
  { id: 'financial', label: 'Ekonomiska uppgifter', labelEn: 'Financial data' },
  { id: 'contact', label: 'Kontaktuppgifter', labelEn: 'Contact details' },
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number]['id'];

export const SOURCES = ['bot', 'message', 'tab', 'outlook', 'import', 'api'] as const;
export type Source = (typeof SOURCES)[number];

export const STATUSES = [
  { id: 'new', label: 'Ny', labelEn: 'New' },
  { id: 'triage', label: 'Under utredning', labelEn: 'In triage' },
  { id: 'assessed', label: 'Bedömd', labelEn: 'Assessed' },
  { id: 'notified', label: 'Anmäld till IMY', labelEn: 'Notified to IMY' },
  { id: 'not-required', label: 'Anmälan krävs inte', labelEn: 'Notice not required' },
  { id: 'closed', label: 'Avslutad', labelEn: 'Closed' },
] as const;
export type Status = (typeof STATUSES)[number]['id'];

export const RISK_LEVELS = [
  { id: 'unlikely', label: 'Osannolikt att den medför en risk', labelEn: 'Unlikely to result in a risk' },
  { id: 'risk', label: 'Medför en risk', labelEn: 'Results in a risk' },
  { id: 'high', label: 'Medför en hög risk', labelEn: 'Results in a high risk' },
] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number]['id'];

function ids<T extends { id: string }>(list: readonly T[]): T['id'][] {
  return list.map((x) => x.id);
}
export const BREACH_TYPE_IDS: readonly BreachType[] = ids(BREACH_TYPES);
export const DATA_CATEGORY_IDS: readonly DataCategory[] = ids(DATA_CATEGORIES);
export const STATUS_IDS: readonly Status[] = ids(STATUSES);
export const RISK_LEVEL_IDS: readonly RiskLevel[] = ids(RISK_LEVELS);

/** True when `value` is one of `allowed`. */
export function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/** The label of an id in a vocabulary. */
export function labelOf(
  list: readonly { id: string; label: string; labelEn: string }[],
  id: string,
  locale: Locale = 'sv',
): string {
  const entry = list.find((x) => x.id === id);
  if (!entry) return id;
  return locale === 'en' ? entry.labelEn : entry.label;
}
