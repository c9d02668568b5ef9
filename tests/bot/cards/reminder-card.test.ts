import { dpoChannelCard } from '../../../bot/cards/dpo-channel-card';
import { reminderCard } from '../../../bot/cards/reminder-card';
import { dueReminder } from '../../../src/domain';
import { aDpo } from '../../support/incident-mother';
import { cardProblems } from '../support/card-schema';
import { cardText } from '../support/bot-harness';
import { anIncident } from '../support/incidents';

const TAB = 'http://127.0.0.1:3978/tab/';

describe('reminderCard', () => {
  const incident = anIncident({
    discoveredAt: '2026-11-18T08:00:00.000Z',
    description: 'Beskrivningen som bara registret får se',
  });
  const now = new Date('2026-11-20T08:01:00.000Z'); // 24 h left
  const reminder = dueReminder({ ...incident, nextReminderAt: '2026-11-20T08:00:00.000Z' }, now)!;

  it('puts each mention in the text and in msteams.entities, so Teams pairs them', () => {
    const card = reminderCard(incident, reminder, {
      now,
      tabUrl: TAB,
      mentions: [
        { id: 'aad-dana', name: 'Dana' },
        { id: 'aad-dora', name: 'Dora' },
      ],
    });
    expect(cardProblems(card)).toEqual([]);
    const shown = cardText(card);
    for (const entity of card.msteams!.entities!) expect(shown).toContain(entity.text);
    expect(card.msteams!.entities!.map((e) => e.mentioned)).toEqual([
      { id: 'aad-dana', name: 'Dana' },
      { id: 'aad-dora', name: 'Dora' },
    ]);
    expect(shown).toContain(
      '23 h 59 min kvar till tidsfristen för att anmäla PUI-2026-0007 till IMY (2026-11-21 09:00)',
    );
  });

  it('keeps mention texts apart when names repeat, and strips markup from names', () => {
    const card = reminderCard(incident, reminder, {
      now,
      tabUrl: TAB,
      mentions: [
        { id: 'a', name: 'Dataskyddsombud' },
        { id: 'b', name: 'Dataskyddsombud' },
        { id: 'c', name: '<b>Eve</b>' },
      ],
    });
    expect(card.msteams!.entities!.map((e) => e.text)).toEqual([
      '<at>Dataskyddsombud</at>',
      '<at>Dataskyddsombud (2)</at>',
      '<at>bEve/b</at>',
    ]);
  });

  it('names the owner when there is one, and never carries the title or the description', () => {
    const owned = { ...incident, owner: aDpo };
    const card = reminderCard(owned, reminder, { now, tabUrl: TAB, mentions: [{ id: aDpo.id, name: aDpo.name }] });
    expect(cardText(card)).toContain(`<at>${aDpo.name}</at>, du är ansvarig för ärendet.`);
    const json = JSON.stringify(card);
    expect(json).not.toContain(incident.title);
    expect(json).not.toContain('Beskrivningen som bara registret får se');
  });

  it('says so when nobody can be mentioned', () => {
    const card = reminderCard(incident, reminder, { now, tabUrl: TAB, mentions: [] });
    expect(card.msteams).toBeUndefined();
    expect(cardText(card)).toContain('Ingen har tagit ärendet ännu');
  });
});

describe('dpoChannelCard and a phased notice', () => {
  const notice = {
    notifiedAt: '2026-11-19T09:00:00.000Z',
    phased: true,
    recordedAt: '2026-11-19T09:00:00.000Z',
    recordedBy: aDpo,
  };

  it('shows by when the supplement is owed, then when it was sent', () => {
    const now = new Date('2026-11-20T09:00:00.000Z');
    const owed = dpoChannelCard(anIncident({ status: 'notified', imyNotice: notice }), { now, tabUrl: TAB });
    expect(cardText(owed)).toContain('Återstår: senast 2026-12-17 10:00 (27 d kvar)');
    const sent = dpoChannelCard(
      anIncident({ status: 'notified', imyNotice: { ...notice, supplementedAt: '2026-11-30T09:00:00.000Z' } }),
      { now, tabUrl: TAB },
    );
    expect(cardText(sent)).toContain('Skickad 2026-11-30 10:00');
    expect(cardProblems(owed)).toEqual([]);
  });
});
