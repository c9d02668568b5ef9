import { assessRisk } from '../../src/domain/incident-changes';
import { imyNoticeText } from '../../src/domain/imy-notice';
import { anIncident } from '../support/incident-mother';

const incident = anIncident({
  title: 'Utredning om Kalle 19121212-1212 till fel mottagare',
  description: 'Utredningen om Kalle Karlsson skickades till kalle.k@example.com.',
  occurredAt: '2026-11-20T08:30:00.000Z',
  dataCategories: ['social-services', 'children'],
  affectedCount: 1,
  cause: 'human-error',
  measures: 'Mottagaren 19121212-1212 har ombetts radera, svar från kalle.k@example.com.',
  assessment: { risk: 'risk', rationale: 'Kalle är ett barn.', assessedAt: '2026-11-20T10:00:00.000Z', assessedBy: { id: 'd', name: 'Dana' }, severity: { dpc: 4, ei: 0.75, cb: 0.25, score: 3.25 } },
});

describe('imyNoticeText', () => {
  const text = imyNoticeText(incident);

  it('answers what the e-service asks, from the structured fields, in Stockholm time', () => {
    expect(text).toContain('Vårt ärendenummer: PUI-2026-0001');
    expect(text).toContain('När inträffade incidenten: 2026-11-20 09:30 (svensk tid)');
    expect(text).toContain('När upptäcktes incidenten: 2026-11-20 10:00 (svensk tid)');
    expect(text).toContain('Typer av personuppgifter: Socialtjänstuppgifter (sekretess enligt OSL 26 kap. 1 §); Uppgifter om barn');
    expect(text).toContain('Särskilda grupper av registrerade: barn');
    expect(text).toContain('Ungefärligt antal berörda registrerade: 1');
    expect(text).toContain('Vår bedömning av risken: Medför en risk (allvarlighetsgrad enligt ENISA: 3,25)');
    expect(text).toContain('Har de registrerade informerats: Nej, risken bedöms inte som hög');
  });

  it('leaves out the title, the description and the rationale, and masks identity numbers and addresses', () => {
    expect(text).not.toContain('Kalle');
    expect(text).not.toContain('19121212-1212');
    expect(text).not.toContain('example.com');
    expect(text).toContain('Vidtagna och planerade åtgärder: Mottagaren [personnummer] har ombetts radera, svar från [e-postadress].');
  });

  it('says when the breach ended, or that it is unknown or ongoing', () => {
    expect(text).toContain('När upphörde incidenten: Okänt eller pågår');
    expect(imyNoticeText({ ...incident, endedAt: '2026-11-20T08:45:00.000Z' })).toContain('När upphörde incidenten: 2026-11-20 09:45 (svensk tid)');
  });

  it('gives a later awareness time, but never its reason, and judges lateness from it', () => {
    expect(text).not.toContain('kännedom');
    const aware = { ...incident, awareAt: '2026-11-21T09:00:00.000Z', awareReason: 'Samtal med Kalle Karlsson.', deadline: '2026-11-24T09:00:00.000Z' };
    const withAwareness = imyNoticeText(aware, { notifiedAt: '2026-11-24T08:00:00.000Z', delayReason: 'Inte sent.' });
    expect(withAwareness).toContain('När fick vi kännedom om incidenten: 2026-11-21 10:00 (svensk tid)');
    expect(withAwareness).not.toContain('Kalle');
    // 95 h after discovery, 23 h after awareness: not late, so no reasons for delay.
    expect(withAwareness).not.toContain('Skäl till');
  });

  it('gives the reasons for a late notice, and only then', () => {
    const lateAt = '2026-11-24T12:00:00.000Z';
    expect(imyNoticeText(incident, { notifiedAt: lateAt, delayReason: 'Upptäcktes under en helg.' })).toContain('Skäl till att anmälan görs senare än 72 timmar: Upptäcktes under en helg.');
    expect(imyNoticeText(incident, { notifiedAt: '2026-11-21T12:00:00.000Z', delayReason: 'Inte sent.' })).not.toContain('Skäl till');
  });

  it('names the breach types the DPO judged in the assessment, although the report named none', () => {
    const reported = anIncident({ breachTypes: [] });
    expect(imyNoticeText(reported)).toContain('Typ av incident: Inte fastställt');
    const { next } = assessRisk(reported, { risk: 'risk', rationale: 'r', breachTypes: ['confidentiality'] }, { id: 'd', name: 'Dana' }, new Date('2026-11-20T10:00:00Z'));
    const after = imyNoticeText(next);
    expect(after).toContain('Typ av incident: Konfidentialitet (obehörig har fått del av uppgifter)');
    expect(after).not.toContain('Inte fastställt');
  });
});
