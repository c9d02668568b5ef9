import {
  EXPORT_HEADERS,
  IMPORTED_RATIONALE,
  incidentContentKey,
  incidentToRegisterRow,
  mapRegisterHeaders,
  parseYesNo,
  readRegister,
  REGISTER_COLUMNS,
  RegisterHeaderError,
  registerRowCells,
  registerRowToNewIncident,
  type RegisterRecord,
} from '../../src/domain/register-row';
import type { Incident } from '../../src/domain';

const NOW = new Date('2026-01-15T09:00:00Z');
const HEADERS = REGISTER_COLUMNS.map((c) => c.header);
const importer = { id: 'cli', name: 'dpo' };

function row(line: number, cells: Partial<Record<(typeof REGISTER_COLUMNS)[number]['key'], string>>): RegisterRecord {
  const base = {
    title: 'Brev till fel adress',
    discoveredAt: '2024-02-05 10:30',
    description: 'Ett beslut skickades till en gammal adress.',
    unlikelyRisk: 'Nej',
    reportedToAuthority: 'Ja',
    occurredAt: '2024-02-05 09:55',
    cause: 'Mänskliga faktorn: fel i det enskilda fallet',
    ...cells,
  };
  return { line, cells: REGISTER_COLUMNS.map((c) => base[c.key]) };
}

function anIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'i1',
    number: 'PUI-2024-0007',
    reportId: 'r-00000001',
    etag: '1',
    title: 'Fel mottagare',
    description: 'Mejl till fel person.',
    source: 'outlook',
    reporter: { id: 'u1', name: 'Handläggare' },
    discoveredAt: '2024-03-31T08:15:00.000Z',
    occurredAt: '2024-03-31T07:00:00.000Z',
    awareAt: '2024-03-31T08:15:00.000Z',
    deadline: '2024-04-03T08:15:00.000Z',
    breachTypes: ['confidentiality'],
    dataCategories: ['identity-numbers', 'social-services'],
    affectedCount: 2,
    measures: 'Mottagaren ombads radera.',
    cause: 'human-error',
    status: 'notified',
    owner: { id: 'd1', name: 'Dataskyddsombudet' },
    assessment: {
      risk: 'high',
      rationale: 'Känsliga uppgifter',
      assessedAt: '2024-03-31T10:00:00.000Z',
      assessedBy: { id: 'd1', name: 'Dataskyddsombudet' },
    },
    imyNotice: {
      notifiedAt: '2024-04-01T12:00:00.000Z',
      reference: 'IMY-2024-123',
      phased: false,
      recordedAt: '2024-04-01T12:05:00.000Z',
      recordedBy: { id: 'd1', name: 'Dataskyddsombudet' },
    },
    reportedToAuthority: true,
    nextReminderAt: null,
    createdAt: '2024-03-31T08:20:00.000Z',
    updatedAt: '2024-04-01T12:05:00.000Z',
    ...overrides,
  };
}

describe('parseYesNo', () => {
  it.each([
    ['Ja', true],
    ['JA', true],
    [' ja ', true],
    ['yes', true],
    ['Nej', false],
    ['NEJ', false],
    ['no', false],
    ['', null],
    ['  ', null],
  ])('reads %j as %j', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });

  it('returns undefined for an answer it cannot read', () => {
    expect(parseYesNo('Kanske')).toBeUndefined();
  });
});

describe('mapRegisterHeaders', () => {
  it('finds the columns whatever their case, spacing or trailing question mark', () => {
    const mapping = mapRegisterHeaders(['  rubrik ', 'NÄR UPPTÄCKTE NI  INCIDENTEN', 'Beskrivning av incidenten']);
    expect(mapping.columns).toEqual({ title: 0, discoveredAt: 1, description: 2 });
    expect(mapping.missingRequired).toEqual([]);
    expect(mapping.missingOptional).toHaveLength(4);
  });

  it('names the required columns that are missing', () => {
    expect(mapRegisterHeaders(['Titel', 'Datum']).missingRequired).toEqual(['Rubrik', 'När upptäckte ni incidenten?']);
  });
});

describe('readRegister', () => {
  it('reads a row into an entry with Stockholm times as UTC, answers and the cause id', () => {
    const { entries, problems } = readRegister(HEADERS, [row(2, {})], NOW);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      expect.objectContaining({
        line: 2,
        title: 'Brev till fel adress',
        discoveredAt: '2024-02-05T09:30:00.000Z',
        occurredAt: '2024-02-05T08:55:00.000Z',
        unlikelyRisk: false,
        reportedToAuthority: true,
        cause: 'human-error',
        ordinal: 0,
      }),
    ]);
  });

  it('reads blank answers as unanswered and a blank cause as none', () => {
    const { entries } = readRegister(
      HEADERS,
      [row(2, { unlikelyRisk: '', reportedToAuthority: '', cause: '', occurredAt: '' })],
      NOW,
    );
    expect(entries[0]).toMatchObject({
      unlikelyRisk: null,
      reportedToAuthority: null,
      cause: undefined,
      occurredAt: undefined,
    });
  });

  it('reports each unreadable row by line and reads the rest', () => {
    const { entries, problems } = readRegister(
      HEADERS,
      [
        row(2, {}),
        row(3, { title: '  ' }),
        row(4, { discoveredAt: '5 februari' }),
        row(5, { occurredAt: '2024-02-30 10:00' }),
        row(6, { cause: 'Slarv' }),
        row(7, { reportedToAuthority: 'Kanske' }),
        { line: 8, cells: ['Bara rubrik', '2024-01-01', 'text'] },
        row(9, { discoveredAt: '' }),
        row(10, { discoveredAt: '2031-01-01 10:00' }),
        row(11, { title: 'x'.repeat(201) }),
        row(12, { title: 'Sist' }),
      ],
      NOW,
    );
    expect(entries.map((e) => e.line)).toEqual([2, 12]);
    expect(problems.map((p) => [p.line, p.code, p.column])).toEqual([
      [3, 'title_missing', 'Rubrik'],
      [4, 'invalid_date', 'När upptäckte ni incidenten?'],
      [5, 'invalid_date', 'När inträffade incidenten?'],
      [6, 'unknown_cause', 'Varför inträffade incidenten enligt er uppfattning?'],
      [7, 'invalid_answer', 'Har incidenten anmälts till en tillsynsmyndighet?'],
      [8, 'column_count', undefined],
      [9, 'date_missing', 'När upptäckte ni incidenten?'],
      [10, 'date_in_future', 'När upptäckte ni incidenten?'],
      [11, 'title_too_long', 'Rubrik'],
    ]);
    expect(problems[0].message).toBe('Rubriken saknas. Fyll i kolumnen "Rubrik".');
    expect(problems[1].message).toContain(
      'Kolumnen "När upptäckte ni incidenten?" har ingen tidpunkt som går att läsa',
    );
    expect(problems[3].message).toContain('Mänskliga faktorn: fel i det enskilda fallet');
    expect(problems[5].message).toBe(
      'Raden har 3 fält men rubrikraden har 7. Troligen saknas ett fält, eller så innehåller en cell avgränsaren (tabb, semikolon eller komma) utan citattecken runt cellen.',
    );
  });

  it('never quotes the cells of a rejected row in its problems', () => {
    const secret = 'Anna Andersson 19121212-1212';
    const { problems } = readRegister(
      HEADERS,
      [row(2, { description: secret, discoveredAt: secret, cause: secret, unlikelyRisk: secret })],
      NOW,
    );
    expect(problems).toHaveLength(3);
    for (const p of problems) {
      expect(p.message).not.toContain('Anna');
      expect(p.message).not.toContain('1212');
    }
  });

  it('accepts extra empty trailing cells but not extra filled ones', () => {
    const ok = row(2, {});
    const { entries, problems } = readRegister(
      HEADERS,
      [
        { line: 2, cells: [...ok.cells, '', ' '] },
        { line: 3, cells: [...ok.cells, 'x'] },
      ],
      NOW,
    );
    expect(entries.map((e) => e.line)).toEqual([2]);
    expect(problems.map((p) => [p.line, p.code])).toEqual([[3, 'column_count']]);
  });

  it('skips blank rows and gives identical rows increasing ordinals under one content key', () => {
    const { entries, problems } = readRegister(
      HEADERS,
      [
        row(2, {}),
        { line: 3, cells: ['', '', '', '', '', '', ''] },
        row(4, { discoveredAt: '2024-02-05T10:30' }),
        row(5, { title: 'Annat' }),
      ],
      NOW,
    );
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.line, e.ordinal])).toEqual([
      [2, 0],
      [4, 1],
      [5, 0],
    ]);
    expect(entries[0].contentKey).toBe(entries[1].contentKey);
    expect(entries[2].contentKey).not.toBe(entries[0].contentKey);
  });

  it('takes a historical register as it is, less invisible controls, direction controls in titles and units, and broken characters', () => {
    const { entries, problems } = readRegister(
      HEADERS,
      [
        row(2, {
          title: 'Bilaga \u202Eexe.fdp\u202C\u007F',
          description: 'Rad ett\u0085\nCitat \u2067x\u2069 \uD800slut',
        }),
      ],
      NOW,
    );
    expect(problems).toEqual([]);
    expect(entries[0]).toMatchObject({ title: 'Bilaga exe.fdp', description: 'Rad ett\nCitat \u2067x\u2069 slut' });
  });

  it('keeps a register from before the GDPR (kept under PUL), but not a year before 1970, and never reads a year of fewer than four digits', () => {
    const { entries, problems } = readRegister(
      HEADERS,
      [
        row(2, { discoveredAt: '2016-03-01 10:00', occurredAt: '2016-02-28 10:00' }),
        row(3, { discoveredAt: '1969-12-31 10:00', occurredAt: '' }),
        row(4, { discoveredAt: '0019-03-01T10:00:00Z', occurredAt: '' }),
      ],
      NOW,
    );
    expect(entries.map((e) => [e.line, e.discoveredAt])).toEqual([[2, '2016-03-01T09:00:00.000Z']]);
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'date_too_early'],
      [4, 'date_too_early'],
    ]);
    expect(problems[0].message).toBe(
      'Tidpunkten i kolumnen "När upptäckte ni incidenten?" ligger före år 1970. Kontrollera årtalet.',
    );
  });

  it('accepts an ISO time with zone and a date alone (midnight Stockholm time)', () => {
    const { entries } = readRegister(
      HEADERS,
      [row(2, { discoveredAt: '2024-07-01T08:00:00Z', occurredAt: '2024-07-01' })],
      NOW,
    );
    expect(entries[0]).toMatchObject({
      discoveredAt: '2024-07-01T08:00:00.000Z',
      occurredAt: '2024-06-30T22:00:00.000Z',
    });
  });

  it('throws RegisterHeaderError naming the missing columns when the header row is not the register', () => {
    expect(() => readRegister(['Namn', 'Datum'], [], NOW)).toThrow(RegisterHeaderError);
    expect(() => readRegister(['Namn', 'Datum'], [], NOW)).toThrow(
      'Första raden saknar registrets kolumn "Rubrik" och "När upptäckte ni incidenten?"',
    );
  });

  it('reads the optional columns a file lacks as blank and says which', () => {
    const { entries, missingColumns } = readRegister(
      ['Rubrik', 'När upptäckte ni incidenten?'],
      [{ line: 2, cells: ['Titel', '2024-01-02 08:00'] }],
      NOW,
    );
    expect(entries[0]).toMatchObject({
      title: 'Titel',
      description: '',
      unlikelyRisk: null,
      reportedToAuthority: null,
    });
    expect(missingColumns).toEqual(REGISTER_COLUMNS.slice(2).map((c) => c.header));
  });
});

describe('registerRowToNewIncident', () => {
  const read = (cells: Parameters<typeof row>[1]) => readRegister(HEADERS, [row(2, cells)], NOW).entries[0];

  it('makes a closed, historical incident from the import with the clock from discovery', () => {
    const { incident, event } = registerRowToNewIncident(
      read({ unlikelyRisk: 'Ja', reportedToAuthority: 'Nej' }),
      'import-abc',
      importer,
      NOW,
    );
    expect(incident).toMatchObject({
      reportId: 'import-abc',
      source: 'import',
      reporter: importer,
      status: 'closed',
      nextReminderAt: null,
      discoveredAt: '2024-02-05T09:30:00.000Z',
      awareAt: '2024-02-05T09:30:00.000Z',
      deadline: '2024-02-08T09:30:00.000Z',
      assessment: {
        risk: 'unlikely',
        rationale: IMPORTED_RATIONALE,
        assessedAt: NOW.toISOString(),
        assessedBy: importer,
      },
      reportedToAuthority: false,
      breachTypes: [],
      dataCategories: [],
      cause: 'human-error',
    });
    expect(incident.imyNotice).toBeUndefined();
    expect(event).toEqual({ at: NOW.toISOString(), actor: importer, type: 'imported', data: { line: 2 } });
  });

  it('records "reported" Ja as an IMY notice without a time and "unlikely" Nej as a risk assessment', () => {
    const { incident } = registerRowToNewIncident(read({}), 'import-abc', importer, NOW);
    expect(incident.assessment?.risk).toBe('risk');
    expect(incident.reportedToAuthority).toBe(true);
    expect(incident.imyNotice).toEqual({
      phased: false,
      notifiedAt: undefined,
      recordedAt: NOW.toISOString(),
      recordedBy: importer,
    });
  });

  it('leaves blank answers unanswered: no assessment, reported null', () => {
    const { incident } = registerRowToNewIncident(
      read({ unlikelyRisk: '', reportedToAuthority: '' }),
      'import-abc',
      importer,
      NOW,
    );
    expect(incident.assessment).toBeUndefined();
    expect(incident.imyNotice).toBeUndefined();
    expect(incident.reportedToAuthority).toBeNull();
  });
});

describe('incidentToRegisterRow', () => {
  it('writes the register columns in Stockholm time and the app columns after them', () => {
    const cells = registerRowCells(incidentToRegisterRow(anIncident()));
    expect(Object.fromEntries(EXPORT_HEADERS.map((h, i) => [h, cells[i]]))).toEqual({
      Rubrik: 'Fel mottagare',
      'När upptäckte ni incidenten?': '2024-03-31 10:15',
      'Beskrivning av incidenten': 'Mejl till fel person.',
      'Är det osannolikt att incidenten medfört en risk för de registrerades fri- och rättigheter?': 'Nej',
      'Har incidenten anmälts till en tillsynsmyndighet?': 'Ja',
      'När inträffade incidenten?': '2024-03-31 09:00',
      'Varför inträffade incidenten enligt er uppfattning?': 'Mänskliga faktorn: fel i det enskilda fallet',
      Nummer: 'PUI-2024-0007',
      Status: 'Anmäld till IMY',
      Källa: 'Outlook',
      Enhet: '',
      Ansvarig: 'Dataskyddsombudet',
      Riskbedömning: 'Medför en hög risk',
      'IMY-diarienummer': 'IMY-2024-123',
      'Anmäld till IMY (tid)': '2024-04-01 14:00',
      Frist: '2024-04-03 10:15',
      'Typ av incident': 'Konfidentialitet (obehörig har fått del av uppgifter)',
      'Typ av uppgifter':
        'Personnummer eller samordningsnummer; Socialtjänstuppgifter (sekretess enligt OSL 26 kap. 1 §)',
      'Antal berörda': '2',
      'Vidtagna åtgärder': 'Mottagaren ombads radera.',
      'Kategorier av registrerade': '',
      'Antal personuppgiftsposter': '',
      'Troliga konsekvenser': '',
      'Planerade åtgärder': '',
      Gränsöverskridande: '',
      'Att granska': '',
    });
  });

  it("writes the notice's details in their columns", () => {
    const row = incidentToRegisterRow(
      anIncident({
        noticeDetails: {
          subjectCategories: ['clients', 'employees'],
          recordCount: 40,
          consequences: ['secrecy'],
          consequencesText: 'Kan spridas.',
          plannedMeasures: 'Ny rutin.',
          crossBorder: false,
          recordedAt: '2024-04-01T12:00:00.000Z',
          recordedBy: { id: 'd', name: 'Dataskyddsombudet' },
        },
      }),
    );
    expect([row.subjectCategories, row.recordCount, row.consequences, row.plannedMeasures, row.crossBorder]).toEqual([
      'Klienter eller brukare inom socialtjänsten; Anställda',
      '40',
      'Röjande av uppgifter som omfattas av sekretess eller tystnadsplikt; Kan spridas.',
      'Ny rutin.',
      'Nej',
    ]);
  });

  it('writes unanswered questions as empty cells and lists the register findings', () => {
    const row = incidentToRegisterRow(
      anIncident({
        assessment: undefined,
        imyNotice: undefined,
        reportedToAuthority: null,
        cause: undefined,
        occurredAt: '2024-04-01T07:00:00.000Z',
      }),
    );
    expect([row.unlikelyRisk, row.reportedToAuthority, row.cause, row.risk]).toEqual(['', '', '', '']);
    expect(row.findings).toBe('Inträffade efter att den upptäcktes; Risken är inte bedömd');
  });

  it('reads back to the same content key as the stored incident', () => {
    const incident = anIncident({ discoveredAt: '2024-03-31T08:15:42.123Z' });
    const cells = registerRowCells(incidentToRegisterRow(incident));
    const { entries } = readRegister([...EXPORT_HEADERS], [{ line: 2, cells }], NOW);
    expect(entries[0].contentKey).toBe(incidentContentKey(incident));
    expect(entries[0].number).toBe('PUI-2024-0007');
  });
});
