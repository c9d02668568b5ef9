/**
 * Words that suggest sensitive personal data in a mail: health, social services, children.
 * @remarks Swedish builds compounds ("alkoholmissbruk", "barnpsykiatrin"), so most stems match
 * anywhere inside a word; short abbreviations match only as whole words. A hit is a hint
 * that prefills a data category the user confirms, not a verdict.
 */

/** The kinds of sensitive data the scanner looks for; ids match the domain's data categories. */
export type SensitiveCategory = 'health' | 'social-services' | 'children';

/** The word lists of one category. */
export interface WordList {
  /** Match anywhere inside a word. */
  stems: readonly string[];
  /** Match only at the start of a word. */
  prefixes: readonly string[];
  /** Match only as a whole word. */
  words: readonly string[];
  /** Several words, separated by any white space. */
  phrases: readonly string[];
}

/** The scanner's word lists, lower case. */
export const SENSITIVE_WORDS: Record<SensitiveCategory, WordList> = {
  health: {
    stems: [
      'diagnos',
      'sjukdom',
      'sjukskriv',
      'sjukhus',
      'sjukvård',
      'läkare',
      'läkarintyg',
      'vårdcentral',
      'patient',
      'psykiatri',
      'psykisk',
      'psykos',
      'depression',
      'ångest',
      'autism',
      'asperger',
      'cancer',
      'diabetes',
      'epilepsi',
      'demens',
      'funktionsnedsättning',
      'funktionshinder',
      'graviditet',
      'läkemedel',
      'medicinering',
      'vårdplan',
      'hälsotillstånd',
      'sjuksköterska',
      'provsvar',
      'habilitering',
      'rehabilitering',
      'terapi',
      'elevhälsa',
      'skolsköterska',
      'självmord',
      'suicid',
      'självskad',
    ],
    prefixes: ['journalanteckning', 'journalen', 'journaler', 'journalkopia', 'gravid', 'abort', 'medicin'],
    words: ['adhd', 'bup', 'hiv', 'ptsd', 'kbt', 'bvc', 'mvc'],
    phrases: ['lex maria'],
  },
  'social-services': {
    stems: [
      'socialtjänst',
      'socialsekreterare',
      'socialnämnd',
      'försörjningsstöd',
      'orosanmälan',
      'orosanmäla',
      'barnavårdsutredning',
      'familjehem',
      'jourhem',
      'omhändertag',
      'umgängesstöd',
      'missbruk',
      'narkotika',
      'beroendevård',
      'boendestöd',
      'hemtjänst',
      'biståndsbeslut',
      'skyddsbedömning',
      'våldsutsatt',
      'vräkning',
      'avhysning',
    ],
    prefixes: ['bistånd', 'hemlös'],
    // 'sol' alone is also the sun: SoL is matched in phrases ("enligt SoL", "§ SoL") instead.
    words: ['lvu', 'lvm', 'lss', 'hvb', 'ivo'],
    phrases: [
      'skyddat boende',
      'våld i nära relation',
      'lex sarah',
      'god man',
      '11 kap',
      '14 kap',
      'enligt sol',
      '§ sol',
    ],
  },
  children: {
    stems: ['barn', 'vårdnadshavare', 'minderårig', 'underårig', 'tonåring'],
    prefixes: ['elev', 'förskol'],
    words: ['bvc', 'ensamkommande'],
    phrases: [],
  },
};
