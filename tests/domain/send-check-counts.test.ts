import {
  addMonths,
  parseSendCheckEvent,
  sendCheckMonth,
  sendCheckRange,
  tallyOf,
} from '../../src/domain/send-check-counts';

const now = new Date('2026-01-15T12:00:00Z');

describe('the send check counts (domain)', () => {
  it('steps months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-01', -12)).toBe('2025-01');
  });

  it('accepts this month, a day ahead for the client clock, and 12 months back; nothing further', () => {
    expect(parseSendCheckEvent({ month: '2025-01', kind: 'changed' }, now)).toEqual({
      month: '2025-01',
      kind: 'changed',
    });
    expect(parseSendCheckEvent({ kind: 'fired', month: '2026-02' }, new Date('2026-01-31T23:30:00Z'))).toEqual({
      month: '2026-02',
      kind: 'fired',
    });
    expect(() => parseSendCheckEvent({ month: '2024-12', kind: 'fired' }, now)).toThrow(/12 senaste/);
    expect(() => parseSendCheckEvent({ month: '2026-02', kind: 'fired' }, now)).toThrow(/12 senaste/);
  });

  it('never repeats a refused value back', () => {
    try {
      parseSendCheckEvent({ month: '121212-1212', kind: 'fired' }, now);
      throw new Error('not refused');
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('1212');
    }
  });

  it('defaults to the twelve months up to this one and derives at most sent anyway', () => {
    const months = sendCheckRange(undefined, undefined, now);
    expect([months[0], months.at(-1), months.length]).toEqual(['2025-02', '2026-01', 12]);
    expect(sendCheckMonth('2026-01', tallyOf({ fired: 2, changed: 5 })).sentAnywayAtMost).toBe(0);
    // Fired reports lost, a confirmed one seen: the ceiling is never below what was confirmed.
    expect(sendCheckMonth('2026-01', tallyOf({ fired: 1, changed: 1, sentAnyway: 2 })).sentAnywayAtMost).toBe(2);
    expect(tallyOf({ fired: -1, changed: 'x' })).toEqual({ fired: 0, changed: 0, sentAnyway: 0 });
  });
});
