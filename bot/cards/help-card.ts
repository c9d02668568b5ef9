/** What the bot can do, in the personal chat and in a channel. */
import type { Locale } from '../../src/domain';
import { card, execute, heading, text, type AdaptiveCard } from './adaptive-card';
import { CHAT_STRINGS } from './chat-strings';

/** Help in the personal chat (`hjälp` / `help`) and the welcome, in the chat's language. */
export function helpCard(locale: Locale = 'sv'): AdaptiveCard {
  const t = CHAT_STRINGS[locale];
  return card(
    [
      heading(t.helpHeading),
      text(t.helpIntro),
      { type: 'FactSet', facts: t.commands.map((c) => ({ ...c })) },
      text(t.fromMessage, { isSubtle: true }),
    ],
    {
      actions: [
        // The buttons carry the card's language: the form and the list they open speak it too.
        execute(t.reportIncident, { verb: 'report.start', lang: locale }),
        execute(t.myReports, { verb: 'my.list', lang: locale }),
      ],
      fallbackText: t.helpFallback,
    },
  );
}

/** Help in a team channel, where the bot only sets up the DPO channel. */
export function channelHelpCard(locale: Locale = 'sv'): AdaptiveCard {
  const t = CHAT_STRINGS[locale];
  return card([heading(t.channelHeading), text(t.channelSetup), text(t.channelPrivate, { isSubtle: true })]);
}
