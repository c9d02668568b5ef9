import { ValidationError } from '../../src/domain';
import {
  buildRegisterReport,
  inRegisterPeriod,
  renderRegisterReportMarkdown,
  type ListedIncident,
} from '../../src/domain/register-report';

const dpo = { id: 'd1', name: 'DPO' };

function anIncident(overrides: Partial<ListedIncident> = {}): ListedIncident {
  return {
    number: 'PUI-2024-0001',
    title: 'Brev till fel adress',
    discoveredAt: '2024-03-01T09:00:00.000Z',
    awareAt: '2024-03-01T09:00:00.000Z',
    reportedToAuthority: null,
    ...overrides,
  };
}
const assessed = (risk: 'unlikely' | 'risk' | 'high') => ({
  risk,
  rationale: 'r',
  assessedAt: '2024-03-02T00:00:00.000Z',
  assessedBy: dpo,
});

describe('buildRegisterReport', () => {
  it('gives the exact shape with zeros for an empty register', () => {
    expect(JSON.stringify(buildRegisterReport([]))).toBe(
      JSON.stringify({
        period: { from: null, to: null },
        total: 0,
        reportedToAuthority: 0,
        assessedUnlikelyRisk: 0,
        unassessed: 0,
        byCause: {
          'human-error': 0,
          systematic: 0,
          technical: 0,
          insider: 0,
          'external-attack': 0,
          unknown: 0,
          other: 0,
          unspecified: 0,
        },
        anomalies: { occurredAfterDiscovered: 0, riskButNotReported: 0, reportedDespiteUnlikelyRisk: 0 },
      }),
    );
  });

  it('counts answers, causes and anomalies', () => {
    const report = buildRegisterReport([
      anIncident({ assessment: assessed('unlikely'), reportedToAuthority: true, cause: 'technical' }),
      anIncident({
        assessment: assessed('risk'),
        reportedToAuthority: false,
        cause: 'technical',
        occurredAt: '2024-03-01T10:00:00.000Z',
      }),
      anIncident({ assessment: assessed('high'), reportedToAuthority: true, cause: 'other' }),
      anIncident({}),
    ]);
    expect(report).toMatchObject({
      total: 4,
      reportedToAuthority: 2,
      assessedUnlikelyRisk: 1,
      unassessed: 1,
      byCause: { technical: 2, other: 1, unspecified: 1, 'human-error': 0 },
      anomalies: { occurredAfterDiscovered: 1, riskButNotReported: 1, reportedDespiteUnlikelyRisk: 1 },
    });
  });

  it('counts by the Stockholm discovery date with both bounds inclusive', () => {
    const incidents = [
      anIncident({ discoveredAt: '2024-03-31T21:59:00.000Z' }), // 2024-03-31 23:59 Stockholm (summer time)
      anIncident({ discoveredAt: '2024-03-31T22:00:00.000Z' }), // 2024-04-01 00:00 Stockholm
      anIncident({ discoveredAt: '2024-06-30T21:59:00.000Z' }), // 2024-06-30 23:59 Stockholm
      anIncident({ discoveredAt: '2024-06-30T22:00:00.000Z' }), // 2024-07-01 00:00 Stockholm
    ];
    const report = buildRegisterReport(incidents, { from: '2024-04-01', to: '2024-06-30' });
    expect(report.period).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(report.total).toBe(2);
    expect(buildRegisterReport(incidents, { from: '2024-04-01' }).total).toBe(3);
    expect(buildRegisterReport(incidents, { to: '2024-03-31' }).total).toBe(1);
    expect(inRegisterPeriod(incidents[1], { from: '2024-04-01', to: '2024-04-01' })).toBe(true);
  });

  it.each([
    [{ from: '2024-13-01' }, 'Startdatum (--from) ska vara ett datum som ÅÅÅÅ-MM-DD, till exempel 2024-06-30.'],
    [{ to: '30/6' }, 'Slutdatum (--to) ska vara ett datum som ÅÅÅÅ-MM-DD, till exempel 2024-06-30.'],
    [
      { from: '2024-07-01', to: '2024-06-30' },
      'Perioden slutar (2024-06-30) före den börjar (2024-07-01). Byt plats på datumen.',
    ],
  ])('refuses the period %j with a ValidationError', (period, message) => {
    expect(() => buildRegisterReport([], period)).toThrow(ValidationError);
    expect(() => buildRegisterReport([], period)).toThrow(message);
  });
});

describe('linked reports in the register figures', () => {
  const link = (number: string) => ({
    id: `id-${number}`,
    number,
    linkedAt: '2024-03-02T00:00:00.000Z',
    linkedBy: dpo,
  });
  const main = anIncident({
    number: 'PUI-2024-0001',
    assessment: assessed('risk'),
    reportedToAuthority: true,
    cause: 'technical',
  });
  const again = anIncident({ number: 'PUI-2024-0002', cause: 'technical' });
  const other = anIncident({ number: 'PUI-2024-0003', assessment: assessed('unlikely'), reportedToAuthority: false });

  it('counts a linked report in no figure, so linking changes nothing but the report being counted twice', () => {
    const before = buildRegisterReport([main, other]);
    const unlinkedCounts = buildRegisterReport([main, again, other]);
    const linked = buildRegisterReport([main, { ...again, linkedTo: link('PUI-2024-0001') }, other]);

    expect(linked).toEqual(before);
    expect(linked.total).toBe(2);
    expect(linked.byCause.technical).toBe(1);
    expect(linked.unassessed).toBe(0);
    // Unlinked, the report counts on its own again.
    expect(unlinkedCounts.total).toBe(3);
    expect(unlinkedCounts.unassessed).toBe(1);
    expect(unlinkedCounts.byCause.technical).toBe(2);
  });

  it('lists a linked report on its main’s row, not as a row of its own', () => {
    const incidents = [main, { ...again, linkedTo: link('PUI-2024-0001') }, other];
    const md = renderRegisterReportMarkdown(buildRegisterReport(incidents), incidents);
    expect(md).toContain('| PUI-2024-0001 (länkade: PUI-2024-0002) |');
    expect(md).not.toContain('| PUI-2024-0002 |');
    expect(md).toContain('| Incidenter | 2 |');
  });
});

describe('renderRegisterReportMarkdown', () => {
  it('shows the counts and a table of the incidents in the period, oldest first, titles masked', () => {
    const incidents = [
      anIncident({
        number: 'PUI-2024-0002',
        title: 'Akt för 19121212-1212 | fel',
        discoveredAt: '2024-05-02T08:00:00.000Z',
        cause: 'human-error',
        assessment: assessed('risk'),
        reportedToAuthority: true,
      }),
      anIncident({
        number: 'PUI-2024-0001',
        discoveredAt: '2024-05-01T08:00:00.000Z',
        assessment: assessed('unlikely'),
        reportedToAuthority: false,
      }),
      anIncident({ number: 'PUI-2023-0009', discoveredAt: '2023-05-01T08:00:00.000Z' }),
    ];
    const report = buildRegisterReport(incidents, { from: '2024-01-01', to: '2024-12-31' });
    const md = renderRegisterReportMarkdown(report, incidents);
    expect(md).toContain('Period (upptäckt): 2024-01-01 – 2024-12-31');
    expect(md).toContain('| Incidenter | 2 |');
    expect(md).toContain('| Mänskliga faktorn: fel i det enskilda fallet | 1 |');
    expect(md).toContain('| Nummer | Rubrik | Upptäckt | Orsak | Risk | Anmäld |');
    const rows = md.split('\n').filter((l) => l.startsWith('| PUI-'));
    expect(rows).toEqual([
      '| PUI-2024-0001 | Brev till fel adress | 2024-05-01 10:00 | Ej angiven | Osannolik | Nej |',
      '| PUI-2024-0002 | Akt för [personnummer] \\| fel | 2024-05-02 10:00 | Mänskliga faktorn: fel i det enskilda fallet | Risk | Ja |',
    ]);
    expect(md).not.toContain('19121212');
  });

  it('renders no link or HTML from a title', () => {
    const incidents = [
      anIncident({
        number: 'PUI-2024-0003',
        title: 'Se [instruktionen](https://evil.example/login) <img src=x onerror=alert(1)>',
        discoveredAt: '2024-05-03T08:00:00.000Z',
      }),
    ];
    const md = renderRegisterReportMarkdown(buildRegisterReport(incidents), incidents);
    const row = md.split('\n').find((l) => l.startsWith('| PUI-2024-0003'));
    expect(row).toContain('| Se [instruktionen] (https://evil.example/login) &lt;img src=x onerror=alert(1)> |');
    expect(md).not.toMatch(/\]\(|<img/);
  });

  it('says so when no incident was discovered in the period', () => {
    const md = renderRegisterReportMarkdown(buildRegisterReport([]), []);
    expect(md).toContain('Period (upptäckt): hela registret');
    expect(md).toContain('Inga incidenter upptäcktes under perioden.');
  });
});
