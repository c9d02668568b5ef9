/** The caller's own reports with their status. */
import { formatStockholm, maskPersonalDataOneLine, TERMS, type Incident } from '../../src/domain';
import { card, execute, heading, plain, text, type AdaptiveCard, type CardElement } from './adaptive-card';
import { clockText, statusLabel } from './labels';

/** The list of the caller's reports, newest first; `more` when there are more than shown. */
export function myIncidentsCard(
  incidents: readonly Incident[],
  now: Date,
  options: { more?: boolean } = {},
): AdaptiveCard {
  if (incidents.length === 0) {
    return card(
      [
        heading(TERMS.sv.myReports),
        text('Du har inte rapporterat några incidenter ännu. Skriv **rapportera** när du behöver göra det.'),
      ],
      { actions: [execute(TERMS.sv.reportIncident, { verb: 'report.start' })] },
    );
  }
  const items: CardElement[] = incidents.map((incident) => ({
    type: 'Container',
    separator: true,
    items: [
      text(`**${incident.number}** · ${plain(maskPersonalDataOneLine(incident.title))}`),
      {
        type: 'FactSet',
        facts: [
          { title: 'Status', value: statusLabel(incident) },
          { title: 'Upptäckt', value: formatStockholm(incident.discoveredAt) },
          { title: 'IMY-klockan', value: clockText(incident, now).text },
        ],
      },
    ],
  }));
  return card(
    [
      heading(TERMS.sv.myReports),
      ...items,
      ...(options.more
        ? [text(`Fler rapporter finns under ${TERMS.sv.myReports} i fliken PUI Desk.`, { isSubtle: true })]
        : []),
    ],
    { fallbackText: `Du har ${incidents.length} rapporter.` },
  );
}
