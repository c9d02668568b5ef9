import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { culledIncident } from '../../src/domain';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { aClosedIncident, aMark, describeIncidentCullingContract } from '../contract/incident-culling-contract';
import { aDpo } from '../support/incident-mother';

function aTempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pui-cull-'));
}

describeIncidentCullingContract('sqlite (temporary file)', async () => {
  const dir = aTempDir();
  return {
    stores: SqliteStores.open(path.join(dir, 'incidents.db')),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SQLite culling (migration 5)', () => {
  let dir: string;
  let file: string;
  let stores: SqliteStores;

  beforeEach(() => {
    dir = aTempDir();
    file = path.join(dir, 'incidents.db');
    stores = SqliteStores.open(file);
  });

  afterEach(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('still refuses to delete or change an event outside a cull', async () => {
    const incident = await aClosedIncident(stores.incidents);
    const raw = new Database(file);
    try {
      expect(() => raw.prepare('DELETE FROM incident_events WHERE incident_id = ?').run(incident.id)).toThrow(
        'incident_events is append-only (only a retention run culls it)',
      );
      expect(() => raw.prepare("UPDATE incident_events SET type = 'x'").run()).toThrow(
        'incident_events is append-only',
      );
      expect(raw.prepare('SELECT count(*) AS n FROM incident_events').get()).toEqual({ n: 4 });
      expect(raw.prepare('SELECT count(*) AS n FROM retention_culling').get()).toEqual({ n: 0 });
    } finally {
      raw.close();
    }
  });

  it('leaves no copy of the culled description in the database file once checkpointed', async () => {
    const marker = 'Unik beskrivning som ska gallras 7f3a';
    // Long enough for overflow pages, which a cull frees: secure_delete overwrites them.
    const incident = await aClosedIncident(stores.incidents, { description: `${marker} `.repeat(300) });
    await stores.incidents.cull(culledIncident(incident, aMark('whole')), {
      at: '2032-01-02T08:00:00.000Z',
      actor: aDpo,
      type: 'culled',
      data: { scope: 'whole', runId: 'run-1' },
    });
    await stores.close();
    const raw = new Database(file);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    stores = SqliteStores.open(file);

    expect(readFileSync(file).includes(Buffer.from(marker))).toBe(false);
    expect((await stores.incidents.get(incident.id))?.retention?.runId).toBe('run-1');
  });
});
