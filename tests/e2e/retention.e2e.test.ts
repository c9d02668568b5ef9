/**
 * End to end: the DPO's retention run on the register page, in Debian's Chromium against the real
 * server (local profile, SQLite, RETENTION_YEARS=5): what is due, the run prepared, both exports
 * downloaded, the count typed and the cull done — by keyboard, axe-clean before and after.
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
let numbers: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pui-retention-e2e-'));
  execFileSync(process.execPath, ['scripts/build-tab.mjs', '--outdir', join(dir, 'static', 'tab')], {
    cwd: repo,
    stdio: 'pipe',
  });
  const stores = SqliteStores.open(join(dir, 'pui.db'));
  numbers = [];
  for (const closedAt of ['2019-03-01T10:00:00.000Z', '2020-05-01T10:00:00.000Z']) {
    const { incident } = await stores.incidents.create(
      aNewIncident({ status: 'closed', closedAt, closedBy: aDpo, nextReminderAt: null }),
      anEvent(),
    );
    numbers.push(incident.number);
  }
  await stores.close();
  server = await startServer({
    port: 0,
    dbFile: join(dir, 'pui.db'),
    profile: 'local',
    env: { NODE_ENV: 'test', RETENTION_YEARS: '5' },
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

async function seriousViolations(page: Page, selector = '[data-section="retention"]'): Promise<string[]> {
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

it('lists what is due, exports it and culls it after the typed count, by keyboard and axe-clean', async () => {
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/tab/#/register`);
  const section = page.locator('[data-section="retention"]');
  await section.getByTestId('retention-due').waitFor();
  expect(await section.getByTestId('retention-due').locator('tbody th').allInnerTexts()).toEqual(numbers);
  expect(await seriousViolations(page)).toEqual([]);

  await section.getByRole('button', { name: 'Förbered gallring' }).focus();
  await page.keyboard.press('Enter');
  const xlsxLink = section.getByRole('link', { name: 'Ladda ner registerraderna (XLSX)' });
  await xlsxLink.waitFor();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), xlsxLink.click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^pui-gallring-.+\.xlsx$/);
  expect(
    readFileSync((await xlsx.path())!)
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');
  const [audit] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('link', { name: 'Ladda ner händelseloggen (JSON)' }).click(),
  ]);
  const trail = JSON.parse(readFileSync((await audit.path())!, 'utf8'));
  expect(trail.incidents.map((i: { number: string }) => i.number)).toEqual(numbers);
  expect(await seriousViolations(page)).toEqual([]);

  await section.getByLabel(/Skriv antalet incidenter som gallras \(2\)/).focus();
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await section.getByRole('status').filter({ hasText: 'Klart: 2 incidenter gallrades.' }).waitFor();
  await section.getByText('Inget att gallra i dag.').waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  const answer = await fetch(`${server.url}/api/incidents/${numbers[0]}`);
  const details = (await answer.json()) as { incident: { description: string }; events: { type: string }[] };
  expect(details.incident.description).toBe('[gallrad]');
  expect(details.events.map((e) => e.type)).toEqual(['culled']);

  await page.goto(`${server.url}/tab/#/incident/${numbers[0]}`);
  await page.getByTestId('culled-notice').waitFor();
  expect(await page.getByTestId('culled-notice').innerText()).toContain('Gallrad');
  expect(await seriousViolations(page, 'main')).toEqual([]);
  await page.close();
}, 120_000);
