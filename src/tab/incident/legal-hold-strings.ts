/** The words of the incident page's retention and legal-hold section, and of the hold's marks (board, heading). */
import type { Localized } from '../i18n';

const sv = {
  heading: 'Gallring och spärr',
  intro:
    'Avslutade incidenter gallras enligt informationshanteringsplanen. En spärr (till exempel ett IVO-ärende eller ett mål i domstol) hindrar gallring tills den hävs.',
  outlook: {
    open: 'Gallras inte medan incidenten är öppen.',
    held: 'Bevaras så länge spärren gäller.',
    kept: 'Bevaras: informationshanteringsplanen gallrar inte incidenterna.',
    due: (date: string) => `Kan gallras från och med ${date} enligt informationshanteringsplanen.`,
    culled: (date: string) => `Gallrad ${date}.`,
  },
  outlookLabel: 'Gallring',
  held: (reason: string, reference: string, since: string, by: string) =>
    `Spärrad: ${reason}${reference ? `, ${reference}` : ''}. Sedan ${since} (${by}).`,
  notHeld: 'Ingen spärr.',
  reason: 'Skäl till spärren',
  reference: 'Diarie- eller målnummer',
  referenceHint: 'Valfritt, till exempel 8.5-12345/2026. Inga personnummer.',
  set: 'Sätt spärr',
  change: 'Ändra spärren',
  lift: 'Häv spärren',
  liftHeading: 'Häv spärren',
  lifted: 'Spärren är hävd.',
  mark: 'Spärrad',
  markLabel: 'Spärrad mot gallring',
};

const en: typeof sv = {
  heading: 'Retention and legal hold',
  intro:
    'Closed incidents are culled as the records plan says. A legal hold (for example an IVO case or a court case) stops the culling until it is lifted.',
  outlook: {
    open: 'Not culled while the incident is open.',
    held: 'Kept while the legal hold lasts.',
    kept: 'Kept: the records plan does not cull incidents.',
    due: (date: string) => `May be culled from ${date} under the records plan.`,
    culled: (date: string) => `Culled on ${date}.`,
  },
  outlookLabel: 'Retention',
  held: (reason: string, reference: string, since: string, by: string) =>
    `On hold: ${reason}${reference ? `, ${reference}` : ''}. Since ${since} (${by}).`,
  notHeld: 'No legal hold.',
  reason: 'Reason for the hold',
  reference: 'Reference or case number',
  referenceHint: 'Optional, for example 8.5-12345/2026. No identity numbers.',
  set: 'Set legal hold',
  change: 'Change the hold',
  lift: 'Lift the hold',
  liftHeading: 'Lift the hold',
  lifted: 'The hold is lifted.',
  mark: 'On hold',
  markLabel: 'On legal hold against culling',
};

export const legalHoldStrings: Localized<typeof sv> = { sv, en };
