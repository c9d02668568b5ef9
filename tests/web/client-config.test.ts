import { ClientConfigError, loadClientConfig, parseClientConfig } from '../../src/web/client-config';

describe('client-config', () => {
  it('reads the local profile', () => {
    expect(
      parseClientConfig({ profile: 'local', organisationName: 'Kalmar kommun', organisationDomains: ['kalmar.se'] }),
    ).toEqual({
      profile: 'local',
      organisationName: 'Kalmar kommun',
      organisationDomains: ['kalmar.se'],
      sendCheck: { enabled: true, trustedExternalDomains: [], sensitiveWords: [] },
    });
  });

  it('reads the send check settings, and refuses a non-boolean switch', () => {
    const config = parseClientConfig({
      profile: 'local',
      sendCheck: { enabled: false, trustedExternalDomains: ['regionkalmar.se'], sensitiveWords: ['skyddsidentitet'] },
    });
    expect(config.sendCheck).toEqual({
      enabled: false,
      trustedExternalDomains: ['regionkalmar.se'],
      sensitiveWords: ['skyddsidentitet'],
    });
    expect(() => parseClientConfig({ profile: 'local', sendCheck: { enabled: 'off' } })).toThrow(
      new ClientConfigError('sendCheck.enabled must be true or false.'),
    );
  });

  it('reads the entra profile, defaulting the scope to access_as_user', () => {
    expect(
      parseClientConfig({
        profile: 'entra',
        auth: { clientId: 'cid', authority: 'https://login.microsoftonline.com/t' },
      }),
    ).toEqual({
      profile: 'entra',
      organisationName: 'Kommunen',
      organisationDomains: [],
      sendCheck: { enabled: true, trustedExternalDomains: [], sensitiveWords: [] },
      auth: { clientId: 'cid', authority: 'https://login.microsoftonline.com/t', scopes: ['api://cid/access_as_user'] },
    });
  });

  it.each([
    ['no object', null, 'config.json must hold an object.'],
    ['an unknown profile', { profile: 'prod' }, 'profile must be "local" or "entra".'],
    [
      'entra without auth',
      { profile: 'entra' },
      'profile "entra" needs auth.clientId and auth.authority (https://login.microsoftonline.com/<tenant>).',
    ],
    [
      'domains that are not strings',
      { profile: 'local', organisationDomains: [1] },
      'organisationDomains must be a list of strings.',
    ],
  ])('refuses %s', (_why, raw, message) => {
    expect(() => parseClientConfig(raw)).toThrow(new ClientConfigError(message));
  });

  it('fetches config.json next to the page', async () => {
    const fetchImpl = jest.fn(
      async () => new Response(JSON.stringify({ profile: 'local' }), { status: 200 }),
    ) as unknown as typeof fetch;
    await expect(loadClientConfig('http://127.0.0.1:3978/outlook/?sample=1', fetchImpl)).resolves.toMatchObject({
      profile: 'local',
    });
    expect((fetchImpl as jest.Mock).mock.calls[0][0]).toBe('http://127.0.0.1:3978/outlook/config.json');
  });

  it('says which status a missing config.json had', async () => {
    const fetchImpl = jest.fn(async () => new Response('not found', { status: 404 })) as unknown as typeof fetch;
    await expect(loadClientConfig('http://127.0.0.1:3978/outlook/', fetchImpl)).rejects.toThrow(
      'config.json: HTTP 404',
    );
  });
});
