/**
 * Runs `node scripts/start-local.mjs` (what `npm start` runs after the build) as its own process
 * group, for end-to-end tests of the real start path.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './fresh-build';

export interface StartLocalOptions {
  /** The build to run: a folder named dist (PUI_DIST). */
  dist: string;
  /** The SQLite file (PUI_DB). */
  dbFile: string;
  port: number;
  /** How long to wait for /healthz. */
  timeoutMs?: number;
}

/** How the process group ended. */
export interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From the SIGTERM until no process of the group was left. */
  ms: number;
}

export interface LocalStart {
  url: string;
  /** The process group's id (start-local's pid). */
  pgid: number;
  /** Everything the group printed, for assertions and failure messages. */
  output(): string;
  /** SIGTERM to the whole group; resolves once start-local has exited and the group is empty. */
  stop(timeoutMs?: number): Promise<Stopped>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether any process of the group is still there (zombies count until reaped). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * Starts start-local.mjs without the Playground (NO_PLAYGROUND=1) and resolves once /healthz answers.
 * @remarks The environment is built from scratch, so a developer's PUI_ENV or tenant settings
 * cannot move the server out of the local profile.
 */
export async function startLocal(options: StartLocalOptions): Promise<LocalStart> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'start-local.mjs')], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      NO_PLAYGROUND: '1',
      PORT: String(options.port),
      PUI_DB: options.dbFile,
      PUI_DIST: options.dist,
    },
  });
  const pgid = child.pid!;
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  let stopping: Promise<Stopped> | undefined;
  const stop = (timeoutMs = 10_000): Promise<Stopped> => {
    stopping ??= (async () => {
      const started = Date.now();
      if (groupAlive(pgid)) process.kill(-pgid, 'SIGTERM');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const ended = await Promise.race([
        exited,
        new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs))),
      ]);
      clearTimeout(timer);
      while (ended && groupAlive(pgid) && Date.now() - started < timeoutMs) await sleep(25);
      if (!ended || groupAlive(pgid)) {
        // Leave nothing behind, then say what hung.
        if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
        throw new Error(`start-local's process group was still running ${timeoutMs} ms after SIGTERM:\n${output}`);
      }
      return { ...ended, ms: Date.now() - started };
    })();
    return stopping;
  };

  const url = `http://127.0.0.1:${options.port}`;
  const until = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const problem = hasExited
      ? 'start-local exited before /healthz answered'
      : Date.now() > until
        ? `${url}/healthz did not answer in time`
        : undefined;
    if (problem) {
      const failure = new Error(`${problem}:\n${output}`);
      await stop().catch((error: Error) => (failure.message += `\nStopping it failed too: ${error.message}`));
      throw failure;
    }
    const healthy = await fetch(`${url}/healthz`).then(
      async (response) => (await response.text(), response.ok),
      () => false, // Not listening yet.
    );
    if (healthy) break;
    await sleep(100);
  }
  return { url, pgid, output: () => output, stop };
}
