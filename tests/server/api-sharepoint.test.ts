import { loadConfig } from '../../src/config';
import { INCIDENTS_LIST, listDisplayName } from '../../src/store/sharepoint/list-schema';
import { GraphDouble } from '../support/graph-double';
import { fastRetry, openOnNewSite } from '../store/support/sharepoint-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

let double: GraphDouble;
let server: TestServer;

beforeAll(async () => {
  double = await GraphDouble.start();
});
afterAll(async () => {
  await double.close();
});
async function serverOnSharePoint(retry = fastRetry()) {
  const { stores, store, siteId } = await openOnNewSite(double, retry);
  server = await startTestServer({ stores });
  lastSiteId = siteId;
  return store;
}
let lastSiteId = '';

const aReport = {
  title: 'Lista med personnummer på fel skrivare',
  description: 'Utskriften hämtades av en kollega.',
  discoveredAt: new Date().toISOString(),
};

describe('the HTTP API on the SharePoint store (Graph double)', () => {
  afterEach(async () => {
    await server.close();
  });

  it('reports, lists and assesses through the real SharePoint adapter', async () => {
    const store = await serverOnSharePoint();
    const created = await server.call('POST', '/api/incidents', { ...aReport, reportId: 'sp-api-0000001' });
    expect(created.status).toBe(201);
    expect(created.body.number).toMatch(/^PUI-\d{4}-0001$/);
    const again = await server.call('POST', '/api/incidents', { ...aReport, reportId: 'sp-api-0000001' });
    expect(again.status).toBe(200);
    const assessed = await server.call(
      'POST',
      `/api/incidents/${created.body.id}/assessment`,
      { risk: 'unlikely', rationale: 'Kollegan har tystnadsplikt.' },
      { 'if-match': `"${created.body.etag}"` },
    );
    expect(assessed.body.status).toBe('not-required');
    const stale = await server.call('POST', `/api/incidents/${created.body.id}/take`, undefined, {
      'if-match': `"${created.body.etag}"`,
    });
    expect(stale.status).toBe(412);
    const open = await server.call('GET', '/api/incidents?scope=all&open=true');
    expect(open.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    expect((await store.events(created.body.id)).map((e) => e.type)).toEqual(['reported', 'assessed']);
  });

  it("keeps the notice's details in the Document and projects them into their columns", async () => {
    const store = await serverOnSharePoint();
    const created = await server.call('POST', '/api/incidents', { ...aReport, reportId: 'sp-api-details01' });
    const res = await server.call('POST', `/api/incidents/${created.body.id}/notice-details`, {
      subjectCategories: ['clients', 'employees'],
      recordCount: 40,
      crossBorder: false,
      consequences: ['secrecy'],
    });
    expect(res.status).toBe(200);
    expect((await store.get(created.body.id))!.noticeDetails).toMatchObject({
      subjectCategories: ['clients', 'employees'],
      recordCount: 40,
      crossBorder: false,
      consequences: ['secrecy'],
    });
    const [item] = double.items(lastSiteId, listDisplayName(INCIDENTS_LIST, 'Pui'));
    expect([item.SubjectCategories, item.RecordCount, item.CrossBorder]).toEqual(['clients, employees', 40, 'Nej']);
    expect((await store.events(created.body.id)).map((e) => e.type)).toEqual(['reported', 'notice-details-recorded']);
  });

  it('answers 503 with Retry-After when SharePoint throttles past the bound, echoing nothing', async () => {
    await serverOnSharePoint(fastRetry([], { maxRetries: 2 }));
    double.inject({ status: 429, retryAfter: 1, times: 50 });
    const res = await server.call('POST', '/api/incidents', aReport);
    double.clearFailures();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.body.error.code).toBe('store_unavailable');
    expect(JSON.stringify(res.body)).not.toContain('skrivare');
  });

  it('answers 503 with a short Retry-After when SharePoint refuses outright, naming neither Graph nor the request', async () => {
    await serverOnSharePoint();
    double.inject({ status: 403, times: 50 });
    const res = await server.call('GET', '/api/incidents?scope=all', undefined, { 'accept-language': 'en' });
    double.clearFailures();
    expect([res.status, res.headers.get('retry-after'), res.body.error.code]).toEqual([503, '5', 'store_unavailable']);
    expect(res.body.error.message).toBe(
      'The register is not answering right now. Try again shortly; what you sent is still in the form.',
    );
    const logged = server.logLines.map((l) => JSON.parse(l)).find((l) => l.message === 'store unavailable');
    expect(logged).toMatchObject({ status: 403, operation: 'incidents.all' });
    expect(JSON.stringify(res.body)).not.toMatch(/graph|403/i);
  });
});

describe('STORE=sharepoint configuration', () => {
  it('names the missing site', () => {
    expect(() => loadConfig({ STORE: 'sharepoint' })).toThrow(/SHAREPOINT_SITE_ID is missing/);
  });

  it('names the missing credential', () => {
    expect(() =>
      loadConfig({ STORE: 'sharepoint', SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/pui' }),
    ).toThrow(/No credential for Microsoft Graph/);
  });

  it('reads a site and a client secret without turning on API sign-in', () => {
    const config = loadConfig({
      STORE: 'sharepoint',
      SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/pui',
      AZURE_TENANT_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      AZURE_CLIENT_ID: '6ba7b810-9dad-41d1-80b4-00c04fd430c8',
      SECRET_AZURE_CLIENT_SECRET: 'not-a-real-secret',
      ORGANISATION_NAME: 'Testkommun',
    });
    expect(config.sharePoint).toMatchObject({
      siteUrl: 'https://contoso.sharepoint.com/sites/pui',
      credential: { kind: 'client-secret' },
    });
    expect(config.profile).toBe('local');
  });
});
