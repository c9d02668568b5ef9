/**
 * The words of the message action's dialog ("… → Rapportera som incident"), in Swedish and
 * English: its title, the warning above the form and the draft's header lines.
 */
import { formatNumber, LIMITS, type Localized } from '../../src/domain';

const sv = {
  dialogTitle: 'Rapportera som personuppgiftsincident',
  copyHeading: 'Kopiera inte mer än som behövs',
  copyBody:
    'Meddelandets text finns med nedan som ett utkast, med personnummer maskerade. Ta bort allt som inte behövs för att ' +
    'förstå vad som hänt: namn, kontaktuppgifter och detaljer om de berörda ska inte med.',
  cut: `Meddelandet är längre än ${formatNumber(LIMITS.description, 'sv')} tecken, så utkastet har bara dess början. Korta det till det som behövs.`,
  fromTeams: 'Rapporterat från ett meddelande i Teams.',
  sender: (name: string) => `Avsändare: ${name}`,
  sent: (at: string) => `Skickat: ${at}`,
  link: (url: string) => `Länk: ${url}`,
  messageText: 'Meddelandets text (utkast, ta bort det som inte behövs):',
  unknownForm: 'Formuläret kändes inte igen. Stäng dialogen och försök igen.',
};

/** The dialog's words in one language. */
export type MessageActionStrings = typeof sv;

const en: MessageActionStrings = {
  dialogTitle: 'Report as personal data breach',
  copyHeading: 'Copy no more than is needed',
  copyBody:
    'The text of the message is below as a draft, with identity numbers masked. Remove everything that is not needed to ' +
    'understand what happened: names, contact details and details about the people affected do not belong here.',
  cut: `The message is longer than ${formatNumber(LIMITS.description, 'en')} characters, so the draft holds only its beginning. Cut it to what is needed.`,
  fromTeams: 'Reported from a message in Teams.',
  sender: (name: string) => `Sender: ${name}`,
  sent: (at: string) => `Sent: ${at}`,
  link: (url: string) => `Link: ${url}`,
  messageText: 'The text of the message (a draft, remove what is not needed):',
  unknownForm: 'The form was not recognised. Close the dialog and try again.',
};

/** The dialog's words in both languages. */
export const MESSAGE_ACTION_STRINGS: Localized<MessageActionStrings> = { sv, en };
