/**
 * The harness of a Teams-tab browser test against the real server (local profile, SQLite): the tab
 * built fresh into a temporary folder, the database seeded before the server opens it, Debian's
 * Chromium, and an axe check of one part of the page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/main';
import { createLogger } from '../../src/server/logger';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { AXE_PATH, launchChromium } from '../outlook/support/browser';
import { buildTabInto } from './fresh-build';

export interface TabE2e {
  server: RunningServer;
  browser: Browser;
  /** Closes the browser and the server and removes the temporary folder. */
  close(): Promise<void>;
}

/**
 * Builds the tab, lets `seed` fill the database, then starts the server (with `env` besides
 * NODE_ENV=test) and Chromium.
 */
export async function startTabE2e(
  prefix: string,
  env: Record<string, string>,
  seed: (stores: SqliteStores) => Promise<void>,
): Promise<TabE2e> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const staticRoot = buildTabInto(join(dir, 'static'));
  const stores = SqliteStores.open(join(dir, 'pui.db'));
  await seed(stores);
  await stores.close();
  const server = await startServer({
    port: 0,
    dbFile: join(dir, 'pui.db'),
    profile: 'local',
    env: { NODE_ENV: 'test', ...env },
    staticRoot,
    logger: createLogger('error', () => undefined),
  });
  const browser = await launchChromium();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs axe-core on the element `selector` finds; returns the serious and critical violations, described. */
export async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, not as a <script>: the page's CSP allows no inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async (within) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Element,
            options: object,
          ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return (await axe.run(document.querySelector(within)!, { resultTypes: ['violations'] })).violations;
  }, selector);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
