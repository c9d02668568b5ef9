import { startTestServer, type TestServer } from '../support/test-server';

const report = {
  title: 'Utredning skickad till fel mottagare',
  description: 'En utredning om ett barn skickades till en extern mottagare med liknande namn.',
  discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
};
const anna = { 'x-dev-role': 'reporter', 'x-dev-user': 'anna' };
const dpo = { 'x-dev-role': 'dpo' };
const dpoEn = { ...dpo, 'accept-language': 'en' };

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function aClosedIncident(): Promise<{ id: string; number: string }> {
  const created = await server.call('POST', '/api/incidents', report, anna);
  const id = created.body.id as string;
  const assessed = await server.call(
    'POST',
    `/api/incidents/${id}/assessment`,
    { risk: 'unlikely', rationale: 'Mottagaren har raderat utredningen.' },
    dpo,
  );
  expect(assessed.status).toBe(200);
  expect((await server.call('POST', `/api/incidents/${id}/close`, {}, dpo)).status).toBe(200);
  return { id, number: created.body.number };
}

async function trailOf(id: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  return (await server.call('GET', `/api/incidents/${id}`, undefined, dpo)).body.events;
}

describe('legal hold over the API', () => {
  it('lets the DPO set a hold on a closed incident and lift it, each audited; the answer carries the hold', async () => {
    const { id } = await aClosedIncident();

    const set = await server.call(
      'POST',
      `/api/incidents/${id}/legal-hold`,
      { reason: 'court', reference: 'T 1234-26' },
      dpo,
    );
    expect(set.status).toBe(200);
    expect(set.body.legalHold).toMatchObject({ reason: 'court', reference: 'T 1234-26', by: { id: 'dev-user' } });
    expect(set.headers.get('etag')).toBe(`"${set.body.etag}"`);

    const lifted = await server.call('POST', `/api/incidents/${id}/lift-legal-hold`, {}, dpo);
    expect(lifted.status).toBe(200);
    expect(lifted.body.legalHold).toBeUndefined();
    const trail = await trailOf(id);
    expect(trail.slice(-2).map((e) => e.type)).toEqual(['legal-hold-set', 'legal-hold-lifted']);
    expect(JSON.stringify(trail)).not.toContain('1234-26');
    expect(server.logLines.join('\n')).not.toContain('1234-26');
  });

  it('refuses a reporter, even on their own report, and changes nothing', async () => {
    const { id } = await aClosedIncident();
    const before = await trailOf(id);

    const set = await server.call('POST', `/api/incidents/${id}/legal-hold`, { reason: 'ivo' }, anna);
    expect([set.status, set.body.error.code]).toEqual([403, 'forbidden']);
    await server.call('POST', `/api/incidents/${id}/legal-hold`, { reason: 'ivo' }, dpo);
    const lift = await server.call('POST', `/api/incidents/${id}/lift-legal-hold`, {}, anna);
    expect([lift.status, lift.body.error.code]).toEqual([403, 'forbidden']);

    const after = await trailOf(id);
    expect(after.map((e) => e.type)).toEqual([...before.map((e) => e.type), 'legal-hold-set']);
  });

  it('refuses a bad reason or reference with a stable code per field, in Swedish or English, and changes nothing', async () => {
    const { id } = await aClosedIncident();
    const before = await trailOf(id);

    const cases: [unknown, string, string][] = [
      [{}, 'reason', 'required'],
      [{ reason: 'hovrätt' }, 'reason', 'unknown_reason'],
      [{ reason: 'ivo', reference: 'Dnr 19121212-1212' }, 'reference', 'identity_number'],
      [{ reason: 'ivo', reference: 'a'.repeat(101) }, 'reference', 'too_long'],
      [{ reason: 'ivo', reference: 'anna@example.se' }, 'reference', 'invalid_reference'],
      [{ reason: 'ivo', reference: 12 }, 'reference', 'not_text'],
      [{ reason: 'ivo', note: 'x' }, '', 'unknown_field'],
    ];
    for (const [body, field, code] of cases) {
      const res = await server.call('POST', `/api/incidents/${id}/legal-hold`, body, dpo);
      expect([
        res.status,
        res.body.error.code,
        res.body.error.issues?.[0]?.field,
        res.body.error.issues?.[0]?.code,
      ]).toEqual([400, 'validation_failed', field, code]);
      expect(JSON.stringify(res.body)).not.toMatch(/19121212|anna@example/);
    }
    const en = await server.call('POST', `/api/incidents/${id}/legal-hold`, { reason: 'x' }, dpoEn);
    expect(en.body.error.message).toMatch(/^Choose the reason for the hold/);

    expect(await trailOf(id)).toEqual(before);
    expect((await server.call('GET', `/api/incidents/${id}`, undefined, dpo)).body.incident.legalHold).toBeUndefined();
  });

  it('answers 409 no_legal_hold when there is no hold to lift, and 404 for an unknown incident', async () => {
    const { id } = await aClosedIncident();
    const before = await trailOf(id);

    const none = await server.call('POST', `/api/incidents/${id}/lift-legal-hold`, {}, dpoEn);
    expect([none.status, none.body.error.code]).toEqual([409, 'no_legal_hold']);
    expect(none.body.error.message).toMatch(/has no legal hold to lift/);
    const unknown = await server.call(
      'POST',
      '/api/incidents/3f1c2d9a-1111-2222-3333-444455556666/legal-hold',
      { reason: 'ivo' },
      dpo,
    );
    expect(unknown.status).toBe(404);
    expect(await trailOf(id)).toEqual(before);
  });

  it('keeps the first since when the DPO changes the reason of a held incident, and refuses a stale etag', async () => {
    const { id } = await aClosedIncident();
    const first = await server.call('POST', `/api/incidents/${id}/legal-hold`, { reason: 'police' }, dpo);
    const second = await server.call(
      'POST',
      `/api/incidents/${id}/legal-hold`,
      { reason: 'jo' },
      { ...dpo, 'if-match': `"${first.body.etag}"` },
    );
    expect(second.body.legalHold).toMatchObject({ reason: 'jo', since: first.body.legalHold.since });
    expect((await trailOf(id)).at(-1)).toMatchObject({ type: 'legal-hold-set', data: { previousReason: 'police' } });

    const stale = await server.call(
      'POST',
      `/api/incidents/${id}/lift-legal-hold`,
      {},
      { ...dpo, 'if-match': `"${first.body.etag}"` },
    );
    expect(stale.status).toBe(412);
    expect((await server.call('GET', `/api/incidents/${id}`, undefined, dpo)).body.incident.legalHold.reason).toBe(
      'jo',
    );
  });
});
