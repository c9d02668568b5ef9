import {
  boardCounts,
  boardMarks,
  boardRows,
  filterChoices,
  matches,
  NO_FILTERS,
  NO_OWNER,
} from '../../../src/tab/board/board-view';
import { anIncident } from '../support/tab-fixtures';

const early = anIncident({
  id: 'a',
  number: 'PUI-2026-0007',
  title: 'Sms till fel nummer',
  deadline: '2026-11-21T09:00:00.000Z',
  source: 'bot',
  unit: 'Skola',
});
const late = anIncident({
  id: 'b',
  number: 'PUI-2026-0042',
  title: 'Beslut till fel adress',
  deadline: '2026-11-23T09:00:00.000Z',
  owner: { id: 'dpo-1', name: 'Dana' },
  status: 'triage',
});
const closed = anIncident({
  id: 'c',
  number: 'PUI-2026-0001',
  title: 'Stängd',
  deadline: '2026-11-01T09:00:00.000Z',
  status: 'closed',
  closedAt: '2026-11-05T09:00:00.000Z',
});

const NOW = new Date('2026-11-20T12:00:00.000Z');
const dpo = { id: 'dpo-1', name: 'Dana' };

describe('boardRows', () => {
  it('puts open incidents first by deadline, closed ones last', () => {
    expect(boardRows([closed, late, early], NO_FILTERS, NOW).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('puts what needs the DPO today first: overdue, then due within 24 h, then later, then duties without a time', () => {
    const overdue = anIncident({ id: 'o', number: 'PUI-2026-0100', deadline: '2026-11-20T11:00:00.000Z' });
    const today = anIncident({ id: 't', number: 'PUI-2026-0101', deadline: '2026-11-21T06:00:00.000Z' });
    const later = anIncident({ id: 'l', number: 'PUI-2026-0102', deadline: '2026-11-22T12:00:00.000Z' });
    // Notified long ago: the clock has stopped, its earlier deadline no longer puts it first.
    const notified = anIncident({
      id: 'n',
      number: 'PUI-2026-0103',
      deadline: '2026-11-10T12:00:00.000Z',
      status: 'notified',
      owner: dpo,
      assessment: { risk: 'risk', rationale: 'r', assessedAt: '2026-11-08T12:00:00.000Z', assessedBy: dpo },
      imyNotice: {
        notifiedAt: '2026-11-09T12:00:00.000Z',
        phased: false,
        recordedAt: '2026-11-09T12:00:00.000Z',
        recordedBy: dpo,
      },
    });
    expect(boardRows([notified, later, today, overdue], NO_FILTERS, NOW).map((i) => i.id)).toEqual([
      'o',
      't',
      'l',
      'n',
    ]);
  });

  it('finds an incident by part of its number or title, ignoring case', () => {
    expect(boardRows([early, late], { ...NO_FILTERS, search: '0042' }, NOW).map((i) => i.id)).toEqual(['b']);
    expect(boardRows([early, late], { ...NO_FILTERS, search: 'pui-2026-0007' }, NOW).map((i) => i.id)).toEqual(['a']);
    expect(boardRows([early, late], { ...NO_FILTERS, search: 'FEL ADRESS' }, NOW).map((i) => i.id)).toEqual(['b']);
  });
});

describe('matches', () => {
  it('filters on status, source, unit and owner', () => {
    expect(matches(late, { ...NO_FILTERS, status: 'triage' })).toBe(true);
    expect(matches(early, { ...NO_FILTERS, status: 'triage' })).toBe(false);
    expect(matches(early, { ...NO_FILTERS, source: 'bot' })).toBe(true);
    expect(matches(late, { ...NO_FILTERS, source: 'bot' })).toBe(false);
    expect(matches(early, { ...NO_FILTERS, unit: 'Skola' })).toBe(true);
    expect(matches(late, { ...NO_FILTERS, unit: 'Skola' })).toBe(false);
    expect(matches(early, { ...NO_FILTERS, owner: NO_OWNER })).toBe(true);
    expect(matches(late, { ...NO_FILTERS, owner: NO_OWNER })).toBe(false);
    expect(matches(late, { ...NO_FILTERS, owner: 'dpo-1' })).toBe(true);
  });
});

describe('filterChoices', () => {
  it('lists the units and owners that occur, once each', () => {
    expect(filterChoices([early, late, late])).toEqual({
      units: ['Individ- och familjeomsorgen', 'Skola'],
      owners: [{ id: 'dpo-1', name: 'Dana' }],
    });
  });
});

describe('boardCounts', () => {
  it('counts overdue and due-today duties and each status', () => {
    const c = boardCounts([early, late, closed], new Date('2026-11-21T08:00:00.000Z'));
    expect(c.today).toBe(1);
    expect(c.overdue).toBe(0);
    expect(c.byStatus).toMatchObject({ new: 1, triage: 1, closed: 1, assessed: 0 });
    expect(boardCounts([early], new Date('2026-11-21T09:00:00.000Z')).overdue).toBe(1);
  });
});

describe('the board on the digest’s numbers, with links and marks', () => {
  const link = (main: { id: string; number: string }) => ({
    id: main.id,
    number: main.number,
    linkedAt: '2026-11-20T10:00:00.000Z',
    linkedBy: dpo,
  });
  const main = anIncident({ id: 'm', number: 'PUI-2026-0010', deadline: '2026-11-22T09:00:00.000Z' });
  const linked = anIncident({
    id: 'l',
    number: 'PUI-2026-0011',
    deadline: '2026-11-21T08:00:00.000Z',
    linkedTo: link(main),
  });

  it('shows a linked report right under its main, whatever its own place in the order', () => {
    const rows = boardRows([early, linked, late, main], NO_FILTERS, NOW);
    // Alone, the linked report (no duty with a time) would come last.
    expect(rows.map((r) => r.number)).toEqual(['PUI-2026-0007', 'PUI-2026-0010', 'PUI-2026-0011', 'PUI-2026-0042']);
    // Its main filtered away, it stands on its own.
    expect(boardRows([linked, early], NO_FILTERS, NOW).map((r) => r.number)).toContain('PUI-2026-0011');
  });

  it('shows just the numbers asked for, whatever the filters say', () => {
    const rows = boardRows([early, late, main], { ...NO_FILTERS, status: 'closed' }, NOW, [
      'PUI-2026-0042',
      'PUI-2026-0007',
    ]);
    expect(rows.map((r) => r.number)).toEqual(['PUI-2026-0007', 'PUI-2026-0042']);
  });

  it('marks reports of one mail as possibly the same event as the first, and not a linked one', () => {
    const mail = '<a1b2c3@kommun.example.se>';
    const marks = boardMarks([
      anIncident({ id: '1', number: 'PUI-2026-0020', title: 'Fel mottagare', internetMessageId: mail }),
      anIncident({ id: '2', number: 'PUI-2026-0021', title: 'Fick fel mejl', internetMessageId: mail }),
      anIncident({
        id: '3',
        number: 'PUI-2026-0022',
        title: 'Ett mejl till',
        internetMessageId: mail,
        linkedTo: link({ id: '1', number: 'PUI-2026-0020' }),
      }),
    ]);
    expect(marks).toEqual(new Map([['PUI-2026-0021', { first: 'PUI-2026-0020', reason: 'mail' }]]));
  });
});
