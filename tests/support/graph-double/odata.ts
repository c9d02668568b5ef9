/**
 * The OData query options the Graph double understands for list items: `$filter` (eq, ne,
 * lt, le, gt, ge, and, or, not, parentheses, startswith), `$orderby` and `$expand=fields(...)`.
 * Follows https://learn.microsoft.com/graph/query-parameters and
 * https://learn.microsoft.com/graph/api/listitem-list ("You can apply $filter (eq, ne, lt, gt,
 * le, ge, and startswith) ... Both listItem properties and fields can be filtered").
 */

export type Comparison = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
export type Literal = string | number | boolean | null;

export type FilterNode =
  | { kind: 'compare'; op: Comparison; field: string; value: Literal }
  | { kind: 'startswith'; field: string; value: string }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode };

/** A query the service cannot parse: the double answers 400 with this message. */
export class ODataSyntaxError extends Error {}

type Token =
  { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'word'; v: string } | { t: 'punct'; v: '(' | ')' | ',' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw new ODataSyntaxError('Unterminated string literal in $filter.');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += text[i];
        i += 1;
      }
      tokens.push({ t: 'str', v: value });
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: 'punct', v: c });
      i += 1;
    } else if (/[-0-9]/.test(c) && /^-?\d/.test(text.slice(i))) {
      const m = /^-?\d+(\.\d+)?/.exec(text.slice(i))!;
      tokens.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_/.]*/.exec(text.slice(i));
      if (!m) throw new ODataSyntaxError(`Syntax error at position ${i} in $filter.`);
      tokens.push({ t: 'word', v: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

/** Parses a `$filter` expression. */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peekWord = (w: string) => tokens[pos]?.t === 'word' && (tokens[pos].v as string).toLowerCase() === w;
  const expectPunct = (p: string) => {
    const tok = tokens[pos];
    if (!tok || tok.t !== 'punct' || tok.v !== p) throw new ODataSyntaxError(`Expected '${p}' in $filter.`);
    pos += 1;
  };
  const literal = (): Literal => {
    const tok = tokens[pos++];
    if (!tok) throw new ODataSyntaxError('Expected a value in $filter.');
    if (tok.t === 'str' || tok.t === 'num') return tok.v;
    if (tok.t === 'word') {
      const w = tok.v.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
    }
    throw new ODataSyntaxError('Expected a literal value in $filter.');
  };
  const property = (): string => {
    const tok = tokens[pos++];
    if (!tok || tok.t !== 'word') throw new ODataSyntaxError('Expected a property in $filter.');
    return tok.v;
  };
  const primary = (): FilterNode => {
    const tok = tokens[pos];
    if (tok?.t === 'punct' && tok.v === '(') {
      pos += 1;
      const inner = or();
      expectPunct(')');
      return inner;
    }
    if (peekWord('not')) {
      pos += 1;
      return { kind: 'not', operand: primary() };
    }
    if (peekWord('startswith')) {
      pos += 1;
      expectPunct('(');
      const field = property();
      expectPunct(',');
      const value = literal();
      expectPunct(')');
      if (typeof value !== 'string') throw new ODataSyntaxError('startswith takes a string.');
      return { kind: 'startswith', field, value };
    }
    const field = property();
    const opTok = tokens[pos++];
    const op = opTok?.t === 'word' ? opTok.v.toLowerCase() : '';
    if (!['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(op))
      throw new ODataSyntaxError(`Unsupported operator '${op}' in $filter.`);
    return { kind: 'compare', op: op as Comparison, field, value: literal() };
  };
  const and = (): FilterNode => {
    let left = primary();
    while (peekWord('and')) {
      pos += 1;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): FilterNode => {
    let left = and();
    while (peekWord('or')) {
      pos += 1;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const node = or();
  if (pos !== tokens.length) throw new ODataSyntaxError('Unexpected text at the end of $filter.');
  return node;
}

/** The properties a filter refers to (`fields/Status`, `id`). */
export function filterProperties(node: FilterNode): string[] {
  switch (node.kind) {
    case 'compare':
    case 'startswith':
      return [node.field];
    case 'and':
    case 'or':
      return [...filterProperties(node.left), ...filterProperties(node.right)];
    case 'not':
      return filterProperties(node.operand);
  }
}

/** How to compare two stored values of a column. */
export type ValueKind = 'text' | 'dateTime' | 'number' | 'boolean';

function normalise(value: unknown, kind: ValueKind): string | number | boolean | null {
  if (value === undefined || value === null || value === '') return null;
  switch (kind) {
    case 'text':
      // SharePoint compares text without regard to case.
      return String(value).toLowerCase();
    case 'dateTime': {
      const t = Date.parse(String(value));
      return Number.isNaN(t) ? null : t;
    }
    case 'number':
      return Number(value);
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 'true';
  }
}

/** Compares two values of one kind; nulls sort first, as SharePoint sorts empty values. */
export function compareValues(a: unknown, b: unknown, kind: ValueKind): number {
  const x = normalise(a, kind);
  const y = normalise(b, kind);
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Evaluates a filter against one item. `read` gives a property's value and kind. */
export function evaluate(node: FilterNode, read: (property: string) => { value: unknown; kind: ValueKind }): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, read) && evaluate(node.right, read);
    case 'or':
      return evaluate(node.left, read) || evaluate(node.right, read);
    case 'not':
      return !evaluate(node.operand, read);
    case 'startswith': {
      const { value } = read(node.field);
      return typeof value === 'string' && value.toLowerCase().startsWith(node.value.toLowerCase());
    }
    case 'compare': {
      const { value, kind } = read(node.field);
      const a = normalise(value, kind);
      const b = normalise(node.value, kind);
      if (node.op === 'eq') return a === b;
      if (node.op === 'ne') return a !== b;
      if (a === null || b === null) return false;
      const c = a < b ? -1 : a > b ? 1 : 0;
      return node.op === 'lt' ? c < 0 : node.op === 'le' ? c <= 0 : node.op === 'gt' ? c > 0 : c >= 0;
    }
  }
}

export interface OrderKey {
  property: string;
  descending: boolean;
}

/** Parses `$orderby=fields/Deadline asc,fields/Created desc`. */
export function parseOrderBy(text: string): OrderKey[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [property, direction = 'asc', ...rest] = part.split(/\s+/);
      if (rest.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase()))
        throw new ODataSyntaxError(`Invalid $orderby '${part}'.`);
      return { property, descending: direction.toLowerCase() === 'desc' };
    });
}

/** Parses `$expand`: whether `fields` is expanded and which of them are selected. */
export function parseExpand(text: string | null): { fields: boolean; select?: string[] } {
  if (!text) return { fields: false };
  const m = /^fields(?:\((.*)\))?$/i.exec(text.trim());
  if (!m) throw new ODataSyntaxError(`Unsupported $expand '${text}'.`);
  if (!m[1]) return { fields: true };
  const select = /^\$?select=(.*)$/i.exec(m[1].trim());
  if (!select) throw new ODataSyntaxError(`Unsupported $expand option '${m[1]}'.`);
  return {
    fields: true,
    select: select[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
