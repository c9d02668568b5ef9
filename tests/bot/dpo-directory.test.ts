import { dpoDirectory } from '../../bot/dpo-directory';
import { graphGroupMembership } from '../../bot/graph-group-membership';
import { createLogger } from '../../src/server/logger';

const logger = createLogger('silent');

describe('dpoDirectory', () => {
  it('makes everyone a DPO in the local profile', async () => {
    const directory = dpoDirectory({ profile: 'local', dpoUserIds: [], dpoGroupIds: [] }, logger);
    expect(await directory.isDpo('anyone')).toBe(true);
  });

  it('knows DPOs by Entra object id, and admins too', async () => {
    const directory = dpoDirectory({ profile: 'entra', dpoUserIds: ['aad-dana'], dpoGroupIds: [], adminUserIds: ['aad-admin'] }, logger);
    expect(await directory.isDpo('aad-dana')).toBe(true);
    expect(await directory.isDpo('aad-admin')).toBe(true);
    expect(await directory.isDpo('aad-erik')).toBe(false);
    expect(await directory.isDpo(undefined)).toBe(false);
  });

  it('knows DPOs by group, asking once per five minutes per person', async () => {
    const asked: string[] = [];
    let now = 0;
    const directory = dpoDirectory(
      { profile: 'entra', dpoUserIds: [], dpoGroupIds: ['group-dpo'] },
      logger,
      async (user, groups) => {
        asked.push(user);
        return user === 'aad-dana' ? [...groups] : [];
      },
      () => now,
    );
    expect(await directory.isDpo('aad-dana')).toBe(true);
    expect(await directory.isDpo('aad-dana')).toBe(true);
    expect(await directory.isDpo('aad-erik')).toBe(false);
    expect(asked).toEqual(['aad-dana', 'aad-erik']);
    now += 5 * 60_000 + 1;
    await directory.isDpo('aad-dana');
    expect(asked).toEqual(['aad-dana', 'aad-erik', 'aad-dana']);
  });

  it('refuses when the group lookup fails', async () => {
    const directory = dpoDirectory({ profile: 'entra', dpoUserIds: [], dpoGroupIds: ['group-dpo'] }, logger, async () => {
      throw new Error('Graph is down');
    });
    expect(await directory.isDpo('aad-dana')).toBe(false);
  });
});

describe('graphGroupMembership', () => {
  it('asks Graph checkMemberGroups with the app token', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ value: ['group-dpo'] }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    const membership = graphGroupMembership(
      { tenantId: 't', clientId: 'c', clientSecret: 's', graphBaseUrl: 'https://graph.example.test' },
      fakeFetch,
      { getToken: async () => ({ token: 'app-token', expiresOnTimestamp: Date.now() + 3600_000 }) },
    );
    expect(await membership('aad-dana', ['group-dpo', 'group-other'])).toEqual(['group-dpo']);
    expect(calls[0].url).toBe('https://graph.example.test/v1.0/users/aad-dana/checkMemberGroups');
    expect(calls[0].init.headers).toMatchObject({ authorization: 'Bearer app-token' });
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ groupIds: ['group-dpo', 'group-other'] });
  });

  it('fails on a Graph error rather than guessing', async () => {
    const fakeFetch = (async () => new Response('{}', { status: 403 })) as unknown as typeof fetch;
    const membership = graphGroupMembership({ tenantId: 't', clientId: 'c', clientSecret: 's' }, fakeFetch, { getToken: async () => ({ token: 'x', expiresOnTimestamp: 0 }) });
    await expect(membership('aad-dana', ['g'])).rejects.toThrow('HTTP 403');
  });
});
