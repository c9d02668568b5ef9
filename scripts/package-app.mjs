// `npm run package -- --env <name>`: builds appPackage/build/appPackage.<name>.zip from
// appPackage/manifest.json and env/.env.<name> (+ env/.env.<name>.user). See docs/app-package.md.
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppPackage, defaultSchemaRoot, PackageError } from './app-package/package-app.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const usage =
  'Usage: npm run package -- --env <name>   (reads env/.env.<name>, writes appPackage/build/appPackage.<name>.zip)';

function envArgument(argv) {
  const i = argv.findIndex((a) => a === '--env' || a.startsWith('--env='));
  if (i < 0) return undefined;
  return argv[i].startsWith('--env=') ? argv[i].slice('--env='.length) : argv[i + 1];
}

const env = envArgument(process.argv.slice(2));
if (!env) {
  console.error(usage);
  process.exit(2);
}

try {
  const built = await buildAppPackage({
    appPackageDir: join(root, 'appPackage'),
    envDir: join(root, 'env'),
    env,
    schemaRoot: defaultSchemaRoot(root),
    processEnv: process.env,
  });
  console.log(`${relative(process.cwd(), built.zipPath)}: ${built.entries.join(', ')}`);
  console.log(`Resolved manifest for review: ${relative(process.cwd(), built.manifestPath)}`);
} catch (error) {
  if (!(error instanceof PackageError)) throw error;
  console.error(error.message);
  process.exit(1);
}
