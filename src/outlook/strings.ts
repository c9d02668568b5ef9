/**
 * The task pane's texts in Swedish (the default) and English, through PUI Desk's one i18n
 * mechanism (`src/domain/i18n.ts`); the report's terms and fields come from `src/domain/terms.ts`.
 */
import { localeFrom, localized, type Locale, type Localized } from '../domain/i18n';
import { LIMITS } from '../domain/report-input';
import { TERMS } from '../domain/terms';

export type { Locale } from '../domain/i18n';

const T = TERMS.sv.fields;
const E = TERMS.en.fields;

const sv = {
  appTitle: TERMS.sv.reportIncident,
  appSubtitle: 'PUI Desk',
  switchLanguage: 'In English',
  switchLanguageLang: 'en',
  loading: 'Läser mejlet …',
  localProfileTitle: 'Lokal profil',
  localProfile:
    'Ingen inloggning: rapporten skickas som utvecklaridentiteten ”Utvecklare (lokal profil)”. Inget Entra ID-token hämtas.',
  localHostTitle: 'Exempelmejl',
  localHost: 'Sidan körs utanför Outlook. Ett exempelmejl används i stället för ett riktigt mejl.',
  sampleLabel: 'Välj exempelmejl',
  sampleNames: ['Skickat till fel extern mottagare', 'Mottaget av misstag', 'Utan personuppgifter'],
  signingIn: 'Loggar in …',
  naaUnsupportedTitle: 'Inloggningen fungerar inte i den här Outlook-versionen',
  naaUnsupported:
    'PUI Desk loggar in med Microsoft 365-kontot (nested app authentication). Det fungerar i Outlook på webben, nya Outlook för Windows, klassiska Outlook för Windows version 2409 eller senare (Microsoft 365; fristående köpversion 2501, volymlicens/LTSC 2408), Outlook för Mac 16.89 eller senare och Outlook för iOS och Android 4.2433 eller senare, med ett jobb- eller skolkonto. Konton på Outlook.com och Gmail fungerar inte. Uppdatera Outlook eller rapportera via PUI Desk i Teams i stället.',
  signInFailedTitle: 'Inloggningen misslyckades',
  signInFailed: 'Kunde inte logga in. Försök igen eller rapportera via PUI Desk i Teams.',
  outsideOutlook: 'Öppna PUI Desk från ett mejl i Outlook. Utanför Outlook fungerar sidan bara i den lokala profilen.',
  configFailedTitle: 'Inställningarna kunde inte läsas',
  mailFailedTitle: 'Mejlet kunde inte läsas',
  noItem: 'Öppna ett mejl först och välj sedan PUI Desk i menyfliksområdet.',
  composeMode:
    'PUI Desk fungerar på skickade och mottagna mejl, inte på mejl som håller på att skrivas. Skicka eller spara mejlet och öppna det i läsläge.',
  bodyUnavailable: 'Mejlets text kunde inte läsas. Du kan ändå fylla i rapporten.',
  sentAnyway:
    'Du skickade mejlet trots varningen om personuppgifter till en extern mottagare. Om det gick fel: rapporten nedan är redan ifylld – skicka den.',
  mailHeading: 'Mejlet',
  sentByYou: 'Skickat av dig',
  receivedByYou: 'Mottaget av dig',
  subject: 'Ämne',
  from: 'Från',
  to: 'Till',
  cc: 'Kopia',
  sent: 'Skickat',
  external: 'Extern',
  internal: 'Intern',
  attachments: 'Bilagor',
  noAttachments: 'Inga bilagor',
  scanHeading: 'Det här hittades i mejlet',
  scanNote: 'Mejlet har genomsökts här i Outlook. Bara antalen används i rapporten; mejlets text skickas inte.',
  scanPersonnummer: 'Personnummer',
  scanSamordningsnummer: 'Samordningsnummer',
  scanHealth: 'Ord som tyder på hälsouppgifter',
  scanSocial: 'Ord som tyder på socialtjänstuppgifter',
  scanChildren: 'Ord som tyder på uppgifter om barn',
  caseLabel: 'Vad hände med mejlet?',
  caseSent: 'Jag skickade mejlet till fel mottagare',
  caseReceived: 'Jag fick mejlet av misstag',
  caseOther: 'Något annat',
  formHeading: 'Rapporten',
  formHint: 'Uppgifterna är förifyllda från mejlet. Kontrollera och ändra innan du skickar.',
  title: T.title,
  titleHint: `${T.titleHint} ${TERMS.sv.maxCharacters(LIMITS.title)}`,
  description: T.description,
  descriptionHint: `Beskriv vad som hänt utan att skriva in personnummer eller mejlets innehåll. ${TERMS.sv.maxCharacters(LIMITS.description)}`,
  occurredAt: T.occurredAt,
  occurredAtHint: `${T.occurredAtHint} ${T.timeHint}`,
  discoveredAt: T.discoveredAt,
  discoveredAtHint: T.timeHint,
  timePlaceholder: 'ÅÅÅÅ-MM-DD TT:MM',
  breachTypes: T.breachTypes,
  dataCategories: T.dataCategories,
  affectedCount: T.affectedCount,
  affectedCountHint: T.affectedCountHint,
  cause: T.cause,
  causeNone: T.causeNotKnown,
  measures: T.measures,
  measuresHint: 'Till exempel: bett mottagaren radera mejlet, försökt återkalla det.',
  unit: T.unit,
  submit: TERMS.sv.submitReport,
  submitting: 'Skickar …',
  retry: 'Rapporten skickas bara en gång, även om du försöker igen.',
  submitFailedTitle: 'Rapporten kunde inte skickas',
  networkError: 'Kunde inte nå PUI Desk. Kontrollera anslutningen och försök igen.',
  fixFields: 'Rätta fälten som är markerade och skicka igen.',
  receiptTitle: TERMS.sv.reportReceived,
  receiptNumber: TERMS.sv.caseNumber,
  receiptDeadline: TERMS.sv.imyDeadline,
  receiptInfo:
    'Dataskyddsombudet har fått rapporten, bedömer inom 72 timmar om incidenten ska anmälas till IMY och kan kontakta dig. Hänvisa till ärendenumret, inte till mejlet.',
  adviceHeading: 'Gör så här nu',
  adviceSent: [
    'Kontakta mottagaren direkt, helst per telefon, och be hen radera mejlet och eventuella bilagor (också från Borttaget) utan att läsa vidare eller sprida det. Be om en bekräftelse på att det är gjort.',
    'Försök återkalla mejlet i Outlook (Återkalla meddelande). Det fungerar bara inom organisationen och inte om mejlet redan har lästs, så kontakta mottagaren ändå.',
    'Vidarebefordra inte mejlet till någon, inte heller till dataskyddsombudet.',
    'Skicka inte om innehållet förrän du har kontrollerat den rätta adressen.',
    'Skriv ner vad du har gjort och när. Om det rör socialtjänsten kan det också behöva rapporteras enligt lex Sarah: tala med din chef.',
  ],
  adviceReceived: [
    'Läs inte vidare och sprid inte mejlet. Vidarebefordra det inte, inte heller till dataskyddsombudet.',
    'Meddela avsändaren att mejlet kommit fel. Svara utan att ta med originalmeddelandet och bilagorna, eller ring.',
    'Radera mejlet, också från Borttaget, när avsändaren har fått beskedet.',
    'Skriv ner vad du har gjort och när.',
  ],
  adviceOther: [
    'Sprid inte uppgifterna vidare och vidarebefordra inte mejlet.',
    'Skriv ner vad du har gjort och när. Dataskyddsombudet hör av sig om något mer behövs.',
  ],
  // Prefilled report texts
  titleSent: (date: string) => `Mejl skickat till fel mottagare ${date}`,
  titleReceived: (date: string) => `Mejl mottaget av misstag ${date}`,
  titleOther: (date: string) => `Incident med e-post ${date}`,
  descSent: 'Ett mejl skickades till fel mottagare.',
  descReceived: 'Ett mejl som var avsett för någon annan togs emot av misstag.',
  descOther: 'Incident som rör ett mejl.',
  descSentAt: (when: string) => `Mejlet skickades ${when} (svensk tid).`,
  descRecipients: (total: number, to: number, cc: number, external: number) =>
    `Det hade ${total} mottagare (Till: ${to}, Kopia: ${cc}), varav ${external} utanför organisationen.`,
  descExternalDomains: (domains: string) => `Externa domäner: ${domains}.`,
  descSenderExternal: 'Avsändaren finns utanför organisationen.',
  descAttachments: (count: number, size: string) =>
    count === 0
      ? 'Det hade inga bilagor.'
      : `Det hade ${count} ${count === 1 ? 'bilaga' : 'bilagor'} (${size} sammanlagt).`,
  descScan: (pnr: number, snr: number, health: number, social: number, children: number) =>
    `Mejlet genomsöktes i Outlook (innehållet har inte skickats med): ${pnr} personnummer, ${snr} samordningsnummer; ord som tyder på hälsouppgifter: ${health}, socialtjänstuppgifter: ${social}, uppgifter om barn: ${children}.`,
  descMessageId: (id: string) => `Meddelande-id: ${id}`,
};

/** The texts of one language. */
export type Strings = typeof sv;

const en: Strings = {
  appTitle: TERMS.en.reportIncident,
  appSubtitle: 'PUI Desk',
  switchLanguage: 'På svenska',
  switchLanguageLang: 'sv',
  loading: 'Reading the mail …',
  localProfileTitle: 'Local profile',
  localProfile:
    'No sign-in: the report is sent as the dev identity "Utvecklare (lokal profil)". No Entra ID token is requested.',
  localHostTitle: 'Sample mail',
  localHost: 'This page runs outside Outlook. A sample mail is used instead of a real one.',
  sampleLabel: 'Choose a sample mail',
  sampleNames: ['Sent to the wrong external recipient', 'Received by mistake', 'Without personal data'],
  signingIn: 'Signing in …',
  naaUnsupportedTitle: 'Sign-in does not work in this version of Outlook',
  naaUnsupported:
    'PUI Desk signs in with your Microsoft 365 account (nested app authentication). That works in Outlook on the web, the new Outlook for Windows, classic Outlook for Windows version 2409 or later (Microsoft 365; retail 2501, volume licensed/LTSC 2408), Outlook for Mac 16.89 or later, and Outlook for iOS and Android 4.2433 or later, with a work or school account. Outlook.com and Gmail accounts do not work. Update Outlook, or report through PUI Desk in Teams instead.',
  signInFailedTitle: 'Sign-in failed',
  signInFailed: 'Could not sign in. Try again, or report through PUI Desk in Teams.',
  outsideOutlook: 'Open PUI Desk from a mail in Outlook. Outside Outlook the page works only in the local profile.',
  configFailedTitle: 'The settings could not be read',
  mailFailedTitle: 'The mail could not be read',
  noItem: 'Open a mail first, then choose PUI Desk on the ribbon.',
  composeMode:
    'PUI Desk works on sent and received mail, not on mail being written. Send or save the mail and open it in reading mode.',
  bodyUnavailable: 'The text of the mail could not be read. You can still fill in the report.',
  sentAnyway:
    'You sent this mail despite the warning about personal data to an external recipient. If it went wrong: the report below is already filled in – send it.',
  mailHeading: 'The mail',
  sentByYou: 'Sent by you',
  receivedByYou: 'Received by you',
  subject: 'Subject',
  from: 'From',
  to: 'To',
  cc: 'Cc',
  sent: 'Sent',
  external: 'External',
  internal: 'Internal',
  attachments: 'Attachments',
  noAttachments: 'No attachments',
  scanHeading: 'Found in the mail',
  scanNote:
    'The mail was scanned here in Outlook. Only the counts go into the report; the text of the mail is not sent.',
  scanPersonnummer: 'Personal identity numbers',
  scanSamordningsnummer: 'Coordination numbers',
  scanHealth: 'Words suggesting health data',
  scanSocial: 'Words suggesting social services data',
  scanChildren: 'Words suggesting data about children',
  caseLabel: 'What happened to the mail?',
  caseSent: 'I sent the mail to the wrong recipient',
  caseReceived: 'I received the mail by mistake',
  caseOther: 'Something else',
  formHeading: 'The report',
  formHint: 'The fields are prefilled from the mail. Check and edit them before sending.',
  title: E.title,
  titleHint: `${E.titleHint} ${TERMS.en.maxCharacters(LIMITS.title)}`,
  description: E.description,
  descriptionHint: `Describe what happened without writing identity numbers or the content of the mail. ${TERMS.en.maxCharacters(LIMITS.description)}`,
  occurredAt: E.occurredAt,
  occurredAtHint: `${E.occurredAtHint} ${E.timeHint}`,
  discoveredAt: E.discoveredAt,
  discoveredAtHint: E.timeHint,
  timePlaceholder: 'YYYY-MM-DD HH:MM',
  breachTypes: E.breachTypes,
  dataCategories: E.dataCategories,
  affectedCount: E.affectedCount,
  affectedCountHint: E.affectedCountHint,
  cause: E.cause,
  causeNone: E.causeNotKnown,
  measures: E.measures,
  measuresHint: 'For example: asked the recipient to delete the mail, tried to recall it.',
  unit: E.unit,
  submit: TERMS.en.submitReport,
  submitting: 'Sending …',
  retry: 'The report is sent only once, even if you try again.',
  submitFailedTitle: 'The report could not be sent',
  networkError: 'Could not reach PUI Desk. Check the connection and try again.',
  fixFields: 'Correct the marked fields and send again.',
  receiptTitle: TERMS.en.reportReceived,
  receiptNumber: TERMS.en.caseNumber,
  receiptDeadline: TERMS.en.imyDeadline,
  receiptInfo:
    'The data protection officer has the report, decides within 72 hours whether to notify IMY, and may contact you. Refer to the case number, not to the mail.',
  adviceHeading: 'What to do now',
  adviceSent: [
    'Contact the recipient directly, preferably by phone, and ask them to delete the mail and any attachments (also from Deleted Items) without reading further or passing it on. Ask them to confirm it is done.',
    'Try to recall the mail in Outlook (Recall message). It works only inside the organisation and not once the mail has been read, so contact the recipient anyway.',
    'Do not forward the mail to anyone, not even to the data protection officer.',
    'Do not resend the content until you have checked the right address.',
    'Write down what you did and when. If it concerns social services, it may also need a lex Sarah report: talk to your manager.',
  ],
  adviceReceived: [
    'Do not read further or pass the mail on. Do not forward it, not even to the data protection officer.',
    'Tell the sender the mail came to the wrong person. Reply without the original message and attachments, or call.',
    'Delete the mail, also from Deleted Items, once the sender has been told.',
    'Write down what you did and when.',
  ],
  adviceOther: [
    'Do not spread the data further and do not forward the mail.',
    'Write down what you did and when. The data protection officer will be in touch if more is needed.',
  ],
  titleSent: (date: string) => `Mail sent to the wrong recipient ${date}`,
  titleReceived: (date: string) => `Mail received by mistake ${date}`,
  titleOther: (date: string) => `Incident involving e-mail ${date}`,
  descSent: 'A mail was sent to the wrong recipient.',
  descReceived: 'A mail meant for someone else was received by mistake.',
  descOther: 'Incident involving a mail.',
  descSentAt: (when: string) => `The mail was sent ${when} (Swedish time).`,
  descRecipients: (total: number, to: number, cc: number, external: number) =>
    `It had ${total} recipient${total === 1 ? '' : 's'} (To: ${to}, Cc: ${cc}), ${external} of them outside the organisation.`,
  descExternalDomains: (domains: string) => `External domains: ${domains}.`,
  descSenderExternal: 'The sender is outside the organisation.',
  descAttachments: (count: number, size: string) =>
    count === 0 ? 'It had no attachments.' : `It had ${count} attachment${count === 1 ? '' : 's'} (${size} in total).`,
  descScan: (pnr: number, snr: number, health: number, social: number, children: number) =>
    `The mail was scanned in Outlook (its content was not sent): ${pnr} personal identity numbers, ${snr} coordination numbers; words suggesting health data: ${health}, social services data: ${social}, data about children: ${children}.`,
  descMessageId: (id: string) => `Message id: ${id}`,
};

const STRINGS: Localized<Strings> = { sv, en };

/** The texts for a locale. */
export function stringsFor(locale: Locale): Strings {
  return localized(STRINGS, locale);
}

/** Picks the locale: an explicit `lang` wins, then Outlook's display language; Swedish otherwise. */
export function pickLocale(explicit: string | null | undefined, displayLanguage?: string): Locale {
  return localeFrom(explicit || displayLanguage);
}
