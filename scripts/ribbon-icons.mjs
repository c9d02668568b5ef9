// Copies the Outlook ribbon button's icons (appPackage/outlook-assets/icon-16|32|80.png) to
// dist/outlook/assets/, where the server serves them as <PUBLIC_URL>/outlook/assets/icon-N.png,
// the URLs in the manifest's `extensions[0].ribbons`.
// Called by scripts/build-outlook.mjs after it has (re)built dist/outlook.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Copies the ribbon icons into `outdir` (default dist/outlook/assets) and returns their names. */
export function copyRibbonIcons({ outdir = join(root, 'dist', 'outlook', 'assets') } = {}) {
  const source = join(root, 'appPackage', 'outlook-assets');
  const icons = readdirSync(source)
    .filter((f) => /^icon-\d+\.png$/.test(f))
    .sort();
  mkdirSync(outdir, { recursive: true });
  for (const icon of icons) copyFileSync(join(source, icon), join(outdir, icon));
  return icons;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const icons = copyRibbonIcons();
  console.error(`Outlook ribbon icons → dist/outlook/assets/ (${icons.join(', ')})`);
}
