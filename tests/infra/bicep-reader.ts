/**
 * Reads the few things the infrastructure tests need out of a Bicep file, as text: the Bicep
 * compiler cannot be installed here (`atk provision` compiles the templates; see docs/deploy.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export function repoText(...parts: string[]): string {
  return readFileSync(path.join(ROOT, ...parts), 'utf8');
}

/** Bicep without `//` line comments (a `//` inside a string, as in `https://`, is kept). */
export function withoutComments(bicep: string): string {
  return bicep
    .split('\n')
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i += 1) {
        if (line[i] === "'" && line[i - 1] !== '\\') inString = !inString;
        if (!inString && line[i] === '/' && line[i + 1] === '/') return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

/** `param name type = default`, with the decorators' `@allowed` values. */
export interface BicepParam {
  name: string;
  type: string;
  defaultValue?: string;
  secure: boolean;
}

export function paramsOf(bicep: string): BicepParam[] {
  const lines = withoutComments(bicep).split('\n');
  const params: BicepParam[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const m = /^param\s+(\w+)\s+([\w[\]]+)(?:\s*=\s*(.+))?$/.exec(lines[i].trim());
    if (!m) continue;
    let secure = false;
    for (let j = i - 1; j >= 0 && lines[j].trim().startsWith('@'); j -= 1)
      if (lines[j].includes('@secure')) secure = true;
    params.push({ name: m[1], type: m[2], defaultValue: m[3]?.trim(), secure });
  }
  return params;
}

/** The body (between the outermost braces) of `resource <symbol> '<type>' = {`. */
export function resourceBody(bicep: string, symbol: string): string {
  const text = withoutComments(bicep);
  const start = new RegExp(
    `^resource\\s+${symbol}\\s+'[^']+'(?:\\s+existing)?\\s*=\\s*(?:if\\s*\\([^)]*\\)\\s*)?\\{`,
    'm',
  ).exec(text);
  if (!start) throw new Error(`No resource ${symbol}`);
  let depth = 0;
  for (let i = start.index + start[0].length - 1; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    if (text[i] === '}') depth -= 1;
    if (depth === 0) return text.slice(start.index + start[0].length, i);
  }
  throw new Error(`Unbalanced braces in resource ${symbol}`);
}

/** The resource type of `resource <symbol> '<type>@<version>'`. */
export function resourceType(bicep: string, symbol: string): string {
  const m = new RegExp(`^resource\\s+${symbol}\\s+'([^'@]+)@`, 'm').exec(withoutComments(bicep));
  if (!m) throw new Error(`No resource ${symbol}`);
  return m[1];
}

/** `key: value` pairs at the top level of an object body (nested objects are skipped). */
export function propertiesOf(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let depth = 0;
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (depth === 0) {
      const m = /^'?([\w.-]+)'?\s*:\s*(.+)$/.exec(line);
      if (m) out.set(m[1], m[2].trim());
    }
    depth += (line.match(/[{[]/g) ?? []).length - (line.match(/[}\]]/g) ?? []).length;
  }
  return out;
}

/** The body of `key: {` inside an object body. */
export function objectAt(body: string, key: string): string {
  const start = new RegExp(`(^|\\n)\\s*${key}\\s*:\\s*\\{`).exec(body);
  if (!start) throw new Error(`No object ${key}`);
  let depth = 0;
  for (let i = start.index + start[0].length - 1; i < body.length; i += 1) {
    if (body[i] === '{') depth += 1;
    if (body[i] === '}') depth -= 1;
    if (depth === 0) return body.slice(start.index + start[0].length, i);
  }
  throw new Error(`Unbalanced braces at ${key}`);
}

/** `output NAME type = …` names. */
export function outputsOf(bicep: string): string[] {
  return [...withoutComments(bicep).matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]);
}

/** A Bicep string literal's value (`'x'` → `x`), or undefined for an expression. */
export function literal(value: string | undefined): string | undefined {
  const m = /^'((?:[^'\\]|\\.)*)'$/.exec(value ?? '');
  return m ? m[1].replace(/\\'/g, "'") : undefined;
}
