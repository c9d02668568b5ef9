import {
  culledAsFar,
  culledIncident,
  CULLED_PERSON,
  CULLED_TEXT,
  dueForCulling,
  retentionDecision,
  retentionPolicy,
  type Incident,
  type RetentionMark,
} from '../../src/domain';
import { buildRegisterReport } from '../../src/domain/register-report';
import { registerFindings } from '../../src/domain/register-checks';
import { anIncident } from '../support/incident-mother';

const staff = { id: 'staff-1', name: 'Stina Personal' };
const mark = (scope: RetentionMark['scope']): RetentionMark => ({
  culledAt: '2032-01-01T00:00:00.000Z',
  scope,
  decision: 'RETENTION_YEARS=5',
  runId: 'run-1',
  by: { id: 'dpo', name: 'Dana' },
});

/** Every field filled, the free texts and people marked so a leak is found. */
function aFullIncident(): Incident {
  return anIncident({
    status: 'closed',
    closedAt: '2026-02-01T10:00:00.000Z',
    closedBy: staff,
    owner: staff,
    unit: 'LEAK-unit',
    awareReason: 'LEAK-aware',
    measures: 'LEAK-measures',
    occurredAt: '2026-01-01T10:00:00.000Z',
    cause: 'human-error',
    assessment: {
      risk: 'high',
      rationale: 'LEAK-rationale',
      assessedAt: '2026-01-02T10:00:00.000Z',
      assessedBy: staff,
    },
    imyNotice: {
      notifiedAt: '2026-01-09T10:00:00.000Z',
      reference: 'LEAK-ref',
      phased: true,
      delayReason: 'LEAK-delay',
      recordedAt: '2026-01-09T10:00:00.000Z',
      recordedBy: staff,
    },
    reportedToAuthority: true,
    subjectNotice: {
      notifiedAt: '2026-01-10T10:00:00.000Z',
      method: 'LEAK-method',
      recordedAt: '2026-01-10T10:00:00.000Z',
      recordedBy: staff,
    },
    lexSarah: {
      reportedAt: '2026-01-03T10:00:00.000Z',
      reportedToIvo: true,
      ivoReference: 'LEAK-ivo',
      recordedAt: '2026-01-03T10:00:00.000Z',
      recordedBy: staff,
    },
    policeReport: {
      reportedAt: '2026-01-04T10:00:00.000Z',
      reference: 'LEAK-police',
      recordedAt: '2026-01-04T10:00:00.000Z',
      recordedBy: staff,
    },
    noticeDetails: {
      subjectCategories: ['children'],
      consequences: ['secrecy'],
      consequencesText: 'LEAK-consequences',
      plannedMeasures: 'LEAK-planned',
      crossBorder: false,
      recordedAt: '2026-01-05T10:00:00.000Z',
      recordedBy: staff,
    },
    title: 'LEAK-title',
    description: 'LEAK-description',
  });
}

describe('culledIncident', () => {
  it('whole: keeps no person and no free text, only the minimal record', () => {
    const culled = culledIncident(aFullIncident(), mark('whole'));
    const json = JSON.stringify({ ...culled, retention: undefined });
    expect(json).not.toContain('LEAK');
    expect(json).not.toContain(staff.name);
    expect(json).not.toContain('Rut Rapportör');
    expect(culled.reporter).toEqual(CULLED_PERSON);
    expect(culled).toMatchObject({
      number: 'PUI-2026-0001',
      discoveredAt: '2026-11-20T09:00:00.000Z',
      occurredAt: '2026-01-01T10:00:00.000Z',
      cause: 'human-error',
      breachTypes: ['confidentiality'],
      assessment: { risk: 'high' },
      imyNotice: { notifiedAt: '2026-01-09T10:00:00.000Z', phased: true },
      subjectNotice: { notifiedAt: '2026-01-10T10:00:00.000Z' },
      reportedToAuthority: true,
      retention: mark('whole'),
    });
  });

  it('keeps the register report and the register findings of the incident as they were', () => {
    const main = aFullIncident();
    const linked = anIncident({
      ...aFullIncident(),
      id: 'inc-2',
      number: 'PUI-2026-0002',
      linkedTo: { id: main.id, number: main.number, linkedAt: '2026-01-02T10:00:00.000Z', linkedBy: staff },
    });
    for (const scope of ['whole', 'free-text', 'audit'] as const) {
      const culled = [main, linked].map((i) => culledIncident(i, mark(scope)));
      expect(buildRegisterReport(culled)).toEqual(buildRegisterReport([main, linked]));
      expect(culled.map(registerFindings)).toEqual([main, linked].map(registerFindings));
      expect(culled[1].linkedTo?.number).toBe(main.number);
    }
    expect(JSON.stringify(culledIncident(linked, mark('whole')).linkedTo)).not.toContain(staff.name);
  });

  it('free-text: replaces the texts, keeps people and references; audit: changes nothing but the mark', () => {
    const incident = aFullIncident();
    const freeText = culledIncident(incident, mark('free-text'));
    expect([freeText.title, freeText.description, freeText.measures, freeText.noticeDetails?.plannedMeasures]).toEqual([
      CULLED_TEXT,
      CULLED_TEXT,
      CULLED_TEXT,
      CULLED_TEXT,
    ]);
    expect(freeText.owner).toEqual(staff);
    expect(JSON.stringify(freeText)).not.toMatch(/LEAK-(title|description|rationale|delay|method|aware|unit|measures)/);
    expect(culledIncident(incident, mark('audit'))).toEqual({ ...incident, retention: mark('audit') });
  });
});

describe('culling and the due list', () => {
  it('lists an incident culled in another scope again, but not one culled as far already', () => {
    const incident = aFullIncident();
    const audit = retentionPolicy({ RETENTION_YEARS: '1', RETENTION_SCOPE: 'audit' });
    const whole = retentionPolicy({ RETENTION_YEARS: '1' });
    const asOf = new Date('2032-01-01T00:00:00.000Z');
    const afterAudit = culledIncident(incident, mark('audit'));
    expect(dueForCulling([afterAudit], audit, asOf)).toEqual([]);
    expect(dueForCulling([afterAudit], whole, asOf).map((d) => d.number)).toEqual([incident.number]);
    expect(culledAsFar(culledIncident(incident, mark('whole')), 'free-text')).toBe(true);
    expect(retentionDecision(whole)).toBe('RETENTION_YEARS=1, RETENTION_FROM=closure, RETENTION_SCOPE=whole');
  });
});
