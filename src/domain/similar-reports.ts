/**
 * *Möjligen samma händelse*: reports that arrive close together from the same Teams message, the
 * same Outlook mail, or with near-identical titles are possibly one event reported several times.
 * The digest card and the tab's board mark them, pointing at the first report of the group; the
 * DPO may then link them to one main incident (src/domain/incident-links.ts).
 * @remarks The source ids are compared as short fingerprints ({@link sourceKeys}), so the digest's
 * app state never holds the ids themselves and stays small.
 */
import type { Incident } from './incident';

/** Why two reports are possibly the same event, strongest first. */
export const SAME_REASONS = ['source-message', 'mail', 'title'] as const;
export type SameReason = (typeof SAME_REASONS)[number];

/** Reports of the same Teams message or the same mail within this long of each other are close together. */
export const SAME_SOURCE_WINDOW_MS = 7 * 24 * 3600_000;
/** Reports with near-identical titles within this long of each other are close together. */
export const SIMILAR_TITLE_WINDOW_MS = 24 * 3600_000;
/** Titles of fewer letters than this are too short to say two reports are the same. */
export const MIN_TITLE_LETTERS = 8;

/** What the rule reads of a report. */
export interface SimilarityItem {
  number: string;
  title: string;
  /** When it was reported; absent: close to every other (the digest's lines are, by construction). */
  reportedAt?: string;
  /** Fingerprint of the Teams message it was reported from ({@link sourceKeys}). */
  sourceKey?: string;
  /** Fingerprint of the mail it was reported from. */
  mailKey?: string;
  /** The main incident's number, when the report is linked already. */
  linkedTo?: string;
}

/** A report's mark: possibly the same event as `first` (a number), and why. */
export interface SameMark {
  first: string;
  reason: SameReason;
}

/**
 * A short fingerprint of an id (cyrb53, 53 bits, base 36): equal ids give equal keys; among the
 * few hundred reports compared at once, two different ids giving one key is a chance of about one
 * in 10^11.
 */
export function fingerprint(id: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The fingerprints of an incident's source ids. */
export function sourceKeys(
  incident: Pick<Incident, 'sourceMessageId' | 'internetMessageId'>,
): Pick<SimilarityItem, 'sourceKey' | 'mailKey'> {
  return {
    ...(incident.sourceMessageId ? { sourceKey: fingerprint(incident.sourceMessageId) } : {}),
    ...(incident.internetMessageId ? { mailKey: fingerprint(incident.internetMessageId) } : {}),
  };
}

/** An incident as the rule reads it. */
export function similarityItem(
  incident: Pick<Incident, 'number' | 'title' | 'createdAt' | 'sourceMessageId' | 'internetMessageId' | 'linkedTo'>,
): SimilarityItem {
  return {
    number: incident.number,
    title: incident.title,
    reportedAt: incident.createdAt,
    ...sourceKeys(incident),
    ...(incident.linkedTo ? { linkedTo: incident.linkedTo.number } : {}),
  };
}

/**
 * A title as compared: letters only, lower case (numbers, masks, punctuation and spacing do not
 * tell two reports of one event apart); empty when too short to compare.
 */
export function titleKey(title: string): string {
  const key = title.toLocaleLowerCase('sv').replace(/[^\p{L}]+/gu, '');
  return key.length < MIN_TITLE_LETTERS ? '' : key;
}

function close(a: SimilarityItem, b: SimilarityItem, windowMs: number): boolean {
  if (!a.reportedAt || !b.reportedAt) return true;
  return Math.abs(Date.parse(a.reportedAt) - Date.parse(b.reportedAt)) <= windowMs;
}

const KEYS: readonly { reason: SameReason; key: (i: SimilarityItem) => string | undefined; windowMs: number }[] = [
  { reason: 'source-message', key: (i) => i.sourceKey, windowMs: SAME_SOURCE_WINDOW_MS },
  { reason: 'mail', key: (i) => i.mailKey, windowMs: SAME_SOURCE_WINDOW_MS },
  { reason: 'title', key: (i) => titleKey(i.title) || undefined, windowMs: SIMILAR_TITLE_WINDOW_MS },
];

/** Union-find over numbers. */
class Groups {
  private readonly parent = new Map<string, string>();
  find(n: string): string {
    let root = n;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(n, root);
    return root;
  }
  join(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/**
 * The reports that are possibly the same event as an earlier one: per number, the first report of
 * its group (the earliest number not itself linked) and the strongest reason it matched on.
 * @remarks Groups are transitive (A and B by mail, B and C by title: one group). A report linked
 * already is not marked (it shows its link) but joins its main's group, so a new report of the
 * same mail as a linked one points at the main. Reports are compared in number order.
 */
export function possiblySameEvent(items: readonly SimilarityItem[]): Map<string, SameMark> {
  const sorted = [...items].sort((a, b) => a.number.localeCompare(b.number));
  const groups = new Groups();
  const reasons = new Map<string, SameReason>();
  const present = new Set(sorted.map((i) => i.number));
  for (const { reason, key, windowMs } of KEYS) {
    const seen = new Map<string, SimilarityItem[]>();
    for (const item of sorted) {
      const k = key(item);
      if (!k) continue;
      const earlier = seen.get(k) ?? [];
      const match = earlier.find((e) => close(e, item, windowMs));
      if (match) {
        groups.join(match.number, item.number);
        if (!reasons.has(item.number)) reasons.set(item.number, reason);
        if (!reasons.has(match.number)) reasons.set(match.number, reason);
      }
      earlier.push(item);
      seen.set(k, earlier);
    }
  }
  for (const item of sorted) if (item.linkedTo && present.has(item.linkedTo)) groups.join(item.linkedTo, item.number);
  const firstOf = new Map<string, string>();
  for (const item of sorted) {
    const root = groups.find(item.number);
    if (!item.linkedTo && !firstOf.has(root)) firstOf.set(root, item.number);
  }
  const marks = new Map<string, SameMark>();
  for (const item of sorted) {
    const first = firstOf.get(groups.find(item.number));
    if (item.linkedTo || !first || first === item.number) continue;
    marks.set(item.number, { first, reason: reasons.get(item.number) ?? 'title' });
  }
  return marks;
}
