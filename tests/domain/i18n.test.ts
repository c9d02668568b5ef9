import {
  formatNumber,
  localeFrom,
  localized,
  REPORT_MESSAGES,
  REPORTER_CAUSES,
  TERMS,
  tooLongMessage,
} from '../../src/domain';

const NBSP = '\u00a0';

describe('i18n', () => {
  it('groups numbers the Swedish way with a non-breaking space, the English way with a comma', () => {
    expect(formatNumber(10_000, 'sv')).toBe(`10${NBSP}000`);
    expect(formatNumber(100_000_000, 'sv')).toBe(`100${NBSP}000${NBSP}000`);
    expect(formatNumber(2.75, 'sv')).toBe('2,75');
    expect(formatNumber(10_000, 'en')).toBe('10,000');
  });

  it('reads English from en, en-US and en_gb, Swedish from anything else', () => {
    expect(['en', 'en-US', 'en_gb', ' EN '].map(localeFrom)).toEqual(['en', 'en', 'en', 'en']);
    expect(['sv-SE', 'de', '', null, undefined, 'eng'].map(localeFrom)).toEqual(['sv', 'sv', 'sv', 'sv', 'sv', 'sv']);
  });

  it('picks a dictionary by locale', () => {
    expect(localized(TERMS, 'sv').myReports).toBe('Mina rapporter');
    expect(localized(TERMS, 'en').myReports).toBe('My reports');
  });
});

describe('TERMS', () => {
  it('has the same keys in English as in Swedish, nested too', () => {
    const shape = (o: object): string[] =>
      Object.entries(o)
        .flatMap(([k, v]) => (typeof v === 'object' ? shape(v).map((n) => `${k}.${n}`) : [k]))
        .sort();
    expect(shape(TERMS.en)).toEqual(shape(TERMS.sv));
  });

  it('calls a staff member’s report a rapport, keeping anmälan for IMY', () => {
    const words = JSON.stringify(TERMS.sv);
    expect(words).not.toMatch(/anmälning|Skicka anmälan|Mina anmälningar/);
    expect(TERMS.sv.submitReport).toBe('Skicka rapporten');
    expect(TERMS.sv.imyDeadline).toContain('anmälan till IMY');
  });

  it('says a limit before the cut, with digit grouping', () => {
    expect(TERMS.sv.maxCharacters(10_000)).toBe(`Högst 10${NBSP}000 tecken.`);
    expect(TERMS.en.maxCharacters(10_000)).toBe('At most 10,000 characters.');
  });

  it('offers the reporter "Vet inte" instead of a second way to say the cause is unknown', () => {
    expect(REPORTER_CAUSES.map((c) => c.id)).not.toContain('unknown');
    expect(REPORTER_CAUSES).toHaveLength(6);
    expect(TERMS.sv.fields.causeNotKnown).toBe('Vet inte');
  });
});

describe('report messages', () => {
  it('say what is wrong and how to fix it, in both languages', () => {
    expect(REPORT_MESSAGES.discoveredInFuture.sv).toMatch(/^Upptäcktsdatum kan inte ligga i framtiden\. Ange/);
    expect(REPORT_MESSAGES.discoveredInFuture.en).toMatch(/^The discovery date cannot be in the future\. Give/);
    expect(REPORT_MESSAGES.countInvalid.sv).toContain(`100${NBSP}000${NBSP}000`);
  });

  it('name the limit, the length and how much to cut, grouped', () => {
    const message = tooLongMessage({ sv: 'Beskrivningen', en: 'The description' }, 10_000, 12_345);
    expect(message.sv).toBe(
      `Beskrivningen får vara högst 10${NBSP}000 tecken men är 12${NBSP}345. Korta texten med 2${NBSP}345 tecken.`,
    );
    expect(message.en).toBe('The description may be at most 10,000 characters but has 12,345. Shorten it by 2,345.');
  });
});
