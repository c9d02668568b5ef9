/** The receipt that replaces the report form: the number, the deadline and what happens next. */
import {
  formatStockholm,
  formatTimeLeft,
  maskPersonalDataOneLine,
  timeLeftMs,
  type Incident,
  type Locale,
} from '../../src/domain';
import { card, execute, heading, plain, text, type AdaptiveCard } from './adaptive-card';
import { REPORT_CARD_STRINGS } from './report-strings';

/** The receipt for a stored report. `again` when the same report was sent before (a double click, a retry). */
export function receiptCard(
  incident: Incident,
  now: Date,
  options: { again?: boolean; locale?: Locale } = {},
): AdaptiveCard {
  const locale = options.locale ?? 'sv';
  const t = REPORT_CARD_STRINGS[locale];
  return card(
    [
      heading(t.receiptHeading(incident.number)),
      ...(options.again ? [text(t.alreadyReceived(incident.number), { isSubtle: true, size: 'small' })] : []),
      {
        type: 'FactSet',
        facts: [
          { title: t.fields.title, value: plain(maskPersonalDataOneLine(incident.title)) },
          { title: t.discovered, value: formatStockholm(incident.discoveredAt) },
          {
            title: t.deadline,
            value: `${formatStockholm(incident.deadline)} (${formatTimeLeft(timeLeftMs(incident.deadline, now), locale)})`,
          },
        ],
      },
      text(t.whatNext, { weight: 'bolder', spacing: 'medium' }),
      text(t.next),
      text(t.mineHint, { isSubtle: true }),
    ],
    { actions: [execute(t.myReports, { verb: 'my.list' })], fallbackText: t.receiptFallback(incident.number) },
  );
}
