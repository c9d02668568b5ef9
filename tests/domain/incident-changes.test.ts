import { causeFromLabel, causeLabel, CAUSES } from '../../src/domain/causes';
import { dutiesFor } from '../../src/domain/duties';
import { InvalidState, ValidationError } from '../../src/domain/errors';
import type { Incident } from '../../src/domain/incident';
import {
  assessRisk, closeIncident, newIncident, recordImyNotice, recordLexSarah, recordSubjectNotice, takeOwnership,
} from '../../src/domain/incident-changes';
import { formatIncidentNumber, parseIncidentNumber } from '../../src/domain/incident-number';
import { nextReminderAt } from '../../src/domain/reminders';
import { parseReportInput } from '../../src/domain/report-input';

const reporter = { id: 'u-1', name: 'Anna Handläggare' };
const dpo = { id: 'dpo-1', name: 'Dana Dataskydd' };
const discovered = new Date('2026-11-18T08:00:00.000Z');

function anIncident(overrides: Partial<Incident> = {}): Incident {
  const input = parseReportInput({ title: 'Mejl till fel mottagare', description: 'Beskrivning', discoveredAt: discovered.toISOString() }, discovered);
  return { ...newIncident(input, reporter, 'tab', 'report-0001', discovered), id: 'i-1', number: 'PUI-2026-0001', etag: 'e1', ...overrides };
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
    const { next } = assessRisk(anIncident(), { risk: 'unlikely', rationale: 'Mottagaren är en kollega med tystnadsplikt.' }, dpo, at);
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
    expect(validationCodes(() => assessRisk(anIncident(), { risk: 'medium' }, dpo, at))).toEqual(['risk:unknown_risk', 'rationale:required']);
  });
});

describe('recordImyNotice', () => {
  it('records an on-time notice and stops the clock', () => {
    const { next, event } = recordImyNotice(anIncident(), { notifiedAt: '2026-11-20T09:00:00+01:00', reference: 'IMY-2026-1234' }, dpo, new Date('2026-11-20T09:00:00Z'));
    expect(next.status).toBe('notified');
    expect(next.reportedToAuthority).toBe(true);
    expect(next.imyNotice).toMatchObject({ notifiedAt: '2026-11-20T08:00:00.000Z', reference: 'IMY-2026-1234', phased: false });
    expect(next.nextReminderAt).toBeNull();
    expect(event.data).toMatchObject({ late: false });
  });

  it('demands reasons for a notice later than 72 hours', () => {
    const late = { notifiedAt: '2026-11-21T09:00:00Z' };
    const now = new Date('2026-11-21T10:00:00Z');
    expect(validationCodes(() => recordImyNotice(anIncident(), late, dpo, now))).toEqual(['delayReason:delay_reason_required']);
    const { next } = recordImyNotice(anIncident(), { ...late, delayReason: 'Uppgifterna kom fram först efter helgen.', phased: true }, dpo, now);
    expect(next.imyNotice).toMatchObject({ phased: true, delayReason: 'Uppgifterna kom fram först efter helgen.' });
  });

  it('refuses a notice before the discovery or in the future', () => {
    const now = new Date('2026-11-19T10:00:00Z');
    expect(validationCodes(() => recordImyNotice(anIncident(), { notifiedAt: '2026-11-17T10:00:00Z' }, dpo, now))).toEqual(['notifiedAt:before_discovery']);
    expect(validationCodes(() => recordImyNotice(anIncident(), { notifiedAt: '2026-11-20T10:00:00Z' }, dpo, now))).toEqual(['notifiedAt:in_future']);
  });
});

describe('recordSubjectNotice and recordLexSarah', () => {
  const now = new Date('2026-11-20T10:00:00Z');

  it('needs either a time or a reason for not informing', () => {
    expect(validationCodes(() => recordSubjectNotice(anIncident(), {}, dpo, now))).toEqual(['notifiedAt:notice_or_reason_required']);
    const { next } = recordSubjectNotice(anIncident(), { notInformedReason: 'Uppgifterna var krypterade.' }, dpo, now);
    expect(next.subjectNotice?.notInformedReason).toBe('Uppgifterna var krypterade.');
  });

  it('needs the IVO time when reported to IVO', () => {
    expect(validationCodes(() => recordLexSarah(anIncident(), { reportedAt: '2026-11-19T10:00:00Z', reportedToIvo: true }, dpo, now))).toEqual(['ivoReportedAt:required']);
    const { next, event } = recordLexSarah(anIncident(), { reportedAt: '2026-11-19T10:00:00Z', reportedToIvo: true, ivoReportedAt: '2026-11-20T08:00:00Z', ivoReference: '3.1-12345/2026' }, dpo, now);
    expect(next.lexSarah).toMatchObject({ reportedToIvo: true, ivoReference: '3.1-12345/2026' });
    expect(event.type).toBe('lex-sarah-recorded');
  });
});

describe('closeIncident', () => {
  const now = new Date('2026-11-20T10:00:00Z');

  it('refuses to close before the risk is assessed', () => {
    expect(() => closeIncident(anIncident(), {}, dpo, now)).toThrow('PUI-2026-0001 kan inte avslutas innan risken är bedömd.');
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
      '2026-11-19T08:00:00.000Z', '2026-11-20T08:00:00.000Z', '2026-11-20T20:00:00.000Z', '2026-11-21T04:00:00.000Z',
      '2026-11-21T07:00:00.000Z', '2026-11-21T08:00:00.000Z', '2026-11-22T08:00:00.000Z', '2026-11-23T08:00:00.000Z',
    ]);
  });
});

describe('causes, duties and numbers', () => {
  it('has the seven register causes with their exact labels', () => {
    expect(CAUSES.map((c) => c.id)).toEqual(['human-error', 'systematic', 'technical', 'insider', 'external-attack', 'unknown', 'other']);
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
