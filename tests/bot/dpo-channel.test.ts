import type { Incident } from '../../src/domain';
import { changeIncident, getDpoChannel, getPostedCard, reportIncident } from '../../src/use-cases';
import { cardProblems } from './support/card-schema';
import {
  anna,
  cardOf,
  cardText,
  dana,
  DPO_CHANNEL_ID,
  erik,
  findExecute,
  responseCard,
  startHarness,
  validForm,
  type Harness,
} from './support/bot-harness';

const ENTRA = {
  profile: 'entra' as const,
  botAppId: '00000000-0000-0000-0000-0000000000b0',
  botPassword: 'not-a-real-secret',
  dpoUserIds: [dana.aadObjectId, 'aad-dora'],
};
const dora = { id: '29:dora', aadObjectId: 'aad-dora', name: 'Dora Dataskydd' };

async function report(h: Harness, title = 'Utredning skickad till fel mottagare'): Promise<Incident> {
  const reportId = `report-${Math.random().toString(36).slice(2, 12)}`;
  await h.execute({ verb: 'report.submit', reportId }, validForm({ title }), anna, 'personal');
  const incident = await h.store.getByReportId(reportId);
  if (!incident) throw new Error('not stored');
  return incident;
}

async function setChannel(h: Harness, user = dana): Promise<string | undefined> {
  const [reply] = await h.say('<at>PUI Desk</at> ställ in dpo-kanal', user, 'dpo-channel');
  return reply.text;
}

describe('the DPO channel', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  describe('set up by "ställ in dpo-kanal"', () => {
    it('keeps the channel (without the reply thread) in the store and says so', async () => {
      h = await startHarness({ config: ENTRA });
      expect(await setChannel(h)).toContain('den här kanalen är nu DPO-kanal');
      const channel = await getDpoChannel(h.deps);
      expect(channel).toMatchObject({
        address: {
          conversationId: DPO_CHANNEL_ID,
          route: {
            conversation: { id: DPO_CHANNEL_ID, conversationType: 'channel' },
            serviceUrl: 'https://smba.example.test/emea/',
            bot: { id: '28:pui-desk' },
          },
        },
        setBy: { id: dana.aadObjectId },
        refreshUserIds: [dana.id],
        channelName: 'Dataskydd / DPO',
      });
    });

    it('refuses someone who is not a DPO, politely, and keeps the old setting', async () => {
      h = await startHarness({ config: ENTRA });
      expect(await setChannel(h, erik)).toContain('Bara dataskyddsombudet');
      expect(await getDpoChannel(h.deps)).toBeUndefined();
    });

    it('lets everyone set it in the local profile (the Playground)', async () => {
      h = await startHarness();
      expect(await setChannel(h, erik)).toContain('DPO-kanal');
    });

    it('explains where to write it when written in the personal chat', async () => {
      h = await startHarness({ config: ENTRA });
      const [reply] = await h.say('ställ in dpo-kanal', dana, 'personal');
      expect(reply.text).toContain('i en kanal i ett team');
      expect(await getDpoChannel(h.deps)).toBeUndefined();
    });

    it('posts the reports that waited for a channel once it is set', async () => {
      h = await startHarness({ config: ENTRA });
      const first = await report(h);
      await h.drain();
      expect(h.gateway.posts).toHaveLength(0);
      expect(await setChannel(h)).toContain('1 väntande incident visas här strax');
      await h.drain();
      expect(h.gateway.posts).toHaveLength(1);
      expect(cardText(h.gateway.posts[0].content)).toContain(first.number);
    });

    it('answers help in a channel with the channel help', async () => {
      h = await startHarness();
      const [reply] = await h.say('<at>PUI Desk</at> hjälp', dana, 'dpo-channel');
      expect(cardText(cardOf(reply))).toContain('ställ in dpo-kanal');
    });
  });

  describe('cards', () => {
    beforeEach(async () => {
      h = await startHarness({ config: ENTRA });
      await setChannel(h);
    });

    it('posts one card per new report with the title masked and no description', async () => {
      // Through the API's path: the chat card masks an identity number in the title before it is sent.
      const { incident } = await reportIncident(
        h.deps,
        { id: 'aad-anna', name: anna.name, roles: ['reporter'] },
        {
          title: 'Beslut om 19121212-1212 till anna.svensson@kommun.se',
          description: 'Ett beslut skickades till fel adress.',
          discoveredAt: '2026-11-20T08:00:00Z',
        },
        'tab',
      );
      await h.drain();
      expect(h.gateway.posts).toHaveLength(1);
      const [post] = h.gateway.posts;
      expect(post.conversationId).toBe(DPO_CHANNEL_ID);
      const shown = cardText(post.content);
      expect(shown).toContain(incident.number);
      expect(shown).toContain('Beslut om [personnummer] till [e-postadress]');
      expect(JSON.stringify(post.content)).not.toMatch(/19121212|121212-1212|kommun\.se/);
      expect(JSON.stringify(post.content)).not.toContain(incident.description);
      expect(cardProblems(post.content)).toEqual([]);
      expect(await getPostedCard(h.deps, incident.id)).toMatchObject({ messageId: post.activityId });
    });

    it('lets a DPO take the incident: stored, card updated in place, the DPO sees the new card', async () => {
      const incident = await report(h);
      await h.drain();
      const [post] = h.gateway.posts;
      const take = findExecute(post.content, 'incident.take')!;
      const response = responseCard(await h.execute(take.data, {}, dana, 'dpo-channel'));
      expect(cardText(response)).toContain('Du är nu ansvarig för incidenten.');
      expect(cardText(response)).toContain(dana.name);
      expect(await h.store.get(incident.id)).toMatchObject({
        owner: { id: dana.aadObjectId, name: dana.name },
        status: 'triage',
      });
      await h.drain();
      expect(h.gateway.updates).toHaveLength(1);
      expect(h.gateway.updates[0].activityId).toBe(post.activityId);
      expect(cardText(h.gateway.current(post.activityId))).toContain(dana.name);
      expect(findExecute(h.gateway.current(post.activityId)!, 'incident.take')).toBeUndefined();
      expect(h.gateway.posts).toHaveLength(1);
    });

    it('lets a DPO assess the risk with a rationale', async () => {
      const incident = await report(h);
      await h.drain();
      const assess = findExecute(h.gateway.posts[0].content, 'incident.assess')!;
      const response = responseCard(
        await h.execute(
          assess.data,
          { risk: 'high', rationale: 'Uppgifter om barn i socialtjänsten.' },
          dana,
          'dpo-channel',
        ),
      );
      expect(cardText(response)).toContain('Bedömningen är sparad.');
      expect(cardText(response)).toContain('Medför en hög risk');
      expect((await h.store.get(incident.id))?.assessment).toMatchObject({
        risk: 'high',
        rationale: 'Uppgifter om barn i socialtjänsten.',
        assessedBy: { id: dana.aadObjectId },
      });
      await h.drain();
      expect(cardText(h.gateway.updates[0].content)).toContain('Medför en hög risk');
      // The rationale stays out of the channel.
      expect(JSON.stringify(h.gateway.updates[0].content)).not.toContain('Uppgifter om barn i socialtjänsten.');
    });

    it('lets a DPO record the IMY notice, which stops the clock', async () => {
      const incident = await report(h);
      await h.drain();
      const imy = findExecute(h.gateway.posts[0].content, 'incident.imyNotice')!;
      const response = responseCard(
        await h.execute(
          imy.data,
          { imyDate: '2026-11-20', imyTime: '09:45', imyReference: 'IMY-2026-123' },
          dana,
          'dpo-channel',
        ),
      );
      expect(cardText(response)).toContain('Anmälan till IMY är registrerad');
      expect(await h.store.get(incident.id)).toMatchObject({
        status: 'notified',
        imyNotice: { notifiedAt: '2026-11-20T08:45:00.000Z', reference: 'IMY-2026-123' },
      });
      await h.drain();
      expect(cardText(h.gateway.updates[0].content)).toContain('Klockan stoppad: anmäld till IMY 2026-11-20 09:45');
      expect(cardText(h.gateway.updates[0].content)).toContain('IMY-2026-123');
    });

    it('records a phased IMY notice as phased, and the card says the supplement is owed and by when', async () => {
      const incident = await report(h);
      await h.drain();
      const imy = findExecute(h.gateway.posts[0].content, 'incident.imyNotice')!;
      // Teams sends a toggle's valueOn as a string.
      const response = responseCard(
        await h.execute(
          imy.data,
          { imyDate: '2026-11-20', imyTime: '09:45', imyReference: 'IMY-2026-123', imyPhased: 'true' },
          dana,
          'dpo-channel',
        ),
      );
      const stored = await h.store.get(incident.id);
      expect(stored).toMatchObject({
        status: 'notified',
        imyNotice: { notifiedAt: '2026-11-20T08:45:00.000Z', phased: true },
      });
      expect(stored?.imyNotice?.supplementedAt).toBeUndefined();
      // Notice 2026-11-20 08:45 UTC + 28 × 24 h = 2026-12-18 09:45 Stockholm; now is 2026-11-20 09:00 UTC.
      const owed = { title: 'Komplettering till IMY', value: 'Återstår: senast 2026-12-18 09:45 (27 d 23 h kvar)' };
      expect(response.body).toContainEqual({ type: 'FactSet', facts: expect.arrayContaining([owed]) });
      expect(cardText(response)).toContain('Anmälan till IMY är registrerad i etapper');
      await h.drain();
      expect(h.gateway.updates[0].content.body).toContainEqual({
        type: 'FactSet',
        facts: expect.arrayContaining([owed]),
      });
      expect(cardProblems(h.gateway.updates[0].content)).toEqual([]);
    });

    it('records an IMY notice with the checkbox off as not phased, and owes no supplement', async () => {
      const incident = await report(h);
      await h.drain();
      const imy = findExecute(h.gateway.posts[0].content, 'incident.imyNotice')!;
      const response = responseCard(
        await h.execute(imy.data, { imyDate: '2026-11-20', imyTime: '09:45', imyPhased: 'false' }, dana, 'dpo-channel'),
      );
      expect((await h.store.get(incident.id))?.imyNotice).toMatchObject({ phased: false });
      expect(cardText(response)).not.toContain('Komplettering till IMY');
    });

    it('saves nothing and says so when the phased checkbox sends a value it cannot read', async () => {
      const incident = await report(h);
      await h.drain();
      const imy = findExecute(h.gateway.posts[0].content, 'incident.imyNotice')!;
      const response = responseCard(
        await h.execute(imy.data, { imyDate: '2026-11-20', imyTime: '09:45', imyPhased: 'ja' }, dana, 'dpo-channel'),
      );
      expect(cardText(response)).toContain('Valet om anmälan i etapper kunde inte läsas.');
      expect((await h.store.get(incident.id))?.imyNotice).toBeUndefined();
    });

    it('saves nothing when the IMY date cannot be read, and names the format (ÅÅÅÅ-MM-DD, TT:MM)', async () => {
      const incident = await report(h);
      await h.drain();
      const imy = findExecute(h.gateway.posts[0].content, 'incident.imyNotice')!;
      const response = responseCard(
        await h.execute(imy.data, { imyDate: '2026-02-30', imyTime: '09:45', imyPhased: 'false' }, dana, 'dpo-channel'),
      );
      expect(cardText(response)).toContain(
        'Skriv datumet som ÅÅÅÅ-MM-DD och klockslaget som TT:MM (svensk tid), till exempel 2026-11-20 och 14:30.',
      );
      expect((await h.store.get(incident.id))?.imyNotice).toBeUndefined();
    });

    it('refuses a non-DPO politely and changes nothing', async () => {
      const incident = await report(h);
      await h.drain();
      const content = h.gateway.posts[0].content;
      for (const verb of ['incident.take', 'incident.assess', 'incident.imyNotice'] as const) {
        const response = await h.execute(
          findExecute(content, verb)!.data,
          { risk: 'unlikely', rationale: 'x', imyDate: '2026-11-20', imyTime: '09:45' },
          erik,
          'dpo-channel',
        );
        expect(response).toEqual({
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: 'Bara dataskyddsombudet kan ändra en incident.',
        });
      }
      expect(await h.store.get(incident.id)).toEqual(incident);
      await h.drain();
      expect(h.gateway.updates).toHaveLength(0);
      // In the language of the one who acted, when their Teams speaks English.
      const english = await h.execute(findExecute(content, 'incident.take')!.data, {}, erik, 'dpo-channel', {
        locale: 'en-GB',
      });
      expect(english).toMatchObject({ value: 'Only the data protection officer can change an incident.' });
    });

    it('refuses the reporter too, even with inputs it cannot read, and never answers with the DPO card', async () => {
      const incident = await report(h);
      await h.drain();
      const imy = findExecute(h.gateway.posts[0].content, 'incident.imyNotice')!;
      const response = await h.execute(imy.data, { imyDate: 'inte ett datum', imyTime: '09:45' }, anna, 'dpo-channel');
      expect(response).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Bara dataskyddsombudet kan ändra en incident.',
      });
      expect(await h.store.get(incident.id)).toEqual(incident);
    });

    it('tells the second of two DPOs that someone was first, and shows the card as it now is', async () => {
      const incident = await report(h);
      await h.drain();
      const take = findExecute(h.gateway.posts[0].content, 'incident.take')!;
      await h.execute(take.data, {}, dana, 'dpo-channel');
      // The assess button of the card as first posted still names the version before the take.
      const assess = findExecute(h.gateway.posts[0].content, 'incident.assess')!;
      const response = responseCard(
        await h.execute(assess.data, { risk: 'risk', rationale: 'Risk.' }, dora, 'dpo-channel'),
      );
      expect(cardText(response)).toContain('Någon annan hann ändra incidenten före dig');
      expect(cardText(response)).toContain(dana.name);
      expect((await h.store.get(incident.id))?.assessment).toBeUndefined();
    });

    it('keeps the card as it is and says what is missing when an assessment lacks its rationale', async () => {
      const incident = await report(h);
      await h.drain();
      const assess = findExecute(h.gateway.posts[0].content, 'incident.assess')!;
      const response = responseCard(await h.execute(assess.data, { risk: 'risk', rationale: '' }, dana, 'dpo-channel'));
      expect(cardText(response)).toContain('Inte sparat: Motivering måste fyllas i.');
      expect((await h.store.get(incident.id))?.assessment).toBeUndefined();
    });

    it('refreshes the card with the time left as of now for a DPO, and not for others', async () => {
      const incident = await report(h);
      await h.drain();
      h.clock.advance(24 * 3600_000);
      const refreshed = responseCard(
        await h.execute({ verb: 'incident.refresh', incidentId: incident.id }, {}, dana, 'dpo-channel', {
          trigger: 'automatic',
        }),
      );
      // Deadline 23 Nov 08:30 UTC; now 21 Nov 09:00 UTC.
      expect(cardText(refreshed)).toContain('1 d 23 h kvar');
      const refused = await h.execute({ verb: 'incident.refresh', incidentId: incident.id }, {}, erik, 'dpo-channel');
      expect(refused.type).toBe('application/vnd.microsoft.activity.message');
    });

    it('updates the card in place after a change made elsewhere (the tab, the API)', async () => {
      const incident = await report(h);
      await h.drain();
      await changeIncident(
        h.deps,
        { id: 'aad-dana', name: dana.name, roles: ['reporter', 'dpo'] },
        'take',
        incident.number,
        {},
      );
      await h.drain();
      expect(h.gateway.updates).toHaveLength(1);
      expect(cardText(h.gateway.updates[0].content)).toContain(dana.name);
    });
  });
});
