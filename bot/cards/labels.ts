/** Swedish words the cards share: sources, short vocabulary labels, the clock in words. */
import {
  BREACH_TYPES, clockRunning, formatStockholm, formatTimeLeft, isOverdue, labelOf, RISK_LEVELS, STATUSES, TERMS, timeLeftMs,
  type BreachType, type Incident, type Source,
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
    return { text: `Klockan stoppad: anmäld till IMY${at}`, color: 'good' };
  }
  if (!clockRunning(incident)) return { text: 'Klockan stoppad: anmälan krävs inte', color: 'good' };
  const ms = timeLeftMs(incident.deadline, now);
  const color: TextColor = isOverdue(ms) ? 'attention' : ms < 24 * 3600_000 ? 'warning' : 'default';
  return { text: formatTimeLeft(ms), color };
}
