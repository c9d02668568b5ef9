// `npm start`: the server (API, bot, tab, add-in pages) on the embedded store, and the
// Microsoft 365 Agents Playground pointed at the bot, both on 127.0.0.1 only.
// Env: PORT (server, default 3978), PLAYGROUND_PORT (default 56150), NO_PLAYGROUND=1 to skip it,
// PUI_DB (the SQLite file, default .data/pui.db), PUI_DIST (the build to run, default dist/: a folder
// named dist, e.g. from `node scripts/build.mjs --outdir <dir>/dist`). Relative paths are the repository's.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const port = Number(process.env.PORT ?? 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
// The server serves the pages from ./dist, so it runs in the folder holding the build; PUI_DB is
// pinned to an absolute path first, so a relative one (and the default) stays the repository's.
const dist = path.resolve(root, process.env.PUI_DIST ?? 'dist');
if (path.basename(dist) !== 'dist') {
  process.stderr.write(
    `PUI_DIST=${process.env.PUI_DIST} must name a folder called dist (the server serves its pages from ./dist).\n`,
  );
  process.exit(2);
}
const dbFile = path.resolve(root, process.env.PUI_DB ?? path.join('.data', 'pui.db'));
const children = [];
let stopping = false;

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
}
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

function start(name, args, env, onLine, cwd = root) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      onLine?.(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.\n`);
      stop(code || 1);
    }
  });
  return child;
}

async function waitForHealth(url, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

start(
  'PUI Desk server',
  [path.join(dist, 'src/main.js')],
  { PORT: String(port), HOST: '127.0.0.1', PUI_DB: dbFile },
  undefined,
  path.dirname(dist),
);
await waitForHealth(`http://127.0.0.1:${port}/healthz`).catch((error) => {
  process.stderr.write(`${error.message}\n`);
  stop(1);
});

if (!stopping && process.env.NO_PLAYGROUND !== '1') {
  mkdirSync(path.join(root, '.data'), { recursive: true });
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  start(
    'Agents Playground',
    [
      '--require',
      path.join(root, 'scripts/playground-loopback.cjs'),
      cli,
      'start',
      '--app-endpoint',
      `http://127.0.0.1:${port}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      String(playgroundPort),
      '--disable-telemetry',
    ],
    {
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(root, '.data', 'agents-playground.log'),
      // The bot's name in the Playground (PUI Desk, not "Test Bot") and its user as the dev identity.
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(root, 'env', 'agents-playground.local.yml'),
    },
    (line) => {
      const listening = /Listening on (\d+)/.exec(line);
      if (listening) {
        process.stdout.write(
          [
            '',
            `  ▶ Open the Agents Playground: http://127.0.0.1:${listening[1]}`,
            '    Personal chat: type "rapportera" to report an incident.',
            '    Team channel: type "@" and pick PUI Desk, then "ställ in dpo-kanal"; new incidents show up there.',
            '',
          ].join('\n') + '\n',
        );
      }
    },
  );
}
