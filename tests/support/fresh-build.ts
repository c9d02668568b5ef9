/**
 * Fresh builds into folders the caller names, through the build scripts' `--outdir`: a test or a
 * benchmark never reads a stale dist/, nor replaces the one `npm start` or a parallel run is serving.
 * @remarks Used from the tests and from the compiled benchmarks (dist/tests/support), so the
 * repository is found by looking for scripts/build.mjs rather than by a fixed `..` count.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'scripts', 'build.mjs'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No scripts/build.mjs in ${from} or any folder above it.`);
  }
}

/** The repository's root folder. */
export const REPO_ROOT = findRepoRoot(__dirname);

/** Runs a build script from the repository root; its output is in the error when it fails. */
function run(file: string, args: string[]): void {
  execFileSync(file, args, { cwd: REPO_ROOT, stdio: 'pipe' });
}

/** Builds the Teams tab into `<staticRoot>/tab` (with its build-manifest.json); returns `staticRoot`. */
export function buildTabInto(staticRoot: string): string {
  run(process.execPath, ['scripts/build-tab.mjs', '--outdir', path.join(staticRoot, 'tab')]);
  return staticRoot;
}

/** Builds the Outlook task pane into `<staticRoot>/outlook` and its metafile into `<staticRoot>/outlook.meta.json`; returns `staticRoot`. */
export function buildTaskPaneInto(staticRoot: string): string {
  run(process.execPath, [
    'scripts/build-outlook.mjs',
    '--outdir',
    path.join(staticRoot, 'outlook'),
    '--metafile',
    path.join(staticRoot, 'outlook.meta.json'),
  ]);
  return staticRoot;
}

/**
 * `npm run build --silent`, as `npm start` runs it, with everything written to `dist` (server,
 * bot, tab, task pane) instead of the repository's dist/.
 */
export function buildLikeNpmStart(dist: string): void {
  run('npm', ['run', 'build', '--silent', '--', '--outdir', dist]);
}

/** Runs `use` with a new temporary folder and removes the folder afterwards, whatever happens. */
export async function inTempFolder<T>(prefix: string, use: (dir: string) => T | Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
