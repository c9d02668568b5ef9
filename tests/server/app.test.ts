import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NOT_FOUND_TEXT } from '../../src/server/app';
import { OUTLOOK_CSP, TAB_CSP } from '../../src/server/security-headers';
import { API_CLIENT_ID, startLocalJwks, TENANT_ID, type LocalJwks } from '../support/local-jwks';
import { startTestServer, type TestServer } from '../support/test-server';

/** A raw HTTP request, so the test sets Host and the other headers fetch() guards. */
function rawRequest(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const aReport = () => ({
  title: 'Brev till fel adress',
  description: 'Ett beslut skickades till fel mottagare.',
  discoveredAt: new Date().toISOString(),
});

describe('the app in the local profile', () => {
  let server: TestServer;
  let staticRoot: string;
  beforeAll(async () => {
    // A stand-in for the built pages, so the static routes have something to serve.
    staticRoot = mkdtempSync(path.join(tmpdir(), 'pui-pages-'));
    for (const page of ['tab', 'outlook']) {
      mkdirSync(path.join(staticRoot, page));
      writeFileSync(path.join(staticRoot, page, 'index.html'), `<!doctype html><title>${page}</title>`);
    }
    server = await startTestServer({ staticRoot });
  });
  afterAll(async () => {
    await server.close();
    rmSync(staticRoot, { recursive: true, force: true });
  });

  describe('unknown paths', () => {
    it.each([
      '/19121212-1212',
      '/tab/19121212-1212',
      '/outlook/19121212-1212',
      '/tab/chunks/19121212-1212.js',
      '/favicon.ico',
      '/%3Cscript%3E',
    ])('answers GET %s with the one fixed 404 text, echoing nothing', async (route) => {
      const res = await server.call('GET', route);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(res.body).toBe(NOT_FOUND_TEXT);
      expect(res.body).not.toContain('Cannot');
      expect(res.body).not.toContain('1212');
    });

    it.each([
      ['POST', '/19121212-1212'],
      ['PUT', '/tab/'],
      ['DELETE', '/outlook/index.html'],
      ['PATCH', '/x'],
    ])('answers %s %s with the same fixed 404', async (method, route) => {
      const res = await server.call(method, route, method === 'POST' ? {} : undefined);
      expect([res.status, res.body]).toEqual([404, NOT_FOUND_TEXT]);
    });

    it.each([
      ['GET', '/api/19121212-1212'],
      ['POST', '/api/19121212-1212'],
      ['GET', '/api/incidents/x/y/19121212-1212'],
      ['GET', '/api/messages'],
    ])('answers %s %s with a JSON not_found that does not repeat the path', async (method, route) => {
      const res = await server.call(method, route, method === 'POST' ? {} : undefined);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      expect(JSON.stringify(res.body)).not.toContain('1212');
    });

    it('still serves the pages themselves', async () => {
      for (const page of ['tab', 'outlook']) {
        const res = await server.call('GET', `/${page}/`);
        expect([res.status, res.body]).toEqual([200, `<!doctype html><title>${page}</title>`]);
      }
    });
  });

  describe('action routes', () => {
    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'])(
      'answers POST /api/incidents/<id>/%s with 404 not_found and changes nothing',
      async (action) => {
        const seed = await server.call('POST', '/api/incidents', aReport());
        expect(seed.status).toBe(201);
        const before = await server.store.get(seed.body.id);
        const res = await server.call('POST', `/api/incidents/${seed.body.id}/${action}`, {});
        expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
        expect(await server.store.get(seed.body.id)).toEqual(before);
        expect(server.logLines.some((line) => line.includes('unexpected error'))).toBe(false);
      },
    );
  });

  describe('the Host header (DNS rebinding)', () => {
    it.each(['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST'])('serves Host %s with the port', async (name) => {
      const { port } = new URL(server.url);
      const res = await rawRequest(server.url, { path: '/api/me', headers: { host: `${name}:${port}` } });
      expect(res.status).toBe(200);
    });

    it.each([
      'evil.example',
      'evil.example:3978',
      '127.0.0.1.evil.example',
      'localhost.evil.example',
      '10.0.0.5',
      '127.0.0.2',
    ])('answers Host "%s" with a fixed 421 and serves nothing', async (host) => {
      for (const route of ['/api/me', '/api/incidents?scope=all', '/tab/', '/healthz']) {
        const res = await rawRequest(server.url, { path: route, headers: { host } });
        expect(res.status).toBe(421);
        expect(JSON.parse(res.body).error.code).toBe('misdirected_request');
        expect(res.body).not.toContain('Utvecklare');
      }
    });

    it('refuses a rebinding page taking ownership, and nothing changes', async () => {
      const seed = await server.call('POST', '/api/incidents', aReport());
      const res = await rawRequest(server.url, {
        method: 'POST',
        path: `/api/incidents/${seed.body.id}/take`,
        headers: { host: 'evil.example:3978', origin: 'http://evil.example:3978', 'sec-fetch-site': 'same-origin' },
      });
      expect(res.status).toBe(421);
      expect((await server.store.get(seed.body.id))?.status).toBe('new');
    });
  });

  describe('state changes from other sites (CSRF)', () => {
    let port: string;
    beforeAll(() => {
      port = new URL(server.url).port;
    });

    it.each([
      ['a bodyless take from another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
      ['a take with only an Origin of another site', { origin: 'https://evil.example' }],
      ['a take from a sandboxed frame (Origin: null)', { origin: 'null' }],
      ['a take from another local port', { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site' }],
      ['a take whose Sec-Fetch-Site says same-site', { 'sec-fetch-site': 'same-site' }],
      [
        'a take from a Teams page (CORS does not open the local profile)',
        { origin: 'https://teams.microsoft.com', 'sec-fetch-site': 'cross-site' },
      ],
    ])('refuses %s with 403 cross_site_refused, and nothing changes', async (_name, headers) => {
      const seed = await server.call('POST', '/api/incidents', aReport());
      const before = await server.store.get(seed.body.id);
      const res = await rawRequest(server.url, {
        method: 'POST',
        path: `/api/incidents/${seed.body.id}/take`,
        headers: { host: `127.0.0.1:${port}`, ...headers },
      });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('cross_site_refused');
      expect(await server.store.get(seed.body.id)).toEqual(before);
    });

    it('refuses a report posted by a form on another site', async () => {
      const before = (await server.store.listAll()).items.length;
      const res = await rawRequest(server.url, {
        method: 'POST',
        path: '/api/incidents',
        headers: {
          host: `127.0.0.1:${port}`,
          origin: 'https://evil.example',
          'sec-fetch-site': 'cross-site',
          'content-type': 'text/plain',
        },
        body: JSON.stringify(aReport()),
      });
      expect(res.status).toBe(403);
      expect((await server.store.listAll()).items.length).toBe(before);
    });

    it.each([
      [
        'the tab on 127.0.0.1',
        (p: string) => ({ host: `127.0.0.1:${p}`, origin: `http://127.0.0.1:${p}`, 'sec-fetch-site': 'same-origin' }),
      ],
      [
        'the tab on localhost',
        (p: string) => ({ host: `localhost:${p}`, origin: `http://localhost:${p}`, 'sec-fetch-site': 'same-origin' }),
      ],
      ['a program that is not a browser (curl, the Agents Playground)', (p: string) => ({ host: `127.0.0.1:${p}` })],
    ])('accepts a take from %s', async (_name, headers) => {
      const seed = await server.call('POST', '/api/incidents', aReport());
      const res = await rawRequest(server.url, {
        method: 'POST',
        path: `/api/incidents/${seed.body.id}/take`,
        headers: headers(port),
      });
      expect(res.status).toBe(200);
      expect((await server.store.get(seed.body.id))?.status).toBe('triage');
    });

    it('lets another site read nothing either: a cross-site GET gets no CORS permission for its origin', async () => {
      const res = await rawRequest(server.url, {
        path: '/api/incidents?scope=all',
        headers: { host: `127.0.0.1:${port}`, origin: 'https://evil.example' },
      });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('headers', () => {
    it('puts a full CSP on the tab and the task pane, and frames them only in Microsoft 365 hosts', async () => {
      const tab = await server.call('GET', '/tab/');
      const outlook = await server.call('GET', '/outlook/');
      expect(tab.headers.get('content-security-policy')).toBe(TAB_CSP);
      expect(outlook.headers.get('content-security-policy')).toBe(OUTLOOK_CSP);
      for (const csp of [TAB_CSP, OUTLOOK_CSP]) {
        const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
        expect(directives['default-src']).toEqual(["'self'"]);
        expect(directives['object-src']).toEqual(["'none'"]);
        expect(directives['base-uri']).toEqual(["'none'"]);
        expect(directives['script-src']).not.toContain("'unsafe-inline'");
        expect(directives['script-src']).not.toContain("'unsafe-eval'");
        expect(directives['frame-ancestors']).not.toContain('*');
        expect(directives['frame-ancestors']).toContain('https://outlook.office.com');
      }
      expect(TAB_CSP).toContain('https://*.microsoft365.com');
      expect(TAB_CSP).toContain('https://teams.microsoft.com');
      expect(OUTLOOK_CSP).toContain("script-src 'self' https://appsforoffice.microsoft.com");
      expect(OUTLOOK_CSP).not.toContain('teams.microsoft.com');
    });

    it('lets nothing frame or run in the API, the 404 or the redirect', async () => {
      for (const route of ['/api/me', '/nothing', '/']) {
        const res = await fetch(server.url + route, { redirect: 'manual' });
        expect(res.headers.get('content-security-policy')).toBe(
          "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        );
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      }
    });

    it('marks every /api answer no-store, errors included', async () => {
      const seed = await server.call('POST', '/api/incidents', aReport());
      for (const [method, route] of [
        ['GET', '/api/me'],
        ['GET', '/api/incidents?scope=all'],
        ['GET', `/api/incidents/${seed.body.id}`],
        ['GET', '/api/incidents/nothing'],
        ['GET', '/api/vocabulary'],
        ['GET', '/api/register/findings'],
      ]) {
        const res = await server.call(method, route);
        expect([route, res.headers.get('cache-control')]).toEqual([route, 'no-store']);
      }
      expect(seed.headers.get('cache-control')).toBe('no-store');
    });

    it('sends no HSTS in the local profile (plain HTTP on loopback)', async () => {
      const res = await server.call('GET', '/tab/');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    });
  });
});

describe('the app outside the local profile', () => {
  let jwks: LocalJwks;
  let server: TestServer;
  beforeAll(async () => {
    jwks = await startLocalJwks();
    server = await startTestServer({
      env: { NODE_ENV: 'test', AZURE_TENANT_ID: TENANT_ID, API_CLIENT_ID, AUTH_JWKS_URI: jwks.uri },
    });
  });
  afterAll(async () => {
    await server.close();
    await jwks.close();
  });

  it('sends HSTS', async () => {
    const res = await server.call('GET', '/healthz');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('serves any Host name (the deployment is reached by its public name; the token is what counts)', async () => {
    const res = await rawRequest(server.url, {
      path: '/api/me',
      headers: { host: 'pui.kommun.example', authorization: `Bearer ${await jwks.sign()}` },
    });
    expect(res.status).toBe(200);
  });

  it('answers a forged cross-site take without a token with 401: the bearer token is what a forged request cannot carry', async () => {
    const res = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/incidents/x/take',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(401);
  });
});
