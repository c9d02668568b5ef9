import { naaSupported, signIn, type MsalLoader } from '../../src/outlook/auth';
import type { ClientConfig } from '../../src/web/client-config';
import { fixtureMails, mockOffice } from './support/mock-mailbox';

const entra: ClientConfig = {
  profile: 'entra',
  organisationName: 'Kommunen',
  organisationDomains: ['kommun.example.se'],
  auth: { clientId: '11111111-2222-3333-4444-555555555555', authority: 'https://login.microsoftonline.com/tenant', scopes: ['api://11111111-2222-3333-4444-555555555555/access_as_user'] },
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

describe('auth', () => {
  it('asks Office whether NestedAppAuth 1.1 is supported', () => {
    expect(naaSupported(mockOffice(fixtureMails[0], { user: 'a@b.se', naa: true }).context.requirements)).toBe(true);
    expect(naaSupported(mockOffice(fixtureMails[0], { user: 'a@b.se', naa: false }).context.requirements)).toBe(false);
    expect(naaSupported(undefined)).toBe(false);
    expect(naaSupported({ isSetSupported: () => { throw new Error('unknown set'); } })).toBe(false);
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
    expect(msal.create).toHaveBeenCalledWith({ auth: { clientId: entra.auth!.clientId, authority: entra.auth!.authority } });
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
    expect(await signIn(entra, { isSetSupported: () => true }, msal.loader)).toEqual({ kind: 'failed', detail: 'Error: user_cancelled' });
  });
});
