/**
 * The browser code (tab, task pane, their shared src/web) has no import circles: a circle makes
 * the load order decide which module sees the other half-initialised.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../src');
const FOLDERS = ['tab', 'outlook', 'web'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The project files a file imports: static, type-only and dynamic imports and re-exports alike. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.[^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.flatMap((spec) => {
    const base = path.resolve(path.dirname(file), spec.replace(/\.js$/, ''));
    const found = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) => {
      try {
        return statSync(candidate).isFile();
      } catch {
        return false;
      }
    });
    return found ? [found] : [];
  });
}

/** Every circle found by a depth-first walk, as the files around it. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const walk = (file: string, trail: string[]) => {
    const at = trail.indexOf(file);
    if (at >= 0) {
      found.push(trail.slice(at));
      return;
    }
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) walk(next, [...trail, file]);
    done.add(file);
  };
  for (const file of graph.keys()) walk(file, []);
  return found;
}

describe('imports of the browser code', () => {
  const files = FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)));

  it('reads the imports it checks (the tab host imports its port)', () => {
    expect(importsOf(path.join(ROOT, 'tab/host/teams-connection.ts')).map((f) => path.relative(ROOT, f))).toContain(
      path.join('tab', 'host', 'host-port.ts'),
    );
  });

  it('finds a circle where there is one (the shape the tab host once had)', () => {
    const graph = new Map([
      ['host', ['teams-host']],
      ['teams-host', ['teams-connection']],
      ['teams-connection', ['host']],
      ['app', ['host']],
    ]);
    expect(circles(graph)).toEqual([['host', 'teams-host', 'teams-connection']]);
  });

  it('has no import circle in src/tab, src/outlook or src/web', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    expect(circles(graph).map((circle) => circle.map((f) => path.relative(ROOT, f)))).toEqual([]);
  });
});
