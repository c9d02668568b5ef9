import type { Activity } from 'botbuilder';
import { htmlToText, prefillFromMessage } from '../../bot/handlers/message-action';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import { possiblySameEvent, similarityItem } from '../../src/domain';
import { cardProblems } from './support/card-schema';
import {
  anna,
  cardElements,
  cardText,
  dana,
  DPO_CHANNEL_ID,
  erik,
  findExecute,
  OTHER_CHANNEL_ID,
  startHarness,
  validForm,
  type Harness,
} from './support/bot-harness';

const MESSAGE = {
  id: '1700000000123',
  createdDateTime: '2026-11-19T13:05:00.000Z',
  linkToMessage: 'https://teams.microsoft.com/l/message/19:other-channel@thread.tacv2/1700000000123',
  from: { user: { id: 'aad-sven', displayName: 'Sven Avsändare' } },
  body: {
    contentType: 'html',
    content: '<p>Hej! Här är utredningen om 19121212-1212 &amp; 121212-1212.</p><p>Ring mig.</p>',
  },
};

function dialogCard(response: { task?: { type?: string; value?: unknown } }): AdaptiveCard {
  expect(response.task?.type).toBe('continue');
  return (response.task!.value as { card: { content: AdaptiveCard } }).card.content;
}

/** A message in a group chat, as Teams sends it with the action: no team, no channel. */
const GROUP_CHAT_MESSAGE = {
  id: '1700000000456',
  createdDateTime: '2026-11-19T07:45:00.000Z',
  linkToMessage:
    'https://teams.microsoft.com/l/message/19:group@thread.v2/1700000000456?context=%7B%22contextType%22%3A%22chat%22%7D',
  from: { user: { id: 'aad-sara', displayName: 'Sara Skickare' } },
  body: {
    contentType: 'html',
    content: '<div>Jag skickade listan med 19121212-1212 till fel grupp.</div><div>Vad gör jag nu?</div>',
  },
};

/** What the dialog's inputs hold when the person submits without changing anything. */
function inputValues(card: AdaptiveCard): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as { type?: unknown; id?: unknown; value?: unknown };
      if (
        typeof o.type === 'string' &&
        o.type.startsWith('Input.') &&
        typeof o.id === 'string' &&
        o.value !== undefined
      )
        values[o.id] = o.value;
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return values;
}

describe('the message action "Anmäl som personuppgiftsincident" (its dialog: "Rapportera som personuppgiftsincident")', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.say('<at>PUI Desk</at> ställ in dpo-kanal', dana, 'dpo-channel');
  });
  afterEach(async () => {
    await h.close();
  });

  it('opens a dialog prefilled from the message: link, time as occurred, sender, masked text, and a warning', async () => {
    const response = await h.messageExtension('composeExtension/fetchTask', {
      commandId: 'reportMessage',
      commandContext: 'message',
      messagePayload: MESSAGE,
    });
    const card = dialogCard(response);
    expect((response.task!.value as { title: string }).title).toBe('Rapportera som personuppgiftsincident');
    const description = cardElements(card).find((e) => e.type === 'Input.Text' && e.id === 'description') as {
      value: string;
    };
    expect(description.value).toContain('Avsändare: Sven Avsändare');
    expect(description.value).toContain(`Länk: ${MESSAGE.linkToMessage}`);
    expect(description.value).toContain('Skickat: 2026-11-19 14:05');
    expect(description.value).toContain('utredningen om [personnummer] & [personnummer].');
    expect(description.value).not.toMatch(/19121212|121212-1212/);
    expect(cardElements(card)).toContainEqual(expect.objectContaining({ id: 'occurredDate', value: '2026-11-19' }));
    expect(cardElements(card)).toContainEqual(expect.objectContaining({ id: 'occurredTime', value: '14:05' }));
    expect(cardText(card)).toContain('Kopiera inte mer än som behövs');
    expect(findExecute(card, 'report.submit')).toBeDefined();
    expect(card.actions?.[0].type).toBe('Action.Submit');
    expect(cardProblems(card)).toEqual([]);
  });

  it('works where the bot is not a member: answers in the dialog and posts nothing into that conversation', async () => {
    const fetched = dialogCard(
      await h.messageExtension(
        'composeExtension/fetchTask',
        { commandId: 'reportMessage', commandContext: 'message', messagePayload: MESSAGE },
        anna,
        'other-channel',
      ),
    );
    const submit = findExecute(fetched, 'report.submit')!;
    const response = await h.messageExtension(
      'composeExtension/submitAction',
      {
        commandId: 'reportMessage',
        commandContext: 'message',
        messagePayload: MESSAGE,
        data: { ...submit.data, ...validForm({ description: 'Utkast från meddelandet.' }) },
      },
      anna,
      'other-channel',
    );
    const receipt = dialogCard(response);
    expect(cardText(receipt)).toContain('Din rapport har nummer PUI-2026-0001');
    const stored = await h.store.getByNumber('PUI-2026-0001');
    expect(stored).toMatchObject({ source: 'message', reporter: { id: anna.aadObjectId } });
    await h.drain();
    expect(h.gateway.ops.map((o) => o.conversationId)).toEqual([DPO_CHANNEL_ID]);
    expect(h.gateway.ops.some((o) => o.conversationId === OTHER_CHANNEL_ID)).toBe(false);
    expect(cardText(h.gateway.posts[0].content)).toContain('Teams-meddelande');
  });

  it('opens the dialog prefilled from a group-chat message and stores what is submitted from it as a message report', async () => {
    const fetched = await h.messageExtension(
      'composeExtension/fetchTask',
      { commandId: 'reportMessage', commandContext: 'message', messagePayload: GROUP_CHAT_MESSAGE },
      anna,
      'group',
    );
    expect((fetched.task!.value as { title: string }).title).toBe('Rapportera som personuppgiftsincident');
    const card = dialogCard(fetched);
    const prefilled = inputValues(card);
    expect(prefilled.description).toContain('Avsändare: Sara Skickare');
    expect(prefilled.description).toContain(`Länk: ${GROUP_CHAT_MESSAGE.linkToMessage}`);
    expect(prefilled.description).toContain('Skickat: 2026-11-19 08:45');
    expect(prefilled.description).toContain('Jag skickade listan med [personnummer] till fel grupp.\nVad gör jag nu?');
    expect(prefilled.description).not.toContain('19121212');
    expect([prefilled.occurredDate, prefilled.occurredTime]).toEqual(['2026-11-19', '08:45']);
    expect(cardText(card)).toContain('Kopiera inte mer än som behövs');
    expect(cardProblems(card)).toEqual([]);

    // The person adds a title and the choices, and keeps the prefilled draft and times.
    const submit = findExecute(card, 'report.submit')!;
    const response = await h.messageExtension(
      'composeExtension/submitAction',
      {
        commandId: 'reportMessage',
        commandContext: 'message',
        messagePayload: GROUP_CHAT_MESSAGE,
        data: { ...submit.data, ...validForm(), ...prefilled },
      },
      anna,
      'group',
    );
    expect(cardText(dialogCard(response))).toContain('Din rapport har nummer PUI-2026-0001');
    const stored = await h.store.getByNumber('PUI-2026-0001');
    expect(stored).toMatchObject({
      source: 'message',
      reporter: { id: anna.aadObjectId, name: anna.name },
      description: prefilled.description,
      occurredAt: new Date(GROUP_CHAT_MESSAGE.createdDateTime).toISOString(),
    });
  });

  it('keeps the message reported from on the incident, so two reports of one message are marked as possibly the same event', async () => {
    const reportAs = async (user: typeof anna) => {
      const fetched = await h.messageExtension(
        'composeExtension/fetchTask',
        { commandId: 'reportMessage', commandContext: 'message', messagePayload: GROUP_CHAT_MESSAGE },
        user,
        'group',
      );
      const card = dialogCard(fetched);
      await h.messageExtension(
        'composeExtension/submitAction',
        {
          commandId: 'reportMessage',
          commandContext: 'message',
          messagePayload: GROUP_CHAT_MESSAGE,
          data: { ...findExecute(card, 'report.submit')!.data, ...validForm(), ...inputValues(card) },
        },
        user,
        'group',
      );
    };
    await reportAs(anna);
    await reportAs(erik);
    const first = (await h.store.getByNumber('PUI-2026-0001'))!;
    const second = (await h.store.getByNumber('PUI-2026-0002'))!;
    expect(first.sourceMessageId).toMatch(/\/1700000000456$/);
    expect(second.sourceMessageId).toBe(first.sourceMessageId);
    expect(
      possiblySameEvent([
        similarityItem({ ...first, title: 'Listan till fel grupp' }),
        similarityItem({ ...second, title: 'Fel mottagare av en lista' }),
      ]),
    ).toEqual(new Map([['PUI-2026-0002', { first: 'PUI-2026-0001', reason: 'source-message' }]]));
    expect(h.logLines.join('\n')).not.toContain('1700000000456');
  });

  it('works from a group chat the bot is not a member of: everything is answered in the dialog, nothing is posted into the chat', async () => {
    // Teams refuses what a bot posts into a chat it is not a member of; only the invoke's own answers get through.
    const sentInTurns: Partial<Activity>[] = [];
    h.adapter.use(async (context, next) => {
      context.onSendActivities(async (_context, activities, send) => {
        sentInTurns.push(...activities);
        if (activities.some((a) => a.type !== 'invokeResponse')) {
          throw Object.assign(new Error('The bot is not part of the conversation roster.'), {
            statusCode: 403,
            code: 'BotNotInConversationRoster',
          });
        }
        return send();
      });
      await next();
    });
    const fetched = dialogCard(
      await h.messageExtension(
        'composeExtension/fetchTask',
        { commandId: 'reportMessage', commandContext: 'message', messagePayload: GROUP_CHAT_MESSAGE },
        erik,
        'group',
      ),
    );
    const submit = findExecute(fetched, 'report.submit')!;
    const response = await h.messageExtension(
      'composeExtension/submitAction',
      {
        commandId: 'reportMessage',
        commandContext: 'message',
        messagePayload: GROUP_CHAT_MESSAGE,
        data: { ...submit.data, ...validForm(), ...inputValues(fetched) },
      },
      erik,
      'group',
    );
    expect(cardText(dialogCard(response))).toContain('Din rapport har nummer PUI-2026-0001');
    expect(await h.store.getByNumber('PUI-2026-0001')).toMatchObject({
      source: 'message',
      reporter: { id: erik.aadObjectId },
    });
    expect(sentInTurns.map((a) => a.type)).toEqual(['invokeResponse', 'invokeResponse']);
    await h.drain();
    // The announcement goes to the DPO channel only.
    expect(h.gateway.ops.map((o) => o.conversationId)).toEqual([DPO_CHANNEL_ID]);
    expect(cardText(h.gateway.posts[0].content)).toContain('Teams-meddelande');
  });

  it('shows validation errors in the dialog and stores nothing', async () => {
    const response = await h.messageExtension('composeExtension/submitAction', {
      commandId: 'reportMessage',
      commandContext: 'message',
      data: { verb: 'report.submit', reportId: 'report-dialog-1', ...validForm({ title: '', breachTypes: 'leak' }) },
    });
    const card = dialogCard(response);
    expect(cardText(card)).toContain('Skriv en rubrik: en rad om vad som hänt.');
    expect(cardText(card)).toContain('Typ av incident: okänt värde');
    expect(cardText(card)).toContain('Kopiera inte mer än som behövs');
    expect((await h.store.listAll()).items).toHaveLength(0);
  });

  it('speaks English in an English Teams client, and the English form is answered in English', async () => {
    const response = await h.messageExtension(
      'composeExtension/fetchTask',
      { commandId: 'reportMessage', commandContext: 'message', messagePayload: MESSAGE },
      anna,
      'other-channel',
      'en-US',
    );
    expect((response.task!.value as { title: string }).title).toBe('Report as personal data breach');
    const card = dialogCard(response);
    expect(cardText(card)).toContain('Copy no more than is needed');
    expect(cardText(card)).toContain('Sender: Sven Avsändare');
    const submit = findExecute(card, 'report.submit')!.data;
    expect(submit).toMatchObject({ lang: 'en' });
    const back = dialogCard(
      await h.messageExtension('composeExtension/submitAction', {
        commandId: 'reportMessage',
        commandContext: 'message',
        data: { ...submit, ...validForm({ title: '' }) },
      }),
    );
    expect(cardText(back)).toContain('Write a title: one line about what happened.');
  });

  it('says so in the dialog when the message was longer than a description may be', async () => {
    const long = { ...MESSAGE, body: { contentType: 'text', content: 'Brev till fel adress. '.repeat(1_000) } };
    const card = dialogCard(
      await h.messageExtension('composeExtension/fetchTask', {
        commandId: 'reportMessage',
        commandContext: 'message',
        messagePayload: long,
      }),
    );
    const description = cardElements(card).find((e) => e.type === 'Input.Text' && e.id === 'description') as {
      value: string;
    };
    expect(description.value).toHaveLength(10_000);
    expect(cardText(card)).toContain(
      'Meddelandet är längre än 10\u00a0000 tecken, så utkastet har bara dess början. Korta det till det som behövs.',
    );
    const short = dialogCard(
      await h.messageExtension('composeExtension/fetchTask', {
        commandId: 'reportMessage',
        commandContext: 'message',
        messagePayload: MESSAGE,
      }),
    );
    expect(cardText(short)).not.toContain('Meddelandet är längre än');
  });

  it('opens an empty form when Teams sends no message', async () => {
    const card = dialogCard(
      await h.messageExtension('composeExtension/fetchTask', { commandId: 'reportMessage', commandContext: 'message' }),
    );
    expect(cardElements(card)).toContainEqual(expect.objectContaining({ id: 'title' }));
  });

  it('reads a long hostile message to the text it holds (linear patterns: a quadratic one would not finish within the test timeout)', () => {
    // 200 000 characters each; the speed itself is not asserted here (no timing in tests).
    expect(htmlToText('<'.repeat(200_000))).toBe('<'.repeat(200_000));
    expect(htmlToText(' '.repeat(200_000) + 'x')).toBe('x');
    expect(
      htmlToText(`${' '.repeat(100_000)}x\n`.repeat(2))
        .split(/\s+/)
        .filter(Boolean),
    ).toEqual(['x', 'x']);
    expect(htmlToText('<br'.repeat(70_000))).toBe('<br'.repeat(70_000));
    expect(htmlToText('a < b <i>c</i>  \t\nd')).toBe('a < b c\nd');
  });

  it('reads message HTML as text and prefills nothing from a missing message', () => {
    expect(htmlToText('<div>Rad 1<br>Rad 2</div><p>&lt;b&gt; &amp; &quot;x&quot;</p>')).toBe('Rad 1\nRad 2\n<b> & "x"');
    expect(htmlToText('121212&#8209;12&#x200B;12 &amp;#8209; &#0; &#xD800;')).toBe(
      '121212\u201112\u200b12 &#8209; &#0; &#xD800;',
    );
    expect(
      prefillFromMessage({ body: { contentType: 'html', content: '<p>Gäller 121212&#8209;<br>1212.</p>' } } as never)
        .description,
    ).toContain('Gäller [personnummer].');
    expect(prefillFromMessage(undefined)).toEqual({});
  });
});
