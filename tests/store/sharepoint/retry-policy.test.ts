import { parseRetryAfter, RetryPolicy } from '../../../src/store/sharepoint/retry-policy';

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(30_000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('RetryPolicy', () => {
  const policy = (options = {}) => new RetryPolicy({ random: () => 0.5, sleep: async () => undefined, ...options });

  it('waits what Retry-After asks', () => {
    expect(policy().budget().next('3')).toBe(3000);
  });

  it('backs off exponentially, with jitter, when the service gives no Retry-After', async () => {
    const budget = policy({ baseDelayMs: 100 }).budget();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const wait = budget.next(null)!;
      waits.push(wait);
      await budget.wait(wait);
    }
    expect(waits).toEqual([75, 150, 300, 600]);
  });

  it('stops after the last retry', async () => {
    const budget = policy({ maxRetries: 2 }).budget();
    await budget.wait(budget.next('1')!);
    await budget.wait(budget.next('1')!);
    expect(budget.next('1')).toBeUndefined();
    expect(budget.retries).toBe(2);
  });

  it('gives up rather than wait past the total bound', async () => {
    const budget = policy({ maxTotalWaitMs: 10_000 }).budget();
    await budget.wait(budget.next('6')!);
    expect(budget.next('5')).toBeUndefined();
    expect(budget.next('4')).toBe(4000);
  });
});
