/**
 * The committee report as a reader sees it: the .docx that `npm run register -- report --format
 * docx` writes for the fixture register, rendered to HTML by docx-preview in Debian's Chromium.
 * Page 1 carries the memo's heading, its texts, the figures and the chart (the PNG decodes); the
 * appendix has one row per incident. With `UPDATE_SCREENSHOTS=1` (`npm run screenshots`) page 1
 * goes to docs/screenshots/committee-report.png.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runRegisterCli } from '../../src/cli/register';
import { RegisterFakeStore } from '../support/register-fake-store';

const repo = resolve(__dirname, '..', '..');
const FIXTURE = join(repo, 'tests', 'fixtures', 'register-sample.tsv');
const JSZIP = require.resolve('jszip/dist/jszip.min.js');
// The UMD build beside the package's main file (its exports map names no other).
const DOCX_PREVIEW = require.resolve('docx-preview');

const PAGE = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>PUI Desk – redovisning</title>
<style>body { margin: 0; background: #e8e8e8; } .docx-wrapper { padding: 16px !important; }</style>
<script src="/jszip.js"></script><script src="/docx-preview.js"></script></head>
<body><main id="doc"></main>
<script>
  window.rendered = fetch('/report.docx').then((r) => r.blob()).then((blob) =>
    docx.renderAsync(blob, document.getElementById('doc'), undefined, { inWrapper: true, breakPages: true, ignoreLastRenderedPageBreak: false }));
</script></body></html>`;

let dir: string;
let http: Server;
let browser: Browser;
let page: Page;
let json: { total: number; reportedToAuthority: number };

async function cli(store: RegisterFakeStore, argv: string[]): Promise<string> {
  const out: string[] = [];
  const code = await runRegisterCli(argv, {
    openStore: async () => ({ incidents: store, close: async () => undefined }),
    stdout: { write: (c) => out.push(String(c)) },
    stderr: { write: (c) => process.stderr.write(c) },
    now: () => new Date('2024-08-26T09:00:00Z'),
    user: 'Dana Dataskydd',
    cwd: dir,
    organisation: { name: 'Exempelby kommun', committee: 'Socialnämnden', dpo: {} },
  });
  expect(code).toBe(0);
  return out.join('');
}

function serve(files: Record<string, { type: string; body: string | Buffer }>): Promise<Server> {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    res.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain' });
    res.end(file?.body ?? 'not found');
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pui-report-e2e-'));
  const store = new RegisterFakeStore();
  await cli(store, ['import', FIXTURE]);
  const period = ['--from', '2024-01-01', '--to', '2024-06-30'];
  json = JSON.parse(await cli(store, ['report', '--format', 'json', ...period]));
  await cli(store, ['report', '--format', 'docx', '--out', 'report.docx', '--case-number', 'SN 2024/0117', ...period]);
  http = await serve({
    '/': { type: 'text/html; charset=utf-8', body: PAGE },
    '/jszip.js': { type: 'text/javascript', body: readFileSync(JSZIP) },
    '/docx-preview.js': { type: 'text/javascript', body: readFileSync(DOCX_PREVIEW) },
    '/report.docx': { type: 'application/octet-stream', body: readFileSync(join(dir, 'report.docx')) },
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 900, height: 1300 } });
  await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
  await page.evaluate(() => (window as unknown as { rendered: Promise<unknown> }).rendered);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => http?.close(done));
  rmSync(dir, { recursive: true, force: true });
});

describe('the committee report, rendered', () => {
  it('shows the memo on page 1 with its heading, texts, figures and a chart that decodes', async () => {
    const first = page.locator('section.docx').first();
    const text = (await first.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Redovisning av personuppgiftsincidenter 2024-01-01 – 2024-06-30');
    expect(text).toContain('Ärendebeteckning: SN 2024/0117');
    expect(text).toContain('Handläggare: Dana Dataskydd');
    expect(text).toContain('Förslag till beslut');
    expect(text).toContain(
      `upptäcktes ${json.total} personuppgiftsincidenter. ${json.reportedToAuthority} anmäldes till IMY.`,
    );
    const chart = first.locator('img');
    await expect(chart.count()).resolves.toBe(1);
    const size = await chart.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, complete: img.complete }));
    expect(size).toEqual({ width: 1200, complete: true });
    const target =
      process.env.UPDATE_SCREENSHOTS === '1' ? join(repo, 'docs', 'screenshots') : join(dir, 'screenshots');
    mkdirSync(target, { recursive: true });
    await first.screenshot({ path: join(target, 'committee-report.png') });
    expect(readFileSync(join(target, 'committee-report.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('lists one appendix row per incident of the period', async () => {
    const pages = page.locator('section.docx');
    await expect(pages.count()).resolves.toBe(2);
    expect(await pages.first().innerText()).not.toContain('Bilaga: Sammanställning');
    const appendix = pages.last();
    expect(await appendix.innerText()).toContain('Bilaga: Sammanställning');
    await expect(appendix.locator('table tr').count()).resolves.toBe(json.total + 1);
  });
});
