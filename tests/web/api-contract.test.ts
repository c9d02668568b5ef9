/**
 * The API contract against the real server: what the server answers fits the answer schemas
 * (the tab's and the task pane's client reads it), and the server parses requests by the
 * contract, keeping the domain's codes and messages for the domain's rules.
 */
import * as z from 'zod/mini';
import { parseReportInput, type ValidationError } from '../../src/domain';
import { ApiClient } from '../../src/web/api-client';
import { errorAnswer, QUERY, reportBody, shapeIssues } from '../../src/web/api-contract';
import { HttpPuiApi } from '../../src/web/pui-api';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const aReport = (reportId: string) => ({
  reportId,
  title: 'Mejl till fel mottagare',
  description: 'Ett beslut skickades till fel adress.',
  discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
  breachTypes: ['confidentiality' as const],
  dataCategories: ['contact' as const],
  affectedCount: 2,
});

describe('the server and the browser client', () => {
  it('answer every call the pages make in the shape the contract gives', async () => {
    const api = new HttpPuiApi(new ApiClient({ locale: 'sv', baseUrl: server.url }));
    expect(await api.me()).toMatchObject({ roles: expect.arrayContaining(['dpo']), profile: 'local' });
    const reported = await api.report(aReport('tab-contract-0001'));
    expect(reported).toMatchObject({
      number: expect.stringMatching(/^PUI-\d{4}-\d{4}$/),
      reportId: 'tab-contract-0001',
      source: 'tab',
    });
    const taken = await api.change(reported.id, 'take', {}, reported.etag);
    const assessed = await api.change(
      reported.id,
      'assessment',
      { risk: 'high', rationale: 'Känsliga uppgifter.' },
      taken.etag,
    );
    expect(assessed.assessment?.risk).toBe('high');
    const details = await api.incident(reported.number);
    expect(details.events.map((e) => e.type)).toEqual(['reported', 'owner-taken', 'assessed']);
    expect(details.duties).toEqual({ notifyAuthority: true, informDataSubjects: true });
    expect((await api.myIncidents()).map((i) => i.id)).toContain(reported.id);
    expect((await api.allIncidents(true)).items.map((i) => i.id)).toContain(reported.id);
    expect(await api.registerReport('2020-01-01', '2099-12-31')).toMatchObject({ total: 1 });
    expect(Array.isArray(await api.registerFindings())).toBe(true);
  });

  it('gives every refusal in the error body of the contract', async () => {
    for (const [method, route, body] of [
      ['POST', '/api/incidents', {}],
      ['POST', '/api/incidents?source=fax', aReport('tab-contract-0002')],
      ['GET', '/api/incidents?limit=0', undefined],
      ['GET', '/api/nothing-here', undefined],
      ['GET', '/api/register/export?format=pdf', undefined],
    ] as const) {
      const res = await server.call(method, route, body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(errorAnswer.safeParse(res.body).success).toBe(true);
    }
  });
});

describe('requests parsed by the contract', () => {
  it('refuses a field of the wrong JSON type by name and stable code, in Swedish and English, without repeating the value', async () => {
    const body = { ...aReport('tab-contract-0003'), title: 19121212, breachTypes: 'confidentiality' };
    const sv = await server.call('POST', '/api/incidents', body);
    expect(sv.status).toBe(400);
    expect(sv.body.error.code).toBe('validation_failed');
    expect(sv.body.error.issues).toEqual([
      { field: 'title', code: 'not_text', message: 'Fältet "title" ska vara text.' },
      { field: 'breachTypes', code: 'not_a_list', message: 'Fältet "breachTypes" ska vara en lista.' },
    ]);
    expect(JSON.stringify(sv.body)).not.toContain('19121212');
    const en = await server.call('POST', '/api/incidents', body, { 'accept-language': 'en' });
    expect(en.body.error.issues[0]).toEqual({
      field: 'title',
      code: 'not_text',
      message: 'The field "title" must be text.',
    });
    expect(
      (await server.call('GET', '/api/incidents?scope=all')).body.items.map((i: { reportId: string }) => i.reportId),
    ).not.toContain('tab-contract-0003');
  });

  it("leaves the domain's rules to the domain, with its codes and messages", async () => {
    const body = { ...aReport('tab-contract-0004'), title: ' ', cause: 'solstorm', severity: 'high' };
    const res = await server.call('POST', '/api/incidents', body);
    let domain: ValidationError | undefined;
    try {
      parseReportInput(body, new Date());
    } catch (error) {
      domain = error as ValidationError;
    }
    expect(res.body.error.issues.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining(['required', 'unknown_cause', 'unknown_field']),
    );
    expect(res.body.error.issues).toEqual(
      domain!.issues.map((i) => ({ field: i.field, code: i.code, message: i.message })),
    );
  });

  it('refuses a change body of the wrong shape before the use case runs', async () => {
    const api = new HttpPuiApi(new ApiClient({ locale: 'sv', baseUrl: server.url }));
    const reported = await api.report(aReport('tab-contract-0005'));
    const res = await server.call('POST', `/api/incidents/${reported.id}/imy-notice`, {
      notifiedAt: new Date().toISOString(),
      phased: 'ja',
    });
    expect([res.status, res.body.error.issues]).toEqual([
      400,
      [{ field: 'phased', code: 'not_boolean', message: 'Fältet "phased" ska vara ja eller nej (true/false).' }],
    ]);
    expect((await api.incident(reported.id)).incident.imyNotice).toBeUndefined();
  });
});

describe('the contract module', () => {
  it('reads query parameters with their defaults', () => {
    expect(QUERY.source.schema.parse(undefined)).toBe('api');
    expect(QUERY.limit.schema.parse('200')).toBe(200);
    expect(QUERY.limit.schema.safeParse('1e2').success).toBe(false);
    expect(QUERY.open.schema.parse(undefined)).toBe(false);
    expect(QUERY.from.schema.safeParse(['2026-01-01', '2026-02-01']).success).toBe(false);
  });

  it('names an issue of a nested field by its path', () => {
    const result = z.object({ severity: z.object({ dpc: z.number() }) }).safeParse({ severity: { dpc: 'x' } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(shapeIssues(result.error)).toEqual([
      expect.objectContaining({ field: 'severity.dpc', code: 'not_a_number' }),
    ]);
  });

  it('passes unknown fields on to the domain, which names them', () => {
    expect(reportBody.parse({ title: 't', extra: 1 })).toEqual({ title: 't', extra: 1 });
  });
});
