/**
 * The bot and the SharePoint store on App Service's managed identity, against a loopback double of
 * its identity endpoint: the real credential code (botbuilder's UserAssignedMsi app type and
 * @azure/identity) fetches the tokens, and the Bot Connector and Graph doubles receive them.
 */
import { randomUUID } from 'node:crypto';
import { createTeamsBot } from '../../bot';
import { cloudAdapterGateway } from '../../bot/conversation-gateway';
import type { StoredReference } from '../../bot/channel-address';
import { card, text } from '../../bot/cards/adaptive-card';
import { cardActivity } from '../../bot/teams-card-poster';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/server/logger';
import { openSharePointStores, provision, SharePointAccessDenied } from '../../src/store/sharepoint';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { startBotConnectorDouble, type BotConnectorDouble } from '../support/bot-connector-double';
import { GraphDouble } from '../support/graph-double/graph-double';
import { startManagedIdentityDouble, type ManagedIdentityDouble } from '../support/managed-identity-double';
import { doubleHttp, fastRetry } from '../store/support/sharepoint-fixture';

const IDENTITY_CLIENT_ID = '2b7e4c1a-9d3f-4e55-8a21-6f0c3d9e7b14';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('the managed identity (App Service IDENTITY_ENDPOINT protocol)', () => {
  let identity: ManagedIdentityDouble;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    identity = await startManagedIdentityDouble({ clientIds: [IDENTITY_CLIENT_ID] });
    for (const [name, value] of Object.entries(identity.env)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await identity.close();
  });

  describe('the bot (BOT_APP_TYPE=UserAssignedMSI)', () => {
    let connector: BotConnectorDouble;
    let stores: SqliteStores;
    let gateway: ReturnType<typeof cloudAdapterGateway>;
    let reference: StoredReference;

    beforeEach(async () => {
      connector = await startBotConnectorDouble();
      stores = SqliteStores.open(':memory:');
      const config = loadConfig({
        NODE_ENV: 'production',
        AZURE_TENANT_ID: TENANT,
        API_CLIENT_ID: 'f3c1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
        PUBLIC_URL: 'https://puidesk.example',
        BOT_APP_ID: IDENTITY_CLIENT_ID,
        BOT_APP_TYPE: 'UserAssignedMSI',
      });
      const bot = createTeamsBot({
        deps: {
          store: stores.incidents,
          appState: stores.appState,
          clock: { now: () => new Date() },
          logger: createLogger('silent'),
          newId: randomUUID,
        },
        config: {
          profile: 'entra',
          botAppId: config.bot.appId,
          botAppType: config.bot.appType,
          botTenantId: config.bot.tenantId,
          dpoUserIds: [],
          dpoGroupIds: [],
          tabUrl: 'https://puidesk.example/tab/',
        },
        logger: createLogger('silent'),
      });
      gateway = cloudAdapterGateway(bot.adapter, IDENTITY_CLIENT_ID);
      reference = {
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        conversation: { id: '19:dpo@thread.tacv2', conversationType: 'channel', isGroup: true },
        bot: { id: `28:${IDENTITY_CLIENT_ID}`, name: 'PUI Desk' },
      };
    });
    afterEach(async () => {
      await stores.close();
      await connector.close();
    });

    it('posts to the Bot Connector with a token the identity endpoint issued for the Bot Framework', async () => {
      await gateway.send(reference, cardActivity(card([text('Ny incident')])));
      const [call] = connector.calls;
      const token = /^Bearer (\S+)$/.exec(call.authorization ?? '')?.[1] ?? '';
      expect(identity.issued(token)).toEqual({
        resource: 'https://api.botframework.com',
        clientId: IDENTITY_CLIENT_ID,
      });
      const asked = identity.requests.find((r) => r.resource === 'https://api.botframework.com');
      expect(asked).toMatchObject({
        apiVersion: '2019-08-01',
        identityHeader: identity.identityHeader,
        clientId: IDENTITY_CLIENT_ID,
        status: 200,
      });
    });
  });

  describe('the SharePoint store (SHAREPOINT_AUTH=managed-identity)', () => {
    let double: GraphDouble;
    beforeEach(async () => {
      double = await GraphDouble.start();
    });
    afterEach(async () => {
      await double.close();
    });

    it('reads the lists with a Graph token from the identity endpoint', async () => {
      const siteId = double.addSite('contoso.sharepoint.com', '/sites/pui');
      await provision(doubleHttp(double), siteId, 'Pui');
      const stores = await openSharePointStores(
        {
          siteId,
          credential: { kind: 'managed-identity', clientId: IDENTITY_CLIENT_ID },
          organisation: 'Testkommun',
          graphBaseUrl: double.url,
          listPrefix: 'Pui',
          maxRetryWaitMs: 1000,
          requestTimeoutMs: 5000,
        },
        { retry: fastRetry() },
      );
      await stores.close();
      // The token is for the configured Graph root (https://graph.microsoft.com in a tenant; the double here).
      expect(identity.issued(double.lastBearerToken ?? '')).toEqual({
        resource: double.url.replace(/\/+$/, ''),
        clientId: IDENTITY_CLIENT_ID,
      });
    });

    it('fails to open, naming the credential, when the identity endpoint refuses', async () => {
      const siteId = double.addSite('contoso.sharepoint.com', '/sites/pui-refused');
      await provision(doubleHttp(double), siteId, 'Pui');
      const error = await openSharePointStores(
        {
          siteId,
          credential: { kind: 'managed-identity', clientId: '00000000-0000-4000-8000-000000000000' },
          organisation: 'Testkommun',
          graphBaseUrl: double.url,
          listPrefix: 'Pui',
          maxRetryWaitMs: 1000,
          requestTimeoutMs: 5000,
        },
        { retry: fastRetry() },
      ).catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(SharePointAccessDenied);
      expect((error as Error).message).toContain('Entra ID did not give the app a token');
    });
  });
});
