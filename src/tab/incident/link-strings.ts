/** The words of the incident page's "Samma händelse" track: linking a report to a main incident. */
import type { Localized } from '../i18n';

const sv = {
  heading: 'Samma händelse',
  intro:
    'Har samma händelse rapporterats flera gånger? Länka rapporten till huvudincidenten. Rapporten behåller sitt nummer men räknas inte för sig i registrets statistik, och den har ingen egen klocka eller egna påminnelser: huvudincidentens gäller. Länken kan tas bort.',
  summaryLinked: (main: string) => `Länkad till ${main}`,
  summaryMain: (n: number) => (n === 1 ? '1 rapport länkad hit' : `${n} rapporter länkade hit`),
  summaryNone: 'Inte länkad',
  linkedTo: 'Länkad till huvudincidenten',
  linkedBy: (at: string, name: string) => `Länkad ${at} av ${name}.`,
  unlink: 'Ta bort länken',
  unlinked: 'Länken är borttagen. Rapporten har sin egen klocka igen.',
  linkedHere: 'Rapporter länkade till den här incidenten',
  isMain: 'Andra rapporter är länkade hit, så den här incidenten är huvudincident och kan inte själv länkas.',
  mainNumber: 'Huvudincidentens nummer',
  mainNumberHint: 'Till exempel PUI-2026-0042. Välj den rapport som kom in först: klockan går från den.',
  link: 'Länka till huvudincidenten',
  linked: 'Länkad.',
};

const en: typeof sv = {
  heading: 'Same event',
  intro:
    'Was the same event reported more than once? Link the report to the main incident. The report keeps its number but is not counted on its own in the register statistics, and it has no clock or reminders of its own: the main incident’s apply. The link can be removed.',
  summaryLinked: (main: string) => `Linked to ${main}`,
  summaryMain: (n: number) => (n === 1 ? '1 report linked here' : `${n} reports linked here`),
  summaryNone: 'Not linked',
  linkedTo: 'Linked to the main incident',
  linkedBy: (at: string, name: string) => `Linked ${at} by ${name}.`,
  unlink: 'Remove the link',
  unlinked: 'The link is removed. The report has its own clock again.',
  linkedHere: 'Reports linked to this incident',
  isMain: 'Other reports are linked here, so this incident is a main incident and cannot be linked itself.',
  mainNumber: 'Number of the main incident',
  mainNumberHint: 'For example PUI-2026-0042. Choose the report that came in first: the clock runs from it.',
  link: 'Link to the main incident',
  linked: 'Linked.',
};

export const linkStrings: Localized<typeof sv> = { sv, en };
