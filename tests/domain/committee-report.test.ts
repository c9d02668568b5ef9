import {
  CASE_NUMBER_MAX,
  committeeFigures,
  committeeReportContent,
  DEFAULT_COMMITTEE_TEMPLATE,
  fillTemplate,
  incidentsPerMonth,
  parseCommitteeTemplate,
  validateCaseNumber,
  type CommitteeIncident,
} from '../../src/domain/committee-report';
import { ValidationError } from '../../src/domain/errors';
import { buildRegisterReport } from '../../src/domain/register-report';

const HOUR = 3600_000;

function anIncident(overrides: Partial<CommitteeIncident> = {}): CommitteeIncident {
  const discoveredAt = overrides.discoveredAt ?? '2026-02-10T09:00:00.000Z';
  return {
    number: 'PUI-2026-0001',
    title: 'Brev till fel adress',
    description: 'Ett beslut skickades till en gammal adress.',
    discoveredAt,
    awareAt: discoveredAt,
    reportedToAuthority: null,
    ...overrides,
  };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ValidationError ? `${error.issues[0].field}:${error.issues[0].code}` : 'other';
  }
  return undefined;
}

describe('the ärendebeteckning', () => {
  it('is optional, trimmed, and kept as typed', () => {
    expect(validateCaseNumber(undefined)).toBeUndefined();
    expect(validateCaseNumber('   ')).toBeUndefined();
    expect(validateCaseNumber('  SN 2022/0071.01.05 ')).toBe('SN 2022/0071.01.05');
  });

  it('is refused when too long, on several lines, or holding an identity number or an e-mail address', () => {
    expect(validateCaseNumber('x'.repeat(CASE_NUMBER_MAX))).toHaveLength(CASE_NUMBER_MAX);
    expect(codeOf(() => validateCaseNumber('x'.repeat(CASE_NUMBER_MAX + 1)))).toBe('caseNumber:case_number_too_long');
    expect(codeOf(() => validateCaseNumber('SN 2026\n0071'))).toBe('caseNumber:case_number_invalid');
    expect(codeOf(() => validateCaseNumber('SN\u00072026'))).toBe('caseNumber:case_number_invalid');
    expect(codeOf(() => validateCaseNumber('SN 2026/0071 19121212-1212'))).toBe('caseNumber:case_number_personal_data');
    expect(codeOf(() => validateCaseNumber('anna.svensson@exempel.se'))).toBe('caseNumber:case_number_personal_data');
  });

  it('says what to do in Swedish and English', () => {
    try {
      validateCaseNumber('121212-1212');
      throw new Error('not refused');
    } catch (error) {
      const e = error as ValidationError;
      expect(e.message).toContain('Ange bara diarienumret');
      expect(e.messageEn).toContain('Give only the case reference');
      expect(e.message).not.toContain('1212');
    }
  });
});

describe('the figures', () => {
  it('are the register report’s, with the late notices counted from the same incidents', () => {
    const notice = (hours: number) => ({
      notifiedAt: new Date(Date.parse('2026-02-10T09:00:00Z') + hours * HOUR).toISOString(),
      phased: false,
      recordedAt: '2026-02-14T09:00:00Z',
      recordedBy: { id: 'd', name: 'D' },
    });
    const incidents = [
      anIncident({ imyNotice: notice(80) }),
      anIncident({ imyNotice: notice(10) }),
      anIncident({ cause: 'technical' }),
    ] as CommitteeIncident[];
    const report = buildRegisterReport(incidents);
    const figures = committeeFigures(report, incidents);
    expect(figures).toMatchObject({ total: 3, noticesLate: 1, unassessed: report.unassessed });
    expect(figures.byCause.find((c) => c.id === 'technical')?.count).toBe(1);
    expect(figures.byCause.find((c) => c.id === 'unspecified')?.count).toBe(2);
  });

  it('count per month over the whole period, months without incidents included', () => {
    const incidents = [
      anIncident({ discoveredAt: '2026-01-31T23:30:00Z' }), // 1 February in Stockholm
      anIncident({ discoveredAt: '2026-04-02T10:00:00Z' }),
    ];
    expect(incidentsPerMonth(incidents, { from: '2026-01-01', to: '2026-06-30' })).toEqual([
      { month: '2026-01', count: 0 },
      { month: '2026-02', count: 1 },
      { month: '2026-03', count: 0 },
      { month: '2026-04', count: 1 },
      { month: '2026-05', count: 0 },
      { month: '2026-06', count: 0 },
    ]);
    expect(incidentsPerMonth(incidents, { from: null, to: null }).map((m) => m.month)).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(incidentsPerMonth([], { from: null, to: null })).toEqual([]);
  });
});

describe('the template', () => {
  it('reads the two parts of a template file, paragraphs split on blank lines', () => {
    const template = parseCommitteeTemplate(
      '# Förslag till beslut\n{{committee}} godkänner\nredovisningen.\n\n# Bakgrund\nUnder {{period}}: {{total}}.\n\nSe bilagan.\n',
    );
    expect(template).toEqual({
      proposal: ['{{committee}} godkänner redovisningen.'],
      background: ['Under {{period}}: {{total}}.', 'Se bilagan.'],
    });
  });

  it.each([
    ['# Bakgrund\nText', /Förslag till beslut.*missing/],
    ['Text\n# Bakgrund\nText', /line 1: text before/],
    ['# Förslag till beslut\nA\n# Syfte\nB', /line 3: unknown heading "Syfte"/],
    ['# Förslag till beslut\n{{antal}} st\n# Bakgrund\nB', /unknown placeholder \{\{antal\}\}.*\{\{total\}\}/],
  ])('refuses %j naming what is wrong', (text, message) => {
    expect(() => parseCommitteeTemplate(text)).toThrow(message);
  });

  it('fills placeholders and leaves text without them as it is', () => {
    const values = { total: '12' } as Parameters<typeof fillTemplate>[1];
    expect(fillTemplate('{{total}} incidenter, {{total}} totalt', values)).toBe('12 incidenter, 12 totalt');
  });
});

describe('the memo', () => {
  const organisation = { name: 'Exempelby kommun', committee: 'Socialnämnden', dpo: {} };
  const incidents = [
    anIncident({
      number: 'PUI-2026-0001',
      title: 'Utredning om 19121212-1212 till fel mottagare',
      description: 'Skickad till anna.svensson@exempel.se\nsom raderade den.',
      reportedToAuthority: false,
      assessment: {
        risk: 'risk',
        rationale: 'x',
        assessedAt: '2026-02-10T10:00:00Z',
        assessedBy: { id: 'd', name: 'D' },
      },
      cause: 'human-error',
    }),
    anIncident({ number: 'PUI-2026-0002', discoveredAt: '2026-03-05T08:00:00Z', reportedToAuthority: true }),
  ] as CommitteeIncident[];
  const period = { from: '2026-01-01', to: '2026-06-30' };
  const summary = { report: buildRegisterReport(incidents, period), incidents };
  const request = {
    lang: 'sv' as const,
    date: new Date('2026-08-20T10:00:00Z'),
    caseNumber: 'SN 2026/0071',
    officer: 'Dana Dataskydd',
  };

  it('carries the heading facts, the template with the figures and the findings', () => {
    const memo = committeeReportContent(summary, organisation, request);
    expect(memo.title).toBe('Redovisning av personuppgiftsincidenter 2026-01-01 – 2026-06-30');
    expect(memo.facts).toEqual([
      { label: 'Organisation', value: 'Exempelby kommun' },
      { label: 'Nämnd', value: 'Socialnämnden' },
      { label: 'Datum', value: '2026-08-20' },
      { label: 'Ärendebeteckning', value: 'SN 2026/0071' },
      { label: 'Handläggare', value: 'Dana Dataskydd' },
    ]);
    expect(memo.proposal.paragraphs).toEqual([
      'Socialnämnden godkänner redovisningen av personuppgiftsincidenter som upptäckts under perioden 2026-01-01 – 2026-06-30.',
    ]);
    expect(memo.background.paragraphs[1]).toContain('upptäcktes 2 personuppgiftsincidenter. 1 anmäldes till IMY.');
    expect(memo.background.paragraphs[2]).toBe(
      'Incidenterna fördelade på orsak: mänskliga faktorn: fel i det enskilda fallet 1 och ingen orsak angiven 1.',
    );
    expect(memo.findings.rows).toEqual([
      ['Risk bedömd som inte osannolik men inte anmäld till IMY', '1', 'PUI-2026-0001'],
      ['Risken är inte bedömd', '1', 'PUI-2026-0002'],
    ]);
    expect(memo.chart.byMonth.map((b) => b.count)).toEqual([0, 1, 1, 0, 0, 0]);
    expect(memo.chart.alt).toContain('feb 2026 1');
    expect(memo.signatures).toEqual([
      { name: 'Dana Dataskydd', role: 'Handläggare' },
      { name: '', role: 'Förvaltningschef' },
    ]);
  });

  it('lists every incident in the register’s seven columns plus the number, texts masked', () => {
    const memo = committeeReportContent(summary, organisation, request);
    expect(memo.appendix.columns).toHaveLength(8);
    expect(memo.appendix.columns[1]).toBe('Rubrik');
    expect(memo.appendix.rows[0]).toEqual([
      'PUI-2026-0001',
      'Utredning om [personnummer] till fel mottagare',
      '2026-02-10 10:00',
      'Skickad till [e-postadress]\nsom raderade den.',
      'Nej',
      'Nej',
      '',
      'Mänskliga faktorn: fel i det enskilda fallet',
    ]);
    expect(JSON.stringify(memo)).not.toMatch(/1212|anna\.svensson/);
  });

  it('is in English with lang en, and says when no case number was given', () => {
    const memo = committeeReportContent(summary, organisation, { ...request, lang: 'en', caseNumber: undefined });
    expect(memo.title).toBe('Report on personal data breaches 2026-01-01 – 2026-06-30');
    expect(memo.facts[3]).toEqual({ label: 'Case number', value: '(to be filled in)' });
    expect(memo.appendix.columns[1]).toBe('Title');
    expect(memo.appendix.rows[0][4]).toBe('No');
    expect(memo.proposal.paragraphs[0]).toContain('Socialnämnden approves the account');
  });

  it('uses the organisation’s own template', () => {
    const template = { proposal: ['Nämnden noterar {{total}} incidenter.'], background: ['{{late}} sena.'] };
    const memo = committeeReportContent(summary, organisation, request, template);
    expect(memo.proposal.paragraphs).toEqual(['Nämnden noterar 2 incidenter.']);
    expect(memo.background.paragraphs).toEqual(['0 sena.']);
    expect(DEFAULT_COMMITTEE_TEMPLATE.sv.proposal[0]).toContain('{{committee}}');
  });
});
