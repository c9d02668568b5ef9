/**
 * The Azure templates' invariants, read from the files (the Bicep compiler cannot be installed
 * here; `atk provision` and `az deployment group create` compile them): no secrets, the bot on
 * the managed identity, the web app's hardening, the health check on the server's real route,
 * and every setting the server needs in production.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { placeholdersIn } from '../../scripts/app-package/package-app.mjs';
import { startTestServer } from '../support/test-server';
import {
  literal,
  objectAt,
  outputsOf,
  paramsOf,
  propertiesOf,
  repoText,
  resourceBody,
  resourceType,
  ROOT,
  withoutComments,
} from './bicep-reader';

const bicep = repoText('infra', 'azure.bicep');
const code = withoutComments(bicep);
const params = paramsOf(bicep);
const webApp = resourceBody(bicep, 'webApp');
const siteConfig = propertiesOf(objectAt(webApp, 'siteConfig'));
const settings = propertiesOf(objectAt(resourceBody(bicep, 'appSettings'), 'properties'));

/** Sample values for the template's parameters and resource properties, as a deployment would give them. */
const SAMPLE: Record<string, string> = {
  resourceBaseName: 'puidesk-prod',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  apiClientId: 'f3c1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  teamsAppId: '0b6c3f2e-7a41-4d9e-9b1c-5e8f2a7d3c60',
  organisationName: 'Exempelkommun',
  organisationDomains: 'kommun.example',
  sharePointSiteId: 'contoso.sharepoint.com,11111111-1111-4111-8111-111111111111,22222222-2222-4222-8222-222222222222',
  sharePointSiteUrl: '',
  dpoGroupIds: '5c1e0f2a-3b4d-4e6f-8a7b-9c0d1e2f3a4b',
  'identity.properties.clientId': '2b7e4c1a-9d3f-4e55-8a21-6f0c3d9e7b14',
  publicUrl: 'https://puidesk-prod.azurewebsites.net',
  'appInsights.properties.ConnectionString':
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/',
  port: '8080',
};

/** An app setting's value at deployment: a literal, a parameter, or one of the expressions above. */
function evaluate(expression: string): string {
  const value = literal(expression);
  if (value !== undefined) return value;
  if (expression in SAMPLE) return SAMPLE[expression];
  throw new Error(`No sample value for the expression ${expression}`);
}

describe('infra/azure.bicep', () => {
  it('holds no secret: no secure parameter, no key listing, no setting named like a secret', () => {
    expect(params.filter((p) => p.secure)).toEqual([]);
    expect(code).not.toMatch(/listKeys\(|listCredentials\(|listSecrets\(|@secure/);
    expect([...settings.keys()].filter((name) => /SECRET|PASSWORD|_KEY$|CERTIFICATE/i.test(name))).toEqual([]);
    expect(code).not.toMatch(/MicrosoftAppPassword|clientSecret/i);
  });

  it('creates a user-assigned managed identity and gives it to the web app', () => {
    expect(resourceType(bicep, 'identity')).toBe('Microsoft.ManagedIdentity/userAssignedIdentities');
    expect(propertiesOf(objectAt(webApp, 'identity')).get('type')).toBe("'UserAssigned'");
    expect(objectAt(webApp, 'identity')).toContain("'${identity.id}'");
  });

  it('registers the bot on that identity (UserAssignedMSI) with the Teams channel and the /api/messages endpoint', () => {
    const bot = propertiesOf(objectAt(resourceBody(bicep, 'bot'), 'properties'));
    expect(resourceType(bicep, 'bot')).toBe('Microsoft.BotService/botServices');
    expect(bot.get('msaAppType')).toBe("'UserAssignedMSI'");
    expect(bot.get('msaAppId')).toBe('identity.properties.clientId');
    expect(bot.get('msaAppMSIResourceId')).toBe('identity.id');
    expect(bot.get('endpoint')).toBe("'${publicUrl}/api/messages'");
    expect(propertiesOf(objectAt(resourceBody(bicep, 'teamsChannel'), 'properties')).get('channelName')).toBe(
      "'MsTeamsChannel'",
    );
  });

  it('hardens the web app: https only, TLS 1.2, no FTP, always on, Node 20 or later', () => {
    const site = propertiesOf(objectAt(webApp, 'properties'));
    expect(site.get('httpsOnly')).toBe('true');
    expect(siteConfig.get('minTlsVersion')).toBe("'1.2'");
    expect(siteConfig.get('ftpsState')).toBe("'Disabled'");
    expect(siteConfig.get('alwaysOn')).toBe('true');
    expect(siteConfig.get('linuxFxVersion')).toBe('nodeVersion');
    const node = /var nodeVersion = 'NODE\|(\d+)-lts'/.exec(code);
    expect(Number(node?.[1])).toBeGreaterThanOrEqual(20);
    expect(propertiesOf(objectAt(resourceBody(bicep, 'ftpBasicAuth'), 'properties')).get('allow')).toBe('false');
  });

  it('runs N instances, 2 by default, on a Linux plan that supports several', () => {
    const plan = resourceBody(bicep, 'plan');
    expect(propertiesOf(objectAt(plan, 'sku')).get('capacity')).toBe('instances');
    expect(code).toMatch(/var instances = int\(instanceCount\)/);
    expect(params.find((p) => p.name === 'instanceCount')?.defaultValue).toBe("'2'");
    expect(propertiesOf(objectAt(plan, 'properties')).get('reserved')).toBe('true');
    expect(['B1', 'B2', 'B3', 'S1', 'P0v3', 'P1v3']).toContain(
      literal(params.find((p) => p.name === 'webAppSku')?.defaultValue),
    );
  });

  it('health-checks the route the server answers as alive', async () => {
    const route = /var healthCheckPath = '([^']+)'/.exec(code)?.[1];
    expect(siteConfig.get('healthCheckPath')).toBe('healthCheckPath');
    expect(route).toBe('/healthz');
    const server = await startTestServer();
    try {
      const answer = await server.call('GET', route!);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ status: 'ok' });
    } finally {
      await server.close();
    }
  });

  it('gives the server every setting it needs in production, and the server accepts them', () => {
    const env = Object.fromEntries([...settings].map(([name, expression]) => [name, evaluate(expression)]));
    const config = loadConfig(env);
    expect(config).toMatchObject({
      nodeEnv: 'production',
      profile: 'entra',
      store: 'sharepoint',
      port: 8080,
      publicUrl: SAMPLE.publicUrl,
    });
    expect(config.bot).toMatchObject({
      appType: 'UserAssignedMSI',
      appId: SAMPLE['identity.properties.clientId'],
      password: undefined,
    });
    expect(config.sharePoint?.credential).toEqual({
      kind: 'managed-identity',
      clientId: SAMPLE['identity.properties.clientId'],
    });
    // Each of these alone, left out, stops the server: the template must never lose one.
    for (const needed of [
      'NODE_ENV',
      'API_CLIENT_ID',
      'AZURE_TENANT_ID',
      'BOT_APP_ID',
      'BOT_APP_TYPE',
      'PUBLIC_URL',
      'SHAREPOINT_AUTH',
      'SHAREPOINT_SITE_ID',
    ]) {
      const without = { ...env };
      delete without[needed];
      let refused: boolean;
      try {
        const other = loadConfig(without);
        // Without NODE_ENV the server would start in development: that is a refusal of production too.
        refused = other.nodeEnv !== 'production';
      } catch {
        refused = true;
      }
      expect({ needed, refused }).toEqual({ needed, refused: true });
    }
  });

  it("starts the built server and builds it on App Service with the project's own scripts", () => {
    const scripts = JSON.parse(repoText('package.json')).scripts as Record<string, string>;
    expect(literal(siteConfig.get('appCommandLine'))).toBe('node dist/src/main.js');
    const build = {
      ...JSON.parse(repoText('tsconfig.json')).compilerOptions,
      ...JSON.parse(repoText('tsconfig.build.json')).compilerOptions,
    };
    // rootDir '.' and outDir 'dist': src/main.ts compiles to dist/src/main.js.
    expect({ rootDir: build.rootDir, outDir: build.outDir }).toEqual({ rootDir: '.', outDir: 'dist' });
    expect(existsSync(path.join(ROOT, 'src', 'main.ts'))).toBe(true);
    expect(literal(settings.get('CUSTOM_BUILD_COMMAND'))).toContain('npm run build');
    expect(scripts.build).toBeDefined();
    expect(literal(settings.get('SCM_DO_BUILD_DURING_DEPLOYMENT'))).toBe('true');
  });

  it("sends the app's logs to Log Analytics and telemetry to Application Insights on that workspace", () => {
    expect(propertiesOf(objectAt(resourceBody(bicep, 'appInsights'), 'properties')).get('WorkspaceResourceId')).toBe(
      'workspace.id',
    );
    expect(propertiesOf(objectAt(resourceBody(bicep, 'diagnostics'), 'properties')).get('workspaceId')).toBe(
      'workspace.id',
    );
    expect(settings.get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe('appInsights.properties.ConnectionString');
  });

  it('assigns the identity only the Graph application permissions it needs', () => {
    const module = withoutComments(repoText('infra', 'modules', 'graph-app-roles.bicep'));
    expect(module).toMatch(/extension 'br:mcr\.microsoft\.com\/bicep\/extensions\/microsoftgraph\/v1\.0:/);
    expect(module).toContain('Microsoft.Graph/appRoleAssignedTo@v1.0');
    const roles = /appRoles:\s*\[([^\]]*)\]/
      .exec(code)?.[1]
      .split(',')
      .map((r) => literal(r.trim()));
    // Exactly what the code calls: the store (Sites.Selected), checkMemberGroups and appRoleAssignments (bot/graph-directory.ts).
    expect(roles).toEqual(['Sites.Selected', 'GroupMember.Read.All', 'Directory.Read.All']);
  });
});

describe('infra/azure.parameters.json', () => {
  const file = JSON.parse(repoText('infra', 'azure.parameters.json')) as {
    parameters: Record<string, { value: unknown }>;
  };

  it('names only parameters the template has, and every one without a default', () => {
    const names = new Set(params.map((p) => p.name));
    expect(Object.keys(file.parameters).filter((name) => !names.has(name))).toEqual([]);
    const required = params.filter((p) => p.defaultValue === undefined).map((p) => p.name);
    expect(required.filter((name) => !(name in file.parameters))).toEqual([]);
  });

  it.each(['.env.prod', '.env.dev'])(
    'fills every value from env/%s or from what provisioning writes before arm/deploy',
    (envFile) => {
      const documented = new Set(
        [...repoText('env', envFile).matchAll(/^(?:#\s*)?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]),
      );
      const missing = placeholdersIn(repoText('infra', 'azure.parameters.json')).filter(
        (name) => !documented.has(name),
      );
      expect(missing).toEqual([]);
    },
  );

  it('writes the outputs that teamsapp.yml, the manifest and aad.manifest.json use afterwards', () => {
    const outputs = outputsOf(bicep);
    expect(outputs).toEqual(
      expect.arrayContaining(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT']),
    );
    expect(placeholdersIn(repoText('aad.manifest.json'))).toContain('TAB_DOMAIN');
  });
});

describe('.webappignore', () => {
  const ignored = repoText('.webappignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('keeps local data, secrets, tests and build output of this machine out of the zip', () => {
    expect(ignored).toEqual(
      expect.arrayContaining(['node_modules/', 'dist/', '.data/', 'env/', '*.user', '*.pem', '*.pfx', 'tests/']),
    );
  });

  it('keeps in what App Service needs to build and start it', () => {
    for (const needed of [
      'package.json',
      'package-lock.json',
      'src/',
      'bot/',
      'scripts/',
      'tsconfig.json',
      'tsconfig.build.json',
      'appPackage/',
    ]) {
      expect(ignored).not.toContain(needed);
    }
  });
});
