/**
 * The committee report as Word, made by the CLI on the fixture register: the figures equal
 * `report --format json`'s, one appendix row per incident, and no identity number or e-mail
 * address anywhere in the file's XML.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRegisterCli } from '../../src/cli/register';
import { CAUSES } from '../../src/domain/causes';
import { findEmailAddresses, findIdentityNumbers } from '../../src/domain/identity-number';
import { REGISTER_COLUMNS } from '../../src/domain/register-row';
import { openDocx, paragraphsOf, tablesOf } from '../support/docx-reader';
import { RegisterFakeStore } from '../support/register-fake-store';

const FIXTURE = join(__dirname, '..', 'fixtures', 'register-sample.tsv');
const NOW = new Date('2026-01-15T09:00:00Z');
/** A row whose title and description hold a (checksum-valid) identity number and an e-mail address. */
const PERSONAL_ROW = [
  'Utredning om 19121212-1212 skickad fel',
  '2024-12-01 10:00',
  'Skickad till anna.svensson@exempel.se, gäller 121212-1212.',
  'Nej',
  'Nej',
  '2024-12-01 09:00',
  'Övrigt',
].join('\t');

let dir: string;
let store: RegisterFakeStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pui-docx-'));
  store = new RegisterFakeStore();
  expect((await run(['import', FIXTURE])).code).toBe(0);
  const extra = join(dir, 'extra.tsv');
  writeFileSync(extra, `${REGISTER_COLUMNS.map((c) => c.header).join('\t')}\n${PERSONAL_ROW}\n`);
  expect((await run(['import', extra])).code).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRegisterCli(argv, {
    openStore: async () => ({ incidents: store, close: async () => undefined }),
    stdout: { write: (c) => out.push(String(c)) },
    stderr: { write: (c) => err.push(String(c)) },
    now: () => NOW,
    user: 'Dana Dataskydd',
    cwd: dir,
    organisation: { name: 'Exempelby kommun', committee: 'Socialnämnden', dpo: {} },
  });
  return { code, out: out.join(''), err: err.join('') };
}

/** Every text a person could find in the file: all XML parts, tags stripped, entities kept. */
function allText(parts: Record<string, string>): string {
  return Object.values(parts)
    .map((xml) => xml.replace(/<[^>]+>/g, ' '))
    .join('\n');
}

describe('npm run register -- report --format docx', () => {
  it('writes the memo with the figures of report --format json and one appendix row per incident', async () => {
    const json = JSON.parse((await run(['report', '--format', 'json'])).out);
    const result = await run(['report', '--format', 'docx', '--out', 'r.docx', '--case-number', 'SN 2026/0071']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Skrev redovisningen (${json.total} incidenter) till`);
    const docx = await openDocx(readFileSync(join(dir, 'r.docx')));
    const paragraphs = paragraphsOf(docx.document);
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        'Redovisning av personuppgiftsincidenter hela registret',
        'Organisation: Exempelby kommun',
        'Nämnd: Socialnämnden',
        'Datum: 2026-01-15',
        'Ärendebeteckning: SN 2026/0071',
        'Handläggare: Dana Dataskydd',
        'Förslag till beslut',
        'Bakgrund',
        'Bilaga: Sammanställning',
      ]),
    );
    expect(paragraphs.join('\n')).toContain(
      `upptäcktes ${json.total} personuppgiftsincidenter. ${json.reportedToAuthority} anmäldes till IMY. ${json.assessedUnlikelyRisk} bedömdes som osannolik risk`,
    );
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        '________________________________\nDana Dataskydd\nHandläggare',
        '________________________________\nFörvaltningschef',
      ]),
    );
    const [figures, findings, appendix] = tablesOf(docx.document);
    expect(figures).toEqual([
      ['', 'Antal'],
      ['Incidenter', String(json.total)],
      ['Anmälda till IMY', String(json.reportedToAuthority)],
      ['Bedömda som osannolik risk', String(json.assessedUnlikelyRisk)],
      ['Risken inte bedömd', String(json.unassessed)],
      ['Anmälda senare än 72 timmar', '0'],
    ]);
    const findingCount = (label: string) => findings.find((row) => row[0] === label)?.[1];
    expect(findingCount('Risk bedömd som inte osannolik men inte anmäld till IMY')).toBe(
      String(json.anomalies.riskButNotReported),
    );
    expect(findingCount('Inträffade efter att den upptäcktes')).toBe(String(json.anomalies.occurredAfterDiscovered));
    expect(appendix[0]).toEqual(['Nummer', ...REGISTER_COLUMNS.map((c) => c.header)]);
    expect(appendix).toHaveLength(json.total + 1);
    const numbers = appendix.slice(1).map((row) => row[0]);
    expect([...numbers].sort()).toEqual(store.incidents.map((i) => i.number).sort());
    const causes = appendix.slice(1).map((row) => row[7]);
    for (const cause of CAUSES) expect(causes.filter((c) => c === cause.label)).toHaveLength(json.byCause[cause.id]);
    expect(causes.filter((c) => c === '')).toHaveLength(json.byCause.unspecified);
  });

  it('masks identity numbers and e-mail addresses everywhere in the file', async () => {
    expect((await run(['report', '--format', 'docx', '--out', 'r.docx'])).code).toBe(0);
    const docx = await openDocx(readFileSync(join(dir, 'r.docx')));
    const text = allText(docx.parts);
    expect(findIdentityNumbers(text)).toEqual([]);
    expect(findEmailAddresses(text)).toEqual([]);
    expect(text).not.toMatch(/1212|anna\.svensson/);
    const row = tablesOf(docx.document)[2].find((r) => r[1].startsWith('Utredning om'))!;
    expect(row.slice(1, 4)).toEqual([
      'Utredning om [personnummer] skickad fel',
      '2024-12-01 10:00',
      'Skickad till [e-postadress], gäller [personnummer].',
    ]);
  });

  it('carries the chart as a PNG with alt text that says the figures', async () => {
    expect((await run(['report', '--format', 'docx', '--out', 'r.docx', '--from', '2024-01-01'])).code).toBe(0);
    const docx = await openDocx(readFileSync(join(dir, 'r.docx')));
    expect(docx.media).toHaveLength(1);
    expect(docx.media[0]).toMatch(/\.png$/);
    const descr = /<wp:docPr [^>]*descr="([^"]*)"/.exec(docx.document)?.[1] ?? '';
    expect(descr).toContain('Stapeldiagram. Per månad: jan 2024');
    expect(descr).toContain('Mänskliga faktorn: fel i det enskilda fallet 3');
  });

  it('writes English with --lang en', async () => {
    expect((await run(['report', '--format', 'docx', '--out', 'en.docx', '--lang', 'en'])).code).toBe(0);
    const docx = await openDocx(readFileSync(join(dir, 'en.docx')));
    const paragraphs = paragraphsOf(docx.document);
    expect(paragraphs).toEqual(expect.arrayContaining(['Proposed decision', 'Background', 'Appendix: Summary']));
    expect(paragraphs).toContain('Case number: (to be filled in)');
    expect(tablesOf(docx.document)[2][0][1]).toBe('Title');
  });

  it.each([
    [['--case-number', '121212-1212'], 'personnummer eller en e-postadress', 2],
    [['--case-number', 'x'.repeat(61)], 'högst 60 tecken', 2],
    [['--lang', 'de'], '--lang ska vara sv eller en (inte "de").', 2],
    [['--from', '2024-13-01'], 'Startdatum (--from) ska vara ett datum', 2],
    [['--as-of', '2024-01-01'], 'report --format docx tar inte emot --as-of.', 2],
  ])('refuses %j and writes no file', async (args, message, exitCode) => {
    const result = await run(['report', '--format', 'docx', '--out', 'r.docx', ...args]);
    expect(result.code).toBe(exitCode);
    expect(result.err).toContain(message);
    expect(result.err).not.toContain('1212');
    expect(existsSync(join(dir, 'r.docx'))).toBe(false);
  });
});
