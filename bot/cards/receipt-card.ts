/** The receipt that replaces the report form: the number, the deadline and what happens next. */
import { formatStockholm, formatTimeLeft, maskPersonalDataOneLine, TERMS, timeLeftMs, type Incident } from '../../src/domain';
import { card, execute, heading, plain, text, type AdaptiveCard } from './adaptive-card';

/** The receipt for a stored report. `again` when the same report was sent before. */
export function receiptCard(incident: Incident, now: Date, options: { again?: boolean } = {}): AdaptiveCard {
  return card(
    [
      heading(`Tack! Din rapport har nummer ${incident.number}`),
      ...(options.again ? [text(`Rapporten är mottagen som ${incident.number}.`, { isSubtle: true, size: 'small' })] : []),
      {
        type: 'FactSet',
        facts: [
          { title: 'Rubrik', value: plain(maskPersonalDataOneLine(incident.title)) },
          { title: 'Upptäckt', value: formatStockholm(incident.discoveredAt) },
          { title: 'Tidsfrist för anmälan till IMY', value: `${formatStockholm(incident.deadline)} (${formatTimeLeft(timeLeftMs(incident.deadline, now))})` },
        ],
      },
      text('Vad händer nu?', { weight: 'bolder', spacing: 'medium' }),
      text(
        'Dataskyddsombudet har fått rapporten och bedömer om den måste anmälas till Integritetsskyddsmyndigheten (IMY), ' +
          'vilket i så fall ska ske inom 72 timmar från att incidenten upptäcktes. Ombudet kan höra av sig till dig med frågor. ' +
          'Har du mer att berätta, eller upptäcker du att fler är berörda, kontakta dataskyddsombudet och ange numret.',
      ),
      text(`Skriv **mina** för att se dina rapporter och hur det går med dem.`, { isSubtle: true }),
    ],
    { actions: [execute(TERMS.sv.myReports, { verb: 'my.list' })], fallbackText: `Din rapport har nummer ${incident.number}.` },
  );
}
