import {
  isFull,
  RateLimited,
  REPORT_RATE,
  returnReportToken,
  takeReportToken,
  type TokenBucket,
} from '../../src/domain';

const T0 = Date.parse('2026-11-20T09:00:00.000Z');

/** Takes `n` tokens at `at`, answering the last decision. */
function takeMany(n: number, at: number) {
  let bucket: TokenBucket | undefined;
  let decision = takeReportToken(bucket, at);
  bucket = decision.bucket;
  for (let i = 1; i < n; i++) {
    decision = takeReportToken(bucket, at);
    bucket = decision.bucket;
  }
  return decision;
}

describe('the report rate (token bucket per reporter)', () => {
  it('is 30 at once, then one per 10 s', () => {
    expect(REPORT_RATE).toEqual({ burst: 30, refillMs: 10_000 });
    expect(takeMany(30, T0)).toMatchObject({ allowed: true });
    expect(takeMany(31, T0)).toEqual({
      allowed: false,
      bucket: expect.objectContaining({ tokens: 0 }),
      retryAfterMs: 10_000,
    });
  });

  it('refills one token per 10 s, up to 30, and says exactly how long is left', () => {
    const empty = takeMany(30, T0).bucket;
    expect(takeReportToken(empty, T0 + 4_000)).toMatchObject({ allowed: false, retryAfterMs: 6_000 });
    expect(takeReportToken(empty, T0 + 10_000)).toMatchObject({ allowed: true });
    expect(takeReportToken(empty, T0 + 3_600_000).bucket.tokens).toBe(29);
    expect(isFull(empty, T0 + 299_999)).toBe(false);
    expect(isFull(empty, T0 + 300_000)).toBe(true);
  });

  it("gives a token back, never beyond the bucket's size", () => {
    const empty = takeMany(30, T0).bucket;
    expect(takeReportToken(returnReportToken(empty, T0), T0)).toMatchObject({ allowed: true });
    expect(returnReportToken(undefined, T0).tokens).toBe(30);
  });

  it('lets everything through when the size is 0 (the limit is off)', () => {
    let bucket: TokenBucket | undefined;
    for (let i = 0; i < 1_000; i++) {
      const d = takeReportToken(bucket, T0, { burst: 0, refillMs: 10_000 });
      expect(d.allowed).toBe(true);
      bucket = d.bucket;
    }
  });

  it('does not let a clock that steps back hand out tokens', () => {
    const empty = takeMany(30, T0).bucket;
    expect(takeReportToken(empty, T0 - 60_000)).toMatchObject({ allowed: false });
  });

  it('refuses with the code rate_limited and whole seconds, Swedish and English', () => {
    const error = new RateLimited(4_200);
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 5 });
    expect(error.message).toContain('Vänta 5 sekunder och skicka sedan igen; den här rapporten är inte sparad.');
    expect(error.messageEn).toContain('Wait 5 seconds, then send again; this report was not saved.');
    expect(new RateLimited(10).retryAfterSeconds).toBe(1);
  });
});
