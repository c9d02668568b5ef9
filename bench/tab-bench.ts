/**
 * Teams tab figures: the gzipped size of the JavaScript the report page loads first (target at
 * most 180 kB; the other pages, teams-js and MSAL load on demand) and the time to first render
 * of the report page in headless Chromium against the local server.
 * @remarks `npm run bench -- tab`. Builds the tab fresh into a temporary folder (never an
 * existing dist/tab, whose sizes may be stale) and removes it afterwards. Prints figures; passes
 * or fails nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../src/main';
import { createLogger } from '../src/server/logger';
import { buildTabInto, inTempFolder } from '../tests/support/fresh-build';

interface BuildManifest {
  entry: string;
  initial: string[];
  onDemand: string[];
}

/** The performance mark the report page sets once its form is on screen (src/tab/report/report-page.tsx). */
const FIRST_RENDER_MARK = 'pui-desk:report-form-rendered';
const RUNS = 7;

function sizes(root: string, files: string[]): { raw: number; gzipped: number } {
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const data = readFileSync(path.join(root, file));
    raw += data.length;
    gzipped += gzipSync(data, { level: 9 }).length;
  }
  return { raw, gzipped };
}

const kB = (n: number) => (n / 1024).toFixed(1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints the report page's first-load size and its time to first render. */
export async function benchTab(): Promise<void> {
  await inTempFolder('pui-tab-bench-', (dir) =>
    measure(buildTabInto(path.join(dir, 'static')), path.join(dir, 'pui.db')),
  );
}

/** Measures the tab built into `<staticRoot>/tab`, served from `staticRoot` with its store in `dbFile`. */
async function measure(staticRoot: string, dbFile: string): Promise<void> {
  const root = path.join(staticRoot, 'tab');
  const manifest = JSON.parse(readFileSync(path.join(root, 'build-manifest.json'), 'utf8')) as BuildManifest;
  const first = sizes(root, manifest.initial);
  console.log(
    `tab: report page's first JavaScript ${manifest.initial.length} file(s), ${kB(first.raw)} kB raw, ${kB(first.gzipped)} kB gzipped ` +
      `(gzip -9; target ≤ 180 kB: ${first.gzipped <= 180 * 1024 ? 'met' : 'NOT met'})`,
  );
  const named = (part: string) => manifest.onDemand.filter((f) => path.basename(f).startsWith(part));
  for (const [label, part] of [
    ['teams-js (inside Teams only)', 'teams-host'],
    ['MSAL NAA (inside Teams, when recommended)', 'msal-'],
    ['board page', 'board-page'],
    ['incident page', 'incident-page'],
    ['register page', 'register-page'],
    ['my reports page', 'my-reports-page'],
  ] as const) {
    const files = named(part);
    if (files.length)
      console.log(
        `tab: on demand: ${label} ${kB(sizes(root, files).gzipped)} kB gzipped (its own chunk; shared chunks not counted)`,
      );
  }

  const server = await startServer({
    port: 0,
    dbFile,
    profile: 'local',
    env: { NODE_ENV: 'test' },
    staticRoot,
    logger: createLogger('error', () => undefined),
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh context each time: a cold cache, as on a first visit.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/tab/`);
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_RENDER_MARK);
      times.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, FIRST_RENDER_MARK));
      await context.close();
    }
    console.log(
      `tab: time to first render of the report page (navigation start → form on screen, local server, cold cache, ${RUNS} runs): ` +
        `median ${median(times).toFixed(0)} ms, best ${Math.min(...times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
