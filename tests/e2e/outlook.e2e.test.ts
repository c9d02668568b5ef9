/**
 * End to end: the built Outlook task pane, served by the real server (local profile, SQLite),
 * in Debian's Chromium on the local stand-in for Outlook. A prefilled report is sent from the
 * pane and found in the store and on the DPO's list.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/main';
import { createLogger } from '../../src/server/logger';
import { buildTaskPaneInto, launchChromium } from '../outlook/support/browser';

let dir: string;
let staticRoot: string;
let server: RunningServer;
let browser: Browser;
const logLines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pui-outlook-e2e-'));
  staticRoot = buildTaskPaneInto(join(dir, 'static'));
  server = await startServer({
    port: 0,
    dbFile: join(dir, 'pui.db'),
    profile: 'local',
    env: { NODE_ENV: 'test' },
    staticRoot,
    logger: createLogger('info', (line) => logLines.push(line)),
  });
  // The server writes /outlook/config.json from its config; until it does, the test supplies the local one.
  const served = await fetch(`${server.url}/outlook/config.json`);
  if (served.status === 404 && !existsSync(join(staticRoot, 'outlook', 'config.json'))) {
    writeFileSync(join(staticRoot, 'outlook', 'config.json'), JSON.stringify({ profile: 'local', organisationName: 'Kommunen', organisationDomains: [] }));
  }
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Outlook task pane end to end', () => {
  it('serves the task pane at /outlook/', async () => {
    const page = await fetch(`${server.url}/outlook/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="./main.js">');
    expect((await fetch(`${server.url}/outlook/main.js`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it('sends a prefilled report from the task pane, stored once even when the first answer is lost', async () => {
    const page = await browser.newPage();
    let posts = 0;
    // Lose the answer to the first POST after the server has handled it: the retry must not store a second incident.
    await page.route('**/api/incidents?source=outlook', async (route) => {
      posts++;
      const response = await route.fetch();
      if (posts === 1) await route.abort('connectionreset');
      else await route.fulfill({ response });
    });
    await page.goto(`${server.url}/outlook/?sample=0`);
    const send = page.getByRole('button', { name: 'Skicka rapporten' });
    await send.waitFor();
    expect(await page.getByTestId('local-profile').innerText()).toContain('Ingen inloggning');
    await page.getByLabel('Vad har du redan gjort?').fill('Ringt mottagaren och bett hen radera mejlet.');
    await send.click();
    await page.getByTestId('submit-failure').waitFor();
    expect(await page.getByTestId('submit-failure').innerText()).toContain('Kunde inte nå PUI Desk');
    await send.click();
    await page.getByTestId('receipt').waitFor();
    const number = await page.getByTestId('receipt-number').innerText();
    expect(number).toMatch(/^PUI-\d{4}-\d{4}$/);
    expect(posts).toBe(2);

    const incident = await server.store.getByNumber(number);
    expect(incident).toBeDefined();
    expect(incident).toMatchObject({
      source: 'outlook',
      reporter: { name: 'Utvecklare (lokal profil)' },
      title: 'Mejl skickat till fel mottagare 2026-11-18',
      breachTypes: ['confidentiality'],
      dataCategories: ['identity-numbers', 'health', 'social-services', 'children'],
      affectedCount: 2,
      cause: 'human-error',
      occurredAt: '2026-11-18T08:42:00.000Z',
      measures: 'Ringt mottagaren och bett hen radera mejlet.',
      status: 'new',
    });
    expect(incident!.reportId).toMatch(/^outlook-/);
    expect(Date.parse(incident!.deadline) - Date.parse(incident!.awareAt)).toBe(72 * 3600_000);
    expect(incident!.description).toContain('varav 1 utanför organisationen');
    // The mail's content never reached the server.
    expect(JSON.stringify(incident)).not.toMatch(/020412|198507|ADHD|BUP|utredning\.pdf|erik\.skola/);
    expect(logLines.join('\n')).not.toMatch(/020412|198507|Mejl skickat till fel mottagare/);

    // One incident for the two posts, and it is on the DPO's list of open incidents.
    const all = await server.store.listAll({ limit: 500 });
    expect(all.items.filter((i) => i.reportId === incident!.reportId)).toHaveLength(1);
    const board = await fetch(`${server.url}/api/incidents?scope=all&open=true`).then((r) => r.json() as Promise<{ items: { number: string }[] }>);
    expect(board.items.map((i) => i.number)).toContain(number);
    await page.close();
  });
});
