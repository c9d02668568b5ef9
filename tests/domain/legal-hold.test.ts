import {
  InvalidState,
  liftLegalHold,
  NoLegalHold,
  retentionDueAt,
  setLegalHold,
  ValidationError,
} from '../../src/domain';
import { aDpo, anIncident } from '../support/incident-mother';

const NOW = new Date('2026-12-02T09:00:00.000Z');
const closed = anIncident({ status: 'closed', closedAt: '2026-12-01T09:00:00.000Z' });
const policy = { kind: 'cull', years: 5, from: 'closure', scope: 'whole' } as const;

describe('legal hold', () => {
  it('may be set on an open incident too, and holds nothing of the reference in the event', () => {
    const open = anIncident({ status: 'triage' });
    const { next, event } = setLegalHold(open, { reason: 'other', reference: 'Ärende 2026/14' }, aDpo, NOW);
    expect(next.legalHold).toEqual({
      since: NOW.toISOString(),
      by: aDpo,
      reason: 'other',
      reference: 'Ärende 2026/14',
    });
    expect(next.status).toBe('triage');
    expect(JSON.stringify(event)).not.toContain('2026/14');
  });

  it('takes a closed incident out of retention until it is lifted', () => {
    expect(retentionDueAt(closed, policy)).toBe('2031-12-01T09:00:00.000Z');
    const held = setLegalHold(closed, { reason: 'ivo' }, aDpo, NOW).next;
    expect(retentionDueAt(held, policy)).toBeUndefined();
    const lifted = liftLegalHold(held, {}, aDpo, NOW).next;
    expect(lifted.legalHold).toBeUndefined();
    expect(retentionDueAt(lifted, policy)).toBe('2031-12-01T09:00:00.000Z');
  });

  it('refuses to lift a hold that is not there, and anything on an incident already culled', () => {
    expect(() => liftLegalHold(closed, {}, aDpo, NOW)).toThrow(NoLegalHold);
    const culled = anIncident({
      status: 'closed',
      retention: { culledAt: NOW.toISOString(), scope: 'whole', decision: 'x', runId: 'r', by: aDpo },
    });
    expect(() => setLegalHold(culled, { reason: 'ivo' }, aDpo, NOW)).toThrow(InvalidState);
    expect(() => liftLegalHold(culled, {}, aDpo, NOW)).toThrow(InvalidState);
  });

  it('refuses a body that is not an object, or a lift with fields', () => {
    expect(() => setLegalHold(closed, 'ivo', aDpo, NOW)).toThrow(ValidationError);
    const held = setLegalHold(closed, { reason: 'ivo' }, aDpo, NOW).next;
    expect(() => liftLegalHold(held, { reason: 'ivo' }, aDpo, NOW)).toThrow(ValidationError);
  });

  it('accepts the references authorities write, in other scripts too, and refuses direction controls', () => {
    for (const reference of ['8.5-12345/2026', 'T 1234-26', 'Dnr: 123 (JO)', 'Mål nr 5678–25', 'ÄR #12_3'])
      expect(setLegalHold(closed, { reason: 'court', reference }, aDpo, NOW).next.legalHold?.reference).toBe(reference);
    expect(() => setLegalHold(closed, { reason: 'court', reference: 'T 12\u202e34' }, aDpo, NOW)).toThrow(
      ValidationError,
    );
  });
});
