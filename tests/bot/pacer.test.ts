import { ConversationPacer, TEAMS_THREAD_LIMITS } from '../../bot/pacer';
import { worstWindows } from './support/rate-check';
import { VirtualClock } from './support/bot-harness';

describe('ConversationPacer', () => {
  it('keeps 2,000 posts to one conversation within every Teams window', async () => {
    const clock = new VirtualClock();
    const pacer = new ConversationPacer({ now: () => clock.ms(), sleep: clock.sleep });
    const times: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      await pacer.take('c1');
      times.push(clock.ms());
    }
    for (const w of worstWindows(times, TEAMS_THREAD_LIMITS)) expect(w.worst).toBeLessThanOrEqual(w.max);
    // …and does not dawdle: the first 7 go at once, and an hour holds the full 1,800.
    expect(times[6] - times[0]).toBe(0);
    expect(worstWindows(times, [{ periodMs: 3_600_000, max: 1_800 }])[0].worst).toBe(1_800);
  });

  it('keeps conversations apart', async () => {
    const clock = new VirtualClock();
    const pacer = new ConversationPacer({ now: () => clock.ms(), sleep: clock.sleep });
    for (let i = 0; i < 7; i++) await pacer.take('a');
    const before = clock.ms();
    await pacer.take('b');
    expect(clock.ms()).toBe(before);
    await pacer.take('a');
    expect(clock.ms()).toBeGreaterThan(before);
  });

  it('holds a conversation back for a Retry-After', async () => {
    const clock = new VirtualClock();
    const pacer = new ConversationPacer({ now: () => clock.ms(), sleep: clock.sleep });
    const start = clock.ms();
    pacer.pause('a', start + 4_000);
    await pacer.take('a');
    expect(clock.ms()).toBe(start + 4_000);
  });

  it('lets concurrent callers through one at a time within the limits', async () => {
    const clock = new VirtualClock();
    const pacer = new ConversationPacer({ now: () => clock.ms(), sleep: clock.sleep });
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        await pacer.take('c');
        times.push(clock.ms());
      }),
    );
    for (const w of worstWindows(times, TEAMS_THREAD_LIMITS)) expect(w.worst).toBeLessThanOrEqual(w.max);
  });
});
