import { causeFromLabel, causeLabel, CAUSES } from '../../src/domain/causes';
import { dutiesFor } from '../../src/domain/duties';
import { InvalidState, ValidationError } from '../../src/domain/errors';
import type { Incident } from '../../src/domain/incident';
import {
  assessRisk,
  closeIncident,
  newIncident,
  recordAwareness,
  recordEnded,
  recordImyNotice,
  recordLexSarah,
  recordPoliceReport,
  recordSubjectNotice,
  takeOwnership,
} from '../../src/domain/incident-changes';
import { formatIncidentNumber, parseIncidentNumber } from '../../src/domain/incident-number';
import { dueReminder, nextReminderAt } from '../../src/domain/reminders';
import { parseReportInput } from '../../src/domain/report-input';

const reporter = { id: 'u-1', name: 'Anna Handläggare' };
const dpo = { id: 'dpo-1', name: 'Dana Dataskydd' };
const discovered = new Date('2026-11-18T08:00:00.000Z');

function anIncident(overrides: Partial<Incident> = {}): Incident {
  const input = parseReportInput(
    { title: 'Mejl till fel mottagare', description: 'Beskrivning', discoveredAt: discovered.toISOString() },
    discovered,
  );
  return {
    ...newIncident(input, reporter, 'tab', 'report-0001', discovered),
    id: 'i-1',
    number: 'PUI-2026-0001',
    etag: 'e1',
    ...overrides,
  };
}

function validationCodes(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => `${i.field}:${i.code}`);
  }
  throw new Error('expected a ValidationError');
}

describe('newIncident', () => {
  it('starts the clock at discovery with a 72-hour deadline and the first reminder 48 h before it', () => {
    const i = anIncident();
    expect(i.status).toBe('new');
    expect(i.awareAt).toBe('2026-11-18T08:00:00.000Z');
    expect(i.deadline).toBe('2026-11-21T08:00:00.000Z');
    expect(i.nextReminderAt).toBe('2026-11-19T08:00:00.000Z');
    expect(i.reportedToAuthority).toBeNull();
  });
});

describe('takeOwnership', () => {
  it('makes the DPO owner and moves a new incident to triage', () => {
    const { next, event } = takeOwnership(anIncident(), dpo, new Date('2026-11-18T09:00:00Z'));
    expect(next.owner).toEqual(dpo);
    expect(next.status).toBe('triage');
    expect(event).toMatchObject({ type: 'owner-taken', actor: dpo, at: '2026-11-18T09:00:00.000Z' });
  });

  it('refuses a closed incident', () => {
    expect(() => takeOwnership(anIncident({ status: 'closed' }), dpo, discovered)).toThrow(InvalidState);
  });
});

describe('assessRisk', () => {
  const at = new Date('2026-11-18T10:00:00Z');

  it('stops the clock when the risk is unlikely: notice not required', () => {
    const { next } = assessRisk(
      anIncident(),
      { risk: 'unlikely', rationale: 'Mottagaren är en kollega med tystnadsplikt.' },
      dpo,
      at,
    );
    expect(next.status).toBe('not-required');
    expect(next.reportedToAuthority).toBe(false);
    expect(next.nextReminderAt).toBeNull();
  });

  it('keeps the clock running when there is a risk', () => {
    const { next } = assessRisk(anIncident(), { risk: 'high', rationale: 'Känsliga uppgifter om barn.' }, dpo, at);
    expect(next.status).toBe('assessed');
    expect(next.assessment).toMatchObject({ risk: 'high', assessedBy: dpo });
    expect(next.nextReminderAt).toBe('2026-11-19T08:00:00.000Z');
  });

  it('demands a known level and a rationale', () => {
    expect(validationCodes(() => assessRisk(anIncident(), { risk: 'medium' }, dpo, at))).toEqual([
      'risk:unknown_risk',
      'rationale:required',
    ]);
  });

  it('records the breach types the DPO judged, in the vocabulary order, and says so in the event', () => {
    const { next, event } = assessRisk(
      anIncident({ breachTypes: [] }),
      { risk: 'risk', rationale: 'r', breachTypes: ['availability', 'confidentiality'] },
      dpo,
      at,
    );
    expect(next.breachTypes).toEqual(['confidentiality', 'availability']);
    expect(event.data).toEqual({ risk: 'risk', breachTypes: 'confidentiality,availability' });
  });

  it('keeps the reported breach types when the assessment names none', () => {
    const { next } = assessRisk(anIncident({ breachTypes: ['integrity'] }), { risk: 'risk', rationale: 'r' }, dpo, at);
    expect(next.breachTypes).toEqual(['integrity']);
  });

  it('refuses unknown or repeated breach types, and changes nothing', () => {
    expect(
      validationCodes(() =>
        assessRisk(anIncident(), { risk: 'risk', rationale: 'r', breachTypes: ['secrecy'] }, dpo, at),
      ),
    ).toEqual(['breachTypes:unknown_breach_type']);
    expect(
      validationCodes(() =>
        assessRisk(anIncident(), { risk: 'risk', rationale: 'r', breachTypes: ['integrity', 'integrity'] }, dpo, at),
      ),
    ).toEqual(['breachTypes:unknown_breach_type']);
  });
});

describe('recordImyNotice', () => {
  it('records an on-time notice and stops the clock', () => {
    const { next, event } = recordImyNotice(
      anIncident(),
      { notifiedAt: '2026-11-20T09:00:00+01:00', reference: 'IMY-2026-1234' },
      dpo,
      new Date('2026-11-20T09:00:00Z'),
    );
    expect(next.status).toBe('notified');
    expect(next.reportedToAuthority).toBe(true);
    expect(next.imyNotice).toMatchObject({
      notifiedAt: '2026-11-20T08:00:00.000Z',
      reference: 'IMY-2026-1234',
      phased: false,
    });
    expect(next.nextReminderAt).toBeNull();
    expect(event.data).toMatchObject({ late: false });
  });

  it('demands reasons for a notice later than 72 hours', () => {
    const late = { notifiedAt: '2026-11-21T09:00:00Z' };
    const now = new Date('2026-11-21T10:00:00Z');
    expect(validationCodes(() => recordImyNotice(anIncident(), late, dpo, now))).toEqual([
      'delayReason:delay_reason_required',
    ]);
    const { next } = recordImyNotice(
      anIncident(),
      { ...late, delayReason: 'Uppgifterna kom fram först efter helgen.', phased: true },
      dpo,
      now,
    );
    expect(next.imyNotice).toMatchObject({ phased: true, delayReason: 'Uppgifterna kom fram först efter helgen.' });
  });

  it('refuses a notice before the discovery or in the future', () => {
    const now = new Date('2026-11-19T10:00:00Z');
    expect(
      validationCodes(() => recordImyNotice(anIncident(), { notifiedAt: '2026-11-17T10:00:00Z' }, dpo, now)),
    ).toEqual(['notifiedAt:before_discovery']);
    expect(
      validationCodes(() => recordImyNotice(anIncident(), { notifiedAt: '2026-11-20T10:00:00Z' }, dpo, now)),
    ).toEqual(['notifiedAt:in_future']);
  });
});

describe('recordSubjectNotice and recordLexSarah', () => {
  const now = new Date('2026-11-20T10:00:00Z');

  it('needs either a time or a reason for not informing', () => {
    expect(validationCodes(() => recordSubjectNotice(anIncident(), {}, dpo, now))).toEqual([
      'notifiedAt:notice_or_reason_required',
    ]);
    const { next } = recordSubjectNotice(anIncident(), { notInformedReason: 'Uppgifterna var krypterade.' }, dpo, now);
    expect(next.subjectNotice?.notInformedReason).toBe('Uppgifterna var krypterade.');
  });

  it('needs the IVO time when reported to IVO', () => {
    expect(
      validationCodes(() =>
        recordLexSarah(anIncident(), { reportedAt: '2026-11-19T10:00:00Z', reportedToIvo: true }, dpo, now),
      ),
    ).toEqual(['ivoReportedAt:required']);
    const { next, event } = recordLexSarah(
      anIncident(),
      {
        reportedAt: '2026-11-19T10:00:00Z',
        reportedToIvo: true,
        ivoReportedAt: '2026-11-20T08:00:00Z',
        ivoReference: '3.1-12345/2026',
      },
      dpo,
      now,
    );
    expect(next.lexSarah).toMatchObject({ reportedToIvo: true, ivoReference: '3.1-12345/2026' });
    expect(event.type).toBe('lex-sarah-recorded');
  });
});

describe('recordAwareness', () => {
  const now = new Date('2026-11-18T20:00:00Z');
  const reason = 'Först vid samtalet med mottagaren 13.00 stod det klart att mejlet innehöll personuppgifter.';

  it('restarts the clock at the later time: deadline 72 h after it, reminders from the new deadline, reason kept', () => {
    const before = anIncident();
    expect(before.nextReminderAt).toBe('2026-11-19T08:00:00.000Z');
    const { next, event } = recordAwareness(before, { awareAt: '2026-11-18T14:00:00+01:00', reason }, dpo, now);
    expect(next).toMatchObject({
      awareAt: '2026-11-18T13:00:00.000Z',
      awareReason: reason,
      deadline: '2026-11-21T13:00:00.000Z',
      discoveredAt: '2026-11-18T08:00:00.000Z',
    });
    expect(next.nextReminderAt).toBe('2026-11-19T13:00:00.000Z');
    expect(event).toEqual({
      at: now.toISOString(),
      actor: dpo,
      type: 'awareness-recorded',
      data: {
        previousAwareAt: '2026-11-18T08:00:00.000Z',
        awareAt: '2026-11-18T13:00:00.000Z',
        deadline: '2026-11-21T13:00:00.000Z',
      },
    });
  });

  it('keeps the reason, which may hold personal data, out of the audit event', () => {
    const { event } = recordAwareness(anIncident(), { awareAt: '2026-11-18T13:00:00Z', reason }, dpo, now);
    expect(JSON.stringify(event)).not.toContain('mottagaren');
  });

  it('brings an overdue clock back to running when the later awareness leaves time, with the next threshold of the new schedule', () => {
    const at = new Date('2026-11-21T10:00:00Z');
    // Two hours past the old deadline; the scheduler has already moved on to the first overdue day.
    const overdue = anIncident({ nextReminderAt: '2026-11-22T08:00:00.000Z' });
    const { next } = recordAwareness(overdue, { awareAt: '2026-11-19T09:00:00Z', reason }, dpo, at);
    expect(next.deadline).toBe('2026-11-22T09:00:00.000Z');
    expect(next.nextReminderAt).toBe('2026-11-21T21:00:00.000Z');
    expect(dueReminder(next, new Date('2026-11-21T21:00:00Z'))).toMatchObject({
      stage: '12h',
      at: '2026-11-21T21:00:00.000Z',
    });
  });

  it('refuses a time before the discovery, in the future, or without a reason, with stable codes', () => {
    expect(
      validationCodes(() => recordAwareness(anIncident(), { awareAt: '2026-11-18T07:59:00Z', reason }, dpo, now)),
    ).toEqual(['awareAt:before_discovery']);
    expect(
      validationCodes(() => recordAwareness(anIncident(), { awareAt: '2026-11-18T21:00:00Z', reason }, dpo, now)),
    ).toEqual(['awareAt:in_future']);
    expect(
      validationCodes(() => recordAwareness(anIncident(), { awareAt: '2026-11-18T13:00:00Z', reason: '  ' }, dpo, now)),
    ).toEqual(['reason:required']);
    expect(validationCodes(() => recordAwareness(anIncident(), { reason }, dpo, now))).toEqual(['awareAt:required']);
  });

  it('says in Swedish why a time before the discovery is refused', () => {
    expect(() => recordAwareness(anIncident(), { awareAt: '2026-11-17T13:00:00Z', reason }, dpo, now)).toThrow(
      'Ni kan inte ha fått kännedom om incidenten innan den upptäcktes. Ange en tidpunkt från och med upptäckten.',
    );
  });

  it('refuses once IMY is notified, and once the incident is closed', () => {
    const notified = recordImyNotice(anIncident(), { notifiedAt: '2026-11-18T19:00:00Z' }, dpo, now).next;
    expect(() => recordAwareness(notified, { awareAt: '2026-11-18T13:00:00Z', reason }, dpo, now)).toThrow(
      InvalidState,
    );
    expect(() => recordAwareness(notified, { awareAt: '2026-11-18T13:00:00Z', reason }, dpo, now)).toThrow(
      'PUI-2026-0001 är redan anmäld till IMY, så tidpunkten för kännedom kan inte längre ändras.',
    );
    expect(() =>
      recordAwareness(anIncident({ status: 'closed' }), { awareAt: '2026-11-18T13:00:00Z', reason }, dpo, now),
    ).toThrow(InvalidState);
  });

  it('moves the late-notice check with it: a notice 72 h after discovery but within 72 h of awareness needs no reasons', () => {
    const aware = recordAwareness(
      anIncident(),
      { awareAt: '2026-11-19T08:00:00Z', reason },
      dpo,
      new Date('2026-11-19T09:00:00Z'),
    ).next;
    const at = new Date('2026-11-22T09:00:00Z');
    // 76 h after the discovery: late against the old clock.
    expect(
      validationCodes(() => recordImyNotice(anIncident(), { notifiedAt: '2026-11-21T12:00:00Z' }, dpo, at)),
    ).toEqual(['delayReason:delay_reason_required']);
    const onTime = recordImyNotice(aware, { notifiedAt: '2026-11-21T12:00:00Z' }, dpo, at);
    expect(onTime.event.data.late).toBe(false);
    expect(onTime.next.imyNotice?.delayReason).toBeUndefined();
    // 73 h after the awareness: late against the new clock too.
    expect(validationCodes(() => recordImyNotice(aware, { notifiedAt: '2026-11-22T09:00:00Z' }, dpo, at))).toEqual([
      'delayReason:delay_reason_required',
    ]);
  });
});

describe('recordEnded', () => {
  const now = new Date('2026-11-20T10:00:00Z');

  it('records when the breach ended, also before its discovery', () => {
    const { next, event } = recordEnded(anIncident(), { endedAt: '2026-11-17T16:00:00+01:00' }, dpo, now);
    expect(next.endedAt).toBe('2026-11-17T15:00:00.000Z');
    expect(event).toMatchObject({ type: 'ended-recorded', actor: dpo, data: { endedAt: '2026-11-17T15:00:00.000Z' } });
  });

  it('refuses an end before the occurrence, in the future, or missing', () => {
    const occurred = anIncident({ occurredAt: '2026-11-17T10:00:00.000Z' });
    expect(validationCodes(() => recordEnded(occurred, { endedAt: '2026-11-17T09:59:00Z' }, dpo, now))).toEqual([
      'endedAt:ended_before_occurred',
    ]);
    expect(recordEnded(occurred, { endedAt: '2026-11-17T10:00:00Z' }, dpo, now).next.endedAt).toBe(
      '2026-11-17T10:00:00.000Z',
    );
    expect(validationCodes(() => recordEnded(occurred, { endedAt: '2026-11-21T10:00:00Z' }, dpo, now))).toEqual([
      'endedAt:in_future',
    ]);
    expect(validationCodes(() => recordEnded(occurred, {}, dpo, now))).toEqual(['endedAt:required']);
  });

  it('refuses a closed incident', () => {
    expect(() => recordEnded(anIncident({ status: 'closed' }), { endedAt: '2026-11-19T10:00:00Z' }, dpo, now)).toThrow(
      InvalidState,
    );
  });
});

describe('recordPoliceReport', () => {
  const now = new Date('2026-11-20T10:00:00Z');

  it('records the report with the caller as recorder, and a later record replaces it', () => {
    const first = recordPoliceReport(
      anIncident(),
      { reportedAt: '2026-11-19T10:00:00Z', reference: ' K123456-26 ' },
      dpo,
      now,
    );
    expect(first.next.policeReport).toEqual({
      reportedAt: '2026-11-19T10:00:00.000Z',
      reference: 'K123456-26',
      recordedAt: now.toISOString(),
      recordedBy: dpo,
    });
    expect(first.event).toMatchObject({
      type: 'police-report-recorded',
      actor: dpo,
      data: { reference: 'K123456-26' },
    });
    const other = { id: 'dpo-2', name: 'Olle Ombud' };
    const second = recordPoliceReport(first.next, { reportedAt: '2026-11-19T11:00:00Z' }, other, now);
    expect(second.next.policeReport).toEqual({
      reportedAt: '2026-11-19T11:00:00.000Z',
      recordedAt: now.toISOString(),
      recordedBy: other,
    });
    expect(second.event.data).toEqual({ reference: null });
  });

  it('needs a time that is not in the future, and knows its fields only', () => {
    expect(validationCodes(() => recordPoliceReport(anIncident(), {}, dpo, now))).toEqual(['reportedAt:required']);
    expect(
      validationCodes(() => recordPoliceReport(anIncident(), { reportedAt: '2026-11-21T10:00:00Z' }, dpo, now)),
    ).toEqual(['reportedAt:in_future']);
    expect(
      validationCodes(() =>
        recordPoliceReport(anIncident(), { reportedAt: '2026-11-19T10:00:00Z', recordedBy: 'x' }, dpo, now),
      ),
    ).toEqual([':unknown_field']);
  });
});

describe('closeIncident', () => {
  const now = new Date('2026-11-20T10:00:00Z');

  it('refuses to close before the risk is assessed', () => {
    expect(() => closeIncident(anIncident(), {}, dpo, now)).toThrow(
      'PUI-2026-0001 kan inte avslutas innan risken är bedömd.',
    );
  });

  it('refuses to close a risk that was not notified to IMY', () => {
    const assessed = assessRisk(anIncident(), { risk: 'risk', rationale: 'r' }, dpo, now).next;
    expect(() => closeIncident(assessed, {}, dpo, now)).toThrow(InvalidState);
  });

  it('closes an unlikely risk as not reported', () => {
    const assessed = assessRisk(anIncident(), { risk: 'unlikely', rationale: 'r' }, dpo, now).next;
    const { next } = closeIncident(assessed, {}, dpo, now);
    expect(next).toMatchObject({ status: 'closed', reportedToAuthority: false, closedBy: dpo });
  });
});

describe('reminders', () => {
  it('steps through 48, 24, 12, 4, 1 h before and at the deadline, then daily', () => {
    const i = anIncident();
    const seen: string[] = [];
    let after = discovered;
    for (let n = 0; n < 8; n += 1) {
      const at = nextReminderAt(i, after)!;
      seen.push(at);
      after = new Date(at);
    }
    expect(seen).toEqual([
      '2026-11-19T08:00:00.000Z',
      '2026-11-20T08:00:00.000Z',
      '2026-11-20T20:00:00.000Z',
      '2026-11-21T04:00:00.000Z',
      '2026-11-21T07:00:00.000Z',
      '2026-11-21T08:00:00.000Z',
      '2026-11-22T08:00:00.000Z',
      '2026-11-23T08:00:00.000Z',
    ]);
  });
});

describe('causes, duties and numbers', () => {
  it('has the seven register causes with their exact labels', () => {
    expect(CAUSES.map((c) => c.id)).toEqual([
      'human-error',
      'systematic',
      'technical',
      'insider',
      'external-attack',
      'unknown',
      'other',
    ]);
    expect(causeLabel('technical')).toBe('Tekniskt fel, till exempel fel i mjukvara, programinställningar');
    expect(causeFromLabel(' mänskliga faktorn: fel i det enskilda fallet ')).toBe('human-error');
    expect(causeFromLabel('Solstorm')).toBeUndefined();
  });

  it('derives duties from the risk', () => {
    expect(dutiesFor('unlikely')).toEqual({ notifyAuthority: false, informDataSubjects: false });
    expect(dutiesFor('risk')).toEqual({ notifyAuthority: true, informDataSubjects: false });
    expect(dutiesFor('high')).toEqual({ notifyAuthority: true, informDataSubjects: true });
  });

  it('formats and reads incident numbers', () => {
    expect(formatIncidentNumber(2026, 7)).toBe('PUI-2026-0007');
    expect(formatIncidentNumber(2026, 12345)).toBe('PUI-2026-12345');
    expect(parseIncidentNumber('pui-2026-0042')).toEqual({ year: 2026, sequence: 42 });
    expect(parseIncidentNumber('PUI-26-42')).toBeUndefined();
  });
});
