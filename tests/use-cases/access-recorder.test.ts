import { accessRecord, type AccessLog, type AccessRecord } from '../../src/domain';
import { AccessRecorder, type RecorderTimers } from '../../src/use-cases/access-recorder';

const dpo = { id: 'dpo-dana', name: 'Dana Dataskydd', roles: ['dpo'] as const };
const aRead = (n: number) =>
  accessRecord(`r${n}`, new Date(Date.UTC(2026, 10, 20, 9, 0, n)), dpo, 'incident-details', 'inc-1');

/** Timers stepped by the test: nothing fires until `fire()`. */
function steppedTimers(): RecorderTimers & { waits: number[]; fire(): void } {
  let due: (() => void) | undefined;
  const waits: number[] = [];
  return {
    waits,
    setTimeout: (run, ms) => {
      due = run;
      waits.push(ms);
      return 1;
    },
    clearTimeout: () => {
      due = undefined;
    },
    fire: () => {
      const run = due;
      due = undefined;
      run?.();
    },
  };
}

/** An access log that fails while `down` is set and keeps every batch it was given. */
function aLog(): AccessLog & { batches: AccessRecord[][]; down: boolean } {
  const batches: AccessRecord[][] = [];
  return {
    batches,
    down: false,
    async append(records) {
      if (this.down) throw Object.assign(new Error('unavailable'), { code: 'store_unavailable' });
      batches.push([...records]);
    },
    listForIncident: async () => ({ items: [] }),
    listExports: async () => ({ items: [] }),
    cullBefore: async () => 0,
    countBefore: async () => 0,
    deleteForIncident: async () => 0,
  };
}

describe('AccessRecorder', () => {
  it('appends many reads in one write, after the flush delay', async () => {
    const log = aLog();
    const timers = steppedTimers();
    const recorder = new AccessRecorder(log, { timers, flushDelayMs: 1000 });
    recorder.record(aRead(1));
    recorder.record(aRead(2));
    recorder.record(aRead(3));
    expect(log.batches).toEqual([]);

    timers.fire();
    await recorder.flush();

    expect(log.batches).toEqual([[aRead(1), aRead(2), aRead(3)]]);
    expect(timers.waits).toEqual([1000]);
    expect(recorder.pending).toBe(0);
  });

  it('keeps the records of a failed append and sends them, in order, once the log answers again', async () => {
    const log = aLog();
    const timers = steppedTimers();
    const warnings: unknown[] = [];
    const recorder = new AccessRecorder(log, {
      timers,
      retryDelayMs: 2000,
      logger: { info() {}, warn: (_m, f) => warnings.push(f), error() {} },
    });
    log.down = true;
    recorder.record(aRead(1));

    expect(await recorder.flush()).toBe(false);
    recorder.record(aRead(2));
    expect(recorder.pending).toBe(2);
    expect(await recorder.flush()).toBe(false);

    log.down = false;
    expect(await recorder.flush()).toBe(true);
    expect(log.batches).toEqual([[aRead(1), aRead(2)]]);
    expect(warnings).toEqual([
      { records: 1, waitMs: 2000, code: 'store_unavailable' },
      { records: 2, waitMs: 4000, code: 'store_unavailable' },
    ]);
  });

  it('never makes the read wait or fail: record() returns while the log is down', () => {
    const log = aLog();
    log.down = true;
    const recorder = new AccessRecorder(log, { timers: steppedTimers() });
    expect(() => recorder.record(aRead(1))).not.toThrow();
    expect(recorder.pending).toBe(1);
  });

  it('bounds the queue, dropping the oldest and saying how many', () => {
    const errors: unknown[] = [];
    const recorder = new AccessRecorder(aLog(), {
      timers: steppedTimers(),
      maxQueued: 2,
      logger: { info() {}, warn() {}, error: (_m, f) => errors.push(f) },
    });
    recorder.record(aRead(1));
    recorder.record(aRead(2));
    recorder.record(aRead(3));
    expect(recorder.pending).toBe(2);
    expect(errors).toEqual([{ dropped: 1, queued: 2 }]);
  });

  it('appends what is queued when closed', async () => {
    const log = aLog();
    const recorder = new AccessRecorder(log, { timers: steppedTimers() });
    recorder.record(aRead(1));
    await recorder.close();
    expect(log.batches).toEqual([[aRead(1)]]);
  });
});
