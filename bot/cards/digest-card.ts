/**
 * The digest in the DPO channel (rules in src/domain/channel-digest.ts): many new incidents on one
 * card, one line each: number, masked title on one line, source and time left, earliest deadline
 * first, with a link to the board. Each incident's own card (with its actions) follows in the channel.
 */
import {
  formatStockholm,
  formatTimeLeft,
  possiblySameInDigest,
  timeLeftMs,
  type DigestView,
  type SameReason,
} from '../../src/domain';
import { card, heading, plain, text, type AdaptiveCard } from './adaptive-card';
import { sourceLabel } from './labels';

export interface DigestCardOptions {
  /** The tab's address: the action opens its board on these incidents. */
  tabUrl: string;
}

/** Marks a digest card (its `id`), so it is told apart from an incident's card. */
export const DIGEST_CARD_ID = 'pui-digest';

/** The board, asked to show these numbers. */
export function digestBoardUrl(tabUrl: string, numbers: readonly string[]): string {
  const url = new URL(tabUrl);
  url.hash = `/board?numbers=${numbers.map(encodeURIComponent).join(',')}`;
  return url.toString();
}

/** "23 nya incidenter sedan 09:41" (Stockholm time). */
export function digestHeading(count: number, since: string): string {
  const at = formatStockholm(since).slice(11);
  return count === 1 ? `1 ny incident sedan ${at}` : `${count} nya incidenter sedan ${at}`;
}

/** Why a line is possibly the same event as an earlier one, in the mark's words. */
const SAME_REASON_WORDS: Record<SameReason, string> = {
  'source-message': 'samma meddelande i Teams',
  mail: 'samma mejl',
  title: 'liknande rubrik',
};

export function digestCard(digest: DigestView, options: DigestCardOptions): AdaptiveCard {
  const same = possiblySameInDigest(digest.lines);
  const lines = digest.lines.map((line) => {
    const found = same.get(line.number);
    const mark = found ? ` · _möjligen samma händelse som ${found.first} (${SAME_REASON_WORDS[found.reason]})_` : '';
    return text(
      `**${line.number}** · ${plain(line.title)} · ${sourceLabel(line.source)} · ${formatTimeLeft(timeLeftMs(line.deadline, digest.now))}${mark}`,
      { spacing: 'small' },
    );
  });
  const title = digestHeading(digest.lines.length, digest.since);
  return {
    ...card(
      [
        { ...heading(title), id: DIGEST_CARD_ID },
        text('Varje incident får också sitt eget kort i kanalen, med knapparna, så snart Teams släpper fram det.', {
          isSubtle: true,
          size: 'small',
        }),
        ...lines,
      ],
      {
        actions: [
          {
            type: 'Action.OpenUrl',
            title: 'Öppna på tavlan',
            url: digestBoardUrl(
              options.tabUrl,
              digest.lines.map((l) => l.number),
            ),
          },
        ],
        fallbackText: title,
      },
    ),
  };
}
