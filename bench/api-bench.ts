/** Reports created per second through the HTTP API on the embedded store (loopback, bounded). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../src/main';
import { createLogger } from '../src/server/logger';

export async function benchApi(total = 2000, concurrency = 16): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pui-bench-'));
  const server = await startServer({
    port: 0,
    dbFile: path.join(dir, 'pui.db'),
    env: { NODE_ENV: 'test' },
    logger: createLogger('silent'),
  });
  try {
    let sent = 0;
    const latencies: number[] = [];
    const worker = async () => {
      while (sent < total) {
        sent += 1;
        const started = performance.now();
        const res = await fetch(`${server.url}/api/incidents`, {
          method: 'POST',
          // Spread over 200 reporters (10 each): one person is held to 30 in a row (src/domain/report-rate.ts).
          headers: {
            'content-type': 'application/json',
            'x-dev-role': 'reporter',
            'x-dev-user': `bench-${sent % 200}`,
          },
          body: JSON.stringify({
            title: `Bench ${sent}`,
            description: 'Mätning',
            discoveredAt: new Date().toISOString(),
            breachTypes: ['confidentiality'],
          }),
        });
        if (res.status !== 201) throw new Error(`unexpected status ${res.status}`);
        await res.arrayBuffer();
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
    console.log(
      `api: ${total} reports via POST /api/incidents, ${concurrency} concurrent: ${(total / seconds).toFixed(0)} reports/s (p50 ${pct(50)} ms, p95 ${pct(95)} ms)`,
    );
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
