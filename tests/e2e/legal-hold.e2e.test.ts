/**
 * End to end: the DPO puts a closed incident under a legal hold and lifts it on its page, in
 * Debian's Chromium against the real server (local profile, SQLite, RETENTION_YEARS=10): the
 * retention outlook, the hold set by keyboard with its reason and reference, the mark, the lift —
 * axe-clean at each step, and both audited.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/main';
import { createLogger } from '../../src/server/logger';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { aDpo, aNewIncident, anEvent } from '../support/incident-mother';

const repo = resolve(__dirname, '..', '..');
const AXE_PATH = require.resolve('axe-core/axe.min.js');

let dir: string;
let server: RunningServer;
let browser: Browser;
let number: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pui-hold-e2e-'));
  execFileSync(process.execPath, ['scripts/build-tab.mjs', '--outdir', join(dir, 'static', 'tab')], {
    cwd: repo,
    stdio: 'pipe',
  });
  const stores = SqliteStores.open(join(dir, 'pui.db'));
  const { incident } = await stores.incidents.create(
    aNewIncident({ status: 'closed', closedAt: '2020-05-01T10:00:00.000Z', closedBy: aDpo, nextReminderAt: null }),
    anEvent(),
  );
  number = incident.number;
  await stores.close();
  server = await startServer({
    port: 0,
    dbFile: join(dir, 'pui.db'),
    profile: 'local',
    env: { NODE_ENV: 'test', RETENTION_YEARS: '10' },
    staticRoot: join(dir, 'static'),
    logger: createLogger('error', () => undefined),
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async (within) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Element,
            options: object,
          ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return (await axe.run(document.querySelector(within)!, { resultTypes: ['violations'] })).violations;
  }, selector);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

it('sets a legal hold by keyboard, marks the incident, lifts it, axe-clean, and audits both', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/tab/#/incident/${number}`);
  const section = page.locator('[data-section="legal-hold"]');
  await section.getByTestId('retention-outlook').waitFor();
  expect(await section.getByTestId('retention-outlook').innerText()).toBe(
    'Gallring: Kan gallras från och med 2030-05-01 enligt informationshanteringsplanen.',
  );
  expect(await seriousViolations(page, 'main')).toEqual([]);

  const reason = section.getByLabel(/^Skäl till spärren/);
  await reason.focus();
  await reason.selectOption('court');
  await page.keyboard.press('Tab');
  await page.keyboard.type('T 1234-26');
  await page.keyboard.press('Enter');
  await section.getByTestId('legal-hold').filter({ hasText: 'Spärrad: Mål i domstol, T 1234-26.' }).waitFor();
  await page.getByTestId('legal-hold-mark').waitFor();
  expect(await section.getByTestId('retention-outlook').innerText()).toBe('Gallring: Bevaras så länge spärren gäller.');
  expect(await seriousViolations(page, 'main')).toEqual([]);

  await section.getByRole('button', { name: 'Häv spärren' }).focus();
  await page.keyboard.press('Enter');
  await section.getByRole('status').filter({ hasText: 'Spärren är hävd.' }).waitFor();
  await section.getByTestId('legal-hold').filter({ hasText: 'Ingen spärr.' }).waitFor();
  expect(await page.getByTestId('legal-hold-mark').count()).toBe(0);
  expect(await seriousViolations(page, 'main')).toEqual([]);

  const details = (await (await fetch(`${server.url}/api/incidents/${number}`)).json()) as {
    events: { type: string }[];
  };
  expect(details.events.map((e) => e.type).slice(-2)).toEqual(['legal-hold-set', 'legal-hold-lifted']);
  await page.close();
}, 120_000);
