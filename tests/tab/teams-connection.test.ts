/** @jest-environment jsdom */
import { connectWith, type TeamsContext, type TeamsSdk } from '../../src/tab/host/teams-connection';

function fakeSdk(
  context: Partial<TeamsContext> = {},
  overrides: Partial<TeamsSdk> = {},
): TeamsSdk & { themeHandler?: (t: string) => void } {
  const sdk: TeamsSdk & { themeHandler?: (t: string) => void } = {
    initialize: async () => undefined,
    getContext: async () => ({ app: { locale: 'sv-se', theme: 'default' }, page: {}, ...context }),
    registerOnThemeChangeHandler: (handler) => {
      sdk.themeHandler = handler;
    },
    notifySuccess: async () => undefined,
    isNAAChannelRecommended: () => false,
    getAuthToken: async () => 'sso-token',
    ...overrides,
  };
  return sdk;
}

const entra = {
  profile: 'entra' as const,
  organisationName: 'Kommunen',
  organisationDomains: [],
  auth: { clientId: 'c', authority: 'https://login.microsoftonline.com/t', scopes: ['api://c/access_as_user'] },
};

describe('connectWith', () => {
  it('takes locale, theme and a deep-linked incident from the Teams context, and follows theme changes', async () => {
    const sdk = fakeSdk({ app: { locale: 'en-us', theme: 'dark' }, page: { subPageId: 'PUI-2026-0042' } });
    const host = await connectWith(window, sdk, { loadConfig: async () => entra, createNaa: jest.fn() });
    expect(host).toMatchObject({ kind: 'teams', locale: 'en', theme: 'dark', incident: 'PUI-2026-0042' });
    const seen: string[] = [];
    host!.subscribeTheme((t) => seen.push(t));
    sdk.themeHandler!('contrast');
    expect(seen).toEqual(['contrast']);
  });

  it('signs in with nested app authentication when Teams recommends it', async () => {
    const createNaa = jest.fn().mockResolvedValue({ acquireToken: async (hint?: string) => `naa-token-for-${hint}` });
    const sdk = fakeSdk({ user: { loginHint: 'anna@kommun.se' } }, { isNAAChannelRecommended: () => true });
    const host = await connectWith(window, sdk, { loadConfig: async () => entra, createNaa });
    expect(await host!.token!()).toBe('naa-token-for-anna@kommun.se');
  });

  it('falls back to Teams SSO without NAA settings', async () => {
    const host = await connectWith(window, fakeSdk({}, { isNAAChannelRecommended: () => true }), {
      loadConfig: async () => undefined,
      createNaa: jest.fn(),
    });
    expect(await host!.token!()).toBe('sso-token');
  });

  it('sends no token in the local profile', async () => {
    const host = await connectWith(window, fakeSdk(), {
      loadConfig: async () => ({ profile: 'local', organisationName: 'Kommunen', organisationDomains: [] }),
      createNaa: jest.fn(),
    });
    expect(host!.token).toBeUndefined();
  });

  it('gives up on a frame that is not Teams, so the page carries on as a plain browser page', async () => {
    const warn = jest.fn();
    const sdk = fakeSdk({}, { initialize: () => Promise.reject(new Error('No Parent window found')) });
    expect(
      await connectWith(window, sdk, { loadConfig: async () => undefined, createNaa: jest.fn(), warn }),
    ).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('not running in Teams; continuing as a plain browser page.', expect.any(Error));
  });
});
