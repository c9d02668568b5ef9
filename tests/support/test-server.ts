/** Starts the real server on 127.0.0.1 with a fresh SQLite file, for HTTP tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer, type StartOptions } from '../../src/main';
import { createLogger } from '../../src/server/logger';

/** The answer's JSON as the tests read it: every test asserts its shape with expect(). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonAnswer = any;

export interface TestServer extends RunningServer {
  /** Log lines written while the server ran (to check that nothing personal is logged). */
  logLines: string[];
  /** fetch against the server, JSON in and out. */
  call(
    method: string,
    route: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: JsonAnswer; headers: Headers }>;
}

export async function startTestServer(options: Partial<StartOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pui-test-'));
  const logLines: string[] = [];
  const running = await startServer({
    port: 0,
    dbFile: path.join(dir, 'pui.db'),
    env: { NODE_ENV: 'test' },
    logger: createLogger('info', (line) => logLines.push(line)),
    ...options,
  });
  return {
    ...running,
    logLines,
    async call(method, route, body, headers = {}) {
      const response = await fetch(running.url + route, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      const isJson = (response.headers.get('content-type') ?? '').includes('json');
      return { status: response.status, body: isJson && text ? JSON.parse(text) : text, headers: response.headers };
    },
    async close() {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
