import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import { cardProblems } from './support/card-schema';
import { anna, cardOf, cardText, findExecute, responseCard, startHarness, validForm, type Harness } from './support/bot-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function openForm(command = 'anmäl'): Promise<{ card: AdaptiveCard; reportId: string }> {
  const [reply] = await h.say(command);
  const card = cardOf(reply);
  const submit = findExecute(card, 'report.submit');
  if (submit?.data.verb !== 'report.submit') throw new Error('no submit');
  return { card, reportId: submit.data.reportId };
}

async function countIncidents(): Promise<number> {
  return (await h.store.listAll({ limit: 500 })).items.length;
}

describe('reporting in the personal chat', () => {
  it.each(['anmäl', 'Anmäl', 'report', 'REPORT!'])('"%s" sends the report form', async (command) => {
    const { card } = await openForm(command);
    expect(cardText(card)).toContain('Rapportera en personuppgiftsincident');
    expect(cardProblems(card)).toEqual([]);
  });

  it('stores a valid report and replaces the form with a receipt: number, deadline, what happens next', async () => {
    const { reportId } = await openForm();
    const receipt = responseCard(await h.execute({ verb: 'report.submit', reportId }, validForm()));
    const shown = cardText(receipt);
    expect(shown).toContain('Din rapport har nummer PUI-2026-0001');
    // Discovered 09:30 Stockholm on 20 Nov: the deadline is 72 h later.
    expect(shown).toContain('2026-11-23 09:30');
    expect(shown).toContain('Vad händer nu?');
    const stored = await h.store.getByNumber('PUI-2026-0001');
    expect(stored).toMatchObject({
      reportId,
      source: 'bot',
      reporter: { id: anna.aadObjectId, name: anna.name },
      discoveredAt: '2026-11-20T08:30:00.000Z',
      occurredAt: '2026-11-19T15:05:00.000Z',
      breachTypes: ['confidentiality'],
      dataCategories: ['social-services', 'children'],
      affectedCount: 2,
      cause: 'human-error',
    });
  });

  it('shows validation errors in the card, keeps what was typed, and stores nothing', async () => {
    const { reportId } = await openForm();
    const response = await h.execute({ verb: 'report.submit', reportId }, validForm({ title: '', description: '   ', affectedCount: 'många', occurredDate: '2026-11-20', occurredTime: '23:00' }));
    const card = responseCard(response);
    const shown = cardText(card);
    expect(shown).toContain('Rapporten är inte skickad');
    expect(shown).toContain('Skriv en rubrik: en rad om vad som hänt.');
    expect(shown).toContain('Beskriv kort vad som hänt.');
    expect(shown).toContain('Ange antalet berörda personer som ett heltal');
    expect(shown).toMatch(/inträffat efter att den upptäcktes|kan inte ligga i framtiden/);
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'measures', value: 'Mottagaren har ombetts radera mejlet.' }));
    // The same report id, so fixing and sending again is still one report.
    expect(findExecute(card, 'report.submit')?.data).toEqual({ verb: 'report.submit', reportId });
    expect(await countIncidents()).toBe(0);
  });

  it('says so when a date cannot be read', async () => {
    const { reportId } = await openForm();
    const card = responseCard(await h.execute({ verb: 'report.submit', reportId }, validForm({ discoveredDate: '2026-02-30' })));
    expect(cardText(card)).toContain('Datum och klockslag kunde inte läsas');
    expect(await countIncidents()).toBe(0);
  });

  it('makes one incident of a double submit (double click, retry)', async () => {
    const { reportId } = await openForm();
    const [first, second] = await Promise.all([
      h.execute({ verb: 'report.submit', reportId }, validForm()),
      h.execute({ verb: 'report.submit', reportId }, validForm()),
    ]);
    const third = await h.execute({ verb: 'report.submit', reportId }, validForm());
    for (const r of [first, second, third]) expect(cardText(responseCard(r))).toContain('PUI-2026-0001');
    expect(cardText(responseCard(third))).toContain('Rapporten är mottagen som PUI-2026-0001.');
    expect(await countIncidents()).toBe(1);
  });

  it('"mina" and "my" list the caller\'s own reports with status', async () => {
    const { reportId } = await openForm();
    await h.execute({ verb: 'report.submit', reportId }, validForm({ title: 'Brev till fel adress' }));
    for (const command of ['mina', 'my']) {
      const [reply] = await h.say(command);
      const shown = cardText(cardOf(reply));
      expect(shown).toContain('PUI-2026-0001');
      expect(shown).toContain('Brev till fel adress');
      expect(shown).toContain('Ny');
    }
    // Someone else sees none of Anna's.
    const [other] = await h.say('mina', { id: '29:bo', aadObjectId: 'aad-bo', name: 'Bo' });
    expect(cardText(cardOf(other))).toContain('Du har inte rapporterat några incidenter ännu');
  });

  it('"hjälp" and "help" explain the commands', async () => {
    for (const command of ['hjälp', 'help']) {
      const [reply] = await h.say(command);
      expect(cardText(cardOf(reply))).toContain('rapportera (report)');
    }
  });

  it('answers an unknown message with the commands', async () => {
    const [reply] = await h.say('hallå?');
    expect(reply.text).toContain('Det förstod jag inte');
  });

  it('opens a new form from the help card\'s button and lists reports from the receipt\'s button', async () => {
    const form = responseCard(await h.execute({ verb: 'report.start' }));
    expect(findExecute(form, 'report.submit')).toBeDefined();
    const list = responseCard(await h.execute({ verb: 'my.list' }));
    expect(cardText(list)).toContain('Mina rapporter');
  });

  it('keeps reports out of channels and group chats', async () => {
    for (const where of ['other-channel', 'group'] as const) {
      const [reply] = await h.say('anmäl', anna, where);
      expect(reply.text).toContain('personliga chatten');
      expect(reply.attachments ?? []).toHaveLength(0);
    }
  });

  it('welcomes with the help card when installed in the personal chat', async () => {
    const before = h.adapter.activeQueue.length;
    await h.adapter.processActivity({
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:pui-desk', name: 'PUI Desk' }],
      recipient: { id: '28:pui-desk', name: 'PUI Desk' },
      from: { id: anna.id, name: anna.name },
      conversation: { id: 'a:personal', conversationType: 'personal', isGroup: false, name: '' },
      channelData: { tenant: { id: 'tenant' } },
    });
    const [welcome] = h.adapter.activeQueue.splice(before);
    expect(cardText(cardOf(welcome))).toContain('PUI Desk: rapportera personuppgiftsincidenter');
  });

  it('answers a button it does not know with a message, not an error', async () => {
    const response = await h.execute({ verb: 'nonsense' } as never);
    expect(response).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
  });
});
