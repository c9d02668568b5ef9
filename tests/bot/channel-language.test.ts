/**
 * CHANNEL_LANGUAGE: the DPO channel's cards (the incident card, its forms and notices, the
 * reminder in its thread, the digest) in English when the organisation chooses it, Swedish by
 * default, and every update of a posted card in the same language.
 */
import { ConfigError, loadConfig } from '../../src/config';
import { digestLine, type DigestView, type DueReminder, type Incident, type Locale } from '../../src/domain';
import { digestCard } from '../../bot/cards/digest-card';
import { dpoChannelCard } from '../../bot/cards/dpo-channel-card';
import { reminderCard } from '../../bot/cards/reminder-card';
import { ConversationPacer } from '../../bot/pacer';
import { TeamsCardPoster } from '../../bot/teams-card-poster';
import { aDpo } from '../support/incident-mother';
import { cardProblems } from './support/card-schema';
import {
  cardText,
  dana,
  FakeGateway,
  findExecute,
  responseCard,
  startHarness,
  validForm,
  VirtualClock,
  type Harness,
} from './support/bot-harness';
import { anIncident } from './support/incidents';

const TAB = 'http://127.0.0.1:3978/tab/';
const NOW = new Date('2026-11-20T08:01:00.000Z');

/** Letters and words only Swedish text has (as the tab's English browser test checks). People's names are data. */
function swedish(text: string): string[] {
  return (
    text
      .replaceAll(aDpo.name, '')
      .replaceAll(dana.name, '')
      .match(
        /[åäöÅÄÖ]|\b(och|inte|att|har|till|eller|Spara|Ingen|kvar|försenad|ca|personer|Typ|Uppgifter|Berörda|Upptäckt|Ansvarig|Uppdaterad|Bedömd|Ny|sedan|nya|Klockan|Skickad|Motivering|Registrera|Ta)\b/g,
      ) ?? []
  );
}

/** Every text a card carries, the fallback and the mention texts included. */
function allText(card: object): string {
  return `${cardText(card)}\n${JSON.stringify(card)}`;
}

const reminder = (stage: DueReminder['stage'], catchUp = false): DueReminder => ({
  slot: NOW.toISOString(),
  stage,
  at: NOW.toISOString(),
  mention: true,
  catchUp,
  next: null,
});

const phased = {
  notifiedAt: '2026-11-19T09:00:00.000Z',
  phased: true,
  reference: 'DI-2026-1234',
  recordedAt: '2026-11-19T09:00:00.000Z',
  recordedBy: aDpo,
};

/** Incidents that between them show every fact, form and clock the card has. */
function incidents(): Incident[] {
  const base = { title: 'Decision sent to the wrong address', discoveredAt: '2026-11-18T08:00:00.000Z' };
  return [
    anIncident({ ...base, breachTypes: [], dataCategories: [] }),
    anIncident({
      ...base,
      breachTypes: ['confidentiality', 'availability'],
      dataCategories: ['children', 'social-services'],
      affectedCount: 1200,
      cause: 'wrong-recipient' as Incident['cause'],
    }),
    anIncident({ ...base, discoveredAt: '2026-11-10T08:00:00.000Z', owner: aDpo, status: 'triage' }),
    anIncident({
      ...base,
      owner: aDpo,
      status: 'notified',
      imyNotice: phased,
      assessment: { risk: 'high', rationale: 'x', assessedAt: NOW.toISOString(), assessedBy: aDpo },
    } as Partial<Incident>),
    anIncident({ ...base, status: 'notified', imyNotice: { ...phased, supplementedAt: '2026-11-30T09:00:00.000Z' } }),
    anIncident({ ...base, linkedTo: { id: 'main', number: 'PUI-2026-0001' } } as Partial<Incident>),
    anIncident({ ...base, status: 'closed' }),
  ];
}

function digest(): DigestView {
  const line = (i: number, title: string) =>
    digestLine({
      id: `id-${i}`,
      reportId: `r-${i}`,
      number: `PUI-2026-000${i}`,
      title,
      source: i === 1 ? 'bot' : 'outlook',
      deadline: new Date(NOW.getTime() + (i === 3 ? -3600_000 : 70 * 3600_000)).toISOString(),
    });
  return {
    lines: [line(1, 'Shared folder open'), line(2, 'Shared folder open!'), line(3, 'Letter lost')],
    since: NOW.toISOString(),
    now: NOW,
  };
}

describe('CHANNEL_LANGUAGE', () => {
  it('is Swedish by default, English when set, and anything else stops the start naming the variable', () => {
    expect(loadConfig({}).bot.channelLanguage).toBe('sv');
    expect(loadConfig({ CHANNEL_LANGUAGE: 'en' }).bot.channelLanguage).toBe('en');
    expect(() => loadConfig({ CHANNEL_LANGUAGE: 'English' })).toThrow(ConfigError);
    expect(() => loadConfig({ CHANNEL_LANGUAGE: 'English' })).toThrow(/CHANNEL_LANGUAGE: sv .*or en/);
  });

  it('names the DPOs in English in reminders when no display names are configured and the channel is English', () => {
    const config = loadConfig({ CHANNEL_LANGUAGE: 'en', DPO_USER_IDS: 'aad-dana' });
    expect(config.reminders.dpoMentions).toEqual([{ id: 'aad-dana', name: 'Data protection officer' }]);
    expect(loadConfig({ DPO_USER_IDS: 'aad-dana' }).reminders.dpoMentions[0].name).toBe('Dataskyddsombud');
  });
});

describe('the DPO channel in English', () => {
  it('has no Swedish left on the incident card, its forms or its notices, in any state', () => {
    for (const incident of incidents()) {
      const card = dpoChannelCard(incident, {
        now: NOW,
        tabUrl: TAB,
        locale: 'en',
        notice: { text: 'The assessment is saved.', color: 'good' },
      });
      expect(swedish(allText(card))).toEqual([]);
      expect(cardProblems(card)).toEqual([]);
    }
    const full = cardText(dpoChannelCard(incidents()[1], { now: NOW, tabUrl: TAB, locale: 'en' }));
    expect(full).toContain('Personal data breach PUI-2026-0007');
    expect(full).toContain('Confidentiality, Availability');
    expect(full).toContain('Social services data, Data about children');
    expect(full).toContain('about 1,200 people');
    expect(full).toContain('2026-11-21 09:00'); // the deadline in the one written form, Swedish time
    expect(full).toContain('Record the IMY notice');
    expect(full).toContain('Notified to IMY: date (YYYY-MM-DD)');
    const notified = cardText(dpoChannelCard(incidents()[3], { now: NOW, tabUrl: TAB, locale: 'en' }));
    expect(notified).toContain('Due: by 2026-12-17 10:00 (27 d left)');
    expect(notified).toContain('Results in a high risk');
  });

  it('keeps the Swedish card as it was when no language is given', () => {
    const incident = incidents()[1];
    const implicit = dpoChannelCard(incident, { now: NOW, tabUrl: TAB });
    expect(dpoChannelCard(incident, { now: NOW, tabUrl: TAB, locale: 'sv' })).toEqual(implicit);
    const shown = cardText(implicit);
    for (const words of [
      'Personuppgiftsincident PUI-2026-0007',
      'Socialtjänstuppgifter, Uppgifter om barn',
      'Ta ärendet',
    ])
      expect(shown).toContain(words);
    expect(shown).toMatch(/ca 1\s200 personer/); // Swedish digit grouping (a no-break space)
  });

  it.each<[string, DueReminder, Partial<Incident>]>([
    ['time left, nobody owns it', reminder('24h'), {}],
    ['overdue, owned, caught up', reminder('overdue', true), { discoveredAt: '2026-11-10T08:00:00.000Z', owner: aDpo }],
    ['a supplement owed', reminder('supplement-7d'), { status: 'notified', imyNotice: phased, owner: aDpo }],
    [
      'a supplement recorded',
      reminder('supplement-1d'),
      { status: 'notified', imyNotice: { ...phased, supplementedAt: '2026-11-30T09:00:00.000Z' } },
    ],
  ])('has no Swedish left on the reminder: %s', (_what, due, overrides) => {
    const incident = anIncident({ discoveredAt: '2026-11-18T08:00:00.000Z', ...overrides });
    for (const mentions of [[{ id: 'aad-x', name: '' }], []]) {
      const card = reminderCard(incident, due, { now: NOW, tabUrl: TAB, mentions, locale: 'en' });
      expect(swedish(allText(card))).toEqual([]);
      expect(cardProblems(card)).toEqual([]);
    }
  });

  it('says the reminder in English words', () => {
    const card = reminderCard(anIncident({ discoveredAt: '2026-11-18T08:00:00.000Z' }), reminder('24h'), {
      now: NOW,
      tabUrl: TAB,
      mentions: [{ id: 'aad-x', name: '' }],
      locale: 'en',
    });
    expect(cardText(card)).toContain(
      '23 h 59 min left until the deadline for notifying IMY of PUI-2026-0007 (2026-11-21 09:00), if a notice is required.',
    );
    expect(cardText(card)).toContain('<at>Data protection officer</at>: nobody has taken the case yet.');
  });

  it('has no Swedish left on the digest, its marks of the same event included', () => {
    const card = digestCard(digest(), { tabUrl: TAB, locale: 'en' });
    const shown = allText(card);
    expect(swedish(shown)).toEqual([]);
    expect(shown).toContain('3 new incidents since 09:01');
    expect(shown).toContain('possibly the same event as PUI-2026-0001 (a similar title)');
    expect(shown).toContain('Chat with PUI Desk');
    expect(shown).toContain('overdue by 1 h');
    expect(cardText(digestCard(digest(), { tabUrl: TAB }))).toContain('3 nya incidenter sedan 09:01');
  });

  it.each<Locale>(['en', 'sv'])('posts, updates and replies in the one language of the poster (%s)', async (locale) => {
    const clock = new VirtualClock();
    const gateway = new FakeGateway(clock);
    const poster = new TeamsCardPoster({
      gateway,
      pacer: new ConversationPacer({ now: () => clock.ms(), sleep: clock.sleep }),
      now: () => clock.ms(),
      tabUrl: () => TAB,
      locale,
    });
    const to = {
      conversationId: '19:dpo@thread.tacv2',
      route: {
        conversation: { id: '19:dpo@thread.tacv2', conversationType: 'channel' },
        serviceUrl: 'https://smba.example.test/emea/',
        bot: { id: '28:pui-desk' },
      },
    };
    const incident = incidents()[1];
    const id = await poster.postCard(to, incident, { now: NOW, refreshUserIds: [] });
    await poster.updateCard(to, id, { ...incident, owner: aDpo, status: 'triage' }, { now: NOW, refreshUserIds: [] });
    await poster.replyToCard(to, id, incident, reminder('24h'), { now: NOW, mentions: [] });
    const digestId = await poster.postDigest(to, digest());
    await poster.updateDigest(to, digestId, digest());
    expect(gateway.ops).toHaveLength(5);
    for (const op of gateway.ops) {
      if (locale === 'en') expect(swedish(allText(op.content))).toEqual([]);
      else expect(swedish(allText(op.content)).length).toBeGreaterThan(0);
    }
  });
});

describe('a DPO acting on an English channel card', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ config: { channelLocale: 'en' } });
    const [reply] = await h.say('<at>PUI Desk</at> ställ in dpo-kanal', dana, 'dpo-channel');
    expect(reply.text).toContain('DPO');
  });
  afterEach(async () => {
    await h.close();
  });

  it('sees the notices and the updated card in English, whatever the Teams client says', async () => {
    await h.execute(
      { verb: 'report.submit', reportId: 'report-en-1' },
      validForm({ title: 'Letter to the wrong address' }),
      dana,
      'personal',
    );
    await h.drain();
    const [post] = h.gateway.posts;
    expect(swedish(allText(post.content))).toEqual([]);
    const take = findExecute(post.content, 'incident.take')!;
    const taken = responseCard(await h.execute(take.data, {}, dana, 'dpo-channel', { locale: 'sv-SE' }));
    expect(cardText(taken)).toContain('You now own the incident.');
    const assess = findExecute(taken, 'incident.assess')!;
    const refused = responseCard(await h.execute(assess.data, { risk: 'high' }, dana, 'dpo-channel'));
    expect(cardText(refused)).toMatch(/Not saved: .*rationale/i);
    await h.drain();
    expect(h.gateway.updates.length).toBeGreaterThan(0);
    for (const update of h.gateway.updates) expect(cardText(update.content)).toContain('Personal data breach');
  });
});
