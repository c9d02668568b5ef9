/**
 * Browser-test helpers for the task pane: builds the bundle into a temporary folder and
 * launches Debian's Chromium (never a downloaded browser) with a fresh profile.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const repo = resolve(__dirname, '..', '..', '..');

/** Builds the task pane with scripts/build-outlook.mjs into `<dir>/outlook`; returns `dir` (a static root). */
export function buildTaskPaneInto(dir: string = mkdtempSync(join(tmpdir(), 'pui-outlook-'))): string {
  execFileSync(
    process.execPath,
    ['scripts/build-outlook.mjs', '--outdir', join(dir, 'outlook'), '--metafile', join(dir, 'outlook.meta.json')],
    { cwd: repo, stdio: 'pipe' },
  );
  return dir;
}

/** Launches Debian's Chromium headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** axe-core's script, to inject into a page. */
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
