#!/usr/bin/env node
/**
 * Fails when a known-bad package is anywhere in the installed dependency tree. Works offline: it
 * reads `npm ls --all --json` (or a tree given as a file) and the committed list
 * scripts/known-bad-packages.json, since npm's advisory endpoint cannot be reached from CI here.
 *
 * Usage: node scripts/check-deps.mjs [--tree tree.json] [--list list.json]
 * Exit 0: clean (accepted findings are printed as such); 1: a bad package was found; 2: unusable input.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** [major, minor, patch] of a version like `1.2.3` or `1.2.3-beta.1` (pre-release ignored). */
export function parseVersion(text) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(String(text).trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** Whether `version` is in `range`: `*`, an exact version, or space-separated comparators (`>=0.7.29 <0.7.30`). */
export function satisfies(version, range) {
  const v = parseVersion(version);
  if (!v) return false;
  if (range.trim() === '*') return true;
  return range
    .trim()
    .split(/\s+/)
    .every((part) => {
      const m = /^(<=|>=|<|>|=)?(.+)$/.exec(part);
      const bound = parseVersion(m[2]);
      if (!bound) throw new Error(`Unreadable range "${range}"`);
      const c = compare(v, bound);
      switch (m[1] ?? '=') {
        case '<':
          return c < 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        case '>=':
          return c >= 0;
        default:
          return c === 0;
      }
    });
}

/** Every installed package with the chain of packages that brought it in. */
export function* installed(tree, chain = []) {
  for (const [name, node] of Object.entries(tree?.dependencies ?? {})) {
    if (!node || typeof node !== 'object') continue;
    const here = [...chain, name];
    if (node.version) yield { name, version: node.version, chain: here };
    yield* installed(node, here);
  }
}

/**
 * The findings: each installed bad package, accepted when an `accepted` entry names it and a
 * package in its chain (`via`).
 */
export function findBad(tree, list) {
  const findings = [];
  const seen = new Set();
  for (const pkg of installed(tree)) {
    const bad = list.bad.find((b) => b.name === pkg.name && satisfies(pkg.version, b.range));
    if (!bad) continue;
    const key = `${pkg.name}@${pkg.version} ${pkg.chain.join('>')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const accepted = (list.accepted ?? []).find((a) => a.name === pkg.name && pkg.chain.slice(0, -1).includes(a.via));
    findings.push({ ...pkg, reason: bad.reason, accepted: accepted?.reason });
  }
  return findings;
}

function readTree(file) {
  if (file) return JSON.parse(readFileSync(file, 'utf8'));
  let out;
  try {
    out = execFileSync('npm', ['ls', '--all', '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // npm ls exits 1 on an extraneous or missing package but still prints the tree.
    out = error.stdout;
  }
  return JSON.parse(out);
}

function main(argv) {
  const arg = (name) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  let tree;
  let list;
  try {
    tree = readTree(arg('--tree'));
    list = JSON.parse(readFileSync(arg('--list') ?? path.join(here, 'known-bad-packages.json'), 'utf8'));
  } catch (error) {
    console.error(`check-deps: could not read the dependency tree or the list: ${error.message}`);
    return 2;
  }
  const findings = findBad(tree, list);
  for (const f of findings.filter((x) => x.accepted))
    console.log(`check-deps: accepted ${f.name}@${f.version} (${f.chain.join(' > ')}): ${f.accepted}`);
  const refused = findings.filter((f) => !f.accepted);
  for (const f of refused)
    console.error(`check-deps: ${f.name}@${f.version} is not allowed (${f.chain.join(' > ')}): ${f.reason}`);
  if (refused.length > 0) {
    console.error(
      `check-deps: ${refused.length} known-bad package(s). Upgrade or replace what pulls them in; see scripts/known-bad-packages.json.`,
    );
    return 1;
  }
  console.log('check-deps: no known-bad packages');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exit(main(process.argv.slice(2)));
