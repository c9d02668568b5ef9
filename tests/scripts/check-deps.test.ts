import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../scripts/check-deps.mjs');
const LIST = path.resolve(__dirname, '../../scripts/known-bad-packages.json');

type Tree = { version?: string; dependencies?: Record<string, Tree> };

/** Runs the check on a fake `npm ls --all --json` tree (and optionally a list of its own). */
function check(tree: Tree, list?: unknown): { status: number | null; out: string; err: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'check-deps-'));
  try {
    writeFileSync(path.join(dir, 'tree.json'), JSON.stringify(tree));
    const args = [SCRIPT, '--tree', path.join(dir, 'tree.json')];
    if (list) {
      writeFileSync(path.join(dir, 'list.json'), JSON.stringify(list));
      args.push('--list', path.join(dir, 'list.json'));
    }
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    return { status: run.status, out: run.stdout, err: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pkg = (version: string, dependencies?: Record<string, Tree>): Tree => ({
  version,
  ...(dependencies ? { dependencies } : {}),
});

describe('scripts/check-deps.mjs (offline dependency check)', () => {
  it('passes a clean tree', () => {
    const result = check({
      dependencies: { express: pkg('5.1.0', { debug: pkg('4.4.0') }), rimraf: pkg('6.1.4', { glob: pkg('13.0.0') }) },
    });
    expect(result).toMatchObject({ status: 0 });
    expect(result.out).toContain('no known-bad packages');
  });

  it('fails on a known-bad package deep in the tree, naming it, its version, the chain and the reason', () => {
    const result = check({
      dependencies: { someLib: pkg('1.0.0', { other: pkg('2.0.0', { inflight: pkg('1.0.6') }) }) },
    });
    expect(result.status).toBe(1);
    expect(result.err).toContain(
      'inflight@1.0.6 is not allowed (someLib > other > inflight): unmaintained, leaks memory',
    );
  });

  it.each([
    ['rimraf 2', { rimraf: pkg('2.7.1') }, 1],
    ['rimraf 3', { rimraf: pkg('3.0.2') }, 1],
    ['rimraf 4', { rimraf: pkg('4.0.0') }, 0],
    ['glob 7', { glob: pkg('7.2.3') }, 1],
    ['glob 10', { glob: pkg('10.5.0') }, 0],
    ['unzipper 0.10', { unzipper: pkg('0.10.14') }, 1],
    ['unzipper 0.12', { unzipper: pkg('0.12.3') }, 0],
    ['fstream at all', { fstream: pkg('1.0.12') }, 1],
    ['the compromised event-stream', { 'event-stream': pkg('3.3.6') }, 1],
    ['the event-stream after it', { 'event-stream': pkg('4.0.1') }, 0],
    ['a hijacked ua-parser-js', { 'ua-parser-js': pkg('0.7.29') }, 1],
    ['a fixed ua-parser-js', { 'ua-parser-js': pkg('0.7.30') }, 0],
    ['minimist before 1.2.6', { minimist: pkg('1.2.5') }, 1],
    ['minimist 1.2.8', { minimist: pkg('1.2.8') }, 0],
  ])('judges %s by its range', (_name, dependencies, status) => {
    expect(check({ dependencies }).status).toBe(status);
  });

  it('accepts a bad package only where an accepted entry says it comes in, and says so', () => {
    const list = {
      bad: [{ name: 'inflight', range: '*', reason: 'leaks' }],
      accepted: [{ name: 'inflight', via: 'exceljs', reason: 'judged; see README' }],
    };
    const viaExceljs = check(
      { dependencies: { exceljs: pkg('4.4.0', { glob: pkg('7.2.3', { inflight: pkg('1.0.6') }) }) } },
      list,
    );
    expect(viaExceljs.status).toBe(0);
    expect(viaExceljs.out).toContain('accepted inflight@1.0.6 (exceljs > glob > inflight): judged; see README');
    // The same package brought in by anything else still fails.
    const viaOther = check(
      { dependencies: { exceljs: pkg('4.4.0'), newLib: pkg('1.0.0', { inflight: pkg('1.0.6') }) } },
      list,
    );
    expect(viaOther.status).toBe(1);
    expect(viaOther.err).toContain('inflight@1.0.6 is not allowed (newLib > inflight): leaks');
    // A package is not its own "via".
    expect(
      check(
        { dependencies: { inflight: pkg('1.0.6') } },
        { ...list, accepted: [{ name: 'inflight', via: 'inflight', reason: 'no' }] },
      ).status,
    ).toBe(1);
  });

  it('answers 2 for a tree it cannot read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'check-deps-'));
    try {
      writeFileSync(path.join(dir, 'tree.json'), 'not json');
      const run = spawnSync(process.execPath, [SCRIPT, '--tree', path.join(dir, 'tree.json'), '--list', LIST], {
        encoding: 'utf8',
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('could not read the dependency tree or the list');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every entry of the committed list with a name, a readable range and a reason', () => {
    const list = JSON.parse(readFileSync(LIST, 'utf8')) as {
      bad: { name: string; range: string; reason: string }[];
      accepted: { name: string; via: string; reason: string }[];
    };
    for (const entry of list.bad)
      expect(entry).toEqual({
        name: expect.stringMatching(/^[@a-z0-9][\w./-]*$/),
        range: expect.stringMatching(/^(\*|((<=|>=|<|>|=)?\d+(\.\d+){0,2}\s*)+)$/),
        reason: expect.stringMatching(/\w{3}/),
      });
    for (const entry of list.accepted) expect(list.bad.map((b) => b.name)).toContain(entry.name);
  });
});
