/**
 * The built task pane in Chromium against a stand-in server: the local stand-in for Outlook
 * works offline, the report is prefilled and sent without the mail's content, the page passes
 * axe, and inside Outlook (`?host=outlook`) it loads Office.js and explains missing NAA.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AXE_PATH, buildTaskPaneInto, launchChromium } from './support/browser';
import { startStubApiServer, type StubServer } from './support/stub-api-server';

let root: string;
let browser: Browser;
let local: StubServer;
let entra: StubServer;

beforeAll(async () => {
  root = buildTaskPaneInto();
  browser = await launchChromium();
  local = await startStubApiServer(join(root, 'outlook'), {
    profile: 'local',
    organisationName: 'Kommunen',
    organisationDomains: ['kommun.example.se'],
  });
  entra = await startStubApiServer(join(root, 'outlook'), {
    profile: 'entra',
    organisationName: 'Kommunen',
    organisationDomains: ['kommun.example.se'],
    auth: {
      clientId: '11111111-2222-3333-4444-555555555555',
      authority: 'https://login.microsoftonline.com/22222222-3333-4444-5555-666666666666',
    },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await local?.close();
  await entra?.close();
  rmSync(root, { recursive: true, force: true });
});

async function openPage(url: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, requests, errors };
}

describe('task pane in Chromium', () => {
  it('runs the local stand-in offline: no Office.js, no request leaves the server', async () => {
    const { page, requests, errors } = await openPage(`${local.url}/outlook/?sample=0`);
    await page.getByRole('button', { name: 'Skicka rapporten' }).waitFor();
    expect(await page.getByTestId('local-profile').innerText()).toContain('Ingen inloggning');
    expect(await page.getByLabel(/^Rubrik/).inputValue()).toBe('Mejl skickat till fel mottagare 2026-11-18');
    expect(await page.getByTestId('scan-personnummer').innerText()).toBe('2');
    expect(requests.filter((u) => !u.startsWith(local.url))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends the prefilled report without the mail content and shows the receipt', async () => {
    const before = local.reports.length;
    const { page } = await openPage(`${local.url}/outlook/?sample=1`);
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt-number').innerText()).toMatch(/^PUI-2026-\d{4}$/);
    expect(await page.getByTestId('advice').innerText()).toContain('Meddela avsändaren att mejlet kommit fel');
    expect(local.reports.length).toBe(before + 1);
    const sent = local.reports[before];
    expect(sent.url).toBe('/api/incidents?source=outlook');
    expect(sent.headers.authorization).toBeUndefined();
    const body = JSON.parse(sent.body);
    expect(body).toMatchObject({
      title: 'Mejl mottaget av misstag 2026-11-17',
      breachTypes: ['confidentiality'],
      cause: 'human-error',
      dataCategories: ['identity-numbers', 'social-services'],
      affectedCount: 1,
      occurredAt: '2026-11-17T14:05:00.000Z',
    });
    expect(body.reportId).toMatch(/^outlook-/);
    expect(sent.body).not.toMatch(/761163|försörjningsstöd|Kronofogden|070-123/);
    await page.close();
  });

  it('has no accessibility violations found by axe, in the form and on the receipt', async () => {
    const { page } = await openPage(`${local.url}/outlook/?sample=0`);
    await page.getByRole('button', { name: 'Skicka rapporten' }).waitFor();
    await page.addScriptTag({ path: AXE_PATH });
    const run = () =>
      page.evaluate(async () =>
        (
          await (
            window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
          ).axe.run()
        ).violations.map((v) => `${v.id} (${v.nodes.length})`),
      );
    expect(await run()).toEqual([]);
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await page.getByTestId('receipt').waitFor();
    expect(await run()).toEqual([]);
    await page.close();
  });

  /** What sticks out of a pane `width` wide: the page's horizontal scroll and every element past the right edge. */
  async function overflow(page: Page): Promise<{ scroll: number; width: number; outside: string[] }> {
    return page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const outside = [...document.querySelectorAll('body *')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
        })
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''} ${Math.round(el.getBoundingClientRect().width)}px ${(el as HTMLElement).innerText?.slice(0, 30) ?? ''} L${Math.round(el.getBoundingClientRect().left)}`,
        );
      return { scroll: document.documentElement.scrollWidth, width, outside };
    });
  }

  /** How many lines a text element takes (one line box per line of its text). */
  function lineCount(page: Page, testId: string): Promise<number> {
    return page.getByTestId(testId).evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
  }

  it.each([320, 380, 450])(
    "reflows at %i px, the width of Outlook's task pane: no sideways scroll, nothing past the edge, the receipt readable",
    async (width) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${local.url}/outlook/?sample=0`);
      await page.getByRole('button', { name: 'Skicka rapporten' }).waitFor();
      const form = await overflow(page);
      expect(form.outside).toEqual([]);
      expect(form.scroll).toBeLessThanOrEqual(form.width);
      // Ämne, Från, Till and Kopia start at the same x.
      const starts = await page
        .locator('dl')
        .first()
        .locator('dd')
        .evaluateAll((dds) =>
          dds.map((dd) => {
            const first = (dd.querySelector('li > span') ?? dd) as HTMLElement;
            const range = document.createRange();
            range.selectNodeContents(first);
            return Math.round(range.getClientRects()[0]?.left ?? dd.getBoundingClientRect().left);
          }),
        );
      expect(new Set(starts).size).toBe(1);
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      await page.getByTestId('receipt').waitFor();
      const receipt = await overflow(page);
      expect(receipt.outside).toEqual([]);
      expect(receipt.scroll).toBeLessThanOrEqual(receipt.width);
      expect(await lineCount(page, 'receipt-number')).toBe(1);
      expect(await lineCount(page, 'receipt-deadline')).toBeLessThanOrEqual(2);
      await page.close();
    },
  );

  it('switches to English and back', async () => {
    const { page } = await openPage(`${local.url}/outlook/?sample=2&lang=en`);
    await page.getByRole('button', { name: 'Send the report' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'På svenska' }).click();
    await page.getByRole('button', { name: 'Skicka rapporten' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await page.close();
  });

  it('inside Outlook loads Office.js from the CDN and explains in Swedish when nested app authentication is missing', async () => {
    const page = await browser.newPage();
    const officeRequests: string[] = [];
    // A fake Office.js standing in for Microsoft's CDN: an old Outlook without NestedAppAuth 1.1.
    await page.route('https://appsforoffice.microsoft.com/**', async (route) => {
      officeRequests.push(route.request().url());
      await route.fulfill({
        contentType: 'text/javascript',
        body: `window.Office = { onReady: () => Promise.resolve({ host: 'Outlook', platform: 'PC' }), context: {
          displayLanguage: 'sv-SE', requirements: { isSetSupported: () => false },
          mailbox: { userProfile: { emailAddress: 'anna@kommun.example.se' }, item: { subject: 'Hej', from: { displayName: 'Anna', emailAddress: 'anna@kommun.example.se' },
            to: [{ displayName: 'X', emailAddress: 'x@annan.example' }], cc: [], dateTimeCreated: new Date('2026-11-18T08:00:00Z'), internetMessageId: '<m@k>', attachments: [],
            body: { getAsync: (t, cb) => cb({ status: 'succeeded', value: 'Text 121212-1212' }) } } } } };`,
      });
    });
    await page.goto(`${entra.url}/outlook/?host=outlook`);
    const message = page.getByTestId('naa-unsupported');
    await message.waitFor();
    expect(officeRequests).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(await message.innerText()).toContain('Outlook.com och Gmail fungerar inte');
    expect(await page.getByRole('button', { name: 'Skicka rapporten' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('scan-personnummer').innerText()).toBe('1');
    await page.close();
  });

  it('outside Outlook in the entra profile refuses the stand-in', async () => {
    const { page } = await openPage(`${entra.url}/outlook/`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Öppna PUI Desk från ett mejl i Outlook.');
    await page.close();
  });
});
