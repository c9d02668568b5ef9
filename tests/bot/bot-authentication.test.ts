/**
 * POST /api/messages outside the local profile, through botbuilder's real CloudAdapter and token
 * check (JwtTokenExtractor, channel validation), against a loopback double of the Bot Connector's
 * OpenID metadata and keys (BOT_OPENID_METADATA_URL): only a channel token for our app id, from
 * the Bot Connector, unexpired, for the activity's service URL, is processed.
 */
import { startBotConnectorDouble, type BotConnectorDouble } from '../support/bot-connector-double';
import {
  startBotFrameworkOpenIdDouble,
  type BotFrameworkOpenIdDouble,
  type ChannelTokenOptions,
} from '../support/bot-framework-openid-double';
import { startTestServer, type TestServer } from '../support/test-server';

const TENANT_ID = '11111111-2222-3333-4444-555555555555';
const BOT_APP_ID = '66666666-7777-8888-9999-000000000000';
const OTHER_APP_ID = '12345678-1234-4234-8234-123456789abc';

/** "Rapportera som personuppgiftsincident" on a message: answered in the HTTP response, nothing posted. */
function fetchTask(serviceUrl: string) {
  return {
    type: 'invoke',
    name: 'composeExtension/fetchTask',
    id: 'invoke-1',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:anna', name: 'Anna', aadObjectId: 'a0000000-0000-4000-8000-00000000a001' },
    recipient: { id: `28:${BOT_APP_ID}`, name: 'PUI Desk' },
    conversation: { id: '19:other@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    value: {
      commandId: 'reportMessage',
      commandContext: 'message',
      messagePayload: { id: '1', body: { contentType: 'text', content: 'Hej' } },
    },
  };
}

/** A chat message: a processed one would be answered through the connector. */
function message(serviceUrl: string) {
  return {
    type: 'message',
    id: 'incoming-1',
    channelId: 'msteams',
    serviceUrl,
    text: 'hjälp',
    from: { id: '29:anna', name: 'Anna', aadObjectId: 'a0000000-0000-4000-8000-00000000a001' },
    recipient: { id: `28:${BOT_APP_ID}`, name: 'PUI Desk' },
    conversation: { id: 'a:personal-anna', conversationType: 'personal', tenantId: TENANT_ID },
  };
}

let openId: BotFrameworkOpenIdDouble;
let connector: BotConnectorDouble;
let server: TestServer;
let consoleError: jest.SpyInstance;

async function start(): Promise<void> {
  server = await startTestServer({
    env: {
      NODE_ENV: 'test',
      AZURE_TENANT_ID: TENANT_ID,
      API_CLIENT_ID: 'api-client',
      AUTH_JWKS_URI: 'http://127.0.0.1:9/keys',
      BOT_APP_ID,
      SECRET_BOT_PASSWORD: 'not-a-real-secret',
      BOT_OPENID_METADATA_URL: openId.metadataUrl,
      SCHEDULER_INTERVAL_SECONDS: '0',
    },
  });
}

beforeEach(async () => {
  // botbuilder writes every refusal to console.error itself (our generic error, not the cause).
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  openId = await startBotFrameworkOpenIdDouble();
  connector = await startBotConnectorDouble();
  await start();
});
afterEach(async () => {
  await server.close();
  await connector.close();
  await openId.close();
  consoleError.mockRestore();
});

const post = (body: unknown, authorization?: string) =>
  server.call('POST', '/api/messages', body, authorization ? { authorization } : {});

describe('POST /api/messages with Bot Framework tokens', () => {
  it('processes an activity with a valid channel token for our app id, keys read from the OpenID metadata', async () => {
    const res = await post(
      fetchTask(connector.serviceUrl),
      await openId.authorization({ appId: BOT_APP_ID, serviceUrl: connector.serviceUrl }),
    );
    expect(res.status).toBe(200);
    expect(res.body.task.type).toBe('continue');
    expect(res.body.task.value.title).toBe('Rapportera som personuppgiftsincident');
    expect(openId.requests).toEqual(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']);
  });

  const refusals: [string, (serviceUrl: string) => ChannelTokenOptions | undefined, string][] = [
    ['no token', () => undefined, 'Unauthorized Access. Request is not authorized'],
    [
      'a token for another app id',
      (serviceUrl) => ({ appId: OTHER_APP_ID, serviceUrl }),
      `Unauthorized. Invalid AppId passed on token: ${OTHER_APP_ID}`,
    ],
    [
      'a token from another issuer',
      (serviceUrl) => ({ appId: BOT_APP_ID, serviceUrl, issuer: 'https://evil.example' }),
      'Unauthorized. No valid identity.',
    ],
    [
      'an expired token (beyond the five minutes of clock skew botbuilder allows)',
      (serviceUrl) => ({ appId: BOT_APP_ID, serviceUrl, expiresInS: -600 }),
      'The token has expired',
    ],
    [
      'a token for another service URL',
      () => ({ appId: BOT_APP_ID, serviceUrl: 'https://smba.trafficmanager.net/evil/' }),
      'Unauthorized. ServiceUrl claim do not match.',
    ],
    [
      'a token signed with a key the metadata does not publish',
      (serviceUrl) => ({ appId: BOT_APP_ID, serviceUrl, key: 'untrusted' }),
      'invalid signature',
    ],
  ];

  it.each(refusals)('refuses %s with a fixed 401 and processes nothing', async (_name, token, because) => {
    for (const activity of [fetchTask(connector.serviceUrl), message(connector.serviceUrl)]) {
      const options = token(connector.serviceUrl);
      const authorization = options ? await openId.authorization(options) : undefined;
      const res = await post(activity, authorization);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: { code: 'unauthenticated', message: 'The request carries no valid Bot Framework token for this bot.' },
      });
      if (authorization) {
        const token = authorization.slice('Bearer '.length);
        expect(server.logLines.join('\n')).not.toContain(token);
        expect(server.logLines.join('\n')).not.toContain(token.split('.')[2]);
      }
    }
    // Refused by botbuilder's own check, for the reason the case is about (the log says which).
    const causes = server.logLines
      .filter((l) => l.includes('bot request refused'))
      .map((l) => JSON.parse(l).cause as string);
    expect(causes).toEqual([because, because]);
    await server.delivery!.drain();
    expect(connector.calls).toHaveLength(0);
    expect((await server.store.listAll()).items).toHaveLength(0);
    expect(server.logLines.some((l) => l.includes('unexpected error'))).toBe(false);
  });

  it.each([
    ['answers with an HTTP error', 'http-error'],
    ['does not answer at all', 'down'],
  ] as const)(
    'fails closed with a fixed 503 when the OpenID metadata %s, and logs the cause without the token',
    async (_name, mode) => {
      openId.setMode(mode);
      const authorization = await openId.authorization({ appId: BOT_APP_ID, serviceUrl: connector.serviceUrl });
      const res = await post(fetchTask(connector.serviceUrl), authorization);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(res.body).toEqual({
        error: {
          code: 'auth_unavailable',
          message: 'The Bot Framework token cannot be checked right now. Try again later.',
        },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|openid|ECONN|socket|request to/i);
      const logged = server.logLines.filter((l) => l.includes('Bot Framework OpenID metadata unavailable'));
      expect(logged).toHaveLength(1);
      expect(JSON.parse(logged[0]).cause).toMatch(
        mode === 'http-error' ? /Failed to load openID config: 503/ : /request to .*openidconfiguration failed/,
      );
      expect(server.logLines.join('\n')).not.toContain(authorization.slice('Bearer '.length));
      expect(connector.calls).toHaveLength(0);
    },
  );
});
