/**
 * The guided risk assessment: the EDPB's risk factors scored with ENISA's severity method
 * (SE = DPC × EI + CB), and the risk level that score suggests.
 * @remarks ENISA (2013) lets the data processing context move within 1–4 with the circumstances;
 * here the EDPB factors that are not already in EI or CB (special characteristics of the people,
 * severity and permanence of consequences, the volume of data, the number of people, and
 * mitigating facts such as data already public or unintelligible) each move it one step. The DPO confirms or departs
 * from the suggestion, with a rationale.
 */
import type { Incident } from './incident';
import { labelOf, RISK_LEVELS, type RiskLevel } from './vocabulary';
import type { Locale } from './i18n';

/** DPC base by the nature of the data: 1 simple, 2 behavioural, 3 financial, 4 sensitive. */
export type DataKind = 1 | 2 | 3 | 4;
/** EI: 0.25 negligible, 0.5 limited, 0.75 significant, 1 maximum. */
export type EaseOfIdentification = 0.25 | 0.5 | 0.75 | 1;
/** One circumstance of breach: 0 none, 0.25 partial or recoverable, 0.5 full or irreversible. */
export type BreachLevel = 0 | 0.25 | 0.5;

export interface SeverityFactors {
  dataKind: DataKind;
  /** Children, vulnerable people, protected identity (raises DPC one step). */
  vulnerablePeople: boolean;
  /** Consequences may be severe or permanent (raises DPC one step). */
  severeConsequences: boolean;
  /** Much data about each person, e.g. whole case files rather than a name (raises DPC one step). */
  largeVolume: boolean;
  /** Many people affected (raises DPC one step); preselected from {@link MANY_PEOPLE_FROM}. */
  manyPeople: boolean;
  /** Data already public, or unintelligible to the recipient, e.g. encrypted (lowers DPC one step). */
  mitigated: boolean;
  ei: EaseOfIdentification;
  confidentiality: BreachLevel;
  integrity: BreachLevel;
  availability: BreachLevel;
  /** The breach was deliberate (adds 0.5). */
  malicious: boolean;
}

/** ENISA's four bands, with labels for texts outside the tab (the bot's card, documents). */
export const SEVERITY_BANDS = [
  { id: 'low', label: 'låg', labelEn: 'low' },
  { id: 'medium', label: 'medel', labelEn: 'medium' },
  { id: 'high', label: 'hög', labelEn: 'high' },
  { id: 'very-high', label: 'mycket hög', labelEn: 'very high' },
] as const;
export type SeverityBand = (typeof SEVERITY_BANDS)[number]['id'];

export interface Severity {
  dpc: number;
  ei: number;
  cb: number;
  score: number;
  band: SeverityBand;
  suggestion: RiskLevel;
}

/** People affected from which "many people" is preselected. */
export const MANY_PEOPLE_FROM = 100;

/** SE = DPC × EI + CB, rounded to two decimals. */
export function enisaScore(dpc: number, ei: number, cb: number): number {
  return Math.round((dpc * ei + cb) * 100) / 100;
}

/** ENISA's bands: below 2 low, 2 to below 3 medium, 3 to below 4 high, 4 and above very high. */
export function severityBand(score: number): SeverityBand {
  if (score < 2) return 'low';
  if (score < 3) return 'medium';
  if (score < 4) return 'high';
  return 'very-high';
}

/** The risk level a band suggests: low → unlikely, medium → risk, high and very high → high. */
export function suggestedRisk(band: SeverityBand): RiskLevel {
  return band === 'low' ? 'unlikely' : band === 'medium' ? 'risk' : 'high';
}

/** DPC after the context adjustments, kept within 1–4. */
export function dataProcessingContext(f: SeverityFactors): number {
  const moved =
    f.dataKind +
    Number(f.vulnerablePeople) +
    Number(f.severeConsequences) +
    Number(f.largeVolume) +
    Number(f.manyPeople) -
    Number(f.mitigated);
  return Math.min(4, Math.max(1, moved));
}

/** CB: the three losses and malicious intent. */
export function circumstancesOfBreach(f: SeverityFactors): number {
  return f.confidentiality + f.integrity + f.availability + (f.malicious ? 0.5 : 0);
}

/** Scores the factors and suggests a risk level. */
export function assessSeverity(f: SeverityFactors): Severity {
  const dpc = dataProcessingContext(f);
  const cb = circumstancesOfBreach(f);
  const score = enisaScore(dpc, f.ei, cb);
  const band = severityBand(score);
  return { dpc, ei: f.ei, cb, score, band, suggestion: suggestedRisk(band) };
}

/** The factors chosen with radio buttons: each unset until the report or the DPO gives it. */
export type ChosenFactor = 'dataKind' | 'ei' | 'confidentiality' | 'integrity' | 'availability';
export const CHOSEN_FACTORS: readonly ChosenFactor[] = [
  'confidentiality',
  'integrity',
  'availability',
  'dataKind',
  'ei',
];

/** The factors as the form holds them: the yes/no ones start as no, the chosen ones unset. */
export type FactorDraft = Omit<SeverityFactors, ChosenFactor> & Partial<Pick<SeverityFactors, ChosenFactor>>;

/** The factors once every chosen one is set; undefined while one is missing (no score, no suggestion). */
export function completeFactors(draft: FactorDraft): SeverityFactors | undefined {
  return CHOSEN_FACTORS.every((k) => draft[k] !== undefined) ? (draft as SeverityFactors) : undefined;
}

/** The chosen factors still unset, in the form's order. */
export function missingFactors(draft: FactorDraft): ChosenFactor[] {
  return CHOSEN_FACTORS.filter((k) => draft[k] === undefined);
}

/** The breach types the three losses say, once all three are chosen. */
export function breachTypesOf(draft: FactorDraft): Incident['breachTypes'] | undefined {
  const { confidentiality: c, integrity: i, availability: a } = draft;
  if (c === undefined || i === undefined || a === undefined) return undefined;
  return [
    ...(c > 0 ? ['confidentiality' as const] : []),
    ...(i > 0 ? ['integrity' as const] : []),
    ...(a > 0 ? ['availability' as const] : []),
  ];
}

const SENSITIVE = ['health', 'social-services', 'criminal-offences', 'protected-identity'] as const;

/**
 * A first guess from what the report says, and nothing it does not say; the DPO sets the rest.
 * @remarks No fact is chosen for the DPO: with no data categories reported the data's nature is
 * unset, with no breach type the three losses are unset, and ease of identification is set only
 * where identity numbers or a protected identity make it maximal. A report with nothing ticked
 * therefore gives no score and no suggestion until the DPO has gone through the factors. A
 * reported breach type starts at its lower degree; the types the reporter left out start at "no".
 */
export function initialFactors(
  incident: Pick<Incident, 'dataCategories' | 'breachTypes' | 'affectedCount' | 'cause'>,
): FactorDraft {
  const has = (c: Incident['dataCategories'][number]) => incident.dataCategories.includes(c);
  const reported = incident.dataCategories.length > 0;
  const dataKind: DataKind | undefined = !reported
    ? undefined
    : SENSITIVE.some(has)
      ? 4
      : has('financial')
        ? 3
        : has('identity-numbers')
          ? 2
          : 1;
  const typed = incident.breachTypes.length > 0;
  const breach = (t: Incident['breachTypes'][number]): BreachLevel | undefined =>
    !typed ? undefined : incident.breachTypes.includes(t) ? 0.25 : 0;
  return {
    dataKind,
    vulnerablePeople: has('children') || has('protected-identity'),
    severeConsequences: has('protected-identity'),
    largeVolume: false,
    manyPeople: (incident.affectedCount ?? 0) >= MANY_PEOPLE_FROM,
    mitigated: false,
    ei: has('identity-numbers') || has('protected-identity') ? 1 : undefined,
    confidentiality: breach('confidentiality'),
    integrity: breach('integrity'),
    availability: breach('availability'),
    malicious: incident.cause === 'insider' || incident.cause === 'external-attack',
  };
}

/**
 * One line on what the method suggests from the report alone, for the bot's *Bedöm risken*.
 * @remarks Like the tab, it scores nothing the report does not say: without the nature of the
 * data, the ease of identification or the breach types it says the factors are to be set in the tab.
 */
export function severitySuggestionText(
  incident: Pick<Incident, 'dataCategories' | 'breachTypes' | 'affectedCount' | 'cause'>,
  locale: Locale = 'sv',
): string {
  const factors = completeFactors(initialFactors(incident));
  if (!factors) {
    return locale === 'sv'
      ? 'ENISA: rapporten säger inte nog för en allvarlighetsgrad. Gå igenom faktorerna i fliken.'
      : 'ENISA: the report does not say enough for a severity score. Go through the factors in the tab.';
  }
  const s = assessSeverity(factors);
  const score = locale === 'sv' ? String(s.score).replace('.', ',') : String(s.score);
  const band = labelOf(SEVERITY_BANDS, s.band, locale);
  const risk = labelOf(RISK_LEVELS, s.suggestion, locale);
  return locale === 'sv'
    ? `ENISA-förslag utifrån rapporten: allvarlighetsgrad ${score} (${band}), ${risk.toLowerCase()}. Justera faktorerna i fliken.`
    : `ENISA suggestion from the report: severity ${score} (${band}), ${risk.toLowerCase()}. Adjust the factors in the tab.`;
}
