/**
 * End to end in the real Microsoft 365 Agents Playground, driven in Debian's Chromium:
 * set the DPO channel in the team channel, report in the personal chat (the short card, the title's
 * identity number masked before it is sent, then Fler uppgifter), get the receipt, and see the DPO
 * card arrive in the channel, title masked.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../support/test-server';
import { startPlayground, type RunningPlayground } from './playground-process';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

jest.setTimeout(120_000);

let server: TestServer;
let playground: RunningPlayground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  playground = await startPlayground(`${server.url}/api/messages`);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await server?.close();
});

/** The message box of the open conversation (a contenteditable editor). */
async function write(text: string, options: { mentionBot?: boolean } = {}): Promise<void> {
  const editor = page.locator('[data-lexical-editor="true"]').first();
  await editor.click();
  if (options.mentionBot) {
    // A channel message reaches the bot only when it is @mentioned: type @ and pick the bot.
    await page.keyboard.type('@');
    await page.getByRole('menuitem', { name: 'PUI Desk' }).click();
    await page.keyboard.type(' ');
  }
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

it('reports in the personal chat and shows the DPO card in the team channel', async () => {
  await page.goto(playground.url);

  // The DPO makes the General channel the DPO channel.
  await page.getByText('General', { exact: true }).click();
  await write('ställ in dpo-kanal', { mentionBot: true });
  const postButton = page.getByRole('button', { name: 'Post' });
  if (await postButton.isEnabled().catch(() => false)) await postButton.click();
  await page.getByText('den här kanalen är nu DPO-kanal').first().waitFor({ timeout: 20_000 });

  // A caseworker reports in the personal chat.
  await page.getByText('Personal Chat', { exact: true }).click();
  await write('rapportera');
  const title = page.getByPlaceholder('Till exempel: Utredning skickad till fel mottagare').last();
  await title.waitFor({ timeout: 20_000 });
  await title.fill('Beslut om 19121212-1212 skickat till fel adress');
  await page.locator('textarea').first().fill('Ett beslut om försörjningsstöd skickades till en gammal adress.');
  await page.getByRole('button', { name: 'Skicka rapporten' }).last().click();
  // The identity number in the title comes back masked, with a note; nothing is stored yet.
  await page.getByText('Rubriken såg ut att innehålla ett personnummer').first().waitFor({ timeout: 20_000 });
  expect(await page.getByPlaceholder('Till exempel: Utredning skickad till fel mottagare').last().inputValue()).toBe(
    'Beslut om [personnummer] skickat till fel adress',
  );
  // The rest of the card opens under Fler uppgifter.
  await page.getByRole('button', { name: 'Fler uppgifter' }).last().click();
  await page.getByRole('checkbox', { name: 'Konfidentialitet (obehörig har fått del av uppgifter)' }).last().check();
  await page.getByRole('button', { name: 'Skicka rapporten' }).last().click();

  // The log panel repeats what the bot sent: the first match is the card.
  const receipt = page.getByText(/Din rapport har nummer PUI-\d{4}-\d{4}/).first();
  await receipt.waitFor({ timeout: 20_000 });
  const number = /PUI-\d{4}-\d{4}/.exec((await receipt.textContent()) ?? '')![0];
  await page.getByText('Vad händer nu?').first().waitFor();
  // The Playground's user is the local profile's dev identity: the report is theirs in the tab too.
  expect(await server.store.getByNumber(number)).toMatchObject({
    source: 'bot',
    breachTypes: ['confidentiality'],
    reporter: { id: 'dev-user', name: 'Utvecklare (lokal profil)' },
  });

  // The card is in the channel: number, masked title, the clock and the DPO's actions.
  await page.getByText('General', { exact: true }).click();
  await page.getByText(`Personuppgiftsincident ${number}`).first().waitFor({ timeout: 20_000 });
  await page.getByText('Beslut om [personnummer] skickat till fel adress').first().waitFor();
  await page
    .getByText(/\d d \d+ h kvar|\d+ h( \d+ min)? kvar/)
    .first()
    .waitFor();
  await page.getByRole('button', { name: 'Ta ärendet' }).first().waitFor();
  expect(await page.getByText('19121212-1212').count()).toBe(0);
  expect(await page.getByText('försörjningsstöd').count()).toBe(0);
});
