import { ApiError, apiUrl, NetworkError, submitReport } from '../../src/outlook/api-client';
import type { ReportRequest } from '../../src/outlook/prefill';

const request: ReportRequest = {
  reportId: 'outlook-abc12345',
  title: 'Mejl skickat till fel mottagare 2026-11-18',
  description: 'Ett mejl skickades till fel mottagare.',
  discoveredAt: '2026-11-18T13:05:00.000Z',
  breachTypes: ['confidentiality'],
  dataCategories: [],
};

function answer(status: number, body: unknown): typeof fetch {
  return jest.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })) as unknown as typeof fetch;
}

describe('api-client', () => {
  it('finds the API next to the task pane page', () => {
    expect(apiUrl('http://127.0.0.1:3978/outlook/?sample=1', 'api/incidents?source=outlook')).toBe('http://127.0.0.1:3978/api/incidents?source=outlook');
    expect(apiUrl('https://pui.kommun.se/outlook/index.html?host=outlook', '/api/incidents')).toBe('https://pui.kommun.se/api/incidents');
  });

  it('posts the report as JSON with source outlook, the language and the token', async () => {
    const fetchImpl = answer(201, { id: 'i1', number: 'PUI-2026-0001', reportId: request.reportId, deadline: '2026-11-21T13:05:00.000Z', status: 'new', discoveredAt: request.discoveredAt });
    const incident = await submitReport({ pageUrl: 'http://127.0.0.1:3978/outlook/', request, token: 'tok', locale: 'sv', fetchImpl });
    expect(incident).toEqual({ id: 'i1', number: 'PUI-2026-0001', reportId: request.reportId, deadline: '2026-11-21T13:05:00.000Z', status: 'new', discoveredAt: request.discoveredAt });
    const [url, init] = (fetchImpl as jest.Mock).mock.calls[0] as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:3978/api/incidents?source=outlook');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'sv', Authorization: 'Bearer tok' });
    expect(JSON.parse(String(init.body))).toEqual(request);
  });

  it('sends no Authorization header without a token (local profile)', async () => {
    const fetchImpl = answer(200, { id: 'i1', number: 'PUI-2026-0001', deadline: '2026-11-21T13:05:00.000Z' });
    await submitReport({ pageUrl: 'http://127.0.0.1:3978/outlook/', request, locale: 'en', fetchImpl });
    const init = (fetchImpl as jest.Mock).mock.calls[0][1] as RequestInit;
    expect(init.headers).not.toHaveProperty('Authorization');
  });

  it('turns a validation error into an ApiError with the field issues', async () => {
    const fetchImpl = answer(400, { error: { code: 'validation_failed', message: 'Rubrik måste fyllas i.', issues: [{ field: 'title', code: 'required', message: 'Rubrik måste fyllas i.' }] } });
    const error = await submitReport({ pageUrl: 'http://127.0.0.1/outlook/', request, locale: 'sv', fetchImpl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Rubrik måste fyllas i.', issues: [{ field: 'title', code: 'required', message: 'Rubrik måste fyllas i.' }] });
  });

  it('turns an error without a JSON body into an ApiError with the status', async () => {
    const fetchImpl = jest.fn(async () => new Response('Bad gateway', { status: 502 })) as unknown as typeof fetch;
    await expect(submitReport({ pageUrl: 'http://127.0.0.1/outlook/', request, locale: 'sv', fetchImpl })).rejects.toMatchObject({ name: 'ApiError', status: 502, code: 'http_502' });
  });

  it('turns a failed connection into a NetworkError', async () => {
    const fetchImpl = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const error = await submitReport({ pageUrl: 'http://127.0.0.1/outlook/', request, locale: 'sv', fetchImpl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe('Failed to fetch');
  });
});
