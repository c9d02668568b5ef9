/**
 * The notice's details over HTTP (POST /api/incidents/{id}/notice-details) and the IMY text
 * (GET /api/incidents/{id}/notice?kind=imy): recorded, audited, validated, DPO only.
 */
import { startTestServer, type TestServer } from '../support/test-server';

const asReporter = { 'x-dev-role': 'reporter' };
let server: TestServer;
let number: string;

beforeEach(async () => {
  server = await startTestServer({
    env: {
      NODE_ENV: 'test',
      ORGANISATION_NAME: 'Exempelby kommun',
      ORGANISATION_NUMBER: '212000-0000',
      DPO_CONTACT_NAME: 'Dana Dataskydd',
      DPO_CONTACT_EMAIL: 'dso@exempelby.se',
      DPO_CONTACT_PHONE: '010-123 45 67',
    },
  });
  const created = await server.call(
    'POST',
    '/api/incidents',
    {
      title: 'Utredning om 19121212-1212 till fel mottagare',
      description: 'En utredning om ett barn skickades till en extern mottagare.',
      discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
      breachTypes: ['confidentiality'],
      dataCategories: ['social-services', 'children'],
      affectedCount: 1,
    },
    asReporter,
  );
  expect(created.status).toBe(201);
  number = created.body.number;
});
afterEach(async () => {
  await server.close();
});

async function snapshot() {
  const incident = await server.store.getByNumber(number);
  return { incident, events: await server.store.events(incident!.id) };
}

describe('POST /api/incidents/{id}/notice-details', () => {
  it('records the details, keeps them, audits them without the free texts, and the IMY text answers with them', async () => {
    const res = await server.call('POST', `/api/incidents/${number}/notice-details`, {
      subjectCategories: ['clients', 'children'],
      affectedCount: 2,
      recordCount: 40,
      consequences: ['secrecy'],
      consequencesText: 'Uppgifterna kan spridas vidare.',
      measures: 'Mottagaren har raderat.',
      plannedMeasures: 'Ny rutin.',
      crossBorder: false,
    });
    expect(res.status).toBe(200);
    expect(res.body.noticeDetails).toMatchObject({
      subjectCategories: ['clients', 'children'],
      recordCount: 40,
      crossBorder: false,
    });
    const { incident, events } = await snapshot();
    expect(incident!.affectedCount).toBe(2);
    expect(incident!.measures).toBe('Mottagaren har raderat.');
    const event = events.at(-1)!;
    expect(event.type).toBe('notice-details-recorded');
    expect(event.data).toEqual({
      subjectCategories: 'clients,children',
      affectedCount: 2,
      recordCount: 40,
      consequences: 'secrecy',
      crossBorder: false,
    });
    expect(JSON.stringify(event)).not.toContain('spridas');

    const notice = await server.call('GET', `/api/incidents/${number}/notice?kind=imy`);
    expect(notice.status).toBe(200);
    expect(notice.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(notice.headers.get('cache-control')).toBe('no-store');
    const lines = String(notice.body).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Personuppgiftsansvarig: Exempelby kommun',
        'Organisationsnummer: 212000-0000',
        `Vårt ärendenummer: ${number}`,
        'Kontaktuppgifter till dataskyddsombudet: Dana Dataskydd, dso@exempelby.se, 010-123 45 67',
        'Kategorier av registrerade: Klienter eller brukare inom socialtjänsten; Barn',
        'Ungefärligt antal berörda registrerade: 2',
        'Ungefärligt antal berörda personuppgiftsposter: 40',
        'Troliga konsekvenser: Röjande av uppgifter som omfattas av sekretess eller tystnadsplikt. Uppgifterna kan spridas vidare.',
        'Vidtagna åtgärder: Mottagaren har raderat.',
        'Planerade åtgärder: Ny rutin.',
        'Berör incidenten registrerade i andra EU/EES-länder: Nej',
      ]),
    );
    expect(String(notice.body)).not.toContain('1212');
  });

  it('gives the notice text to a DPO only, and refuses an unknown kind', async () => {
    const asOther = await server.call('GET', `/api/incidents/${number}/notice?kind=imy`, undefined, asReporter);
    expect(asOther.status).toBe(403);
    expect(asOther.body.error.code).toBe('forbidden');
    const kind = await server.call('GET', `/api/incidents/${number}/notice?kind=ivo`);
    expect(kind.status).toBe(400);
    expect(kind.body.error.code).toBe('invalid_notice_kind');
  });

  it.each([
    ['an unknown group of data subjects', { subjectCategories: ['aliens'] }, 'subjectCategories', 'unknown_value'],
    ['groups not as a list', { subjectCategories: 'clients' }, 'subjectCategories', 'not_a_list'],
    ['a negative number of records', { recordCount: -1 }, 'recordCount', 'invalid_record_count'],
    ['a fractional number of records', { recordCount: 2.5 }, 'recordCount', 'invalid_record_count'],
    ['a number of records as text', { recordCount: 'ca 40' }, 'recordCount', 'not_a_number'],
    ['a number of people out of range', { affectedCount: 1e12 }, 'affectedCount', 'invalid_count'],
    ['an unknown consequence', { consequences: ['doom'] }, 'consequences', 'unknown_value'],
    ['consequences in words too long', { consequencesText: 'x'.repeat(5001) }, 'consequencesText', 'too_long'],
    ['planned measures too long', { plannedMeasures: 'x'.repeat(5001) }, 'plannedMeasures', 'too_long'],
    ['measures taken too long', { measures: 'x'.repeat(5001) }, 'measures', 'too_long'],
    ['cross-border as text', { crossBorder: 'nej' }, 'crossBorder', 'not_boolean'],
  ])('refuses %s with 400 and a code, and changes nothing', async (_name, body, field, code) => {
    const before = await snapshot();
    const res = await server.call('POST', `/api/incidents/${number}/notice-details`, body, { 'accept-language': 'en' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.issues).toEqual([expect.objectContaining({ field, code })]);
    expect(res.body.error.issues[0].message).toMatch(/[a-z]{3,}/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a reporter, and changes nothing', async () => {
    const before = await snapshot();
    const res = await server.call('POST', `/api/incidents/${number}/notice-details`, { recordCount: 3 }, asReporter);
    expect(res.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});
