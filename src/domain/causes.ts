import type { Locale } from './i18n';

/** The seven cause categories municipal registers use, with their exact register labels. */
export const CAUSES = [
  {
    id: 'human-error',
    label: 'Mänskliga faktorn: fel i det enskilda fallet',
    labelEn: 'Human error in the individual case',
  },
  {
    id: 'systematic',
    label: 'Brist i organisatoriska rutiner eller processer: systematiska fel',
    labelEn: 'Shortcoming in organisational routines or processes: systematic error',
  },
  {
    id: 'technical',
    label: 'Tekniskt fel, till exempel fel i mjukvara, programinställningar',
    labelEn: 'Technical fault, e.g. software error or settings',
  },
  {
    id: 'insider',
    label: 'Medvetet angrepp från någon i organisationen',
    labelEn: 'Deliberate attack from someone inside the organisation',
  },
  {
    id: 'external-attack',
    label: 'Antagonistiskt angrepp: angrepp utifrån',
    labelEn: 'Antagonistic attack from outside',
  },
  { id: 'unknown', label: 'Okänd orsak', labelEn: 'Unknown cause' },
  { id: 'other', label: 'Övrigt', labelEn: 'Other' },
] as const;

export type CauseId = (typeof CAUSES)[number]['id'];
export const CAUSE_IDS: readonly CauseId[] = CAUSES.map((c) => c.id);

/**
 * The causes a reporter chooses among. *Okänd orsak* is left out: a reporter who does not know
 * leaves the cause empty (*Vet inte*), and the DPO records *Okänd orsak* in the register when the
 * cause cannot be found; offering both to a reporter would say the same thing twice.
 */
export const REPORTER_CAUSES = CAUSES.filter((c) => c.id !== 'unknown');

export function isCauseId(value: unknown): value is CauseId {
  return typeof value === 'string' && (CAUSE_IDS as readonly string[]).includes(value);
}

/** The register label of a cause. */
export function causeLabel(id: CauseId, locale: Locale = 'sv'): string {
  const cause = CAUSES.find((c) => c.id === id)!;
  return locale === 'en' ? cause.labelEn : cause.label;
}

/** Finds the cause whose register label matches, ignoring case and surrounding space. */
export function causeFromLabel(label: string): CauseId | undefined {
  const wanted = label.trim().toLocaleLowerCase('sv-SE');
  return CAUSES.find((c) => c.label.toLocaleLowerCase('sv-SE') === wanted || c.id === wanted)?.id;
}
