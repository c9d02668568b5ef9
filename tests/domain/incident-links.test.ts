import { InvalidState, ValidationError } from '../../src/domain/errors';
import type { Incident } from '../../src/domain/incident';
import { closeIncident } from '../../src/domain/incident-changes';
import { linkToMain, unlinkFromMain, type LinkContext } from '../../src/domain/incident-links';
import { dueReminder, nextReminderAt } from '../../src/domain/reminders';
import { nextDuty } from '../../src/domain/duties';
import { anIncident } from '../support/incident-mother';

const dpo = { id: 'dpo-1', name: 'Dana Dataskydd' };
const now = new Date('2026-11-20T12:00:00.000Z');

const main = anIncident({ id: 'main', number: 'PUI-2026-0001', discoveredAt: '2026-11-20T08:00:00.000Z' });
function aReport(overrides: Partial<Incident> = {}): Incident {
  const report = anIncident({
    id: 'report',
    number: 'PUI-2026-0002',
    discoveredAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  });
  return { ...report, nextReminderAt: nextReminderAt(report, new Date(report.createdAt)) };
}
const context = (overrides: Partial<LinkContext> = {}): LinkContext => ({
  main,
  reportHasLinkedReports: false,
  ...overrides,
});

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => `${i.field}:${i.code}`).join(' ');
  }
  throw new Error('expected a ValidationError');
}

describe('linkToMain', () => {
  it('links the report, keeps its number, stops its reminders and records the main in the event', () => {
    const report = aReport();
    expect(report.nextReminderAt).not.toBeNull();

    const { next, event } = linkToMain(report, { mainNumber: ' pui-2026-0001 ' }, context(), dpo, now);

    expect(next.number).toBe('PUI-2026-0002');
    expect(next.linkedTo).toEqual({ id: 'main', number: 'PUI-2026-0001', linkedAt: now.toISOString(), linkedBy: dpo });
    expect(next.nextReminderAt).toBeNull();
    expect(event).toEqual({
      at: now.toISOString(),
      actor: dpo,
      type: 'linked',
      data: { mainNumber: 'PUI-2026-0001', mainId: 'main' },
    });
  });

  it.each([
    ['no number', {}, context(), 'mainNumber:required'],
    ['a malformed number', { mainNumber: '2026-1' }, context(), 'mainNumber:invalid_number'],
    ['an unknown field', { mainNumber: 'PUI-2026-0001', extra: 1 }, context(), ':unknown_field'],
    ['itself', { mainNumber: 'PUI-2026-0002' }, context(), 'mainNumber:self_link'],
    [
      'a main that does not exist',
      { mainNumber: 'PUI-2026-0099' },
      context({ main: undefined }),
      'mainNumber:main_not_found',
    ],
    [
      'a main that is itself linked',
      { mainNumber: 'PUI-2026-0001' },
      context({
        main: { ...main, linkedTo: { id: 'x', number: 'PUI-2026-0003', linkedAt: now.toISOString(), linkedBy: dpo } },
      }),
      'mainNumber:main_is_linked',
    ],
    [
      'a report others are linked to',
      { mainNumber: 'PUI-2026-0001' },
      context({ reportHasLinkedReports: true }),
      'mainNumber:has_linked_reports',
    ],
  ])('refuses %s with a stable code', (_what, raw, ctx, code) => {
    expect(codeOf(() => linkToMain(aReport(), raw, ctx, dpo, now))).toBe(code);
  });

  it('refuses a report linked already, and one whose deadline comes before the main’s (link the other way)', () => {
    const linked = linkToMain(aReport(), { mainNumber: main.number }, context(), dpo, now).next;
    expect(codeOf(() => linkToMain(linked, { mainNumber: main.number }, context(), dpo, now))).toBe(
      'mainNumber:already_linked',
    );
    const earlier = aReport({ discoveredAt: '2026-11-20T07:00:00.000Z' });
    expect(codeOf(() => linkToMain(earlier, { mainNumber: main.number }, context(), dpo, now))).toBe(
      'mainNumber:main_deadline_later',
    );
    // A main notified already: its notice covers the event, whatever the report's deadline.
    const notified = { ...main, imyNotice: { phased: false, recordedAt: now.toISOString(), recordedBy: dpo } };
    expect(
      linkToMain(earlier, { mainNumber: main.number }, context({ main: notified }), dpo, now).next.linkedTo?.id,
    ).toBe('main');
  });

  it('says in English what is wrong, too', () => {
    try {
      linkToMain(aReport(), { mainNumber: 'PUI-2026-0002' }, context(), dpo, now);
    } catch (error) {
      expect((error as ValidationError).messageEn).toBe(
        'PUI-2026-0002 cannot be linked to itself. Give the number of another incident.',
      );
    }
    expect.assertions(1);
  });

  it('refuses a closed report as an invalid state', () => {
    expect(() => linkToMain(aReport({ status: 'closed' }), { mainNumber: main.number }, context(), dpo, now)).toThrow(
      InvalidState,
    );
  });
});

describe('a linked report', () => {
  const linked = () => linkToMain(aReport(), { mainNumber: main.number }, context(), dpo, now).next;

  it('has no reminder due, even past its own deadline, and its next duty is closing it with no time of its own', () => {
    const report = linked();
    const pastDeadline = new Date(Date.parse(report.deadline) + 3600_000);
    expect(dueReminder({ ...report, nextReminderAt: now.toISOString() }, pastDeadline)).toBeNull();
    expect(nextReminderAt(report, pastDeadline)).toBeNull();
    expect(nextDuty(report, pastDeadline)).toEqual({ id: 'close', dueAt: null, urgency: 'none' });
  });

  it('is closed without an assessment of its own, leaving "reported" unanswered', () => {
    const { next, event } = closeIncident(linked(), {}, dpo, now);
    expect(next).toMatchObject({ status: 'closed', reportedToAuthority: null, nextReminderAt: null });
    expect(event.data).toEqual({ linkedTo: 'PUI-2026-0001' });
  });

  it('unlinked, gets its own clock and reminders back and the event names the main it left', () => {
    const report = linked();
    const { next, event } = unlinkFromMain(report, {}, dpo, now);
    expect(next.linkedTo).toBeUndefined();
    expect(next.nextReminderAt).toBe(nextReminderAt(aReport(), now));
    expect(next.nextReminderAt).not.toBeNull();
    expect(event).toMatchObject({ type: 'unlinked', data: { mainNumber: 'PUI-2026-0001', mainId: 'main' } });
  });

  it('refuses to unlink a report that is not linked', () => {
    expect(() => unlinkFromMain(aReport(), {}, dpo, now)).toThrow(
      'PUI-2026-0002 är inte länkad till någon huvudincident.',
    );
  });
});
