// `npm run lint`: ESLint (typescript-eslint) and Prettier over the project, from this folder's own
// install (see package.json here: typescript-eslint needs TypeScript 6's JS API, the project
// compiles with TypeScript 7). `--fix` lets both fix what they can.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const bin = (name) => path.join(here, 'node_modules', '.bin', name);
const fix = process.argv.includes('--fix');

if (!existsSync(bin('eslint')) || !existsSync(bin('prettier'))) {
  process.stderr.write('lint: the lint tools are not installed; run `npm install` (its postinstall installs tools/lint).\n');
  process.exit(2);
}

const sources = ['src', 'bot', 'tests', 'bench', 'scripts', 'infra'];
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const eslint = run(bin('eslint'), ['--config', path.join(here, 'eslint.config.mjs'), '--max-warnings', '0', ...(fix ? ['--fix'] : []), ...sources]);
const prettier = run(bin('prettier'), [fix ? '--write' : '--check', '--log-level', 'warn', ...sources.map((s) => `${s}/**/*.{ts,tsx,js,mjs,cjs}`)]);
if (eslint !== 0 || prettier !== 0) {
  process.stderr.write(`lint: ${[eslint !== 0 ? 'ESLint' : '', prettier !== 0 ? 'Prettier' : ''].filter(Boolean).join(' and ')} found problems${fix ? '' : '; `npm run lint -- --fix` fixes what it can'}.\n`);
  process.exit(1);
}
