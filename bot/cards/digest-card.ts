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
  type Locale,
} from '../../src/domain';
import { card, heading, plain, text, type AdaptiveCard } from './adaptive-card';
import { DPO_CARD_STRINGS } from './dpo-card-strings';
import { sourceLabel } from './labels';

export interface DigestCardOptions {
  /** The tab's address: the action opens its board on these incidents. */
  tabUrl: string;
  /** The channel's language (CHANNEL_LANGUAGE), the same as its cards'; Swedish by default. */
  locale?: Locale;
}

/** Marks a digest card (its `id`), so it is told apart from an incident's card. */
export const DIGEST_CARD_ID = 'pui-digest';

/** The board, asked to show these numbers. */
export function digestBoardUrl(tabUrl: string, numbers: readonly string[]): string {
  const url = new URL(tabUrl);
  url.hash = `/board?numbers=${numbers.map(encodeURIComponent).join(',')}`;
  return url.toString();
}

/** "23 nya incidenter sedan 09:41" (Stockholm time); "23 new incidents since 09:41". */
export function digestHeading(count: number, since: string, locale: Locale = 'sv'): string {
  return DPO_CARD_STRINGS[locale].digest.heading(count, formatStockholm(since).slice(11));
}

export function digestCard(digest: DigestView, options: DigestCardOptions): AdaptiveCard {
  const locale = options.locale ?? 'sv';
  const t = DPO_CARD_STRINGS[locale];
  const same = possiblySameInDigest(digest.lines);
  const lines = digest.lines.map((line) => {
    const found = same.get(line.number);
    const mark = found ? ` · _${t.digest.possiblySame(found.first, t.digest.sameReasons[found.reason])}_` : '';
    return text(
      `**${line.number}** · ${plain(line.title)} · ${sourceLabel(line.source, locale)} · ${formatTimeLeft(timeLeftMs(line.deadline, digest.now), locale)}${mark}`,
      { spacing: 'small' },
    );
  });
  const title = digestHeading(digest.lines.length, digest.since, locale);
  return {
    ...card(
      [
        { ...heading(title), id: DIGEST_CARD_ID },
        text(t.digest.ownCards, {
          isSubtle: true,
          size: 'small',
        }),
        ...lines,
      ],
      {
        actions: [
          {
            type: 'Action.OpenUrl',
            title: t.actions.board,
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
