/** The report page's words. */
import { TERMS } from '../../domain/terms';
import type { Localized } from '../i18n';

const sv = {
  title: TERMS.sv.reportIncident,
  intro:
    'Rapportera så snart du misstänker att personuppgifter har hamnat fel, ändrats eller gått förlorade – även om du är osäker. Dataskyddsombudet har 72 timmar på sig att anmäla till Integritetsskyddsmyndigheten (IMY).',
  requiredNote: 'Fält markerade med * måste fyllas i.',
  fields: {
    ...TERMS.sv.fields,
    discoveredAtHint: TERMS.sv.fields.timeHint,
    occurredAtHint: `${TERMS.sv.fields.occurredAtHint} ${TERMS.sv.fields.timeHint}`,
  },
  identityWarning:
    'Rubriken ser ut att innehålla ett personnummer eller samordningsnummer. Rubriken syns på fler ställen än själva rapporten – skriv den utan personnummer.',
  maskIdentity: 'Maskera personnumret i rubriken',
  masked: 'Personnumret i rubriken är maskerat.',
  submit: TERMS.sv.submitReport,
  sending: 'Skickar…',
  clear: 'Töm formuläret',
  draftKept: 'Det du skriver sparas i den här fliken tills du skickar rapporten, även om sidan laddas om.',
  draftNotKept: 'Webbläsaren tillåter inte att utkastet sparas. Skicka rapporten innan du stänger sidan.',
  draftRestored: 'Ditt osparade utkast är återställt.',
  summaryTitle: (n: number) => (n === 1 ? 'Rätta 1 uppgift innan du skickar' : `Rätta ${n} uppgifter innan du skickar`),
  sendFailedTitle: 'Rapporten kunde inte skickas',
  sendFailedKept: 'Ditt utkast finns kvar. Försök igen – samma rapport registreras bara en gång.',
  receipt: {
    title: TERMS.sv.reportReceived,
    number: TERMS.sv.caseNumber,
    deadline: TERMS.sv.imyDeadline,
    timeLeft: 'Tid kvar',
    next: `Dataskyddsombudet har fått din rapport och bedömer om incidenten ska anmälas till IMY. Du kan bli kontaktad för fler uppgifter. Du följer rapporten under ${TERMS.sv.myReports}.`,
    another: 'Rapportera en incident till',
    mine: TERMS.sv.myReports,
  },
};

const en: typeof sv = {
  title: TERMS.en.reportIncident,
  intro:
    'Report as soon as you suspect that personal data has gone astray, been changed or been lost – even if you are unsure. The data protection officer has 72 hours to notify the Swedish Authority for Privacy Protection (IMY).',
  requiredNote: 'Fields marked * are required.',
  fields: {
    ...TERMS.en.fields,
    discoveredAtHint: TERMS.en.fields.timeHint,
    occurredAtHint: `${TERMS.en.fields.occurredAtHint} ${TERMS.en.fields.timeHint}`,
  },
  identityWarning:
    'The title looks like it contains a personal identity or coordination number. The title is seen in more places than the report itself – write it without the number.',
  maskIdentity: 'Mask the identity number in the title',
  masked: 'The identity number in the title is masked.',
  submit: TERMS.en.submitReport,
  sending: 'Sending…',
  clear: 'Clear the form',
  draftKept: 'What you type is kept in this tab until you send the report, even if the page reloads.',
  draftNotKept: 'The browser does not allow the draft to be kept. Send the report before you close the page.',
  draftRestored: 'Your unsent draft has been restored.',
  summaryTitle: (n: number) => (n === 1 ? 'Correct 1 thing before sending' : `Correct ${n} things before sending`),
  sendFailedTitle: 'The report could not be sent',
  sendFailedKept: 'Your draft is kept. Try again – the same report is registered only once.',
  receipt: {
    title: TERMS.en.reportReceived,
    number: TERMS.en.caseNumber,
    deadline: TERMS.en.imyDeadline,
    timeLeft: 'Time left',
    next: `The data protection officer has your report and will assess whether it must be notified to IMY. You may be asked for more details. Follow the report under ${TERMS.en.myReports}.`,
    another: 'Report another incident',
    mine: TERMS.en.myReports,
  },
};

export const reportStrings: Localized<typeof sv> = { sv, en };
