/** The strings of the documents on the incident page: the IMY text's loading and the art. 34 letter. */
import type { Localized } from '../i18n';

const sv = {
  loading: 'Hämtar texten …',
  failed: (message: string) => `Texten kunde inte hämtas: ${message}`,
  retry: 'Försök igen',
  imyDelayReason: 'Skälen till förseningen kommer med i texten när anmälan är registrerad.',
  /** The documents by the names the access log gives them. */
  names: {
    'imy-notice': 'texten till IMY',
    'art34-letter': 'brevet till de registrerade',
    'art34-letter.docx': 'brevet till de registrerade, Word',
  } as Record<string, string>,
  letter: {
    heading: 'Brev till de registrerade',
    intro:
      'Ett brev på klarspråk med det som artikel 34.2 kräver, skrivet från uppgifterna om incidenten. Läs igenom det och fyll i där det står [Fyll i: …] innan du skickar det. Att visa eller ladda ner brevet registrerar ingenting om informationen.',
    notHigh: 'Risken är inte bedömd som hög, så brevet krävs inte; det finns här om ni ändå vill informera.',
    language: 'Brevets språk',
    swedish: 'Svenska',
    english: 'Engelska',
    textLabel: 'Brevet',
    copy: 'Kopiera brevet',
    copied: 'Brevet är kopierat.',
    copyFailed: 'Det gick inte att kopiera automatiskt. Markera texten och kopiera den själv.',
    download: 'Ladda ner brevet (Word)',
    downloading: 'Laddar ner …',
  },
};

const en: typeof sv = {
  loading: 'Fetching the text …',
  failed: (message: string) => `The text could not be fetched: ${message}`,
  retry: 'Try again',
  imyDelayReason: 'The reasons for the delay go into the text once the notice is recorded.',
  names: {
    'imy-notice': 'the text for IMY',
    'art34-letter': 'the letter to the data subjects',
    'art34-letter.docx': 'the letter to the data subjects, Word',
  },
  letter: {
    heading: 'Letter to the data subjects',
    intro:
      'A letter in plain language with what article 34(2) requires, written from what is recorded on the incident. Read it through and fill in where it says [Fill in: …] before you send it. Showing or downloading the letter records nothing about informing them.',
    notHigh:
      'The risk is not assessed as high, so the letter is not required; it is here if you want to inform them anyway.',
    language: 'Language of the letter',
    swedish: 'Swedish',
    english: 'English',
    textLabel: 'The letter',
    copy: 'Copy the letter',
    copied: 'The letter is copied.',
    copyFailed: 'The letter could not be copied automatically. Select it and copy it yourself.',
    download: 'Download the letter (Word)',
    downloading: 'Downloading …',
  },
};

export const documentStrings: Localized<typeof sv> = { sv, en };
