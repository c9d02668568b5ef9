import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { TeamsManifestV1D24 } from '@microsoft/app-manifest';
import { parseCommand } from '../../bot/commands';
import { REPORT_MESSAGE_COMMAND } from '../../bot/handlers/message-action';
import {
  consistencyErrors,
  defaultSchemaRoot,
  placeholdersIn,
  substitute,
  valueAtKey,
} from '../../scripts/app-package/package-app.mjs';
import { APP_PACKAGE_DIR, ROOT, TEST_VALUES, repoFile } from './fixtures';
import { decodeRgba, readPngHeader } from './png';

type Manifest = TeamsManifestV1D24.TeamsManifestV1D24;

const SCHEMA_DIR = path.join(defaultSchemaRoot(ROOT), 'v1.24');

/** An ajv-draft-04 validator for a schema file shipped in @microsoft/app-manifest (the schemas reference no other files). */
function validatorFor(file: string) {
  // Some patterns in the localisation schema are only valid without the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')));
  return (json: unknown): string[] =>
    validate(json) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

function resolved<T>(file: string, values: Record<string, string> = TEST_VALUES): T {
  return JSON.parse(substitute(repoFile(file), values)) as T;
}

const manifest = resolved<Manifest>('appPackage/manifest.json');
const english = resolved<Record<string, string>>('appPackage/en-us.json');
const validateManifest = validatorFor('MicrosoftTeams.schema.json');
const validateLocalization = validatorFor('MicrosoftTeams.Localization.schema.json');

describe('appPackage/manifest.json', () => {
  it('validates against the v1.24 schema shipped in @microsoft/app-manifest when the placeholders are filled in', () => {
    expect(manifest.manifestVersion).toBe('1.24');
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json',
    );
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('is checked by a validator that does reject a broken manifest', () => {
    const broken = structuredClone(manifest);
    broken.composeExtensions![0].commands![0].title = 'Rapportera som personuppgiftsincident'; // 37 characters, the limit is 32
    delete (broken as Partial<Manifest>).accentColor;
    const errors = validateManifest(broken);
    expect(errors).toContain('/composeExtensions/0/commands/0/title must NOT have more than 32 characters');
    expect(errors.some((e) => e.includes("must have required property 'accentColor'"))).toBe(true);
  });

  it('uses only placeholders from the Agents Toolkit convention and leaves none unresolved', () => {
    expect(placeholdersIn(repoFile('appPackage/manifest.json')).sort()).toEqual([
      'AAD_APP_CLIENT_ID',
      'APP_NAME_SUFFIX',
      'BOT_ID',
      'DEVELOPER_NAME',
      'DEVELOPER_WEBSITE_URL',
      'PRIVACY_URL',
      'TAB_DOMAIN',
      'TAB_ENDPOINT',
      'TEAMS_APP_ID',
      'TERMS_OF_USE_URL',
    ]);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(TEST_VALUES.TEAMS_APP_ID);
  });

  it('passes the checks beyond the schema (valid domains, one bot, SSO resource, ribbon actions, English keys)', () => {
    expect(consistencyErrors(manifest, { 'en-us.json': english })).toEqual([]);
  });

  it('has the personal tabs for reporting, my reports and the DPO board, in Swedish', () => {
    const tabs = (manifest.staticTabs ?? []).filter((t) => t.contentUrl);
    expect(tabs.map((t) => [t.entityId, t.name, t.contentUrl, t.scopes])).toEqual([
      ['report', 'Rapportera', 'https://pui.kommun.example/tab/#/report', ['personal']],
      ['mine', 'Mina rapporter', 'https://pui.kommun.example/tab/#/mine', ['personal']],
      ['board', 'DPO-tavlan', 'https://pui.kommun.example/tab/#/board', ['personal']],
    ]);
    expect(manifest.staticTabs?.some((t) => t.entityId === 'conversations')).toBe(true);
  });

  it('has the bot in personal chats, teams and group chats, with commands the bot understands', () => {
    const [bot] = manifest.bots ?? [];
    expect(bot.botId).toBe(TEST_VALUES.BOT_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = (scope: string) =>
      bot.commandLists?.find((l) => l.scopes.includes(scope as never))?.commands.map((c) => c.title);
    expect(titles('personal')).toEqual(['rapportera', 'mina', 'hjälp']);
    expect(titles('team')).toEqual(['ställ in dpo-kanal', 'hjälp']);
    expect(titles('groupChat')).toEqual(['hjälp']);
    const commands = bot.commandLists!.flatMap((l) => l.commands);
    expect(commands.map((c) => parseCommand(c.title))).toEqual([
      'report',
      'mine',
      'help',
      'set-dpo-channel',
      'help',
      'help',
    ]);
  });

  it('has the bot-based message extension action on messages that opens a dialog from the bot', () => {
    const [extension] = manifest.composeExtensions ?? [];
    expect(extension.botId).toBe(manifest.bots?.[0].botId);
    expect(extension.composeExtensionType).toBe('botBased');
    const [command] = extension.commands ?? [];
    expect(command).toMatchObject({
      id: REPORT_MESSAGE_COMMAND,
      type: 'action',
      context: ['message'],
      fetchTask: true,
      title: 'Rapportera som incident',
    });
  });

  it('has the Outlook add-in: a read-mail ribbon button that opens the task pane, Mailbox 1.3, read-item permission', () => {
    const [extension] = manifest.extensions ?? [];
    expect(extension.requirements).toEqual({
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: '1.3' }],
    });
    const [ribbon] = extension.ribbons ?? [];
    expect(ribbon.contexts).toEqual(['mailRead']);
    const control = ribbon.tabs[0].groups?.[0].controls?.[0];
    expect(control).toMatchObject({ type: 'button', label: 'Rapportera incident' });
    const action = extension.runtimes
      ?.flatMap((r) => (r.actions ?? []).map((a) => ({ ...a, page: r.code.page })))
      .find((a) => a.id === control?.actionId);
    expect(action).toMatchObject({ type: 'openPage', page: 'https://pui.kommun.example/outlook/?host=outlook' });
    expect(control?.icons?.map((i) => [i.size, i.url])).toEqual(
      [16, 32, 80].map((size) => [size, `https://pui.kommun.example/outlook/assets/icon-${size}.png`]),
    );
    expect(manifest.authorization?.permissions?.resourceSpecific).toEqual([
      { name: 'MailboxItem.Read.User', type: 'Delegated' },
    ]);
  });

  it('has the Smart Alerts event runtime: OnMessageSend (messageSending) runs the send check with promptUser, Mailbox 1.12', () => {
    const [extension] = manifest.extensions ?? [];
    const runtime = extension.runtimes?.find((r) => r.actions?.some((a) => a.id === 'onMessageSendHandler'));
    expect(runtime).toMatchObject({
      requirements: { capabilities: [{ name: 'Mailbox', minVersion: '1.12' }] },
      code: {
        page: 'https://pui.kommun.example/outlook/send-check.html',
        script: 'https://pui.kommun.example/outlook/send-check.js',
      },
      lifetime: 'short',
    });
    expect(runtime?.actions).toEqual([
      { id: 'onMessageSendHandler', type: 'executeFunction', displayName: 'onMessageSendHandler' },
    ]);
    expect(extension.autoRunEvents).toEqual([
      {
        requirements: { capabilities: [{ name: 'Mailbox', minVersion: '1.12' }] },
        events: [{ type: 'messageSending', actionId: 'onMessageSendHandler', options: { sendMode: 'promptUser' } }],
      },
    ]);
    // The id the event script registers with Office.actions.associate.
    expect(repoFile('src/outlook/on-send-entry.ts')).toContain("ON_MESSAGE_SEND_ACTION = 'onMessageSendHandler'");
  });

  it('names the sign-in registration for Teams SSO and lists the server in validDomains', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: TEST_VALUES.AAD_APP_CLIENT_ID,
      resource: `api://pui.kommun.example/${TEST_VALUES.AAD_APP_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual(['pui.kommun.example']);
  });
});

describe('appPackage/en-us.json', () => {
  it('validates against the v1.24 localisation schema and every key names a string of the manifest', () => {
    expect(validateLocalization(english)).toEqual([]);
    const keys = Object.keys(english).filter((k) => k !== '$schema' && !/^(name|description)\./.test(k));
    expect(keys.filter((k) => typeof valueAtKey(manifest, k) !== 'string')).toEqual([]);
  });

  it('gives English commands the bot understands and the English task pane', () => {
    expect(english['bots[0].commandLists[0].commands[0].title']).toBe('report');
    const titles = Object.entries(english)
      .filter(([k]) => /^bots\[0\].*\.title$/.test(k))
      .map(([, v]) => parseCommand(v));
    expect(titles).toEqual(['report', 'mine', 'help', 'set-dpo-channel', 'help', 'help']);
    expect(english['extensions[0].runtimes[0].code.page']).toBe(
      'https://pui.kommun.example/outlook/?host=outlook&lang=en',
    );
  });
});

describe('app icons', () => {
  const png = (file: string) => readFileSync(path.join(APP_PACKAGE_DIR, file));

  it('has a 192×192 colour icon and a 32×32 outline icon, as the manifest names them', () => {
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(readPngHeader(png('color.png'))).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(png('outline.png'))).toMatchObject({ width: 32, height: 32 });
  });

  it('draws the outline icon in white on transparent, and the colour icon opaque', () => {
    const outline = decodeRgba(png('outline.png'));
    const pixels = Array.from({ length: outline.width * outline.height }, (_, i) =>
      outline.rgba.subarray(i * 4, i * 4 + 4),
    );
    expect(pixels.filter(([r, g, b]) => r !== 255 || g !== 255 || b !== 255)).toHaveLength(0);
    expect(pixels.some(([, , , a]) => a === 0)).toBe(true);
    expect(pixels.some(([, , , a]) => a === 255)).toBe(true);
    const color = decodeRgba(png('color.png'));
    expect(color.rgba.filter((_, i) => i % 4 === 3 && color.rgba[i] !== 255)).toHaveLength(0);
  });

  it('has the ribbon icons in the three sizes the manifest asks for', () => {
    for (const size of [16, 32, 80]) {
      expect(readPngHeader(png(`outlook-assets/icon-${size}.png`))).toMatchObject({
        width: size,
        height: size,
        colorType: 6,
      });
    }
  });
});

describe('aad.manifest.json', () => {
  const aad = resolved<{
    identifierUris: string[];
    accessTokenAcceptedVersion: number;
    signInAudience: string;
    oauth2Permissions: { value: string; id: string }[];
    appRoles: { value: string; allowedMemberTypes: string[] }[];
    preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
    replyUrlsWithType: { url: string; type: string }[];
  }>('aad.manifest.json');

  it('exposes the resource the app manifest names for SSO and the scope the pages ask for', () => {
    expect(aad.identifierUris).toContain(manifest.webApplicationInfo?.resource);
    expect(aad.identifierUris).toContain(`api://${TEST_VALUES.AAD_APP_CLIENT_ID}`);
    expect(aad.oauth2Permissions).toEqual([
      expect.objectContaining({ value: 'access_as_user', id: TEST_VALUES.AAD_APP_ACCESS_AS_USER_PERMISSION_ID }),
    ]);
    expect(aad.accessTokenAcceptedVersion).toBe(2);
    expect(aad.signInAudience).toBe('AzureADMyOrg');
  });

  it('defines the app roles the server maps to DPO and admin', () => {
    expect(aad.appRoles.map((r) => [r.value, r.allowedMemberTypes])).toEqual([
      ['DPO', ['User']],
      ['Admin', ['User']],
    ]);
  });

  it('pre-authorises the Teams and Office clients and has the nested app authentication redirect', () => {
    const clients = aad.preAuthorizedApplications.map((a) => a.appId);
    expect(clients).toEqual(
      expect.arrayContaining([
        '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
        '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
        'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
      ]),
    );
    expect(
      aad.preAuthorizedApplications.every(
        (a) => a.permissionIds.join() === TEST_VALUES.AAD_APP_ACCESS_AS_USER_PERMISSION_ID,
      ),
    ).toBe(true);
    expect(aad.replyUrlsWithType).toEqual([{ url: 'brk-multihub://pui.kommun.example', type: 'Spa' }]);
  });
});

describe('teamsapp.yml and teamsapp.local.yml', () => {
  /** Names an Agents Toolkit project file writes: writeToEnvironmentFile values and createOrUpdateEnvironmentFile keys. */
  function writtenBy(yml: string): Set<string> {
    const outputs = [...yml.matchAll(/^\s+[A-Za-z]+:\s+([A-Z][A-Z0-9_]*)\s*$/gm)].map((m) => m[1]);
    const envKeys = [...yml.matchAll(/^\s+([A-Z][A-Z0-9_]*):\s+\S/gm)].map((m) => m[1]);
    return new Set([...outputs, ...envKeys]);
  }

  /** Names an env file sets or documents (`NAME=` or `# NAME=`). */
  function documentedIn(envFile: string): Set<string> {
    return new Set([...envFile.matchAll(/^(?:#\s*)?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
  }

  it.each([
    ['teamsapp.yml', '.env.prod'],
    ['teamsapp.yml', '.env.dev'],
    ['teamsapp.local.yml', '.env.local'],
  ])(
    '%s provisions in order and every variable it and the manifests use is in env/%s or written by it',
    (ymlFile, envFile) => {
      const yml = repoFile(ymlFile);
      const actions = [...yml.matchAll(/^\s+- uses: (\S+)/gm)].map((m) => m[1]);
      const local = ymlFile === 'teamsapp.local.yml';
      // Remote environments: the Azure resources (with the bot on the managed identity) before the
      // sign-in app's update, which needs the web app's host name. Local: the bot's own registration.
      expect(actions.slice(0, 5)).toEqual(
        local
          ? ['teamsApp/create', 'aadApp/create', 'aadApp/update', 'botAadApp/create', 'botFramework/create']
          : ['teamsApp/create', 'aadApp/create', 'arm/deploy', 'aadApp/update', 'file/createOrUpdateEnvironmentFile'],
      );
      expect(actions).toEqual(
        expect.arrayContaining(['teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/update']),
      );
      expect(actions.indexOf('teamsApp/zipAppPackage')).toBeLessThan(actions.indexOf('teamsApp/update'));
      const infraOutputs = local
        ? []
        : [...repoFile('infra/azure.bicep').matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]);
      const known = new Set([...documentedIn(repoFile('env', envFile)), ...writtenBy(yml), ...infraOutputs]);
      const used = [ymlFile, 'aad.manifest.json', 'appPackage/manifest.json', 'appPackage/en-us.json'].flatMap((f) =>
        placeholdersIn(repoFile(f)),
      );
      expect([...new Set(used)].filter((name) => !known.has(name))).toEqual([]);
      if (local) expect(yml).toContain('messagingEndpoint: ${{TAB_ENDPOINT}}/api/messages');
    },
  );

  it('teamsapp.yml deploys to Azure with no secret: arm/deploy of infra/, zipDeploy with .webappignore', () => {
    const yml = repoFile('teamsapp.yml');
    expect(yml).toMatch(
      /- uses: arm\/deploy[\s\S]*?- path: \.\/infra\/azure\.bicep\s+parameters: \.\/infra\/azure\.parameters\.json/,
    );
    const deploy = yml.slice(yml.indexOf('\ndeploy:'), yml.indexOf('\npublish:'));
    expect(deploy).toMatch(
      /- uses: azureAppService\/zipDeploy\s+with:\s+artifactFolder: \.\s+ignoreFile: \.\/\.webappignore\s+resourceId: \$\{\{BOT_AZURE_APP_SERVICE_RESOURCE_ID\}\}/,
    );
    // No bot app registration with a client secret, and no secret written anywhere.
    expect(yml).not.toContain('botAadApp/create');
    expect(yml).not.toMatch(/SECRET_|clientSecret|botPassword/);
  });
});
