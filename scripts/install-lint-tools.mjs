// postinstall: installs the lint tools into tools/lint/node_modules from tools/lint's own lock file
// (kept apart from the project's packages: typescript-eslint needs TypeScript 6's JS API, the
// project compiles with TypeScript 7). Skipped when they are installed already and the lock file
// has not changed since.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';

const dir = path.resolve('tools', 'lint');
const lock = path.join(dir, 'package-lock.json');
const stamp = path.join(dir, 'node_modules', '.installed-lock-hash');
const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) process.exit(0);
const npm = process.env.npm_execpath;
const [command, args] = npm ? [process.execPath, [npm]] : ['npm', []];
execFileSync(command, [...args, 'ci', '--no-audit', '--no-fund', '--prefix', dir], {
  stdio: ['ignore', process.stderr, process.stderr],
});
writeFileSync(stamp, hash);
