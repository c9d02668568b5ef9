/**
 * End to end: the built Teams tab, served by the real server (local profile, SQLite), in Debian's
 * Chromium. A caseworker reports; the DPO finds it on the board, takes it, assesses it, records
 * a phased IMY notice and then its supplement, and sees the register change. Every page passes
 * an axe check (no serious or critical violations), and an edit conflict between two DPOs is
 * caught and explained.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/main';
import { createLogger } from '../../src/server/logger';
import { halfYearOf, periodOf } from '../../src/tab/register/half-year';
import { openDocx, paragraphsOf, tablesOf } from '../support/docx-reader';

const repo = resolve(__dirname, '..', '..');
const AXE_PATH = require.resolve('axe-core/axe.min.js');

let dir: string;
let server: RunningServer;
let browser: Browser;

/**
 * Screenshots go to docs/screenshots only when asked (`UPDATE_SCREENSHOTS=1`, `npm run screenshots`),
 * so a plain `npm test` leaves the git tree as it was; otherwise they land in the test's temp dir.
 */
function screenshotDir(): string {
  const target = process.env.UPDATE_SCREENSHOTS === '1' ? join(repo, 'docs', 'screenshots') : join(dir, 'screenshots');
  mkdirSync(target, { recursive: true });
  return target;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(screenshotDir(), `${name}.png`), fullPage: true });
}

async function createIncident(body: Record<string, unknown>): Promise<{ id: string; number: string }> {
  const response = await fetch(`${server.url}/api/incidents?source=api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; number: string };
}

/** The next-duty button's words once the page shows `duty`. */
async function nextDutyIs(page: Page, duty: string): Promise<void> {
  await page.locator(`[data-section="duty"][data-duty="${duty}"]`).waitFor();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pui-tab-e2e-'));
  execFileSync(process.execPath, ['scripts/build-tab.mjs', '--outdir', join(dir, 'static', 'tab')], {
    cwd: repo,
    stdio: 'pipe',
  });
  server = await startServer({
    port: 0,
    dbFile: join(dir, 'pui.db'),
    profile: 'local',
    env: { NODE_ENV: 'test' },
    staticRoot: join(dir, 'static'),
    logger: createLogger('error', () => undefined),
  });
  browser = await chromium.launch({
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
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page; returns the serious and critical violations, described. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, not as a <script>: the page's CSP allows no inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The server's Content-Security-Policy: Chromium reports anything it blocks as a console error.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

/** The register's numbers for the current half-year. */
async function registerCounts(page: Page): Promise<{ total: number; reported: number; todo: string }> {
  await page.goto(`${server.url}/tab/#/register`);
  await page.getByTestId('register-reported').waitFor();
  await page.getByRole('heading', { name: /^Att granska/ }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-section="todo"] .fui-Spinner'));
  return {
    total: Number(await page.getByTestId('register-total').innerText()),
    reported: Number(await page.getByTestId('register-reported').innerText()),
    todo: await page.locator('[data-section="todo"]').innerText(),
  };
}

describe('Teams tab end to end (local profile)', () => {
  it('serves the tab at /tab/ with its first script as an ES module', async () => {
    const response = await fetch(`${server.url}/tab/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<script type="module" src="\.\/main-[A-Z0-9]+\.js"><\/script>/);
  });

  it('reports, finds it on the board, takes it, assesses it, records a phased IMY notice and its supplement, and sees the register change', async () => {
    const page = await newPage();
    const before = await registerCounts(page);
    expect(await seriousViolations(page)).toEqual([]);

    // Report, as a caseworker would, in the local profile that says so.
    await page.goto(`${server.url}/tab/`);
    await page.getByRole('heading', { name: 'Rapportera en personuppgiftsincident' }).waitFor();
    expect(await page.getByTestId('local-profile').innerText()).toContain('Lokal profil');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByLabel(/^Rubrik/).getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel(/^Rubrik/).fill('Utredning skickad till fel mottagare 19121212-1212');
    await page.getByRole('button', { name: 'Maskera personnumret i rubriken' }).click();
    await page
      .getByLabel(/^Vad har hänt\?/)
      .fill('En utredning om ett barn mejlades till en extern mottagare med liknande namn.');
    await page.getByLabel('Konfidentialitet (obehörig har fått del av uppgifter)').check();
    await page.getByLabel('Socialtjänstuppgifter (sekretess enligt OSL 26 kap. 1 §)').check();
    await page.getByLabel('Uppgifter om barn').check();
    await page.getByLabel(/^Ungefär hur många/).fill('1');
    await page.getByLabel(/^Enhet eller förvaltning/).fill('Barn och unga');
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await page.getByTestId('receipt').waitFor();
    const number = await page.getByTestId('receipt-number').innerText();
    expect(number).toMatch(/^PUI-\d{4}-\d{4}$/);
    expect(await page.getByTestId('receipt').innerText()).toMatch(/\d+ d \d+ h kvar|\d+ h \d+ min kvar/);
    expect(await seriousViolations(page)).toEqual([]);
    const stored = await server.store.getByNumber(number);
    expect(stored).toMatchObject({
      title: 'Utredning skickad till fel mottagare [personnummer]',
      source: 'tab',
      unit: 'Barn och unga',
      affectedCount: 1,
    });

    // My reports shows it with what happens next.
    await page.getByRole('navigation').getByRole('link', { name: 'Mina rapporter' }).click();
    await page.getByRole('link', { name: number }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Dataskyddsombudet har fått rapporten');
    expect(await seriousViolations(page)).toEqual([]);

    // The board: search by number, live countdown, keyboard to the incident.
    await page.getByRole('navigation').getByRole('link', { name: 'Tavlan' }).click();
    await page.getByLabel('Sök på nummer eller rubrik').waitFor();
    await page.getByRole('table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type(number.slice(-4));
    const row = page.getByRole('row').filter({ hasText: number });
    await row.waitFor();
    expect(await page.getByRole('row').count()).toBe(2);
    expect(await row.innerText()).toMatch(/kvar/);
    await row.getByRole('link', { name: number }).focus();
    await page.keyboard.press('Enter');

    // The incident: take it, assess it with the guided ENISA scoring, record a phased IMY notice and its supplement.
    await page.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ta incidenten', exact: true }).click();
    await page.getByText('Du äger incidenten.').waitFor();
    // Nothing is chosen for the DPO: the report does not say how easily the people can be identified.
    expect(await page.getByTestId('severity-missing').innerText()).toContain('hur lätt personerna kan identifieras');
    expect(await page.getByRole('radio', { checked: true, name: /medför en/i }).count()).toBe(0);
    await page.getByRole('radio', { name: 'Betydande – går med viss annan information (0,75)' }).check();
    expect(await page.getByTestId('severity-suggestion').innerText()).toBe('Förslag: Medför en hög risk.');
    await page
      .getByLabel('Uppgifterna var redan offentliga eller oläsliga för mottagaren, t.ex. krypterade (−1)')
      .check();
    expect(await page.getByTestId('severity-result').innerText()).toContain('SE = 4 × 0,75 + 0,25 = 3,25');
    await page.getByLabel('Särskilda kategorier av personer: barn, sårbara personer, skyddad identitet (+1)').uncheck();
    expect(await page.getByTestId('severity-result').innerText()).toContain('SE = 3 × 0,75 + 0,25 = 2,5');
    expect(await page.getByTestId('severity-suggestion').innerText()).toBe('Förslag: Medför en risk.');
    await page.getByRole('radio', { name: 'Maximalt – direkt, t.ex. namn eller personnummer (1)' }).check();
    expect(await page.getByTestId('severity-suggestion').innerText()).toBe('Förslag: Medför en hög risk.');
    await page.getByRole('radio', { name: 'Betydande – går med viss annan information (0,75)' }).check();
    expect(await page.getByTestId('severity-result').innerText()).toContain('SE = 3 × 0,75 + 0,25 = 2,5');
    expect(await page.getByTestId('severity-suggestion').innerText()).toBe('Förslag: Medför en risk.');
    expect(await page.getByRole('radio', { name: 'Medför en risk', exact: true }).isChecked()).toBe(false);
    await page.getByRole('radio', { name: 'Medför en risk', exact: true }).check();
    await page
      .getByLabel(/^Motivering/)
      .fill('Sekretessbelagda uppgifter om ett barn, men mottagaren är känd och har raderat.');
    await page.getByRole('button', { name: 'Bekräfta bedömningen' }).click();
    await page.getByTestId('current-assessment').waitFor();
    expect(await page.getByTestId('current-assessment').innerText()).toContain('Medför en risk (SE 2,5)');

    const text = await page.getByTestId('imy-text').inputValue();
    expect(text).toContain(`Vårt ärendenummer: ${number}`);
    expect(text).not.toContain('Utredning skickad');
    expect(text).not.toContain('extern mottagare');
    expect(text).toContain('Typ av incident: Konfidentialitet');
    expect(await page.getByLabel(/^När anmäldes incidenten till IMY\?/).inputValue()).toBe('');
    await page.getByRole('button', { name: 'Nu: När anmäldes incidenten till IMY?' }).click();
    await page.getByLabel('IMY:s diarienummer').fill('IMY-2026-1234');
    await page.getByLabel(/^Anmälan görs i etapper/).check();
    await page.getByRole('button', { name: 'Registrera anmälan' }).click();
    await page.getByTestId('imy-recorded').waitFor();
    expect(await page.getByTestId('imy-recorded').innerText()).toContain('IMY-2026-1234');
    const owed = page.locator('[data-supplement="owed"]');
    await owed.waitFor();
    expect(await owed.innerText()).toMatch(
      /Komplettering till IMY ska skickas senast \d{4}-\d\d-\d\d \d\d:\d\d[\s\S]*2\d d( \d+ h)? kvar/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Nu: När skickades kompletteringen till IMY?' }).click();
    await page.getByRole('button', { name: 'Registrera komplettering' }).click();
    await page.getByText('Kompletteringar klara', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Registrera komplettering' }).count()).toBe(0);
    await page.getByTestId('timeline').getByText('Komplettering till IMY registrerad').waitFor();
    expect(await page.getByTestId('timeline').innerText()).toMatch(
      /Rapporterad[\s\S]*Tagen[\s\S]*Risken bedömd: Medför en risk[\s\S]*Anmäld till IMY: IMY-2026-1234[\s\S]*Komplettering till IMY registrerad/,
    );
    expect(await seriousViolations(page)).toEqual([]);

    // The register: one more incident, one more reported, and nothing left to review for it.
    const after = await registerCounts(page);
    expect(after.total).toBe(before.total + 1);
    expect(after.reported).toBe(before.reported + 1);
    expect(after.todo).not.toContain(number);
    expect(await page.getByTestId('chart-by-month').innerText()).toMatch(/\d/);
    expect(await seriousViolations(page)).toEqual([]);

    const stored2 = await server.store.getByNumber(number);
    expect(stored2).toMatchObject({
      status: 'notified',
      reportedToAuthority: true,
      owner: { id: 'dev-user' },
      assessment: { risk: 'risk', severity: { dpc: 3, ei: 0.75, cb: 0.25, score: 2.5 } },
      breachTypes: ['confidentiality'],
      imyNotice: { reference: 'IMY-2026-1234', phased: true, supplementedAt: expect.any(String) },
    });
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('walks a DPO through one incident from new to closed with only the next-duty button and the tracks it opens, axe-clean at every step', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { number } = await createIncident({
      title: 'Utredning om ett barn mejlad till fel mottagare',
      description: 'En utredning mejlades till en extern mottagare med liknande namn.',
      discoveredAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      breachTypes: ['confidentiality'],
      dataCategories: ['social-services', 'children'],
      affectedCount: 1,
    });
    await page.goto(`${server.url}/tab/#/incident/${number}`);
    await nextDutyIs(page, 'take');
    const duty = page.getByTestId('next-duty');
    expect(await duty.innerText()).toBe('Ta incidenten');
    expect(await page.getByRole('button', { name: /^Polisanmälan/ }).getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByLabel(/^När gjordes polisanmälan\?/).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /^Riskbedömning/ }).getAttribute('aria-expanded')).toBe('true');
    // At 1,280 px the facts stand beside the work, not below it.
    const work = await page.getByRole('region', { name: 'Handläggning' }).boundingBox();
    const facts = await page.getByRole('region', { name: 'Om incidenten' }).boundingBox();
    expect(facts!.x).toBeGreaterThan(work!.x + work!.width - 1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'incident-new');

    await duty.click();
    await nextDutyIs(page, 'assess');
    await duty.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('assessment-heading');
    await page.getByRole('radio', { name: 'Maximalt – direkt, t.ex. namn eller personnummer (1)' }).check();
    expect(await page.getByTestId('severity-suggestion').innerText()).toBe('Förslag: Medför en hög risk.');
    await page.getByRole('radio', { name: 'Medför en hög risk' }).check();
    await page.getByLabel(/^Motivering/).fill('Sekretessbelagda uppgifter om ett barn till en okänd mottagare.');
    await page.getByRole('button', { name: 'Bekräfta bedömningen' }).click();
    await nextDutyIs(page, 'notify-imy');
    // The IMY track opened itself when the assessment made it due; its text names the breach type.
    await page.getByRole('button', { name: /^Anmälan till IMY/, expanded: true }).waitFor();
    expect(await page.getByTestId('imy-text').inputValue()).toContain('Typ av incident: Konfidentialitet');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Riskbedömning/ }).click();
    await screenshot(page, 'incident-assessed');

    await duty.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('imy-heading');
    // The time field reads Swedish in an en-US browser, and starts empty until "Nu" is chosen.
    const imyAt = page.getByLabel(/^När anmäldes incidenten till IMY\?/);
    expect(await imyAt.inputValue()).toBe('');
    expect(await imyAt.getAttribute('placeholder')).toBe('ÅÅÅÅ-MM-DD TT:MM');
    await page.getByRole('button', { name: 'Nu: När anmäldes incidenten till IMY?' }).click();
    expect(await imyAt.inputValue()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    await page.getByLabel('IMY:s diarienummer').fill('IMY-2026-9876');
    await page.getByRole('button', { name: 'Registrera anmälan' }).click();
    await nextDutyIs(page, 'inform-subjects');
    await page.getByRole('button', { name: /^Information till de registrerade/, expanded: true }).waitFor();
    // The open track offers the server's letter to the data subjects, from the structured fields only.
    const letter = await page.getByTestId('art34-text').inputValue();
    expect(letter).toContain(`Vårt ärendenummer: ${number}`);
    expect(letter).toContain('Vad kan du göra?');
    expect(letter).not.toMatch(/mejlad|extern mottagare|liknande namn/);
    await page.getByRole('link', { name: 'Ladda ner brevet (Word)' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'incident-notified');

    await duty.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('subjects-heading');
    expect(await page.getByRole('radio', { name: 'De registrerade har informerats' }).isChecked()).toBe(false);
    await page.getByRole('radio', { name: 'De registrerade har informerats' }).check();
    await page.getByRole('button', { name: 'Nu: När informerades de?' }).click();
    await page.getByLabel(/^Hur informerades de\?/).fill('brev');
    await page.getByRole('button', { name: 'Registrera informationen' }).click();
    await nextDutyIs(page, 'close');
    expect(await seriousViolations(page)).toEqual([]);

    await duty.click();
    await nextDutyIs(page, 'none');
    expect(await page.getByTestId('incident-status').innerText()).toBe('Avslutad');
    expect(await page.getByTestId('next-duty').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await server.store.getByNumber(number)).toMatchObject({
      status: 'closed',
      owner: { id: 'dev-user' },
      assessment: { risk: 'high' },
      imyNotice: { reference: 'IMY-2026-9876' },
      subjectNotice: { method: 'brev' },
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an overdue incident on its page with its next duty, and first on the board, which keeps its filters (screenshots)', async () => {
    const page = await newPage();
    const { number } = await createIncident({
      title: 'Lista på fel skrivare',
      description: 'En lista kom ut hos en annan förvaltning.',
      discoveredAt: new Date(Date.now() - 75 * 3600_000).toISOString(),
      dataCategories: ['contact'],
    });
    await page.goto(`${server.url}/tab/#/incident/${number}`);
    await nextDutyIs(page, 'take');
    expect(await page.locator('[data-section="duty"]').getAttribute('data-urgency')).toBe('overdue');
    expect(await page.getByTestId('next-duty-text').innerText()).toContain('Fristen har gått ut.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'incident-overdue');

    // The board: overdue first, the next duty on the row, the counts at the top; the filters kept for the next visit.
    await page.goto(`${server.url}/tab/#/board`);
    const first = page.getByRole('row').nth(1);
    await first.waitFor();
    expect(await first.getAttribute('data-urgency')).toBe('overdue');
    expect(await first.locator('[data-duty]').innerText()).not.toBe('');
    expect(await page.getByTestId('board-counts').innerText()).toMatch(/\d+ försenade/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'board');
    await page.getByLabel('Källa').selectOption('api');
    await page.reload();
    await page.getByRole('table').waitFor();
    expect(await page.getByLabel('Källa').inputValue()).toBe('api');
    await page.getByRole('button', { name: 'Rensa filtren' }).click();
    await page.close();
  });

  it('lists the incident on the register to-do while its risk is not assessed', async () => {
    const page = await newPage();
    const response = await fetch(`${server.url}/api/incidents?source=api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Lista utskriven på fel skrivare',
        description: 'En lista kom ut på en annan förvaltnings skrivare.',
        discoveredAt: new Date().toISOString(),
      }),
    });
    const { number } = (await response.json()) as { number: string };
    const counts = await registerCounts(page);
    expect(counts.todo).toContain(number);
    expect(counts.todo).toContain('Risken är inte bedömd');
    await page.close();
  });

  it('catches a second DPO’s concurrent change and explains it instead of overwriting', async () => {
    const created = (await (
      await fetch(`${server.url}/api/incidents?source=api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Sms till fel nummer',
          description: 'Ett sms om en tid skickades till fel nummer.',
          discoveredAt: new Date().toISOString(),
          dataCategories: ['contact'],
        }),
      })
    ).json()) as { id: string; number: string };
    const page = await newPage();
    await page.goto(`${server.url}/tab/#/incident/${created.number}`);
    await page.getByRole('button', { name: 'Bekräfta bedömningen' }).waitFor();
    await page.getByRole('radio', { name: 'Osannolikt att den medför en risk' }).check();
    await page.getByLabel(/^Motivering/).fill('Bara ett telefonnummer och en tid.');

    // Another DPO takes the incident meanwhile.
    const take = await fetch(`${server.url}/api/incidents/${created.id}/take`, { method: 'POST' });
    expect(take.status).toBe(200);

    await page.getByRole('button', { name: 'Bekräfta bedömningen' }).click();
    const conflict = page.getByTestId('conflict-message');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('Någon annan hann före');
    expect(await seriousViolations(page)).toEqual([]);
    expect((await server.store.getByNumber(created.number))?.assessment).toBeUndefined();

    await conflict.getByRole('button', { name: 'Ladda om incidenten' }).click();
    await page
      .getByText('Utvecklare (lokal profil) äger incidenten.')
      .or(page.getByText('Du äger incidenten.'))
      .waitFor();
    expect(await page.getByTestId('conflict-message').innerText()).toContain('Senaste ändringen: Tagen av');
    expect(await page.getByLabel(/^Motivering/).inputValue()).toBe('Bara ett telefonnummer och en tid.');
    await page.getByRole('button', { name: 'Bekräfta bedömningen' }).click();
    await page.getByTestId('current-assessment').waitFor();
    expect((await server.store.getByNumber(created.number))?.assessment?.risk).toBe('unlikely');
    await page.close();
  });

  it('opens the incident named by the channel card link (?incident=)', async () => {
    const page = await newPage();
    const created = (await (
      await fetch(`${server.url}/api/incidents?source=api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Kort länk',
          description: 'Test av länken från kanalkortet.',
          discoveredAt: new Date().toISOString(),
        }),
      })
    ).json()) as { number: string };
    await page.goto(`${server.url}/tab/?incident=${created.number}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(created.number) }).waitFor();
    expect(page.url()).toBe(`${server.url}/tab/#/incident/${created.number}`);
    await page.close();
  });

  it('keeps Skicka rapporten where it is when a field is left, so a click straight after typing sends', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/tab/`);
    const send = page.getByRole('button', { name: 'Skicka rapporten' });
    await page.getByLabel(/^Rubrik/).fill('Brev till fel adress');
    await page.getByLabel(/^Vad har hänt\?/).fill('Ett beslut skickades till en gammal adress.');
    await page.getByLabel(/^Ungefär hur många/).fill('-5');
    // Where the button is on the page (not in the viewport: focusing a field may scroll).
    const place = () =>
      send.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.left + window.scrollX, y: r.top + window.scrollY };
      });
    const before = await place();
    await page.getByLabel(/^Vad har redan gjorts\?/).focus(); // leaves the field with a wrong value
    expect(await place()).toEqual(before);
    expect(await page.getByLabel(/^Ungefär hur många/).getAttribute('aria-invalid')).not.toBe('true');

    // Typed, then Send at once: the click lands on the button, and the summary says what is wrong.
    await page.getByLabel(/^Ungefär hur många/).fill('-5');
    await send.click();
    expect(await page.getByTestId('error-summary').innerText()).toContain('Ungefär hur många personer berörs?');
    expect(await page.getByLabel(/^Ungefär hur många/).getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    // Corrected, the last field typed in, then Send at once: the report is sent.
    await page.getByLabel(/^Ungefär hur många/).fill('5');
    await page.getByLabel(/^Vad har redan gjorts\?/).fill('Mottagaren har ombetts skicka tillbaka brevet.');
    await send.click();
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt-number').innerText()).toMatch(/^PUI-\d{4}-\d{4}$/);
    await page.close();
  });

  it('shows the reporter view to a plain reporter, and English from ?lang=en', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/tab/?lang=en`);
    await page.getByRole('heading', { name: 'Report a personal data breach' }).waitFor();
    await page.getByLabel('Act as').selectOption('reporter');
    await page.getByText('Rapportör (lokal profil)', { exact: false }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Board' }).count()).toBe(0);
    await page.goto(`${server.url}/tab/?lang=en#/board`);
    await page.getByText('For the data protection officer only').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('speaks only English under ?lang=en: the form’s error summary, every track of the incident page, its errors and the conflict panel', async () => {
    // Words and letters that only Swedish text has; the local profile's user name is data, not UI.
    const swedish = (text: string) =>
      text
        .replaceAll('Utvecklare (lokal profil)', '')
        .match(/[åäöÅÄÖ]|\b(och|inte|att|har|till|eller|Spara|Ingen|kvar|försenad|Nästa|Avsluta)\b/g) ?? [];
    const page = await newPage();
    await page.goto(`${server.url}/tab/?lang=en`);
    await page.getByLabel(/^Title/).fill('Letter to the wrong address');
    await page.getByLabel(/^What happened/).fill('A decision was posted to an old address.');
    await page.getByLabel(/^When was the breach discovered/).fill('2099-01-01 10:00');
    await page.getByLabel(/^About how many/).fill('-5');
    await page.getByRole('button', { name: 'Send the report' }).click();
    const summary = await page.getByTestId('error-summary').innerText();
    expect(summary).toContain('The discovery date cannot be in the future.');
    expect(swedish(await page.locator('main').innerText())).toEqual([]);

    const { id, number } = await createIncident({
      title: 'Letter to the wrong address',
      description: 'A decision was posted to an old address.',
      discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
      breachTypes: ['confidentiality'],
      dataCategories: ['children', 'social-services'],
    });
    await page.goto(`${server.url}/tab/?lang=en#/incident/${number}`);
    await page.locator('[data-section="duty"]').waitFor();
    const closed = page.locator('main button[aria-expanded="false"]');
    for (let open = 0; open < 20 && (await closed.count()) > 0; open++) await closed.first().click();
    expect(await closed.count()).toBe(0);
    expect(swedish(await page.locator('main').innerText())).toEqual([]);
    await page.getByRole('button', { name: 'Confirm the assessment' }).click();
    await page.getByText('Nothing has been saved.', { exact: false }).first().waitFor();
    // Someone else changes it meanwhile: the conflict panel, in English too.
    const taken = await fetch(`${server.url}/api/incidents/${id}/take`, { method: 'POST' });
    expect(taken.ok).toBe(true);
    await page.getByLabel(/^When did the breach end/).fill('2026-11-01 10:00');
    await page.getByRole('button', { name: 'Record the time' }).click();
    await page.getByText('Someone else got there first').waitFor();
    expect(swedish(await page.locator('main').innerText())).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows an overdue incident in red on the board, and passes axe in Teams’ dark and high-contrast themes', async () => {
    const discoveredAt = new Date(Date.now() - 80 * 60 * 60 * 1000).toISOString();
    const created = (await (
      await fetch(`${server.url}/api/incidents?source=api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Försenad incident',
          description: 'Upptäcktes för 80 timmar sedan.',
          discoveredAt,
        }),
      })
    ).json()) as { number: string };
    for (const theme of ['default', 'dark', 'contrast']) {
      const page = await newPage();
      await page.goto(`${server.url}/tab/?theme=${theme}#/board`);
      const row = page.getByRole('row').filter({ hasText: created.number });
      await row.waitFor();
      expect(await row.getAttribute('data-overdue')).toBe('true');
      expect(await row.innerText()).toContain('försenad 8 h');
      expect(await page.getByTestId('board-summary').innerText()).toMatch(/\d+ (är försenad|är försenade)\./);
      expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe(theme);
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(`${server.url}/tab/?theme=${theme}#/incident/${created.number}`);
      await page.getByRole('button', { name: 'Bekräfta bedömningen' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
  });

  it('downloads the register as CSV and XLSX from the register page', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${server.url}/tab/#/register`);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner som CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText).toContain('Rubrik');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner som Excel (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    await page.close();
  });
  it('downloads the half-year’s committee report as Word, the same document the API gives, axe-clean', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${server.url}/tab/#/register`);
    await page.getByTestId('register-total').waitFor();
    await page.getByRole('textbox', { name: /Ärendebeteckning/ }).fill('SN 2026/0071');
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner redovisning (Word)' }).click(),
    ]);
    const { from, to } = periodOf(halfYearOf(new Date()));
    expect(download.suggestedFilename()).toBe(`redovisning-pui-${from}--${to}.docx`);
    const fromTab = await openDocx(readFileSync((await download.path())!));
    const api = await fetch(
      `${server.url}/api/register/report?format=docx&from=${from}&to=${to}&caseNumber=SN%202026%2F0071`,
    );
    const fromApi = await openDocx(new Uint8Array(await api.arrayBuffer()));
    expect(paragraphsOf(fromTab.document)).toContain('Ärendebeteckning: SN 2026/0071');
    expect(paragraphsOf(fromTab.document)).toEqual(paragraphsOf(fromApi.document));
    expect(tablesOf(fromTab.document)).toEqual(tablesOf(fromApi.document));
    await page.close();
  });

  it('shows the alert on Send counted per month on the register page, as an axe-clean table', async () => {
    const month = new Date().toISOString().slice(0, 7);
    for (const kind of ['fired', 'fired', 'changed', 'sent-anyway']) {
      const response = await fetch(`${server.url}/api/send-check/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ month, kind }),
      });
      expect(response.status).toBe(204);
    }
    const page = await newPage();
    await page.goto(`${server.url}/tab/#/register`);
    const table = page.getByRole('table', { name: 'Varningar de senaste tolv månaderna' });
    await table.waitFor();
    const firstRow = table.getByRole('row').nth(1);
    expect(await firstRow.getByRole('cell').allInnerTexts()).toEqual(['2', '1', '1', '1']);
    expect(await seriousViolations(page)).toEqual([]);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });
  it('opens the digest’s board link on its numbers, links a report of the same mail from its mark, and unlinks it on its page, axe-clean', async () => {
    const mail = `<e2e-${Date.now()}@kommun.example.se>`;
    const at = new Date(Date.now() - 2 * 3600_000).toISOString();
    const main = await createIncident({
      title: 'Jag skickade ett beslut till fel mottagare',
      description: 'Ett beslut gick till en annan person med samma namn.',
      discoveredAt: at,
      internetMessageId: mail,
    });
    const again = await createIncident({
      title: 'Fick ett beslut som inte var till mig',
      description: 'Ett beslut om någon annan kom till min inkorg.',
      discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
      internetMessageId: mail,
    });
    const page = await newPage();
    await page.goto(`${server.url}/tab/#/board?numbers=${main.number},${again.number}`);
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('row').count()).toBe(3);
    expect(await page.getByTestId('board-numbers').innerText()).toContain('Visar 2 incidenter från sammanfattningen');
    const mark = page.locator(`[data-possibly-same="${main.number}"]`);
    expect(await mark.innerText()).toContain(`Möjligen samma händelse som ${main.number} (samma mejl)`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Länka till ${main.number}: ${again.number}` }).click();
    await page.getByText(`${again.number} är länkad till ${main.number}.`).waitFor();
    await page.locator(`[data-linked-to="${main.number}"]`).waitFor();
    const rows = await page.getByRole('row').allInnerTexts();
    expect(rows.slice(1).map((r) => r.split(/\s/)[0])).toEqual([main.number, again.number]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/tab/#/incident/${again.number}`);
    await page.getByRole('button', { name: /^▸?\s*Samma händelse/ }).click();
    expect(await page.getByTestId('linked-to').innerText()).toContain(`Länkad till huvudincidenten: ${main.number}.`);
    // The clock follows the main's: a linked report has none of its own.
    expect(await page.locator('[data-clock="stopped"]').first().innerText()).toBe(`Följer ${main.number}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ta bort länken' }).click();
    await page.getByText('Länken är borttagen. Rapporten har sin egen klocka igen.').waitFor();
    expect(await page.getByTestId('link-summary').innerText()).toBe('Inte länkad');
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });
});
