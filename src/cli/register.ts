/**
 * `npm run register -- <command>`: import the register a municipality keeps today, summarise it
 * for the committee, export it. Uses the store `npm start` uses, from the same configuration:
 * the SQLite file in PUI_DB, or with STORE=sharepoint the SharePoint site.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type AppConfig } from '../config';
import { DomainError, maskPersonalData, ValidationError, type Caller, type Logger, type Stores } from '../domain';
import { renderRegisterReportMarkdown, validateRegisterPeriod, type RegisterPeriod } from '../domain/register-report';
import { readRegister, type RegisterRowProblem } from '../domain/register-row';
import { stockholmDate } from '../domain/stockholm-time';
import {
  readRegisterFile,
  registerCsv,
  RegisterFileError,
  registerXlsx,
  type RegisterFileFormat,
} from '../register-files';
import { openStores, type OpenStoresOptions, type StoreConfig } from '../store/open-stores';
import { SharePointAccessDenied, SharePointNotProvisioned } from '../store/sharepoint/sharepoint-stores';
import { exportRegister } from '../use-cases/export-register';
import { importRegister } from '../use-cases/import-register';
import {
  listDueForCulling,
  prepareRetentionRun,
  retentionAuditExport,
  retentionRegisterExport,
} from '../use-cases/retention';
import { cullRetentionRun } from '../use-cases/retention-cull-run';
import { cullAccessLog, type AccessLogCullResult } from '../use-cases/access-log-retention';
import { summariseRegister } from '../use-cases/summarise-register';
import { committeeReport, committeeReportFilename } from '../use-cases/committee-report';
import { committeeReportDocx } from '../documents/committee-report-docx';
import { validateCaseNumber, type CommitteeTemplate } from '../domain/committee-report';
import type { Locale } from '../domain/i18n';
import type { Organisation } from '../domain/organisation';
import { retentionAsOf, type DueForCulling, type RetentionPolicy } from '../domain/retention';

/** Where the CLI writes. */
export interface Output {
  write(chunk: string | Uint8Array): unknown;
}

/** The part of the configured {@link Stores} the CLI works with (a retention run needs the app state too). */
export type RegisterStores = Pick<Stores, 'incidents' | 'close'> & Partial<Pick<Stores, 'appState' | 'accessLog'>>;

/** What the CLI needs from outside; tests pass fakes. */
export interface RegisterCliDeps {
  /**
   * Opens the stores (the CLI uses the register only). `read`: the register must already exist
   * (report, export); `write`: it may be created (import). Called only once the arguments are
   * known to be good.
   */
  openStore(purpose: 'read' | 'write'): Promise<RegisterStores>;
  stdout: Output;
  stderr: Output;
  now?: () => Date;
  /** The person running the command (recorded as importer). */
  user?: string;
  /** Folder for relative paths; default process.cwd(). */
  cwd?: string;
  /** What the records plan says (RETENTION_*); default keep. */
  retention?: RetentionPolicy;
  /** The organisation and committee the committee report names (ORGANISATION_NAME, COMMITTEE_NAME). */
  organisation?: Organisation;
  /** The committee report's texts (COMMITTEE_REPORT_TEMPLATE*); default the domain's. */
  committeeTemplates?: Partial<Record<Locale, CommitteeTemplate>>;
  /** ACCESS_LOG_RETENTION_DAYS; undefined: access records are kept. */
  accessLogDays?: number;
}

/** A failure the person at the terminal can act on; `message` is Swedish. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

/** The usage text. */
export const USAGE = `Användning: npm run register -- <kommando>

  import <fil>                     Läser in ett register (TSV, CSV med semikolon eller komma, eller XLSX)
                                   med registrets kolumnrubriker på första raden. Samma fil två gånger
                                   lägger inte till något. Rader som inte går att läsa listas med radnummer.
  report [--from ÅÅÅÅ-MM-DD] [--to ÅÅÅÅ-MM-DD] [--format md|json]
                                   Sammanställning för nämnden: incidenter upptäckta under perioden
                                   (båda datumen ingår; utan datum: hela registret). Standard: md.
  report --format docx [--out <fil>] [--from …] [--to …] [--case-number <ärendebeteckning>] [--lang sv|en]
                                   Redovisningen till nämnden som Word-dokument (tjänsteskrivelse med
                                   bilagan Sammanställning); du står som handläggare.
  export [--format csv|xlsx] [--out <fil>]
                                   Hela registret med registrets kolumner och appens. CSV (semikolon,
                                   UTF-8) skrivs till skärmen om --out saknas; XLSX till en fil.

  retention [--as-of ÅÅÅÅ-MM-DD] [--dry-run | --confirm [--out <mapp>]] [--format text|json]
                                   Visar vilka avslutade incidenter som ska gallras enligt
                                   RETENTION_YEARS/RETENTION_FROM/RETENTION_SCOPE (utan inställning:
                                   inga; registret bevaras). Med --confirm exporteras de först till
                                   <mapp> (standard: aktuell mapp) som XLSX och händelseloggen som
                                   JSON, sedan gallras de. En avbruten gallring slutförs av nästa körning.
  access-log-retention [--dry-run] [--format text|json]
                                   Gallrar åtkomstloggen (vem som läst vad): poster äldre än
                                   ACCESS_LOG_RETENTION_DAYS dagar tas bort (utan inställning: inga).
                                   Med --dry-run visas bara hur många som skulle tas bort.

Registret är detsamma som för npm start: filen i PUI_DB (standard .data/pui.db), eller med
STORE=sharepoint listorna på SharePoint-webbplatsen (SHAREPOINT_SITE_URL eller SHAREPOINT_SITE_ID).
`;

const FORMAT_NAMES: Record<RegisterFileFormat, string> = {
  tsv: 'tabbseparerad text',
  'csv-semicolon': 'CSV med semikolon',
  'csv-comma': 'CSV med komma',
  xlsx: 'Excel-arbetsbok',
};

const quietLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function problemLine(p: RegisterRowProblem, prefix = ''): string {
  return `Rad ${p.line}${prefix}: ${p.message}`;
}

function validationText(error: ValidationError): string {
  return error.issues.map((i) => i.message).join('\n');
}

/**
 * Runs one CLI command and returns the exit code: 0 done, 1 nothing could be done (file missing,
 * nothing readable, store unavailable), 2 wrong arguments.
 */
export async function runRegisterCli(argv: readonly string[], deps: RegisterCliDeps): Promise<number> {
  const { stdout, stderr } = deps;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        'as-of': { type: 'string' },
        'dry-run': { type: 'boolean' },
        confirm: { type: 'boolean' },
        out: { type: 'string' },
        'case-number': { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    stderr.write(`${maskPersonalData(argumentError(error))}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help' || command === undefined) {
    (command === undefined && !values.help ? stderr : stdout).write(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }

  const caller: Caller = { id: 'cli', name: deps.user ?? 'okänd användare', roles: ['dpo', 'admin'] };
  const now = deps.now ?? (() => new Date());
  const cwd = deps.cwd ?? process.cwd();
  let stores: RegisterStores | undefined;
  const open = async (purpose: 'read' | 'write') => (stores = await deps.openStore(purpose)).incidents;

  try {
    switch (command) {
      case 'import': {
        rejectOptions(values, [], 'import');
        if (rest.length !== 1)
          throw new CliFailure('Ange en fil att importera, till exempel: npm run register -- import register.tsv', 2);
        const file = path.resolve(cwd, rest[0]);
        const table = await readRegisterFile(file);
        const read = readRegister(table.headers, table.records, now());
        const problems = [...table.unreadable, ...read.problems];
        stdout.write(
          `Läser ${maskPersonalData(rest[0])} (${FORMAT_NAMES[table.format]}, ${table.records.length} rader efter rubrikraden).\n`,
        );
        for (const header of read.missingColumns) {
          stderr.write(`Obs: kolumnen "${header}" saknas i filen; svaren räknas som tomma.\n`);
        }
        if (read.entries.length === 0 && problems.length > 0) {
          for (const p of [...problems].sort((a, b) => a.line - b.line)) stderr.write(`${problemLine(p)}\n`);
          throw new CliFailure(
            `Ingen rad i filen kunde läsas (${new Set(problems.map((p) => p.line)).size} rader avvisade). Inget importerades. Rätta raderna ovan och kör importen igen.`,
          );
        }
        const result = await importRegister(
          { store: await open('write'), clock: { now }, logger: quietLogger },
          caller,
          { entries: read.entries, problems },
        );
        for (const p of result.problems) stderr.write(`${problemLine(p)}\n`);
        for (const n of result.notes) stderr.write(`${problemLine(n, ' (obs)')}\n`);
        stdout.write(
          `Klart: ${result.imported} importerade, ${result.alreadyThere} fanns redan, ${result.rejected} ${result.rejected === 1 ? 'rad' : 'rader'} avvisade` +
            `${result.rejected > 0 ? ' (se ovan; rätta dem och importera filen igen — redan importerade rader läggs inte till igen)' : ''}.\n`,
        );
        return 0;
      }
      case 'report': {
        if (values.format === 'docx') return await writeCommitteeReport(values, rest, { deps, caller, now, cwd, open });
        rejectOptions(values, ['from', 'to', 'format'], 'report');
        if (rest.length > 0) throw new CliFailure(`Okänt argument "${rest[0]}" till report.`, 2);
        const format = values.format ?? 'md';
        if (format !== 'md' && format !== 'json')
          throw new CliFailure(`--format ska vara md, json eller docx för report (inte "${format}").`, 2);
        const period: RegisterPeriod = { from: values.from, to: values.to };
        const summary = await summariseRegister({ store: await open('read') }, caller, period);
        stdout.write(
          format === 'json'
            ? `${JSON.stringify(summary.report, null, 2)}\n`
            : renderRegisterReportMarkdown(summary.report, summary.incidents),
        );
        return 0;
      }
      case 'export': {
        rejectOptions(values, ['format', 'out'], 'export');
        if (rest.length > 0) throw new CliFailure(`Okänt argument "${rest[0]}" till export. Ange filen med --out.`, 2);
        const format = values.format ?? 'csv';
        if (format !== 'csv' && format !== 'xlsx')
          throw new CliFailure(`--format ska vara csv eller xlsx för export (inte "${format}").`, 2);
        const rows = await exportRegister({ store: await open('read') }, caller);
        const bytes = format === 'csv' ? registerCsv(rows) : await registerXlsx(rows);
        const out = values.out ?? (format === 'xlsx' ? `pui-register-${stockholmDate(now())}.xlsx` : undefined);
        if (!out) {
          stdout.write(bytes);
          return 0;
        }
        const target = path.resolve(cwd, out);
        await writeOut(target, bytes);
        stdout.write(`Skrev ${rows.length} incidenter till ${maskPersonalData(target)}.\n`);
        return 0;
      }
      case 'retention': {
        rejectOptions(values, ['as-of', 'dry-run', 'confirm', 'format', 'out'], 'retention');
        if (rest.length > 0) throw new CliFailure(`Okänt argument "${rest[0]}" till retention.`, 2);
        const format = values.format ?? 'text';
        if (format !== 'text' && format !== 'json')
          throw new CliFailure(`--format ska vara text eller json för retention (inte "${format}").`, 2);
        if (values.confirm && values['dry-run'])
          throw new CliFailure('Välj --dry-run (visa) eller --confirm (gallra), inte båda. Inget har tagits bort.', 2);
        if (values.out !== undefined && !values.confirm)
          throw new CliFailure('--out anger var exporten före gallringen sparas och hör till --confirm.', 2);
        const asOf = asOfDate(values['as-of'], now());
        const policy = deps.retention ?? { kind: 'keep' };
        if (values.confirm) {
          stores = await deps.openStore('read');
          const result = await confirmRetention(
            stores,
            caller,
            policy,
            asOf,
            path.resolve(cwd, values.out ?? '.'),
            now,
          );
          writeRetentionResult(stdout, format, result, policy);
          return 0;
        }
        const due = await listDueForCulling({ store: await open('read') }, caller, policy, asOf);
        writeRetentionResult(stdout, format, { due, culled: [], skipped: [] }, policy, values['dry-run'] !== true);
        return 0;
      }
      case 'access-log-retention': {
        rejectOptions(values, ['dry-run', 'format'], 'access-log-retention');
        if (rest.length > 0) throw new CliFailure(`Okänt argument "${rest[0]}" till access-log-retention.`, 2);
        const format = values.format ?? 'text';
        if (format !== 'text' && format !== 'json')
          throw new CliFailure(`--format ska vara text eller json för access-log-retention (inte "${format}").`, 2);
        stores = await deps.openStore('read');
        const { appState, accessLog } = stores;
        if (!appState || !accessLog) throw new CliFailure('Registret har ingen åtkomstlogg att gallra.');
        const result = await cullAccessLog(
          { appState, accessLog, clock: { now }, logger: quietLogger },
          {
            days: deps.accessLogDays,
            owner: `cli:${randomUUID()}`,
            force: true,
            maxChunks: Number.POSITIVE_INFINITY,
            dryRun: values['dry-run'] === true,
          },
        );
        stdout.write(
          format === 'json'
            ? `${JSON.stringify({ days: deps.accessLogDays ?? null, ...result })}\n`
            : `${accessLogCullText(result, deps.accessLogDays)}\n`,
        );
        return result.outcome === 'busy' ? 1 : 0;
      }
      default:
        throw new CliFailure(
          `Okänt kommando "${command}". Välj import, report, export, retention eller access-log-retention.\n\n${USAGE}`,
          2,
        );
    }
  } catch (error) {
    // Messages name what was typed (file names, arguments): masked, like every text that leaves a use case.
    stderr.write(`${maskPersonalData(failureText(error))}\n`);
    return error instanceof CliFailure ? error.exitCode : error instanceof ValidationError ? 2 : 1;
  } finally {
    await stores?.close();
  }
}

/** `report --format docx`: the committee report as a Word file, written to `--out` (default a dated name). */
async function writeCommitteeReport(
  values: Record<string, string | boolean | undefined>,
  rest: string[],
  context: {
    deps: RegisterCliDeps;
    caller: Caller;
    now: () => Date;
    cwd: string;
    open: (purpose: 'read') => Promise<RegisterStores['incidents']>;
  },
): Promise<number> {
  rejectOptions(values, ['from', 'to', 'format', 'out', 'case-number', 'lang'], 'report --format docx');
  if (rest.length > 0) throw new CliFailure(`Okänt argument "${rest[0]}" till report. Ange filen med --out.`, 2);
  const lang = values.lang ?? 'sv';
  if (lang !== 'sv' && lang !== 'en') throw new CliFailure(`--lang ska vara sv eller en (inte "${String(lang)}").`, 2);
  const period: RegisterPeriod = { from: values.from as string | undefined, to: values.to as string | undefined };
  const ask = { period, caseNumber: values['case-number'] as string | undefined, lang } as const;
  // The case number's and the period's checks run before the register is opened.
  validateRegisterPeriod(period);
  validateCaseNumber(ask.caseNumber);
  const { deps, caller, now, cwd } = context;
  const content = await committeeReport(
    {
      store: await context.open('read'),
      clock: { now },
      organisation: deps.organisation,
      committeeTemplates: deps.committeeTemplates,
    },
    caller,
    ask,
  );
  const target = path.resolve(cwd, (values.out as string | undefined) ?? committeeReportFilename(period, lang));
  await writeOut(target, await committeeReportDocx(content));
  deps.stdout.write(
    `Skrev redovisningen (${content.appendix.rows.length} incidenter) till ${maskPersonalData(target)}.\n`,
  );
  return 0;
}

/** What `access-log-retention` did, in words. */
function accessLogCullText(result: AccessLogCullResult, days: number | undefined): string {
  const before = (cutoff: string) =>
    `lästa före ${stockholmDate(new Date(cutoff))} (ACCESS_LOG_RETENTION_DAYS=${days})`;
  switch (result.outcome) {
    case 'kept':
      return 'ACCESS_LOG_RETENTION_DAYS är inte satt: åtkomstloggen bevaras. Inget har tagits bort.';
    case 'dry-run':
      return `Torrkörning: ${result.due} poster i åtkomstloggen ${before(result.cutoff)} skulle tas bort. Inget har tagits bort.`;
    case 'culled':
      return `Tog bort ${result.culled} poster i åtkomstloggen ${before(result.cutoff)}.`;
    case 'busy':
      return `En annan instans gallrar åtkomstloggen just nu (senast till ${result.until}). Inget har tagits bort; försök igen senare.`;
    case 'not-due':
      return `Åtkomstloggen gallrades senast ${result.lastCulledAt}.`;
  }
}

/** `--as-of`: the whole day in Stockholm time; without it, now. */
function asOfDate(text: string | undefined, now: Date): Date {
  if (text === undefined) return now;
  const parsed = retentionAsOf(text);
  if (!parsed) throw new CliFailure(`--as-of ska vara ett datum som ÅÅÅÅ-MM-DD (inte "${text}").`, 2);
  return parsed;
}

/** What a retention command did: what was due, culled, skipped (held since), and the export's files. */
interface RetentionOutcome {
  due: DueForCulling[];
  culled: string[];
  skipped: string[];
  files?: { xlsx: string; audit: string };
}

/**
 * `--confirm`: prepares the run (or takes up one that stopped), writes both exports to `dir`, then
 * culls. A folder that cannot be written stops it before anything is removed.
 */
async function confirmRetention(
  stores: RegisterStores,
  caller: Caller,
  policy: RetentionPolicy,
  asOf: Date,
  dir: string,
  now: () => Date,
): Promise<RetentionOutcome> {
  if (!stores.appState)
    throw new CliFailure(
      'Gallringen behöver appens tillstånd (appState) i registret; kör med samma PUI_DB eller STORE som npm start.',
    );
  const deps = {
    store: stores.incidents,
    appState: stores.appState,
    accessLog: stores.accessLog,
    clock: { now },
    newId: randomUUID,
  };
  const run = await prepareRetentionRun(deps, caller, policy, asOf);
  if (!run) return { due: [], culled: [], skipped: [] };
  const base = path.join(dir, `gallring-${stockholmDate(now())}-${run.id.slice(0, 8)}`);
  const files = { xlsx: `${base}.xlsx`, audit: `${base}-handelser.json` };
  await writeOut(files.xlsx, await registerXlsx(await retentionRegisterExport(deps, caller, run.id)));
  const audit = await retentionAuditExport(deps, caller, run.id);
  await writeOut(files.audit, new TextEncoder().encode(`${JSON.stringify(audit, null, 2)}\n`));
  const result = await cullRetentionRun(deps, caller, run.id, run.items.length);
  const due = run.items.map(({ number, closedAt, dueAt }) => ({ number, closedAt, dueAt }));
  return { due, culled: result.culled, skipped: result.skipped, files };
}

function writeRetentionResult(
  stdout: Output,
  format: string,
  outcome: RetentionOutcome,
  policy: RetentionPolicy,
  hint = false,
): void {
  const { due, culled, skipped, files } = outcome;
  if (format === 'json') {
    const json = files ? { due, culled: culled.length, skipped, files } : { due, culled: culled.length };
    stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  if (due.length === 0) {
    stdout.write(
      policy.kind === 'cull'
        ? 'Inget att gallra.\n'
        : 'Inget att gallra: registret bevaras (RETENTION_YEARS är inte satt).\n',
    );
    return;
  }
  for (const d of due)
    stdout.write(`${d.number}  avslutad ${stockholmDate(d.closedAt)}  gallras från ${stockholmDate(d.dueAt)}\n`);
  if (!files) {
    stdout.write(
      `${due.length} att gallra (provkörning: inget togs bort).${hint ? ' Kör med --confirm för att gallra.' : ''}\n`,
    );
    return;
  }
  stdout.write(`Exporterade till ${maskPersonalData(files.xlsx)} och ${maskPersonalData(files.audit)}.\n`);
  if (skipped.length > 0) stdout.write(`Inte gallrade (spärrade sedan de listades): ${skipped.join(', ')}.\n`);
  stdout.write(`Klart: ${culled.length} gallrade.\n`);
}

function rejectOptions(values: Record<string, unknown>, allowed: string[], command: string): void {
  const extra = Object.keys(values).filter((k) => values[k] !== undefined && k !== 'help' && !allowed.includes(k));
  if (extra.length > 0) {
    throw new CliFailure(
      `${command} tar inte emot ${extra.map((k) => `--${k}`).join(', ')}.${allowed.length ? ` Tillåtna val: ${allowed.map((k) => `--${k}`).join(', ')}.` : ''}`,
      2,
    );
  }
}

function argumentError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const option = /'(-{1,2}[\w-]+)/.exec(e.message ?? '')?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Okänt val ${option ?? ''}.`.replace(' .', '.');
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return `Valet ${option ?? ''} behöver ett värde, till exempel --from 2024-01-01.`;
  return `Argumenten kunde inte tolkas: ${e.message ?? String(error)}`;
}

async function writeOut(target: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(target, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new CliFailure(`Mappen ${path.dirname(target)} finns inte. Skapa den eller välj en annan fil med --out.`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new CliFailure(`Ditt konto får inte skriva ${target}. Välj en annan fil med --out.`);
    if (code === 'EISDIR')
      throw new CliFailure(`${target} är en mapp. Ange ett filnamn med --out, till exempel --out register.xlsx.`);
    throw error;
  }
}

function failureText(error: unknown): string {
  if (error instanceof CliFailure || error instanceof RegisterFileError) return error.message;
  if (error instanceof ValidationError) return validationText(error);
  if (error instanceof DomainError) return error.message;
  const e = error as Error;
  return `Oväntat fel (${e?.name ?? 'Error'}): ${e?.message ?? String(error)}. Kör kommandot igen (en avbruten import kan köras om utan att något läggs till två gånger) och kontakta den som driftar PUI Desk om felet kvarstår.`;
}

/**
 * The stores of `npm start`, from the same configuration: the SQLite file named by PUI_DB, or
 * (STORE=sharepoint) the SharePoint site, opened through the same adapter as the server's.
 */
export function configuredStoreOpener(
  config: StoreConfig,
  options: OpenStoresOptions = {},
): RegisterCliDeps['openStore'] {
  return async (purpose) => {
    if (config.store === 'sqlite' && purpose === 'read' && !existsSync(config.dbFile)) {
      throw new CliFailure(
        `Det finns inget register i ${path.resolve(config.dbFile)}. Importera ett register först (npm run register -- import <fil>), starta appen med npm start, eller sätt PUI_DB till databasfilen som appen använder.`,
      );
    }
    try {
      return await openStores(config, options);
    } catch (error) {
      // The adapter's messages name the command or the grant to fix; they hold no personal data.
      if (error instanceof SharePointNotProvisioned)
        throw new CliFailure(`SharePoint-listorna saknas eller är gamla: ${error.message}`);
      if (error instanceof SharePointAccessDenied)
        throw new CliFailure(`SharePoint nekade appen åtkomst: ${error.message}`);
      throw error;
    }
  };
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    // No passwd entry (some containers): the name is only a label on the audit event.
    return 'okänd användare';
  }
}

/** Entry point for `node dist/src/cli/register.js`. */
export async function main(argv = process.argv.slice(2)): Promise<number> {
  let config: AppConfig;
  try {
    // The retention settings too (RETENTION_*, ACCESS_LOG_RETENTION_DAYS): a bad value names its variable.
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Konfigurationen är felaktig: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  return runRegisterCli(argv, {
    openStore: configuredStoreOpener(config),
    stdout: process.stdout,
    stderr: process.stderr,
    user: currentUser(),
    retention: config.retention.policy,
    accessLogDays: config.retention.accessLogDays,
    organisation: config.organisation,
    committeeTemplates: config.committeeTemplates,
  });
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Oväntat fel: ${(error as Error)?.message ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
