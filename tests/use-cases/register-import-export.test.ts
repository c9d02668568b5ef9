import { Forbidden, newIncident, parseReportInput, ValidationError, type Caller } from '../../src/domain';
import {
  EXPORT_HEADERS,
  readRegister,
  REGISTER_COLUMNS,
  registerRowCells,
  type RegisterRecord,
} from '../../src/domain/register-row';
import { allIncidents, exportRegister } from '../../src/use-cases/export-register';
import { importRegister, importReportId } from '../../src/use-cases/import-register';
import { summariseRegister } from '../../src/use-cases/summarise-register';
import { RegisterFakeStore } from '../support/register-fake-store';

const NOW = new Date('2026-01-15T09:00:00Z');
const dpo: Caller = { id: 'cli', name: 'Dataskyddsombudet', roles: ['dpo'] };
const reporter: Caller = { id: 'u1', name: 'Handläggare', roles: ['reporter'] };
const HEADERS = REGISTER_COLUMNS.map((c) => c.header);
const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function record(line: number, title: string, discovered = '2024-02-05 10:30'): RegisterRecord {
  return { line, cells: [title, discovered, 'Beskrivning', 'Nej', 'Ja', '', 'Övrigt'] };
}

function deps(store = new RegisterFakeStore()) {
  return { store, clock: { now: () => NOW }, logger };
}

describe('importRegister', () => {
  it('stores the readable rows as closed incidents with an imported audit event, and counts the rejected lines', async () => {
    const d = deps();
    const read = readRegister(HEADERS, [record(2, 'A'), record(3, ''), record(4, 'B')], NOW);
    const result = await importRegister(d, dpo, read);
    expect(result).toMatchObject({ imported: 2, alreadyThere: 0, rejected: 1 });
    expect(result.rows).toEqual([
      { line: 2, number: 'PUI-2024-0001', created: true },
      { line: 4, number: 'PUI-2024-0002', created: true },
    ]);
    expect(d.store.incidents.map((i) => [i.title, i.status, i.source, i.reporter.name])).toEqual([
      ['A', 'closed', 'import', 'Dataskyddsombudet'],
      ['B', 'closed', 'import', 'Dataskyddsombudet'],
    ]);
    expect(d.store.auditEvents.map((e) => [e.type, e.data])).toEqual([
      ['imported', { line: 2 }],
      ['imported', { line: 4 }],
    ]);
  });

  it('adds nothing when the same rows are imported again', async () => {
    const d = deps();
    const read = readRegister(HEADERS, [record(2, 'A'), record(3, 'B')], NOW);
    await importRegister(d, dpo, read);
    const again = await importRegister(
      d,
      dpo,
      readRegister(HEADERS, [record(2, 'A'), record(3, 'B')], new Date('2026-02-01T00:00:00Z')),
    );
    expect(again).toMatchObject({ imported: 0, alreadyThere: 2, rejected: 0 });
    expect(d.store.incidents).toHaveLength(2);
  });

  it('keeps two identical rows as two incidents, and a re-import finds each once', async () => {
    const d = deps();
    const twice = readRegister(HEADERS, [record(2, 'A'), record(3, 'A')], NOW);
    expect((await importRegister(d, dpo, twice)).imported).toBe(2);
    expect(
      await importRegister(d, dpo, readRegister(HEADERS, [record(2, 'A'), record(3, 'A'), record(4, 'A')], NOW)),
    ).toMatchObject({ imported: 1, alreadyThere: 2 });
    expect(d.store.incidents).toHaveLength(3);
  });

  it('derives a stable report id from content and ordinal', () => {
    const [a, b] = readRegister(HEADERS, [record(2, 'A'), record(7, 'A')], NOW).entries;
    expect(importReportId(a)).toMatch(/^import-[0-9a-f]{64}$/);
    expect(importReportId(a)).toBe(importReportId({ contentKey: a.contentKey, ordinal: 0 }));
    expect(importReportId(b)).not.toBe(importReportId(a));
  });

  it('is for the DPO only', async () => {
    await expect(importRegister(deps(), reporter, { entries: [], problems: [] })).rejects.toThrow(Forbidden);
  });
});

describe('exportRegister', () => {
  it('pages through every incident and returns them oldest discovery first', async () => {
    const d = deps(new RegisterFakeStore(2));
    await importRegister(
      d,
      dpo,
      readRegister(
        HEADERS,
        [
          record(2, 'C', '2024-03-01'),
          record(3, 'A', '2024-01-01'),
          record(4, 'B', '2024-02-01'),
          record(5, 'D', '2024-04-01'),
          record(6, 'E', '2024-05-01'),
        ],
        NOW,
      ),
    );
    const seen: string[] = [];
    for await (const i of allIncidents(d.store)) seen.push(i.title);
    expect(seen).toEqual(['E', 'D', 'C', 'B', 'A']);
    expect((await exportRegister(d, dpo)).map((r) => r.title)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('recognises the export of an incident reported here (by number and content) and adds nothing', async () => {
    const d = deps();
    const input = parseReportInput(
      {
        title: 'Mejl till fel mottagare',
        description: 'Skickat fel.\r\nRad två.',
        discoveredAt: '2025-11-20T14:30:27+01:00',
        cause: 'human-error',
      },
      NOW,
    );
    await d.store.create(newIncident(input, reporter, 'outlook', 'report-1234567890', NOW), {
      at: NOW.toISOString(),
      actor: reporter,
      type: 'reported',
      data: {},
    });
    const [row] = await exportRegister(d, dpo);
    const read = readRegister(EXPORT_HEADERS, [{ line: 2, cells: registerRowCells(row) }], NOW);
    expect(await importRegister(d, dpo, read)).toMatchObject({
      imported: 0,
      alreadyThere: 1,
      notes: [],
      rows: [{ line: 2, number: 'PUI-2025-0001', created: false }],
    });
    expect(d.store.incidents).toHaveLength(1);
  });

  it('imports an exported row whose number exists with other content as new, with a note', async () => {
    const d = deps();
    await importRegister(d, dpo, readRegister(HEADERS, [record(2, 'A')], NOW));
    const [row] = await exportRegister(d, dpo);
    const result = await importRegister(
      d,
      dpo,
      readRegister(EXPORT_HEADERS, [{ line: 2, cells: registerRowCells({ ...row, title: 'A (rättad)' }) }], NOW),
    );
    expect(result).toMatchObject({ imported: 1, alreadyThere: 0 });
    expect(result.notes.map((n) => [n.line, n.code])).toEqual([[2, 'number_content_differs']]);
    expect(d.store.incidents.map((i) => i.title)).toEqual(['A', 'A (rättad)']);
  });

  it('is for the DPO only', async () => {
    await expect(exportRegister(deps(), reporter)).rejects.toThrow(Forbidden);
  });
});

describe('summariseRegister', () => {
  it('counts and lists the incidents discovered in the period', async () => {
    const d = deps();
    await importRegister(
      d,
      dpo,
      readRegister(
        HEADERS,
        [record(2, 'A', '2024-01-01'), record(3, 'B', '2024-06-30 23:59'), record(4, 'C', '2024-07-01 00:00')],
        NOW,
      ),
    );
    const summary = await summariseRegister(d, dpo, { from: '2024-01-01', to: '2024-06-30' });
    expect(summary.report.total).toBe(2);
    expect(summary.incidents.map((i) => i.title)).toEqual(['A', 'B']);
  });

  it('refuses a bad period before reading, and refuses a reporter', async () => {
    await expect(summariseRegister(deps(), dpo, { from: 'igår' })).rejects.toThrow(ValidationError);
    await expect(summariseRegister(deps(), reporter)).rejects.toThrow(Forbidden);
  });
});
