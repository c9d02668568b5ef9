import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { startTestServer, type TestServer } from '../support/test-server';

describe('GET /outlook/send-check.js (the Smart Alerts script)', () => {
  let server: TestServer;
  let staticRoot: string;
  beforeAll(async () => {
    staticRoot = mkdtempSync(path.join(tmpdir(), 'pui-send-check-'));
    mkdirSync(path.join(staticRoot, 'outlook'));
    // A stand-in for the built bundle: it reports the settings it finds.
    writeFileSync(
      path.join(staticRoot, 'outlook', 'send-check.js'),
      'globalThis.seen = globalThis.PUI_SEND_CHECK_SETTINGS;',
    );
    server = await startTestServer({
      staticRoot,
      env: {
        NODE_ENV: 'test',
        ORGANISATION_DOMAINS: 'kalmar.se',
        SEND_CHECK: 'off',
        TRUSTED_EXTERNAL_DOMAINS: '@RegionKalmar.se',
        SENSITIVE_WORDS: 'Skyddsidentitet, lss-beslut',
      },
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(staticRoot, { recursive: true, force: true });
  });

  it('serves the bundle with the configured settings in front, not cached', async () => {
    const res = await server.call('GET', '/outlook/send-check.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const context: { seen?: unknown } = {};
    vm.runInNewContext(res.body as string, vm.createContext(Object.assign(context, { globalThis: context })));
    expect(context.seen).toEqual({
      enabled: false,
      organisationDomains: ['kalmar.se'],
      trustedExternalDomains: ['regionkalmar.se'],
      sensitiveWords: ['skyddsidentitet', 'lss-beslut'],
      // Absolute: classic Outlook's JS-only runtime fetches no relative address.
      eventsUrl: `${server.url}/api/send-check/events`,
      signIn: false,
    });
  });

  it('lists the script at the well-known URI Office checks before SSO or CORS from the event runtime', async () => {
    const res = await server.call('GET', '/.well-known/microsoft-officeaddins-allowed.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ allowed: [`${server.url}/outlook/send-check.js`] });
  });

  it('puts the same settings in config.json', async () => {
    const res = await server.call('GET', '/outlook/config.json');
    expect(res.body.sendCheck).toEqual({
      enabled: false,
      trustedExternalDomains: ['regionkalmar.se'],
      sensitiveWords: ['skyddsidentitet', 'lss-beslut'],
    });
  });
});
