/**
 * End to end: the DPO puts a closed incident under a legal hold and lifts it on its page, in
 * Debian's Chromium against the real server (local profile, SQLite, RETENTION_YEARS=10): the
 * retention outlook, the hold set by keyboard with its reason and reference, the mark, the lift —
 * axe-clean at each step, and both audited.
 */
import type { RunningServer } from '../../src/main';
import { aDpo, aNewIncident, anEvent } from '../support/incident-mother';
import { seriousViolations, startTabE2e, type TabE2e } from '../support/tab-e2e';

let e2e: TabE2e;
let server: RunningServer;
let number: string;

beforeAll(async () => {
  e2e = await startTabE2e('pui-hold-e2e-', { RETENTION_YEARS: '10' }, async (stores) => {
    const { incident } = await stores.incidents.create(
      aNewIncident({ status: 'closed', closedAt: '2020-05-01T10:00:00.000Z', closedBy: aDpo, nextReminderAt: null }),
      anEvent(),
    );
    number = incident.number;
  });
  server = e2e.server;
}, 120_000);

afterAll(() => e2e?.close(), 60_000);

it('sets a legal hold by keyboard, marks the incident, lifts it, axe-clean, and audits both', async () => {
  const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
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
