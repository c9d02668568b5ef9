/**
 * The checks a DPO runs over the register: untidy answers are flagged, never fixed.
 */
import { noticeDeadline } from './deadline';
import { unlikelyRisk, type Incident } from './incident';

export const REGISTER_CHECKS = [
  {
    id: 'occurred-after-discovered',
    label: 'Inträffade efter att den upptäcktes',
    labelEn: 'Occurred after it was discovered',
  },
  {
    id: 'risk-but-not-reported',
    label: 'Risk bedömd som inte osannolik men inte anmäld till IMY',
    labelEn: 'Risk not assessed as unlikely, yet not reported to IMY',
  },
  {
    id: 'reported-despite-unlikely-risk',
    label: 'Anmäld till IMY trots att risken bedömts som osannolik',
    labelEn: 'Reported to IMY although the risk was assessed as unlikely',
  },
  {
    id: 'late-without-reason',
    label: 'Anmäld senare än 72 timmar utan skäl för förseningen',
    labelEn: 'Notified later than 72 hours without a reason for the delay',
  },
  { id: 'not-assessed', label: 'Risken är inte bedömd', labelEn: 'Risk not assessed' },
] as const;
export type RegisterCheckId = (typeof REGISTER_CHECKS)[number]['id'];

type Checked = Pick<
  Incident,
  'discoveredAt' | 'occurredAt' | 'awareAt' | 'assessment' | 'imyNotice' | 'reportedToAuthority'
>;

/** Occurrence time later than discovery time. */
export function occurredAfterDiscovered(i: Checked): boolean {
  return i.occurredAt !== undefined && Date.parse(i.occurredAt) > Date.parse(i.discoveredAt);
}

/** The risk question answered "no" (risk not unlikely) and "reported" answered "no". */
export function riskButNotReported(i: Checked): boolean {
  return unlikelyRisk(i) === false && i.reportedToAuthority === false;
}

/** Both "unlikely risk" and "reported" answered "yes". */
export function reportedDespiteUnlikelyRisk(i: Checked): boolean {
  return unlikelyRisk(i) === true && i.reportedToAuthority === true;
}

/** IMY notified more than 72 h after awareness and no reason for the delay recorded. */
export function lateWithoutReason(i: Checked): boolean {
  const at = i.imyNotice?.notifiedAt;
  if (!at) return false;
  return Date.parse(at) > Date.parse(noticeDeadline(i.awareAt)) && !i.imyNotice?.delayReason?.trim();
}

/** The risk question not yet answered. */
export function notAssessed(i: Checked): boolean {
  return unlikelyRisk(i) === null;
}

const CHECKS: Record<RegisterCheckId, (i: Checked) => boolean> = {
  'occurred-after-discovered': occurredAfterDiscovered,
  'risk-but-not-reported': riskButNotReported,
  'reported-despite-unlikely-risk': reportedDespiteUnlikelyRisk,
  'late-without-reason': lateWithoutReason,
  'not-assessed': notAssessed,
};

/** Every check that flags this incident. */
export function registerFindings(i: Checked): RegisterCheckId[] {
  return REGISTER_CHECKS.map((c) => c.id).filter((id) => CHECKS[id](i));
}
