/** Words the cards share, in Swedish (default) or English: sources, short vocabulary labels, the clock in words. */
import {
  BREACH_TYPES,
  clockRunning,
  DATA_CATEGORIES,
  formatStockholm,
  formatTimeLeft,
  labelOf,
  RISK_LEVELS,
  STATUSES,
  TERMS,
  timeLeftMs,
  type BreachType,
  type DataCategory,
  type Incident,
  type Locale,
  type Source,
} from '../../src/domain';
import type { TextColor } from './adaptive-card';
import { DPO_CARD_STRINGS } from './dpo-card-strings';

/** Where a report came from, in the app's one vocabulary. */
export function sourceLabel(source: Source, locale: Locale = 'sv'): string {
  return TERMS[locale].sources[source];
}

/** `Konfidentialitet` rather than the long form with its explanation. */
export function breachTypeShort(type: BreachType, locale: Locale = 'sv'): string {
  return labelOf(BREACH_TYPES, type, locale).split(' (')[0];
}

export function breachTypesText(types: readonly BreachType[], locale: Locale = 'sv'): string {
  return types.length ? types.map((t) => breachTypeShort(t, locale)).join(', ') : DPO_CARD_STRINGS[locale].notGivenType;
}

/** `Uppgifter om barn, Socialtjänstuppgifter` rather than the long forms with their explanations. */
export function dataCategoriesText(categories: readonly DataCategory[], locale: Locale = 'sv'): string {
  // In the vocabulary's order (identity numbers, health, social services, children…), whatever order they were ticked in.
  const ordered = DATA_CATEGORIES.filter((d) => categories.includes(d.id));
  return ordered.length
    ? ordered.map((d) => labelOf(DATA_CATEGORIES, d.id, locale).split(' (')[0]).join(', ')
    : DPO_CARD_STRINGS[locale].notGiven;
}

/** About how many people: `ca 1 200 personer`, with Swedish digit grouping (`about 1,200 people` in English). */
export function affectedCountText(count: number | undefined, locale: Locale = 'sv'): string {
  if (count === undefined) return DPO_CARD_STRINGS[locale].notGiven;
  return DPO_CARD_STRINGS[locale].affectedCount(count);
}

export function statusLabel(incident: Pick<Incident, 'status'>, locale: Locale = 'sv'): string {
  return labelOf(STATUSES, incident.status, locale);
}

export function riskLabel(incident: Pick<Incident, 'assessment'>, locale: Locale = 'sv'): string {
  return incident.assessment
    ? labelOf(RISK_LEVELS, incident.assessment.risk, locale)
    : DPO_CARD_STRINGS[locale].notAssessed;
}

/**
 * The 72-hour clock in words, and a colour for how urgent it is.
 * @remarks Overdue from the deadline itself, as in the tab's countdown and the overdue reminder.
 * Only `default` and `attention`: Teams' light `good` (#92c353) and `warning` (#f8d22a) on white
 * are below 4.5:1 contrast, so less than 24 hours left is `attention` as overdue is, and the words
 * ("20 h kvar", "försenad 2 h") tell the two apart.
 */
export function clockText(incident: Incident, now: Date, locale: Locale = 'sv'): { text: string; color: TextColor } {
  const words = DPO_CARD_STRINGS[locale].clock;
  if (incident.status === 'closed') return { text: words.closed, color: 'default' };
  if (incident.imyNotice) {
    const at = incident.imyNotice.notifiedAt ? ` ${formatStockholm(incident.imyNotice.notifiedAt)}` : '';
    return { text: words.notified(at), color: 'default' };
  }
  if (incident.linkedTo) return { text: words.follows(incident.linkedTo.number), color: 'default' };
  if (!clockRunning(incident)) return { text: words.notRequired, color: 'default' };
  const ms = timeLeftMs(incident.deadline, now);
  return { text: formatTimeLeft(ms, locale), color: ms < 24 * 3600_000 ? 'attention' : 'default' };
}
