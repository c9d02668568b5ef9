/**
 * What IMY's e-service and GDPR art. 33(3) ask beyond the report: the groups of data subjects,
 * the approximate numbers of people and of records, the likely consequences, the measures
 * planned and whether the breach crosses borders. The DPO records them on the incident.
 */
import type { Person } from './person';

/** The groups of data subjects, as a municipality's e-service answer names them. */
export const SUBJECT_CATEGORIES = [
  { id: 'clients', label: 'Klienter eller brukare inom socialtjänsten', labelEn: 'Social services clients' },
  { id: 'patients', label: 'Patienter', labelEn: 'Patients' },
  { id: 'pupils', label: 'Elever', labelEn: 'Pupils' },
  { id: 'children', label: 'Barn', labelEn: 'Children' },
  {
    id: 'protected-identity',
    label: 'Personer med skyddade personuppgifter',
    labelEn: 'People with protected identity',
  },
  { id: 'employees', label: 'Anställda', labelEn: 'Employees' },
  { id: 'relatives', label: 'Anhöriga eller närstående', labelEn: 'Relatives' },
  { id: 'residents', label: 'Invånare', labelEn: 'Residents' },
  { id: 'applicants', label: 'Sökande', labelEn: 'Applicants' },
  { id: 'other', label: 'Andra registrerade', labelEn: 'Other data subjects' },
] as const;
export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number]['id'];
export const SUBJECT_CATEGORY_IDS: readonly SubjectCategory[] = SUBJECT_CATEGORIES.map((c) => c.id);

/** The likely consequences, after recital 85 GDPR, as the e-service lists them to choose from. */
export const CONSEQUENCES = [
  {
    id: 'loss-of-control',
    label: 'Förlorad kontroll över de egna personuppgifterna',
    labelEn: 'Loss of control over their personal data',
  },
  { id: 'limited-rights', label: 'Begränsning av de registrerades rättigheter', labelEn: 'Limitation of their rights' },
  { id: 'discrimination', label: 'Diskriminering', labelEn: 'Discrimination' },
  { id: 'identity-theft', label: 'Identitetsstöld eller bedrägeri', labelEn: 'Identity theft or fraud' },
  { id: 'financial-loss', label: 'Ekonomisk förlust', labelEn: 'Financial loss' },
  { id: 'reputation', label: 'Skadat anseende', labelEn: 'Damage to reputation' },
  {
    id: 'secrecy',
    label: 'Röjande av uppgifter som omfattas av sekretess eller tystnadsplikt',
    labelEn: 'Disclosure of data under secrecy or professional confidentiality',
  },
  {
    id: 'pseudonymisation-reversed',
    label: 'Obehörigt hävande av pseudonymisering',
    labelEn: 'Unauthorised reversal of pseudonymisation',
  },
  { id: 'physical-harm', label: 'Fysisk skada eller hot', labelEn: 'Physical harm or threats' },
  {
    id: 'other',
    label: 'Annan betydande ekonomisk eller social nackdel',
    labelEn: 'Other significant economic or social disadvantage',
  },
] as const;
export type Consequence = (typeof CONSEQUENCES)[number]['id'];
export const CONSEQUENCE_IDS: readonly Consequence[] = CONSEQUENCES.map((c) => c.id);

/** The DPO's answers to the notice's questions that the report does not hold. */
export interface NoticeDetails {
  subjectCategories: SubjectCategory[];
  /** Approximate number of personal data records concerned (art. 33(3)(a)). */
  recordCount?: number;
  consequences: Consequence[];
  /** The consequences in words (may hold personal data: masked in every text, never in events). */
  consequencesText?: string;
  /** Measures planned, beside those taken (`Incident.measures`). */
  plannedMeasures?: string;
  /** Whether data subjects in other EU/EEA countries are concerned; null when not known. */
  crossBorder: boolean | null;
  recordedAt: string;
  recordedBy: Person;
}
