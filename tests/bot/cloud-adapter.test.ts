import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createTeamsBot } from '../../bot';
import { cloudAdapterGateway, ConnectorError, parseRetryAfter, toConnectorError } from '../../bot/conversation-gateway';
import type { StoredReference } from '../../bot/channel-address';
import { cardActivity } from '../../bot/teams-card-poster';
import { card, text } from '../../bot/cards/adaptive-card';
import { createLogger } from '../../src/server/logger';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { startTestServer, type TestServer } from '../support/test-server';
import { randomUUID } from 'node:crypto';

interface Recorded {
  method: string;
  path: string;
  body: { attachments: { content: { body: { text: string }[] } }[]; [key: string]: unknown };
  authorization?: string;
}

/** A Bot Connector stand-in on 127.0.0.1: records calls, answers like Teams, throttles when told. */
async function fakeConnector(): Promise<{
  url: string;
  calls: Recorded[];
  throttleNext: (retryAfter: string) => void;
  throttleAlways: (retryAfter: string) => void;
  close: () => Promise<void>;
}> {
  const calls: Recorded[] = [];
  let throttle: string | undefined;
  let throttleAll = false;
  const app = express();
  app.use(express.json());
  app.use((req, res, next) => {
    calls.push({
      method: req.method,
      path: decodeURIComponent(req.path),
      body: req.body,
      authorization: req.headers.authorization,
    });
    if (throttle !== undefined) {
      res
        .status(429)
        .set('Retry-After', throttle)
        .json({ error: { code: 'TooManyRequests', message: 'Too many requests' } });
      if (!throttleAll) throttle = undefined;
      return;
    }
    next();
  });
  app.post('/v3/conversations/:id/activities', (_req, res) => void res.json({ id: `posted-${calls.length}` }));
  app.post(
    '/v3/conversations/:id/activities/:activityId',
    (_req, res) => void res.json({ id: `reply-${calls.length}` }),
  );
  app.put('/v3/conversations/:id/activities/:activityId', (req, res) => void res.json({ id: req.params.activityId }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    throttleNext: (retryAfter) => {
      throttle = retryAfter;
    },
    throttleAlways: (retryAfter) => {
      throttle = retryAfter;
      throttleAll = true;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the CloudAdapter gateway (proactive posts to the DPO channel)', () => {
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let stores: SqliteStores;
  let reference: StoredReference;
  let gateway: ReturnType<typeof cloudAdapterGateway>;

  beforeEach(async () => {
    connector = await fakeConnector();
    stores = SqliteStores.open(':memory:');
    const bot = createTeamsBot({
      deps: {
        store: stores.incidents,
        appState: stores.appState,
        clock: { now: () => new Date() },
        logger: createLogger('silent'),
        newId: randomUUID,
      },
      config: { profile: 'local', dpoUserIds: [], dpoGroupIds: [], tabUrl: 'http://127.0.0.1:3978/tab/' },
      logger: createLogger('silent'),
    });
    gateway = cloudAdapterGateway(bot.adapter, '');
    reference = {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: '19:dpo@thread.tacv2', conversationType: 'channel', isGroup: true },
      bot: { id: '28:pui-desk', name: 'PUI Desk' },
    };
  });
  afterEach(async () => {
    await stores.close();
    await connector.close();
  });

  it('posts a new message into the conversation and returns its id', async () => {
    const id = await gateway.send(reference, cardActivity(card([text('Hej')])));
    expect(id).toBe('posted-1');
    expect(connector.calls[0]).toMatchObject({
      method: 'POST',
      path: '/v3/conversations/19:dpo@thread.tacv2/activities',
    });
    expect(connector.calls[0].body.attachments[0]).toMatchObject({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard' },
    });
  });

  it('updates a posted message in place', async () => {
    await gateway.update(reference, 'posted-7', cardActivity(card([text('Uppdaterad')])));
    expect(connector.calls[0]).toMatchObject({
      method: 'PUT',
      path: '/v3/conversations/19:dpo@thread.tacv2/activities/posted-7',
    });
    expect(connector.calls[0].body.attachments[0].content.body[0].text).toBe('Uppdaterad');
  });

  it('lets the connector client retry a single 429 after its Retry-After', async () => {
    connector.throttleNext('0');
    expect(await gateway.send(reference, cardActivity(card([text('Hej')])))).toBe('posted-2');
    expect(connector.calls.map((c) => c.method)).toEqual(['POST', 'POST']);
  });

  it('reports lasting 429s as a ConnectorError with the Retry-After, for the outbox to wait out', async () => {
    connector.throttleAlways('0');
    const error = await gateway.send(reference, cardActivity(card([text('Hej')]))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ statusCode: 429, retryAfterMs: 0 });
  });
});

describe('POST /api/messages', () => {
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let server: TestServer;
  beforeEach(async () => {
    connector = await fakeConnector();
  });
  afterEach(async () => {
    await server.close();
    await connector.close();
  });

  const activity = (serviceUrl: string) => ({
    type: 'message',
    id: 'incoming-1',
    channelId: 'msteams',
    serviceUrl,
    text: 'hjälp',
    from: { id: '29:anna', name: 'Anna', aadObjectId: 'aad-anna' },
    recipient: { id: '28:pui-desk', name: 'PUI Desk' },
    conversation: { id: 'a:personal-anna', conversationType: 'personal' },
  });

  it('runs the bot in the local profile and answers through the connector', async () => {
    server = await startTestServer();
    const response = await server.call('POST', '/api/messages', activity(connector.url));
    expect(response.status).toBe(200);
    const reply = connector.calls.find((c) => c.method === 'POST');
    expect(reply?.path).toBe('/v3/conversations/a:personal-anna/activities/incoming-1');
    expect(JSON.stringify(reply?.body)).toContain('rapportera (report)');
  });

  it('answers an activity without a type with 400', async () => {
    server = await startTestServer();
    const consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const response = await server.call('POST', '/api/messages', { text: 'hej' });
    consoleWarn.mockRestore();
    expect(response.status).toBe(400);
    expect(connector.calls).toHaveLength(0);
  });

  it('refuses a request without a Bot Framework token outside the local profile', async () => {
    // botbuilder writes the refusal to console.error itself.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    server = await startTestServer({
      env: {
        NODE_ENV: 'test',
        AZURE_TENANT_ID: '11111111-2222-3333-4444-555555555555',
        API_CLIENT_ID: 'api-client',
        AUTH_JWKS_URI: 'http://127.0.0.1:9/keys',
        BOT_APP_ID: '66666666-7777-8888-9999-000000000000',
        SECRET_BOT_PASSWORD: 'not-a-real-secret',
      },
    });
    const response = await server.call('POST', '/api/messages', activity(connector.url));
    expect(response.status).toBe(401);
    expect(connector.calls).toHaveLength(0);
    expect(String(consoleError.mock.calls[0]?.[0])).toContain('Unauthorized');
    consoleError.mockRestore();
  });

  it('has no bot endpoint outside the local profile when the bot has no credentials', async () => {
    server = await startTestServer({
      env: {
        NODE_ENV: 'test',
        AZURE_TENANT_ID: '11111111-2222-3333-4444-555555555555',
        API_CLIENT_ID: 'api-client',
        AUTH_JWKS_URI: 'http://127.0.0.1:9/keys',
      },
    });
    expect(server.bot).toBeUndefined();
    const response = await server.call('POST', '/api/messages', activity(connector.url));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(connector.calls).toHaveLength(0);
  });
});

describe('reading a throttled answer', () => {
  it('takes Retry-After in seconds or as an HTTP date, from headers of either shape', () => {
    const now = Date.parse('2026-11-20T09:00:00.000Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(
      toConnectorError({ statusCode: 429, response: { headers: new Headers({ 'retry-after': '3' }) } }),
    ).toMatchObject({ statusCode: 429, retryAfterMs: 3000 });
    expect(toConnectorError({ statusCode: 503, response: { headers: { 'retry-after': '2' } } })).toMatchObject({
      statusCode: 503,
      retryAfterMs: 2000,
    });
    expect(toConnectorError(new Error('socket hang up'))).toMatchObject({
      statusCode: undefined,
      retryAfterMs: undefined,
    });
  });
});
