import type { ClientConfig } from '../../src/web/client-config';
import {
  createNaaClient,
  naaSupported,
  signIn,
  signInMethod,
  teamsTokenSource,
  type MsalLoader,
  type NaaSettings,
  type TeamsAuth,
} from '../../src/web/sign-in';
import { fixtureMails, mockOffice } from '../outlook/support/mock-mailbox';

const naa: NaaSettings = {
  clientId: 'client-1',
  authority: 'https://login.microsoftonline.com/tenant-1',
  scopes: ['api://client-1/access_as_user'],
};

function teams(recommended: boolean): TeamsAuth & { getAuthToken: jest.Mock } {
  return { isNAAChannelRecommended: () => recommended, getAuthToken: jest.fn().mockResolvedValue('sso-token') };
}

describe('teamsTokenSource', () => {
  it('uses nested app authentication where Teams recommends it and the installation is configured', async () => {
    const host = teams(true);
    const acquireToken = jest.fn().mockResolvedValue('naa-token');
    const createNaa = jest.fn().mockResolvedValue({ acquireToken });
    const token = teamsTokenSource({ teams: host, naa, loginHint: 'anna@kommun.se', createNaa });
    expect(await token()).toBe('naa-token');
    expect(await token()).toBe('naa-token');
    expect(createNaa).toHaveBeenCalledTimes(1);
    expect(createNaa).toHaveBeenCalledWith(naa);
    expect(acquireToken).toHaveBeenCalledWith('anna@kommun.se');
    expect(host.getAuthToken).not.toHaveBeenCalled();
  });

  it('uses Teams SSO when NAA is not recommended', async () => {
    const host = teams(false);
    const createNaa = jest.fn();
    expect(signInMethod({ teams: host, naa })).toBe('sso');
    expect(await teamsTokenSource({ teams: host, naa, createNaa })()).toBe('sso-token');
    expect(createNaa).not.toHaveBeenCalled();
  });

  it('uses Teams SSO when the installation has no NAA settings', async () => {
    const host = teams(true);
    expect(signInMethod({ teams: host })).toBe('sso');
    expect(await teamsTokenSource({ teams: host, createNaa: jest.fn() })()).toBe('sso-token');
  });

  it('falls back to Teams SSO when NAA fails, and says so', async () => {
    const host = teams(true);
    const warn = jest.fn();
    const failure = new Error('nested_app_auth_unavailable');
    const token = teamsTokenSource({
      teams: host,
      naa,
      createNaa: jest.fn().mockResolvedValue({ acquireToken: jest.fn().mockRejectedValue(failure) }),
      warn,
    });
    expect(await token()).toBe('sso-token');
    expect(warn).toHaveBeenCalledWith('Nested app authentication failed; falling back to Teams SSO.', failure);
  });
});

const entra: ClientConfig = {
  profile: 'entra',
  organisationName: 'Kommunen',
  organisationDomains: ['kommun.example.se'],
  auth: {
    clientId: '11111111-2222-3333-4444-555555555555',
    authority: 'https://login.microsoftonline.com/tenant',
    scopes: ['api://11111111-2222-3333-4444-555555555555/access_as_user'],
  },
};
const local: ClientConfig = { profile: 'local', organisationName: 'Kommunen', organisationDomains: [] };

function fakeMsal(behaviour: { silent: 'ok' | 'fail'; popup?: 'ok' | 'fail' }) {
  const calls: string[] = [];
  const pca = {
    acquireTokenSilent: jest.fn(async () => {
      calls.push('silent');
      if (behaviour.silent === 'fail') throw new Error('interaction_required');
      return { accessToken: 'silent-token' };
    }),
    acquireTokenPopup: jest.fn(async () => {
      calls.push('popup');
      if (behaviour.popup === 'fail') throw new Error('user_cancelled');
      return { accessToken: 'popup-token' };
    }),
  };
  const create = jest.fn(async () => pca);
  const loader = (async () => ({ createNestablePublicClientApplication: create })) as unknown as MsalLoader;
  return { loader, create, pca, calls };
}

describe('signIn (the Outlook task pane)', () => {
  it('asks Office whether NestedAppAuth 1.1 is supported', () => {
    expect(naaSupported(mockOffice(fixtureMails[0], { user: 'a@b.se', naa: true }).context.requirements)).toBe(true);
    expect(naaSupported(mockOffice(fixtureMails[0], { user: 'a@b.se', naa: false }).context.requirements)).toBe(false);
    expect(naaSupported(undefined)).toBe(false);
    expect(
      naaSupported({
        isSetSupported: () => {
          throw new Error('unknown set');
        },
      }),
    ).toBe(false);
  });

  it('gets no token at all in the local profile, without loading MSAL', async () => {
    const msal = fakeMsal({ silent: 'ok' });
    const state = await signIn(local, undefined, msal.loader);
    expect(state.kind).toBe('local');
    if (state.kind !== 'local') throw new Error('expected the local profile');
    await expect(state.getToken()).resolves.toBeUndefined();
    expect(msal.create).not.toHaveBeenCalled();
  });

  it('says unsupported when the Outlook client lacks NestedAppAuth 1.1', async () => {
    const msal = fakeMsal({ silent: 'ok' });
    const office = mockOffice(fixtureMails[0], { user: 'a@kommun.example.se', naa: false });
    expect(await signIn(entra, office.context.requirements, msal.loader)).toEqual({ kind: 'unsupported' });
    expect(msal.create).not.toHaveBeenCalled();
  });

  it('signs in with a nestable public client application and gets tokens silently', async () => {
    const msal = fakeMsal({ silent: 'ok' });
    const office = mockOffice(fixtureMails[0], { user: 'a@kommun.example.se', naa: true });
    const state = await signIn(entra, office.context.requirements, msal.loader);
    expect(msal.create).toHaveBeenCalledWith({
      auth: { clientId: entra.auth!.clientId, authority: entra.auth!.authority },
    });
    expect(state.kind).toBe('signed-in');
    if (state.kind !== 'signed-in') throw new Error('expected signed-in');
    await expect(state.getToken()).resolves.toBe('silent-token');
    expect(msal.pca.acquireTokenSilent).toHaveBeenCalledWith({ scopes: entra.auth!.scopes });
  });

  it('falls back to a popup when a silent token needs interaction', async () => {
    const msal = fakeMsal({ silent: 'fail', popup: 'ok' });
    const state = await signIn(entra, { isSetSupported: () => true }, msal.loader);
    if (state.kind !== 'signed-in') throw new Error('expected signed-in');
    await expect(state.getToken()).resolves.toBe('popup-token');
    expect(msal.calls).toEqual(['silent', 'popup', 'silent', 'popup']);
  });

  it('reports a failed sign-in with the reason', async () => {
    const msal = fakeMsal({ silent: 'fail', popup: 'fail' });
    expect(await signIn(entra, { isSetSupported: () => true }, msal.loader)).toEqual({
      kind: 'failed',
      detail: 'Error: user_cancelled',
    });
  });
});

describe('createNaaClient (the tab and the task pane alike)', () => {
  const interactionRequired = Object.assign(new Error('AADSTS65001: consent needed'), {
    name: 'InteractionRequiredAuthError',
    errorCode: 'consent_required',
  });

  function msalWith(silent: () => Promise<{ accessToken: string }>) {
    const pca = {
      acquireTokenSilent: jest.fn(silent),
      acquireTokenPopup: jest.fn(async () => ({ accessToken: 'popup-token' })),
    };
    const loader = (async () => ({ createNestablePublicClientApplication: async () => pca })) as unknown as MsalLoader;
    return { pca, loader };
  }

  it('passes the Teams login hint with the scopes', async () => {
    const { pca, loader } = msalWith(async () => ({ accessToken: 'silent-token' }));
    const client = await createNaaClient(naa, loader);
    await expect(client.acquireToken('anna@kommun.se')).resolves.toBe('silent-token');
    expect(pca.acquireTokenSilent).toHaveBeenCalledWith({ scopes: naa.scopes, loginHint: 'anna@kommun.se' });
  });

  it('opens a popup when Entra ID asks for interaction (consent), by MSAL error class or code', async () => {
    const { pca, loader } = msalWith(async () => Promise.reject(interactionRequired));
    await expect((await createNaaClient(naa, loader)).acquireToken()).resolves.toBe('popup-token');
    expect(pca.acquireTokenPopup).toHaveBeenCalledWith({ scopes: naa.scopes });
  });

  it('opens no popup for a failure no person can fix (the network), and passes it on', async () => {
    const offline = Object.assign(new Error('network_error'), {
      name: 'BrowserAuthError',
      errorCode: 'no_network_connectivity',
    });
    const { pca, loader } = msalWith(async () => Promise.reject(offline));
    await expect((await createNaaClient(naa, loader)).acquireToken()).rejects.toBe(offline);
    expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
  });
});
