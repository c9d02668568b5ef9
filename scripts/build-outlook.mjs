// Bundles the Outlook add-in task pane (src/outlook) with esbuild into dist/outlook/:
// index.html, main.js (the first JavaScript) and chunks/ loaded on demand (MSAL in the
// entra profile, the sample mails of the local stand-in), and the Smart Alerts event runtime
// (send-check.html, send-check.js). Run by scripts/build.mjs after tsc.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyRibbonIcons } from './ribbon-icons.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the bundle into `outdir` (default dist/outlook) and writes esbuild's metafile to
 * `metafile` (default dist/outlook.meta.json, beside the served folder, not in it). Returns the metafile.
 */
export async function buildOutlook({
  outdir = join(root, 'dist', 'outlook'),
  metafile = join(root, 'dist', 'outlook.meta.json'),
  quiet = false,
} = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/outlook/main.tsx' },
    outdir,
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    target: ['es2022', 'chrome110', 'edge110', 'firefox110', 'safari16'],
    platform: 'browser',
    jsx: 'automatic',
    chunkNames: 'chunks/[name]-[hash]',
    entryNames: '[name]',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'external',
    metafile: true,
    logLevel: quiet ? 'error' : 'warning',
  });
  // The Smart Alerts event runtime: one small classic script (classic Outlook on Windows runs it
  // without a page, so no modules, no chunks), registered with Office.actions.associate.
  await build({
    absWorkingDir: root,
    entryPoints: ['src/outlook/on-send-entry.ts'],
    outfile: join(outdir, 'send-check.js'),
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['es2020'],
    platform: 'browser',
    legalComments: 'none',
    logLevel: quiet ? 'error' : 'warning',
  });
  copyFileSync(join(root, 'src', 'outlook', 'send-check.html'), join(outdir, 'send-check.html'));
  copyFileSync(join(root, 'src', 'outlook', 'index.html'), join(outdir, 'index.html'));
  copyRibbonIcons({ outdir: join(outdir, 'assets') });
  mkdirSync(dirname(metafile), { recursive: true });
  writeFileSync(metafile, JSON.stringify(result.metafile));
  return result.metafile;
}

// CLI: `node scripts/build-outlook.mjs [--outdir DIR] [--metafile FILE]`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? resolve(process.argv[i + 1]) : undefined;
  };
  const outdir = arg('--outdir');
  await buildOutlook({ ...(outdir ? { outdir } : {}), ...(arg('--metafile') ? { metafile: arg('--metafile') } : {}) });
  console.error(`Outlook task pane → ${outdir ?? 'dist/outlook/'}`);
}
