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

/** Separators accepted between date and serial: hyphen, plus (100 years or older), en dash (word processors' autocorrect). */
const SEPARATOR = '[-+\u2013]';

/**
 * Candidates: optional century, YYMMDD, optional separator, NNN, C. The lookarounds keep
 * digits that are part of a longer run of digits (also across a hyphen or plus) out.
 */
const CANDIDATE = new RegExp(
  `(?<!\\d)(?<!\\d${SEPARATOR})(\\d{2})?(\\d{2})(\\d{2})(\\d{2})(${SEPARATOR})?(\\d{3})(\\d)(?!\\d)(?!${SEPARATOR}\\d)`,
  'g',
);

const WHOLE = new RegExp(`^(\\d{2})?(\\d{2})(\\d{2})(\\d{2})(${SEPARATOR})?(\\d{3})(\\d)$`);

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
function classify(century: string | undefined, yy: string, mm: string, dd: string, separator: string | undefined, serial: string, check: string): IdentityNumberKind | undefined {
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

/** True when the whole text (surrounding space ignored) is a valid personnummer or samordningsnummer. */
export function isValidIdentityNumber(text: string): boolean {
  return identityNumberKind(text) !== undefined;
}

/** The kind of a valid identity number, or undefined when the text is not one. */
export function identityNumberKind(text: string): IdentityNumberKind | undefined {
  const m = WHOLE.exec(text.trim());
  if (!m) return undefined;
  return classify(m[1], m[2], m[3], m[4], m[5], m[6], m[7]);
}

/** Finds every valid identity number in a text, in order of appearance. */
export function findIdentityNumbers(text: string): IdentityNumberMatch[] {
  const found: IdentityNumberMatch[] = [];
  const re = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const kind = classify(m[1], m[2], m[3], m[4], m[5], m[6], m[7]);
    if (kind) found.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  return found;
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
