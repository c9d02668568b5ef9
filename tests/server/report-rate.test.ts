import { startTestServer, type TestServer } from '../support/test-server';

const T0 = Date.parse('2026-11-20T09:00:00.000Z');
const aReport = (overrides: Record<string, unknown> = {}) => ({
  title: 'Utredning skickad till fel mottagare',
  description: 'En utredning om ett barn skickades till en extern mottagare med liknande namn.',
  discoveredAt: new Date(T0 - 3600_000).toISOString(),
  ...overrides,
});
const as = (user: string, extra: Record<string, string> = {}) => ({
  'x-dev-role': 'reporter',
  'x-dev-user': user,
  ...extra,
});

describe('POST /api/incidents: the report rate per person (30 at once, then one per 10 s)', () => {
  let server: TestServer;
  let t: number;
  beforeEach(async () => {
    t = T0;
    server = await startTestServer({ clock: { now: () => new Date(t) } });
  });
  afterEach(async () => {
    await server.close();
  });

  it('files 30 in a row, then answers 429 with Retry-After, a Swedish message and the code rate_limited, and stores nothing', async () => {
    for (let i = 0; i < 30; i++) {
      expect(
        (
          await server.call(
            'POST',
            '/api/incidents?source=tab',
            aReport({ reportId: `tab-report-${String(i).padStart(4, '0')}` }),
            as('flooder'),
          )
        ).status,
      ).toBe(201);
    }
    const before = (await server.store.listAll({ limit: 100 })).items.length;
    const refused = await server.call(
      'POST',
      '/api/incidents?source=tab',
      aReport({ reportId: 'tab-report-0030' }),
      as('flooder'),
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(refused.body.error).toEqual({
      code: 'rate_limited',
      message: expect.stringContaining('Du har skickat många rapporter på kort tid. Vänta 10 sekunder'),
      retryAfterSeconds: 10,
    });
    expect(before).toBe(30);
    expect((await server.store.listAll({ limit: 100 })).items).toHaveLength(30);
    expect(await server.store.getByReportId('tab-report-0030')).toBeUndefined();
  });

  it('answers in English with Accept-Language: en', async () => {
    for (let i = 0; i < 30; i++) await server.call('POST', '/api/incidents?source=outlook', aReport(), as('flooder'));
    const refused = await server.call(
      'POST',
      '/api/incidents?source=outlook',
      aReport(),
      as('flooder', { 'accept-language': 'en-GB,en;q=0.9' }),
    );
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(
      /^You have sent many reports in a short time\. Wait 10 seconds, then send again; this report was not saved\./,
    );
  });

  it('answers a retry of a report already filed (same reportId) as before, neither counted nor refused', async () => {
    expect(
      (await server.call('POST', '/api/incidents', aReport({ reportId: 'api-report-0001' }), as('anna'))).status,
    ).toBe(201);
    // The same report sent 50 times more (a flaky network): one incident, never a 429.
    for (let i = 0; i < 50; i++) {
      const again = await server.call('POST', '/api/incidents', aReport({ reportId: 'api-report-0001' }), as('anna'));
      expect(again.status).toBe(200);
    }
    // …and it cost only the one token: 29 more new reports go through.
    for (let i = 0; i < 29; i++)
      expect((await server.call('POST', '/api/incidents', aReport(), as('anna'))).status).toBe(201);
    expect((await server.call('POST', '/api/incidents', aReport(), as('anna'))).status).toBe(429);
    // Once refused, a retry of the filed report still gets its answer.
    expect(
      (await server.call('POST', '/api/incidents', aReport({ reportId: 'api-report-0001' }), as('anna'))).status,
    ).toBe(200);
  });

  it('does not count input that was refused as invalid (correcting a form costs nothing)', async () => {
    for (let i = 0; i < 40; i++)
      expect((await server.call('POST', '/api/incidents', aReport({ title: '' }), as('anna'))).status).toBe(400);
    for (let i = 0; i < 30; i++)
      expect((await server.call('POST', '/api/incidents', aReport(), as('anna'))).status).toBe(201);
  });

  it('holds back only the person who filed too many, and lets them go on at one per 10 s', async () => {
    for (let i = 0; i < 30; i++) await server.call('POST', '/api/incidents', aReport(), as('flooder'));
    expect((await server.call('POST', '/api/incidents', aReport(), as('flooder'))).status).toBe(429);
    expect((await server.call('POST', '/api/incidents', aReport(), as('bertil'))).status).toBe(201);
    t += 4_000;
    const later = await server.call('POST', '/api/incidents', aReport(), as('flooder'));
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe('6');
    t += 6_000;
    expect((await server.call('POST', '/api/incidents', aReport(), as('flooder'))).status).toBe(201);
    expect((await server.call('POST', '/api/incidents', aReport(), as('flooder'))).status).toBe(429);
  });
});

describe('the report rate settings', () => {
  it('REPORT_RATE_BURST=0 turns the limit off; REPORT_RATE_BURST and REPORT_RATE_REFILL_SECONDS set it', async () => {
    const off = await startTestServer({ env: { NODE_ENV: 'test', REPORT_RATE_BURST: '0' } });
    try {
      for (let i = 0; i < 40; i++)
        expect((await off.call('POST', '/api/incidents', aReport(), as('anna'))).status).toBe(201);
    } finally {
      await off.close();
    }
    const tight = await startTestServer({
      env: { NODE_ENV: 'test', REPORT_RATE_BURST: '2', REPORT_RATE_REFILL_SECONDS: '60' },
      clock: { now: () => new Date(T0) },
    });
    try {
      for (let i = 0; i < 2; i++)
        expect((await tight.call('POST', '/api/incidents', aReport(), as('anna'))).status).toBe(201);
      const refused = await tight.call('POST', '/api/incidents', aReport(), as('anna'));
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
    } finally {
      await tight.close();
    }
  });
});
