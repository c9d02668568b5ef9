/**
 * End to end: the DPO's retention run on the register page, in Debian's Chromium against the real
 * server (local profile, SQLite, RETENTION_YEARS=5): what is due, the run prepared, both exports
 * downloaded, the count typed and the cull done — by keyboard, axe-clean before and after.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../src/main';
import { aDpo, aNewIncident, anEvent } from '../support/incident-mother';
import { seriousViolations as violationsIn, startTabE2e, type TabE2e } from '../support/tab-e2e';

let e2e: TabE2e;
let server: RunningServer;
let numbers: string[];

beforeAll(async () => {
  numbers = [];
  e2e = await startTabE2e('pui-retention-e2e-', { RETENTION_YEARS: '5' }, async (stores) => {
    for (const closedAt of ['2019-03-01T10:00:00.000Z', '2020-05-01T10:00:00.000Z']) {
      const { incident } = await stores.incidents.create(
        aNewIncident({ status: 'closed', closedAt, closedBy: aDpo, nextReminderAt: null }),
        anEvent(),
      );
      numbers.push(incident.number);
    }
  });
  server = e2e.server;
}, 120_000);

afterAll(() => e2e?.close(), 60_000);

const seriousViolations = (page: Page, selector = '[data-section="retention"]') => violationsIn(page, selector);

it('lists what is due, exports it and culls it after the typed count, by keyboard and axe-clean', async () => {
  const page = await e2e.browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
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
