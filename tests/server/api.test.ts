import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../support/test-server';

const now = () => new Date().toISOString();
const aReport = (overrides: Record<string, unknown> = {}) => ({
  title: 'Utredning skickad till fel mottagare 19121212-1212',
  description: 'En utredning om ett barn skickades till en extern mottagare med liknande namn.',
  discoveredAt: now(),
  ...overrides,
});
const asReporter = { 'x-dev-role': 'reporter' };

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

/**
 * Every row of every table in the server's SQLite file, read over a read-only connection of its own.
 * @remarks Read generically, not through the outbox's or the numbers' own shape, so app state
 * (outbox entries, DPO channel, posted cards) and the number counters are compared whatever
 * keys or tables they are kept in. Rows are sorted, so the order SQLite returns them in does not matter.
 */
function databaseRows(): Record<string, unknown[]> {
  const db = new Database(server.config.dbFile, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    const sorted = (rows: unknown[]) =>
      rows
        .map((row) => ({ row, key: JSON.stringify(row) }))
        .sort((a, b) => a.key.localeCompare(b.key))
        .map(({ row }) => row);
    return Object.fromEntries(tables.map((table) => [table, sorted(db.prepare(`SELECT * FROM "${table}"`).all())]));
  } finally {
    db.close();
  }
}

async function storeSnapshot() {
  const all = await server.store.listAll({ limit: 500 });
  const events = await Promise.all(all.items.map((i) => server.store.events(i.id)));
  const rows = databaseRows();
  // A snapshot that missed the tables it should compare would prove nothing.
  expect(Object.keys(rows)).toEqual(expect.arrayContaining(['app_state', 'number_sequences']));
  return { items: all.items, events, rows };
}

/**
 * Waits until the delivery loop has done what it will with the news queued so far (here: no DPO
 * channel is set, so it puts the news back and waits for its slow poll), so that app state holds
 * still for a snapshot.
 */
async function deliveryIdle() {
  await server.delivery?.drain();
}

describe('the HTTP API', () => {
  it('answers /healthz once the store is ready', async () => {
    const res = await server.call('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', profile: 'local' });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('creates a report: 201 with id, number, deadline and etag', async () => {
    const discoveredAt = '2026-11-18T09:42:00+01:00';
    const res = await server.call(
      'POST',
      '/api/incidents?source=tab',
      aReport({ discoveredAt, cause: 'human-error', breachTypes: ['confidentiality'] }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: 'PUI-2026-0001',
      deadline: '2026-11-21T08:42:00.000Z',
      source: 'tab',
      status: 'new',
      cause: 'human-error',
    });
    expect(res.body.id).toEqual(expect.any(String));
    expect(res.headers.get('etag')).toBe(`"${res.body.etag}"`);
    expect(res.headers.get('location')).toBe(`/api/incidents/${res.body.id}`);
  });

  it('makes one incident of the same reportId sent twice', async () => {
    const body = aReport({ reportId: 'tab-6f1c2d9a-0001' });
    const first = await server.call('POST', '/api/incidents', body);
    const second = await server.call('POST', '/api/incidents', body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect((await server.store.listAll()).items).toHaveLength(1);
  });

  it("refuses someone else's reportId without showing their report, and stores nothing", async () => {
    const anna = { 'x-dev-role': 'reporter', 'x-dev-user': 'anna' };
    const bertil = { 'x-dev-role': 'reporter', 'x-dev-user': 'bertil' };
    const first = await server.call('POST', '/api/incidents', aReport({ reportId: 'tab-6f1c2d9a-0002' }), anna);
    expect(first.status).toBe(201);
    await deliveryIdle();
    const before = await storeSnapshot();
    const reuse = await server.call(
      'POST',
      '/api/incidents',
      aReport({ reportId: 'tab-6f1c2d9a-0002', title: 'Annat', description: 'Annat' }),
      bertil,
    );
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.issues).toEqual([expect.objectContaining({ field: 'reportId', code: 'report_id_in_use' })]);
    expect(JSON.stringify(reuse.body)).not.toMatch(
      new RegExp(`${first.body.id}|${first.body.number}|extern mottagare`),
    );
    expect(await storeSnapshot()).toEqual(before);
    const again = await server.call('POST', '/api/incidents', aReport({ reportId: 'tab-6f1c2d9a-0002' }), anna);
    expect([again.status, again.body.id]).toEqual([200, first.body.id]);
  });

  it('gives numbers in sequence under concurrent creates', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => server.call('POST', '/api/incidents', aReport())),
    );
    const numbers = results.map((r) => r.body.number).sort();
    expect(new Set(numbers).size).toBe(20);
    expect(numbers[0]).toMatch(/^PUI-\d{4}-0001$/);
    expect(numbers[19]).toMatch(/^PUI-\d{4}-0020$/);
  });

  it('shows a reporter only their own reports, and all to the DPO', async () => {
    await server.call('POST', '/api/incidents', aReport(), asReporter);
    const other = await server.call('POST', '/api/incidents', aReport(), {
      ...asReporter,
      'x-dev-user': 'someone-else',
    });
    const mine = await server.call('GET', '/api/incidents?scope=mine', undefined, asReporter);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0].reporter.id).toBe('dev-reporter');
    const all = await server.call('GET', '/api/incidents?scope=all');
    expect(all.body.items).toHaveLength(2);
    const peek = await server.call('GET', `/api/incidents/${other.body.id}`, undefined, asReporter);
    expect(peek.status).toBe(404);
    const forbidden = await server.call('GET', '/api/incidents?scope=all', undefined, asReporter);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
  });

  it('takes a report through the DPO workflow with its audit trail', async () => {
    const created = (await server.call('POST', '/api/incidents', aReport())).body;
    const taken = await server.call('POST', `/api/incidents/${created.id}/take`, undefined, {
      'if-match': `"${created.etag}"`,
    });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ status: 'triage', owner: { id: 'dev-user' } });
    const assessed = await server.call('POST', `/api/incidents/${created.number}/assessment`, {
      risk: 'risk',
      rationale: 'Sekretessbelagda uppgifter om ett barn.',
    });
    expect(assessed.body.status).toBe('assessed');
    const notified = await server.call('POST', `/api/incidents/${created.id}/imy-notice`, {
      notifiedAt: now(),
      reference: 'IMY-2026-77',
    });
    expect(notified.body.status).toBe('notified');
    const sarah = await server.call('POST', `/api/incidents/${created.id}/lex-sarah`, { reportedAt: now() });
    expect(sarah.status).toBe(200);
    const subjects = await server.call('POST', `/api/incidents/${created.id}/subject-notice`, {
      notInformedReason: 'Risken är inte hög.',
    });
    expect(subjects.status).toBe(200);
    const closed = await server.call('POST', `/api/incidents/${created.id}/close`, {});
    expect(closed.body.status).toBe('closed');
    const details = await server.call('GET', `/api/incidents/${created.id}`);
    expect(details.body.events.map((e: { type: string }) => e.type)).toEqual([
      'reported',
      'owner-taken',
      'assessed',
      'imy-notified',
      'lex-sarah-recorded',
      'subjects-notice-recorded',
      'closed',
    ]);
    expect(details.body.duties).toEqual({ notifyAuthority: true, informDataSubjects: false });
    expect(details.body.findings).toEqual([]);
  });

  it('records a later awareness, the end and a police report, naming the etag, with the deadline moved', async () => {
    const discoveredAt = new Date(Date.now() - 10 * 3600_000).toISOString();
    const awareAt = new Date(Date.parse(discoveredAt) + 4 * 3600_000).toISOString();
    const reason = 'Först efter samtal med mottagaren stod det klart att bilagan innehöll personuppgifter.';
    const created = (await server.call('POST', '/api/incidents', aReport({ discoveredAt }))).body;

    const aware = await server.call(
      'POST',
      `/api/incidents/${created.id}/awareness`,
      { awareAt, reason },
      { 'if-match': `"${created.etag}"` },
    );
    expect(aware.status).toBe(200);
    expect(aware.body).toMatchObject({
      awareAt,
      awareReason: reason,
      deadline: new Date(Date.parse(awareAt) + 72 * 3600_000).toISOString(),
      discoveredAt,
    });
    expect(aware.body.nextReminderAt).toBe(new Date(Date.parse(awareAt) + 24 * 3600_000).toISOString());
    expect(aware.headers.get('etag')).toBe(`"${aware.body.etag}"`);

    const stale = await server.call(
      'POST',
      `/api/incidents/${created.id}/ended`,
      { endedAt: discoveredAt },
      { 'if-match': `"${created.etag}"` },
    );
    expect([stale.status, stale.body.error.code]).toEqual([412, 'conflict']);
    const ended = await server.call(
      'POST',
      `/api/incidents/${created.id}/ended`,
      { endedAt: discoveredAt },
      { 'if-match': `"${aware.body.etag}"` },
    );
    expect([ended.status, ended.body.endedAt]).toEqual([200, discoveredAt]);
    const police = await server.call('POST', `/api/incidents/${created.number}/police-report`, {
      reportedAt: now(),
      reference: 'K123456-26',
    });
    expect(police.status).toBe(200);
    expect(police.body.policeReport).toMatchObject({ reference: 'K123456-26', recordedBy: { id: 'dev-user' } });

    const details = (await server.call('GET', `/api/incidents/${created.id}`)).body;
    expect(details.incident).toMatchObject({
      awareAt,
      awareReason: reason,
      endedAt: discoveredAt,
      policeReport: { reference: 'K123456-26' },
    });
    expect(details.events.map((e: { type: string }) => e.type)).toEqual([
      'reported',
      'awareness-recorded',
      'ended-recorded',
      'police-report-recorded',
    ]);
    expect(details.events[1].data).toEqual({ previousAwareAt: discoveredAt, awareAt, deadline: aware.body.deadline });
    expect(JSON.stringify(details.events)).not.toContain('bilagan');
  });

  it('refuses a new awareness time once IMY is notified: 409 invalid_state, nothing changed', async () => {
    const discoveredAt = new Date(Date.now() - 10 * 3600_000).toISOString();
    const created = (await server.call('POST', '/api/incidents', aReport({ discoveredAt }))).body;
    await server.call('POST', `/api/incidents/${created.id}/assessment`, {
      risk: 'risk',
      rationale: 'Uppgifter om ett barn.',
    });
    const notified = (await server.call('POST', `/api/incidents/${created.id}/imy-notice`, { notifiedAt: now() })).body;
    const res = await server.call(
      'POST',
      `/api/incidents/${created.id}/awareness`,
      { awareAt: now(), reason: 'Senare kännedom.' },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({
      code: 'invalid_state',
      message: `${created.number} is already notified to IMY, so the time of awareness can no longer be changed.`,
    });
    expect((await server.call('GET', `/api/incidents/${created.id}`)).body.incident).toEqual(notified);
  });

  it('lists open incidents by deadline for the DPO', async () => {
    await server.call('POST', '/api/incidents', aReport({ discoveredAt: '2026-11-20T10:00:00Z' }));
    await server.call('POST', '/api/incidents', aReport({ discoveredAt: '2026-11-19T10:00:00Z' }));
    const res = await server.call('GET', '/api/incidents?scope=all&open=true');
    expect(res.body.items.map((i: { deadline: string }) => i.deadline)).toEqual([
      '2026-11-22T10:00:00.000Z',
      '2026-11-23T10:00:00.000Z',
    ]);
  });

  it('answers in English when asked', async () => {
    const res = await server.call('POST', '/api/incidents', {}, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.body.error.issues[0].message).toBe('Write a title: one line about what happened.');
  });

  it('logs no titles, descriptions or identity numbers', async () => {
    const created = await server.call('POST', '/api/incidents', aReport());
    await server.call('POST', '/api/incidents', aReport({ affectedCount: 'många' }));
    const log = server.logLines.join('\n');
    expect(log).toContain(created.body.number);
    expect(log).not.toMatch(/1212-1212|fel mottagare|extern mottagare|många/);
  });
});

describe('what the HTTP API logs of a request', () => {
  it('logs the declared route, not the path as sent', async () => {
    await server.call('GET', '/api/incidents/19121212-1212');
    await server.call('POST', '/api/incidents/anna.andersson@kommun.se/take', {});
    await server.call('GET', '/api/sok/19121212-1212');
    const paths = server.logLines
      .map((l) => JSON.parse(l))
      .filter((l) => l.message === 'request')
      .map((l) => l.path);
    expect(paths).toEqual(['/api/incidents/:id', '/api/incidents/:id/:action', '/api/*']);
    expect(server.logLines.join('\n')).not.toMatch(/1212-1212|anna\.andersson|kommun\.se/);
  });

  it('logs an unexpected error by name, route and frames: not its message, which may quote stored text', async () => {
    const store = server.store;
    // A document that no longer parses (edited by hand in SharePoint, say): V8 quotes its start in the message.
    const broken = Object.assign(Object.create(store) as typeof store, {
      get: async () => JSON.parse('Utredning om 19121212-1212'),
    });
    const other = await startTestServer({
      stores: { incidents: broken, appState: server.appState, accessLog: server.accessLog, close: async () => {} },
    });
    try {
      const res = await other.call('GET', '/api/incidents/3f1c2d9a-1111-2222-3333-444455556666');
      expect([res.status, res.body.error.code]).toEqual([500, 'internal_error']);
      const line = other.logLines.map((l) => JSON.parse(l)).find((l) => l.message === 'unexpected error');
      expect(line).toMatchObject({ error: 'SyntaxError', route: '/incidents/:id' });
      expect(line.stack).toMatch(/^at /);
      expect(other.logLines.join('\n')).not.toMatch(/Utredning|1212-1212/);
    } finally {
      await other.close();
    }
  });
});

describe('bad input to the HTTP API', () => {
  const longText = 'x'.repeat(70_000);
  const cases: [string, string, string, unknown, Record<string, string>, number, string][] = [
    ['empty object', 'POST', '/api/incidents', {}, {}, 400, 'validation_failed'],
    ['invalid JSON', 'POST', '/api/incidents', '{"title": ', {}, 400, 'invalid_json'],
    ['a JSON array', 'POST', '/api/incidents', '[1,2]', {}, 400, 'validation_failed'],
    ['a JSON string at top level', 'POST', '/api/incidents', '"hej"', {}, 400, 'invalid_json'],
    [
      'form encoding',
      'POST',
      '/api/incidents',
      'title=x',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'unsupported_media_type',
    ],
    [
      'a body over the size limit',
      'POST',
      '/api/incidents',
      { ...aReport(), description: longText },
      {},
      413,
      'payload_too_large',
    ],
    ['a title too long', 'POST', '/api/incidents', aReport({ title: 'x'.repeat(201) }), {}, 400, 'validation_failed'],
    [
      'a date without zone',
      'POST',
      '/api/incidents',
      aReport({ discoveredAt: '2026-11-20 10:00' }),
      {},
      400,
      'validation_failed',
    ],
    [
      'a discovery in the future',
      'POST',
      '/api/incidents',
      aReport({ discoveredAt: '2099-01-01T00:00:00Z' }),
      {},
      400,
      'validation_failed',
    ],
    [
      'occurred after discovered',
      'POST',
      '/api/incidents',
      aReport({ discoveredAt: '2026-11-20T10:00:00Z', occurredAt: '2026-11-20T11:00:00Z' }),
      {},
      400,
      'validation_failed',
    ],
    ['an unknown cause', 'POST', '/api/incidents', aReport({ cause: 'solstorm' }), {}, 400, 'validation_failed'],
    [
      'an unknown breach type',
      'POST',
      '/api/incidents',
      aReport({ breachTypes: ['leak'] }),
      {},
      400,
      'validation_failed',
    ],
    ['a negative count', 'POST', '/api/incidents', aReport({ affectedCount: -5 }), {}, 400, 'validation_failed'],
    ['an unknown field', 'POST', '/api/incidents', aReport({ severity: 'high' }), {}, 400, 'validation_failed'],
    ['a bad report id', 'POST', '/api/incidents', aReport({ reportId: 'x y' }), {}, 400, 'validation_failed'],
    ['an unknown source', 'POST', '/api/incidents?source=fax', aReport(), {}, 400, 'invalid_source'],
    ['an unknown scope', 'GET', '/api/incidents?scope=everyone', undefined, {}, 400, 'invalid_scope'],
    ['a limit out of range', 'GET', '/api/incidents?scope=all&limit=100000', undefined, {}, 400, 'invalid_limit'],
    ['an unknown incident', 'GET', '/api/incidents/PUI-2026-9999', undefined, {}, 404, 'not_found'],
    ['an unknown action', 'POST', '/api/incidents/PUI-2026-0001/delete', {}, {}, 404, 'not_found'],
    ['an unknown route', 'GET', '/api/nothing-here', undefined, {}, 404, 'not_found'],
    [
      'another reporter taking ownership',
      'POST',
      '/api/incidents/PUI-2026-0001/take',
      undefined,
      { 'x-dev-role': 'reporter', 'x-dev-user': 'someone-else' },
      403,
      'forbidden',
    ],
    [
      'a reporter assessing their own report',
      'POST',
      '/api/incidents/PUI-2026-0001/assessment',
      { risk: 'high', rationale: 'r' },
      { 'x-dev-role': 'reporter' },
      403,
      'forbidden',
    ],
    [
      'an unknown risk level',
      'POST',
      '/api/incidents/PUI-2026-0001/assessment',
      { risk: 'medium', rationale: 'r' },
      {},
      400,
      'validation_failed',
    ],
    [
      'an assessment without rationale',
      'POST',
      '/api/incidents/PUI-2026-0001/assessment',
      { risk: 'high' },
      {},
      400,
      'validation_failed',
    ],
    [
      'a stale etag',
      'POST',
      '/api/incidents/PUI-2026-0001/take',
      undefined,
      { 'if-match': '"not-the-etag"' },
      412,
      'conflict',
    ],
    [
      'a late IMY notice without reasons',
      'POST',
      '/api/incidents/PUI-2026-0001/imy-notice',
      { notifiedAt: new Date(Date.now() + 60_000).toISOString() },
      {},
      400,
      'validation_failed',
    ],
    ['closing an unassessed incident', 'POST', '/api/incidents/PUI-2026-0001/close', {}, {}, 409, 'invalid_state'],
    [
      'an awareness before the discovery',
      'POST',
      '/api/incidents/PUI-2026-0001/awareness',
      { awareAt: '2020-01-01T00:00:00Z', reason: 'Senare kännedom.' },
      {},
      400,
      'validation_failed',
    ],
    [
      'an awareness without a reason',
      'POST',
      '/api/incidents/PUI-2026-0001/awareness',
      { awareAt: now() },
      {},
      400,
      'validation_failed',
    ],
    [
      'an awareness in the future',
      'POST',
      '/api/incidents/PUI-2026-0001/awareness',
      { awareAt: '2099-01-01T00:00:00Z', reason: 'Senare kännedom.' },
      {},
      400,
      'validation_failed',
    ],
    [
      'a reporter recording the awareness of their own report',
      'POST',
      '/api/incidents/PUI-2026-0001/awareness',
      { awareAt: now(), reason: 'r' },
      { 'x-dev-role': 'reporter' },
      403,
      'forbidden',
    ],
    [
      'an end in the future',
      'POST',
      '/api/incidents/PUI-2026-0001/ended',
      { endedAt: '2099-01-01T00:00:00Z' },
      {},
      400,
      'validation_failed',
    ],
    [
      'a police report without a time',
      'POST',
      '/api/incidents/PUI-2026-0001/police-report',
      { reference: 'K1' },
      {},
      400,
      'validation_failed',
    ],
    [
      'a police report on a stale etag',
      'POST',
      '/api/incidents/PUI-2026-0001/police-report',
      { reportedAt: now() },
      { 'if-match': '"not-the-etag"' },
      412,
      'conflict',
    ],
    [
      'a non-boolean phased flag',
      'POST',
      '/api/incidents/PUI-2026-0001/imy-notice',
      { notifiedAt: now(), phased: 'ja' },
      {},
      400,
      'validation_failed',
    ],
  ];

  it.each(cases)(
    'answers %s with a clear 4xx and changes nothing',
    async (_name, method, route, body, headers, status, code) => {
      // A report by the dev reporter, discovered 80 hours ago, so a notice now is late.
      const seed = await server.call(
        'POST',
        '/api/incidents',
        aReport({ discoveredAt: new Date(Date.now() - 80 * 3600_000).toISOString() }),
        asReporter,
      );
      expect(seed.body.number).toMatch(/^PUI-\d{4}-0001$/);
      const fixedRoute = route.replace('PUI-2026-0001', seed.body.number);
      await deliveryIdle();
      const before = await storeSnapshot();
      const res = await server.call(method, fixedRoute, body, headers);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(typeof res.body.error.message).toBe('string');
      expect(res.body.error.message.length).toBeGreaterThan(10);
      expect(JSON.stringify(res.body)).not.toContain('extern mottagare');
      expect(await storeSnapshot()).toEqual(before);
    },
  );

  it('tries at least 20 kinds of bad input', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });
});

describe('the pages', () => {
  it('serve config.json beside the tab and the add-in, with the profile and no secrets', async () => {
    for (const page of ['tab', 'outlook']) {
      const res = await server.call('GET', `/${page}/config.json`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.body).toEqual({
        profile: 'local',
        organisationName: 'Kommunen',
        organisationDomains: [],
        sendCheck: { enabled: true, trustedExternalDomains: [], sensitiveWords: [] },
      });
    }
  });
});

describe('starting the server', () => {
  it('says which port is taken instead of crashing', async () => {
    const port = Number(new URL(server.url).port);
    await expect(startTestServer({ port })).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
  });
});
