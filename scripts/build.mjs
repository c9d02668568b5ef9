// Builds the server, bot and CLI (tsc) into dist/, then runs every scripts/build-*.mjs
// (the browser bundles of the tab and the Outlook add-in).
// `--server-only` compiles the TypeScript alone and leaves the bundles as they are (the CLIs use it,
// so running one beside `npm start` never removes the pages the server is serving).
// Progress goes to stderr, so a CLI's own output on stdout stays clean.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';

const serverOnly = process.argv.includes('--server-only');
const toStderr = { stdio: ['ignore', process.stderr, process.stderr] };

if (!serverOnly) rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], toStderr);
if (!serverOnly) {
  for (const file of readdirSync('scripts').filter((f) => /^build-.+\.mjs$/.test(f)).sort()) {
    execFileSync(process.execPath, [`scripts/${file}`], toStderr);
  }
}
