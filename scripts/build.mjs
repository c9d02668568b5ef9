// Builds the server, bot and CLI (tsc) into dist/, then runs every scripts/build-*.mjs
// (the browser bundles of the tab and the Outlook add-in).
// `--server-only` compiles the TypeScript alone and leaves the bundles as they are (the CLIs use it,
// so running one beside `npm start` never removes the pages the server is serving).
// `--outdir <dir>` builds into <dir> instead of dist/, laid out the same way: <dir>/src, <dir>/tab,
// <dir>/outlook, <dir>/outlook.meta.json (the `npm start` end-to-end test builds into a temporary
// folder, so a parallel run never replaces the dist/ another one is serving).
// Progress goes to stderr, so a CLI's own output on stdout stays clean.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const serverOnly = process.argv.includes('--server-only');
const at = process.argv.indexOf('--outdir');
if (at > 0 && !process.argv[at + 1]) {
  process.stderr.write('build: --outdir needs a folder, e.g. --outdir /tmp/pui-build/dist\n');
  process.exit(2);
}
const outdir = at > 0 ? path.resolve(process.argv[at + 1]) : undefined;
const toStderr = { stdio: ['ignore', process.stderr, process.stderr] };

if (!serverOnly) rmSync(outdir ?? 'dist', { recursive: true, force: true });
execFileSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', ...(outdir ? ['--outDir', outdir] : [])],
  toStderr,
);
if (!serverOnly) {
  for (const file of readdirSync('scripts')
    .filter((f) => /^build-.+\.mjs$/.test(f))
    .sort()) {
    // Each build-<name>.mjs writes <outdir>/<name>/; one that keeps esbuild's metafile writes it beside, as <name>.meta.json.
    const name = /^build-(.+)\.mjs$/.exec(file)[1];
    const into = outdir
      ? ['--outdir', path.join(outdir, name), '--metafile', path.join(outdir, `${name}.meta.json`)]
      : [];
    execFileSync(process.execPath, [`scripts/${file}`, ...into], toStderr);
  }
}
