/**
 * Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer): validation, finding them in free text, and masking them
 * (with e-mail addresses) before text goes anywhere wider than the report itself.
 *
 * @remarks
 * A number counts only when its date is a real calendar date (coordination numbers
 * add 60 to the day), its serial is not 000 (never issued) and its last digit is the
 * Luhn check digit over the 10-digit form. That is what tells an identity number from
 * a date, a phone number or an order number that happens to have the same shape.
 */

/** Which kind of identity number was found. */
export type IdentityNumberKind = 'personnummer' | 'samordningsnummer';

/** Where an identity number was found in a text: `text.slice(start, end)` is the number as written. */
export interface IdentityNumberMatch {
  start: number;
  end: number;
  kind: IdentityNumberKind;
}

/** The text an identity number is replaced with by {@link maskIdentityNumbers}. */
export const IDENTITY_NUMBER_MASK: Record<IdentityNumberKind, string> = {
  personnummer: '[personnummer]',
  samordningsnummer: '[samordningsnummer]',
};

/** The text an e-mail address is replaced with by {@link maskEmailAddresses}. */
export const EMAIL_ADDRESS_MASK = '[e-postadress]';

/**
 * Characters the finder folds before it matches, beyond ASCII: dash punctuation (Unicode's Pd:
 * hyphen U+2010, non-breaking hyphen U+2011, en and em dash, full-width hyphen-minus, …) and the
 * minus sign U+2212 become `-`; space separators (Zs: no-break U+00A0, narrow no-break U+202F,
 * ideographic space, …) become a space; line and paragraph separators and NEL a line break; format
 * characters (Cf: soft hyphen, zero-width space, ZWNJ/ZWJ, word joiner, BOM, bidi marks) go;
 * decimal digits of any script (Nd: full-width, Arabic-Indic, …) become ASCII digits.
 */
const FOLDS = /^[\p{Pd}\p{Zs}\p{Cf}\p{Nd}\u2212\u0085\u2028\u2029]$/u;

/**
 * The BMP characters of {@link FOLDS}, as ranges (Unicode 17; the tests check the list against
 * the engine's own classes, so a newer Unicode shows up as a failing test, not a missed number).
 * @remarks A table behind a simple regex instead of one regex of these ranges or of property
 * classes: those run some 20 times slower on a text holding any character beyond Latin-1 (one
 * curly quote is enough), which most mail does.
 * @internal Exported for that test.
 */
export const FOLDABLE_BMP_RANGES: readonly (readonly [number, number])[] = [
  [0x0085, 0x0085],
  [0x00a0, 0x00a0],
  [0x00ad, 0x00ad],
  [0x058a, 0x058a],
  [0x05be, 0x05be],
  [0x0600, 0x0605],
  [0x061c, 0x061c],
  [0x0660, 0x0669],
  [0x06dd, 0x06dd],
  [0x06f0, 0x06f9],
  [0x070f, 0x070f],
  [0x07c0, 0x07c9],
  [0x0890, 0x0891],
  [0x08e2, 0x08e2],
  [0x0966, 0x096f],
  [0x09e6, 0x09ef],
  [0x0a66, 0x0a6f],
  [0x0ae6, 0x0aef],
  [0x0b66, 0x0b6f],
  [0x0be6, 0x0bef],
  [0x0c66, 0x0c6f],
  [0x0ce6, 0x0cef],
  [0x0d66, 0x0d6f],
  [0x0de6, 0x0def],
  [0x0e50, 0x0e59],
  [0x0ed0, 0x0ed9],
  [0x0f20, 0x0f29],
  [0x1040, 0x1049],
  [0x1090, 0x1099],
  [0x1400, 0x1400],
  [0x1680, 0x1680],
  [0x17e0, 0x17e9],
  [0x1806, 0x1806],
  [0x180e, 0x180e],
  [0x1810, 0x1819],
  [0x1946, 0x194f],
  [0x19d0, 0x19d9],
  [0x1a80, 0x1a89],
  [0x1a90, 0x1a99],
  [0x1b50, 0x1b59],
  [0x1bb0, 0x1bb9],
  [0x1c40, 0x1c49],
  [0x1c50, 0x1c59],
  [0x2000, 0x2015],
  [0x2028, 0x202f],
  [0x205f, 0x2064],
  [0x2066, 0x206f],
  [0x2212, 0x2212],
  [0x2e17, 0x2e17],
  [0x2e1a, 0x2e1a],
  [0x2e3a, 0x2e3b],
  [0x2e40, 0x2e40],
  [0x2e5d, 0x2e5d],
  [0x3000, 0x3000],
  [0x301c, 0x301c],
  [0x3030, 0x3030],
  [0x30a0, 0x30a0],
  [0xa620, 0xa629],
  [0xa8d0, 0xa8d9],
  [0xa900, 0xa909],
  [0xa9d0, 0xa9d9],
  [0xa9f0, 0xa9f9],
  [0xaa50, 0xaa59],
  [0xabf0, 0xabf9],
  [0xfe31, 0xfe32],
  [0xfe58, 0xfe58],
  [0xfe63, 0xfe63],
  [0xfeff, 0xfeff],
  [0xff0d, 0xff0d],
  [0xff10, 0xff19],
  [0xfff9, 0xfffb],
];

/** The candidates: the three Latin-1 characters that fold, and everything beyond Latin-1 (the table decides). */
const BEYOND_ASCII = /[\x85\xa0\xad\u0100-\uffff]/g;

/** What a code unit folds to: the index into {@link REPLACEMENTS}, plus one (0: nothing). */
let foldTable: Uint8Array | undefined;
/** The replacements: removed, hyphen, space, line break, the digits 0–9. */
const REPLACEMENTS = ['', '-', ' ', '\n', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** The table's mark for a high surrogate: the pair is looked up when met. */
const SURROGATE = 255;

const IS_DASH = /^[\p{Pd}\u2212]$/u;
const IS_SPACE = /^\p{Zs}$/u;
const IS_FORMAT = /^\p{Cf}$/u;

/** The replacement of one foldable character (BMP or not). */
function replacementOf(ch: string): string {
  if (IS_FORMAT.test(ch)) return '';
  if (IS_DASH.test(ch)) return '-';
  if (IS_SPACE.test(ch)) return ' ';
  if (ch === '\u0085' || ch === '\u2028' || ch === '\u2029') return '\n';
  return String(digitValue(ch.codePointAt(0)!));
}

/** The table of every BMP code unit, built on first use (some 450 characters are looked up once). */
function foldableTable(): Uint8Array {
  if (!foldTable) {
    const table = new Uint8Array(0x10000);
    for (const [from, to] of FOLDABLE_BMP_RANGES) {
      for (let c = from; c <= to; c++) table[c] = REPLACEMENTS.indexOf(replacementOf(String.fromCharCode(c))) + 1;
    }
    table.fill(SURROGATE, 0xd800, 0xdc00);
    foldTable = table;
  }
  return foldTable;
}

/**
 * The value of a decimal digit of any script.
 * @remarks Unicode allocates decimal digits (Nd) in whole runs of ten from a zero, some runs
 * adjacent (the five sets of mathematical digits), so the value is the distance from the start
 * of the unbroken stretch of digits, modulo ten.
 */
function digitValue(codePoint: number): number {
  let start = codePoint;
  while (start > 0 && IS_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return (codePoint - start) % 10;
}
const IS_DIGIT = /^\p{Nd}$/u;

/**
 * A text folded for matching and the way back: `toOriginal(i)` is the index in the original
 * text of the folded text's character `i`.
 */
export interface FoldedText {
  text: string;
  toOriginal(index: number): number;
}

/**
 * Folds the characters people paste into identity numbers (other dashes, other spaces, invisible
 * format characters, other scripts' digits) to the plain ones; see {@link FOLDS}.
 * @remarks Linear: one regex pass finds the few characters that fold (none: the text is returned
 * as it is), and the way back is a list of the points where the offset between the texts changes
 * (only removed characters and digits outside the BMP change it), searched by bisection.
 */
export function foldIdentityNumberText(text: string): FoldedText {
  const table = foldableTable();
  const parts: string[] = [];
  // Pairs of (folded index, original index) from which the offset holds until the next pair.
  const folded: number[] = [0];
  const original: number[] = [0];
  let at = 0; // next original index not yet copied
  let length = 0; // length of the folded text so far
  const re = BEYOND_ASCII;
  re.lastIndex = 0;
  // test() rather than exec(): no match object per candidate (every curly quote is one). Each match is one code unit.
  while (re.test(text)) {
    const i = re.lastIndex - 1;
    const entry = table[text.charCodeAt(i)];
    if (entry === 0) continue;
    let ch: string;
    let replacement: string;
    if (entry === SURROGATE) {
      // A surrogate pair is only a candidate: most are emoji.
      ch = String.fromCodePoint(text.codePointAt(i)!);
      if (ch.length !== 2 || !FOLDS.test(ch)) continue;
      replacement = replacementOf(ch);
    } else {
      ch = text[i];
      replacement = REPLACEMENTS[entry - 1];
    }
    if (i > at) {
      parts.push(text.slice(at, i));
      length += i - at;
    }
    parts.push(replacement);
    length += replacement.length;
    at = i + ch.length;
    if (replacement.length !== ch.length) {
      folded.push(length);
      original.push(at);
    }
    re.lastIndex = at;
  }
  if (at === 0) return { text, toOriginal: (i) => i };
  parts.push(text.slice(at));
  const toOriginal = (index: number): number => {
    let lo = 0;
    let hi = folded.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (folded[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return original[lo] + (index - folded[lo]);
  };
  return { text: parts.join(''), toOriginal };
}

/** Whitespace the finder accepts around or instead of the separator, line breaks included. */
const WS = '[ \\t\\n\\v\\f\\r]';
/**
 * Between date and serial: a hyphen or plus (100 years or older) with any whitespace on either
 * side (`YYMMDD - NNNC`, `YYMMDD-⏎NNNC`), whitespace alone (`YYMMDD NNNC`), or nothing.
 * @remarks Any amount, so that no later reflowing of the text (runs of whitespace collapsed to
 * one space) can make a number out of what the finder passed over. Still linear: a run is reached
 * only from the digits just before it, and a single `[-+]` splits it in one way only.
 */
const SEPARATOR = `(?:${WS}*([-+])${WS}*|${WS}+)?`;
const DASHED_SEPARATOR = `${WS}*([-+])${WS}*`;

/**
 * Candidates in folded text: an optional century and YY, then `-MM-DD` and a separator with a
 * hyphen or plus (`YYYY-MM-DD-NNNC`, century required) or MMDD and any separator; then NNN and C.
 * The lookarounds keep digits that are part of a longer run of digits (also across a hyphen or
 * plus) out.
 * @remarks Century and year are shared by both forms, so most starting points fail on one path.
 */
const CANDIDATE = new RegExp(
  `(?<![0-9])(?<![0-9][-+])([0-9]{2})?([0-9]{2})(?:-([0-9]{2})-([0-9]{2})${DASHED_SEPARATOR}|([0-9]{2})([0-9]{2})${SEPARATOR})([0-9]{3})([0-9])(?![0-9])(?![-+][0-9])`,
  'g',
);

/** A whole identity number as a field would hold it: no spaces inside (the personnummer test vectors reject them). */
const WHOLE = /^([0-9]{2})?([0-9]{2})(?:-([0-9]{2})-([0-9]{2})([-+])|([0-9]{2})([0-9]{2})([-+])?)([0-9]{3})([0-9])$/;

type Parts = [
  century: string | undefined,
  yy: string,
  mm: string,
  dd: string,
  separator: string | undefined,
  serial: string,
  check: string,
];

/** The parts of a {@link CANDIDATE} or {@link WHOLE} match; undefined for a dated form without its century. */
function parts(m: RegExpExecArray): Parts | undefined {
  if (m[3] === undefined) return [m[1], m[2], m[6], m[7], m[8], m[9], m[10]];
  return m[1] === undefined ? undefined : [m[1], m[2], m[3], m[4], m[5], m[9], m[10]];
}

/** The kind of the number a match spells, or undefined when it is none. */
function classifyMatch(m: RegExpExecArray): IdentityNumberKind | undefined {
  const p = parts(m);
  return p && classify(...p);
}

/** True when the Luhn checksum of the digits is valid (the last digit is the check digit). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(month: number, leap: boolean): number {
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Classifies the parts of a candidate; undefined when it is not an identity number.
 * Without a century, 29 February is accepted when either century the number could
 * belong to makes it a leap year.
 */
function classify(
  century: string | undefined,
  yy: string,
  mm: string,
  dd: string,
  separator: string | undefined,
  serial: string,
  check: string,
): IdentityNumberKind | undefined {
  const month = Number(mm);
  let day = Number(dd);
  if (month < 1 || month > 12) return undefined;
  let kind: IdentityNumberKind = 'personnummer';
  if (day > 60) {
    kind = 'samordningsnummer';
    day -= 60;
  }
  let leap: boolean;
  if (century !== undefined) {
    const c = Number(century);
    if (c < 18 || c > 20) return undefined;
    leap = isLeapYear(c * 100 + Number(yy));
  } else {
    // '+' means 100 years or older: '00' is then 1900 (not a leap year); otherwise 2000 is possible.
    const y = Number(yy);
    leap = y % 4 === 0 && !(y === 0 && separator === '+');
  }
  if (day < 1 || day > daysInMonth(month, leap)) return undefined;
  // Serial 000 is never issued (the personnummer test vectors reject it though its checksum holds).
  if (serial === '000') return undefined;
  if (!luhnValid(`${yy}${mm}${dd}${serial}${check}`)) return undefined;
  return kind;
}

/**
 * True when the whole text (surrounding space ignored) is a valid personnummer or samordningsnummer.
 * @remarks Stricter than {@link findIdentityNumbers}: other dashes and digits fold, but a space is no
 * separator here. In free text the finder takes spaces too, since masking errs towards masking.
 */
export function isValidIdentityNumber(text: string): boolean {
  return identityNumberKind(text) !== undefined;
}

/** The kind of a valid identity number, or undefined when the text is not one. */
export function identityNumberKind(text: string): IdentityNumberKind | undefined {
  const m = WHOLE.exec(foldIdentityNumberText(text).text.trim());
  return m ? classifyMatch(m) : undefined;
}

/**
 * Finds every valid identity number in a text, in order of appearance, however it is spelled:
 * `YYMMDD-NNNC`, `YYYYMMDD-NNNC`, `YYMMDD+NNNC`, ten or twelve digits, `YYYY-MM-DD-NNNC`, with
 * spaces or a line break around or instead of the separator, and any dash, space, invisible
 * format character or script's digits (see {@link foldIdentityNumberText}).
 * @remarks Offsets are into the original text, so masking replaces exactly what was written.
 */
export function findIdentityNumbers(text: string): IdentityNumberMatch[] {
  const found: IdentityNumberMatch[] = [];
  const folded = foldIdentityNumberText(text);
  // One module-level regex, rewound: a fresh one per call would start V8's regex tier-up again.
  const re = CANDIDATE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded.text)) !== null) {
    const kind = classifyMatch(m);
    if (!kind) continue;
    const last = folded.toOriginal(m.index + m[0].length - 1);
    // The last character is a digit: two code units when it lies outside the BMP.
    const width = text.codePointAt(last)! > 0xffff ? 2 : 1;
    found.push({ start: folded.toOriginal(m.index), end: last + width, kind });
  }
  return found;
}

/**
 * The ten digits of an identity number as written (any spelling), so that forms of one number
 * compare equal: `19121212-1212`, `121212 1212` and `１２１２１２-１２１２` all give `1212121212`.
 */
export function identityNumberDigits(written: string): string {
  const digits = foldIdentityNumberText(written).text.replace(/[^0-9]/g, '');
  return digits.length === 12 ? digits.slice(2) : digits;
}

/** Replaces every valid identity number with `[personnummer]` or `[samordningsnummer]`. */
export function maskIdentityNumbers(text: string): string {
  const matches = findIdentityNumbers(text);
  if (matches.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + IDENTITY_NUMBER_MASK[m.kind];
    at = m.end;
  }
  return out + text.slice(at);
}

/** A character of an address's local part (letters of any script allowed). */
const LOCAL_CHAR = /[\p{L}\p{N}._%+'-]/u;
/** The domain after the `@`: at least two labels of letters, digits and inner hyphens. */
const DOMAIN = /[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+/uy;

/**
 * Finds every e-mail address in a text: local part, `@`, and a domain of at least two labels.
 * @remarks Works outward from each `@` instead of running one regex over the text, which would
 * retry the local part from every letter and take quadratic time on a long word (a mail body).
 * Neither side can cross another `@`, so every character is looked at at most twice.
 */
export function findEmailAddresses(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let lastEnd = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', Math.max(at + 1, lastEnd))) {
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (!domain) continue;
    let start = at;
    while (start > lastEnd) {
      const previous = codePointBefore(text, start);
      if (!LOCAL_CHAR.test(previous)) break;
      start -= previous.length;
    }
    if (start === at) continue;
    lastEnd = at + 1 + domain[0].length;
    found.push({ start, end: lastEnd });
  }
  return found;
}

/** The code point that ends just before `index` (one or two UTF-16 units). */
function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text.slice(index - 1, index);
}

/** Replaces every e-mail address with `[e-postadress]`. */
export function maskEmailAddresses(text: string): string {
  let out = '';
  let at = 0;
  for (const m of findEmailAddresses(text)) {
    out += text.slice(at, m.start) + EMAIL_ADDRESS_MASK;
    at = m.end;
  }
  return out + text.slice(at);
}

/** Masks identity numbers and e-mail addresses: for channel card titles, logs and notifications. */
export function maskPersonalData(text: string): string {
  // Addresses first: an identity number used as a mailbox name goes with its address.
  return maskIdentityNumbers(maskEmailAddresses(text));
}

/**
 * Masks identity numbers and e-mail addresses, then puts the text on one line (runs of whitespace
 * become one space, the ends trimmed): for card headings, table cells and one-line answers.
 * @remarks Masking comes first, so a number split over lines is found as written. The zero-width
 * no-break space U+FEFF, which the finder ignores but `\s` counts as a space, is dropped rather
 * than turned into a space that could set digits apart differently from what the finder saw.
 */
export function maskPersonalDataOneLine(text: string): string {
  return maskPersonalData(text)
    .replace(/\uFEFF/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
