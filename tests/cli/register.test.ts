import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configuredStoreOpener, runRegisterCli, type RegisterCliDeps } from '../../src/cli/register';
import { loadConfig } from '../../src/config';
import { EXPORT_HEADERS, REGISTER_COLUMNS } from '../../src/domain/register-row';
import { provision } from '../../src/store/sharepoint/provisioning';
import { doubleHttp, fakeCredential, fastRetry } from '../store/support/sharepoint-fixture';
import { GraphDouble } from '../support/graph-double';
import { RegisterFakeStore } from '../support/register-fake-store';

const FIXTURE = join(__dirname, '..', 'fixtures', 'register-sample.tsv');
const NOW = new Date('2026-01-15T09:00:00Z');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pui-register-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
  bytes: Buffer;
}

async function run(argv: string[], store: RegisterFakeStore | RegisterCliDeps['openStore']): Promise<Run> {
  const out: Buffer[] = [];
  const err: string[] = [];
  const code = await runRegisterCli(argv, {
    openStore: typeof store === 'function' ? store : async () => ({ incidents: store, close: () => store.close() }),
    stdout: { write: (c) => out.push(Buffer.from(c)) },
    stderr: { write: (c) => err.push(String(c)) },
    now: () => NOW,
    user: 'dpo',
    cwd: dir,
  });
  const bytes = Buffer.concat(out);
  return { code, out: bytes.toString('utf8'), err: err.join(''), bytes };
}

function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const FIXTURE_REPORT = {
  period: { from: null, to: null },
  total: 10,
  reportedToAuthority: 4,
  assessedUnlikelyRisk: 3,
  unassessed: 1,
  byCause: {
    'human-error': 3,
    systematic: 1,
    technical: 1,
    insider: 1,
    'external-attack': 1,
    unknown: 1,
    other: 1,
    unspecified: 1,
  },
  anomalies: { occurredAfterDiscovered: 1, riskButNotReported: 2, reportedDespiteUnlikelyRisk: 0 },
};

describe('register import', () => {
  it('imports the fixture: ten incidents, causes mapped, blank answers kept blank', async () => {
    const store = new RegisterFakeStore();
    const result = await run(['import', FIXTURE], store);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Klart: 10 importerade, 0 fanns redan, 0 rader avvisade.');
    expect(store.incidents.map((i) => i.cause ?? null)).toEqual([
      'human-error',
      'technical',
      'human-error',
      'human-error',
      'insider',
      null,
      'systematic',
      'external-attack',
      'unknown',
      'other',
    ]);
    const blank = store.incidents.find((i) => i.title === 'Skrivarkö blandade ihop användare')!;
    expect(blank).toMatchObject({
      reportedToAuthority: null,
      assessment: undefined,
      imyNotice: undefined,
      status: 'closed',
      source: 'import',
      reporter: { id: 'cli', name: 'dpo' },
    });
    expect(store.incidents[0]).toMatchObject({
      discoveredAt: '2024-02-05T09:30:00.000Z',
      occurredAt: '2024-02-05T08:55:00.000Z',
      reportedToAuthority: true,
    });
    expect(store.incidents[0].description).toContain('"det här är inte till mig"');
  });

  it('adds nothing when the same file is imported twice', async () => {
    const store = new RegisterFakeStore();
    await run(['import', FIXTURE], store);
    const second = await run(['import', FIXTURE], store);
    expect(second.code).toBe(0);
    expect(second.out).toContain('Klart: 0 importerade, 10 fanns redan, 0 rader avvisade.');
    expect(store.incidents).toHaveLength(10);
  });

  it('reports malformed rows by line number with the reason and imports the rest', async () => {
    const lines = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
    const broken = [
      lines[0],
      lines[1],
      lines[2].replace('2024-03-11 14:00', '11 mars'),
      lines[3].replace(/^[^\t]+/, ''),
      lines[4].replace('Mänskliga faktorn: fel i det enskilda fallet', 'Slarv'),
      lines[5].split('\t').slice(0, 5).join('\t'),
      ...lines.slice(6),
    ].join('\n');
    const store = new RegisterFakeStore();
    const result = await run(['import', file('trasig.tsv', broken)], store);
    expect(result.code).toBe(0);
    expect(
      result.err
        .trimEnd()
        .split('\n')
        .map((l) => l.split(':')[0]),
    ).toEqual(['Rad 3', 'Rad 4', 'Rad 5', 'Rad 6']);
    expect(result.err).toContain(
      'Rad 3: Kolumnen "När upptäckte ni incidenten?" har ingen tidpunkt som går att läsa. Skriv tiden som 2024-02-05 10:30 (svensk tid)',
    );
    expect(result.err).toContain('Rad 4: Rubriken saknas. Fyll i kolumnen "Rubrik".');
    expect(result.err).toContain(
      'Rad 5: Orsaken i kolumnen "Varför inträffade incidenten enligt er uppfattning?" är inte någon av registrets sju orsaker.',
    );
    expect(result.err).toContain('Rad 6: Raden har 5 fält men rubrikraden har 7.');
    expect(result.err).not.toContain('signeringslistor');
    expect(result.out).toContain('Klart: 6 importerade, 0 fanns redan, 4 rader avvisade');
    expect(store.incidents).toHaveLength(6);
  });

  it.each([
    [';', 'register-semikolon.csv'],
    [',', 'register-komma.csv'],
  ])('reads CSV separated by %j', async (separator, name) => {
    const quote = (c: string) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const csv = readFileSync(FIXTURE, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t').map(quote).join(separator))
      .join('\r\n');
    const store = new RegisterFakeStore();
    const result = await run(['import', file(name, `\uFEFF${csv}\r\n`)], store);
    expect(result.err).toBe('');
    expect(result.out).toContain('Klart: 10 importerade, 0 fanns redan, 0 rader avvisade.');
    expect(store.incidents[1].cause).toBe('technical');
    expect(store.incidents[0].description).toContain('"det här är inte till mig"');
  });

  it('reads a Windows-1252 CSV as Swedish Excel saves it', async () => {
    const csv = readFileSync(FIXTURE, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) =>
        l
          .split('\t')
          .map((c) => (/[";]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
          .join(';'),
      )
      .join('\r\n');
    const store = new RegisterFakeStore();
    const result = await run(['import', file('latin.csv', Buffer.from(csv, 'latin1'))], store);
    expect(result.out).toContain('Klart: 10 importerade');
    expect(store.incidents[2].title).toBe('Borttappad mapp med signeringslistor');
    expect(store.incidents[3].title).toBe('Utskrift hamnade på fel skrivare');
  });

  it('fails with a clear message when the file does not exist, and opens no store', async () => {
    const opened = jest.fn();
    const result = await run(['import', 'finns-inte.tsv'], opened);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `Filen ${join(dir, 'finns-inte.tsv')} finns inte. Kontrollera sökvägen och filnamnet.`,
    );
    expect(opened).not.toHaveBeenCalled();
  });

  it('fails when nothing in the file can be read: wrong headers, or every row rejected', async () => {
    const store = new RegisterFakeStore();
    const wrong = await run(['import', file('fel.csv', 'Namn;Datum\nA;B\n')], store);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Första raden saknar registrets kolumn "Rubrik" och "När upptäckte ni incidenten?"');
    const allBad = await run(
      ['import', file('alla-fel.tsv', `${REGISTER_COLUMNS.map((c) => c.header).join('\t')}\n\t2024-01-01\t\t\t\t\t\n`)],
      store,
    );
    expect(allBad.code).toBe(1);
    expect(allBad.err).toContain('Rad 2: Rubriken saknas.');
    expect(allBad.err).toContain('Ingen rad i filen kunde läsas (1 rader avvisade). Inget importerades.');
    expect(store.incidents).toHaveLength(0);
  });

  it('asks for a file when none is given', async () => {
    const result = await run(['import'], new RegisterFakeStore());
    expect(result.code).toBe(2);
    expect(result.err).toContain('Ange en fil att importera');
  });
});

describe('register report', () => {
  it("prints exactly the issue's JSON shape with the fixture's counts", async () => {
    const store = new RegisterFakeStore();
    await run(['import', FIXTURE], store);
    const result = await run(['report', '--format', 'json'], store);
    expect(result.code).toBe(0);
    expect(result.out).toBe(`${JSON.stringify(FIXTURE_REPORT, null, 2)}\n`);
  });

  it('counts only incidents discovered within --from and --to, both inclusive', async () => {
    const store = new RegisterFakeStore();
    await run(['import', FIXTURE], store);
    const result = await run(['report', '--from', '2024-04-02', '--to', '2024-09-09', '--format', 'json'], store);
    expect(JSON.parse(result.out)).toEqual({
      period: { from: '2024-04-02', to: '2024-09-09' },
      total: 5,
      reportedToAuthority: 3,
      assessedUnlikelyRisk: 1,
      unassessed: 1,
      byCause: {
        'human-error': 2,
        systematic: 1,
        technical: 0,
        insider: 1,
        'external-attack': 0,
        unknown: 0,
        other: 0,
        unspecified: 1,
      },
      anomalies: { occurredAfterDiscovered: 0, riskButNotReported: 0, reportedDespiteUnlikelyRisk: 0 },
    });
    expect(JSON.parse((await run(['report', '--from', '2024-11-04', '--format', 'json'], store)).out).total).toBe(2);
    expect(JSON.parse((await run(['report', '--to', '2024-02-05', '--format', 'json'], store)).out).total).toBe(1);
  });

  it('prints a Swedish Markdown report with a table of the incidents (the default format)', async () => {
    const store = new RegisterFakeStore();
    await run(['import', FIXTURE], store);
    const result = await run(['report'], store);
    expect(result.code).toBe(0);
    expect(result.out).toContain('# Personuppgiftsincidenter – sammanställning');
    expect(result.out).toContain('| Anmälda till tillsynsmyndighet | 4 |');
    expect(result.out).toContain('| Nummer | Rubrik | Upptäckt | Orsak | Risk | Anmäld |');
    expect(result.out).toContain(
      '| PUI-2024-0001 | E-post med utredning skickad till fel mottagare | 2024-02-05 10:30 | Mänskliga faktorn: fel i det enskilda fallet | Risk | Ja |',
    );
    expect(result.out).toContain(
      '| PUI-2024-0006 | Skrivarkö blandade ihop användare | 2024-07-03 13:30 | Ej angiven | Ej bedömd | Ej besvarat |',
    );
    expect(result.out.split('\n').filter((l) => l.startsWith('| PUI-'))).toHaveLength(10);
    expect(result.out).not.toContain('Beskrivning');
  });

  it.each([
    [['report', '--from', '2024-02-30'], 'Startdatum (--from) ska vara ett datum som ÅÅÅÅ-MM-DD'],
    [['report', '--format', 'pdf'], '--format ska vara md, json eller docx för report (inte "pdf").'],
    [['report', '--out', 'x'], 'report tar inte emot --out.'],
    [['report', '--from'], 'Valet --from behöver ett värde'],
    [['report', '--verbose'], 'Okänt val --verbose.'],
    [['rapport'], 'Okänt kommando "rapport". Välj import, report, export, retention eller access-log-retention.'],
  ])('refuses %j with exit code 2 and says why', async (argv, message) => {
    const result = await run(argv, new RegisterFakeStore());
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });
});

describe('register export', () => {
  it('writes CSV (semicolon, UTF-8 with BOM) that imports into a fresh store with the same register columns', async () => {
    const first = new RegisterFakeStore();
    await run(['import', FIXTURE], first);
    const exported = await run(['export', '--format', 'csv', '--out', 'register.csv'], first);
    expect(exported.code).toBe(0);
    expect(exported.out).toContain('Skrev 10 incidenter till');
    const bytes = readFileSync(join(dir, 'register.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(EXPORT_HEADERS.join(';'));

    const fresh = new RegisterFakeStore();
    const imported = await run(['import', 'register.csv'], fresh);
    expect(imported.err).toBe('');
    expect(imported.out).toContain('Klart: 10 importerade, 0 fanns redan, 0 rader avvisade.');
    const registerColumns = (s: RegisterFakeStore) =>
      s.incidents.map((i) => [
        i.title,
        i.discoveredAt,
        i.description,
        i.assessment?.risk ?? null,
        i.reportedToAuthority,
        i.occurredAt ?? null,
        i.cause ?? null,
      ]);
    expect(registerColumns(fresh)).toEqual(registerColumns(first));
    // Same content, same report ids: importing the original file into the fresh store adds nothing.
    expect((await run(['import', FIXTURE], fresh)).out).toContain('Klart: 0 importerade, 10 fanns redan');
  });

  it('writes CSV to stdout when --out is not given', async () => {
    const store = new RegisterFakeStore();
    await run(['import', FIXTURE], store);
    const result = await run(['export'], store);
    expect(result.code).toBe(0);
    const lines = result.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(11);
    expect(
      lines[1].startsWith('E-post med utredning skickad till fel mottagare;2024-02-05 10:30;"En handläggare'),
    ).toBe(true);
  });

  it('writes XLSX that exceljs reads with the export headers and one row per incident', async () => {
    const store = new RegisterFakeStore();
    await run(['import', FIXTURE], store);
    const result = await run(['export', '--format', 'xlsx', '--out', 'register.xlsx'], store);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'register.xlsx'));
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_HEADERS]);
    expect(sheet.rowCount).toBe(11);
    const col = (header: string) => EXPORT_HEADERS.indexOf(header) + 1;
    expect(sheet.getRow(2).getCell(col('Rubrik')).value).toBe('E-post med utredning skickad till fel mottagare');
    expect(sheet.getRow(2).getCell(col('Nummer')).value).toBe('PUI-2024-0001');
    expect(sheet.getRow(2).getCell(col('Status')).value).toBe('Avslutad');
    expect(sheet.getRow(7).getCell(col('Har incidenten anmälts till en tillsynsmyndighet?')).value ?? '').toBe('');
    expect(sheet.getRow(10).getCell(col('Att granska')).value).toBe(
      'Inträffade efter att den upptäcktes; Risk bedömd som inte osannolik men inte anmäld till IMY',
    );

    const fresh = new RegisterFakeStore();
    expect((await run(['import', 'register.xlsx'], fresh)).out).toContain(
      'Klart: 10 importerade, 0 fanns redan, 0 rader avvisade.',
    );
    expect(fresh.incidents.map((i) => i.discoveredAt)).toEqual(store.incidents.map((i) => i.discoveredAt));
  });

  it('says where the folder is missing when --out cannot be written', async () => {
    const store = new RegisterFakeStore();
    const result = await run(['export', '--out', join('saknas', 'r.csv')], store);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Mappen ${join(dir, 'saknas')} finns inte.`);
  });
});

describe('register CLI on the SQLite store', () => {
  it('imports, reports and exports through the same database file, and closes it after each command', async () => {
    const db = join(dir, 'data', 'pui.db');
    const opener = configuredStoreOpener({ store: 'sqlite', dbFile: db });
    const missing = await run(['report'], opener);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Det finns inget register i');
    expect((await run(['import', FIXTURE], opener)).out).toContain(
      'Klart: 10 importerade, 0 fanns redan, 0 rader avvisade.',
    );
    expect((await run(['import', FIXTURE], opener)).out).toContain(
      'Klart: 0 importerade, 10 fanns redan, 0 rader avvisade.',
    );
    const report = await run(['report', '--format', 'json'], opener);
    expect(report.out).toBe(`${JSON.stringify(FIXTURE_REPORT, null, 2)}\n`);
    const csv = await run(['export'], opener);
    expect(csv.bytes.toString('utf8').trimEnd().split('\r\n')).toHaveLength(11);
  });
});

describe('register CLI on the SharePoint store (Graph double)', () => {
  let double: GraphDouble;
  beforeAll(async () => {
    double = await GraphDouble.start();
  });
  afterAll(async () => {
    await double.close();
  });

  /** The configuration `npm run register` reads with STORE=sharepoint, pointed at the double. */
  const sharePointEnv = (siteId: string) => ({
    NODE_ENV: 'test',
    STORE: 'sharepoint',
    SHAREPOINT_SITE_ID: siteId,
    SHAREPOINT_AUTH: 'managed-identity',
    GRAPH_BASE_URL: double.url,
    GRAPH_ORGANISATION: 'Testkommun',
  });
  const openerFor = (siteId: string) =>
    configuredStoreOpener(loadConfig(sharePointEnv(siteId)), { credential: fakeCredential, retry: fastRetry() });

  it('imports, reports and exports through the SharePoint adapter the server uses, from the same configuration', async () => {
    const siteId = double.addSite('contoso.sharepoint.com', '/sites/pui-register-cli');
    await provision(doubleHttp(double), siteId, 'Pui');
    const opener = openerFor(siteId);

    expect((await run(['import', FIXTURE], opener)).out).toContain(
      'Klart: 10 importerade, 0 fanns redan, 0 rader avvisade.',
    );
    expect(double.items(siteId, 'PuiIncidents')).toHaveLength(10);
    expect((await run(['import', FIXTURE], opener)).out).toContain(
      'Klart: 0 importerade, 10 fanns redan, 0 rader avvisade.',
    );
    const report = await run(['report', '--format', 'json'], opener);
    expect(report.out).toBe(`${JSON.stringify(FIXTURE_REPORT, null, 2)}\n`);
    const csv = await run(['export'], opener);
    expect(csv.bytes.toString('utf8').trimEnd().split('\r\n')).toHaveLength(11);
  });

  it('says to run provisioning when the site has no lists, and exits 1', async () => {
    const siteId = double.addSite('contoso.sharepoint.com', '/sites/pui-register-empty');

    const result = await run(['report'], openerFor(siteId));

    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'SharePoint-listorna saknas eller är gamla: The SharePoint site has no list PuiIncidents',
    );
    expect(result.err).toContain('npm run provision');
  });
});
