/**
 * The letter to the data subjects over HTTP (GET /api/incidents/{id}/notice?kind=art34, as text and
 * as .docx), the IMY text's draft parameters, the refusals and the access log of each document read.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDocx, paragraphsOf } from '../support/docx-reader';
import { startTestServer, type TestServer } from '../support/test-server';

const asReporter = { 'x-dev-role': 'reporter' };
const DPO_ENV = {
  NODE_ENV: 'test',
  ORGANISATION_NAME: 'Exempelby kommun',
  DPO_CONTACT_NAME: 'Dana Dataskydd',
  DPO_CONTACT_EMAIL: 'dso@exempelby.se',
  DPO_CONTACT_PHONE: '010-123 45 67',
};
let server: TestServer;
let number: string;
let id: string;

async function reportOne(): Promise<void> {
  const created = await server.call(
    'POST',
    '/api/incidents',
    {
      title: 'Utredning om 19121212-1212 till fel mottagare',
      description: 'En utredning om Kalle skickades till kalle.k@example.com.',
      discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
      breachTypes: ['confidentiality'],
      dataCategories: ['social-services', 'identity-numbers'],
      affectedCount: 1,
      cause: 'human-error',
    },
    asReporter,
  );
  expect(created.status).toBe(201);
  number = created.body.number;
  id = created.body.id;
  const details = await server.call('POST', `/api/incidents/${number}/notice-details`, {
    consequences: ['secrecy'],
    consequencesText: 'Uppgifter om 19121212-1212 kan spridas.',
    measures: 'Mottagaren kalle.k@example.com har raderat utredningen.',
    plannedMeasures: 'Ny rutin för mottagare.',
  });
  expect(details.status).toBe(200);
}

async function snapshot() {
  const incident = await server.store.getByNumber(number);
  return { incident, events: await server.store.events(incident!.id) };
}

async function documentReads(): Promise<string[]> {
  await server.access.flush();
  const log = await server.accessLog.listForIncident(id);
  return log.items.filter((r) => r.view === 'document').map((r) => r.target ?? '');
}

async function get(route: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.url + route, { headers });
}

describe('GET /api/incidents/{id}/notice?kind=art34', () => {
  beforeEach(async () => {
    server = await startTestServer({ env: DPO_ENV });
    await reportOne();
  });
  afterEach(async () => {
    await server.close();
  });

  it('gives the letter as plain Swedish text with every item, never cached, and records the read', async () => {
    const res = await server.call('GET', `/api/incidents/${number}/notice?kind=art34`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = String(res.body);
    expect(text).toContain(`Vårt ärendenummer: ${number}`);
    expect(text).toContain(
      'Uppgifter om dig kan ha blivit tillgängliga för någon som inte skulle ha haft tillgång till dem.',
    );
    expect(text).toContain(
      'Röjande av uppgifter som omfattas av sekretess eller tystnadsplikt. Uppgifter om [personnummer] kan spridas.',
    );
    expect(text).toContain('Vad har vi gjort?\nMottagaren [e-postadress] har raderat utredningen.');
    expect(text).toContain('Vad kommer vi att göra?\nNy rutin för mottagare.');
    expect(text).toContain('Vad kan du göra?\n- ');
    expect(text).toContain('dataskyddsombud: Dana Dataskydd, dso@exempelby.se, 010-123 45 67');
    expect(text).not.toMatch(/1212|kalle|example\.com|Utredning om|fel mottagare/i);
    expect(await documentReads()).toEqual(['art34-letter']);
  });

  it('gives it in English with lang=en', async () => {
    const res = await server.call('GET', `/api/incidents/${number}/notice?kind=art34&lang=en`);
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain(`Our reference: ${number}`);
    expect(String(res.body)).toContain('What can you do?\n- ');
    expect(String(res.body)).not.toContain('Vad har hänt');
  });

  it('gives it as a Word document holding the items and no identity number or address, and records the download', async () => {
    const res = await get(`/api/incidents/${number}/notice?kind=art34&format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${number}-art34-sv.docx"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const docx = await openDocx(new Uint8Array(await res.arrayBuffer()));
    const xml = docx.document;
    const words = paragraphsOf(xml).join('\n');
    expect(words).toContain('Information om en personuppgiftsincident som rör dig');
    // The letter's header lines stay one paragraph with line breaks, as in the text.
    expect(words).toContain(`Exempelby kommun\n`);
    expect(words).toContain(`Vårt ärendenummer: ${number}`);
    expect(words).toContain('Mottagaren [e-postadress] har raderat utredningen.');
    expect(words).toContain('Ny rutin för mottagare.');
    expect(words).toContain('Dana Dataskydd, dso@exempelby.se, 010-123 45 67');
    // Headings are Word headings and advice a real list, for screen readers.
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>/);
    expect(xml).toMatch(/<w:numPr>/);
    const everything = Object.values(docx.parts).join('\n');
    expect(docx.media).toEqual([]);
    expect(everything).not.toMatch(/19121212|1212-1212|kalle|example\.com/i);
    expect(everything).toContain('sv-SE');
    expect(await documentReads()).toEqual(['art34-letter.docx']);
  });

  it('refuses a reporter, as text and as Word, and records nothing', async () => {
    const text = await server.call('GET', `/api/incidents/${number}/notice?kind=art34`, undefined, asReporter);
    expect(text.status).toBe(403);
    expect(text.body.error.code).toBe('forbidden');
    const word = await get(`/api/incidents/${number}/notice?kind=art34&format=docx`, asReporter);
    expect(word.status).toBe(403);
    expect(await documentReads()).toEqual([]);
  });

  it.each([
    ['an unknown kind', 'kind=ivo', 'invalid_notice_kind'],
    ['two kinds', 'kind=imy&kind=art34', 'invalid_notice_kind'],
    ['an unknown format', 'kind=art34&format=pdf', 'invalid_notice_format'],
    ['the IMY text as Word', 'kind=imy&format=docx', 'invalid_notice_format'],
    ['an unknown language', 'kind=art34&lang=fr', 'invalid_lang'],
    ['a draft time that is no time', 'kind=imy&notifiedAt=igår', 'invalid_notified_at'],
    ['a draft phased that is no flag', 'kind=imy&phased=ja', 'invalid_phased'],
  ])(
    'refuses %s with 400 and a code, English with Accept-Language en, and changes and records nothing',
    async (_n, query, code) => {
      const before = await snapshot();
      const res = await server.call('GET', `/api/incidents/${number}/notice?${query}`, undefined, {
        'accept-language': 'en',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(/must|only/);
      expect(await snapshot()).toEqual(before);
      expect(await documentReads()).toEqual([]);
    },
  );

  it("gives the IMY text of a notice about to be recorded (the tab's draft), and the recorded notice once there is one", async () => {
    const draft = await server.call(
      'GET',
      `/api/incidents/${number}/notice?kind=imy&phased=true&notifiedAt=${encodeURIComponent(new Date().toISOString())}`,
    );
    expect(draft.status).toBe(200);
    expect(String(draft.body)).toContain('Anmälan görs i etapper: Ja, komplettering lämnas inom fyra veckor');
    expect(String(draft.body)).toContain('Kontaktuppgifter till dataskyddsombudet: Dana Dataskydd');
    const plain = await server.call('GET', `/api/incidents/${number}/notice?kind=imy`);
    expect(String(plain.body)).toContain('Anmälan görs i etapper: Nej');
    expect(await documentReads()).toEqual(['imy-notice', 'imy-notice']);
  });
});

describe('the letter template setting', () => {
  afterEach(async () => {
    await server?.close();
  });

  it('uses the template ART34_LETTER_TEMPLATE names', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pui-template-'));
    const file = path.join(dir, 'brev.txt');
    writeFileSync(
      file,
      'Hej från {{organisation}}\n{{what_happened}}\n{{consequences}}\n{{measures_taken}}\n{{measures_planned}}\n{{advice}}\n{{dpo_contact}}\n',
    );
    server = await startTestServer({ env: { ...DPO_ENV, ART34_LETTER_TEMPLATE: file } });
    await reportOne();
    const sv = await server.call('GET', `/api/incidents/${number}/notice?kind=art34`);
    expect(String(sv.body)).toMatch(/^Hej från Exempelby kommun\nDen /);
    const en = await server.call('GET', `/api/incidents/${number}/notice?kind=art34&lang=en`);
    expect(String(en.body)).toMatch(/^Exempelby kommun\n/);
  });

  it('refuses to start with a template that lacks a required item, naming the variable and the placeholder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pui-template-'));
    const file = path.join(dir, 'brev.txt');
    writeFileSync(file, 'Hej {{namn}}\n{{what_happened}}\n');
    await expect(startTestServer({ env: { ...DPO_ENV, ART34_LETTER_TEMPLATE_EN: file } })).rejects.toThrow(
      /ART34_LETTER_TEMPLATE_EN .*unknown placeholder \{\{namn\}\}.*\{\{dpo_contact\}\} is missing/,
    );
    await expect(
      startTestServer({ env: { ...DPO_ENV, ART34_LETTER_TEMPLATE: path.join(dir, 'finns-inte.txt') } }),
    ).rejects.toThrow(/ART34_LETTER_TEMPLATE: cannot read .*ENOENT/);
  });
});
