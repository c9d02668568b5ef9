/**
 * fast-check arbitraries for the property tests of identity numbers: checksum-valid personnummer
 * and samordningsnummer (10 and 12 digits) in every spelling people paste, embedded in texts, and
 * look-alikes (a wrong check digit) that must stay as they are.
 * @remarks The check digit and the dates are computed here independently of the domain code.
 */
import fc from 'fast-check';

/** A generated identity number: its parts and kind. */
export interface GeneratedNumber {
  kind: 'personnummer' | 'samordningsnummer';
  /** Four-digit year. */
  year: number;
  month: number;
  /** The calendar day (a samordningsnummer adds 60 when written). */
  day: number;
  serial: number;
  /** The check digit; a wrong one for look-alikes. */
  check: number;
}

/** A spelling of a number, and whether the written form needs a plus (born 100 years or more ago). */
export interface Spelled {
  number: GeneratedNumber;
  written: string;
  /** Which spelling, for failure messages. */
  spelling: string;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The Luhn check digit of nine digits. */
export function luhnCheck(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The written day: +60 for a samordningsnummer. */
function writtenDay(n: GeneratedNumber): number {
  return n.kind === 'samordningsnummer' ? n.day + 60 : n.day;
}

function nineDigits(n: GeneratedNumber): string {
  return `${two(n.year % 100)}${two(n.month)}${two(writtenDay(n))}${String(n.serial).padStart(3, '0')}`;
}

/** A valid number: a real date from 1880 to 2025, serial 001–999, the right check digit. */
export const validNumber: fc.Arbitrary<GeneratedNumber> = fc
  .record({
    kind: fc.constantFrom('personnummer' as const, 'samordningsnummer' as const),
    year: fc.integer({ min: 1880, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayIndex: fc.integer({ min: 0, max: 30 }),
    serial: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ kind, year, month, dayIndex, serial }) => {
    const day = (dayIndex % daysIn(year, month)) + 1;
    const n: GeneratedNumber = { kind, year, month, day, serial, check: 0 };
    n.check = luhnCheck(nineDigits(n));
    return n;
  });

/** The same numbers with a wrong check digit: order numbers and the like that only look alike. */
export const wrongCheckNumber: fc.Arbitrary<GeneratedNumber> = fc
  .tuple(validNumber, fc.integer({ min: 1, max: 9 }))
  .map(([n, off]) => ({ ...n, check: (n.check + off) % 10 }));

/** Separators between date and serial, as they arrive from Word, PDFs, web pages and phones. */
const SEPARATORS: readonly [name: string, text: string][] = [
  ['hyphen', '-'],
  ['none', ''],
  ['hyphen U+2010', '\u2010'],
  ['non-breaking hyphen U+2011', '\u2011'],
  ['figure dash U+2012', '\u2012'],
  ['en dash', '\u2013'],
  ['em dash', '\u2014'],
  ['minus sign U+2212', '\u2212'],
  ['small hyphen-minus U+FE63', '\ufe63'],
  ['full-width hyphen-minus', '\uff0d'],
  ['space', ' '],
  ['no-break space', '\u00a0'],
  ['narrow no-break space', '\u202f'],
  ['spaces around the hyphen', ' - '],
  ['spaces around the en dash', ' \u2013 '],
  ['no-break spaces around the hyphen', '\u00a0-\u00a0'],
  ['hyphen and a line break', '-\n'],
  ['hyphen and CRLF', '-\r\n'],
  ['hyphen, line break and indent', '-\n    '],
  ['line break', '\n'],
  ['zero-width space before the hyphen', '\u200b-'],
  ['word joiner after the hyphen', '-\u2060'],
  ['soft hyphen', '\u00ad'],
  ['tab', '\t'],
];

/** Digits of other scripts: the zero of each block (the others follow it). */
const DIGIT_ZEROS: readonly [name: string, zero: number][] = [
  ['ASCII', 0x30],
  ['full-width', 0xff10],
  ['Arabic-Indic', 0x0660],
  ['extended Arabic-Indic', 0x06f0],
  ['Devanagari', 0x0966],
  ['mathematical bold (outside the BMP)', 0x1d7ce],
];

/** Invisible characters that may sit between any two digits. */
const INVISIBLES: readonly string[] = ['\u200b', '\u2060', '\u00ad', '\u200c', '\u200d', '\ufeff'];

function inScript(text: string, zero: number): string {
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
}

/** Writes a number in one spelling (century or not, any separator, or YYYY-MM-DD-NNNC). */
function spell(
  n: GeneratedNumber,
  form: 'short' | 'long' | 'dated',
  separator: [string, string],
  script: [string, number],
  invisibleAt: number | undefined,
): Spelled {
  const serial = `${String(n.serial).padStart(3, '0')}${n.check}`;
  const yy = two(n.year % 100);
  const century = two(Math.floor(n.year / 100));
  const mmdd = `${two(n.month)}${two(writtenDay(n))}`;
  // A short number of someone 100 or older is written with a plus (the only way to tell).
  const plus = form === 'short' && n.year < 1926;
  let sep = separator[1];
  if (plus) sep = sep.replace(/[-\u2010-\u2014\u2212\ufe63\uff0d]/, '+');
  if (plus && !sep.includes('+')) sep = '+';
  let written: string;
  let spelling: string;
  if (form === 'dated') {
    const dash = separator[1].match(/[-\u2010-\u2014\u2212\ufe63\uff0d]/)?.[0] ?? '-';
    written = `${century}${yy}${dash}${two(n.month)}${dash}${two(writtenDay(n))}${dash}${serial}`;
    spelling = `YYYY-MM-DD-NNNC with ${JSON.stringify(dash)}`;
  } else {
    written = `${form === 'long' ? century : ''}${yy}${mmdd}${sep}${serial}`;
    spelling = `${form === 'long' ? 'YYYYMMDD' : 'YYMMDD'} ${plus ? `plus (${JSON.stringify(sep)})` : separator[0]}`;
  }
  if (invisibleAt !== undefined) {
    // An invisible character between two digits (never at the ends, where it would not be part of the number).
    const digitAt = [...written.matchAll(/[0-9]/g)].map((m) => m.index!);
    const at = digitAt[1 + (invisibleAt % (digitAt.length - 1))];
    written = written.slice(0, at) + INVISIBLES[invisibleAt % INVISIBLES.length] + written.slice(at);
    spelling += ', with an invisible character inside';
  }
  written = inScript(written, script[1]);
  return { number: n, written, spelling: `${spelling}, ${script[0]} digits` };
}

/** Spellings of generated numbers (valid ones by default; pass {@link wrongCheckNumber} for look-alikes). */
export function spelledNumber(numbers: fc.Arbitrary<GeneratedNumber> = validNumber): fc.Arbitrary<Spelled> {
  return fc
    .record({
      n: numbers,
      form: fc.constantFrom('short' as const, 'long' as const, 'dated' as const),
      separator: fc.constantFrom(...SEPARATORS),
      script: fc.oneof(
        { weight: 3, arbitrary: fc.constant(DIGIT_ZEROS[0]) },
        { weight: 2, arbitrary: fc.constantFrom(...DIGIT_ZEROS.slice(1)) },
      ),
      invisibleAt: fc.option(fc.nat({ max: 1000 }), { freq: 4 }),
    })
    .map(({ n, form, separator, script, invisibleAt }) => spell(n, form, separator, script, invisibleAt ?? undefined));
}

/** Text around a number: never a digit, hyphen or plus right next to it. */
export const before: fc.Arbitrary<string> = fc.constantFrom(
  '',
  'Gäller ',
  'pnr: ',
  '(',
  'Barnet ',
  'Rubrik\n',
  'Mejl om ',
  'Personnummer ',
  '«',
  'pnr\u00a0',
);
export const after: fc.Arbitrary<string> = fc.constantFrom(
  '',
  '.',
  ' har',
  ')',
  ', se bifogat',
  '\n',
  ' och',
  '»',
  ' i mejlet',
);

/** A number embedded in a text, with the text's parts. */
export interface Embedded extends Spelled {
  text: string;
  prefix: string;
  suffix: string;
}

/** One spelled number embedded between a prefix and a suffix. */
export function embeddedNumber(numbers: fc.Arbitrary<GeneratedNumber> = validNumber): fc.Arbitrary<Embedded> {
  return fc
    .tuple(before, spelledNumber(numbers), after)
    .map(([prefix, spelled, suffix]) => ({ ...spelled, prefix, suffix, text: `${prefix}${spelled.written}${suffix}` }));
}

/** The digits of a number as they could be read off a text (any script, invisible characters and separators ignored). */
export function digitsIn(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Cf}]/gu, '')
    .replace(/\p{Nd}/gu, (d) => {
      const code = d.codePointAt(0)!;
      for (const [, zero] of DIGIT_ZEROS) if (code >= zero && code < zero + 10) return String(code - zero);
      return d;
    })
    .replace(/[^0-9]/g, '');
}

/** The nine digits after the century (YYMMDD + NNN): what must not be readable in a masked text. */
export function coreDigits(n: GeneratedNumber): string {
  return nineDigits(n);
}
