import {
  assessSeverity,
  breachTypesOf,
  circumstancesOfBreach,
  completeFactors,
  dataProcessingContext,
  enisaScore,
  initialFactors,
  missingFactors,
  severityBand,
  severitySuggestionText,
  suggestedRisk,
  type SeverityFactors,
} from '../../src/domain/enisa-severity';
import { anIncident } from '../support/incident-mother';

const base: SeverityFactors = {
  dataKind: 1,
  vulnerablePeople: false,
  severeConsequences: false,
  largeVolume: false,
  manyPeople: false,
  mitigated: false,
  ei: 0.25,
  confidentiality: 0,
  integrity: 0,
  availability: 0,
  malicious: false,
};

describe('enisaScore', () => {
  it('is DPC × EI + CB', () => {
    expect(enisaScore(4, 0.75, 0.5)).toBe(3.5);
    expect(enisaScore(3, 0.75, 0.25)).toBe(2.5);
    expect(enisaScore(1, 0.25, 0)).toBe(0.25);
  });
});

describe('severityBand', () => {
  it.each([
    [1.99, 'low'],
    [2, 'medium'],
    [2.99, 'medium'],
    [3, 'high'],
    [3.99, 'high'],
    [4, 'very-high'],
    [6, 'very-high'],
  ])('puts %p in the %s band', (score, band) => {
    expect(severityBand(score)).toBe(band);
  });
});

describe('suggestedRisk', () => {
  it('suggests unlikely for low, risk for medium, high for high and very high', () => {
    expect(suggestedRisk('low')).toBe('unlikely');
    expect(suggestedRisk('medium')).toBe('risk');
    expect(suggestedRisk('high')).toBe('high');
    expect(suggestedRisk('very-high')).toBe('high');
  });
});

describe('dataProcessingContext', () => {
  it('moves one step per factor and stays within 1–4', () => {
    expect(dataProcessingContext({ ...base, dataKind: 2, vulnerablePeople: true })).toBe(3);
    expect(
      dataProcessingContext({
        ...base,
        dataKind: 3,
        vulnerablePeople: true,
        severeConsequences: true,
        manyPeople: true,
      }),
    ).toBe(4);
    expect(dataProcessingContext({ ...base, dataKind: 1, largeVolume: true })).toBe(2);
    expect(dataProcessingContext({ ...base, dataKind: 1, largeVolume: true, manyPeople: true })).toBe(3);
    expect(dataProcessingContext({ ...base, dataKind: 1, mitigated: true })).toBe(1);
    expect(dataProcessingContext({ ...base, dataKind: 4, mitigated: true })).toBe(3);
  });
});

describe('circumstancesOfBreach', () => {
  it('adds the three losses and 0.5 for malicious intent', () => {
    expect(
      circumstancesOfBreach({ ...base, confidentiality: 0.5, integrity: 0.25, availability: 0.25, malicious: true }),
    ).toBe(1.5);
  });
});

describe('assessSeverity', () => {
  it('scores a misdirected letter with contact details as low: risk unlikely', () => {
    const s = assessSeverity({ ...base, dataKind: 1, ei: 0.75, confidentiality: 0.25 });
    expect(s).toEqual({ dpc: 1, ei: 0.75, cb: 0.25, score: 1, band: 'low', suggestion: 'unlikely' });
  });

  it('scores financial data identifiable with some effort as medium: risk', () => {
    expect(assessSeverity({ ...base, dataKind: 3, ei: 0.75, confidentiality: 0.25 })).toMatchObject({
      score: 2.5,
      band: 'medium',
      suggestion: 'risk',
    });
  });

  it('scores social services data about a child sent to an unknown recipient as very high: high risk', () => {
    expect(assessSeverity({ ...base, dataKind: 4, vulnerablePeople: true, ei: 1, confidentiality: 0.5 })).toMatchObject(
      { dpc: 4, score: 4.5, band: 'very-high', suggestion: 'high' },
    );
  });
});

describe('initialFactors', () => {
  it('reads a first guess from the report: sensitive data, children, identity numbers, breach types, an attack', () => {
    const f = initialFactors(
      anIncident({
        dataCategories: ['social-services', 'children', 'identity-numbers'],
        breachTypes: ['confidentiality', 'availability'],
        affectedCount: 250,
        cause: 'external-attack',
      }),
    );
    expect(f).toEqual({
      dataKind: 4,
      vulnerablePeople: true,
      severeConsequences: false,
      largeVolume: false,
      manyPeople: true,
      mitigated: false,
      ei: 1,
      confidentiality: 0.25,
      integrity: 0,
      availability: 0.25,
      malicious: true,
    });
  });

  it('starts from simple data when nothing sensitive is reported, and leaves what the report does not say unset', () => {
    const f = initialFactors(
      anIncident({ dataCategories: ['contact'], breachTypes: [], affectedCount: undefined, cause: undefined }),
    );
    expect(f).toMatchObject({ dataKind: 1, manyPeople: false, largeVolume: false });
    expect(f.ei).toBeUndefined();
    expect(f.confidentiality).toBeUndefined();
    expect(completeFactors(f)).toBeUndefined();
    expect(missingFactors(f)).toEqual(['confidentiality', 'integrity', 'availability', 'ei']);
  });

  it('sets no factor for a report with nothing ticked, so nothing is scored or suggested', () => {
    const f = initialFactors(
      anIncident({ dataCategories: [], breachTypes: [], affectedCount: undefined, cause: undefined }),
    );
    expect(missingFactors(f)).toEqual(['confidentiality', 'integrity', 'availability', 'dataKind', 'ei']);
    expect(breachTypesOf(f)).toBeUndefined();
  });
});

describe('breachTypesOf', () => {
  it('names the losses above "no", once all three are chosen', () => {
    expect(breachTypesOf({ ...base, confidentiality: 0.25, integrity: 0, availability: 0.5 })).toEqual([
      'confidentiality',
      'availability',
    ]);
    expect(breachTypesOf({ ...base })).toEqual([]);
    expect(breachTypesOf({ ...base, integrity: undefined })).toBeUndefined();
  });
});

describe('severitySuggestionText', () => {
  it('words the first guess from the report in Swedish and in English', () => {
    const incident = anIncident({
      dataCategories: ['financial', 'identity-numbers'],
      breachTypes: ['confidentiality'],
      affectedCount: 3,
      cause: 'human-error',
    });
    // DPC 3 × EI 1 (identity numbers) + CB 0.25 = 3.25: high, a high risk.
    expect(severitySuggestionText(incident)).toBe(
      'ENISA-förslag utifrån rapporten: allvarlighetsgrad 3,25 (hög), medför en hög risk. Justera faktorerna i fliken.',
    );
    expect(severitySuggestionText(incident, 'en')).toBe(
      'ENISA suggestion from the report: severity 3.25 (high), results in a high risk. Adjust the factors in the tab.',
    );
  });

  it('scores nothing the report does not say', () => {
    expect(severitySuggestionText(anIncident({ dataCategories: ['contact'], breachTypes: [] }))).toBe(
      'ENISA: rapporten säger inte nog för en allvarlighetsgrad. Gå igenom faktorerna i fliken.',
    );
  });
});
