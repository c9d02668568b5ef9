import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { describeLegalHoldContract } from '../contract/legal-hold-contract';

describeLegalHoldContract('sqlite (temporary file)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pui-hold-'));
  return {
    stores: SqliteStores.open(path.join(dir, 'incidents.db')),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
