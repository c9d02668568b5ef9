/**
 * The words PUI Desk uses for its own concepts, the same in the chat, the tab and the Outlook
 * pane, in Swedish and in English. A surface may add its own UI words (buttons, hints) in its own
 * strings file, but a term named here is taken from here, never written again.
 * @remarks A staff member's report is a *rapport* (Rapportera, Skicka rapporten, Mina rapporter):
 * *anmälan* is kept for the DPO's notification to IMY, so that "anmäld" on a card always means IMY.
 */
import { formatNumber, type Localized } from './i18n';
import type { Source } from './vocabulary';

const sv = {
  appName: 'PUI Desk',
  /** The noun for what a staff member sends. */
  report: 'rapport',
  reports: 'rapporter',
  /** The verb, on buttons and in navigation. */
  reportVerb: 'Rapportera',
  reportIncident: 'Rapportera en personuppgiftsincident',
  submitReport: 'Skicka rapporten',
  myReports: 'Mina rapporter',
  reportReceived: 'Tack! Rapporten är mottagen',
  caseNumber: 'Ärendenummer',
  imyDeadline: 'Senaste tid för anmälan till IMY',
  moreDetails: 'Fler uppgifter',
  /** The report's fields, asked the same way wherever a report is made. */
  fields: {
    title: 'Rubrik',
    titleHint: 'En rad om vad som hänt, utan namn eller personnummer. Till exempel: Beslut skickat till fel adress.',
    description: 'Vad har hänt?',
    descriptionHint: 'Kort: vad hände, vilka slags uppgifter gäller det och vem kan ha fått del av dem.',
    discoveredAt: 'När upptäcktes incidenten?',
    occurredAt: 'När inträffade incidenten?',
    occurredAtHint: 'Om du vet.',
    /** The one written form of a time everywhere (not the browser's locale): ÅÅÅÅ-MM-DD TT:MM. */
    timeHint: 'Datum och klockslag i svensk tid, som ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-11-20 14:30.',
    breachTypes: 'Vad har hänt med uppgifterna?',
    dataCategories: 'Vilka slags uppgifter gäller det?',
    affectedCount: 'Ungefär hur många personer berörs?',
    affectedCountHint: 'En uppskattning räcker. Lämna tomt om du inte vet.',
    cause: 'Varför inträffade incidenten, enligt dig?',
    /** The empty choice of the cause: the reporter does not say; the DPO records the cause. */
    causeNotKnown: 'Vet inte',
    measures: 'Vad har redan gjorts?',
    measuresHint: 'Till exempel: mottagaren har ombetts radera mejlet.',
    unit: 'Enhet eller förvaltning',
  },
  /** Where a report came from. */
  sources: {
    bot: 'Chatt med PUI Desk',
    message: 'Teams-meddelande',
    tab: 'Fliken PUI Desk',
    outlook: 'Outlook',
    import: 'Import av registret',
    api: 'API',
  } satisfies Record<Source, string>,
  /** Said under a text field before anyone types too much. */
  maxCharacters: (max: number) => `Högst ${formatNumber(max, 'sv')} tecken.`,
};

/** The shape of the terms in one language. */
export type Terms = typeof sv;

const en: Terms = {
  appName: 'PUI Desk',
  report: 'report',
  reports: 'reports',
  reportVerb: 'Report',
  reportIncident: 'Report a personal data breach',
  submitReport: 'Send the report',
  myReports: 'My reports',
  reportReceived: 'Thank you! The report has been received',
  caseNumber: 'Case number',
  imyDeadline: 'Deadline for notifying IMY',
  moreDetails: 'More details',
  fields: {
    title: 'Title',
    titleHint:
      'One line about what happened, without names or identity numbers. For example: Decision sent to the wrong address.',
    description: 'What happened?',
    descriptionHint: 'Briefly: what happened, which kinds of data it concerns and who may have seen them.',
    discoveredAt: 'When was the breach discovered?',
    occurredAt: 'When did the breach occur?',
    occurredAtHint: 'If you know.',
    timeHint: 'Date and time in Swedish time, as YYYY-MM-DD HH:MM, for example 2026-11-20 14:30.',
    breachTypes: 'What happened to the data?',
    dataCategories: 'What kinds of data are involved?',
    affectedCount: 'About how many people are affected?',
    affectedCountHint: "An estimate is enough. Leave it empty if you don't know.",
    cause: 'Why did it happen, in your view?',
    causeNotKnown: "Don't know",
    measures: 'What has been done already?',
    measuresHint: 'For example: the recipient was asked to delete the e-mail.',
    unit: 'Unit or department',
  },
  sources: {
    bot: 'Chat with PUI Desk',
    message: 'Teams message',
    tab: 'The PUI Desk tab',
    outlook: 'Outlook',
    import: 'Register import',
    api: 'API',
  },
  maxCharacters: (max: number) => `At most ${formatNumber(max, 'en')} characters.`,
};

/** The shared terms in both languages. */
export const TERMS: Localized<Terms> = { sv, en };
