import { boardRows, filterChoices, matches, NO_FILTERS, NO_OWNER } from '../../src/tab/board/board-view';
import { anIncident } from './support/tab-fixtures';

const early = anIncident({ id: 'a', number: 'PUI-2026-0007', title: 'Sms till fel nummer', deadline: '2026-11-21T09:00:00.000Z', source: 'bot', unit: 'Skola' });
const late = anIncident({ id: 'b', number: 'PUI-2026-0042', title: 'Beslut till fel adress', deadline: '2026-11-23T09:00:00.000Z', owner: { id: 'dpo-1', name: 'Dana' }, status: 'triage' });
const closed = anIncident({ id: 'c', number: 'PUI-2026-0001', title: 'Stängd', deadline: '2026-11-01T09:00:00.000Z', status: 'closed', closedAt: '2026-11-05T09:00:00.000Z' });

describe('boardRows', () => {
  it('puts open incidents first by deadline, closed ones last', () => {
    expect(boardRows([closed, late, early], NO_FILTERS).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('finds an incident by part of its number or title, ignoring case', () => {
    expect(boardRows([early, late], { ...NO_FILTERS, search: '0042' }).map((i) => i.id)).toEqual(['b']);
    expect(boardRows([early, late], { ...NO_FILTERS, search: 'pui-2026-0007' }).map((i) => i.id)).toEqual(['a']);
    expect(boardRows([early, late], { ...NO_FILTERS, search: 'FEL ADRESS' }).map((i) => i.id)).toEqual(['b']);
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
    expect(filterChoices([early, late, late])).toEqual({ units: ['Individ- och familjeomsorgen', 'Skola'], owners: [{ id: 'dpo-1', name: 'Dana' }] });
  });
});
