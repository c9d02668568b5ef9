import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { committeeTemplatesFrom } from '../../src/documents/committee-templates';
import { DEFAULT_COMMITTEE_TEMPLATE } from '../../src/domain/committee-report';
import { startServer } from '../../src/main';
import { openDocx, paragraphsOf } from '../support/docx-reader';
import { startTestServer } from '../support/test-server';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pui-template-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('the committee report template settings', () => {
  it('ship the defaults as files to copy and edit (templates/committee-report.sv.txt, .en.txt)', () => {
    const shipped = committeeTemplatesFrom({
      COMMITTEE_REPORT_TEMPLATE: join(__dirname, '..', '..', 'templates', 'committee-report.sv.txt'),
      COMMITTEE_REPORT_TEMPLATE_EN: join(__dirname, '..', '..', 'templates', 'committee-report.en.txt'),
    });
    expect(shipped).toEqual(DEFAULT_COMMITTEE_TEMPLATE);
  });

  it('read the Swedish and English files; a language without a setting keeps the default', () => {
    const sv = file('sv.txt', '# Förslag till beslut\nNämnden noterar {{total}}.\n# Bakgrund\nText.\n');
    expect(committeeTemplatesFrom({ COMMITTEE_REPORT_TEMPLATE: sv })).toEqual({
      sv: { proposal: ['Nämnden noterar {{total}}.'], background: ['Text.'] },
    });
    const en = file('en.txt', '# Proposed decision\nNoted.\n# Background\n{{late}} late.\n');
    expect(committeeTemplatesFrom({ COMMITTEE_REPORT_TEMPLATE_EN: en }).en?.background).toEqual(['{{late}} late.']);
    expect(committeeTemplatesFrom({})).toEqual({});
  });

  it('name the variable when the file is missing or cannot be used', () => {
    expect(() => committeeTemplatesFrom({ COMMITTEE_REPORT_TEMPLATE: join(dir, 'nope.txt') })).toThrow(
      /^COMMITTEE_REPORT_TEMPLATE: the file .*nope\.txt cannot be read \(ENOENT\)$/,
    );
    const bad = file('bad.txt', '# Förslag till beslut\n{{antal}}\n# Bakgrund\nText\n');
    expect(() => committeeTemplatesFrom({ COMMITTEE_REPORT_TEMPLATE_EN: bad })).toThrow(
      /^COMMITTEE_REPORT_TEMPLATE_EN \(.*bad\.txt\): unknown placeholder \{\{antal\}\}/,
    );
  });

  it('stop the server from starting when unusable', async () => {
    await expect(
      startServer({
        port: 0,
        dbFile: join(dir, 'pui.db'),
        env: { NODE_ENV: 'test', COMMITTEE_REPORT_TEMPLATE: join(dir, 'nope.txt') },
      }),
    ).rejects.toThrow(/COMMITTEE_REPORT_TEMPLATE: the file/);
  });

  it('give the server’s document its texts', async () => {
    const sv = file('sv.txt', '# Förslag till beslut\nNämnden noterar {{total}} incidenter.\n# Bakgrund\nEgen text.\n');
    const server = await startTestServer({ env: { NODE_ENV: 'test', COMMITTEE_REPORT_TEMPLATE: sv } });
    try {
      const res = await fetch(`${server.url}/api/register/report?format=docx`);
      expect(res.status).toBe(200);
      const paragraphs = paragraphsOf((await openDocx(new Uint8Array(await res.arrayBuffer()))).document);
      expect(paragraphs).toEqual(expect.arrayContaining(['Nämnden noterar 0 incidenter.', 'Egen text.']));
    } finally {
      await server.close();
    }
  });
});
