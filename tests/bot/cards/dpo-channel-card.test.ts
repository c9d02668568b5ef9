import {
  channelTitle,
  dpoChannelCard,
  incidentLink,
  incidentTabUrl,
  MAX_REFRESH_USERS,
} from '../../../bot/cards/dpo-channel-card';
import { cardProblems } from '../support/card-schema';
import { cardText, findExecute } from '../support/bot-harness';
import { anIncident } from '../support/incidents';
import { aDpo } from '../../support/incident-mother';

const NOW = new Date('2026-11-18T10:00:00.000Z');
const TAB = 'http://127.0.0.1:3978/tab/';

/** Anything that would reveal a test identity number or address, in any form. */
const UNMASKED = /19121212[-+]?1212|(?<!\d)121212[-+]?1212|anna\.svensson|kommun\.se|@/;

describe('dpoChannelCard', () => {
  it('shows number, masked title, source, breach types, discovered, deadline, time left, owner and status', () => {
    const incident = anIncident({
      discoveredAt: '2026-11-18T08:00:00.000Z',
      source: 'message',
      breachTypes: ['confidentiality', 'availability'],
    });
    const card = dpoChannelCard(incident, { now: NOW, tabUrl: TAB });
    const shown = cardText(card);
    expect(shown).toContain('PUI-2026-0007');
    expect(shown).toContain('E-post med utredning skickad till fel mottagare');
    expect(shown).toContain('Teams-meddelande');
    expect(shown).toContain('Konfidentialitet, Tillgänglighet');
    expect(shown).toContain('2026-11-18 09:00'); // discovered, Stockholm
    expect(shown).toContain('2026-11-21 09:00'); // deadline: 72 h later, Stockholm
    expect(shown).toContain('2 d 22 h kvar');
    expect(shown).toContain('Ingen ännu');
    expect(shown).toContain('Ny');
    expect(cardProblems(card)).toEqual([]);
  });

  it('never carries the description, the measures or the reporter', () => {
    const incident = anIncident({
      description: 'Beskrivningen som bara registret får se',
      measures: 'Åtgärd som bara registret får se',
    });
    const json = JSON.stringify(dpoChannelCard(incident, { now: NOW, tabUrl: TAB }));
    expect(json).not.toContain('Beskrivningen som bara registret får se');
    expect(json).not.toContain('Åtgärd som bara registret får se');
    expect(json).not.toContain(incident.reporter.name);
  });

  it.each([
    ['a 12-digit number with dash', 'Beslut om 19121212-1212 skickat fel', '[personnummer]'],
    ['a 12-digit number without dash', 'Beslut om 191212121212 skickat fel', '[personnummer]'],
    ['a 10-digit number with dash', 'Beslut om 121212-1212 skickat fel', '[personnummer]'],
    ['a 10-digit number without dash', 'Beslut om 1212121212 skickat fel', '[personnummer]'],
    ['an e-mail address', 'Mejl till anna.svensson@kommun.se i stället för till socialtjänsten', '[e-postadress]'],
    ['both', '19121212-1212 hos anna.svensson@kommun.se', '[personnummer] hos [e-postadress]'],
  ])('masks %s in the title everywhere in the card', (_what, title, masked) => {
    const card = dpoChannelCard(anIncident({ title }), { now: NOW, tabUrl: TAB });
    expect(cardText(card)).toContain(masked);
    expect(JSON.stringify(card)).not.toMatch(UNMASKED);
  });

  it('masks the IMY reference too, since a person typed it', () => {
    const incident = anIncident({
      status: 'notified',
      imyNotice: {
        notifiedAt: '2026-11-18T09:00:00.000Z',
        reference: 'IMY-2026-1 gäller 121212-1212',
        phased: false,
        recordedAt: NOW.toISOString(),
        recordedBy: aDpo,
      },
    });
    const card = dpoChannelCard(incident, { now: NOW, tabUrl: TAB });
    expect(cardText(card)).toContain('IMY-2026-1 gäller [personnummer]');
    expect(JSON.stringify(card)).not.toMatch(UNMASKED);
    expect(cardText(card)).toContain('Klockan stoppad: anmäld till IMY 2026-11-18 10:00');
  });

  it('offers take, assess, IMY notice and open in tab, each for this incident and version', () => {
    const incident = anIncident();
    const card = dpoChannelCard(incident, { now: NOW, tabUrl: TAB });
    for (const verb of ['incident.take', 'incident.assess', 'incident.imyNotice'] as const) {
      expect(findExecute(card, verb)?.data).toEqual({ verb, incidentId: incident.id, etag: incident.etag });
    }
    expect(card.actions).toContainEqual({
      type: 'Action.OpenUrl',
      title: 'Öppna i fliken',
      url: `${TAB}#/incident/PUI-2026-0007`,
    });
  });

  it('asks the IMY notice time in the Swedish form whatever the client, saying how to write it, and fills in nothing', () => {
    const card = dpoChannelCard(anIncident(), { now: NOW, tabUrl: TAB });
    const form = card.actions?.find((a) => a.type === 'Action.ShowCard' && a.title === 'Registrera IMY-anmälan');
    const body = form?.type === 'Action.ShowCard' ? form.card.body : [];
    const date = body.find((e) => e.id === 'imyDate') as {
      type: string;
      value: string;
      regex: string;
      errorMessage: string;
    };
    expect(date).toMatchObject({ type: 'Input.Text', placeholder: 'ÅÅÅÅ-MM-DD', isRequired: true });
    expect(date.value).toBeUndefined();
    expect(new RegExp(date.regex).test('2026-11-18')).toBe(true);
    expect(new RegExp(date.regex).test('11/18/2026')).toBe(false);
    expect(date.errorMessage).toBe('Skriv datumet för anmälan som ÅÅÅÅ-MM-DD, till exempel 2026-11-20.');
    const time = body.find((e) => e.id === 'imyTime') as { value?: string; placeholder: string };
    expect(time).toMatchObject({ type: 'Input.Text', placeholder: 'TT:MM' });
    expect(time.value).toBeUndefined();
  });

  it('asks in the IMY form whether the notice is given in phases, unticked by default', () => {
    const card = dpoChannelCard(anIncident(), { now: NOW, tabUrl: TAB });
    const form = card.actions?.find((a) => a.type === 'Action.ShowCard' && a.title === 'Registrera IMY-anmälan');
    const body = form?.type === 'Action.ShowCard' ? form.card.body : [];
    expect(body.find((e) => e.id === 'imyPhased')).toEqual({
      type: 'Input.Toggle',
      id: 'imyPhased',
      title: 'Anmälan lämnas i etapper (komplettering följer)',
      value: 'false',
      valueOn: 'true',
      valueOff: 'false',
      wrap: true,
    });
    expect(cardProblems(card)).toEqual([]);
  });

  it('says when the supplement to a phased notice is owed, and that it was sent once recorded', () => {
    const imyNotice = {
      notifiedAt: '2026-11-18T09:00:00.000Z',
      phased: true,
      recordedAt: NOW.toISOString(),
      recordedBy: aDpo,
    };
    const owed = cardText(dpoChannelCard(anIncident({ status: 'notified', imyNotice }), { now: NOW, tabUrl: TAB }));
    // Notice 09:00 UTC + 28 × 24 h; now is one hour after the notice.
    expect(owed).toContain('Komplettering till IMY\nÅterstår: senast 2026-12-16 10:00 (27 d 23 h kvar)');
    const sent = cardText(
      dpoChannelCard(
        anIncident({ status: 'notified', imyNotice: { ...imyNotice, supplementedAt: '2026-11-25T09:00:00.000Z' } }),
        { now: NOW, tabUrl: TAB },
      ),
    );
    expect(sent).toContain('Komplettering till IMY\nSkickad 2026-11-25 10:00');
    const notPhased = cardText(
      dpoChannelCard(anIncident({ status: 'notified', imyNotice: { ...imyNotice, phased: false } }), {
        now: NOW,
        tabUrl: TAB,
      }),
    );
    expect(notPhased).not.toContain('Komplettering till IMY');
  });

  it('drops take once someone owns it and IMY notice once it is recorded, and shows the owner', () => {
    const incident = anIncident({
      owner: aDpo,
      status: 'notified',
      imyNotice: {
        notifiedAt: '2026-11-18T09:00:00.000Z',
        phased: false,
        recordedAt: NOW.toISOString(),
        recordedBy: aDpo,
      },
    });
    const card = dpoChannelCard(incident, { now: NOW, tabUrl: TAB });
    expect(findExecute(card, 'incident.take')).toBeUndefined();
    expect(findExecute(card, 'incident.imyNotice')).toBeUndefined();
    expect(findExecute(card, 'incident.assess')).toBeDefined();
    expect(cardText(card)).toContain(aDpo.name);
  });

  it('shows in Bedöm risken the ENISA suggestion the domain computes from the report, as the tab starts from', () => {
    const incident = anIncident({
      dataCategories: ['social-services', 'identity-numbers'],
      breachTypes: ['confidentiality'],
      affectedCount: 1,
      cause: 'human-error',
    });
    const card = dpoChannelCard(incident, { now: NOW, tabUrl: TAB });
    const assess = card.actions?.find((a) => a.type === 'Action.ShowCard' && a.title === 'Bedöm risken');
    // DPC 4 (sensitive) × EI 1 (identity numbers) + CB 0.25 = 4.25: very high band, high risk suggested.
    expect(JSON.stringify(assess)).toContain(
      'ENISA-förslag utifrån rapporten: allvarlighetsgrad 4,25 (mycket hög), medför en hög risk.',
    );
    expect(cardProblems(card)).toEqual([]);
  });

  it('has no change actions when closed or for a read-only viewer', () => {
    for (const card of [
      dpoChannelCard(anIncident({ status: 'closed' }), { now: NOW, tabUrl: TAB }),
      dpoChannelCard(anIncident(), { now: NOW, tabUrl: TAB, audience: 'viewer' }),
    ]) {
      expect(card.actions?.map((a) => a.type)).toEqual(['Action.OpenUrl']);
    }
  });

  it('refreshes for the DPOs (at most 60) with the refresh verb', () => {
    const users = Array.from({ length: 70 }, (_, i) => `29:user-${i}`);
    const incident = anIncident();
    const card = dpoChannelCard(incident, { now: NOW, tabUrl: TAB, refreshUserIds: users });
    expect(card.refresh?.action).toMatchObject({
      type: 'Action.Execute',
      verb: 'incident.refresh',
      data: { verb: 'incident.refresh', incidentId: incident.id },
    });
    expect(card.refresh?.userIds).toHaveLength(MAX_REFRESH_USERS);
  });

  it('leaves userIds out before any DPO is known, so a small channel refreshes for everyone', () => {
    const card = dpoChannelCard(anIncident(), { now: NOW, tabUrl: TAB });
    expect(card.refresh?.action).toMatchObject({ verb: 'incident.refresh' });
    expect(card.refresh).not.toHaveProperty('userIds');
    expect(cardProblems(card)).toEqual([]);
  });

  it('shows an overdue clock in the attention colour', () => {
    const card = dpoChannelCard(anIncident({ discoveredAt: '2026-11-10T08:00:00.000Z' }), { now: NOW, tabUrl: TAB });
    const clock = card.body.find((e) => e.type === 'TextBlock' && e.text.startsWith('försenad'));
    expect(clock).toMatchObject({ color: 'attention', text: 'försenad 5 d 2 h' });
  });

  it('shows the kinds of data and about how many people, which decide how fast to look', () => {
    const card = dpoChannelCard(anIncident({ dataCategories: ['children', 'social-services'], affectedCount: 1200 }), {
      now: NOW,
      tabUrl: TAB,
    });
    const facts = (card.body.find((e) => e.type === 'FactSet') as { facts: { title: string; value: string }[] }).facts;
    expect(facts).toContainEqual({ title: 'Uppgifter', value: 'Socialtjänstuppgifter, Uppgifter om barn' });
    expect(facts).toContainEqual({ title: 'Berörda', value: 'ca 1\u00a0200 personer' });
    const unknown = dpoChannelCard(anIncident({ dataCategories: [], affectedCount: undefined }), {
      now: NOW,
      tabUrl: TAB,
    });
    expect(
      (unknown.body.find((e) => e.type === 'FactSet') as { facts: { title: string; value: string }[] }).facts,
    ).toContainEqual({ title: 'Berörda', value: 'Inte angivet' });
  });

  it('says a stopped clock in the default text colour, not light green on white', () => {
    const notified = anIncident({
      status: 'notified',
      imyNotice: { notifiedAt: '2026-11-18T09:00:00.000Z', phased: false } as never,
    });
    const clock = dpoChannelCard(notified, { now: NOW, tabUrl: TAB }).body.find(
      (e) => e.type === 'TextBlock' && e.text.startsWith('Klockan stoppad'),
    );
    expect(clock).toMatchObject({ color: 'default' });
  });

  it('links to the incident in the tab by number', () => {
    expect(incidentTabUrl('https://pui.example.se/tab/', 'PUI-2026-0042')).toBe(
      'https://pui.example.se/tab/#/incident/PUI-2026-0042',
    );
  });
});

describe('channelTitle', () => {
  it('puts the title on one line and masks addresses and identity numbers', () => {
    expect(channelTitle({ title: '  Mejl till\nanna@kommun.example.se\t om\r\n 121212-1212  ' })).toBe(
      'Mejl till [e-postadress] om [personnummer]',
    );
  });

  it('masks before it reflows: a number split over lines, or with invisible and no-break characters, is masked whole', () => {
    expect(channelTitle({ title: 'Barnet 121212-\n1212 och 19121212\u00a0-\r\n\r\n  1212' })).toBe(
      'Barnet [personnummer] och [personnummer]',
    );
    expect(channelTitle({ title: 'pnr 121212\u200b\u20111212, ２０１２１２１２\u2212１２１２' })).toBe(
      'pnr [personnummer], [personnummer]',
    );
    expect(channelTitle({ title: 'Ordernummer 20261116-\n1200' })).toBe('Ordernummer 20261116- 1200');
  });

  it('drops direction controls a stored or imported title may hold, so the card never reads turned round', () => {
    expect(channelTitle({ title: 'Bilaga \u202Efdp.exe\u202C till \u2067fel\u2069 mottagare\u200F' })).toBe(
      'Bilaga fdp.exe till fel mottagare',
    );
    // One inside an identity number does not hide it from the masker.
    expect(channelTitle({ title: 'Gäller 121212\u202E-1212' })).toBe('Gäller [personnummer]');
    const card = dpoChannelCard(anIncident({ title: 'Bilaga \u202Efdp.exe', imyNotice: undefined }), {
      now: NOW,
      tabUrl: TAB,
    });
    expect(JSON.stringify(card)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
  });
});

describe('incidentLink', () => {
  it('is the tab page when the Teams app id is unknown', () => {
    expect(incidentLink('http://127.0.0.1:3978/tab/', 'PUI-2026-0007')).toBe(
      'http://127.0.0.1:3978/tab/#/incident/PUI-2026-0007',
    );
  });

  it('is a Teams deep link to the board tab naming the incident when the app id is known', () => {
    const link = new URL(
      incidentLink('https://pui.kommun.example/tab/', 'PUI-2026-0007', '3f2504e0-4f89-41d3-9a0c-0305e82c3301'),
    );
    expect(link.origin + link.pathname).toBe(
      'https://teams.microsoft.com/l/entity/3f2504e0-4f89-41d3-9a0c-0305e82c3301/board',
    );
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: 'PUI-2026-0007' });
    expect(link.searchParams.get('webUrl')).toBe('https://pui.kommun.example/tab/#/incident/PUI-2026-0007');
  });
});
