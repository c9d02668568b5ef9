import {
  graphUserAgent,
  SharePointConfigError,
  sharePointConfigFromEnv,
} from '../../../src/store/sharepoint/sharepoint-config';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = '66666666-7777-8888-9999-000000000000';
const base = {
  STORE: 'sharepoint',
  SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,a,b',
  AZURE_TENANT_ID: TENANT,
  AZURE_CLIENT_ID: CLIENT,
  GRAPH_ORGANISATION: 'Malmö stad',
};

function failure(env: Record<string, string | undefined>): Error {
  try {
    sharePointConfigFromEnv(env);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a configuration error');
}

describe('sharePointConfigFromEnv', () => {
  it('reads a client secret setup with defaults', () => {
    expect(sharePointConfigFromEnv({ ...base, SECRET_AZURE_CLIENT_SECRET: 's3cret' })).toEqual({
      siteId: 'contoso.sharepoint.com,a,b',
      siteUrl: undefined,
      credential: { kind: 'client-secret', tenantId: TENANT, clientId: CLIENT, secret: 's3cret' },
      organisation: 'Malmö stad',
      graphBaseUrl: 'https://graph.microsoft.com',
      listPrefix: 'Pui',
      maxRetryWaitMs: 60_000,
      requestTimeoutMs: 30_000,
    });
  });

  it('chooses a certificate, or a managed identity when asked', () => {
    expect(sharePointConfigFromEnv({ ...base, AZURE_CLIENT_CERTIFICATE_PATH: '/etc/pui/app.pem' }).credential).toEqual({
      kind: 'certificate',
      tenantId: TENANT,
      clientId: CLIENT,
      certificatePath: '/etc/pui/app.pem',
    });
    expect(
      sharePointConfigFromEnv({ ...base, SHAREPOINT_AUTH: 'managed-identity', AZURE_TENANT_ID: undefined }).credential,
    ).toEqual({ kind: 'managed-identity', clientId: CLIENT });
  });

  it('names the missing variable', () => {
    expect(failure({ ...base, SHAREPOINT_SITE_ID: undefined, SECRET_AZURE_CLIENT_SECRET: 'x' })).toBeInstanceOf(
      SharePointConfigError,
    );
    expect(failure({ ...base, SHAREPOINT_SITE_ID: undefined, SECRET_AZURE_CLIENT_SECRET: 'x' }).message).toMatch(
      /^SHAREPOINT_SITE_ID is missing/,
    );
    expect(failure(base).message).toMatch(
      /SECRET_AZURE_CLIENT_SECRET.*AZURE_CLIENT_CERTIFICATE_PATH.*SHAREPOINT_AUTH=managed-identity/,
    );
    expect(failure({ ...base, AZURE_CLIENT_ID: 'my-app', SECRET_AZURE_CLIENT_SECRET: 'x' }).message).toMatch(
      /^AZURE_CLIENT_ID must be a GUID/,
    );
    expect(failure({ ...base, GRAPH_ORGANISATION: undefined, SECRET_AZURE_CLIENT_SECRET: 'x' }).message).toMatch(
      /^GRAPH_ORGANISATION is missing/,
    );
  });

  it('never puts the secret in an error message', () => {
    expect(
      failure({ ...base, AZURE_TENANT_ID: 'nope', SECRET_AZURE_CLIENT_SECRET: 'very-secret-value' }).message,
    ).not.toContain('very-secret-value');
  });
});

describe('graphUserAgent', () => {
  it('follows NONISV|<organisation>|PUIDesk/<version> in plain ASCII', () => {
    expect(graphUserAgent('Malmö stad', '1.2.3')).toBe('NONISV|Malmo-stad|PUIDesk/1.2.3');
    expect(graphUserAgent('Region Västra Götaland | IT', '1.2.3')).toBe(
      'NONISV|Region-Vastra-Gotaland-IT|PUIDesk/1.2.3',
    );
  });
});
