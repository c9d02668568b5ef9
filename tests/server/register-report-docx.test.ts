/**
 * GET /api/register/report?format=docx: the committee report as Word for the DPO, refused to a
 * reporter and for bad input with a stable code, recorded in the access log, and the same
 * document as the CLI's for the same period (the tab downloads this route's answer).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configuredStoreOpener, runRegisterCli } from '../../src/cli/register';
import { DEV_IDENTITY } from '../../src/server/auth';
import { openDocx, paragraphsOf, tablesOf } from '../support/docx-reader';
import { startTestServer, type TestServer } from '../support/test-server';

const NOW = new Date('2026-08-20T10:00:00Z');
const ORGANISATION = { ORGANISATION_NAME: 'Exempelby kommun', COMMITTEE_NAME: 'Socialnämnden' };
const reporter = { 'x-dev-role': 'reporter' };

let dir: string;
let server: TestServer;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pui-report-docx-'));
  server = await startTestServer({
    dbFile: join(dir, 'pui.db'),
    clock: { now: () => NOW },
    env: { NODE_ENV: 'test', ...ORGANISATION },
  });
  for (const [title, discoveredAt, cause] of [
    ['Brev till gammal adress, gäller 19121212-1212', '2026-02-03T09:00:00Z', 'human-error'],
    ['Utskrift på fel skrivare', '2026-05-12T12:00:00Z', 'technical'],
    ['Före perioden', '2025-12-20T12:00:00Z', 'other'],
  ]) {
    const res = await server.call('POST', '/api/incidents', {
      title,
      description: 'Mottagaren anna.svensson@exempel.se hörde av sig.',
      discoveredAt,
      cause,
    });
    expect(res.status).toBe(201);
  }
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function download(query: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/register/report?${query}`, { headers });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** What a reader sees of a document: its paragraphs' text and its tables, plus the chart's bytes. */
async function seen(bytes: Uint8Array) {
  const docx = await openDocx(bytes);
  return { paragraphs: paragraphsOf(docx.document), tables: tablesOf(docx.document), media: docx.media };
}

describe('the committee report as Word over the API', () => {
  it('answers the DPO with an attachment that is not cached, for the period asked', async () => {
    const { res, bytes } = await download('format=docx&from=2026-01-01&to=2026-06-30&caseNumber=SN%202026%2F0071');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="redovisning-pui-2026-01-01--2026-06-30.docx"',
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const doc = await seen(bytes);
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining([
        'Organisation: Exempelby kommun',
        'Nämnd: Socialnämnden',
        'Datum: 2026-08-20',
        'Ärendebeteckning: SN 2026/0071',
        `Handläggare: ${DEV_IDENTITY.name}`,
      ]),
    );
    const appendix = doc.tables[2];
    expect(appendix.slice(1).map((row) => row[1])).toEqual([
      'Brev till gammal adress, gäller [personnummer]',
      'Utskrift på fel skrivare',
    ]);
    expect(appendix[1][3]).toBe('Mottagaren [e-postadress] hörde av sig.');
  });

  it('gives the same document as npm run register -- report --format docx for the same period', async () => {
    const query = 'format=docx&from=2026-01-01&to=2026-06-30&caseNumber=SN%202026%2F0071';
    const api = await seen((await download(query)).bytes);
    const code = await runRegisterCli(
      [
        'report',
        '--format',
        'docx',
        '--from',
        '2026-01-01',
        '--to',
        '2026-06-30',
        '--case-number',
        'SN 2026/0071',
        '--out',
        'cli.docx',
      ],
      {
        openStore: configuredStoreOpener({ store: 'sqlite', dbFile: join(dir, 'pui.db') }),
        stdout: { write: () => true },
        stderr: { write: (c) => process.stderr.write(c) },
        now: () => NOW,
        user: DEV_IDENTITY.name,
        cwd: dir,
        organisation: server.config.organisation,
      },
    );
    expect(code).toBe(0);
    const cli = await seen(readFileSync(join(dir, 'cli.docx')));
    expect(cli).toEqual(api);
    expect(api.tables[2]).toHaveLength(3);
  });

  it('is in English with lang=en', async () => {
    const { res, bytes } = await download('format=docx&from=2026-01-01&to=2026-06-30&lang=en');
    expect(res.headers.get('content-disposition')).toContain('committee-report-pdb-2026-01-01--2026-06-30.docx');
    const doc = await seen(bytes);
    expect(doc.paragraphs).toContain('Report on personal data breaches 2026-01-01 – 2026-06-30');
    expect(doc.paragraphs).toContain('Committee: Socialnämnden');
  });

  it('records the download in the access log by the document’s name, never its content', async () => {
    expect((await download('format=docx&from=2026-01-01&to=2026-06-30')).res.status).toBe(200);
    await server.access.flush();
    const records = (await server.accessLog.listExports()).items;
    expect(records.map((r) => [r.actorId, r.view, r.target, r.incidentId])).toEqual([
      ['dev-user', 'document', 'committee-report.docx', null],
    ]);
    expect(JSON.stringify(records)).not.toMatch(/1212|anna|Brev/);
  });

  it('refuses a reporter with 403 and records nothing', async () => {
    const { res, bytes } = await download('format=docx', reporter);
    expect(res.status).toBe(403);
    expect(JSON.parse(Buffer.from(bytes).toString('utf8')).error.code).toBe('forbidden');
    await server.access.flush();
    expect((await server.accessLog.listExports()).items).toEqual([]);
  });

  it.each([
    ['format=docx&caseNumber=121212-1212', 'validation_failed', 'case_number_personal_data'],
    [`format=docx&caseNumber=${'x'.repeat(61)}`, 'validation_failed', 'case_number_too_long'],
    ['format=docx&caseNumber=a&caseNumber=b', 'invalid_case_number', undefined],
    ['format=docx&from=2026-02-30', 'validation_failed', 'invalid_date'],
    ['format=docx&from=2026-06-30&to=2026-01-01', 'validation_failed', 'period_reversed'],
    ['format=docx&lang=de', 'invalid_lang', undefined],
    ['format=pdf', 'invalid_report_format', undefined],
  ])('answers %s with 400 %s', async (query, code, issueCode) => {
    const { res, bytes } = await download(query);
    expect(res.status).toBe(400);
    const body = JSON.parse(Buffer.from(bytes).toString('utf8')).error;
    expect(body.code).toBe(code);
    if (issueCode) expect(body.issues.map((i: { code: string }) => i.code)).toEqual([issueCode]);
    expect(JSON.stringify(body)).not.toContain('1212');
  });

  it('says what is wrong in English to an English caller', async () => {
    const { res, bytes } = await download('format=docx&caseNumber=anna%40exempel.se', { 'accept-language': 'en' });
    expect(res.status).toBe(400);
    const body = JSON.parse(Buffer.from(bytes).toString('utf8')).error;
    expect(body.message).toContain('Give only the case reference');
    expect(JSON.stringify(body)).not.toContain('anna');
  });

  it('still answers the JSON summary without format', async () => {
    const res = await server.call('GET', '/api/register/report?from=2026-01-01&to=2026-06-30');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2 });
  });
});
