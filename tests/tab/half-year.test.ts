import { countByMonth, halfYearOf, periodOf, recentHalfYears } from '../../src/tab/register/half-year';

describe('half-year periods', () => {
  it('reads the half-year in Stockholm time (New Year in Stockholm is still 31 December in UTC)', () => {
    expect(halfYearOf(new Date('2025-12-31T23:30:00Z'))).toEqual({ year: 2026, half: 1 });
    expect(halfYearOf(new Date('2026-06-30T21:59:00Z'))).toEqual({ year: 2026, half: 1 });
    expect(halfYearOf(new Date('2026-06-30T22:00:00Z'))).toEqual({ year: 2026, half: 2 });
  });

  it('gives inclusive date bounds and the half-years before, latest first', () => {
    expect(periodOf({ year: 2026, half: 2 })).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(recentHalfYears(new Date('2026-03-01T12:00:00Z'), 3)).toEqual([
      { year: 2026, half: 1 },
      { year: 2025, half: 2 },
      { year: 2025, half: 1 },
    ]);
  });

  it('counts incidents by the month they were discovered, every month shown', () => {
    const counts = countByMonth(
      [
        { discoveredAt: '2026-01-31T23:30:00Z' },
        { discoveredAt: '2026-02-10T10:00:00Z' },
        { discoveredAt: '2026-07-01T10:00:00Z' },
      ],
      { year: 2026, half: 1 },
    );
    expect(counts).toEqual([
      { month: '2026-01', count: 0 },
      { month: '2026-02', count: 2 },
      { month: '2026-03', count: 0 },
      { month: '2026-04', count: 0 },
      { month: '2026-05', count: 0 },
      { month: '2026-06', count: 0 },
    ]);
  });
});
