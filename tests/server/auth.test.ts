import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, withEnvFiles } from '../../src/config';
import { ANNA_OID, API_CLIENT_ID, startLocalJwks, TENANT_ID, type LocalJwks } from '../support/local-jwks';

import { startTestServer, type TestServer } from '../support/test-server';

const BERTIL_OID = 'b0000000-0000-4000-8000-00000000b002';
const DORA_OID = 'd0000000-0000-4000-8000-00000000d003';
const DAG_OID = 'd0000000-0000-4000-8000-00000000d004';
const GUN_OID = 'c0000000-0000-4000-8000-00000000c005';
const ERIK_OID = 'e0000000-0000-4000-8000-00000000e006';

let jwks: LocalJwks;
let server: TestServer;

beforeAll(async () => {
  jwks = await startLocalJwks();
});
afterAll(async () => {
  await jwks.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('Entra ID token validation', () => {
  beforeEach(async () => {
    server = await startTestServer({
      env: {
        NODE_ENV: 'test',
        AZURE_TENANT_ID: TENANT_ID,
        API_CLIENT_ID,
        AUTH_JWKS_URI: jwks.uri,
        DPO_GROUP_IDS: 'group-dpo',
        DPO_USER_IDS: DAG_OID,
      },
    });
  });
  afterEach(async () => {
    await server.close();
  });

  it('accepts a valid token and makes its user a reporter', async () => {
    const res = await server.call('GET', '/api/me', undefined, bearer(await jwks.sign()));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: ANNA_OID, name: 'Anna Handläggare', roles: ['reporter'], profile: 'entra' });
  });

  it('makes a DPO of the app role or a configured group', async () => {
    const byRole = await server.call('GET', '/api/me', undefined, bearer(await jwks.sign({ roles: ['DPO'] })));
    expect(byRole.body.roles).toEqual(['reporter', 'dpo']);
    const byGroup = await server.call('GET', '/api/me', undefined, bearer(await jwks.sign({ groups: ['group-dpo'] })));
    expect(byGroup.body.roles).toEqual(['reporter', 'dpo']);
  });

  it.each([
    ['a configured user id (DPO_USER_IDS)', { oid: DAG_OID, name: 'Dag Dataskydd' }],
    [
      'a configured group (the groups claim)',
      { oid: GUN_OID, name: 'Gun Gruppmedlem', groups: ['group-other', 'group-dpo'] },
    ],
    ['the DPO app role (the roles claim)', { oid: DORA_OID, name: 'Dora Approll', roles: ['DPO'] }],
  ])('lets a DPO by %s take an incident, by the same rule as the bot', async (_way, claims) => {
    const report = await server.call(
      'POST',
      '/api/incidents',
      { title: 'Fel mottagare', description: 'd', discoveredAt: new Date().toISOString() },
      bearer(await jwks.sign()),
    );
    const dpo = bearer(await jwks.sign(claims));
    const taken = await server.call('POST', `/api/incidents/${report.body.id}/take`, {}, dpo);
    expect(taken.status).toBe(200);
    expect(taken.body.owner).toEqual({ id: claims.oid, name: claims.name });
  });

  it('refuses a signed-in person who is no DPO by any of these ways, and changes nothing', async () => {
    const report = await server.call(
      'POST',
      '/api/incidents',
      { title: 'Fel mottagare', description: 'd', discoveredAt: new Date().toISOString() },
      bearer(await jwks.sign()),
    );
    const erik = bearer(
      await jwks.sign({ oid: ERIK_OID, name: 'Erik Kollega', groups: ['group-other'], roles: ['Reader'] }),
    );
    const refused = await server.call('POST', `/api/incidents/${report.body.id}/take`, {}, erik);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    expect((await server.store.get(report.body.id))?.owner).toBeUndefined();
  });

  it.each([
    ['no token', async () => ({})],
    ['a malformed header', async () => ({ authorization: 'Basic abc' })],
    ['a token signed by another key', async () => bearer(await jwks.sign({}, { key: 'untrusted' }))],
    ['an expired token', async () => bearer(await jwks.sign({}, { expiresIn: '-5m' }))],
    ['another issuer', async () => bearer(await jwks.sign({}, { issuer: 'https://evil.example/v2.0' }))],
    ['another audience', async () => bearer(await jwks.sign({}, { audience: 'api://someone-else' }))],
    ['another tenant', async () => bearer(await jwks.sign({ tid: '00000000-0000-0000-0000-000000000000' }))],
    ['an app-only token', async () => bearer(await jwks.sign({ scp: undefined, roles: ['DPO'] }))],
    ['a token for another scope of the API', async () => bearer(await jwks.sign({ scp: 'User.Read' }))],
    ['an oid that is not a GUID', async () => bearer(await jwks.sign({ oid: 'oid-anna' }))],
    ['an oid that is a number', async () => bearer(await jwks.sign({ oid: 12345 }))],
    ['an oid that is an object', async () => bearer(await jwks.sign({ oid: { toString: ANNA_OID } }))],
    [
      'a token issued ten minutes in the future',
      async () => bearer(await jwks.sign({}, { issuedAt: '+10m', expiresIn: '1h' })),
    ],
    ['a token valid for thirty years', async () => bearer(await jwks.sign({}, { expiresIn: '30y' }))],
    ['a token valid for 29 hours', async () => bearer(await jwks.sign({}, { expiresIn: '29h' }))],
    ['a token without iat', async () => bearer(await jwks.sign({}, { issuedAt: null }))],
    ['a bearer scheme without a token', async () => ({ authorization: 'Bearer ' })],
    ['a token of garbage segments', async () => ({ authorization: 'Bearer a.b.c' })],
    [
      'a token whose segments are not base64url',
      async () => ({ authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.!!!.###' }),
    ],
  ])('refuses %s with 401 and changes nothing', async (_name, headers) => {
    const res = await server.call(
      'POST',
      '/api/incidents',
      { title: 't', description: 'd', discoveredAt: new Date().toISOString() },
      await headers(),
    );
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect((await server.store.listAll()).items).toHaveLength(0);
  });

  it.each(['Bearer', 'bearer', 'BEARER', 'bEaReR'])(
    'accepts the %s scheme (schemes are case-insensitive, RFC 9110)',
    async (scheme) => {
      const res = await server.call('GET', '/api/me', undefined, { authorization: `${scheme} ${await jwks.sign()}` });
      expect([res.status, res.body.id]).toEqual([200, ANNA_OID]);
    },
  );

  it('accepts the longest lifetime Entra ID issues (28 hours, continuous access evaluation)', async () => {
    const res = await server.call('GET', '/api/me', undefined, bearer(await jwks.sign({}, { expiresIn: '28h' })));
    expect([res.status, res.body.id]).toEqual([200, ANNA_OID]);
  });

  it('ignores the dev headers outside the local profile', async () => {
    const res = await server.call('GET', '/api/incidents?scope=all', undefined, {
      ...bearer(await jwks.sign()),
      'x-dev-role': 'dpo',
    });
    expect(res.status).toBe(403);
  });

  it('lets a reporter create and list their own report', async () => {
    const headers = bearer(await jwks.sign());
    const created = await server.call(
      'POST',
      '/api/incidents',
      { title: 'Fel mottagare', description: 'd', discoveredAt: new Date().toISOString() },
      headers,
    );
    expect(created.status).toBe(201);
    expect(created.body.reporter).toEqual({ id: ANNA_OID, name: 'Anna Handläggare' });
    const mine = await server.call('GET', '/api/incidents?scope=mine', undefined, headers);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
  });

  it('keeps two signed-in reporters apart and shows both reports to a DPO by app role or by DPO_USER_IDS', async () => {
    const anna = bearer(await jwks.sign());
    const bertil = bearer(await jwks.sign({ oid: BERTIL_OID, name: 'Bertil Handläggare' }));
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id).sort();
    const report = (title: string) => ({
      title,
      description: 'Ett beslut skickades till fel adress.',
      discoveredAt: new Date().toISOString(),
    });

    const annas = await server.call('POST', '/api/incidents', report('Annas anmälan'), anna);
    const bertils = await server.call('POST', '/api/incidents', report('Bertils anmälan'), bertil);
    expect([annas.status, bertils.status]).toEqual([201, 201]);
    expect(bertils.body.reporter).toEqual({ id: BERTIL_OID, name: 'Bertil Handläggare' });

    expect(ids(await server.call('GET', '/api/incidents?scope=mine', undefined, anna))).toEqual([annas.body.id]);
    expect(ids(await server.call('GET', '/api/incidents?scope=mine', undefined, bertil))).toEqual([bertils.body.id]);

    // Someone else's incident is "not found" (404), by id and by number, and the answer shows nothing of it.
    for (const [headers, other] of [
      [anna, bertils.body],
      [bertil, annas.body],
    ] as const) {
      for (const ref of [other.id, other.number]) {
        const peek = await server.call('GET', `/api/incidents/${ref}`, undefined, headers);
        expect([peek.status, peek.body.error.code]).toEqual([404, 'not_found']);
        expect(JSON.stringify(peek.body)).not.toContain(other.title);
      }
    }
    const own = await server.call('GET', `/api/incidents/${annas.body.id}`, undefined, anna);
    expect([own.status, own.body.incident.id]).toEqual([200, annas.body.id]);

    for (const route of ['/api/incidents?scope=all', '/api/incidents?scope=all&open=true']) {
      const all = await server.call('GET', route, undefined, bertil);
      expect([all.status, all.body.error.code]).toEqual([403, 'forbidden']);
    }

    const dpoByRole = bearer(await jwks.sign({ oid: DORA_OID, name: 'Dora Dataskydd', roles: ['DPO'] }));
    const dpoByUserId = bearer(await jwks.sign({ oid: DAG_OID, name: 'Dag Dataskydd' }));
    for (const dpo of [dpoByRole, dpoByUserId]) {
      expect((await server.call('GET', '/api/me', undefined, dpo)).body.roles).toEqual(['reporter', 'dpo']);
      expect(ids(await server.call('GET', '/api/incidents?scope=all', undefined, dpo))).toEqual(
        [annas.body.id, bertils.body.id].sort(),
      );
      expect(ids(await server.call('GET', '/api/incidents?scope=all&open=true', undefined, dpo))).toEqual(
        [annas.body.id, bertils.body.id].sort(),
      );
      const details = await server.call('GET', `/api/incidents/${bertils.body.number}`, undefined, dpo);
      expect([details.status, details.body.incident.id]).toEqual([200, bertils.body.id]);
    }
  });
});

describe('Entra ID keys that cannot be had', () => {
  it.each([
    ['nobody listens at AUTH_JWKS_URI', 'http://127.0.0.1:9/discovery/v2.0/keys'],
    ['AUTH_JWKS_URI answers 500', 'status-500'],
  ])(
    'answers 503 auth_unavailable with Retry-After when %s, logs the cause without the token, and stores nothing',
    async (_name, uri) => {
      const failing = http.createServer((_req, res) => {
        res.statusCode = 500;
        res.end('{}');
      });
      await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
      const jwksUri = uri === 'status-500' ? `http://127.0.0.1:${(failing.address() as AddressInfo).port}/keys` : uri;
      const down = await startTestServer({
        env: { NODE_ENV: 'test', AZURE_TENANT_ID: TENANT_ID, API_CLIENT_ID, AUTH_JWKS_URI: jwksUri },
      });
      try {
        const token = await jwks.sign();
        const res = await down.call(
          'POST',
          '/api/incidents',
          { title: 't', description: 'd', discoveredAt: new Date().toISOString() },
          bearer(token),
        );
        expect([res.status, res.body.error.code]).toEqual([503, 'auth_unavailable']);
        expect(res.headers.get('retry-after')).toBe('30');
        expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|ECONN|fetch/);
        expect(down.logLines.filter((l) => l.includes('sign-in keys unavailable'))).toHaveLength(1);
        expect(down.logLines.join('\n')).not.toContain(token.split('.')[2]);
        expect((await down.store.listAll()).items).toHaveLength(0);
      } finally {
        await down.close();
        await new Promise<void>((resolve) => failing.close(() => resolve()));
      }
    },
  );
});

describe('loadConfig', () => {
  it('refuses the local profile in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/local profile .* refused in production/);
  });

  it('names a missing tenant', () => {
    expect(() => loadConfig({ API_CLIENT_ID })).toThrow(/AZURE_TENANT_ID is missing/);
  });

  it('names a bad variable', () => {
    expect(() => loadConfig({ PORT: 'many' })).toThrow(/PORT/);
  });

  it.each([
    [
      { BOT_APP_ID: '66666666-7777-8888-9999-000000000000', SECRET_BOT_PASSWORD: 'not-a-real-secret' },
      /API_CLIENT_ID is missing: BOT_APP_ID, SECRET_BOT_PASSWORD are set/,
    ],
    [{ PUBLIC_URL: 'https://pui.kommun.example' }, /API_CLIENT_ID is missing: PUBLIC_URL is set/],
    [
      { AZURE_TENANT_ID: '11111111-2222-3333-4444-555555555555', BOT_APP_ID: '66666666-7777-8888-9999-000000000000' },
      /API_CLIENT_ID is missing: BOT_APP_ID is set/,
    ],
  ])('refuses to fall back to the local profile when a deployment forgot API_CLIENT_ID (%o)', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each(['0.0.0.0', '::', '10.1.2.3', 'pui.kommun.example'])(
    'refuses the local profile on the non-loopback HOST %s',
    (host) => {
      expect(() => loadConfig({ HOST: host })).toThrow(/not a loopback address/);
    },
  );

  it.each(['127.0.0.1', '::1', 'localhost'])('runs the local profile on the loopback HOST %s', (host) => {
    expect(loadConfig({ HOST: host })).toMatchObject({ profile: 'local', host });
  });

  it('listens anywhere once sign-in is on', () => {
    const config = loadConfig({ HOST: '0.0.0.0', AZURE_TENANT_ID: TENANT_ID, API_CLIENT_ID });
    expect(config).toMatchObject({ profile: 'entra', host: '0.0.0.0' });
  });

  it('defaults to the local profile on 127.0.0.1:3978 with .data/pui.db', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      profile: 'local',
      host: '127.0.0.1',
      port: 3978,
      dbFile: '.data/pui.db',
      store: 'sqlite',
    });
  });
});

describe('env files', () => {
  it('reads env/.env.<PUI_ENV> and its .user file, with the shell winning', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pui-env-'));
    mkdirSync(path.join(root, 'env'));
    writeFileSync(
      path.join(root, 'env', '.env.test1'),
      'PORT=4000\nORGANISATION_NAME="Exempelkommun"\nLOG_LEVEL=warn\n',
    );
    writeFileSync(path.join(root, 'env', '.env.test1.user'), 'SECRET_BOT_PASSWORD=from-user-file\n');
    const merged = withEnvFiles({ LOG_LEVEL: 'error' }, 'test1', root);
    expect(merged).toEqual({
      PORT: '4000',
      ORGANISATION_NAME: 'Exempelkommun',
      LOG_LEVEL: 'error',
      SECRET_BOT_PASSWORD: 'from-user-file',
    });
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses an environment name that could leave env/', () => {
    expect(() => withEnvFiles({}, '../secrets')).toThrow(ConfigError);
  });
});
