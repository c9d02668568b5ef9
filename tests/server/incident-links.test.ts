import { startTestServer, type TestServer } from '../support/test-server';

const anna = { 'x-dev-role': 'reporter', 'x-dev-user': 'anna' };
const dpo = { 'x-dev-role': 'dpo' };
const dpoEn = { ...dpo, 'accept-language': 'en' };
const mail = '<AM0PR01MB1234.eurprd01.prod@kommun.example.se>';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function aReport(hoursAgo: number, extra: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
  const created = await server.call(
    'POST',
    '/api/incidents?source=outlook',
    {
      title: 'Utredning skickad till fel mottagare',
      description: 'En utredning skickades till en extern mottagare med liknande namn.',
      discoveredAt: new Date(Date.now() - hoursAgo * 3600_000).toISOString(),
      cause: 'human-error',
      ...extra,
    },
    anna,
  );
  expect(created.status).toBe(201);
  return { id: created.body.id as string, number: created.body.number as string };
}

const report = async () => (await server.call('GET', '/api/register/report', undefined, dpo)).body;
const details = async (id: string) => (await server.call('GET', `/api/incidents/${id}`, undefined, dpo)).body;

describe('linking a report to a main incident over the API', () => {
  it('links and unlinks, audited, with the register counts unchanged by linking and restored by unlinking', async () => {
    const main = await aReport(3, { internetMessageId: mail });
    const again = await aReport(2, { internetMessageId: mail });
    expect((await details(again.id)).incident.internetMessageId).toBe(mail);
    const separate = await report();
    expect(separate.total).toBe(2);

    const linked = await server.call('POST', `/api/incidents/${again.id}/link`, { mainNumber: main.number }, dpo);
    expect(linked.status).toBe(200);
    expect(linked.body.linkedTo).toMatchObject({ id: main.id, number: main.number, linkedBy: { id: 'dev-user' } });
    expect(linked.body.nextReminderAt).toBeNull();
    expect(linked.body.number).toBe(again.number);

    const once = await report();
    expect(once.total).toBe(1);
    expect(once.unassessed).toBe(1);
    expect(once.byCause['human-error']).toBe(1);
    expect((await details(main.id)).linkedReports).toEqual([
      { id: again.id, number: again.number, title: 'Utredning skickad till fel mottagare', status: 'new' },
    ]);

    const unlinked = await server.call('POST', `/api/incidents/${again.id}/unlink`, {}, dpo);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.linkedTo).toBeUndefined();
    expect(unlinked.body.nextReminderAt).not.toBeNull();
    expect(await report()).toEqual(separate);
    expect((await details(main.id)).linkedReports).toEqual([]);

    const trail = (await details(again.id)).events.map((e: { type: string; data: unknown }) => [e.type, e.data]);
    expect(trail.slice(-2)).toEqual([
      ['linked', { mainNumber: main.number, mainId: main.id }],
      ['unlinked', { mainNumber: main.number, mainId: main.id }],
    ]);
    expect(server.logLines.join('\n')).not.toContain('kommun.example.se');
  });

  it('refuses bad links with a stable code and message in Swedish or English, changing nothing', async () => {
    const main = await aReport(5);
    const report2 = await aReport(4);
    const third = await aReport(3);
    const earlier = await aReport(6);
    expect(
      (await server.call('POST', `/api/incidents/${report2.id}/link`, { mainNumber: main.number }, dpo)).status,
    ).toBe(200);
    const before = await details(third.id);

    const cases: [string, unknown, Record<string, string>, number, string, RegExp][] = [
      [third.id, { mainNumber: third.number }, dpo, 400, 'self_link', /kan inte länkas till sig själv/],
      [third.id, { mainNumber: 'PUI-2026-9999' }, dpo, 400, 'main_not_found', /Det finns ingen incident PUI-2026-9999/],
      [third.id, { mainNumber: report2.number }, dpoEn, 400, 'main_is_linked', /is itself linked to/],
      [main.id, { mainNumber: third.number }, dpo, 400, 'has_linked_reports', /Andra rapporter är länkade/],
      [earlier.id, { mainNumber: main.number }, dpoEn, 400, 'main_deadline_later', /earlier deadline than/],
      [third.id, { mainNumber: 'nummer 4' }, dpo, 400, 'invalid_number', /PUI-2026-0042/],
      [third.id, {}, dpo, 400, 'required', /Ange numret på huvudincidenten/],
      [third.id, { mainNumber: main.number }, anna, 403, 'forbidden', /dataskyddsombudet/],
    ];
    for (const [id, body, headers, status, code, message] of cases) {
      const answer = await server.call('POST', `/api/incidents/${id}/link`, body, headers);
      const codeSeen = answer.body.error.issues?.[0]?.code ?? answer.body.error.code;
      expect({ code, status: answer.status, codeSeen }).toEqual({ code, status, codeSeen: code });
      expect(answer.body.error.message).toMatch(message);
    }
    const notLinked = await server.call('POST', `/api/incidents/${third.id}/unlink`, {}, dpo);
    expect([notLinked.status, notLinked.body.error.code]).toEqual([409, 'invalid_state']);

    const after = await details(third.id);
    expect(after.incident).toEqual(before.incident);
    expect(after.events).toEqual(before.events);
    expect((await details(main.id)).incident.linkedTo).toBeUndefined();
  });
});
