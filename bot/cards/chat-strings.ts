/**
 * The personal chat's own words besides the report form: help, *mina* / *my*, and the short
 * answers to text the bot does not understand, in Swedish and English.
 */
import { TERMS, type Localized } from '../../src/domain';

const sv = {
  ...TERMS.sv,
  helpHeading: 'PUI Desk: rapportera personuppgiftsincidenter',
  helpIntro:
    'Har personuppgifter hamnat fel, kommit bort eller ändrats av misstag? Till exempel ett mejl till fel mottagare, ' +
    'ett brev till en gammal adress eller en utskrift på fel skrivare. Rapportera det direkt, även om du är osäker: ' +
    'dataskyddsombudet har 72 timmar på sig att anmäla till IMY.',
  commands: [
    { title: 'rapportera (report)', value: 'Öppnar formuläret för en ny rapport.' },
    { title: 'mina (my)', value: 'Visar dina rapporter och hur det går med dem.' },
    { title: 'hjälp (help)', value: 'Visar den här hjälpen.' },
  ],
  fromMessage:
    'Du kan också rapportera direkt från ett meddelande: välj **…** på meddelandet och sedan **Rapportera som incident**.',
  helpFallback: 'Skriv rapportera för att rapportera en personuppgiftsincident.',
  channelHeading: 'PUI Desk i en kanal',
  channelSetup:
    'Skriv **@PUI Desk ställ in dpo-kanal** i den kanal där dataskyddsombudet ska få nya incidenter. Bara dataskyddsombud kan göra det.',
  channelPrivate:
    'Incidenter rapporteras i den personliga chatten med PUI Desk, så att uppgifterna inte syns för alla i kanalen.',
  privateOnly:
    'Rapporter görs i den personliga chatten med PUI Desk, så att uppgifterna inte syns för alla här. Öppna chatten med PUI Desk och skriv **rapportera**.',
  notUnderstood:
    'Det förstod jag inte. Skriv **rapportera** för att rapportera en incident, **mina** för dina rapporter eller **hjälp**.',
  // My reports
  noReports: 'Du har inte rapporterat några incidenter ännu. Skriv **rapportera** när du behöver göra det.',
  status: 'Status',
  discovered: 'Upptäckt',
  imyClock: 'IMY-klockan',
  moreInTab: `Fler rapporter finns under ${TERMS.sv.myReports} i fliken PUI Desk.`,
  reportCount: (n: number) => `Du har ${n} ${n === 1 ? 'rapport' : 'rapporter'}.`,
};

/** The chat's words in one language. */
export type ChatStrings = typeof sv;

const en: ChatStrings = {
  ...TERMS.en,
  helpHeading: 'PUI Desk: report personal data breaches',
  helpIntro:
    'Has personal data gone to the wrong place, been lost or changed by mistake? For example an e-mail to the wrong recipient, ' +
    'a letter to an old address or a printout on the wrong printer. Report it at once, even if you are unsure: ' +
    'the data protection officer has 72 hours to notify IMY.',
  commands: [
    { title: 'report (rapportera)', value: 'Opens the form for a new report.' },
    { title: 'my (mina)', value: 'Shows your reports and how they are getting on.' },
    { title: 'help (hjälp)', value: 'Shows this help.' },
  ],
  fromMessage:
    'You can also report straight from a message: choose **…** on the message and then **Report as personal data breach**.',
  helpFallback: 'Write report to report a personal data breach.',
  channelHeading: 'PUI Desk in a channel',
  channelSetup:
    'Write **@PUI Desk set dpo channel** in the channel where the data protection officer is to get new incidents. Only data protection officers can do this.',
  channelPrivate:
    'Incidents are reported in the personal chat with PUI Desk, so that the details are not seen by everyone in the channel.',
  privateOnly:
    'Reports are made in the personal chat with PUI Desk, so that the details are not seen by everyone here. Open the chat with PUI Desk and write **report**.',
  notUnderstood:
    'I did not understand that. Write **report** to report an incident, **my** for your reports or **help**.',
  noReports: 'You have not reported any incidents yet. Write **report** when you need to.',
  status: 'Status',
  discovered: 'Discovered',
  imyClock: 'IMY clock',
  moreInTab: `There are more reports under ${TERMS.en.myReports} in the PUI Desk tab.`,
  reportCount: (n: number) => `You have ${n} ${n === 1 ? 'report' : 'reports'}.`,
};

/** The chat's words in both languages. */
export const CHAT_STRINGS: Localized<ChatStrings> = { sv, en };
