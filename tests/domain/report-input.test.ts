import { ValidationError } from '../../src/domain/errors';
import { parseReportInput } from '../../src/domain/report-input';

const now = new Date('2026-11-20T12:00:00.000Z');
const valid = {
  title: 'Utredning skickad till fel mottagare',
  description: 'En utredning skickades till en extern mottagare med liknande namn.',
  discoveredAt: '2026-11-20T10:15:00+01:00',
};

function issuesOf(raw: unknown): { field: string; code: string; message: string; messageEn: string }[] {
  try {
    parseReportInput(raw, now);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
}

describe('parseReportInput', () => {
  it('accepts a minimal report and normalises times to UTC', () => {
    const input = parseReportInput(valid, now);
    expect(input).toMatchObject({ title: valid.title, discoveredAt: '2026-11-20T09:15:00.000Z', breachTypes: [], dataCategories: [] });
  });

  it('accepts every optional field', () => {
    const input = parseReportInput({
      ...valid,
      reportId: 'card-2026-11-20-abc',
      occurredAt: '2026-11-20T09:55:00+01:00',
      breachTypes: ['confidentiality', 'confidentiality'],
      dataCategories: ['children', 'social-services'],
      affectedCount: 2,
      cause: 'human-error',
      measures: 'Mottagaren ombads radera mejlet.',
      unit: 'Individ- och familjeomsorg',
    }, now);
    expect(input.breachTypes).toEqual(['confidentiality']);
    expect(input.cause).toBe('human-error');
    expect(input.affectedCount).toBe(2);
  });

  it('reports every missing required field at once, in Swedish', () => {
    const issues = issuesOf({});
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual(['title:required', 'description:required', 'discoveredAt:required']);
    expect(issues[0].message).toBe('Skriv en rubrik: en rad om vad som hänt.');
  });

  it.each([
    ['a blank title', { title: '   ' }, 'title', 'required'],
    ['a title that is not text', { title: 42 }, 'title', 'not_text'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title', 'too_long'],
    ['a description with control characters', { description: 'a\u0000b' }, 'description', 'control_characters'],
    ['a time without zone', { discoveredAt: '2026-11-20 10:15' }, 'discoveredAt', 'invalid_datetime'],
    ['a discovery in the future', { discoveredAt: '2026-11-21T10:00:00Z' }, 'discoveredAt', 'in_future'],
    ['an occurrence after the discovery', { occurredAt: '2026-11-20T10:30:00+01:00' }, 'occurredAt', 'occurred_after_discovered'],
    ['breach types that are not a list', { breachTypes: 'confidentiality' }, 'breachTypes', 'not_a_list'],
    ['an unknown breach type', { breachTypes: ['leak'] }, 'breachTypes', 'unknown_value'],
    ['an unknown data category', { dataCategories: ['shoe-size'] }, 'dataCategories', 'unknown_value'],
    ['a negative count', { affectedCount: -1 }, 'affectedCount', 'invalid_count'],
    ['a fractional count', { affectedCount: 2.5 }, 'affectedCount', 'invalid_count'],
    ['a count as text', { affectedCount: '3' }, 'affectedCount', 'invalid_count'],
    ['an unknown cause', { cause: 'aliens' }, 'cause', 'unknown_cause'],
    ['a cause given by its label', { cause: 'Okänd orsak' }, 'cause', 'unknown_cause'],
    ['a short report id', { reportId: 'abc' }, 'reportId', 'invalid_report_id'],
    ['an unknown field (not named back)', { titel: 'stavfel' }, '', 'unknown_field'],
  ])('refuses %s', (_name, patch, field, code) => {
    const issues = issuesOf({ ...valid, ...patch });
    expect(issues).toEqual([expect.objectContaining({ field, code })]);
  });

  it('never repeats an identity number or an address from the input in its messages', () => {
    const issues = issuesOf({ ...valid, breachTypes: ['confidentiality', '19121212-1212'], 'anna.andersson@kommun.se': 1, pnr191212121212: 1, pnr_121212_1212: 1 });
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual([':unknown_field', 'breachTypes:unknown_value']);
    expect(issues[0].message).toBe(`Uppgifterna har 3 fält som inte finns. Tillåtna fält: ${['reportId', 'title', 'description', 'discoveredAt', 'occurredAt', 'breachTypes', 'dataCategories', 'affectedCount', 'cause', 'measures', 'unit'].join(', ')}.`);
    const text = JSON.stringify(issues);
    expect(text).not.toMatch(/1212|anna|kommun\.se|pnr/);
    expect(issues[1].message).toBe('Typ av incident: okänt värde (nummer 2 i listan). Välj bland confidentiality, integrity, availability.');
  });

  it('says how to fix a discovery in the future and a text over its limit, with grouped numbers', () => {
    const issues = issuesOf({ ...valid, discoveredAt: '2026-11-21T10:00:00Z', description: 'x'.repeat(10_001) });
    const message = (field: string) => issues.find((i) => i.field === field)!;
    expect(message('discoveredAt').message).toBe('Upptäcktsdatum kan inte ligga i framtiden. Ange när du upptäckte incidenten: nu eller tidigare, i svensk tid.');
    expect(message('description').message).toBe('Beskrivningen får vara högst 10\u00a0000 tecken men är 10\u00a0001. Korta texten med 1 tecken.');
    expect(message('description').messageEn).toBe('The description may be at most 10,000 characters but has 10,001. Shorten it by 1.');
  });

  it('refuses input that is not an object', () => {
    for (const raw of [null, [], 'text', 7]) {
      expect(issuesOf(raw)[0].code).toBe('not_an_object');
    }
  });

  it('gives an English message too', () => {
    try {
      parseReportInput({ ...valid, title: '' }, now);
    } catch (error) {
      expect((error as ValidationError).issues[0].messageEn).toBe('Write a title: one line about what happened.');
      return;
    }
    throw new Error('expected a ValidationError');
  });
});
