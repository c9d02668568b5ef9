/** Swedish words the cards share: sources, short vocabulary labels, the clock in words. */
import {
  BREACH_TYPES,
  clockRunning,
  DATA_CATEGORIES,
  formatNumber,
  formatStockholm,
  formatTimeLeft,
  isOverdue,
  labelOf,
  RISK_LEVELS,
  STATUSES,
  TERMS,
  timeLeftMs,
  type BreachType,
  type DataCategory,
  type Incident,
  type Source,
} from '../../src/domain';
import type { TextColor } from './adaptive-card';

/** Where a report came from, in the app's one vocabulary. */
export function sourceLabel(source: Source): string {
  return TERMS.sv.sources[source];
}

/** `Konfidentialitet` rather than the long form with its explanation. */
export function breachTypeShort(type: BreachType): string {
  return labelOf(BREACH_TYPES, type).split(' (')[0];
}

export function breachTypesText(types: readonly BreachType[]): string {
  return types.length ? types.map(breachTypeShort).join(', ') : 'Inte angiven';
}

/** `Uppgifter om barn, Socialtjänstuppgifter` rather than the long forms with their explanations. */
export function dataCategoriesText(categories: readonly DataCategory[]): string {
  // In the vocabulary's order (identity numbers, health, social services, children…), whatever order they were ticked in.
  const ordered = DATA_CATEGORIES.filter((d) => categories.includes(d.id));
  return ordered.length ? ordered.map((d) => d.label.split(' (')[0]).join(', ') : 'Inte angivet';
}

/** About how many people: `ca 1 200 personer`, with Swedish digit grouping. */
export function affectedCountText(count: number | undefined): string {
  if (count === undefined) return 'Inte angivet';
  return `ca ${formatNumber(count)} ${count === 1 ? 'person' : 'personer'}`;
}

export function statusLabel(incident: Pick<Incident, 'status'>): string {
  return labelOf(STATUSES, incident.status);
}

export function riskLabel(incident: Pick<Incident, 'assessment'>): string {
  return incident.assessment ? labelOf(RISK_LEVELS, incident.assessment.risk) : 'Inte bedömd';
}

/**
 * The 72-hour clock in words, and a colour for how urgent it is.
 * @remarks Overdue from the deadline itself, as in the tab's countdown and the overdue reminder.
 */
export function clockText(incident: Incident, now: Date): { text: string; color: TextColor } {
  if (incident.status === 'closed') return { text: 'Avslutad', color: 'default' };
  if (incident.imyNotice) {
    const at = incident.imyNotice.notifiedAt ? ` ${formatStockholm(incident.imyNotice.notifiedAt)}` : '';
    // Default, not `good`: Teams' light green on white is below 4.5:1 contrast; the words say it is done.
    return { text: `Klockan stoppad: anmäld till IMY${at}`, color: 'default' };
  }
  if (!clockRunning(incident)) return { text: 'Klockan stoppad: anmälan krävs inte', color: 'default' };
  const ms = timeLeftMs(incident.deadline, now);
  const color: TextColor = isOverdue(ms) ? 'attention' : ms < 24 * 3600_000 ? 'warning' : 'default';
  return { text: formatTimeLeft(ms), color };
}
