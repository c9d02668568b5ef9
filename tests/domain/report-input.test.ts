import { ValidationError } from '../../src/domain/errors';
import { parseReportInput, teamsSourceMessageId } from '../../src/domain/report-input';

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
    expect(input).toMatchObject({
      title: valid.title,
      discoveredAt: '2026-11-20T09:15:00.000Z',
      breachTypes: [],
      dataCategories: [],
    });
  });

  it('accepts every optional field', () => {
    const input = parseReportInput(
      {
        ...valid,
        reportId: 'card-2026-11-20-abc',
        occurredAt: '2026-11-20T09:55:00+01:00',
        breachTypes: ['confidentiality', 'confidentiality'],
        dataCategories: ['children', 'social-services'],
        affectedCount: 2,
        cause: 'human-error',
        measures: 'Mottagaren ombads radera mejlet.',
        unit: 'Individ- och familjeomsorg',
      },
      now,
    );
    expect(input.breachTypes).toEqual(['confidentiality']);
    expect(input.cause).toBe('human-error');
    expect(input.affectedCount).toBe(2);
  });

  it('reports every missing required field at once, in Swedish', () => {
    const issues = issuesOf({});
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'title:required',
      'description:required',
      'discoveredAt:required',
    ]);
    expect(issues[0].message).toBe('Skriv en rubrik: en rad om vad som hänt.');
  });

  it.each([
    ['a blank title', { title: '   ' }, 'title', 'required'],
    ['a title that is not text', { title: 42 }, 'title', 'not_text'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title', 'too_long'],
    ['a description with control characters', { description: 'a\u0000b' }, 'description', 'invalid_characters'],
    ['a title with DEL', { title: 'Brev\u007F till fel adress' }, 'title', 'invalid_characters'],
    ['a title with a C1 control', { title: 'Brev\u0085till fel adress' }, 'title', 'invalid_characters'],
    ['a title with a right-to-left override', { title: 'Bilaga \u202Eexe.fdp' }, 'title', 'invalid_characters'],
    ['a title with a left-to-right embedding', { title: '\u202ABrev till fel adress' }, 'title', 'invalid_characters'],
    [
      'a title with a first-strong isolate',
      { title: 'Brev \u2068till\u2069 fel adress' },
      'title',
      'invalid_characters',
    ],
    ['a title with a right-to-left mark', { title: 'Brev\u200F till fel adress' }, 'title', 'invalid_characters'],
    ['a title with a lone high surrogate', { title: 'Brev \uD83D till fel adress' }, 'title', 'invalid_characters'],
    ['a title with a lone low surrogate', { title: 'Brev \uDE00 till fel adress' }, 'title', 'invalid_characters'],
    ['a unit with a direction override', { unit: 'Skola\u202E' }, 'unit', 'invalid_characters'],
    ['a description with a lone surrogate', { description: 'Text \uDFFF här' }, 'description', 'invalid_characters'],
    ['a description with DEL', { description: 'Text \u007F här' }, 'description', 'invalid_characters'],
    [
      'a discovery before the GDPR applied',
      { discoveredAt: '2018-05-24T23:59:00+02:00' },
      'discoveredAt',
      'before_gdpr',
    ],
    ['a discovery in year 0', { discoveredAt: '0000-01-01T00:00:00Z' }, 'discoveredAt', 'too_early'],
    ['an occurrence before 1970', { occurredAt: '1026-11-19T10:00:00+01:00' }, 'occurredAt', 'too_early'],
    ['a time without zone', { discoveredAt: '2026-11-20 10:15' }, 'discoveredAt', 'invalid_datetime'],
    ['a discovery in the future', { discoveredAt: '2026-11-21T10:00:00Z' }, 'discoveredAt', 'in_future'],
    [
      'an occurrence after the discovery',
      { occurredAt: '2026-11-20T10:30:00+01:00' },
      'occurredAt',
      'occurred_after_discovered',
    ],
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

  it('says which field holds a refused character, where, and what to do, without repeating the text', () => {
    const issues = issuesOf({ ...valid, title: 'Faktura 19121212-1212 \u202Egpj.exe' });
    expect(issues).toEqual([expect.objectContaining({ field: 'title', code: 'invalid_characters' })]);
    expect(issues[0].message).toBe(
      'Rubriken innehåller ett osynligt tecken som vänder läsriktningen (tecken 23), oftast från inklistrad text. Skriv in texten på nytt, eller klistra in den som oformaterad text, och skicka igen.',
    );
    expect(issues[0].messageEn).toBe(
      'The title contains an invisible character that turns the reading direction (character 23), usually from pasted text. Type the text again, or paste it as plain text, and send again.',
    );
    expect(JSON.stringify(issues)).not.toMatch(/1212|gpj|Faktura/);
  });

  it('keeps line breaks, tabs, emoji and right-to-left text in a description, and accepts a discovery on the day the GDPR began to apply', () => {
    const description = 'Rad ett\n\tRad två 😀\r\nCitat: \u2067مرحبا\u2069 \u200F.';
    const input = parseReportInput(
      {
        ...valid,
        description,
        discoveredAt: '2018-05-25T00:00:00+02:00',
        occurredAt: '1999-12-31T23:00:00Z',
        title: 'Brev 😀 till fel adress',
      },
      now,
    );
    expect(input).toMatchObject({
      description,
      discoveredAt: '2018-05-24T22:00:00.000Z',
      occurredAt: '1999-12-31T23:00:00.000Z',
      title: 'Brev 😀 till fel adress',
    });
  });

  it('tells how to put a discovery before the GDPR right, in Swedish and English', () => {
    const [problem] = issuesOf({ ...valid, discoveredAt: '2017-03-01T10:00:00+01:00' });
    expect(problem.message).toBe(
      'Upptäcktsdatum kan inte ligga före 25 maj 2018, då dataskyddsförordningen började gälla. Kontrollera årtalet. En äldre incident förs in i registret genom import av registret.',
    );
    expect(problem.messageEn).toMatch(/^The discovery date cannot be before 25 May 2018/);
    const [future] = issuesOf({ ...valid, discoveredAt: '2126-11-20T10:00:00+01:00' });
    expect(future).toMatchObject({
      code: 'in_future',
      message: expect.stringMatching(/^Upptäcktsdatum kan inte ligga i framtiden\./),
    });
  });

  it('never repeats an identity number or an address from the input in its messages', () => {
    const issues = issuesOf({
      ...valid,
      breachTypes: ['confidentiality', '19121212-1212'],
      'anna.andersson@kommun.se': 1,
      pnr191212121212: 1,
      pnr_121212_1212: 1,
    });
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual([':unknown_field', 'breachTypes:unknown_value']);
    expect(issues[0].message).toBe(
      `Uppgifterna har 3 fält som inte finns. Tillåtna fält: ${['reportId', 'title', 'description', 'discoveredAt', 'occurredAt', 'breachTypes', 'dataCategories', 'affectedCount', 'cause', 'measures', 'unit', 'sourceMessageId', 'internetMessageId'].join(', ')}.`,
    );
    const text = JSON.stringify(issues);
    expect(text).not.toMatch(/1212|anna|kommun\.se|pnr/);
    expect(issues[1].message).toBe(
      'Typ av incident: okänt värde (nummer 2 i listan). Välj bland confidentiality, integrity, availability.',
    );
  });

  it('says how to fix a discovery in the future and a text over its limit, with grouped numbers', () => {
    const issues = issuesOf({ ...valid, discoveredAt: '2026-11-21T10:00:00Z', description: 'x'.repeat(10_001) });
    const message = (field: string) => issues.find((i) => i.field === field)!;
    expect(message('discoveredAt').message).toBe(
      'Upptäcktsdatum kan inte ligga i framtiden. Ange när du upptäckte incidenten: nu eller tidigare, i svensk tid.',
    );
    expect(message('description').message).toBe(
      'Beskrivningen får vara högst 10\u00a0000 tecken men är 10\u00a0001. Korta texten med 1 tecken.',
    );
    expect(message('description').messageEn).toBe(
      'The description may be at most 10,000 characters but has 10,001. Shorten it by 1.',
    );
  });

  it('keeps the Teams message and the mail a report was made from', () => {
    const input = parseReportInput(
      {
        ...valid,
        sourceMessageId: '19:abc@thread.tacv2/1700000000000',
        internetMessageId: '<AM0PR01MB1.eurprd01@kommun.example.se>',
      },
      now,
    );
    expect(input).toMatchObject({
      sourceMessageId: '19:abc@thread.tacv2/1700000000000',
      internetMessageId: '<AM0PR01MB1.eurprd01@kommun.example.se>',
    });
    expect(parseReportInput(valid, now)).not.toHaveProperty('sourceMessageId');
  });

  it.each([
    ['sourceMessageId', 'a b'],
    ['sourceMessageId', 'x'.repeat(256)],
    ['sourceMessageId', 'meddelande-å'],
    ['sourceMessageId', 42],
    ['internetMessageId', 'abc@kommun.example.se'],
    ['internetMessageId', '<abc\n@kommun.example.se>'],
    ['internetMessageId', `<${'x'.repeat(250)}@kommun.se>`],
  ])('refuses a malformed %s with invalid_source_id, never repeating it', (field, value) => {
    const error = (() => {
      try {
        parseReportInput({ ...valid, [field]: value }, now);
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('expected a ValidationError');
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i) => `${i.field}:${i.code}`)).toEqual([`${field}:invalid_source_id`]);
    expect(error.issues[0].messageEn).toContain('at most 255 characters, ASCII only without spaces');
    if (typeof value === 'string') expect(JSON.stringify(error.issues)).not.toContain(value.slice(0, 12));
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

describe('teamsSourceMessageId', () => {
  it('joins the conversation and the message, falls back to the message alone, and leaves out what does not fit', () => {
    expect(teamsSourceMessageId('19:group@thread.v2', '1700000000456')).toBe('19:group@thread.v2/1700000000456');
    expect(teamsSourceMessageId(`19:${'x'.repeat(260)}`, '1700000000456')).toBe('1700000000456');
    expect(teamsSourceMessageId(undefined, '1700000000456')).toBe('1700000000456');
    expect(teamsSourceMessageId('19:group@thread.v2', 'med mellanslag')).toBeUndefined();
    expect(teamsSourceMessageId('19:group@thread.v2', undefined)).toBeUndefined();
  });
});
