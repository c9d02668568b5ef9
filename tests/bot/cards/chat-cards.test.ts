import { channelHelpCard, helpCard } from '../../../bot/cards/help-card';
import { myIncidentsCard } from '../../../bot/cards/my-incidents-card';
import { receiptCard } from '../../../bot/cards/receipt-card';
import { reportFormCard } from '../../../bot/cards/report-form-card';
import { cardProblems } from '../support/card-schema';
import { cardText, findExecute } from '../support/bot-harness';
import { anIncident } from '../support/incidents';

const NOW = new Date('2026-11-18T10:00:00.000Z');

describe('reportFormCard', () => {
  it('asks for everything the register needs, with discovery defaulting to now (Stockholm)', () => {
    const card = reportFormCard({ reportId: 'report-0001', mode: 'chat', now: NOW });
    const inputs = card.body.filter((e) => e.type.startsWith('Input.')).map((e) => (e as { id: string }).id);
    expect(inputs).toEqual(['title', 'description', 'discoveredDate', 'discoveredTime', 'occurredDate', 'occurredTime', 'breachTypes', 'dataCategories', 'affectedCount', 'cause', 'measures']);
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'discoveredDate', value: '2026-11-18' }));
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'discoveredTime', value: '11:00' }));
    expect(cardProblems(card)).toEqual([]);
  });

  it('submits with Action.Execute in the chat and Action.Submit in a dialog, both carrying the report id', () => {
    const chat = reportFormCard({ reportId: 'report-0001', mode: 'chat', now: NOW });
    const dialog = reportFormCard({ reportId: 'report-0001', mode: 'dialog', now: NOW });
    expect(chat.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: 'report.submit', data: { verb: 'report.submit', reportId: 'report-0001' } })]);
    expect(dialog.actions).toEqual([expect.objectContaining({ type: 'Action.Submit', data: { verb: 'report.submit', reportId: 'report-0001' } })]);
    expect(cardProblems(dialog)).toEqual([]);
  });

  it('shows errors under their fields and keeps what was typed', () => {
    const card = reportFormCard({
      reportId: 'report-0001', mode: 'chat', now: NOW,
      values: { title: '', description: 'Något hände', affectedCount: '3' },
      errors: { title: ['Skriv en rubrik: en rad om vad som hänt.'] },
    });
    const index = card.body.findIndex((e) => e.type === 'Input.Text' && e.id === 'title');
    expect(card.body[index + 1]).toMatchObject({ type: 'TextBlock', text: 'Skriv en rubrik: en rad om vad som hänt.', color: 'attention' });
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'description', value: 'Något hände' }));
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'affectedCount', value: 3 }));
    expect(cardText(card)).toContain('Rapporten är inte skickad');
  });
});

describe('receiptCard', () => {
  it('gives the number, the deadline in Stockholm time and what happens next, with the title masked', () => {
    const incident = anIncident({ title: 'Brev om 19121212-1212 till fel adress', discoveredAt: '2026-11-18T08:00:00.000Z' });
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
});

describe('help cards', () => {
  it('name the commands in Swedish with English aliases, and are well-formed', () => {
    expect(cardText(helpCard())).toMatch(/rapportera \(report\)[\s\S]*mina \(my\)[\s\S]*hjälp \(help\)/);
    expect(cardText(channelHelpCard())).toContain('ställ in dpo-kanal');
    expect(cardProblems(helpCard())).toEqual([]);
    expect(cardProblems(channelHelpCard())).toEqual([]);
  });
});
