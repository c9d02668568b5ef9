import { ApiClient, ApiError, apiBaseOf } from '../../src/web/api-client';
import { meAnswer, type Incident, type ReportRequest } from '../../src/web/api-contract';
import { HttpPuiApi } from '../../src/web/pui-api';
import { aNewIncident } from '../support/incident-mother';

type Call = { url: string; init: RequestInit };

function fetchReturning(status: number, body: unknown, calls: Call[] = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof fetch;
}

/** A stored incident as the API answers it. */
function anIncident(overrides: Partial<Incident> = {}): Incident {
  return { ...aNewIncident(), id: 'inc 1', number: 'PUI-2026-0042', etag: 'etag-8', ...overrides };
}

const me = { id: 'u1', name: 'Anna', roles: ['reporter'], profile: 'local' };

const request: ReportRequest = {
  reportId: 'outlook-abc12345',
  title: 'Mejl skickat till fel mottagare 2026-11-18',
  description: 'Ett mejl skickades till fel mottagare.',
  discoveredAt: '2026-11-18T13:05:00.000Z',
  breachTypes: ['confidentiality'],
  dataCategories: [],
};

describe('ApiClient', () => {
  it('sends the token as Bearer, the locale, and the etag as If-Match', async () => {
    const calls: Call[] = [];
    const api = new HttpPuiApi(
      new ApiClient({
        locale: 'en',
        token: async () => 'tok-123',
        fetchImpl: fetchReturning(200, anIncident(), calls),
      }),
    );
    await api.change('1', 'take', {}, 'etag-7');
    const headers = calls[0].init.headers as Record<string, string>;
    expect(calls[0].url).toBe('/api/incidents/1/take');
    expect(headers.Authorization).toBe('Bearer tok-123');
    expect(headers['Accept-Language']).toBe('en');
    expect(headers['If-Match']).toBe('"etag-7"');
    expect(headers['Content-Type']).toBe('application/json');
  });

  it('asks for the committee report as Word for the period, in the tab’s language, with the case number', async () => {
    const calls: Call[] = [];
    const docx = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('PK', {
        status: 200,
        headers: { 'content-disposition': 'attachment; filename="committee-report-pdb-2026-01-01--2026-06-30.docx"' },
      });
    }) as unknown as typeof fetch;
    const api = new HttpPuiApi(new ApiClient({ locale: 'en', fetchImpl: docx }));
    const got = await api.committeeReport({ from: '2026-01-01', to: '2026-06-30' }, ' SN 2026/0071 ');
    expect(calls[0].url).toBe(
      '/api/register/report?format=docx&from=2026-01-01&to=2026-06-30&lang=en&caseNumber=SN+2026%2F0071',
    );
    expect(got.filename).toBe('committee-report-pdb-2026-01-01--2026-06-30.docx');
    await api.committeeReport({ from: '2026-07-01', to: '2026-12-31' }, '  ');
    expect(calls[1].url).toBe('/api/register/report?format=docx&from=2026-07-01&to=2026-12-31&lang=en');
  });

  it('sends no Authorization without a token, and X-Dev-Role when acting as a reporter locally', async () => {
    const calls: Call[] = [];
    await new ApiClient({ locale: 'sv', devRole: 'reporter', fetchImpl: fetchReturning(200, me, calls) }).get(
      '/api/me',
      meAnswer,
    );
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers.Authorization).toBeUndefined();
    expect(headers['X-Dev-Role']).toBe('reporter');
  });

  it("turns the API's error body into an ApiError with code, message and field issues", async () => {
    const api = new HttpPuiApi(
      new ApiClient({
        locale: 'sv',
        fetchImpl: fetchReturning(400, {
          error: {
            code: 'validation_failed',
            message: 'Rubrik måste fyllas i.',
            issues: [{ field: 'title', code: 'required', message: 'Rubrik måste fyllas i.' }],
          },
        }),
      }),
    );
    const error = await api.report({ ...request, title: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Rubrik måste fyllas i.',
      issues: [{ field: 'title', code: 'required', message: 'Rubrik måste fyllas i.' }],
    });
  });

  it('recognises a stale etag (412) as a conflict', async () => {
    const api = new HttpPuiApi(
      new ApiClient({
        locale: 'sv',
        fetchImpl: fetchReturning(412, { error: { code: 'conflict', message: 'Någon annan har ändrat incidenten.' } }),
      }),
    );
    const error = (await api.change('1', 'close', {}, 'old').catch((e: unknown) => e)) as ApiError;
    expect(error.isConflict).toBe(true);
  });

  it('explains an unreadable error page by its status', async () => {
    const error = await new ApiClient({ locale: 'en', fetchImpl: fetchReturning(502, '<html>Bad gateway</html>') })
      .get('/api/me', meAnswer)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 502,
      code: 'http_502',
      message: 'The server answered with an error (HTTP 502). Try again in a while.',
    });
  });

  it('says the server could not be reached when fetch fails', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const error = await new ApiClient({ locale: 'sv', fetchImpl: failing })
      .get('/api/me', meAnswer)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 0,
      code: 'network',
      message: 'Det gick inte att nå PUI Desk. Kontrollera nätverket och försök igen.',
    });
  });

  it('reports a failed sign-in as 401 sign_in_failed without calling the API', async () => {
    const calls: Call[] = [];
    const client = new ApiClient({
      locale: 'en',
      token: async () => Promise.reject(new Error('consent_required')),
      fetchImpl: fetchReturning(200, me, calls),
    });
    const error = await client.get('/api/me', meAnswer).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'sign_in_failed' });
    expect(calls).toHaveLength(0);
  });

  it('refuses an answer that does not fit the contract (a proxy answering 200 with something else)', async () => {
    const error = await new ApiClient({ locale: 'en', fetchImpl: fetchReturning(200, { hello: 'world' }) })
      .get('/api/me', meAnswer)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 200,
      code: 'unexpected_response',
      message:
        'The server answered with something PUI Desk cannot read. Reload the page; if that does not help, contact IT support.',
    });
  });

  it('keeps every field of an answer, also those its schema does not name', async () => {
    const incident = anIncident({
      assessment: {
        risk: 'high',
        rationale: 'r',
        assessedAt: '2026-11-20T10:00:00.000Z',
        assessedBy: { id: 'd', name: 'D' },
        severity: { dpc: 3, ei: 1, cb: 0.5, score: 3.5 },
      },
    });
    const api = new HttpPuiApi(
      new ApiClient({
        locale: 'sv',
        fetchImpl: fetchReturning(200, { incident, events: [], duties: null, findings: [], supplementDueAt: null }),
      }),
    );
    expect((await api.incident('PUI-2026-0042')).incident.assessment?.severity).toEqual({
      dpc: 3,
      ei: 1,
      cb: 0.5,
      score: 3.5,
    });
  });

  it('sends nothing that does not fit the contract', async () => {
    const calls: Call[] = [];
    const api = new HttpPuiApi(new ApiClient({ locale: 'sv', fetchImpl: fetchReturning(200, anIncident(), calls) }));
    const error = await api
      .change('1', 'assessment', { risk: 'medium' as 'high', rationale: 'r' }, 'e')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'off_contract', issues: [expect.objectContaining({ field: 'risk' })] });
    expect(calls).toHaveLength(0);
  });
});

describe('apiBaseOf', () => {
  it('finds the API next to the page that PUI Desk serves', () => {
    expect(apiBaseOf('http://127.0.0.1:3978/outlook/?sample=1')).toBe('http://127.0.0.1:3978');
    expect(apiBaseOf('https://pui.kommun.se/outlook/index.html?host=outlook')).toBe('https://pui.kommun.se');
    expect(apiBaseOf('https://pui.kommun.se/tab/#/board')).toBe('https://pui.kommun.se');
  });
});

describe('HttpPuiApi', () => {
  it('records a supplement to IMY by POST /api/incidents/:id/imy-supplement with the etag it read', async () => {
    const calls: Call[] = [];
    const api = new HttpPuiApi(new ApiClient({ locale: 'sv', fetchImpl: fetchReturning(200, anIncident(), calls) }));
    const next = await api.change('inc 1', 'imy-supplement', { sentAt: '2026-12-01T08:30:00.000Z' }, 'etag-7');
    expect(next).toMatchObject({ id: 'inc 1', etag: 'etag-8' });
    expect(calls[0].url).toBe('/api/incidents/inc%201/imy-supplement');
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ sentAt: '2026-12-01T08:30:00.000Z' });
    expect((calls[0].init.headers as Record<string, string>)['If-Match']).toBe('"etag-7"');
  });

  it('posts a report from the task pane as JSON with source outlook, the language and the token, to the API beside the page', async () => {
    const calls: Call[] = [];
    const stored = anIncident({ reportId: request.reportId, source: 'outlook' });
    const api = new HttpPuiApi(
      new ApiClient({
        locale: 'sv',
        token: async () => 'tok',
        baseUrl: apiBaseOf('http://127.0.0.1:3978/outlook/'),
        fetchImpl: fetchReturning(201, stored, calls),
      }),
      'outlook',
    );
    expect(await api.report(request)).toEqual(stored);
    expect(calls[0].url).toBe('http://127.0.0.1:3978/api/incidents?source=outlook');
    expect(calls[0].init.method).toBe('POST');
    expect(calls[0].init.headers).toEqual({
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'Accept-Language': 'sv',
      Authorization: 'Bearer tok',
    });
    expect(JSON.parse(String(calls[0].init.body))).toEqual(request);
  });

  it('reports from the tab with source tab', async () => {
    const calls: Call[] = [];
    await new HttpPuiApi(new ApiClient({ locale: 'sv', fetchImpl: fetchReturning(201, anIncident(), calls) })).report(
      request,
    );
    expect(calls[0].url).toBe('/api/incidents?source=tab');
  });

  it('follows next through the pages of a list, and says when it stopped early', async () => {
    const calls: Call[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ items: [anIncident({ id: `i${calls.length}` })], next: 'more' }), {
        status: 200,
      });
    }) as unknown as typeof fetch;
    const { items, truncated } = await new HttpPuiApi(new ApiClient({ locale: 'sv', fetchImpl })).allIncidents(true);
    expect([items.length, truncated]).toEqual([10, true]);
    expect(calls[1].url).toBe('/api/incidents?scope=all&open=true&limit=200&cursor=more');
  });
});

describe('HttpPuiApi documents (GET /api/incidents/{id}/notice)', () => {
  function textFetch(status: number, body: string, type: string, calls: Call[]): typeof fetch {
    return (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(body, { status, headers: { 'content-type': type } });
    }) as unknown as typeof fetch;
  }

  it("asks for the IMY text with the draft's time and flag only, as text/plain, and gives the text as sent", async () => {
    const calls: Call[] = [];
    const api = new HttpPuiApi(
      new ApiClient({ locale: 'sv', fetchImpl: textFetch(200, 'Vårt ärendenummer: PUI-1', 'text/plain', calls) }),
    );
    const text = await api.noticeText('inc 1', { kind: 'imy', notifiedAt: '2026-11-20T10:00:00.000Z', phased: true });
    expect(text).toBe('Vårt ärendenummer: PUI-1');
    expect(calls[0].url).toBe(
      '/api/incidents/inc%201/notice?kind=imy&notifiedAt=2026-11-20T10%3A00%3A00.000Z&phased=true',
    );
    expect((calls[0].init.headers as Record<string, string>).Accept).toBe('text/plain');
  });

  it('names the letter in its language, as text and as Word', async () => {
    const calls: Call[] = [];
    const api = new HttpPuiApi(
      new ApiClient({
        locale: 'en',
        baseUrl: 'https://pui.example',
        fetchImpl: textFetch(200, 'x', 'text/plain', calls),
      }),
    );
    await api.noticeText('inc-1', { kind: 'art34', lang: 'en' });
    expect(calls[0].url).toBe('https://pui.example/api/incidents/inc-1/notice?kind=art34&lang=en');
    expect(api.letterDocumentUrl('inc-1', 'sv')).toBe(
      'https://pui.example/api/incidents/inc-1/notice?kind=art34&format=docx&lang=sv',
    );
  });

  it("turns the API's refusal into an ApiError with its code and message", async () => {
    const refusal = JSON.stringify({
      error: { code: 'forbidden', message: 'Bara dataskyddsombudet kan ta fram brevet.' },
    });
    const api = new HttpPuiApi(
      new ApiClient({ locale: 'sv', fetchImpl: textFetch(403, refusal, 'application/json', []) }),
    );
    await expect(api.noticeText('inc-1', { kind: 'art34' })).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
      message: 'Bara dataskyddsombudet kan ta fram brevet.',
    });
  });
});
