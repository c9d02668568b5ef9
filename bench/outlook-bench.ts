/**
 * Outlook task pane figures: the gzipped size of the first JavaScript the pane loads (target
 * at most 180 kB), the in-browser scanner's throughput on a 1 MB mail body, and the identity-number
 * finder's own throughput on that body: masking (what cards, logs and exports do) and scanning.
 * @remarks `npm run bench -- outlook`. Builds the pane fresh into a temporary folder (never an
 * existing dist/outlook, whose sizes may be stale) and removes it afterwards. Prints figures;
 * passes or fails nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { findIdentityNumbers, maskPersonalData } from '../src/domain/identity-number';
import { onMessageSend } from '../src/outlook/on-send';
import { scanMail } from '../src/outlook/scanner';
import { buildTaskPaneInto, inTempFolder, REPO_ROOT } from '../tests/support/fresh-build';

interface Metafile {
  outputs: Record<string, { imports: { path: string; kind: string }[]; entryPoint?: string }>;
}

/** The output files loaded before the pane can render: the entry and its static imports, transitively. */
function firstLoadFiles(meta: Metafile): string[] {
  const entry = Object.keys(meta.outputs).find((file) =>
    meta.outputs[file].entryPoint?.endsWith('src/outlook/main.tsx'),
  );
  if (!entry) throw new Error('The metafile has no entry for src/outlook/main.tsx.');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of meta.outputs[file]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entry);
  return [...seen];
}

/** The first-load files of the pane built into `<staticRoot>/outlook`, and their size raw and gzipped (-9). */
function firstLoadSize(staticRoot: string): { files: string[]; raw: number; gzipped: number } {
  const meta = JSON.parse(readFileSync(path.join(staticRoot, 'outlook.meta.json'), 'utf8')) as Metafile;
  const files = firstLoadFiles(meta);
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    // esbuild names outputs relative to its working directory, the repository root.
    const data = readFileSync(path.resolve(REPO_ROOT, file));
    raw += data.length;
    gzipped += gzipSync(data, { level: 9 }).length;
  }
  return { files, raw, gzipped };
}

/** A mail body of about `bytes` bytes: Swedish prose with identity numbers, phone numbers, dates and sensitive words. */
export function syntheticBody(bytes: number): string {
  const lines = [
    'Hej, här kommer underlaget om barnet 020412-5645 som vi pratade om på mötet.',
    'Vårdnadshavaren har pnr 198507092388 och ska kontaktas av socialsekreteraren.',
    'Beslut om försörjningsstöd för 761163-1123, ärendet gäller även missbruk.',
    'Mötet är 2026-11-20 kl 10.00, ring 070-123 45 67 eller 0480-45 00 00.',
    'Ordernummer 20261116-1200 gäller leveransen av nya stolar till förvaltningen.',
    'Barnet har diagnos ADHD enligt BUP och en vårdplan från vårdcentralen.',
    'Vi ses på lunchen och går igenom budgeten för nästa år, ta med protokollet.',
  ];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = lines[i % lines.length];
    parts.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return parts.join('\n');
}

/** The median of `runs` timed calls of `work` (after one warm-up call), in milliseconds. */
function medianMs(runs: number, work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

/**
 * Prints the identity-number finder's throughput on a 1 MB body: masking (identity numbers and
 * e-mail addresses, as cards, logs and exports do) and scanning (finding the numbers alone).
 */
export function benchIdentityNumbers(body: string = syntheticBody(1024 * 1024)): void {
  const bodies: [label: string, text: string][] = [
    ['', body],
    // The spellings that need folding (other dashes and spaces, invisible characters, full-width digits).
    [' (pasted spellings)', pastedSpellings(body)],
    // Digit groups before long runs of whitespace: what would make a backtracking pattern quadratic.
    [' (adversarial)', adversarialBody(Buffer.byteLength(body))],
  ];
  const runs = 15;
  for (const [label, text] of bodies) {
    const mb = Buffer.byteLength(text) / (1024 * 1024);
    const mask = medianMs(runs, () => maskPersonalData(text));
    const scan = medianMs(runs, () => findIdentityNumbers(text));
    const rate = (ms: number) => (mb / (ms / 1000)).toFixed(1);
    console.log(
      `identity numbers${label}: mask ${mb.toFixed(2)} MB ${rate(mask)} MB/s (median ${mask.toFixed(1)} ms), ` +
        `scan ${mb.toFixed(2)} MB ${rate(scan)} MB/s (median ${scan.toFixed(1)} ms), medians of ${runs} runs; ${findIdentityNumbers(text).length} found`,
    );
  }
}

/** The body with its numbers respelled as pasted text has them: other dashes, no-break spaces, a zero-width space, full-width digits. */
function pastedSpellings(body: string): string {
  const spellings = [
    (d: string, s: string) => `${d}\u2011${s}`,
    (d: string, s: string) => `${d}\u00a0${s}`,
    (d: string, s: string) => `${d}\u200b-${s}`,
    (d: string, s: string) => `${d} \u2212 ${s}`,
    (d: string, s: string) => `${d}-\n${s}`,
    (d: string, s: string) =>
      [...`${d}-${s}`].map((c) => (c >= '0' && c <= '9' ? String.fromCharCode(0xff10 + Number(c)) : c)).join(''),
  ];
  let i = 0;
  return body.replace(/(\d{6,8})-(\d{4})/g, (_all, date: string, serial: string) =>
    spellings[i++ % spellings.length](date, serial),
  );
}

/** About `bytes` of six-digit groups each followed by 1,000 spaces and a letter. */
function adversarialBody(bytes: number): string {
  const unit = `121212${' '.repeat(1000)}x`;
  return unit.repeat(Math.ceil(bytes / unit.length));
}

/** Prints the task pane's first-load size, the scanner's throughput and the identity-number finder's. */
export async function benchOutlook(): Promise<void> {
  const { files, raw, gzipped } = await inTempFolder('pui-outlook-bench-', (dir) =>
    firstLoadSize(buildTaskPaneInto(dir)),
  );
  const kB = (n: number) => (n / 1024).toFixed(1);
  console.log(
    `outlook: first JavaScript ${files.length} file(s), ${kB(raw)} kB raw, ${kB(gzipped)} kB gzipped (gzip -9; target ≤ 180 kB: ${gzipped <= 180 * 1024 ? 'met' : 'NOT met'})`,
  );

  const body = syntheticBody(1024 * 1024);
  const mail = { subject: 'Utredning enligt 11 kap 1 § SoL – underlag', body };
  scanMail(mail); // warm-up
  const runs = 5;
  const times: number[] = [];
  let result = scanMail(mail);
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = scanMail(mail);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)];
  const mb = Buffer.byteLength(body) / (1024 * 1024);
  console.log(
    `outlook: scanner on a ${mb.toFixed(2)} MB body: median ${median.toFixed(1)} ms over ${runs} runs (${(mb / (median / 1000)).toFixed(1)} MB/s); ` +
      `found ${result.personnummer} personnummer, ${result.samordningsnummer} samordningsnummer, sensitive words ${JSON.stringify(result.sensitive)}`,
  );
  await benchSendCheck(body);
  benchIdentityNumbers(body);
}

/**
 * Prints how long the Smart Alerts handler (OnMessageSend) takes on a 1 MB body to an external
 * recipient, reading through Office.js-shaped async calls. Outlook shows its "taking longer than
 * expected" dialog after 5 s and times out after 5 minutes.
 */
export async function benchSendCheck(body: string = syntheticBody(1024 * 1024)): Promise<void> {
  const field = (value: unknown) => ({
    getAsync: (...args: unknown[]) => (args[args.length - 1] as (r: unknown) => void)({ status: 'succeeded', value }),
  });
  const office = {
    context: {
      mailbox: {
        userProfile: { emailAddress: 'handlaggare@kalmar.se' },
        item: {
          subject: field('Underlag'),
          body: field(body),
          to: field([{ displayName: 'Bo', emailAddress: 'bo@example.com' }]),
          cc: field([]),
          bcc: field([]),
        },
      },
    },
  };
  const settings = {
    enabled: true,
    organisationDomains: ['kalmar.se'],
    trustedExternalDomains: [],
    sensitiveWords: [],
  };
  const runs = 5;
  const times: number[] = [];
  let alerted = false;
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    await onMessageSend({ completed: (o) => (alerted = !o?.allowEvent) }, { office, settings });
    if (i > 0) times.push(performance.now() - started); // the first run warms up
  }
  times.sort((a, b) => a - b);
  const mb = Buffer.byteLength(body) / (1024 * 1024);
  console.log(
    `outlook: send check (OnMessageSend) on a ${mb.toFixed(2)} MB body: median ${times[Math.floor(runs / 2)].toFixed(1)} ms over ${runs} runs, alert ${alerted ? 'shown' : 'NOT shown'} (Outlook's budget: 5 s before its "taking longer" dialog)`,
  );
}

if (require.main === module) {
  benchOutlook().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
