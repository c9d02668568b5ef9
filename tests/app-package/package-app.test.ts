import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import {
  buildAppPackage,
  loadEnvironment,
  ManifestValidationError,
  MissingVariablesError,
  PackageError,
  parseEnvFile,
  substitute,
} from '../../scripts/app-package/package-app.mjs';
import { APP_PACKAGE_DIR, TEST_VALUES, envFileText } from './fixtures';
import { readPngHeader } from './png';

let work: string;
let envDir: string;
let outDir: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'pui-package-'));
  envDir = path.join(work, 'env');
  outDir = path.join(work, 'build');
  cpSync(path.join(APP_PACKAGE_DIR, '..', 'env'), envDir, { recursive: true });
  writeFileSync(path.join(envDir, '.env.test'), envFileText(TEST_VALUES));
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A copy of appPackage/ whose manifest.json is changed by `edit`. */
function appPackageWith(edit: (manifest: string) => string): string {
  const dir = path.join(work, 'appPackage');
  cpSync(APP_PACKAGE_DIR, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
  writeFileSync(path.join(dir, 'manifest.json'), edit(readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
  return dir;
}

describe('buildAppPackage', () => {
  it('writes appPackage.<env>.zip with the filled-in manifest, the icons and the English strings at the root', async () => {
    const built = await buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir, env: 'test', outDir });

    expect(built.zipPath).toBe(path.join(outDir, 'appPackage.test.zip'));
    const zip = await JSZip.loadAsync(readFileSync(built.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifestText = await zip.file('manifest.json')!.async('string');
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText);
    expect(manifest.id).toBe(TEST_VALUES.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(TEST_VALUES.BOT_ID);
    expect(manifest.extensions[0].runtimes[0].code.page).toBe('https://pui.kommun.example/outlook/?host=outlook');
    const english = JSON.parse(await zip.file('en-us.json')!.async('string'));
    expect(english['extensions[0].runtimes[0].code.page']).toBe(
      'https://pui.kommun.example/outlook/?host=outlook&lang=en',
    );
    expect(readPngHeader(await zip.file('color.png')!.async('nodebuffer'))).toMatchObject({ width: 192, height: 192 });
    expect(JSON.parse(readFileSync(built.manifestPath, 'utf8'))).toEqual(manifest);
  });

  it('gives the same bytes for the same inputs', async () => {
    const first = readFileSync(
      (await buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir, env: 'test', outDir })).zipPath,
    );
    const second = readFileSync(
      (await buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir, env: 'test', outDir: path.join(work, 'again') }))
        .zipPath,
    );
    expect(second.equals(first)).toBe(true);
  });

  it('names every missing variable and the env files to set them in, and writes nothing', async () => {
    const { BOT_ID: _bot, TEAMS_APP_ID: _app, ...rest } = TEST_VALUES;
    writeFileSync(path.join(envDir, '.env.test'), `${envFileText(rest)}\nTEAMS_APP_ID=\n`);

    const attempt = buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir, env: 'test', outDir });

    await expect(attempt).rejects.toThrow(MissingVariablesError);
    await expect(attempt).rejects.toThrow(
      /^Cannot package for env "test": these variables are not set: BOT_ID, TEAMS_APP_ID\. Set them in .*\.env\.test or .*\.env\.test\.user/,
    );
    await expect(attempt).rejects.toMatchObject({ names: ['BOT_ID', 'TEAMS_APP_ID'] });
    expect(existsSync(outDir)).toBe(false);
  });

  it('accepts an empty name suffix but not an empty id', async () => {
    writeFileSync(
      path.join(envDir, '.env.test'),
      envFileText({ ...TEST_VALUES, APP_NAME_SUFFIX: '', AAD_APP_CLIENT_ID: '' }),
    );
    await expect(
      buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir, env: 'test', outDir }),
    ).rejects.toMatchObject({ names: ['AAD_APP_CLIENT_ID'] });
  });

  it('takes secrets and overrides from the .user file and fills only empty values from the shell', async () => {
    writeFileSync(
      path.join(envDir, '.env.test'),
      envFileText({ ...TEST_VALUES, BOT_ID: '', APP_NAME_SUFFIX: ' (test)' }),
    );
    writeFileSync(path.join(envDir, '.env.test.user'), 'APP_NAME_SUFFIX=" (från user)"\n');
    const processEnv = { BOT_ID: '99999999-9999-4999-8999-999999999999', TAB_DOMAIN: 'annan.example' };

    const built = await buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir, env: 'test', outDir, processEnv });

    expect(built.manifest.name.short).toBe('PUI Desk (från user)');
    expect(built.manifest.bots[0].botId).toBe(processEnv.BOT_ID);
    expect(built.manifest.validDomains).toEqual(['pui.kommun.example']);
  });

  it('JSON-escapes values, so a quote in a name cannot break the manifest', async () => {
    writeFileSync(
      path.join(envDir, '.env.test'),
      envFileText({ ...TEST_VALUES, DEVELOPER_NAME: 'Kommun "Test" \\ AB' }),
    );
    const built = await buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir, env: 'test', outDir });
    expect(built.manifest.developer.name).toBe('Kommun "Test" \\ AB');
  });

  it('refuses a manifest that breaks the schema, naming the field', async () => {
    const appPackageDir = appPackageWith((m) =>
      m.replace(
        '"title": "Rapportera som incident"',
        '"title": "Rapportera ett meddelande som personuppgiftsincident"',
      ),
    );
    const attempt = buildAppPackage({ appPackageDir, envDir, env: 'test', outDir });
    await expect(attempt).rejects.toThrow(ManifestValidationError);
    await expect(attempt).rejects.toThrow(
      '/composeExtensions/0/commands/0/title must NOT have more than 32 characters',
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it('refuses a task pane outside validDomains', async () => {
    writeFileSync(
      path.join(envDir, '.env.test'),
      envFileText({ ...TEST_VALUES, TAB_ENDPOINT: 'https://elsewhere.example' }),
    );
    const attempt = buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir, env: 'test', outDir });
    await expect(attempt).rejects.toThrow(ManifestValidationError);
    await expect(attempt).rejects.toThrow(
      '/extensions/0/runtimes/0/code/page loads from elsewhere.example, which is not in validDomains',
    );
  });

  it('refuses an unknown environment and lists the ones there are', async () => {
    const attempt = buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir, env: 'staging', outDir });
    await expect(attempt).rejects.toThrow(PackageError);
    await expect(attempt).rejects.toThrow(
      /No environment file .*\.env\.staging\. Environments: dev, local, prod, test\./,
    );
  });
});

describe('parseEnvFile', () => {
  it('reads KEY=value lines with quotes, comments and export, and ignores the rest', () => {
    const text = [
      '# comment',
      'A=1',
      'export B="two words"',
      "C='it''s'",
      'D=x # inline',
      'E=',
      '  F = spaced ',
      'not a line',
    ].join('\n');
    expect(parseEnvFile(text)).toEqual({ A: '1', B: 'two words', C: "it''s", D: 'x', E: '', F: 'spaced' });
  });
});

describe('loadEnvironment', () => {
  it('refuses an environment name that could reach outside env/', () => {
    expect(() => loadEnvironment({ envDir, env: '../secrets' })).toThrow(PackageError);
  });
});

describe('substitute', () => {
  it('replaces placeholders with or without inner spaces and throws for an unknown name', () => {
    expect(substitute('{"a":"${{ X }}-${{Y}}"}', { X: '1', Y: '2' })).toBe('{"a":"1-2"}');
    expect(() => substitute('"${{NOPE}}"', {})).toThrow('No value for ${{NOPE}}.');
  });
});
