import type { Assessment, ImyNotice } from '../../src/domain/incident';
import {
  lateWithoutReason,
  notAssessed,
  occurredAfterDiscovered,
  registerFindings,
  reportedDespiteUnlikelyRisk,
  riskButNotReported,
} from '../../src/domain/register-checks';
import type { RiskLevel } from '../../src/domain/vocabulary';

const dpo = { id: 'dpo-1', name: 'Dana Dataskydd' };
const assessed = (risk: RiskLevel): Assessment => ({
  risk,
  rationale: 'Motivering',
  assessedAt: '2026-11-18T10:00:00.000Z',
  assessedBy: dpo,
});
const notice = (notifiedAt: string | undefined, delayReason?: string): ImyNotice => ({
  notifiedAt,
  delayReason,
  phased: false,
  recordedAt: '2026-11-22T10:00:00.000Z',
  recordedBy: dpo,
});

function row(overrides: Partial<Parameters<typeof registerFindings>[0]> = {}) {
  return {
    discoveredAt: '2026-11-18T08:00:00.000Z',
    awareAt: '2026-11-18T08:00:00.000Z',
    occurredAt: '2026-11-18T07:00:00.000Z',
    assessment: assessed('unlikely'),
    imyNotice: undefined,
    reportedToAuthority: false,
    ...overrides,
  };
}

describe('register checks', () => {
  it('pass a tidy row', () => {
    expect(registerFindings(row())).toEqual([]);
  });

  it('flag an occurrence after the discovery, not one at the same minute', () => {
    expect(occurredAfterDiscovered(row({ occurredAt: '2026-11-18T08:01:00.000Z' }))).toBe(true);
    expect(occurredAfterDiscovered(row({ occurredAt: '2026-11-18T08:00:00.000Z' }))).toBe(false);
    expect(occurredAfterDiscovered(row({ occurredAt: undefined }))).toBe(false);
  });

  it('flag risk not unlikely but reported "no", not while "reported" is unanswered', () => {
    expect(riskButNotReported(row({ assessment: assessed('risk'), reportedToAuthority: false }))).toBe(true);
    expect(riskButNotReported(row({ assessment: assessed('high'), reportedToAuthority: false }))).toBe(true);
    expect(riskButNotReported(row({ assessment: assessed('risk'), reportedToAuthority: null }))).toBe(false);
    expect(riskButNotReported(row({ assessment: assessed('risk'), reportedToAuthority: true }))).toBe(false);
  });

  it('flag a report to IMY although the risk was assessed as unlikely', () => {
    expect(reportedDespiteUnlikelyRisk(row({ reportedToAuthority: true }))).toBe(true);
    expect(reportedDespiteUnlikelyRisk(row({ reportedToAuthority: false }))).toBe(false);
  });

  it('flag a notice later than 72 h without a reason, and accept one with a reason', () => {
    const late = '2026-11-21T08:30:00.000Z';
    expect(lateWithoutReason(row({ imyNotice: notice(late) }))).toBe(true);
    expect(lateWithoutReason(row({ imyNotice: notice(late, '  ') }))).toBe(true);
    expect(
      lateWithoutReason(row({ imyNotice: notice(late, 'Helgbemanning; uppgifterna kom fram först på måndagen.') })),
    ).toBe(false);
    expect(lateWithoutReason(row({ imyNotice: notice('2026-11-21T08:00:00.000Z') }))).toBe(false);
    expect(lateWithoutReason(row({ imyNotice: notice(undefined) }))).toBe(false);
  });

  it('measure lateness from the awareness time, not the discovery time', () => {
    const i = row({ awareAt: '2026-11-19T08:00:00.000Z', imyNotice: notice('2026-11-21T09:00:00.000Z') });
    expect(lateWithoutReason(i)).toBe(false);
  });

  it('flag a row whose risk is not assessed', () => {
    expect(notAssessed(row({ assessment: undefined }))).toBe(true);
    expect(registerFindings(row({ assessment: undefined, reportedToAuthority: null }))).toEqual(['not-assessed']);
  });

  it('list every finding of an untidy row', () => {
    const findings = registerFindings(
      row({
        occurredAt: '2026-11-19T00:00:00.000Z',
        reportedToAuthority: true,
        imyNotice: notice('2026-11-25T08:00:00.000Z'),
      }),
    );
    expect(findings).toEqual(['occurred-after-discovered', 'reported-despite-unlikely-risk', 'late-without-reason']);
  });
});
