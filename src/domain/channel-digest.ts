/**
 * The DPO channel in a mass incident: when more new incidents wait for their cards than Teams'
 * pacing lets out within a few seconds, the channel gets ONE digest card listing them all
 * ("23 nya incidenter sedan 09:41"), updated in place as more arrive, while each incident's own
 * card follows at the pace Teams allows. These are the rules; the delivery use case
 * (src/use-cases/channel-digest.ts) applies them and the bot only renders and posts.
 */
import type { Incident } from './incident';
import type { Source } from './vocabulary';
import { maskPersonalDataOneLine } from './identity-number';
import { possiblySameEvent, sourceKeys, type SameMark } from './similar-reports';
import { withoutDirectionControls } from './text-characters';

/**
 * More reports than this waiting for their own card, and they go into a digest. Teams lets a bot
 * post 7 messages in 1 s and 8 in 2 s into one conversation: more than 8 cannot all be on screen
 * within a few seconds one card each.
 */
export const DIGEST_THRESHOLD = 8;

/** A digest card stays under Teams' card size limit (28 KB), with room for the card's frame. */
export const DIGEST_MAX_BYTES = 28 * 1024;

/** One digest card is updated at most this often (updates count against the same per-conversation limits as posts). */
export const DIGEST_UPDATE_MIN_MS = 3_000;

/**
 * A digest's frame (heading, the board action with every number, schema) in bytes, as the bot
 * renders it: the estimate below counts this, {@link DIGEST_LINE_OVERHEAD_BYTES} per line and
 * each title three times over (escaped for Markdown, then for JSON); a bot test holds the bot to it.
 */
export const DIGEST_FRAME_BYTES = 3_072;
export const DIGEST_LINE_OVERHEAD_BYTES = 300;

/** One incident in a digest: nothing a person typed but its masked title, on one line. */
export interface DigestLine {
  incidentId: string;
  reportId: string;
  number: string;
  /** Masked for identity numbers and e-mail addresses first, then collapsed to one line. */
  title: string;
  source: Source;
  deadline: string;
  /** Fingerprints of the Teams message and the mail it was reported from (src/domain/similar-reports.ts), never the ids. */
  sourceKey?: string;
  mailKey?: string;
}

/** The line an incident takes in a digest. */
export function digestLine(
  incident: Pick<Incident, 'id' | 'reportId' | 'number' | 'title' | 'source' | 'deadline'> &
    Partial<Pick<Incident, 'sourceMessageId' | 'internetMessageId'>>,
): DigestLine {
  // Masked before collapsing: a number split over two lines must still be found.
  const title = maskPersonalDataOneLine(withoutDirectionControls(incident.title)).replace(/\s+/g, ' ').trim();
  return {
    incidentId: incident.id,
    reportId: incident.reportId,
    number: incident.number,
    title,
    source: incident.source,
    deadline: incident.deadline,
    ...sourceKeys(incident),
  };
}

/** Earliest deadline first; the number breaks ties (stable for the reader). */
export function sortDigestLines(lines: readonly DigestLine[]): DigestLine[] {
  return [...lines].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.number.localeCompare(b.number));
}

const utf8 = new TextEncoder();

/** The bytes a digest of these lines takes at most, as the bot renders it. */
export function digestBytes(lines: readonly DigestLine[]): number {
  let bytes = DIGEST_FRAME_BYTES;
  for (const line of lines) bytes += DIGEST_LINE_OVERHEAD_BYTES + 3 * utf8.encode(line.title).length;
  return bytes;
}

/** Whether new incidents go into a digest: more wait for their own card than the pacing lets out soon, or a digest is open already. */
export function digestWanted(waitingForCard: number, digestOpen: boolean): boolean {
  return waitingForCard > DIGEST_THRESHOLD || (digestOpen && waitingForCard > 0);
}

/**
 * Adds lines to the open digest's, filling it up to {@link DIGEST_MAX_BYTES}; what does not fit
 * starts new digests (each as full as it may be). Answers the open digest's lines and the new ones.
 */
export function fillDigests(
  open: readonly DigestLine[],
  added: readonly DigestLine[],
): { open: DigestLine[]; next: DigestLine[][] } {
  const current = [...open];
  const next: DigestLine[][] = [];
  let target = current;
  for (const line of sortDigestLines(added)) {
    if (target.length > 0 && digestBytes([...target, line]) > DIGEST_MAX_BYTES) {
      target = [];
      next.push(target);
    }
    target.push(line);
  }
  return { open: sortDigestLines(current), next: next.map(sortDigestLines) };
}

/**
 * Reports in one digest (so: close together) from the same Teams message, the same mail or with
 * near-identical titles are possibly the same event: answers, per number, the first such report
 * (by number) and why (src/domain/similar-reports.ts).
 */
export function possiblySameInDigest(lines: readonly DigestLine[]): Map<string, SameMark> {
  return possiblySameEvent(lines);
}

/** {@link possiblySameInDigest}, the first report's number only. */
export function possiblySame(lines: readonly DigestLine[]): Map<string, string> {
  return new Map([...possiblySameInDigest(lines)].map(([number, mark]) => [number, mark.first]));
}
