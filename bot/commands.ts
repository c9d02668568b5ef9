/** The chat commands: Swedish, with English aliases. */

export type Command = 'report' | 'mine' | 'help' | 'set-dpo-channel';

const ALIASES: Record<Command, readonly string[]> = {
  report: [
    'rapportera',
    'rapport',
    'rapportera incident',
    'anmäl',
    'anmal',
    'anmälan',
    'anmäl incident',
    'report',
    'new',
    'ny',
  ],
  mine: ['mina', 'mina rapporter', 'mina anmälningar', 'my', 'mine', 'my reports'],
  help: ['hjälp', 'hjalp', 'help', '?', 'start'],
  'set-dpo-channel': [
    'ställ in dpo-kanal',
    'ställ in dpo kanal',
    'stall in dpo-kanal',
    'stall in dpo kanal',
    'set dpo channel',
    'set dpo-channel',
  ],
};

/** Aliases that are English words: the answer is then in English, whatever the client's locale. */
const ENGLISH = new Set(['report', 'new', 'my', 'mine', 'my reports', 'help', 'set dpo channel', 'set dpo-channel']);
/** Aliases that say nothing about the language (`?`, `start`). */
const NEUTRAL = new Set(['?', 'start']);

/**
 * The language a command was written in: `en` for an English alias, `sv` for a Swedish one,
 * undefined when the text does not tell (`?`) or is no command.
 */
export function commandLocale(text: string | undefined): 'sv' | 'en' | undefined {
  const normalised = normaliseCommandText(text);
  if (!parseCommand(text) || NEUTRAL.has(normalised)) return undefined;
  return ENGLISH.has(normalised) ? 'en' : 'sv';
}

/** The message text without @mentions, in lower case, single-spaced, without closing punctuation. */
export function normaliseCommandText(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFC')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .toLocaleLowerCase('sv-SE')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '')
    .trim();
}

/** The command a message asks for, or undefined. */
export function parseCommand(text: string | undefined): Command | undefined {
  const normalised = normaliseCommandText(text);
  for (const [command, aliases] of Object.entries(ALIASES) as [Command, readonly string[]][]) {
    if (aliases.includes(normalised)) return command;
  }
  return undefined;
}
