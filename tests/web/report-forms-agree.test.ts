/**
 * The four places a form becomes a report (bot card, tab draft, Outlook task pane, DPO card
 * actions) read the same typing the same way: one conversion, in src/domain/report-form.ts.
 */
import { readReportForm } from '../../bot/report-form';
import { parseReportInput, ValidationError } from '../../src/domain';
import { draftToRequest, type ReportDraft as PaneDraft } from '../../src/outlook/prefill';
import { draftToInput, emptyDraft, validateDraft } from '../../src/tab/report/report-draft';

const NOW = new Date('2026-11-20T12:00:00Z');

const typed = {
  title: 'Mejl till fel mottagare',
  description: 'Ett beslut skickades till fel adress.',
  affectedCount: 'ca 20',
};

function fromBot(overrides: Record<string, string> = {}) {
  return readReportForm({
    ...typed,
    discoveredDate: '2026-11-20',
    discoveredTime: '10:30',
    occurredDate: '',
    occurredTime: '',
    breachTypes: 'confidentiality',
    dataCategories: '',
    cause: '',
    measures: '',
    ...overrides,
  }).raw;
}

function tabDraft(overrides: Partial<ReturnType<typeof emptyDraft>> = {}) {
  return {
    ...emptyDraft(NOW, 'tab-0123456789'),
    ...typed,
    discoveredAt: '2026-11-20T10:30',
    breachTypes: ['confidentiality' as const],
    ...overrides,
  };
}

function paneDraft(overrides: Partial<PaneDraft> = {}): PaneDraft {
  const { reportId: _id, ...fields } = tabDraft();
  return { ...fields, mailCase: 'other', ...overrides };
}

describe('the report forms', () => {
  it('read "ca 20" and a Stockholm time alike on the bot card, in the tab and in the task pane', () => {
    const bot = parseReportInput(fromBot(), NOW);
    const tab = parseReportInput(draftToInput(tabDraft()), NOW);
    const pane = draftToRequest(paneDraft(), 'outlook-0123456789', 'sv', NOW).request;
    for (const report of [bot, tab, pane]) {
      expect(report).toMatchObject({
        affectedCount: 20,
        discoveredAt: '2026-11-20T09:30:00.000Z',
        breachTypes: ['confidentiality'],
      });
    }
  });

  it("refuse a title over the domain limit (200) on every surface, with the domain's message", () => {
    const title = 'x'.repeat(201);
    let domain: ValidationError | undefined;
    try {
      parseReportInput(fromBot({ title }), NOW);
    } catch (error) {
      domain = error as ValidationError;
    }
    expect(domain?.issues.map((i) => [i.field, i.code])).toEqual([['title', 'too_long']]);
    const message = domain!.issues[0].message;
    expect(validateDraft(tabDraft({ title }), NOW, 'sv').title).toBe(message);
    expect(draftToRequest(paneDraft({ title }), 'outlook-0123456789', 'sv', NOW).issues).toEqual([
      { field: 'title', message },
    ]);
  });

  it('refuse a count that is no count with the same code everywhere', () => {
    const codes = (raw: unknown) => {
      try {
        parseReportInput(raw, NOW);
        return [];
      } catch (error) {
        return (error as ValidationError).issues.map((i) => i.code);
      }
    };
    expect(codes(fromBot({ affectedCount: 'många' }))).toEqual(['invalid_count']);
    expect(codes(draftToInput(tabDraft({ affectedCount: 'många' })))).toEqual(['invalid_count']);
    expect(
      draftToRequest(paneDraft({ affectedCount: 'många' }), 'outlook-0123456789', 'sv', NOW).issues.map((i) => i.field),
    ).toEqual(['affectedCount']);
  });
});
