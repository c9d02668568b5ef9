import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import { cardProblems } from './support/card-schema';
import {
  anna,
  cardElements,
  cardOf,
  cardText,
  filledIn,
  findExecute,
  responseCard,
  startHarness,
  validForm,
  type Harness,
} from './support/bot-harness';

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
  it.each([
    ['rapportera', 'Rapportera en personuppgiftsincident'],
    ['anmäl', 'Rapportera en personuppgiftsincident'],
    ['Anmäl', 'Rapportera en personuppgiftsincident'],
    ['report', 'Report a personal data breach'],
    ['REPORT!', 'Report a personal data breach'],
  ])('"%s" sends the report form in the language of the command', async (command, heading) => {
    const { card } = await openForm(command);
    expect(cardText(card)).toContain(heading);
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
    const response = await h.execute(
      { verb: 'report.submit', reportId },
      validForm({
        title: '',
        description: '   ',
        affectedCount: 'många',
        occurredDate: '2026-11-20',
        occurredTime: '23:00',
      }),
    );
    const card = responseCard(response);
    const shown = cardText(card);
    expect(shown).toContain('Rapporten är inte skickad');
    expect(shown).toContain('Skriv en rubrik: en rad om vad som hänt.');
    expect(shown).toContain('Beskriv kort vad som hänt.');
    expect(shown).toContain('Ange antalet berörda personer som ett heltal');
    expect(shown).toMatch(/inträffat efter att den upptäcktes|kan inte ligga i framtiden/);
    expect(cardElements(card)).toContainEqual(
      expect.objectContaining({ id: 'measures', value: 'Mottagaren har ombetts radera mejlet.' }),
    );
    // The same report id, so fixing and sending again is still one report.
    expect(findExecute(card, 'report.submit')?.data).toEqual({ verb: 'report.submit', reportId, lang: 'sv' });
    expect(await countIncidents()).toBe(0);
  });

  it('stores the short card as sent: a title, a short description, discovered now by default', async () => {
    const now = h.clock.now();
    const { card, reportId } = await openForm();
    const inputs = filledIn(card, {
      title: 'Beslut skickat till fel adress',
      description: 'Ett beslut skickades till en gammal adress.',
    });
    const receipt = responseCard(await h.execute({ verb: 'report.submit', reportId }, inputs));
    expect(cardText(receipt)).toContain('Din rapport har nummer PUI-2026-0001');
    const stored = await h.store.getByReportId(reportId);
    expect(stored).toMatchObject({
      title: 'Beslut skickat till fel adress',
      breachTypes: [],
      dataCategories: [],
      source: 'bot',
    });
    expect(stored?.occurredAt).toBeUndefined();
    expect(stored?.affectedCount).toBeUndefined();
    // The card's default is now, to the minute, in Stockholm time.
    expect(Math.abs(Date.parse(stored!.discoveredAt) - now.getTime())).toBeLessThan(60_000);
  });

  it('stores the expanded card: what was filled in under Fler uppgifter too', async () => {
    const { card, reportId } = await openForm();
    const inputs = filledIn(card, {
      title: 'Utredning mejlad till fel mottagare',
      description: 'En utredning om ett barn mejlades externt.',
      discoveredDate: '2026-11-20',
      discoveredTime: '09.30',
      occurredDate: '2026-11-19',
      occurredTime: '16:05',
      breachTypes: 'confidentiality',
      dataCategories: 'children,social-services',
      affectedCount: '3',
      cause: 'human-error',
      measures: 'Mottagaren har ombetts radera mejlet.',
    });
    responseCard(await h.execute({ verb: 'report.submit', reportId }, inputs));
    expect(await h.store.getByReportId(reportId)).toMatchObject({
      discoveredAt: '2026-11-20T08:30:00.000Z',
      occurredAt: '2026-11-19T15:05:00.000Z',
      breachTypes: ['confidentiality'],
      dataCategories: ['children', 'social-services'],
      affectedCount: 3,
      cause: 'human-error',
      measures: 'Mottagaren har ombetts radera mejlet.',
    });
  });

  it('refuses a discovery in the future saying how to fix it, with the details kept open when they hold an error', async () => {
    const { card, reportId } = await openForm();
    const inputs = filledIn(card, {
      title: 'Brev till fel adress',
      description: 'Ett brev gick fel.',
      discoveredDate: '2099-01-01',
      affectedCount: '-4',
    });
    const back = responseCard(await h.execute({ verb: 'report.submit', reportId }, inputs));
    expect(cardText(back)).toContain('Upptäcktsdatum kan inte ligga i framtiden. Ange när du upptäckte incidenten');
    expect(back.body).toContainEqual(
      expect.objectContaining({ type: 'Container', id: 'moreDetails', isVisible: true }),
    );
    expect(await countIncidents()).toBe(0);
  });

  it('masks an identity number in the title, says so and stores nothing until it is sent again', async () => {
    const { card, reportId } = await openForm();
    const inputs = filledIn(card, {
      title: 'Beslut om 19121212-1212 till fel adress',
      description: 'Ett beslut skickades fel.',
    });
    const back = responseCard(await h.execute({ verb: 'report.submit', reportId }, inputs));
    expect(cardText(back)).toContain('Rubriken såg ut att innehålla ett personnummer');
    const title = cardElements(back).find((e) => e.type === 'Input.Text' && e.id === 'title') as { value: string };
    expect(title.value).toBe('Beslut om [personnummer] till fel adress');
    expect(JSON.stringify(back)).not.toMatch(/19121212-?1212/);
    expect(await countIncidents()).toBe(0);
    responseCard(await h.execute({ verb: 'report.submit', reportId }, filledIn(back)));
    expect((await h.store.getByReportId(reportId))?.title).toBe('Beslut om [personnummer] till fel adress');
  });

  it('answers a Swedish command in Swedish even where the client says en-US (as the Agents Playground does)', async () => {
    const [reply] = await h.say('rapportera', anna, 'personal', 'en-US');
    expect(cardText(cardOf(reply))).toContain('Rapportera en personuppgiftsincident');
    const submit = findExecute(cardOf(reply), 'report.submit')!.data;
    expect(submit).toMatchObject({ lang: 'sv' });
    const back = responseCard(await h.execute(submit, validForm({ title: '' }), anna, 'personal', { locale: 'en-US' }));
    expect(cardText(back)).toContain('Skriv en rubrik: en rad om vad som hänt.');
  });

  it("answers an English command in English, and the English card's submit in English, errors included", async () => {
    const [reply] = await h.say('report');
    const submit = findExecute(cardOf(reply), 'report.submit')!.data as { reportId: string; lang?: string };
    expect(submit.lang).toBe('en');
    const { reportId } = submit;
    const fromCard = responseCard(await h.execute(submit as never, validForm({ title: '' })));
    expect(cardText(fromCard)).toContain('Write a title: one line about what happened.');
    const back = responseCard(
      await h.execute(
        { verb: 'report.submit', reportId },
        validForm({ title: '', discoveredDate: '2099-01-01' }),
        anna,
        'personal',
        { locale: 'en-US' },
      ),
    );
    const shown = cardText(back);
    expect(shown).toContain('The report has not been sent.');
    expect(shown).toContain('Write a title: one line about what happened.');
    expect(shown).toContain('The discovery date cannot be in the future.');
    const receipt = responseCard(
      await h.execute({ verb: 'report.submit', reportId }, validForm(), anna, 'personal', { locale: 'en-GB' }),
    );
    expect(cardText(receipt)).toContain('Your report has number PUI-2026-0001');
  });

  it('answers help and my in English, and the English help card opens English cards', async () => {
    const [help] = await h.say('help');
    expect(cardText(cardOf(help))).toContain('PUI Desk: report personal data breaches');
    const [mine] = await h.say('my');
    expect(cardText(cardOf(mine))).toContain('My reports');
    const list = responseCard(await h.execute(findExecute(cardOf(help), 'my.list')!.data));
    expect(cardText(list)).toContain('My reports');
    const form = responseCard(await h.execute(findExecute(cardOf(help), 'report.start')!.data));
    expect(cardText(form)).toContain('Report a personal data breach');
    const [swedish] = await h.say('hjälp', anna, 'personal', 'en-US');
    expect(cardText(cardOf(swedish))).toContain('PUI Desk: rapportera personuppgiftsincidenter');
    const [unknown] = await h.say('hello?', anna, 'personal', 'en-GB');
    expect(unknown.text).toContain('I did not understand that.');
  });

  it('says before and after that a description is too long, never cuts it, and stores nothing', async () => {
    const { card, reportId } = await openForm();
    expect(cardText(card)).toContain('Högst 10\u00a0000 tecken.');
    // What a client that does not enforce maxLength could send (Teams' own input stops at 10 000).
    const long = 'Ett brev till fel adress.'.repeat(4_000);
    const back = responseCard(await h.execute({ verb: 'report.submit', reportId }, validForm({ description: long })));
    expect(cardText(back)).toContain(
      'Beskrivningen får vara högst 10\u00a0000 tecken men är 100\u00a0000. Korta texten med 90\u00a0000 tecken.',
    );
    expect(await countIncidents()).toBe(0);
  });

  it('says so when a date cannot be read', async () => {
    const { reportId } = await openForm();
    const card = responseCard(
      await h.execute({ verb: 'report.submit', reportId }, validForm({ discoveredDate: '2026-02-30' })),
    );
    expect(cardText(card)).toContain('Datum och klockslag kunde inte läsas');
    expect(await countIncidents()).toBe(0);
  });

  it('refuses a title that would read turned round, and a discovery before the GDPR, in the card; stores nothing', async () => {
    const { reportId } = await openForm();
    const card = responseCard(
      await h.execute(
        { verb: 'report.submit', reportId },
        validForm({ title: 'Bilaga \u202Efdp.exe', discoveredDate: '2017-03-01' }),
      ),
    );
    const shown = cardText(card);
    expect(shown).toContain('Rubriken innehåller ett osynligt tecken som vänder läsriktningen (tecken 8)');
    expect(shown).toContain('Upptäcktsdatum kan inte ligga före 25 maj 2018');
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
    for (const [command, status] of [
      ['mina', 'Ny'],
      ['my', 'New'],
    ]) {
      const [reply] = await h.say(command);
      const shown = cardText(cardOf(reply));
      expect(shown).toContain('PUI-2026-0001');
      expect(shown).toContain('Brev till fel adress');
      expect(shown).toContain(status);
    }
    // Someone else sees none of Anna's.
    const [other] = await h.say('mina', { id: '29:bo', aadObjectId: 'aad-bo', name: 'Bo' });
    expect(cardText(cardOf(other))).toContain('Du har inte rapporterat några incidenter ännu');
  });

  it('"hjälp" and "help" explain the commands', async () => {
    for (const [command, line] of [
      ['hjälp', 'rapportera (report)'],
      ['help', 'report (rapportera)'],
    ]) {
      const [reply] = await h.say(command);
      expect(cardText(cardOf(reply))).toContain(line);
    }
  });

  it('answers an unknown message with the commands', async () => {
    const [reply] = await h.say('hallå?');
    expect(reply.text).toContain('Det förstod jag inte');
  });

  it("opens a new form from the help card's button and lists reports from the receipt's button", async () => {
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
