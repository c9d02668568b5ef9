import { startTestServer, type TestServer } from '../support/test-server';

const REPORTER = { 'x-dev-role': 'reporter', 'x-dev-user': 'anna' };
const thisMonth = () => new Date().toISOString().slice(0, 7);

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function counts(query = '') {
  const res = await server.call('GET', `/api/send-check/counts${query}`);
  expect(res.status).toBe(200);
  return res.body.months as {
    month: string;
    fired: number;
    changed: number;
    sentAnyway: number;
    sentAnywayAtMost: number;
  }[];
}

describe('the send check counting routes', () => {
  it('count the handler’s reports per month for the DPO: fired, changed and at most sent anyway', async () => {
    const month = thisMonth();
    for (const kind of ['fired', 'fired', 'fired', 'changed', 'sent-anyway'])
      expect((await server.call('POST', '/api/send-check/events', { month, kind }, REPORTER)).status).toBe(204);
    const months = await counts();
    expect(months).toHaveLength(12);
    expect(months[11]).toEqual({ month, fired: 3, changed: 1, sentAnyway: 1, sentAnywayAtMost: 2 });
    expect(months.slice(0, 11).every((m) => m.fired === 0 && m.changed === 0)).toBe(true);
  });

  it('refuse bad input with a stable code and count nothing', async () => {
    const month = thisMonth();
    const refused: [unknown, number, string][] = [
      [{ month, kind: 'fired', recipients: 2 }, 400, 'validation_failed'],
      [{ month, kind: 'skickade-ändå' }, 400, 'validation_failed'],
      [{ month: '12/2026', kind: 'fired' }, 400, 'validation_failed'],
      [{ kind: 'fired' }, 400, 'validation_failed'],
      ['not json', 400, 'invalid_json'],
    ];
    for (const [body, status, code] of refused) {
      const res = await server.call('POST', '/api/send-check/events', body, REPORTER);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    const asText = await fetch(`${server.url}/api/send-check/events`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ month, kind: 'fired' }),
    });
    expect(asText.status).toBe(415);
    const english = await server.call(
      'POST',
      '/api/send-check/events',
      { month, kind: 'x' },
      {
        ...REPORTER,
        'accept-language': 'en',
      },
    );
    expect(english.body.error.issues).toEqual([
      { field: 'kind', code: 'invalid_kind', message: 'kind must be fired, changed or sent-anyway.' },
    ]);
    expect((await counts()).every((m) => m.fired === 0 && m.changed === 0)).toBe(true);
    expect(server.logLines.join('\n')).not.toContain('recipients');
  });

  it('let a reporter report but not read the counts', async () => {
    const month = thisMonth();
    expect((await server.call('POST', '/api/send-check/events', { month, kind: 'fired' }, REPORTER)).status).toBe(204);
    const res = await server.call('GET', '/api/send-check/counts', undefined, REPORTER);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(JSON.stringify(res.body)).not.toMatch(/"fired"/);
  });

  it('hold one person to 20 reports at once (429, Retry-After) and count exactly those', async () => {
    const month = thisMonth();
    const answers = [];
    for (let i = 0; i < 21; i++)
      answers.push((await server.call('POST', '/api/send-check/events', { month, kind: 'fired' }, REPORTER)).status);
    expect(answers.filter((s) => s === 204)).toHaveLength(20);
    const refused = await server.call('POST', '/api/send-check/events', { month, kind: 'fired' }, REPORTER);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Someone else is not held up by it.
    const other = { 'x-dev-role': 'reporter', 'x-dev-user': 'bo' };
    expect((await server.call('POST', '/api/send-check/events', { month, kind: 'fired' }, other)).status).toBe(204);
    expect((await counts()).at(-1)!.fired).toBe(21);
  });

  it('refuse a bad month range with a code', async () => {
    for (const [query, code] of [
      ['?from=2026-13', 'invalid_month'],
      ['?from=2026-12&to=2026-01', 'invalid_range'],
      ['?from=2020-01&to=2026-12', 'range_too_long'],
    ]) {
      const res = await server.call('GET', `/api/send-check/counts${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].code).toBe(code);
    }
    const twice = await server.call('GET', '/api/send-check/counts?from=2026-01&from=2026-02');
    expect([twice.status, twice.body.error.code]).toEqual([400, 'invalid_month']);
  });
});
