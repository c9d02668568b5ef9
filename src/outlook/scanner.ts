/**
 * Scans a mail's subject and body inside the browser: identity numbers (checksum-validated)
 * and words that suggest sensitive data. It returns counts only; the text goes nowhere.
 */
import { findIdentityNumbers, identityNumberDigits } from '../domain/identity-number';
import { SENSITIVE_WORDS, type SensitiveCategory, type WordList } from './sensitive-words';

/** What the scan found: counts only. */
export interface ScanResult {
  personnummer: number;
  samordningsnummer: number;
  /** Distinct numbers (the same number written twice, or with and without century, counts once). */
  distinctIdentityNumbers: number;
  /** Occurrences of words that suggest each kind of sensitive data. */
  sensitive: Record<SensitiveCategory, number>;
}

const CATEGORIES = Object.keys(SENSITIVE_WORDS) as SensitiveCategory[];
const WORD = /[\p{L}\p{N}]+/gu;

interface CompiledList {
  stems: readonly string[];
  prefixes: readonly string[];
  words: ReadonlySet<string>;
  phrases?: RegExp;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(list: WordList): CompiledList {
  const phrases = list.phrases.map((p) => p.split(/\s+/).map(escape).join('\\s+'));
  return {
    stems: list.stems,
    prefixes: list.prefixes,
    words: new Set(list.words),
    phrases: phrases.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`, 'gu')
      : undefined,
  };
}

const COMPILED: Record<SensitiveCategory, CompiledList> = Object.fromEntries(
  CATEGORIES.map((c) => [c, compile(SENSITIVE_WORDS[c])]),
) as Record<SensitiveCategory, CompiledList>;

function wordMatches(word: string, list: CompiledList): boolean {
  if (list.words.has(word)) return true;
  for (const p of list.prefixes) if (word.startsWith(p)) return true;
  for (const s of list.stems) if (word.includes(s)) return true;
  return false;
}

/** Counts words suggesting each kind of sensitive data in a text. */
export function countSensitiveWords(text: string): Record<SensitiveCategory, number> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<SensitiveCategory, number>;
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(WORD)) {
    const word = m[0];
    // Digits-only tokens and single letters cannot be any listed word.
    if (word.length < 3) continue;
    for (const c of CATEGORIES) if (wordMatches(word, COMPILED[c])) counts[c]++;
  }
  for (const c of CATEGORIES) {
    const phrases = COMPILED[c].phrases;
    if (phrases) counts[c] += [...lower.matchAll(phrases)].length;
  }
  return counts;
}

/** Scans texts (subject and body) for identity numbers and sensitive words. */
export function scanTexts(...texts: string[]): ScanResult {
  const result: ScanResult = {
    personnummer: 0,
    samordningsnummer: 0,
    distinctIdentityNumbers: 0,
    sensitive: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<SensitiveCategory, number>,
  };
  const distinct = new Set<string>();
  for (const text of texts) {
    for (const m of findIdentityNumbers(text)) {
      result[m.kind]++;
      distinct.add(identityNumberDigits(text.slice(m.start, m.end)));
    }
    const words = countSensitiveWords(text);
    for (const c of CATEGORIES) result.sensitive[c] += words[c];
  }
  result.distinctIdentityNumbers = distinct.size;
  return result;
}

/** Scans a mail's subject and body. */
export function scanMail(mail: { subject: string; body: string }): ScanResult {
  return scanTexts(mail.subject, mail.body);
}
