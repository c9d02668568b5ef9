import { ConfigError, loadConfig } from '../../src/config';
import { startServer } from '../../src/main';
import { ACCESS_LOG_RETENTION_KEY } from '../../src/use-cases';
import { startTestServer, type TestServer } from '../support/test-server';

const base = { NODE_ENV: 'test' };

describe('the retention settings in the server’s configuration', () => {
  it('reads the records plan and the access log’s days; unset keeps both', () => {
    expect(loadConfig(base).retention).toEqual({ policy: { kind: 'keep' }, accessLogDays: undefined });
    expect(
      loadConfig({
        ...base,
        RETENTION_YEARS: '5',
        RETENTION_FROM: 'end-of-year',
        RETENTION_SCOPE: 'free-text',
        ACCESS_LOG_RETENTION_DAYS: '365',
      }).retention,
    ).toEqual({ policy: { kind: 'cull', years: 5, from: 'end-of-year', scope: 'free-text' }, accessLogDays: 365 });
  });

  it.each([
    ['RETENTION_YEARS', 'fem'],
    ['RETENTION_YEARS', '0'],
    ['RETENTION_FROM', 'closing'],
    ['RETENTION_SCOPE', 'all'],
    ['ACCESS_LOG_RETENTION_DAYS', '-1'],
    ['ACCESS_LOG_RETENTION_DAYS', '36501'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(new RegExp(`^${name} must be`));
  });

  it('stops the server’s start on a bad value, naming it', async () => {
    await expect(startServer({ port: 0, env: { ...base, ACCESS_LOG_RETENTION_DAYS: 'ett år' } })).rejects.toThrow(
      /ACCESS_LOG_RETENTION_DAYS must be a whole number of days/,
    );
  });
});

describe('a server with the settings', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('culls the access log at start when ACCESS_LOG_RETENTION_DAYS is set, and not otherwise', async () => {
    server = await startTestServer({ env: { ...base, ACCESS_LOG_RETENTION_DAYS: '30' } });
    expect(server.accessLogRetention).toBeDefined();
    await server.accessLogRetention!.runNow();
    expect((await server.appState.getState(ACCESS_LOG_RETENTION_KEY))?.value).toMatchObject({ lastCulled: 0 });
    await server.close();

    server = await startTestServer();
    expect(server.accessLogRetention).toBeUndefined();
  });

  it('tells the incident page when a closed incident falls due, and that it is kept while held', async () => {
    server = await startTestServer({ env: { ...base, RETENTION_YEARS: '5', RETENTION_FROM: 'end-of-year' } });
    const dpo = { 'x-dev-role': 'dpo' };
    const created = await server.call(
      'POST',
      '/api/incidents',
      {
        title: 'Fel mottagare',
        description: 'Ett brev gick fel.',
        discoveredAt: new Date(Date.now() - 60_000).toISOString(),
      },
      dpo,
    );
    const id = created.body.id as string;
    expect((await server.call('GET', `/api/incidents/${id}`, undefined, dpo)).body.retention).toEqual({
      state: 'open',
    });
    await server.call('POST', `/api/incidents/${id}/assessment`, { risk: 'unlikely', rationale: 'Raderat.' }, dpo);
    const closed = await server.call('POST', `/api/incidents/${id}/close`, {}, dpo);
    const year = Number(closed.body.closedAt.slice(0, 4));

    const details = (await server.call('GET', `/api/incidents/${id}`, undefined, dpo)).body;
    expect(details.retention.state).toBe('due');
    expect(new Date(details.retention.dueAt).getUTCFullYear()).toBe(year + 5);

    await server.call('POST', `/api/incidents/${id}/legal-hold`, { reason: 'jo' }, dpo);
    expect((await server.call('GET', `/api/incidents/${id}`, undefined, dpo)).body.retention).toEqual({
      state: 'held',
    });
  });
});
