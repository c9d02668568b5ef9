// Builds the app package for one environment: reads env/.env.<env> (+ .user), substitutes every
// ${{VAR}} placeholder in the manifest and its localisation files, validates them offline against
// the schemas shipped in @microsoft/app-manifest, and zips manifest + icons + localisation files.
// The same placeholder convention as the Microsoft 365 Agents Toolkit, so `atk provision`
// and `npm run package` read the same env files. Types: ./package-app.d.mts.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';

/** Variables that may be empty: the name suffix is empty in production. */
export const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
// Fixed entry dates make the zip reproducible: the same inputs give the same bytes.
const ZIP_DATE = new Date(Date.UTC(2020, 0, 1));

/** A packaging problem a person can fix; the message says what and where. */
export class PackageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PackageError';
  }
}

/** One or more `${{VAR}}` placeholders have no value. */
export class MissingVariablesError extends PackageError {
  constructor(env, names, envFiles) {
    const where = envFiles.map((f) => f.replace(/\\/g, '/')).join(' or ');
    super(
      `Cannot package for env "${env}": ${names.length === 1 ? 'this variable is' : 'these variables are'} not set: ${names.join(', ')}. ` +
        `Set ${names.length === 1 ? 'it' : 'them'} in ${where} (secrets, named SECRET_*, in the .user file), ` +
        `or run \`atk provision --env ${env}\`, which writes the ids it creates.`,
    );
    this.name = 'MissingVariablesError';
    this.env = env;
    this.names = names;
  }
}

/** The manifest or a localisation file breaks the schema or a rule Teams checks on upload. */
export class ManifestValidationError extends PackageError {
  constructor(file, errors) {
    super(`${file} is not valid:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'ManifestValidationError';
    this.file = file;
    this.errors = errors;
  }
}

/** Parses a dotenv file: KEY=value lines, `#` comments, optional single or double quotes. */
export function parseEnvFile(text) {
  const values = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2];
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) {
      // Double quotes take the escapes \n, \" and \\; single quotes take the text as it is.
      value = quoted[1] === '"' ? quoted[2].replace(/\\(["\\n])/g, (_m, c) => (c === 'n' ? '\n' : c)) : quoted[2];
    } else {
      // An unquoted value ends at ` #` (an inline comment).
      value = value.replace(/\s+#.*$/, '').trim();
    }
    values[match[1]] = value;
  }
  return values;
}

/**
 * The variables of an environment: `.env.<env>`, overridden by `.env.<env>.user`; `processEnv`
 * only fills names the files leave undefined or empty (so a CI job can pass ids and secrets
 * without a .user file, and a stray shell variable never overrides a file).
 */
export function loadEnvironment({ envDir, env, processEnv = {} }) {
  if (!ENV_NAME.test(env)) throw new PackageError(`"${env}" is not an environment name (letters, digits, - and _).`);
  const main = join(envDir, `.env.${env}`);
  if (!existsSync(main)) {
    const known = existsSync(envDir)
      ? readdirSync(envDir, { withFileTypes: true })
          .filter((d) => d.isFile() && /^\.env\.[A-Za-z0-9_-]+$/.test(d.name))
          .map((d) => d.name.slice('.env.'.length))
          .sort()
      : [];
    throw new PackageError(`No environment file ${main}. Environments: ${known.length ? known.join(', ') : 'none'}.`);
  }
  const user = join(envDir, `.env.${env}.user`);
  const files = [main, ...(existsSync(user) ? [user] : [])];
  const values = {};
  for (const file of files) Object.assign(values, parseEnvFile(readFileSync(file, 'utf8')));
  for (const [name, value] of Object.entries(processEnv)) {
    if ((values[name] === undefined || values[name] === '') && value !== undefined) values[name] = value;
  }
  return { values, files, userFile: user };
}

/** The placeholder names in a text, each once, in order of appearance. */
export function placeholdersIn(text) {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** The names a text needs that `values` does not give (empty counts as missing, except MAY_BE_EMPTY). */
export function missingVariables(text, values) {
  return placeholdersIn(text).filter(
    (name) => values[name] === undefined || (values[name] === '' && !MAY_BE_EMPTY.has(name)),
  );
}

/**
 * Replaces every `${{VAR}}` in a JSON text; values are JSON-string-escaped, so a value can never
 * break out of the string it sits in. Call missingVariables first: unknown names throw.
 */
export function substitute(text, values) {
  return text.replace(PLACEHOLDER, (_whole, name) => {
    const value = values[name];
    if (value === undefined) throw new PackageError(`No value for \${{${name}}}.`);
    return JSON.stringify(String(value)).slice(1, -1);
  });
}

/** The folder of the Teams JSON schemas inside @microsoft/app-manifest, resolved from `fromDir`. */
export function defaultSchemaRoot(fromDir = process.cwd()) {
  const require = createRequire(join(resolve(fromDir), 'noop.js'));
  return join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
}

const validators = new Map();

function compiled(schemaFile) {
  let validate = validators.get(schemaFile);
  if (!validate) {
    // The Teams schemas are draft-04. Some of their patterns (`\[\b(...)\b]` in the localisation
    // schema) are only valid without the `u` flag, hence unicodeRegExp: false.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    validators.set(schemaFile, validate);
  }
  return validate;
}

function schemaFileFor(schemaRoot, manifestVersion, kind) {
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  const file = join(
    schemaRoot,
    folder,
    kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json',
  );
  if (!existsSync(file))
    throw new PackageError(`No ${kind} schema for manifestVersion "${manifestVersion}" in ${schemaRoot}.`);
  return file;
}

function schemaErrors(validate, json) {
  if (validate(json)) return [];
  return (validate.errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}

/** Schema errors of a manifest (empty when valid), against the schema of its manifestVersion. */
export function validateManifestSchema(manifest, schemaRoot = defaultSchemaRoot()) {
  if (typeof manifest?.manifestVersion !== 'string') return ['/manifestVersion is missing'];
  return schemaErrors(compiled(schemaFileFor(schemaRoot, manifest.manifestVersion, 'manifest')), manifest);
}

/** Schema errors of a localisation file, against the localisation schema of the manifest's version. */
export function validateLocalizationSchema(localization, manifestVersion, schemaRoot = defaultSchemaRoot()) {
  return schemaErrors(compiled(schemaFileFor(schemaRoot, manifestVersion, 'localization')), localization);
}

function hostOf(url) {
  return typeof url === 'string' && URL.canParse(url) ? new URL(url).host.toLowerCase() : undefined;
}

function domainAllowed(host, validDomains) {
  return validDomains.some((pattern) => {
    const p = pattern.toLowerCase();
    return p.startsWith('*.') ? host.endsWith(p.slice(1)) && host !== p.slice(2) : host === p;
  });
}

/** The value at a localisation key such as `bots[0].commandLists[1].commands[0].title`, or undefined. */
export function valueAtKey(manifest, key) {
  let node = manifest;
  for (const part of key.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[/^\d+$/.test(part) ? Number(part) : part];
  }
  return node;
}

/**
 * Rules the schema cannot express but Teams and Outlook enforce: pages load only from validDomains,
 * the message extension and the bot are one registration, SSO's resource names the tab's domain,
 * ribbon buttons point at actions that exist, and localisation keys name real manifest strings.
 */
export function consistencyErrors(manifest, localizations = {}) {
  const errors = [];
  const folder = manifest.manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifest.manifestVersion}`;
  if (manifest.$schema && !manifest.$schema.includes(`/${folder}/`))
    errors.push(`/$schema names another version than manifestVersion ${manifest.manifestVersion}`);
  const validDomains = manifest.validDomains ?? [];
  const pages = [
    ...(manifest.staticTabs ?? []).flatMap((t, i) => [
      [`/staticTabs/${i}/contentUrl`, t.contentUrl],
      [`/staticTabs/${i}/websiteUrl`, t.websiteUrl],
    ]),
    ...(manifest.extensions ?? []).flatMap((x, i) =>
      (x.runtimes ?? []).map((r, j) => [`/extensions/${i}/runtimes/${j}/code/page`, r.code?.page]),
    ),
  ].filter(([, url]) => url !== undefined);
  for (const [path, url] of pages) {
    const host = hostOf(url);
    if (!host) errors.push(`${path} is not a URL: ${url}`);
    else if (!url.startsWith('https://')) errors.push(`${path} must be https: ${url}`);
    else if (!domainAllowed(host, validDomains))
      errors.push(`${path} loads from ${host}, which is not in validDomains`);
  }
  const botIds = new Set((manifest.bots ?? []).map((b) => b.botId));
  (manifest.composeExtensions ?? []).forEach((c, i) => {
    if (c.composeExtensionType !== 'apiBased' && !botIds.has(c.botId))
      errors.push(`/composeExtensions/${i}/botId is not the botId of a bot in this manifest`);
  });
  const info = manifest.webApplicationInfo;
  if (info?.resource && !info.resource.endsWith(`/${info.id}`))
    errors.push('/webApplicationInfo/resource must end with the application id (api://<domain>/<id>)');
  if (info?.resource) {
    const ssoHost = /^api:\/\/([^/]+)\//.exec(info.resource)?.[1]?.toLowerCase();
    if (ssoHost && !domainAllowed(ssoHost, validDomains))
      errors.push(`/webApplicationInfo/resource names ${ssoHost}, which is not in validDomains`);
  }
  (manifest.extensions ?? []).forEach((x, i) => {
    const actions = new Set((x.runtimes ?? []).flatMap((r) => (r.actions ?? []).map((a) => a.id)));
    (x.ribbons ?? []).forEach((ribbon, r) =>
      (ribbon.tabs ?? []).forEach((tab, t) =>
        (tab.groups ?? []).forEach((group, g) =>
          (group.controls ?? []).forEach((control, c) => {
            if (control.actionId && !actions.has(control.actionId)) {
              errors.push(
                `/extensions/${i}/ribbons/${r}/tabs/${t}/groups/${g}/controls/${c}/actionId "${control.actionId}" is no runtime action`,
              );
            }
          }),
        ),
      ),
    );
  });
  for (const [file, strings] of Object.entries(localizations)) {
    for (const key of Object.keys(strings)) {
      if (key === '$schema' || key === 'localizationKeys' || /^(name|description)\.(short|full)$/.test(key)) continue;
      if (typeof valueAtKey(manifest, key) !== 'string')
        errors.push(`${file}: "${key}" names no string in the manifest`);
    }
  }
  return errors;
}

function readJson(file, text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PackageError(`${file} is not valid JSON: ${error.message}`);
  }
}

/**
 * Builds `<outDir>/appPackage.<env>.zip` (and `manifest.<env>.json`, the resolved manifest, for review).
 * Throws MissingVariablesError, ManifestValidationError or PackageError; writes nothing then.
 */
export async function buildAppPackage({
  appPackageDir,
  envDir,
  env,
  outDir = join(appPackageDir, 'build'),
  schemaRoot,
  processEnv = {},
}) {
  const root = resolve(appPackageDir);
  const { values, files: envFiles, userFile } = loadEnvironment({ envDir, env, processEnv });
  const manifestFile = join(root, 'manifest.json');
  if (!existsSync(manifestFile)) throw new PackageError(`No manifest at ${manifestFile}.`);
  const manifestText = readFileSync(manifestFile, 'utf8');
  const template = readJson(manifestFile, manifestText);
  const localizationFiles = [
    ...(template.localizationInfo?.defaultLanguageFile ? [template.localizationInfo.defaultLanguageFile] : []),
    ...(template.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ];
  const texts = { 'manifest.json': manifestText };
  for (const file of localizationFiles) {
    const path = join(root, file);
    if (!existsSync(path))
      throw new PackageError(`The manifest's localizationInfo names ${file}, which is not in ${root}.`);
    texts[file] = readFileSync(path, 'utf8');
  }
  const missing = [...new Set(Object.values(texts).flatMap((text) => missingVariables(text, values)))].sort();
  if (missing.length)
    throw new MissingVariablesError(
      env,
      missing,
      [envFiles[0], userFile].map((f) => relative(process.cwd(), f) || f),
    );

  const manifest = readJson(manifestFile, substitute(manifestText, values));
  const localizations = Object.fromEntries(
    localizationFiles.map((file) => [file, readJson(file, substitute(texts[file], values))]),
  );
  const schemas = schemaRoot ?? defaultSchemaRoot();
  const manifestErrors = [...validateManifestSchema(manifest, schemas), ...consistencyErrors(manifest, localizations)];
  if (manifestErrors.length) throw new ManifestValidationError(`manifest.json (env ${env})`, manifestErrors);
  for (const [file, strings] of Object.entries(localizations)) {
    const errors = validateLocalizationSchema(strings, manifest.manifestVersion, schemas);
    if (errors.length) throw new ManifestValidationError(`${file} (env ${env})`, errors);
  }

  const icons = [
    manifest.icons.color,
    manifest.icons.outline,
    ...(manifest.icons.color32x32 ? [manifest.icons.color32x32] : []),
  ];
  const zip = new JSZip();
  const entries = [];
  const add = (name, data) => {
    if (basename(name) !== name)
      throw new PackageError(
        `${name}: the package keeps every file at the zip's root; name the file without a folder.`,
      );
    zip.file(name, data, { date: ZIP_DATE, createFolders: false });
    entries.push(name);
  };
  add('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const icon of icons) {
    const path = join(root, icon);
    if (!existsSync(path)) throw new PackageError(`The manifest's icons name ${icon}, which is not in ${root}.`);
    add(icon, readFileSync(path));
  }
  for (const [file, strings] of Object.entries(localizations)) add(file, `${JSON.stringify(strings, null, 2)}\n`);

  const bytes = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'UNIX',
  });
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${env}.zip`);
  const manifestPreview = join(outDir, `manifest.${env}.json`);
  writeFileSync(zipPath, bytes);
  writeFileSync(manifestPreview, `${JSON.stringify(manifest, null, 2)}\n`);
  return { zipPath, manifestPath: manifestPreview, entries, manifest, envFiles };
}
