/** Words the shell and several pages share. */
import type { Localized } from './i18n';
import { TERMS } from '../domain/terms';

const sv = {
  appName: 'PUI Desk',
  appTagline: 'Personuppgiftsincidenter',
  skipToContent: 'Hoppa till innehållet',
  navLabel: 'Sidor',
  nav: { report: TERMS.sv.reportVerb, mine: TERMS.sv.myReports, board: 'Tavlan', register: 'Registret' },
  loading: 'Laddar…',
  loadingPage: 'Laddar sidan…',
  retry: 'Försök igen',
  reload: 'Ladda om',
  notFoundTitle: 'Sidan finns inte',
  notFoundBody: 'Adressen leder inte till någon sida i PUI Desk.',
  toReport: 'Till rapportformuläret',
  dpoOnlyTitle: 'Bara för dataskyddsombudet',
  dpoOnlyBody: `Den här sidan är till för dataskyddsombudet. Dina egna rapporter finns under ${TERMS.sv.myReports}.`,
  localTitle: 'Lokal profil',
  localBody: (name: string) =>
    `Du är inte inloggad: PUI Desk körs lokalt och alla anrop görs som utvecklaridentiteten "${name}". Använd den bara för utveckling och test.`,
  actAs: 'Agera som',
  actAsDpo: 'Dataskyddsombud (alla roller)',
  actAsReporter: 'Rapportör',
  signedInAs: (name: string) => `Inloggad som ${name}`,
  signInFailedTitle: 'Du är inte inloggad',
  openInTeams: 'Öppna PUI Desk i Microsoft Teams för att logga in.',
  timesInStockholm: 'Tider visas i svensk tid.',
  time: {
    hint: 'Svensk tid, ÅÅÅÅ-MM-DD TT:MM.',
    placeholder: 'ÅÅÅÅ-MM-DD TT:MM',
    malformed: 'Skriv datum och klockslag som ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-11-21 14:30.',
    now: 'Nu',
    nowFor: (label: string) => `Nu: ${label}`,
  },
  sources: TERMS.sv.sources,
  noOwner: 'Ingen ägare',
  clockStopped: { notified: 'Anmäld till IMY', 'not-required': 'Anmälan krävs inte', closed: 'Avslutad' },
};

const en: typeof sv = {
  appName: 'PUI Desk',
  appTagline: 'Personal data breaches',
  skipToContent: 'Skip to content',
  navLabel: 'Pages',
  nav: { report: TERMS.en.reportVerb, mine: TERMS.en.myReports, board: 'Board', register: 'Register' },
  loading: 'Loading…',
  loadingPage: 'Loading the page…',
  retry: 'Try again',
  reload: 'Reload',
  notFoundTitle: 'Page not found',
  notFoundBody: 'The address does not lead to a page in PUI Desk.',
  toReport: 'To the report form',
  dpoOnlyTitle: 'For the data protection officer only',
  dpoOnlyBody: `This page is for the data protection officer. Your own reports are under ${TERMS.en.myReports}.`,
  localTitle: 'Local profile',
  localBody: (name: string) =>
    `You are not signed in: PUI Desk runs locally and every call is made as the dev identity "${name}". Use it for development and testing only.`,
  actAs: 'Act as',
  actAsDpo: 'Data protection officer (all roles)',
  actAsReporter: 'Reporter',
  signedInAs: (name: string) => `Signed in as ${name}`,
  signInFailedTitle: 'You are not signed in',
  openInTeams: 'Open PUI Desk in Microsoft Teams to sign in.',
  timesInStockholm: 'Times are shown in Swedish time.',
  time: {
    hint: 'Swedish time, YYYY-MM-DD HH:MM.',
    placeholder: 'YYYY-MM-DD HH:MM',
    malformed: 'Write the date and time as YYYY-MM-DD HH:MM, for example 2026-11-21 14:30.',
    now: 'Now',
    nowFor: (label: string) => `Now: ${label}`,
  },
  sources: TERMS.en.sources,
  noOwner: 'No owner',
  clockStopped: { notified: 'Notified to IMY', 'not-required': 'Notice not required', closed: 'Closed' },
};

export const commonStrings: Localized<typeof sv> = { sv, en };
