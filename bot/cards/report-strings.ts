/**
 * The chat's report card and receipt in Swedish and English, through PUI Desk's one i18n
 * mechanism; the report's terms and field questions come from `src/domain/terms.ts`.
 */
import { LIMITS, TERMS, type Localized } from '../../src/domain';

const sv = {
  ...TERMS.sv,
  intro: 'Det räcker med det du vet nu: vad som hänt och när. Skriv inga personnummer och inga namn på de drabbade.',
  titlePlaceholder: 'Till exempel: Utredning skickad till fel mottagare',
  titleLimit: TERMS.sv.maxCharacters(LIMITS.title),
  descriptionLimit: TERMS.sv.maxCharacters(LIMITS.description),
  measuresLimit: TERMS.sv.maxCharacters(LIMITS.measures),
  descriptionPlaceholder: 'Vad hände, vilka slags uppgifter och vem kan ha fått del av dem?',
  dateLabel: (question: string) => `${question} Datum (ÅÅÅÅ-MM-DD)`,
  timeLabel: 'Klockslag (TT:MM, svensk tid)',
  datePlaceholder: 'ÅÅÅÅ-MM-DD',
  timePlaceholder: 'TT:MM',
  dateFormat: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-20.',
  timeFormat: 'Skriv klockslaget som TT:MM, till exempel 14:30.',
  moreHint:
    'Vet du mer – när det inträffade, vilka uppgifter och hur många som berörs? Fyll i det under Fler uppgifter, eller låt dataskyddsombudet fråga dig.',
  fewerDetails: 'Färre uppgifter',
  causePlaceholder: TERMS.sv.fields.causeNotKnown,
  notSent: 'Rapporten är inte skickad. Rätta det som är markerat och skicka igen.',
  identityInTitle:
    'Rubriken såg ut att innehålla ett personnummer eller samordningsnummer. Rubriken syns på fler ställen än rapporten, så numret är nu maskerat. Kontrollera rubriken och skicka igen.',
  fallback: 'Formulär för att rapportera en personuppgiftsincident.',
  // The receipt
  receiptHeading: (number: string) => `Tack! Din rapport har nummer ${number}`,
  alreadyReceived: (number: string) => `Rapporten är mottagen som ${number}.`,
  discovered: 'Upptäckt',
  deadline: TERMS.sv.imyDeadline,
  whatNext: 'Vad händer nu?',
  next:
    'Dataskyddsombudet har fått rapporten och bedömer om incidenten måste anmälas till Integritetsskyddsmyndigheten (IMY), ' +
    'vilket i så fall ska ske inom 72 timmar från att incidenten upptäcktes. Ombudet kan höra av sig till dig med frågor. ' +
    'Har du mer att berätta, eller upptäcker du att fler är berörda, kontakta dataskyddsombudet och ange numret.',
  mineHint: `Skriv **mina** för att se dina rapporter och hur det går med dem.`,
  receiptFallback: (number: string) => `Din rapport har nummer ${number}.`,
};

/** The report card's words in one language. */
export type ReportCardStrings = typeof sv;

const en: ReportCardStrings = {
  ...TERMS.en,
  intro:
    'What you know now is enough: what happened and when. Do not write identity numbers or the names of the people affected.',
  titlePlaceholder: 'For example: Investigation sent to the wrong recipient',
  titleLimit: TERMS.en.maxCharacters(LIMITS.title),
  descriptionLimit: TERMS.en.maxCharacters(LIMITS.description),
  measuresLimit: TERMS.en.maxCharacters(LIMITS.measures),
  descriptionPlaceholder: 'What happened, which kinds of data, and who may have seen them?',
  dateLabel: (question: string) => `${question} Date (YYYY-MM-DD)`,
  timeLabel: 'Time (HH:MM, Swedish time)',
  datePlaceholder: 'YYYY-MM-DD',
  timePlaceholder: 'HH:MM',
  dateFormat: 'Write the date as YYYY-MM-DD, for example 2026-11-20.',
  timeFormat: 'Write the time as HH:MM, for example 14:30.',
  moreHint:
    'Know more – when it occurred, which data, how many people? Add it under More details, or let the data protection officer ask you.',
  fewerDetails: 'Fewer details',
  causePlaceholder: TERMS.en.fields.causeNotKnown,
  notSent: 'The report has not been sent. Correct what is marked and send it again.',
  identityInTitle:
    'The title looked like it held a personal identity or coordination number. The title is seen in more places than the report, so the number is now masked. Check the title and send again.',
  fallback: 'A form to report a personal data breach.',
  receiptHeading: (number: string) => `Thank you! Your report has number ${number}`,
  alreadyReceived: (number: string) => `The report has been received as ${number}.`,
  discovered: 'Discovered',
  deadline: TERMS.en.imyDeadline,
  whatNext: 'What happens now?',
  next:
    'The data protection officer has the report and decides whether it must be notified to the Swedish Authority for Privacy Protection (IMY), ' +
    'which is then due within 72 hours of the discovery. The officer may contact you with questions. ' +
    'If you learn more, or find that more people are affected, contact the data protection officer and give the number.',
  mineHint: 'Write **my** to see your reports and how they are getting on.',
  receiptFallback: (number: string) => `Your report has number ${number}.`,
};

/** The report card's words in both languages. */
export const REPORT_CARD_STRINGS: Localized<ReportCardStrings> = { sv, en };
