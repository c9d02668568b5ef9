import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import { ReportRateLimiter } from '../../src/use-cases';
import { cardProblems } from './support/card-schema';
import {
  anna,
  cardText,
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
  body: { contentType: 'html', content: '<p>Listan gick till fel mottagare.</p>' },
};

function cardOfResponse(response: AdaptiveCardInvokeResponse): AdaptiveCard {
  return response.value as unknown as AdaptiveCard;
}

describe('the report rate in the bot (personal chat and message action)', () => {
  let h: Harness;
  beforeEach(async () => {
    // Two at once, then one per 10 s: small, so the test stays short; the rule is the same as in production.
    h = await startHarness({ reportRate: new ReportRateLimiter({ burst: 2, refillMs: 10_000 }) });
  });
  afterEach(async () => {
    await h.close();
  });

  it('brings the form back as typed, saying how long to wait, once a person has filed too many in a row; stores nothing', async () => {
    for (const id of ['rate-report-0001', 'rate-report-0002']) {
      expect(
        cardText(
          cardOfResponse(await h.execute({ verb: 'report.submit', reportId: id }, validForm(), anna, 'personal')),
        ),
      ).toContain('Din rapport har nummer');
    }
    const refused = cardOfResponse(
      await h.execute(
        { verb: 'report.submit', reportId: 'rate-report-0003' },
        validForm({ title: 'Tredje rapporten' }),
        anna,
        'personal',
      ),
    );
    const shown = cardText(refused);
    expect(shown).toContain('Du har skickat många rapporter på kort tid. Vänta 10 sekunder och skicka sedan igen');
    expect(shown).not.toContain('Din rapport har nummer');
    expect(refused.body).toContainEqual(expect.objectContaining({ id: 'title', value: 'Tredje rapporten' }));
    expect(findExecute(refused, 'report.submit')?.data).toMatchObject({ reportId: 'rate-report-0003' });
    expect(cardProblems(refused)).toEqual([]);
    expect((await h.store.listAll()).items).toHaveLength(2);

    // A retry of a report already filed answers its receipt again and costs nothing.
    expect(
      cardText(
        cardOfResponse(
          await h.execute({ verb: 'report.submit', reportId: 'rate-report-0001' }, validForm(), anna, 'personal'),
        ),
      ),
    ).toContain('PUI-2026-0001');
    // Someone else is not held back by Anna's reports.
    expect(
      cardText(
        cardOfResponse(
          await h.execute({ verb: 'report.submit', reportId: 'rate-report-0004' }, validForm(), erik, 'personal'),
        ),
      ),
    ).toContain('PUI-2026-0003');
    // Ten seconds later, the form sent again goes through.
    h.clock.advance(10_000);
    expect(
      cardText(
        cardOfResponse(
          await h.execute({ verb: 'report.submit', reportId: 'rate-report-0003' }, validForm(), anna, 'personal'),
        ),
      ),
    ).toContain('PUI-2026-0004');
  });

  it("holds the message action's dialog to the same rate, with the same message in the dialog", async () => {
    const submitDialog = async () => {
      const fetched = await h.messageExtension(
        'composeExtension/fetchTask',
        { commandId: 'reportMessage', commandContext: 'message', messagePayload: MESSAGE },
        anna,
        'other-channel',
      );
      const card = (fetched.task!.value as { card: { content: AdaptiveCard } }).card.content;
      const response = await h.messageExtension(
        'composeExtension/submitAction',
        {
          commandId: 'reportMessage',
          commandContext: 'message',
          messagePayload: MESSAGE,
          data: { ...findExecute(card, 'report.submit')!.data, ...validForm() },
        },
        anna,
        'other-channel',
      );
      return (response.task!.value as { card: { content: AdaptiveCard } }).card.content;
    };
    // One from the chat and one from a message use up Anna's two.
    await h.execute({ verb: 'report.submit', reportId: 'rate-report-0001' }, validForm(), anna, 'personal');
    expect(cardText(await submitDialog())).toContain('Din rapport har nummer PUI-2026-0002');
    const refused = await submitDialog();
    expect(cardText(refused)).toContain('Du har skickat många rapporter på kort tid');
    // Still the form, ready to be sent again.
    expect(findExecute(refused, 'report.submit')).toBeDefined();
    expect((await h.store.listAll()).items).toHaveLength(2);
    expect(h.gateway.ops.some((o) => o.conversationId === OTHER_CHANNEL_ID)).toBe(false);
  });
});
