import { IntervalTimer, type Timers } from '../../src/scheduler';

/** Timers that fire only when told to; they remember each wait asked for. */
class ManualTimers implements Timers {
  private pending = new Map<number, { run: () => void; ms: number }>();
  private next = 1;
  readonly waits: number[] = [];
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { run, ms });
    this.waits.push(ms);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  get count(): number {
    return this.pending.size;
  }
  /** Fires every pending timer once. */
  fire(): void {
    const due = [...this.pending.entries()];
    this.pending.clear();
    for (const [, t] of due) t.run();
  }
}

/** Lets promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A task that stays running until released. */
function gatedTask() {
  let runs = 0;
  let active = 0;
  let maxActive = 0;
  let release: (() => void) | undefined;
  const task = async () => {
    runs += 1;
    active += 1;
    maxActive = Math.max(maxActive, active);
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    active -= 1;
  };
  return { task, release: () => release?.(), stats: () => ({ runs, active, maxActive }) };
}

describe('IntervalTimer', () => {
  it('runs at once on start, then after the interval give or take the jitter', async () => {
    const timers = new ManualTimers();
    let runs = 0;
    const randoms = [0, 0.999999, 0.5];
    const timer = new IntervalTimer(
      async () => {
        runs += 1;
      },
      { intervalMs: 60_000, jitter: 0.1, timers, random: () => randoms.shift() ?? 0.5, onError: () => {} },
    );
    timer.start();
    expect(timers.waits).toEqual([0]);
    for (let i = 0; i < 3; i++) {
      timers.fire();
      await settle();
    }
    expect(runs).toBe(3);
    expect(timers.waits).toEqual([0, 54_000, 66_000, 60_000]);
    await timer.stop();
  });

  it('never runs twice at once: a slow run delays the next, and runNow joins a run under way', async () => {
    const timers = new ManualTimers();
    const gate = gatedTask();
    const timer = new IntervalTimer(gate.task, { intervalMs: 1_000, timers, onError: () => {} });
    timer.start();
    timers.fire();
    await settle();
    expect(gate.stats()).toMatchObject({ runs: 1, active: 1 });
    // No timer is pending while a run is under way, and asking for a run joins it.
    expect(timers.count).toBe(0);
    const joined = timer.runNow();
    await settle();
    expect(gate.stats().runs).toBe(1);
    gate.release();
    await joined;
    await settle();
    expect(timers.count).toBe(1);
    expect(gate.stats()).toMatchObject({ runs: 1, maxActive: 1 });
    await timer.stop();
  });

  it('stops cleanly: waits for the run under way, and runs no more', async () => {
    const timers = new ManualTimers();
    const gate = gatedTask();
    const timer = new IntervalTimer(gate.task, { intervalMs: 1_000, timers, onError: () => {} });
    timer.start();
    timers.fire();
    await settle();
    let stopped = false;
    const stopping = timer.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);
    gate.release();
    await stopping;
    expect(stopped).toBe(true);
    expect(timers.count).toBe(0);
    expect(gate.stats().runs).toBe(1);
  });

  it('reports a failed run and carries on', async () => {
    const timers = new ManualTimers();
    const errors: unknown[] = [];
    let runs = 0;
    const timer = new IntervalTimer(
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('store down');
      },
      { intervalMs: 1_000, timers, onError: (e) => errors.push(e) },
    );
    timer.start();
    timers.fire();
    await settle();
    timers.fire();
    await settle();
    expect(runs).toBe(2);
    expect(errors).toEqual([new Error('store down')]);
    await timer.stop();
  });

  it('refuses an interval that is not positive', () => {
    expect(() => new IntervalTimer(async () => {}, { intervalMs: 0, onError: () => {} })).toThrow(RangeError);
  });
});
