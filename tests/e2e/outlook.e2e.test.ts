/**
 * End to end: the built Outlook task pane, served by the real server (local profile, SQLite, the
 * bot on, as `npm start` runs it), in Debian's Chromium on the local stand-in for Outlook. A
 * prefilled report is sent from the pane and found in the store, on the DPO's list, and as a card
 * in the DPO channel: the real bot posts it over HTTP to a Bot Connector double.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { FactSet } from '../../bot/cards/adaptive-card';
import { startServer, type RunningServer } from '../../src/main';
import { getDpoChannel, getPostedCard } from '../../src/use-cases';
import { createLogger } from '../../src/server/logger';
import { outboxItemKey } from '../../src/use-cases';
import { cardText } from '../bot/support/bot-harness';
import { cardProblems } from '../bot/support/card-schema';
import { buildTaskPaneInto, launchChromium } from '../outlook/support/browser';
import { startBotConnectorDouble, type BotConnectorDouble } from '../support/bot-connector-double';

/** The Teams channel the DPO makes the DPO channel (its root conversation, no reply thread). */
const DPO_CHANNEL_ID = '19:dpo-outlook-e2e@thread.tacv2';

/** What the sample mail (`?sample=0`) holds that must never leave the mailbox. */
const MAIL_BODY_PHRASES = [
  'Här kommer underlaget',
  'som vi pratade om',
  'Vårdnadshavaren',
  'ADHD',
  'BUP',
  'Mvh Anna',
  '0480-45 00 00',
];
const MAIL_ADDRESSES = [
  'anna.handlaggare@kommun.example.se',
  'erik.skola@extern-skola.example.com',
  'enhetschef@kommun.example.se',
];
const MAIL_IDENTITY_NUMBERS = /(?:20)?020412-?5645|(?:19)?850709-?2388/;
const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

let dir: string;
let staticRoot: string;
let server: RunningServer;
let connector: BotConnectorDouble;
let browser: Browser;
const logLines: string[] = [];

/** A message to the bot in the DPO channel, as Teams delivers it to /api/messages. */
function channelMessage(id: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    text,
    from: { id: '29:dpo-dana', aadObjectId: 'aad-dpo-dana', name: 'Dana Dataskydd' },
    recipient: { id: '28:pui-desk', name: 'PUI Desk' },
    conversation: {
      id: `${DPO_CHANNEL_ID};messageid=${id}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: 'tenant',
    },
    entities: [{ type: 'mention', text: '<at>PUI Desk</at>', mentioned: { id: '28:pui-desk', name: 'PUI Desk' } }],
    channelData: {
      team: { id: '19:team@thread.tacv2', name: 'Dataskydd' },
      channel: { id: DPO_CHANNEL_ID, name: 'DPO' },
      tenant: { id: 'tenant' },
    },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pui-outlook-e2e-'));
  connector = await startBotConnectorDouble();
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
    writeFileSync(
      join(staticRoot, 'outlook', 'config.json'),
      JSON.stringify({ profile: 'local', organisationName: 'Kommunen', organisationDomains: [] }),
    );
  }
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await connector?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Outlook task pane end to end', () => {
  it('serves the task pane at /outlook/', async () => {
    const page = await fetch(`${server.url}/outlook/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="./main.js">');
    expect((await fetch(`${server.url}/outlook/main.js`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it('sends a prefilled report from the task pane, stored once even when the first answer is lost, and announced once in the DPO channel', async () => {
    // The DPO makes a Teams channel the DPO channel, as in Teams: an @mention of the bot there.
    const setChannel = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(channelMessage('1763456400000', '<at>PUI Desk</at> ställ in dpo-kanal')),
    });
    expect(setChannel.status).toBe(200);
    const confirmation = connector.calls.find((c) => c.activityId === '1763456400000');
    expect(confirmation?.activity.text).toContain('den här kanalen är nu DPO-kanal');
    expect(await getDpoChannel(server)).toMatchObject({
      address: {
        conversationId: DPO_CHANNEL_ID,
        route: { serviceUrl: connector.serviceUrl, conversation: { id: DPO_CHANNEL_ID } },
      },
    });
    expect(connector.posts(DPO_CHANNEL_ID)).toHaveLength(0);

    const page = await browser.newPage();
    // The server's Content-Security-Policy: Chromium reports anything it blocks as a console error.
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
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
    await page.getByLabel('Vad har redan gjorts?').fill('Ringt mottagaren och bett hen radera mejlet.');
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
    // The mail is named by its internet message id; its content never reached the server.
    expect(incident!.description).toContain('Meddelande-id: <a1b2c3@kommun.example.se>');
    expect(incident).not.toHaveProperty('body');
    const stored = JSON.stringify(incident);
    for (const phrase of [...MAIL_BODY_PHRASES, ...MAIL_ADDRESSES, 'utredning.pdf'])
      expect(stored).not.toContain(phrase);
    expect(stored).not.toMatch(MAIL_IDENTITY_NUMBERS);
    expect(logLines.join('\n')).not.toMatch(/020412|198507|Mejl skickat till fel mottagare/);

    // One incident for the two posts, and it is on the DPO's list of open incidents.
    const all = await server.store.listAll({ limit: 500 });
    expect(all.items.filter((i) => i.reportId === incident!.reportId)).toHaveLength(1);
    const board = await fetch(`${server.url}/api/incidents?scope=all&open=true`).then(
      (r) => r.json() as Promise<{ items: { number: string }[] }>,
    );
    expect(board.items.map((i) => i.number)).toContain(number);

    // The bot posted the incident's card into the DPO channel through the Bot Connector: a new
    // thread in the channel, not a reply.
    const post = await connector.waitFor(
      (c) => c.method === 'POST' && c.activityId === undefined && JSON.stringify(c.activity).includes(number),
    );
    expect(post.conversationId).toBe(DPO_CHANNEL_ID);
    const [attachment] = post.activity.attachments ?? [];
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = attachment!.content as { body: { type: string; facts?: FactSet['facts'] }[] };
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(`Personuppgiftsincident ${number}`);
    expect(card.body.find((e) => e.type === 'FactSet')?.facts).toContainEqual({ title: 'Källa', value: 'Outlook' });
    // Nothing from the mail in the channel: no body text, no addresses, no identity numbers.
    const sent = JSON.stringify(post.activity);
    for (const phrase of [...MAIL_BODY_PHRASES, ...MAIL_ADDRESSES]) expect(sent).not.toContain(phrase);
    expect(sent).not.toMatch(MAIL_IDENTITY_NUMBERS);
    expect(JSON.stringify(card)).not.toMatch(EMAIL_ADDRESS);
    expect(sent).not.toContain(incident!.description);

    // Announced once, though the pane posted twice; the outbox let go of it and the store knows the card.
    await server.delivery!.drain();
    expect(connector.posts(DPO_CHANNEL_ID).filter((c) => JSON.stringify(c.activity).includes(number))).toHaveLength(1);
    expect(await server.appState.getState(outboxItemKey(`reported:${incident!.reportId}`))).toBeUndefined();
    expect(await getPostedCard(server, incident!.id)).toMatchObject({
      messageId: post.assignedId,
      address: { conversationId: DPO_CHANNEL_ID },
    });
    expect(cspViolations).toEqual([]);
    await page.close();
  });
});
