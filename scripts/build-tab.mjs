// Bundles the Teams tab (src/tab, React + Fluent UI) with esbuild into dist/tab/: index.html,
// the entry script and the chunks loaded on demand (board, incident, register, teams-js, MSAL).
// Writes build-manifest.json: which files the report page loads first (read by bench/tab-bench.ts).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

/** Static imports of an output, transitively: what the browser loads before the entry runs. */
function initialFiles(metafile, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of metafile.outputs[file]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
    }
  };
  visit(entry);
  return [...seen];
}

/** Builds the tab into `outdir` (default dist/tab). */
export async function buildTab({ outdir = 'dist/tab', minify = true, root = process.cwd() } = {}) {
  const out = path.resolve(root, outdir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: 'src/tab/main.tsx' },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: out,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    minify,
    target: ['es2020', 'chrome100', 'edge100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const rel = (file) => path.relative(out, path.resolve(root, file)).split(path.sep).join('/');
  const entryOutput = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === 'src/tab/main.tsx')?.[0];
  if (!entryOutput) throw new Error('build-tab: esbuild produced no entry for src/tab/main.tsx');
  const initial = initialFiles(result.metafile, entryOutput).map(rel);
  const preloads = initial
    .slice(1)
    .map((f) => `    <link rel="modulepreload" href="./${f}" />`)
    .join('\n');
  const template = readFileSync(path.resolve(root, 'src/tab/index.html'), 'utf8');
  const tags = `${preloads ? `${preloads}\n` : ''}    <script type="module" src="./${initial[0]}"></script>`;
  writeFileSync(path.join(out, 'index.html'), template.replace('    <!-- entry -->', tags));
  const all = Object.keys(result.metafile.outputs).map(rel);
  writeFileSync(
    path.join(out, 'build-manifest.json'),
    JSON.stringify(
      { entry: initial[0], initial, onDemand: all.filter((f) => f.endsWith('.js') && !initial.includes(f)) },
      null,
      2,
    ) + '\n',
  );
  return { outdir: out, entry: initial[0], initial };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // `--outdir <dir>` builds elsewhere (the end-to-end tests build into a temporary folder).
  const at = process.argv.indexOf('--outdir');
  const { outdir, initial } = await buildTab(at > 0 && process.argv[at + 1] ? { outdir: process.argv[at + 1] } : {});
  // Progress on stderr, like scripts/build.mjs: a CLI's own stdout stays clean.
  process.stderr.write(`tab: ${path.relative(process.cwd(), outdir) || '.'}/ (first load: ${initial.length} files)\n`);
}
