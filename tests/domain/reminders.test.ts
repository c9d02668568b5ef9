import { InvalidState, ValidationError } from '../../src/domain/errors';
import type { Incident } from '../../src/domain/incident';
import {
  assessRisk,
  closeIncident,
  recordImyNotice,
  recordImySupplement,
  recordReminderSent,
  rescheduleReminder,
  takeOwnership,
} from '../../src/domain/incident-changes';
import { dueReminder, nextReminderAfterChange, nextReminderAt, supplementDueAt } from '../../src/domain/reminders';
import { formatStockholm } from '../../src/domain/stockholm-time';
import { aDpo, aNewIncident } from '../support/incident-mother';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A stored-looking incident discovered at `discoveredAt` (deadline 72 h later). */
function anIncident(discoveredAt = '2026-11-18T08:00:00.000Z', overrides: Partial<Incident> = {}): Incident {
  return { ...aNewIncident({ discoveredAt }), id: 'i-1', number: 'PUI-2026-0001', etag: 'e1', ...overrides };
}

const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms);

describe('nextReminderAt', () => {
  const incident = anIncident();
  const deadline = '2026-11-21T08:00:00.000Z';

  it.each([
    ['before the first threshold', -60 * HOUR, -48],
    ['at 48 h left', -48 * HOUR, -24],
    ['at 24 h left', -24 * HOUR, -12],
    ['at 12 h left', -12 * HOUR, -4],
    ['at 4 h left', -4 * HOUR, -1],
    ['at 1 h left', -1 * HOUR, 0],
    ['at the deadline', 0, 24],
    ['a day and a bit overdue', 25 * HOUR, 48],
  ])('is the next threshold strictly after the instant (%s)', (_what, offset, expectedHours) => {
    expect(nextReminderAt(incident, at(deadline, offset))).toBe(at(deadline, expectedHours * HOUR).toISOString());
  });

  it('is null once the clock stops: IMY notified (not phased), notice not required, or closed', () => {
    const now = at(deadline, -30 * HOUR);
    expect(
      nextReminderAt(
        {
          ...incident,
          imyNotice: { notifiedAt: now.toISOString(), phased: false, recordedAt: now.toISOString(), recordedBy: aDpo },
        },
        now,
      ),
    ).toBeNull();
    expect(
      nextReminderAt(
        assessRisk(incident, { risk: 'unlikely', rationale: 'Kollega med tystnadsplikt.' }, aDpo, now).next,
        now,
      ),
    ).toBeNull();
    expect(nextReminderAt({ ...incident, status: 'closed' }, now)).toBeNull();
  });

  it('follows the supplement window of a phased notice: 7 days and 1 day before notice + 4 weeks', () => {
    const notifiedAt = '2026-11-20T10:00:00.000Z';
    const notified = recordImyNotice(incident, { notifiedAt, phased: true }, aDpo, new Date(notifiedAt)).next;
    expect(supplementDueAt(notified)).toBe('2026-12-18T10:00:00.000Z');
    expect(notified.nextReminderAt).toBe('2026-12-11T10:00:00.000Z');
    expect(nextReminderAt(notified, new Date('2026-12-11T10:00:00.000Z'))).toBe('2026-12-17T10:00:00.000Z');
    expect(nextReminderAt(notified, new Date('2026-12-17T10:00:00.000Z'))).toBeNull();
  });
});

describe('dueReminder', () => {
  const deadline = '2026-11-21T08:00:00.000Z';
  const due = (incident: Incident, now: Date) => dueReminder(incident, now);

  it('is null before the next reminder falls due, and when there is none', () => {
    const incident = anIncident();
    expect(due(incident, at(deadline, -49 * HOUR))).toBeNull();
    expect(due({ ...incident, nextReminderAt: null }, at(deadline, 0))).toBeNull();
  });

  it.each([
    [48, '48h', false],
    [24, '24h', true],
    [12, '12h', false],
    [4, '4h', true],
    [1, '1h', false],
    [0, 'overdue', true],
  ] as const)(
    'at %i h left says %s, and chases the owner only at 24 h, 4 h and overdue (%s)',
    (hours, stage, mention) => {
      const slot = at(deadline, -hours * HOUR).toISOString();
      const reminder = due(anIncident(undefined, { nextReminderAt: slot }), at(slot, 30_000));
      expect(reminder).toEqual({
        slot,
        stage,
        at: slot,
        mention,
        catchUp: false,
        next: nextReminderAt(anIncident(), at(slot, 30_000)),
      });
    },
  );

  it('repeats daily once overdue, each day chasing the owner', () => {
    const slot = at(deadline, 3 * DAY).toISOString();
    expect(due(anIncident(undefined, { nextReminderAt: slot }), at(slot, 60_000))).toMatchObject({
      stage: 'overdue',
      at: slot,
      mention: true,
      catchUp: false,
      next: at(deadline, 4 * DAY).toISOString(),
    });
  });

  it('after an outage is one catch-up with the current state: the latest threshold, chasing if any missed one would have', () => {
    // Down from before 48 h left until 3 h left: 48, 24, 12 and 4 h all passed.
    const incident = anIncident();
    const reminder = due(incident, at(deadline, -3 * HOUR));
    expect(reminder).toEqual({
      slot: incident.nextReminderAt,
      stage: '4h',
      at: at(deadline, -4 * HOUR).toISOString(),
      mention: true,
      catchUp: true,
      next: at(deadline, -1 * HOUR).toISOString(),
    });
    // Missing 48 h and 12 h only (no chasing threshold among them) does not chase.
    const quiet = due({ ...incident, nextReminderAt: at(deadline, -12 * HOUR).toISOString() }, at(deadline, -5 * HOUR));
    expect(quiet).toMatchObject({ stage: '12h', mention: false, catchUp: false });
    // Down for five days past the deadline: one reminder, overdue.
    const late = due({ ...incident, nextReminderAt: at(deadline, DAY).toISOString() }, at(deadline, 5 * DAY + HOUR));
    expect(late).toMatchObject({
      stage: 'overdue',
      at: at(deadline, 5 * DAY).toISOString(),
      mention: true,
      catchUp: true,
      next: at(deadline, 6 * DAY).toISOString(),
    });
  });

  it('reminds of the supplement 7 days and 1 day before the window ends, chasing each time', () => {
    const notifiedAt = '2026-11-20T10:00:00.000Z';
    const notified = {
      ...recordImyNotice(anIncident(), { notifiedAt, phased: true }, aDpo, new Date(notifiedAt)).next,
      etag: 'e2',
    };
    expect(due(notified, new Date('2026-12-11T10:05:00.000Z'))).toMatchObject({
      stage: 'supplement-7d',
      mention: true,
      next: '2026-12-17T10:00:00.000Z',
    });
    const later = { ...notified, nextReminderAt: '2026-12-17T10:00:00.000Z' };
    expect(due(later, new Date('2026-12-17T10:05:00.000Z'))).toMatchObject({
      stage: 'supplement-1d',
      mention: true,
      next: null,
    });
  });
});

describe('the reminders across daylight saving (elapsed time, shown in Stockholm time)', () => {
  it('in March: every threshold is the elapsed hours before the deadline, though the Stockholm clock jumps', () => {
    // 2026-03-29 02:00 CET → 03:00 CEST. Discovered Friday 27 March 10:00 Stockholm (09:00Z).
    const incident = anIncident('2026-03-27T09:00:00.000Z');
    expect(incident.deadline).toBe('2026-03-30T09:00:00.000Z');
    const slots: string[] = [];
    for (
      let t: string | null = incident.nextReminderAt;
      t && slots.length < 8;
      t = nextReminderAt(incident, new Date(t))
    )
      slots.push(t);
    expect(slots).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T09:00:00.000Z',
      '2026-03-29T21:00:00.000Z',
      '2026-03-30T05:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
      '2026-03-30T09:00:00.000Z',
      '2026-03-31T09:00:00.000Z',
      '2026-04-01T09:00:00.000Z',
    ]);
    // 48 h left at 10:00 winter time; 24 h left at 11:00 summer time: the wall clock moved, not the reminder.
    expect(slots.slice(0, 2).map(formatStockholm)).toEqual(['2026-03-28 10:00', '2026-03-29 11:00']);
  });

  it('in October: daily overdue reminders keep 24 elapsed hours as the clock falls back', () => {
    // 2026-10-25 03:00 CEST → 02:00 CET. Deadline Saturday 24 October 12:00 Stockholm (10:00Z).
    const incident = anIncident('2026-10-21T10:00:00.000Z');
    expect(incident.deadline).toBe('2026-10-24T10:00:00.000Z');
    const first = nextReminderAt(incident, new Date('2026-10-24T10:00:00.000Z'))!;
    const second = nextReminderAt(incident, new Date(first))!;
    expect([first, second]).toEqual(['2026-10-25T10:00:00.000Z', '2026-10-26T10:00:00.000Z']);
    expect([first, second].map(formatStockholm)).toEqual(['2026-10-25 11:00', '2026-10-26 11:00']);
    expect(dueReminder({ ...incident, nextReminderAt: first }, new Date(first))).toMatchObject({
      stage: 'overdue',
      mention: true,
      catchUp: false,
    });
  });
});

describe('nextReminderAfterChange', () => {
  const deadline = '2026-11-21T08:00:00.000Z';

  it('keeps a reminder that fell due and is not sent yet, so a change in between does not skip it', () => {
    const slot = at(deadline, -24 * HOUR).toISOString();
    const incident = anIncident(undefined, { nextReminderAt: slot });
    const { next } = takeOwnership(incident, aDpo, at(slot, 20_000));
    expect(next.nextReminderAt).toBe(slot);
    expect(nextReminderAfterChange(incident, next, at(slot, 20_000))).toBe(slot);
  });

  it('drops it when the change stops the clock', () => {
    const slot = at(deadline, -24 * HOUR).toISOString();
    const incident = anIncident(undefined, { nextReminderAt: slot });
    expect(
      assessRisk(incident, { risk: 'unlikely', rationale: 'Ingen risk.' }, aDpo, at(slot, 20_000)).next.nextReminderAt,
    ).toBeNull();
  });
});

describe('recordReminderSent', () => {
  it('moves the next reminder on and records who and what, changing nothing else', () => {
    const incident = anIncident();
    const now = new Date(Date.parse(incident.nextReminderAt!) + 5_000);
    const reminder = dueReminder(incident, now)!;
    const { next, event } = recordReminderSent(incident, reminder, now);
    expect(next).toEqual({ ...incident, nextReminderAt: '2026-11-20T08:00:00.000Z' });
    expect(event).toEqual({
      at: now.toISOString(),
      actor: { id: 'pui-desk', name: 'PUI Desk' },
      type: 'reminder-sent',
      data: { stage: '48h', slot: incident.nextReminderAt, mention: false, catchUp: false },
    });
  });
});

describe('rescheduleReminder', () => {
  it('records that nothing was sent, as its own kind of event, and sets the next reminder from the incident as it is', () => {
    const incident = anIncident();
    const slot = incident.nextReminderAt!;
    const now = new Date(Date.parse(slot) + 5_000);
    const { next, event } = rescheduleReminder(incident, slot, now);
    expect(next.nextReminderAt).toBe('2026-11-20T08:00:00.000Z');
    expect(event).toEqual({
      at: now.toISOString(),
      actor: { id: 'pui-desk', name: 'PUI Desk' },
      type: 'reminder-rescheduled',
      data: { slot, next: '2026-11-20T08:00:00.000Z' },
    });
  });
});

describe('recordImySupplement', () => {
  const notifiedAt = '2026-11-20T10:00:00.000Z';
  const phased = () => ({
    ...recordImyNotice(anIncident(), { notifiedAt, phased: true }, aDpo, new Date(notifiedAt)).next,
    etag: 'e2',
  });

  it('records when the supplement was sent; nothing more is owed and its reminders stop', () => {
    const now = new Date('2026-12-01T09:00:00.000Z');
    const { next, event } = recordImySupplement(phased(), { sentAt: '2026-12-01T08:30:00.000Z' }, aDpo, now);
    expect(next.imyNotice?.supplementedAt).toBe('2026-12-01T08:30:00.000Z');
    expect(supplementDueAt(next)).toBeNull();
    expect(next.nextReminderAt).toBeNull();
    expect(event).toMatchObject({ type: 'imy-supplement-recorded', actor: aDpo, data: { late: false } });
  });

  it('refuses an incident without a phased notice, and a second record', () => {
    const now = new Date('2026-12-01T09:00:00.000Z');
    expect(() => recordImySupplement(anIncident(), { sentAt: '2026-12-01T08:30:00.000Z' }, aDpo, now)).toThrow(
      InvalidState,
    );
    const done = recordImySupplement(phased(), { sentAt: '2026-12-01T08:30:00.000Z' }, aDpo, now).next;
    expect(() => recordImySupplement(done, { sentAt: '2026-12-01T08:40:00.000Z' }, aDpo, now)).toThrow(
      'redan registrerad',
    );
  });

  it('refuses a time before the notice, in the future, or missing', () => {
    const now = new Date('2026-12-01T09:00:00.000Z');
    const codes = (raw: unknown) => {
      try {
        recordImySupplement(phased(), raw, aDpo, now);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((i) => `${i.field}:${i.code}`);
      }
      throw new Error('expected a ValidationError');
    };
    expect(codes({ sentAt: '2026-11-19T10:00:00.000Z' })).toEqual(['sentAt:before_notice']);
    expect(codes({ sentAt: '2026-12-02T10:00:00.000Z' })).toHaveLength(1);
    expect(codes({})).toHaveLength(1);
  });

  it('stops the supplement reminders when the incident is closed', () => {
    const incident = assessRisk(
      phased(),
      { risk: 'risk', rationale: 'Känsliga uppgifter.' },
      aDpo,
      new Date('2026-11-21T09:00:00.000Z'),
    ).next;
    const closed = closeIncident(incident, {}, aDpo, new Date('2026-11-22T09:00:00.000Z')).next;
    expect(supplementDueAt(closed)).toBeNull();
    expect(closed.nextReminderAt).toBeNull();
  });
});
