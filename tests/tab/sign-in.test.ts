import { signInMethod, teamsTokenSource, type NaaSettings, type TeamsAuth } from '../../src/tab/host/sign-in';

const naa: NaaSettings = { clientId: 'client-1', authority: 'https://login.microsoftonline.com/tenant-1', scopes: ['api://client-1/access_as_user'] };

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
    const token = teamsTokenSource({ teams: host, naa, createNaa: jest.fn().mockResolvedValue({ acquireToken: jest.fn().mockRejectedValue(failure) }), warn });
    expect(await token()).toBe('sso-token');
    expect(warn).toHaveBeenCalledWith('Nested app authentication failed; falling back to Teams SSO.', failure);
  });
});
