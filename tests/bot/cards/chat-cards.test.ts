import { channelHelpCard, helpCard } from '../../../bot/cards/help-card';
import { myIncidentsCard } from '../../../bot/cards/my-incidents-card';
import { receiptCard } from '../../../bot/cards/receipt-card';
import type { ActionSet, AdaptiveCard, Container, InputChoiceSet, InputText } from '../../../bot/cards/adaptive-card';
import { MORE_DETAILS_ID, reportFormCard } from '../../../bot/cards/report-form-card';
import { cardProblems } from '../support/card-schema';
import { cardElements, cardInputIds, cardText, findExecute } from '../support/bot-harness';
import { anIncident } from '../support/incidents';

const NOW = new Date('2026-11-18T10:00:00.000Z');

describe('reportFormCard', () => {
  const visible = (card: AdaptiveCard) =>
    card.body.filter((e) => e.type.startsWith('Input.')).map((e) => (e as { id: string }).id);
  const more = (card: AdaptiveCard) =>
    card.body.find((e) => e.type === 'Container' && e.id === MORE_DETAILS_ID) as Container;

  it('asks first only what a caseworker knows at once, with discovery defaulting to now (Stockholm)', () => {
    const card = reportFormCard({ reportId: 'report-0001', mode: 'chat', now: NOW });
    expect(visible(card)).toEqual(['title', 'description', 'discoveredDate', 'discoveredTime']);
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'discoveredDate', value: '2026-11-18' }));
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'discoveredTime', value: '11:00' }));
    expect(cardProblems(card)).toEqual([]);
  });

  it('keeps the rest behind Fler uppgifter, on the card itself, closed until it holds something', () => {
    const card = reportFormCard({ reportId: 'report-0001', mode: 'chat', now: NOW });
    expect(cardInputIds(card)).toEqual([
      'title',
      'description',
      'discoveredDate',
      'discoveredTime',
      'occurredDate',
      'occurredTime',
      'breachTypes',
      'dataCategories',
      'affectedCount',
      'cause',
      'measures',
    ]);
    expect(more(card).isVisible).toBe(false);
    const toggle = card.body.find((e) => e.type === 'ActionSet') as ActionSet;
    expect(toggle.actions).toEqual([
      { type: 'Action.ToggleVisibility', title: 'Fler uppgifter', targetElements: [MORE_DETAILS_ID] },
    ]);
    const prefilled = reportFormCard({
      reportId: 'report-0001',
      mode: 'dialog',
      now: NOW,
      values: { occurredDate: '2026-11-17' },
    });
    expect(more(prefilled).isVisible).toBe(true);
    const withError = reportFormCard({
      reportId: 'report-0001',
      mode: 'chat',
      now: NOW,
      errors: { affectedCount: ['Ange antalet.'] },
    });
    expect(more(withError).isVisible).toBe(true);
  });

  it('says the limits before anyone types too much: maxLength and a visible hint, grouped', () => {
    const card = reportFormCard({ reportId: 'report-0001', mode: 'chat', now: NOW });
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'title', maxLength: 200 }));
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'description', maxLength: 10_000 }));
    expect(cardText(card)).toContain('Högst 200 tecken.');
    expect(cardText(card)).toContain('Högst 10\u00a0000 tecken.');
  });

  it('writes dates the Swedish way whatever the client: text inputs checked against ÅÅÅÅ-MM-DD and TT:MM', () => {
    const card = reportFormCard({ reportId: 'report-0001', mode: 'chat', now: NOW, locale: 'en' });
    const date = cardElements(card).find((e) => e.type === 'Input.Text' && e.id === 'discoveredDate') as InputText;
    expect(cardElements(card).some((e) => e.type === 'Input.Date' || e.type === 'Input.Time')).toBe(false);
    expect(date.value).toBe('2026-11-18');
    expect(new RegExp(date.regex!).test('2026-11-18')).toBe(true);
    expect(new RegExp(date.regex!).test('11/18/2026')).toBe(false);
    expect(date.errorMessage).toBe('Write the date as YYYY-MM-DD, for example 2026-11-20.');
  });

  it('offers the reporter Vet inte, not also Okänd orsak', () => {
    const card = reportFormCard({ reportId: 'report-0001', mode: 'chat', now: NOW });
    const cause = cardElements(card).find((e) => e.type === 'Input.ChoiceSet' && e.id === 'cause') as InputChoiceSet;
    expect(cause.placeholder).toBe('Vet inte');
    expect(cause.choices.map((c) => c.value)).not.toContain('unknown');
  });

  it('speaks English to an English client', () => {
    const card = reportFormCard({ reportId: 'report-0001', mode: 'chat', now: NOW, locale: 'en' });
    expect(cardText(card)).toContain('Report a personal data breach');
    expect(cardText(card)).toContain('At most 10,000 characters.');
    expect(card.actions).toEqual([expect.objectContaining({ title: 'Send the report' })]);
    expect(cardProblems(card)).toEqual([]);
  });

  it('submits with Action.Execute in the chat and Action.Submit in a dialog, both carrying the report id', () => {
    const chat = reportFormCard({ reportId: 'report-0001', mode: 'chat', now: NOW });
    const dialog = reportFormCard({ reportId: 'report-0001', mode: 'dialog', now: NOW });
    expect(chat.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'report.submit',
        data: { verb: 'report.submit', reportId: 'report-0001', lang: 'sv' },
      }),
    ]);
    expect(dialog.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Submit',
        data: { verb: 'report.submit', reportId: 'report-0001', lang: 'sv' },
      }),
    ]);
    expect(cardProblems(dialog)).toEqual([]);
  });

  it('shows errors under their fields and keeps what was typed', () => {
    const card = reportFormCard({
      reportId: 'report-0001',
      mode: 'chat',
      now: NOW,
      values: { title: '', description: 'Något hände', affectedCount: '3' },
      errors: { title: ['Skriv en rubrik: en rad om vad som hänt.'] },
    });
    const index = card.body.findIndex((e) => e.type === 'Input.Text' && e.id === 'title');
    expect(card.body.slice(index + 1, index + 3)).toContainEqual(
      expect.objectContaining({
        type: 'TextBlock',
        text: 'Skriv en rubrik: en rad om vad som hänt.',
        color: 'attention',
      }),
    );
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'description', value: 'Något hände' }));
    expect(cardElements(card)).toContainEqual(expect.objectContaining({ id: 'affectedCount', value: 3 }));
    expect(cardText(card)).toContain('Rapporten är inte skickad');
  });
});

describe('receiptCard', () => {
  it('gives the number, the deadline in Stockholm time and what happens next, with the title masked', () => {
    const incident = anIncident({
      title: 'Brev om 19121212-1212 till fel adress',
      discoveredAt: '2026-11-18T08:00:00.000Z',
    });
    const card = receiptCard(incident, NOW);
    const shown = cardText(card);
    expect(shown).toContain('PUI-2026-0007');
    expect(shown).toContain('2026-11-21 09:00 (2 d 22 h kvar)');
    expect(shown).toContain('Vad händer nu?');
    expect(shown).toContain('[personnummer]');
    expect(JSON.stringify(card)).not.toMatch(/19121212-?1212/);
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('myIncidentsCard', () => {
  it('lists each report with number, masked title and status', () => {
    const card = myIncidentsCard([anIncident({ title: 'Mejl till anna.svensson@kommun.se', status: 'triage' })], NOW);
    const shown = cardText(card);
    expect(shown).toContain('PUI-2026-0007');
    expect(shown).toContain('[e-postadress]');
    expect(shown).toContain('Under utredning');
    expect(JSON.stringify(card)).not.toContain('kommun.se');
    expect(cardProblems(card)).toEqual([]);
  });

  it('invites a first report when there are none', () => {
    const card = myIncidentsCard([], NOW);
    expect(cardText(card)).toContain('Du har inte rapporterat några incidenter ännu');
    expect(findExecute(card, 'report.start')).toBeDefined();
  });

  it('speaks English on an English card, with Swedish-form dates, and its button opens an English form', () => {
    const card = myIncidentsCard([anIncident({ status: 'triage', discoveredAt: '2026-11-17T13:05:00.000Z' })], NOW, {
      locale: 'en',
      more: true,
    });
    const shown = cardText(card);
    expect(shown).toContain('My reports');
    expect(shown).toContain('In triage');
    expect(shown).toContain('Discovered');
    expect(shown).toContain('2026-11-17 14:05');
    expect(shown).toContain('There are more reports under My reports in the PUI Desk tab.');
    expect(shown).not.toMatch(/Upptäckt|Under utredning|kvar/);
    const empty = myIncidentsCard([], NOW, { locale: 'en' });
    expect(cardText(empty)).toContain('You have not reported any incidents yet');
    expect(findExecute(empty, 'report.start')?.data).toEqual({ verb: 'report.start', lang: 'en' });
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('help cards', () => {
  it('name the commands in Swedish with English aliases, and are well-formed', () => {
    expect(cardText(helpCard())).toMatch(/rapportera \(report\)[\s\S]*mina \(my\)[\s\S]*hjälp \(help\)/);
    expect(cardText(channelHelpCard())).toContain('ställ in dpo-kanal');
    expect(cardProblems(helpCard())).toEqual([]);
    expect(cardProblems(channelHelpCard())).toEqual([]);
  });

  it('speak English when asked, naming the Swedish commands too, with buttons that keep the language', () => {
    const card = helpCard('en');
    expect(cardText(card)).toMatch(/report \(rapportera\)[\s\S]*my \(mina\)[\s\S]*help \(hjälp\)/);
    expect(cardText(card)).toContain('PUI Desk: report personal data breaches');
    expect(cardText(card)).not.toContain('Rapportera');
    expect(findExecute(card, 'report.start')?.data).toEqual({ verb: 'report.start', lang: 'en' });
    expect(findExecute(card, 'my.list')?.data).toEqual({ verb: 'my.list', lang: 'en' });
    expect(cardText(channelHelpCard('en'))).toContain('set dpo channel');
    expect(cardProblems(card)).toEqual([]);
  });
});
