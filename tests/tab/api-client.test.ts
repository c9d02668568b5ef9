import { ApiClient, ApiError } from '../../src/tab/api/api-client';
import { HttpPuiApi } from '../../src/tab/api/pui-api';

type Call = { url: string; init: RequestInit };

function fetchReturning(status: number, body: unknown, calls: Call[] = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
}

describe('ApiClient', () => {
  it('sends the token as Bearer, the locale, and the etag as If-Match', async () => {
    const calls: Call[] = [];
    const client = new ApiClient({ locale: 'en', token: async () => 'tok-123', fetchImpl: fetchReturning(200, { ok: true }, calls) });
    await client.post('/api/incidents/1/take', {}, 'etag-7');
    const headers = calls[0].init.headers as Record<string, string>;
    expect(calls[0].url).toBe('/api/incidents/1/take');
    expect(headers.Authorization).toBe('Bearer tok-123');
    expect(headers['Accept-Language']).toBe('en');
    expect(headers['If-Match']).toBe('"etag-7"');
    expect(headers['Content-Type']).toBe('application/json');
  });

  it('sends no Authorization without a token, and X-Dev-Role when acting as a reporter locally', async () => {
    const calls: Call[] = [];
    await new ApiClient({ locale: 'sv', devRole: 'reporter', fetchImpl: fetchReturning(200, {}, calls) }).get('/api/me');
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers.Authorization).toBeUndefined();
    expect(headers['X-Dev-Role']).toBe('reporter');
  });

  it("turns the API's error body into an ApiError with code, message and field issues", async () => {
    const client = new ApiClient({
      locale: 'sv',
      fetchImpl: fetchReturning(400, { error: { code: 'validation_failed', message: 'Rubrik måste fyllas i.', issues: [{ field: 'title', code: 'required', message: 'Rubrik måste fyllas i.' }] } }),
    });
    const error = await client.post('/api/incidents', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Rubrik måste fyllas i.', issues: [{ field: 'title', code: 'required', message: 'Rubrik måste fyllas i.' }] });
  });

  it('recognises a stale etag (412) as a conflict', async () => {
    const error = (await new ApiClient({ locale: 'sv', fetchImpl: fetchReturning(412, { error: { code: 'conflict', message: 'Någon annan har ändrat incidenten.' } }) })
      .post('/api/incidents/1/close', {}, 'old')
      .catch((e: unknown) => e)) as ApiError;
    expect(error.isConflict).toBe(true);
  });

  it('explains an unreadable error page by its status', async () => {
    const error = await new ApiClient({ locale: 'en', fetchImpl: fetchReturning(502, '<html>Bad gateway</html>') }).get('/api/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_502', message: 'The server answered with an error (HTTP 502). Try again in a while.' });
  });

  it('says the server could not be reached when fetch fails', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const error = await new ApiClient({ locale: 'sv', fetchImpl: failing }).get('/api/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network', message: 'Det gick inte att nå PUI Desk. Kontrollera nätverket och försök igen.' });
  });

  it('reports a failed sign-in as 401 sign_in_failed without calling the API', async () => {
    const calls: Call[] = [];
    const client = new ApiClient({ locale: 'en', token: async () => Promise.reject(new Error('consent_required')), fetchImpl: fetchReturning(200, {}, calls) });
    const error = await client.get('/api/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'sign_in_failed' });
    expect(calls).toHaveLength(0);
  });
});

describe('HttpPuiApi', () => {
  it('records a supplement to IMY by POST /api/incidents/:id/imy-supplement with the etag it read', async () => {
    const calls: Call[] = [];
    const api = new HttpPuiApi(new ApiClient({ locale: 'sv', fetchImpl: fetchReturning(200, { id: 'inc 1', etag: 'etag-8' }, calls) }));
    const next = await api.change('inc 1', 'imy-supplement', { sentAt: '2026-12-01T08:30:00.000Z' }, 'etag-7');
    expect(next).toEqual({ id: 'inc 1', etag: 'etag-8' });
    expect(calls[0].url).toBe('/api/incidents/inc%201/imy-supplement');
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ sentAt: '2026-12-01T08:30:00.000Z' });
    expect((calls[0].init.headers as Record<string, string>)['If-Match']).toBe('"etag-7"');
  });
});
