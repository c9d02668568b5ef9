// Builds the server, bot and CLI (tsc) into dist/, then runs every scripts/build-*.mjs
// (the browser bundles of the tab and the Outlook add-in).
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
for (const file of readdirSync('scripts').filter((f) => /^build-.+\.mjs$/.test(f)).sort()) {
  execFileSync(process.execPath, [`scripts/${file}`], { stdio: 'inherit' });
}
