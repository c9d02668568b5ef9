/**
 * infra/grant-site-access.mjs: the SharePoint site grant for the managed identity (no Bicep
 * resource exists for it), run as the administrator would, against the Graph double on 127.0.0.1.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { GraphDouble } from '../support/graph-double/graph-double';
import { ROOT } from './bicep-reader';

const run = promisify(execFile);
const SCRIPT = path.join(ROOT, 'infra', 'grant-site-access.mjs');
const IDENTITY = '2b7e4c1a-9d3f-4e55-8a21-6f0c3d9e7b14';
const SITE = 'https://contoso.sharepoint.com/sites/pui';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

describe('infra/grant-site-access.mjs', () => {
  let double: GraphDouble;
  let siteId: string;

  beforeEach(async () => {
    double = await GraphDouble.start();
    siteId = double.addSite('contoso.sharepoint.com', '/sites/pui');
  });
  afterEach(async () => {
    await double.close();
  });

  async function grant(args: string[], env: Record<string, string> = { GRAPH_TOKEN: 'admin-token' }): Promise<Outcome> {
    try {
      const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args], {
        env: { PATH: process.env.PATH ?? '', ...env, GRAPH_BASE_URL: double.url },
        timeout: 20_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  }

  it('grants the identity the role on the site, then changes nothing when run again', async () => {
    const first = await grant(['--site', SITE, '--client-id', IDENTITY, '--role', 'manage']);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain(`Granted manage on the site to ${IDENTITY}.`);
    expect(first.stdout).toContain(`Site id: ${siteId}`);
    const again = await grant(['--site', SITE, '--client-id', IDENTITY, '--role', 'manage']);
    expect(again.stdout).toContain('Nothing to change');
    expect(double.sitePermissions(siteId)).toEqual([
      expect.objectContaining({ roles: ['manage'], application: { id: IDENTITY, displayName: 'PUI Desk' } }),
    ]);
  });

  it('lowers manage to write after provisioning, on the same grant', async () => {
    await grant(['--site', SITE, '--client-id', IDENTITY, '--role', 'manage']);
    const [before] = double.sitePermissions(siteId);
    const lowered = await grant(['--site', SITE, '--client-id', IDENTITY]);
    expect(lowered.stdout).toContain(`Changed ${IDENTITY} from manage to write on the site.`);
    expect(double.sitePermissions(siteId)).toEqual([{ ...before, roles: ['write'] }]);
  });

  it("leaves other applications' grants alone", async () => {
    const other = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    await grant(['--site', SITE, '--client-id', other, '--role', 'read']);
    await grant(['--site', SITE, '--client-id', IDENTITY]);
    expect(double.sitePermissions(siteId).map((p) => [p.application.id, p.roles])).toEqual([
      [other, ['read']],
      [IDENTITY, ['write']],
    ]);
  });

  it("takes the administrator's token from `az account get-access-token`", async () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'pui-az-'));
    try {
      // A stand-in for the Azure CLI that answers the one call the script makes.
      writeFileSync(
        path.join(bin, 'az'),
        '#!/bin/sh\n[ "$1 $2" = "account get-access-token" ] && echo az-admin-token && exit 0\nexit 1\n',
      );
      chmodSync(path.join(bin, 'az'), 0o755);
      const done = await grant(['--site', SITE, '--client-id', IDENTITY], { PATH: `${bin}:${process.env.PATH ?? ''}` });
      expect(done.code).toBe(0);
      expect(double.lastBearerToken).toBe('az-admin-token');
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it.each([
    [['--site', SITE, '--client-id', 'not-a-guid'], '--client-id must be'],
    [['--client-id', IDENTITY], '--site is missing'],
    [['--site', SITE, '--client-id', IDENTITY, '--role', 'owner'], '--role must be one of'],
  ])('refuses %j with exit 2 and grants nothing', async (args, message) => {
    const outcome = await grant(args);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(message);
    expect(double.sitePermissions(siteId)).toEqual([]);
  });

  it('says which call Graph refused when the site does not exist', async () => {
    const outcome = await grant(['--site', 'https://contoso.sharepoint.com/sites/other', '--client-id', IDENTITY]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(
      'Graph answered 404 itemNotFound to GET /sites/contoso.sharepoint.com:/sites/other',
    );
  });
});
