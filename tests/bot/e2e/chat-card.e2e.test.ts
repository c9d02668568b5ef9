/**
 * The bot's real cards as Teams draws them: the card JSON from bot/cards, rendered by Microsoft's
 * Adaptive Cards renderer (`adaptivecards`) with Teams' light host config, in Debian's Chromium.
 * The short report card shows its three short questions and *Fler uppgifter*, opens the rest on
 * the card itself, and every card passes axe (including colour contrast) as rendered.
 * With `UPDATE_SCREENSHOTS=1` (`npm run screenshots`) the short card goes to docs/screenshots.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AdaptiveCard } from '../../../bot/cards/adaptive-card';
import { dpoChannelCard } from '../../../bot/cards/dpo-channel-card';
import { helpCard } from '../../../bot/cards/help-card';
import { myIncidentsCard } from '../../../bot/cards/my-incidents-card';
import { receiptCard } from '../../../bot/cards/receipt-card';
import { reportFormCard } from '../../../bot/cards/report-form-card';
import { anIncident } from '../support/incidents';
import { TEAMS_LIGHT_HOST_CONFIG } from '../support/teams-light-host-config';

const repo = resolve(__dirname, '..', '..', '..');
const RENDERER = require.resolve('adaptivecards/dist/adaptivecards.min.js');
const RENDERER_CSS = join(RENDERER, '..', 'adaptivecards.css');
const AXE_PATH = require.resolve('axe-core/axe.min.js');
/** 14:30 in Stockholm on a Friday in November. */
const NOW = new Date('2026-11-20T13:30:00.000Z');

const PAGE = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>PUI Desk – kort</title>
<link rel="stylesheet" href="/adaptivecards.css">
<style>
  body { margin: 0; padding: 16px; background: #f5f5f5; font-family: 'Segoe UI', 'DejaVu Sans', sans-serif; }
  main { width: 520px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
  .ac-pushButton { border: 1px solid #6264a7; background: #fff; color: #464775; padding: 6px 12px; border-radius: 4px; }
  .ac-pushButton.style-positive { background: #5b5fc7; color: #fff; }
  .ac-input { font: inherit; padding: 4px 6px; border: 1px solid #8a8886; border-radius: 3px; }
  .ac-textInput.ac-multiline { min-height: 64px; }
  .ac-input-validation-failed { border-color: #c4314b; }
</style>
<script src="/adaptivecards.js"></script></head>
<body><main id="card" aria-label="Kortet"></main></body></html>`;

let dir: string;
let http: Server;
let base: string;
let browser: Browser;
let page: Page;

function serve(): Promise<Server> {
  const files: Record<string, { type: string; body: string | Buffer }> = {
    '/': { type: 'text/html; charset=utf-8', body: PAGE },
    '/adaptivecards.js': { type: 'text/javascript', body: readFileSync(RENDERER) },
    '/adaptivecards.css': { type: 'text/css', body: readFileSync(RENDERER_CSS) },
  };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    res.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain' });
    res.end(file?.body ?? 'not found');
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pui-card-e2e-'));
  http = await serve();
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 600, height: 900 } });
  await page.goto(base);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => http?.close(done));
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Renders a card into the page as Teams would, replacing the one before, and expects the renderer
 * to have read all of it (no parse or validation events: an unknown element would be dropped).
 */
async function render(card: AdaptiveCard): Promise<void> {
  const events = await page.evaluate(
    ({ json, hostConfig }) => {
      const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
      const adaptive = new AC.AdaptiveCard();
      adaptive.hostConfig = new AC.HostConfig(hostConfig);
      const context = new AC.SerializationContext();
      adaptive.parse(json, context);
      const found: string[] = [];
      for (let i = 0; i < context.eventCount; i++) found.push(context.getEventAt(i).message);
      for (const e of adaptive.validateProperties().validationEvents) found.push(e.message);
      const el = adaptive.render();
      document.getElementById('card')!.replaceChildren(...(el ? [el] : []));
      return found;
    },
    { json: card as unknown as object, hostConfig: TEAMS_LIGHT_HOST_CONFIG },
  );
  expect(events).toEqual([]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Axe's violations on the rendered card, described (all impacts: a card is small). */
async function violations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Element, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    return (await axe.run(document.getElementById('card')!, { resultTypes: ['violations'] })).violations;
  });
  return found.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The visible inputs' accessible names, in order. */
async function visibleInputNames(): Promise<string[]> {
  return page
    .locator('#card input:visible, #card textarea:visible, #card select:visible')
    .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? el.id));
}

describe('the short chat report card, rendered', () => {
  it('asks three things (what happened, a short description, when it was discovered) and offers Fler uppgifter, axe-clean', async () => {
    await render(reportFormCard({ reportId: 'report-0001', mode: 'chat', now: NOW }));
    expect(await visibleInputNames()).toEqual([
      'Rubrik *',
      'Vad har hänt? *',
      'När upptäcktes incidenten? Datum (ÅÅÅÅ-MM-DD) *',
      'Klockslag (TT:MM, svensk tid)',
    ]);
    expect(await page.locator('#card input:visible').nth(1).inputValue()).toBe('2026-11-20');
    expect(await page.locator('#card input:visible').nth(2).inputValue()).toBe('14:30');
    await expect(page.getByRole('button', { name: 'Fler uppgifter' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Skicka rapporten' }).isVisible()).resolves.toBe(true);
    expect(await violations()).toEqual([]);
    const target =
      process.env.UPDATE_SCREENSHOTS === '1' ? join(repo, 'docs', 'screenshots') : join(dir, 'screenshots');
    mkdirSync(target, { recursive: true });
    await page.locator('#card').screenshot({ path: join(target, 'chat-report-card.png') });
  });

  it('opens the rest on the card itself with Fler uppgifter, still axe-clean', async () => {
    await render(reportFormCard({ reportId: 'report-0001', mode: 'chat', now: NOW }));
    await page.getByRole('button', { name: 'Fler uppgifter' }).click();
    const names = await visibleInputNames();
    expect(names.length).toBeGreaterThan(4);
    expect(names).toContain('När inträffade incidenten? Om du vet. Datum (ÅÅÅÅ-MM-DD)');
    expect(names).toContain('Ungefär hur många personer berörs?');
    // The button names what it shows to a screen reader.
    const button = page.getByRole('button', { name: 'Fler uppgifter' });
    expect(await button.getAttribute('aria-controls')).toBe('moreDetails');
    // The renderer (adaptivecards 3.0) also puts aria-expanded on the container it shows, which has
    // no role that allows it: that one finding is the renderer's, not the card's, and only it is let through.
    const rendererOwn = 'critical aria-allowed-attr: Elements must only use supported ARIA attributes (#moreDetails)';
    expect((await violations()).filter((v) => v !== rendererOwn)).toEqual([]);
  });

  it('shows errors and the masked-number note in colours that can be read (axe colour contrast)', async () => {
    await render(
      reportFormCard({
        reportId: 'report-0001',
        mode: 'chat',
        now: NOW,
        values: { title: 'Beslut till fel adress', discoveredDate: '2026-12-24' },
        errors: { discoveredAt: ['Upptäcktsdatum kan inte ligga i framtiden.'] },
        notes: { title: ['Rubriken såg ut att innehålla ett personnummer.'] },
      }),
    );
    await expect(
      page.getByText('Rapporten är inte skickad. Rätta det som är markerat och skicka igen.').isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText('Upptäcktsdatum kan inte ligga i framtiden.').isVisible()).resolves.toBe(true);
    expect(await violations()).toEqual([]);
  });

  it('is English on an English card', async () => {
    await render(reportFormCard({ reportId: 'report-0001', mode: 'chat', now: NOW, locale: 'en' }));
    expect(await visibleInputNames()).toEqual([
      'Title *',
      'What happened? *',
      'When was the breach discovered? Date (YYYY-MM-DD) *',
      'Time (HH:MM, Swedish time)',
    ]);
    await expect(page.getByRole('button', { name: 'More details' }).isVisible()).resolves.toBe(true);
    expect(await violations()).toEqual([]);
  });
});

describe('the other cards, rendered', () => {
  const soon = anIncident({
    discoveredAt: '2026-11-18T10:00:00.000Z',
    awareAt: '2026-11-18T10:00:00.000Z',
    deadline: '2026-11-21T10:00:00.000Z',
    dataCategories: ['children', 'social-services'],
    affectedCount: 1200,
  });

  it('the DPO card with under 24 hours left and a notice reads in Teams’ light colours (axe colour contrast)', async () => {
    const card = dpoChannelCard(soon, {
      now: NOW,
      tabUrl: 'https://pui.example/tab',
      notice: { text: 'Någon annan hann ändra incidenten före dig.', color: 'attention' },
    });
    await render(card);
    await expect(page.getByText('20 h 30 min kvar').isVisible()).resolves.toBe(true);
    await expect(page.getByText('ca 1 200 personer').isVisible()).resolves.toBe(true);
    expect(await violations()).toEqual([]);
    const overdue = dpoChannelCard(soon, {
      now: new Date('2026-11-22T10:00:00.000Z'),
      tabUrl: 'https://pui.example/tab',
    });
    await render(overdue);
    await expect(page.getByText('försenad 1 d').isVisible()).resolves.toBe(true);
    expect(await violations()).toEqual([]);
  });

  it('the DPO card in English (CHANNEL_LANGUAGE=en), with a notice and its forms opened, passes axe', async () => {
    await render(
      dpoChannelCard(soon, {
        now: NOW,
        tabUrl: 'https://pui.example/tab',
        locale: 'en',
        notice: { text: 'Someone else changed the incident before you.', color: 'attention' },
      }),
    );
    await expect(page.getByText('20 h 30 min left').isVisible()).resolves.toBe(true);
    await expect(page.getByText('about 1,200 people').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Record the IMY notice' }).click();
    await expect(page.getByLabel(/Notified to IMY: date/).isVisible()).resolves.toBe(true);
    expect(await violations()).toEqual([]);
  });

  it('the help, my reports and receipt cards pass axe in both languages', async () => {
    for (const locale of ['sv', 'en'] as const) {
      for (const card of [
        helpCard(locale),
        myIncidentsCard([soon], NOW, { locale }),
        receiptCard(soon, NOW, { locale }),
      ]) {
        await render(card);
        expect(await violations()).toEqual([]);
      }
    }
  });
});
