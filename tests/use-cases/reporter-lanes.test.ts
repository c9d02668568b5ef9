import { REPORTER_LANE, ReporterLanes } from '../../src/use-cases';

const T0 = Date.parse('2026-11-20T09:00:00.000Z');

describe('ReporterLanes', () => {
  it('lets a burst of 10 through at once, then gives the same reporter one turn per 500 ms', () => {
    const lanes = new ReporterLanes();
    const turns = Array.from({ length: 13 }, () => lanes.turn('anna', T0) - T0);
    expect(turns).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 500, 1_000, 1_500]);
    expect(REPORTER_LANE).toEqual({ burst: 10, spacingMs: 500 });
  });

  it("gives another reporter a turn at once, however long the first one's backlog", () => {
    const lanes = new ReporterLanes();
    for (let i = 0; i < 2_000; i++) lanes.turn('flooder', T0);
    expect(lanes.turn('flooder', T0)).toBe(T0 + (2_000 - 9) * 500);
    expect(lanes.turn('bertil', T0)).toBe(T0);
  });

  it('refills a lane as time passes: a reporter who paused is due at once again', () => {
    const lanes = new ReporterLanes({ burst: 2, spacingMs: 1_000 });
    expect([lanes.turn('anna', T0), lanes.turn('anna', T0), lanes.turn('anna', T0)]).toEqual([T0, T0, T0 + 1_000]);
    expect(lanes.turn('anna', T0 + 10_000)).toBe(T0 + 10_000);
  });

  it('keeps a lane with turns ahead when it prunes the many lanes whose turns have passed', () => {
    const lanes = new ReporterLanes({ burst: 1, spacingMs: 1_000 });
    for (let i = 0; i < 100; i++) lanes.turn('flooder', T0);
    for (let i = 0; i <= 10_000; i++) lanes.turn(`person-${i}`, T0 + 5_000);
    expect(lanes.turn('flooder', T0 + 5_000)).toBe(T0 + 100_000);
    expect(lanes.turn('person-0', T0 + 5_000)).toBe(T0 + 6_000);
  });
});
