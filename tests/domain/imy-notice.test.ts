import { assessRisk } from '../../src/domain/incident-changes';
import { imyNoticeText } from '../../src/domain/imy-notice';
import { aDpo, anIncident } from '../support/incident-mother';

const incident = anIncident({
  title: 'Utredning om Kalle 19121212-1212 till fel mottagare',
  description: 'Utredningen om Kalle Karlsson skickades till kalle.k@example.com.',
  occurredAt: '2026-11-20T08:30:00.000Z',
  dataCategories: ['social-services', 'children'],
  affectedCount: 1,
  cause: 'human-error',
  measures: 'Mottagaren 19121212-1212 har ombetts radera, svar från kalle.k@example.com.',
  assessment: {
    risk: 'risk',
    rationale: 'Kalle är ett barn.',
    assessedAt: '2026-11-20T10:00:00.000Z',
    assessedBy: { id: 'd', name: 'Dana' },
    severity: { dpc: 4, ei: 0.75, cb: 0.25, score: 3.25 },
  },
});

describe('imyNoticeText', () => {
  const text = imyNoticeText(incident);

  it('answers what the e-service asks, from the structured fields, in Stockholm time', () => {
    expect(text).toContain('Vårt ärendenummer: PUI-2026-0001');
    expect(text).toContain('När inträffade incidenten: 2026-11-20 09:30 (svensk tid)');
    expect(text).toContain('När upptäcktes incidenten: 2026-11-20 10:00 (svensk tid)');
    expect(text).toContain(
      'Typer av personuppgifter: Socialtjänstuppgifter (sekretess enligt OSL 26 kap. 1 §); Uppgifter om barn',
    );
    expect(text).toContain('Kategorier av registrerade: Barn');
    expect(text).toContain('Ungefärligt antal berörda registrerade: 1');
    expect(text).toContain(
      'Vår bedömning av allvarlighetsgraden: Medför en risk (allvarlighetsgrad enligt ENISA: 3,25)',
    );
    expect(text).toContain('Har de registrerade informerats: Nej, risken bedöms inte som hög');
  });

  it('leaves out the title, the description and the rationale, and masks identity numbers and addresses', () => {
    expect(text).not.toContain('Kalle');
    expect(text).not.toContain('19121212-1212');
    expect(text).not.toContain('example.com');
    expect(text).toContain(
      'Vidtagna åtgärder: Mottagaren [personnummer] har ombetts radera, svar från [e-postadress].',
    );
  });

  it('says when the breach ended, or that it is unknown or ongoing', () => {
    expect(text).toContain('När upphörde incidenten: Okänt eller pågår');
    expect(imyNoticeText({ ...incident, endedAt: '2026-11-20T08:45:00.000Z' })).toContain(
      'När upphörde incidenten: 2026-11-20 09:45 (svensk tid)',
    );
  });

  it('gives a later awareness time, but never its reason, and judges lateness from it', () => {
    expect(text).not.toContain('kännedom');
    const aware = {
      ...incident,
      awareAt: '2026-11-21T09:00:00.000Z',
      awareReason: 'Samtal med Kalle Karlsson.',
      deadline: '2026-11-24T09:00:00.000Z',
    };
    const withAwareness = imyNoticeText(aware, { notifiedAt: '2026-11-24T08:00:00.000Z', delayReason: 'Inte sent.' });
    expect(withAwareness).toContain('När fick vi kännedom om incidenten: 2026-11-21 10:00 (svensk tid)');
    expect(withAwareness).not.toContain('Kalle');
    // 95 h after discovery, 23 h after awareness: not late, so no reasons for delay.
    expect(withAwareness).not.toContain('Skäl till');
  });

  it('gives the reasons for a late notice, and only then', () => {
    const lateAt = '2026-11-24T12:00:00.000Z';
    expect(imyNoticeText(incident, { notifiedAt: lateAt, delayReason: 'Upptäcktes under en helg.' })).toContain(
      'Skäl till att anmälan görs senare än 72 timmar: Upptäcktes under en helg.',
    );
    expect(
      imyNoticeText(incident, { notifiedAt: '2026-11-21T12:00:00.000Z', delayReason: 'Inte sent.' }),
    ).not.toContain('Skäl till');
  });

  it('names the breach types the DPO judged in the assessment, although the report named none', () => {
    const reported = anIncident({ breachTypes: [] });
    expect(imyNoticeText(reported)).toContain('Typ av incident: Inte fastställt');
    const { next } = assessRisk(
      reported,
      { risk: 'risk', rationale: 'r', breachTypes: ['confidentiality'] },
      { id: 'd', name: 'Dana' },
      new Date('2026-11-20T10:00:00Z'),
    );
    const after = imyNoticeText(next);
    expect(after).toContain('Typ av incident: Konfidentialitet (obehörig har fått del av uppgifter)');
    expect(after).not.toContain('Inte fastställt');
  });
});

describe('imyNoticeText, every item of art. 33(3) and the e-service', () => {
  const organisation = {
    name: 'Socialnämnden i Exempelby',
    number: '212000-0000',
    dpo: { name: 'Dana Dataskydd', email: 'dso@exempelby.se', phone: '010-123 45 67' },
  };
  const full = anIncident({
    ...incident,
    endedAt: '2026-11-20T09:00:00.000Z',
    imyNotice: {
      notifiedAt: '2026-11-21T08:00:00.000Z',
      phased: true,
      recordedAt: '2026-11-21T08:00:00.000Z',
      recordedBy: aDpo,
    },
    status: 'notified',
    subjectNotice: {
      notInformedReason: 'Mottagaren har raderat uppgifterna.',
      recordedAt: '2026-11-21T08:00:00.000Z',
      recordedBy: aDpo,
    },
    noticeDetails: {
      subjectCategories: ['clients', 'children'],
      recordCount: 40,
      consequences: ['secrecy', 'reputation'],
      consequencesText: 'Uppgifter om 19121212-1212 kan spridas.',
      plannedMeasures: 'Ny rutin för utskick.',
      crossBorder: false,
      recordedAt: '2026-11-21T08:00:00.000Z',
      recordedBy: aDpo,
    },
  });
  const text = imyNoticeText(full, {}, organisation);

  it.each([
    'Personuppgiftsansvarig: Socialnämnden i Exempelby',
    'Organisationsnummer: 212000-0000',
    'Vårt ärendenummer: PUI-2026-0001',
    'Kontaktuppgifter till dataskyddsombudet: Dana Dataskydd, dso@exempelby.se, 010-123 45 67',
    'När upphörde incidenten: 2026-11-20 10:00 (svensk tid)',
    'Typ av incident: Konfidentialitet (obehörig har fått del av uppgifter)',
    'Kategorier av registrerade: Klienter eller brukare inom socialtjänsten; Barn',
    'Ungefärligt antal berörda registrerade: 1',
    'Ungefärligt antal berörda personuppgiftsposter: 40',
    'Troliga konsekvenser: Röjande av uppgifter som omfattas av sekretess eller tystnadsplikt; Skadat anseende. Uppgifter om [personnummer] kan spridas.',
    'Vår bedömning av allvarlighetsgraden: Medför en risk (allvarlighetsgrad enligt ENISA: 3,25)',
    'Planerade åtgärder: Ny rutin för utskick.',
    'Har de registrerade informerats: Nej. Skäl: Mottagaren har raderat uppgifterna.',
    'Berör incidenten registrerade i andra EU/EES-länder: Nej',
    'Anmälan görs i etapper: Ja, komplettering lämnas senast 2026-12-19 09:00',
  ])('answers %s', (line) => {
    expect(text.split('\n')).toContain(line);
  });

  it('says what is not yet given, so the supplement shows what it owes', () => {
    const bare = imyNoticeText(anIncident({ measures: undefined }));
    expect(bare).toContain('Organisationsnummer: Inte angivet');
    expect(bare).toContain('Kontaktuppgifter till dataskyddsombudet: Inte angivet');
    expect(bare).toContain('Ungefärligt antal berörda personuppgiftsposter: Okänt');
    expect(bare).toContain('Troliga konsekvenser: Inte angivet');
    expect(bare).toContain('Vår bedömning av allvarlighetsgraden: Inte bedömd ännu');
    expect(bare).toContain('Berör incidenten registrerade i andra EU/EES-länder: Inte angivet');
    expect(bare).toContain('Anmälan görs i etapper: Nej');
  });

  it('gives the recorded reasons for a late notice', () => {
    const late = {
      ...full,
      imyNotice: {
        ...full.imyNotice!,
        notifiedAt: '2026-11-24T12:00:00.000Z',
        delayReason: 'Upptäcktes under en helg.',
      },
    };
    expect(imyNoticeText(late, {}, organisation)).toContain(
      'Skäl till att anmälan görs senare än 72 timmar: Upptäcktes under en helg.',
    );
  });
});
