/** The caller's own reports with their status. */
import { formatStockholm, maskPersonalDataOneLine, type Incident, type Locale } from '../../src/domain';
import { card, execute, heading, plain, text, type AdaptiveCard, type CardElement } from './adaptive-card';
import { CHAT_STRINGS } from './chat-strings';
import { clockText, statusLabel } from './labels';

/** The list of the caller's reports, newest first; `more` when there are more than shown. */
export function myIncidentsCard(
  incidents: readonly Incident[],
  now: Date,
  options: { more?: boolean; locale?: Locale } = {},
): AdaptiveCard {
  const locale = options.locale ?? 'sv';
  const t = CHAT_STRINGS[locale];
  if (incidents.length === 0) {
    return card([heading(t.myReports), text(t.noReports)], {
      actions: [execute(t.reportIncident, { verb: 'report.start', lang: locale })],
    });
  }
  const items: CardElement[] = incidents.map((incident) => ({
    type: 'Container',
    separator: true,
    items: [
      text(`**${incident.number}** · ${plain(maskPersonalDataOneLine(incident.title))}`),
      {
        type: 'FactSet',
        facts: [
          { title: t.status, value: statusLabel(incident, locale) },
          // Dates in the one form everywhere (2026-11-20 14:30), whatever the client's locale.
          { title: t.discovered, value: formatStockholm(incident.discoveredAt) },
          { title: t.imyClock, value: clockText(incident, now, locale).text },
        ],
      },
    ],
  }));
  return card([heading(t.myReports), ...items, ...(options.more ? [text(t.moreInTab, { isSubtle: true })] : [])], {
    fallbackText: t.reportCount(incidents.length),
  });
}
