/**
 * End to end on `npm start`'s own path, not an in-process server: `npm run build` (into a
 * temporary dist), then `node scripts/start-local.mjs` as its own process group with
 * NO_PLAYGROUND=1, a free port and a temporary PUI_DB. In Debian's Chromium a caseworker reports
 * from the tab and finds the incident on the board, and the Outlook task pane renders its local
 * stand-in with the sample mail. SIGTERM to the group then ends every process in bounded time,
 * and the incident is in the SQLite file the test named.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { freePort } from '../bot/e2e/playground-process';
import { launchChromium } from '../outlook/support/browser';
import { buildLikeNpmStart, REPO_ROOT } from '../support/fresh-build';
import { startLocal, type LocalStart } from '../support/start-local-process';

jest.setTimeout(30_000);

let dir: string;
let dist: string;
let dbFile: string;
let app: LocalStart;
let browser: Browser;
/** The incident the tab reported, checked again in the SQLite file after the stop. */
let reported: string | undefined;

beforeAll(async () => {
  // Inside the repository (.data/ is gitignored), like dist/ itself: the compiled server finds
  // node_modules by walking up from its own folder, which a build under /tmp could not.
  mkdirSync(join(REPO_ROOT, '.data'), { recursive: true });
  dir = mkdtempSync(join(REPO_ROOT, '.data', 'npm-start-e2e-'));
  dist = join(dir, 'dist');
  dbFile = join(dir, 'pui.db');
  buildLikeNpmStart(dist);
  app = await startLocal({ dist, dbFile, port: await freePort() });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

/** A page that records uncaught errors. */
async function newPage(): Promise<Page & { errors: string[] }> {
  const page = Object.assign(await browser.newPage({ viewport: { width: 1280, height: 900 } }), {
    errors: [] as string[],
  });
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

const stockholmYear = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date());

describe('npm start (local profile, no Playground)', () => {
  it('runs the server from the build it was given, on 127.0.0.1 and the temporary PUI_DB', async () => {
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: 'ok', profile: 'local' });
    expect(app.output()).toContain(`PUI Desk is running (local profile, store: sqlite ${dbFile})`);
    expect(app.output()).toContain(`Tab:      ${app.url}/tab/`);
    expect(app.output()).not.toMatch(/Agents Playground/);
    // The tab's entry script is content-hashed, so the page served is the one this build wrote.
    const served = await (await fetch(`${app.url}/tab/`)).text();
    expect(served).toBe(readFileSync(join(dist, 'tab', 'index.html'), 'utf8'));
  });

  it('reports an incident from the tab, shows the receipt and finds it on the board', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/tab/`);
    await page.getByRole('heading', { name: 'Rapportera en personuppgiftsincident' }).waitFor();
    expect(await page.getByTestId('local-profile').innerText()).toContain('Lokal profil');

    await page.getByLabel(/^Rubrik/).fill('Kallelse skickad till fel vårdnadshavare');
    await page
      .getByLabel(/^Vad har hänt\?/)
      .fill('En kallelse till ett möte skickades till en vårdnadshavare i ett annat ärende.');
    await page.getByLabel('Konfidentialitet (obehörig har fått del av uppgifter)').check();
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await page.getByTestId('receipt').waitFor();
    const number = await page.getByTestId('receipt-number').innerText();
    expect(number).toMatch(new RegExp(`^PUI-${stockholmYear()}-\\d{4}$`));
    reported = number;

    await page.getByRole('navigation').getByRole('link', { name: 'Tavlan' }).click();
    await page.getByLabel('Sök på nummer eller rubrik').fill(number);
    const row = page.getByRole('row').filter({ hasText: number });
    await row.waitFor();
    expect(await row.innerText()).toContain('Kallelse skickad till fel vårdnadshavare');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('renders the Outlook task pane on the local stand-in with the first sample mail', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/outlook/`);
    await page.getByTestId('local-host').waitFor();
    expect(await page.getByTestId('local-host').innerText()).toContain(
      'Sidan körs utanför Outlook. Ett exempelmejl används',
    );
    expect(await page.getByTestId('local-profile').innerText()).toContain('Ingen inloggning');
    await page.getByText('Utredning enligt 11 kap 1 § SoL – underlag').first().waitFor();
    expect(await page.getByTestId('scan-personnummer').innerText()).toBe('2');
    expect(await page.getByRole('button', { name: 'Skicka rapporten' }).isEnabled()).toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('ends the whole process group cleanly on SIGTERM and keeps the report in PUI_DB', async () => {
    await browser.close();
    // stop() escalates to SIGKILL after 10 s; exit code 0 and no signal mean it was not needed.
    const stopped = await app.stop(10_000);
    expect(stopped).toMatchObject({ code: 0, signal: null });
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
    // The store was closed, not cut off: SQLite folds its write-ahead log back in and removes it.
    expect(existsSync(`${dbFile}-wal`)).toBe(false);

    expect(reported).toBeDefined();
    const stores = SqliteStores.open(dbFile);
    const store = stores.incidents;
    try {
      expect(await store.getByNumber(reported!)).toMatchObject({
        source: 'tab',
        title: 'Kallelse skickad till fel vårdnadshavare',
      });
    } finally {
      await stores.close();
    }
  });
});
