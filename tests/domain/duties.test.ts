import { dutiesFor, nextDuty, trackStates, urgencyOf } from '../../src/domain/duties';
import { noticeDeadline } from '../../src/domain/deadline';
import type { Assessment, Incident, ImyNotice } from '../../src/domain/incident';
import type { Person } from '../../src/domain/person';
import type { RiskLevel } from '../../src/domain/vocabulary';

const DPO: Person = { id: 'dpo-1', name: 'Dana Dataskydd' };
const AWARE = '2026-11-20T09:00:00.000Z';
const DEADLINE = noticeDeadline(AWARE);
const HOUR = 3600_000;
const at = (hoursAfterAware: number) => new Date(Date.parse(AWARE) + hoursAfterAware * HOUR);

type Fields = Parameters<typeof trackStates>[0];

function anIncident(overrides: Partial<Incident> = {}): Fields {
  return { status: 'new', deadline: DEADLINE, ...overrides };
}
function assessed(risk: RiskLevel): Assessment {
  return { risk, rationale: 'Skäl.', assessedAt: at(2).toISOString(), assessedBy: DPO };
}
function notice(overrides: Partial<ImyNotice> = {}): ImyNotice {
  return {
    notifiedAt: at(20).toISOString(),
    phased: false,
    recordedAt: at(20).toISOString(),
    recordedBy: DPO,
    ...overrides,
  };
}

describe('dutiesFor', () => {
  it('asks for IMY at risk and high, and for the data subjects only at high', () => {
    expect(dutiesFor('unlikely')).toEqual({ notifyAuthority: false, informDataSubjects: false });
    expect(dutiesFor('risk')).toEqual({ notifyAuthority: true, informDataSubjects: false });
    expect(dutiesFor('high')).toEqual({ notifyAuthority: true, informDataSubjects: true });
  });
});

describe('nextDuty', () => {
  it('asks a new incident to be taken, by the IMY deadline', () => {
    expect(nextDuty(anIncident(), at(1))).toEqual({ id: 'take', dueAt: DEADLINE, urgency: 'later' });
  });

  it('asks for the assessment once someone owns it', () => {
    expect(nextDuty(anIncident({ status: 'triage', owner: DPO }), at(1)).id).toBe('assess');
  });

  it('does not send an incident assessed without an owner back to "take"', () => {
    expect(nextDuty(anIncident({ status: 'assessed', assessment: assessed('risk') }), at(3)).id).toBe('notify-imy');
  });

  it('asks for the IMY notice at risk, and for nothing but closing at unlikely', () => {
    expect(nextDuty(anIncident({ status: 'assessed', owner: DPO, assessment: assessed('risk') }), at(3))).toEqual({
      id: 'notify-imy',
      dueAt: DEADLINE,
      urgency: 'later',
    });
    expect(
      nextDuty(anIncident({ status: 'not-required', owner: DPO, assessment: assessed('unlikely') }), at(3)),
    ).toEqual({ id: 'close', dueAt: null, urgency: 'none' });
  });

  it('asks at high risk for IMY first, then the data subjects, then closing', () => {
    const high = anIncident({ status: 'assessed', owner: DPO, assessment: assessed('high') });
    expect(nextDuty(high, at(3)).id).toBe('notify-imy');
    const notified = { ...high, status: 'notified' as const, imyNotice: notice() };
    expect(nextDuty(notified, at(21))).toEqual({ id: 'inform-subjects', dueAt: null, urgency: 'none' });
    const informed = {
      ...notified,
      subjectNotice: { notifiedAt: at(22).toISOString(), recordedAt: at(22).toISOString(), recordedBy: DPO },
    };
    expect(nextDuty(informed, at(23)).id).toBe('close');
  });

  it('asks for the supplement a phased notice owes, by four weeks after the notice, before closing', () => {
    const phased = anIncident({
      status: 'notified',
      owner: DPO,
      assessment: assessed('risk'),
      imyNotice: notice({ phased: true }),
    });
    const due = new Date(at(20).getTime() + 28 * 24 * HOUR).toISOString();
    expect(nextDuty(phased, at(21))).toEqual({ id: 'supplement-imy', dueAt: due, urgency: 'later' });
    expect(
      nextDuty({ ...phased, imyNotice: notice({ phased: true, supplementedAt: at(30).toISOString() }) }, at(31)).id,
    ).toBe('close');
  });

  it('says the clock is overdue at the deadline itself, and "today" within 24 hours of it', () => {
    const owned = anIncident({ status: 'triage', owner: DPO });
    expect(nextDuty(owned, at(47.9)).urgency).toBe('later');
    expect(nextDuty(owned, at(48.1)).urgency).toBe('today');
    expect(nextDuty(owned, at(72)).urgency).toBe('overdue');
  });

  it('owes nothing once closed', () => {
    expect(nextDuty(anIncident({ status: 'closed', owner: DPO, assessment: assessed('unlikely') }), at(5))).toEqual({
      id: 'none',
      dueAt: null,
      urgency: 'none',
    });
  });
});

describe('urgencyOf', () => {
  it('has no urgency without a time', () => {
    expect(urgencyOf(null, at(0))).toBe('none');
  });
});

describe('trackStates', () => {
  it('keeps the IMY and art. 34 tracks waiting until the risk is assessed, and the rest open', () => {
    expect(trackStates(anIncident())).toEqual({
      imy: 'waiting',
      subjects: 'waiting',
      'lex-sarah': 'open',
      police: 'open',
      ended: 'open',
      awareness: 'open',
    });
  });

  it('makes IMY due at risk and both due at high; neither at unlikely', () => {
    expect(trackStates(anIncident({ assessment: assessed('risk') }))).toMatchObject({
      imy: 'due',
      subjects: 'not-required',
    });
    expect(trackStates(anIncident({ assessment: assessed('high') }))).toMatchObject({ imy: 'due', subjects: 'due' });
    expect(trackStates(anIncident({ assessment: assessed('unlikely') }))).toMatchObject({
      imy: 'not-required',
      subjects: 'not-required',
    });
  });

  it('marks recorded tracks done, and a phased notice due again until its supplement', () => {
    const recorded = anIncident({
      assessment: assessed('high'),
      imyNotice: notice(),
      subjectNotice: { notInformedReason: 'Krypterat.', recordedAt: AWARE, recordedBy: DPO },
      lexSarah: { reportedAt: AWARE, reportedToIvo: false, recordedAt: AWARE, recordedBy: DPO },
      policeReport: { reportedAt: AWARE, recordedAt: AWARE, recordedBy: DPO },
      endedAt: AWARE,
      awareReason: 'Loggarna lästes först då.',
    });
    expect(trackStates(recorded)).toEqual({
      imy: 'done',
      subjects: 'done',
      'lex-sarah': 'done',
      police: 'done',
      ended: 'done',
      awareness: 'done',
    });
    expect(trackStates({ ...recorded, imyNotice: notice({ phased: true }) }).imy).toBe('due');
  });

  it('owes nothing more on a closed incident', () => {
    expect(
      trackStates(anIncident({ status: 'closed', assessment: assessed('high'), imyNotice: notice() })),
    ).toMatchObject({ imy: 'done', subjects: 'not-required' });
  });
});
