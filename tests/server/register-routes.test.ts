import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function report(discoveredAt: string, extra: Record<string, unknown> = {}) {
  const res = await server.call('POST', '/api/incidents', {
    title: 'Fel mottagare',
    description: 'Beskrivning',
    discoveredAt,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('the register routes', () => {
  it('count incidents in the period and follow assessments and notices', async () => {
    const a = await report('2026-05-10T10:00:00Z', { cause: 'human-error' });
    await report('2026-05-11T10:00:00Z', { cause: 'technical' });
    await report('2025-12-24T10:00:00Z');
    await server.call('POST', `/api/incidents/${a.id}/assessment`, { risk: 'risk', rationale: 'Barn berörs.' });
    await server.call('POST', `/api/incidents/${a.id}/imy-notice`, {
      notifiedAt: '2026-05-11T09:00:00Z',
      reference: 'IMY-1',
    });

    const res = await server.call('GET', '/api/register/report?from=2026-01-01&to=2026-06-30');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      period: { from: '2026-01-01', to: '2026-06-30' },
      total: 2,
      reportedToAuthority: 1,
      assessedUnlikelyRisk: 0,
      unassessed: 1,
    });
    expect(res.body.byCause).toMatchObject({ 'human-error': 1, technical: 1, unspecified: 0 });
  });

  it('lists register findings as a to-do list', async () => {
    const a = await report('2026-05-10T10:00:00Z');
    const res = await server.call('GET', '/api/register/findings');
    expect(res.body).toEqual([
      { incident: { id: a.id, number: a.number, title: 'Fel mottagare', status: 'new' }, findings: ['not-assessed'] },
    ]);
  });

  it('exports the register as CSV and XLSX with the Swedish register headers', async () => {
    await report('2026-05-10T10:00:00Z', { cause: 'human-error' });
    const csv = await fetch(`${server.url}/api/register/export?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('Rubrik;När upptäckte ni incidenten?');
    expect(text).toContain('Mänskliga faktorn: fel i det enskilda fallet');

    const xlsx = await fetch(`${server.url}/api/register/export?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Rubrik');
    expect(sheet.getRow(2).getCell(1).value).toBe('Fel mottagare');
  });

  it('refuses a reporter, a bad period and an unknown format', async () => {
    expect((await server.call('GET', '/api/register/report', undefined, { 'x-dev-role': 'reporter' })).status).toBe(
      403,
    );
    expect((await server.call('GET', '/api/register/findings', undefined, { 'x-dev-role': 'reporter' })).status).toBe(
      403,
    );
    expect((await server.call('GET', '/api/register/export', undefined, { 'x-dev-role': 'reporter' })).status).toBe(
      403,
    );
    const reversed = await server.call('GET', '/api/register/report?from=2026-06-30&to=2026-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.issues[0].code).toBe('period_reversed');
    expect((await server.call('GET', '/api/register/export?format=pdf')).body.error.code).toBe('invalid_format');
  });
});
