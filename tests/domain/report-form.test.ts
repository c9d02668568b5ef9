import {
  formIssues,
  fromLocalInput,
  issue,
  joinDateAndTime,
  newReportId,
  parseReportInput,
  readAffectedCount,
  reportFromForm,
  toLocalInput,
  ValidationError,
  type ReportFormFields,
} from '../../src/domain';

const NOW = new Date('2026-11-20T12:00:00Z');

function aForm(overrides: Partial<ReportFormFields> = {}): ReportFormFields {
  return {
    title: 'Mejl till fel mottagare',
    description: 'Ett beslut skickades till fel adress.',
    discoveredAt: '2026-11-20T10:30',
    occurredAt: '',
    breachTypes: ['confidentiality'],
    dataCategories: [],
    affectedCount: '',
    cause: '',
    measures: '',
    unit: '',
    ...overrides,
  };
}

describe('readAffectedCount', () => {
  it.each([
    ['20', 20],
    [' 20 ', 20],
    ['ca 20', 20],
    ['Ca. 20', 20],
    ['c:a 20', 20],
    ['cirka 20', 20],
    ['ungefär 20', 20],
    ['~20', 20],
    ['20 st', 20],
    ['20 personer', 20],
    ['about 20 people', 20],
    ['1 200', 1200],
    ['ca 1\u00a0200', 1200],
    ['0', 0],
  ])('reads %p as %p', (typed, count) => {
    expect(readAffectedCount(typed)).toBe(count);
  });

  it('leaves a blank out', () => {
    expect(readAffectedCount('  ')).toBeUndefined();
  });

  it.each([['många'], ['20-30'], ['1 2 3'], ['ca']])('passes %p on as typed, so the domain explains it', (typed) => {
    expect(readAffectedCount(typed)).toBe(typed);
  });

  it('passes numbers the domain refuses on as numbers (negative, a fraction)', () => {
    expect(readAffectedCount('-5')).toBe(-5);
    expect(readAffectedCount('2,5')).toBe(2.5);
  });
});

describe('reportFromForm', () => {
  it('gives the domain a report it accepts: times as UTC instants, blanks left out', () => {
    const raw = reportFromForm(
      aForm({ affectedCount: 'ca 20', cause: ' human-error ', unit: 'IFO' }),
      'tab-0123456789',
    );
    expect(raw).toEqual({
      reportId: 'tab-0123456789',
      title: 'Mejl till fel mottagare',
      description: 'Ett beslut skickades till fel adress.',
      discoveredAt: '2026-11-20T09:30:00.000Z',
      breachTypes: ['confidentiality'],
      affectedCount: 20,
      cause: 'human-error',
      unit: 'IFO',
    });
    expect(parseReportInput(raw, NOW)).toMatchObject({ affectedCount: 20, discoveredAt: '2026-11-20T09:30:00.000Z' });
  });

  it('passes a time that is no time on as typed, so validation names the field', () => {
    const raw = reportFromForm(aForm({ occurredAt: '2026-02-30T10:00' }));
    expect(raw.occurredAt).toBe('2026-02-30T10:00');
    expect(() => parseReportInput(raw, NOW)).toThrow(ValidationError);
  });

  it("leaves the domain's limits to the domain: a title over 200 characters is refused", () => {
    try {
      parseReportInput(reportFromForm(aForm({ title: 'x'.repeat(201) })), NOW);
      throw new Error('accepted');
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        expect.objectContaining({ field: 'title', code: 'too_long' }),
      ]);
    }
  });
});

describe('formIssues', () => {
  it('words an unreadable time for a form and keeps field and code', () => {
    const [worded] = formIssues([issue('occurredAt', 'invalid_datetime', 'ISO med tidszon', 'ISO with a zone')]);
    expect(worded).toEqual({
      field: 'occurredAt',
      code: 'invalid_datetime',
      message:
        'Datum och klockslag kunde inte läsas. Skriv datumet som ÅÅÅÅ-MM-DD och klockslaget som TT:MM (svensk tid), till exempel 2026-11-20 och 14:30.',
      messageEn:
        'The date and time could not be read. Write the date as YYYY-MM-DD and the time as HH:MM (Swedish time), for example 2026-11-20 and 14:30.',
    });
  });

  it("keeps the domain's wording for everything else", () => {
    const required = issue('title', 'required', 'Rubrik måste fyllas i.', 'Title is required.');
    expect(formIssues([required])).toEqual([required]);
  });
});

describe('form times', () => {
  it('reads and writes datetime-local values as Stockholm time, summer and winter', () => {
    expect(toLocalInput('2026-07-01T10:00:00Z')).toBe('2026-07-01T12:00');
    expect(toLocalInput('2026-12-01T10:00:00Z')).toBe('2026-12-01T11:00');
    expect(fromLocalInput('2026-07-01T12:00')).toBe('2026-07-01T10:00:00.000Z');
    expect(fromLocalInput('2026-07-01 12:00')).toBe('2026-07-01T10:00:00.000Z');
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('2026-02-30T10:00')).toBeUndefined();
  });

  it('joins a date and a time input; midnight without a time, nothing without a date', () => {
    expect(joinDateAndTime('2026-11-20', '14:30')).toBe('2026-11-20T14:30');
    expect(joinDateAndTime(' 2026-11-20 ', '')).toBe('2026-11-20T00:00');
    expect(joinDateAndTime('', '14:30')).toBe('');
  });
});

describe('newReportId', () => {
  it('makes report ids the API accepts, new each time, named by the surface', () => {
    const id = newReportId('outlook');
    expect(id).toMatch(/^outlook-/);
    expect(() => parseReportInput({ ...reportFromForm(aForm()), reportId: id }, NOW)).not.toThrow();
    expect(newReportId('outlook')).not.toBe(id);
    expect(newReportId('tab', () => 'abcdef012345')).toBe('tab-abcdef012345');
  });
});
