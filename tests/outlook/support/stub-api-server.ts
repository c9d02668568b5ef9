/**
 * A stand-in for the PUI Desk server in the task pane's browser tests: serves a built task
 * pane at /outlook/, its config.json, and records POST /api/incidents. Binds 127.0.0.1.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { newIncident, parseReportInput } from '../../../src/domain';

/** A request the stub received at POST /api/incidents. */
export interface RecordedReport {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A running stub. */
export interface StubServer {
  url: string;
  reports: RecordedReport[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain',
};

/** Starts the stub serving `dir` at /outlook/ with `config` as /outlook/config.json. */
export async function startStubApiServer(dir: string, config: unknown): Promise<StubServer> {
  const reports: RecordedReport[] = [];
  let count = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (req.method === 'POST' && url.pathname === '/api/incidents') {
          const body = Buffer.concat(chunks).toString('utf8');
          reports.push({ url: url.pathname + url.search, headers: req.headers, body });
          // The incident as the real server answers it (the API contract's incidentAnswer), made by the domain.
          const now = new Date();
          const input = parseReportInput(JSON.parse(body), now);
          count++;
          const incident = newIncident(
            input,
            { id: 'dev-user', name: 'Dev' },
            'outlook',
            input.reportId ?? `stub-${count}`,
            now,
          );
          res.writeHead(201, { 'Content-Type': 'application/json' });
          res.end(
            JSON.stringify({
              ...incident,
              id: `id-${count}`,
              number: `PUI-2026-${String(count).padStart(4, '0')}`,
              etag: `etag-${count}`,
            }),
          );
          return;
        }
        if (url.pathname === '/outlook') {
          res.writeHead(301, { Location: '/outlook/' });
          res.end();
          return;
        }
        if (url.pathname === '/outlook/config.json') {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(config));
          return;
        }
        if (url.pathname.startsWith('/outlook/')) {
          const rel = normalize(decodeURIComponent(url.pathname.slice('/outlook/'.length)) || 'index.html');
          if (rel.startsWith('..')) {
            res.writeHead(400).end();
            return;
          }
          try {
            const data = await readFile(join(dir, rel));
            res.writeHead(200, { 'Content-Type': TYPES[extname(rel)] ?? 'application/octet-stream' });
            res.end(data);
          } catch {
            res.writeHead(404).end();
          }
          return;
        }
        res.writeHead(404).end();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    reports,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
