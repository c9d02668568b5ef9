/**
 * The letter to the data subjects (GDPR art. 34): what happened, what it may mean for them, what
 * was done and is planned, what they can do, and whom to ask (art. 34(2) with art. 33(3)(b)–(d)).
 * @remarks Built from the structured fields in plain words: never the title, the description or the
 * rationale (they name people and are written for the DPO, not for the person). The free texts that
 * do go in (measures, planned measures, consequences in words) have identity numbers and e-mail
 * addresses masked. What is not recorded is not made up: it becomes a bracket to fill in
 * (`[Fyll i: …]`), so a letter is never sent with a fact nobody recorded. The wording around the
 * items is an editable template ({@link DEFAULT_ART34_TEMPLATES}, docs/documents.md).
 */
import type { CauseId } from './causes';
import type { Locale } from './i18n';
import { maskPersonalDataOneLine } from './identity-number';
import type { Incident } from './incident';
import { CONSEQUENCES } from './notice-details';
import { dpoContactLine, type Organisation } from './organisation';
import { stockholmDate } from './stockholm-time';
import { labelOf, type BreachType, type DataCategory } from './vocabulary';

/** The placeholders a letter template may use, each `{{name}}`. */
export const ART34_PLACEHOLDERS = [
  'organisation',
  'date',
  'reference',
  'what_happened',
  'data',
  'consequences',
  'measures_taken',
  'measures_planned',
  'advice',
  'dpo_contact',
] as const;
export type Art34Placeholder = (typeof ART34_PLACEHOLDERS)[number];

/** The items of the letter, each in plain words in the letter's language. */
export type Art34LetterItems = Record<Exclude<Art34Placeholder, 'advice'>, string> & { advice: string[] };

/** One block of a filled-in letter: the text and the Word document are made from the same blocks. */
export interface LetterBlock {
  kind: 'heading' | 'paragraph' | 'bullet';
  text: string;
}

const FILL_IN: Record<Locale, (what: string) => string> = {
  sv: (what) => `[Fyll i: ${what}]`,
  en: (what) => `[Fill in: ${what}]`,
};

const BREACH_SENTENCE: Record<BreachType, Record<Locale, string>> = {
  confidentiality: {
    sv: 'Uppgifter om dig kan ha blivit tillgängliga för någon som inte skulle ha haft tillgång till dem.',
    en: 'Information about you may have become available to someone who should not have had access to it.',
  },
  integrity: {
    sv: 'Uppgifter om dig kan ha ändrats på ett felaktigt sätt.',
    en: 'Information about you may have been changed in a way it should not have been.',
  },
  availability: {
    sv: 'Uppgifter om dig har under en tid inte gått att nå, eller kan ha gått förlorade.',
    en: 'Information about you could not be reached for a time, or may have been lost.',
  },
};

/** The cause in plain words; an unknown or other cause is left out rather than guessed. */
const CAUSE_SENTENCE: Partial<Record<CauseId, Record<Locale, string>>> = {
  'human-error': { sv: 'Det berodde på ett misstag i hanteringen.', en: 'It was caused by a mistake in handling.' },
  systematic: { sv: 'Det berodde på en brist i våra rutiner.', en: 'It was caused by a shortcoming in our routines.' },
  technical: { sv: 'Det berodde på ett tekniskt fel.', en: 'It was caused by a technical fault.' },
  insider: {
    sv: 'Det berodde på att någon inom organisationen hanterade uppgifterna på ett otillåtet sätt.',
    en: 'It was caused by someone within the organisation handling the information in a way that is not allowed.',
  },
  'external-attack': {
    sv: 'Det berodde på ett angrepp utifrån mot våra system.',
    en: 'It was caused by an attack on our systems from outside.',
  },
};

/** The data categories as a person would say them. */
const DATA_IN_WORDS: Record<DataCategory, Record<Locale, string>> = {
  'identity-numbers': { sv: 'ditt personnummer eller samordningsnummer', en: 'your personal identity number' },
  health: { sv: 'uppgifter om din hälsa', en: 'information about your health' },
  'social-services': { sv: 'uppgifter från socialtjänsten', en: 'information from the social services' },
  children: { sv: 'uppgifter om barn', en: 'information about children' },
  'protected-identity': {
    sv: 'uppgifter som omfattas av skyddade personuppgifter',
    en: 'information covered by protected personal data',
  },
  'criminal-offences': { sv: 'uppgifter om lagöverträdelser', en: 'information about offences' },
  financial: { sv: 'uppgifter om din ekonomi', en: 'information about your finances' },
  contact: { sv: 'dina kontaktuppgifter', en: 'your contact details' },
};

function dateOf(iso: string, lang: Locale): string {
  const [y, m, d] = stockholmDate(iso).split('-').map(Number);
  return lang === 'en'
    ? `${d} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${y}`
    : `${d} ${['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'][m - 1]} ${y}`;
}

function whatHappened(incident: Incident, lang: Locale): string {
  const occurred = incident.occurredAt
    ? lang === 'en'
      ? `On ${dateOf(incident.occurredAt, lang)} a personal data breach occurred that concerns information about you.`
      : `Den ${dateOf(incident.occurredAt, lang)} inträffade en personuppgiftsincident som rör uppgifter om dig.`
    : lang === 'en'
      ? `On ${dateOf(incident.discoveredAt, lang)} we discovered a personal data breach that concerns information about you.`
      : `Den ${dateOf(incident.discoveredAt, lang)} upptäckte vi en personuppgiftsincident som rör uppgifter om dig.`;
  const nature = incident.breachTypes.length
    ? incident.breachTypes.map((t) => BREACH_SENTENCE[t][lang]).join(' ')
    : FILL_IN[lang](lang === 'en' ? 'what happened to the information' : 'vad som hände med uppgifterna');
  const cause = incident.cause ? CAUSE_SENTENCE[incident.cause]?.[lang] : undefined;
  const ended = incident.endedAt
    ? lang === 'en'
      ? `It ended on ${dateOf(incident.endedAt, lang)}.`
      : `Incidenten upphörde den ${dateOf(incident.endedAt, lang)}.`
    : undefined;
  return [occurred, nature, cause, ended].filter(Boolean).join(' ');
}

function freeText(text: string | undefined): string | undefined {
  return text?.trim() ? maskPersonalDataOneLine(text) : undefined;
}

function consequences(incident: Incident, lang: Locale): string {
  const d = incident.noticeDetails;
  const chosen = (d?.consequences ?? []).map((c) => labelOf(CONSEQUENCES, c, lang));
  const parts = [chosen.length ? `${chosen.join('; ')}.` : undefined, freeText(d?.consequencesText)].filter(Boolean);
  return parts.length
    ? parts.join(' ')
    : FILL_IN[lang](
        lang === 'en' ? 'what the breach may mean for the person' : 'vad incidenten kan innebära för personen',
      );
}

const ADVICE = {
  phishing: {
    sv: 'Var uppmärksam på e-post, sms och samtal som ber dig lämna uppgifter, lösenord eller koder. Lämna aldrig ut dem till någon som kontaktar dig.',
    en: 'Watch out for e-mails, text messages and calls asking for information, passwords or codes. Never give them to someone who contacts you.',
  },
  fraud: {
    sv: 'Håll uppsikt över brev om lån, krediter eller köp som du inte känner igen. Kontakta din bank om något verkar fel, och gör en polisanmälan om du misstänker att någon använder dina uppgifter.',
    en: 'Keep an eye on letters about loans, credit or purchases you do not recognise. Contact your bank if something seems wrong, and report to the police if you suspect someone is using your details.',
  },
  safety: {
    sv: 'Känner du oro för din säkerhet, kontakta oss direkt. Vid akut fara, ring 112. Polisen nås också på 114 14.',
    en: 'If you are worried about your safety, contact us at once. In an emergency, call 112. The police can also be reached on 114 14.',
  },
  contacted: {
    sv: 'Blir du kontaktad av någon som hänvisar till uppgifterna, berätta det för oss.',
    en: 'If someone contacts you referring to the information, please tell us.',
  },
  integrity: {
    sv: 'Titta igenom de beslut och brev du har fått från oss under perioden. Du har rätt att få felaktiga uppgifter rättade.',
    en: 'Look through the decisions and letters you have received from us during the period. You have the right to have wrong information corrected.',
  },
  availability: {
    sv: 'Väntar du på ett beslut, en insats eller ett svar från oss och det dröjer, kontakta oss.',
    en: 'If you are waiting for a decision, a service or an answer from us and it is delayed, contact us.',
  },
  ask: {
    sv: 'Du har rätt att få veta vilka uppgifter om dig vi behandlar. Hör av dig till oss om du har frågor.',
    en: 'You have the right to know which information about you we process. Get in touch with us if you have questions.',
  },
  complain: {
    sv: 'Du har rätt att lämna klagomål till Integritetsskyddsmyndigheten (IMY), www.imy.se.',
    en: 'You have the right to lodge a complaint with the Swedish Authority for Privacy Protection (IMY), www.imy.se.',
  },
} satisfies Record<string, Record<Locale, string>>;

/** What the person can do: from the nature of the breach and the data concerned. */
export function art34Advice(incident: Pick<Incident, 'breachTypes' | 'dataCategories'>, lang: Locale): string[] {
  const has = (c: DataCategory) => incident.dataCategories.includes(c);
  const disclosed = incident.breachTypes.includes('confidentiality');
  const keys: (keyof typeof ADVICE)[] = [];
  if (disclosed && (has('contact') || has('identity-numbers') || has('financial'))) keys.push('phishing');
  if (disclosed && (has('identity-numbers') || has('financial'))) keys.push('fraud');
  if (has('protected-identity')) keys.push('safety');
  if (disclosed && ['health', 'social-services', 'children', 'criminal-offences'].some((c) => has(c as DataCategory)))
    keys.push('contacted');
  if (incident.breachTypes.includes('integrity')) keys.push('integrity');
  if (incident.breachTypes.includes('availability')) keys.push('availability');
  keys.push('ask', 'complain');
  return keys.map((k) => ADVICE[k][lang]);
}

/**
 * The items of the art. 34 letter for one incident, in `lang`.
 * @param now when the letter is made: its date.
 */
export function art34LetterItems(
  incident: Incident,
  organisation: Organisation,
  lang: Locale,
  now: Date,
): Art34LetterItems {
  const fill = FILL_IN[lang];
  const data = incident.dataCategories.map((c) => DATA_IN_WORDS[c][lang]);
  return {
    organisation: organisation.name,
    date: dateOf(now.toISOString(), lang),
    reference: incident.number,
    what_happened: whatHappened(incident, lang),
    data: data.length ? data.join(', ') : fill(lang === 'en' ? 'which information' : 'vilka uppgifter'),
    consequences: consequences(incident, lang),
    measures_taken:
      freeText(incident.measures) ?? fill(lang === 'en' ? 'the measures taken' : 'vilka åtgärder som har vidtagits'),
    measures_planned:
      freeText(incident.noticeDetails?.plannedMeasures) ??
      fill(lang === 'en' ? 'the measures planned' : 'vilka åtgärder som planeras'),
    advice: art34Advice(incident, lang),
    dpo_contact:
      dpoContactLine(organisation.dpo) ??
      fill(lang === 'en' ? "the data protection officer's contact details" : 'dataskyddsombudets kontaktuppgifter'),
  };
}
