/**
 * Three server processes in production mode on one SharePoint store, behind a "load balancer"
 * (the test's client), with faults: Graph throttles and fails 10 % of requests and answers in
 * 50–150 ms, the Bot Connector enforces Teams' per-conversation limits, and one instance is
 * killed with SIGKILL halfway and restarted. Everything on 127.0.0.1, bounded in time.
 * `npm run --silent bench -- instances` runs the same and prints the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../support/fresh-build';
import { runCluster, type ClusterResult } from '../support/cluster/cluster';

const RUN_MS = 7 * 60_000;

describe('three instances on one SharePoint store', () => {
  let dist: string;
  let result: ClusterResult;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'pui-instances-build-'));
    execFileSync(process.execPath, ['scripts/build.mjs', '--server-only', '--outdir', dist], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
    });
    result = await runCluster({
      mainJs: path.join(dist, 'src', 'main.js'),
      instances: 3,
      reports: 300,
      reminders: 50,
      killAt: 0.5,
      timeoutMs: RUN_MS - 60_000,
    });
  }, RUN_MS);
  afterAll(() => {
    rmSync(dist, { recursive: true, force: true });
  });

  it('stores every report exactly once, though an instance died under some of them', () => {
    expect({ stored: result.stored, storedTwice: result.storedTwice }).toEqual({ stored: 300, storedTwice: 0 });
  });

  it('announces every incident in the DPO channel, none lost and none doubled outside the crash window', () => {
    expect({ announced: result.announced, lost: result.lost, doubled: result.doubled }).toEqual({
      announced: 300,
      lost: 0,
      doubled: 0,
    });
    // Every number was on screen (in a digest or on its own card) at some point.
    expect(Number.isFinite(result.allVisibleSeconds)).toBe(true);
    // A card the killed process posted but could not record may come again: only for what it held.
    expect(result.doubledInCrashWindow).toBeLessThanOrEqual(result.claimsOfKilled);
  });

  it('sends each of the 50 reminders that fell due exactly once', () => {
    expect({ once: result.remindersOnce, doubled: result.remindersDoubled }).toEqual({ once: 50, doubled: 0 });
  });

  it('answers no request with a 5xx but the documented 503 store_unavailable, and rides out the faults', () => {
    expect(result.unexpected).toEqual([]);
    // The faults were there: Graph failed requests and Teams' limits refused posts.
    expect(result.graphFailures).toBeGreaterThan(0);
    expect(result.connectorThrottled).toBeGreaterThan(0);
  });

  it('stops every instance cleanly on SIGTERM', () => {
    expect(result.exitCodes).toEqual([0, 0, 0]);
  });
});
