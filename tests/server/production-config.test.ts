/** A production start with a missing or inconsistent setting fails fast, naming the variable. */
import { ConfigError, loadConfig } from '../../src/config';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const IDENTITY = '2b7e4c1a-9d3f-4e55-8a21-6f0c3d9e7b14';

/** What infra/azure.bicep gives the web app, less what a case changes. */
function production(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'production',
    HOST: '0.0.0.0',
    PORT: '8080',
    PUBLIC_URL: 'https://puidesk-prod.azurewebsites.net',
    AZURE_TENANT_ID: TENANT,
    API_CLIENT_ID: 'f3c1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
    BOT_APP_ID: IDENTITY,
    BOT_APP_TYPE: 'UserAssignedMSI',
    STORE: 'sharepoint',
    SHAREPOINT_SITE_ID:
      'contoso.sharepoint.com,11111111-1111-4111-8111-111111111111,22222222-2222-4222-8222-222222222222',
    SHAREPOINT_AUTH: 'managed-identity',
    AZURE_CLIENT_ID: IDENTITY,
    ORGANISATION_NAME: 'Exempelkommun',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

describe('production configuration', () => {
  it('keeps no copy of the environment: what it does not read (other secrets of the host) is nowhere in the config', () => {
    const config = loadConfig(
      production({ WEBSITE_AUTH_ENCRYPTION_KEY: 'host-secret-4711', SOME_OTHER_APP_PASSWORD: 'other-secret-0815' }),
    );
    const kept = JSON.stringify(config);
    expect(kept).not.toContain('host-secret-4711');
    expect(kept).not.toContain('other-secret-0815');
    expect(config.sharePoint?.siteId).toBe(production().SHAREPOINT_SITE_ID);
  });

  it('runs the bot and Graph on the managed identity with no secret at all', () => {
    const config = loadConfig(production());
    expect(config).toMatchObject({ profile: 'entra', store: 'sharepoint', host: '0.0.0.0', port: 8080 });
    expect(config.bot).toMatchObject({
      appId: IDENTITY,
      appType: 'UserAssignedMSI',
      tenantId: TENANT,
      password: undefined,
    });
    expect(config.sharePoint?.credential).toEqual({ kind: 'managed-identity', clientId: IDENTITY });
  });

  it.each([
    ['BOT_APP_ID', { BOT_APP_ID: undefined }],
    ['SECRET_BOT_PASSWORD', { BOT_APP_TYPE: undefined }],
    ['SECRET_BOT_PASSWORD is set with BOT_APP_TYPE=UserAssignedMSI', { SECRET_BOT_PASSWORD: 'a-secret' }],
    ['PUBLIC_URL is missing', { PUBLIC_URL: undefined }],
    ['PUBLIC_URL must be an https address', { PUBLIC_URL: 'http://puidesk.example' }],
    ['SHAREPOINT_SITE_ID is missing', { SHAREPOINT_SITE_ID: undefined }],
    ['No credential for Microsoft Graph', { SHAREPOINT_AUTH: undefined }],
    ['AZURE_TENANT_ID', { AZURE_TENANT_ID: undefined }],
    ['BOT_APP_TYPE', { BOT_APP_TYPE: 'Msi' }],
  ])('refuses to start, naming %s', (named, overrides) => {
    let error: unknown;
    try {
      loadConfig(production(overrides));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(named);
  });

  it('still accepts a client secret for the bot (BOT_APP_TYPE=SingleTenant)', () => {
    const config = loadConfig(
      production({
        BOT_APP_TYPE: 'SingleTenant',
        BOT_APP_ID: 'a1b2c3d4-0000-4000-8000-000000000001',
        SECRET_BOT_PASSWORD: 'from-the-user-file',
      }),
    );
    expect(config.bot).toMatchObject({ appType: 'SingleTenant', password: 'from-the-user-file' });
  });

  it('a managed identity needs a tenant even outside production', () => {
    expect(() => loadConfig({ BOT_APP_ID: IDENTITY, BOT_APP_TYPE: 'UserAssignedMSI' })).toThrow(
      /BOT_TENANT_ID \(or AZURE_TENANT_ID\) is missing/,
    );
  });
});
