/** Starts the Microsoft 365 Agents Playground on 127.0.0.1 (as `npm start` does) for end-to-end tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

export interface RunningPlayground {
  url: string;
  /** Everything it printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A free port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the Playground against the bot endpoint and resolves once it listens. */
export async function startPlayground(botEndpoint: string, timeoutMs = 30_000): Promise<RunningPlayground> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pui-playground-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      path.join(ROOT, 'scripts/playground-loopback.cjs'),
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      'start',
      '--app-endpoint',
      botEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(port),
      '--disable-telemetry',
    ],
    {
      cwd: dir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dir, 'playground.log'),
        // The same mock Teams context as `npm start`: the bot is PUI Desk, the user the dev identity.
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(ROOT, 'env', 'agents-playground.local.yml'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const listening = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The Playground did not start in time:\n${output}`)), timeoutMs);
    const check = () => {
      const m = /Listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The Playground exited (${code}):\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url: `http://127.0.0.1:${listening}`, output: () => output, stop };
}
