/**
 * Characters a person's text may not hold: invisible controls, characters that turn the reading
 * direction of what follows, and broken halves of characters.
 *
 * @remarks Nobody types these; they come with pasted text, or from someone who wants a card to
 * read differently from what was stored (U+202E turns `gpj.exe` round on a card). New reports and
 * changes refuse them (400, code `invalid_characters`); a register import strips them instead (a
 * historical register is taken as it is, an invisible character does not make a row wrong); cards
 * drop the direction controls on display, for what was stored before.
 * - Everywhere: C0 controls except tab and line breaks, DEL, C1 controls (U+0080–U+009F), and
 *   lone surrogates (half a character: JSON can carry them, no text means them).
 * - In single-line fields (a title, a unit, a reference) also the direction controls: embeddings
 *   and overrides U+202A–U+202E, isolates U+2066–U+2069, and the marks U+200E, U+200F, U+061C.
 *   A description may quote Arabic or Hebrew text, where isolates and marks belong; it is never
 *   shown on a channel card.
 */

/** Why a character is refused. */
export type ForbiddenKind = 'control' | 'direction' | 'broken';

/** The first refused character: what kind, and where (1-based, in characters as people count them). */
export interface ForbiddenCharacter {
  kind: ForbiddenKind;
  position: number;
}

// Control characters are what this pattern is for.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const DIRECTION = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const DIRECTION_ALL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const BROKEN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character `text` may not hold, or undefined. */
export function forbiddenCharacter(text: string, options: { singleLine: boolean }): ForbiddenCharacter | undefined {
  const found = [
    { kind: 'control' as const, at: text.search(CONTROL) },
    { kind: 'broken' as const, at: text.search(BROKEN) },
    { kind: 'direction' as const, at: options.singleLine ? text.search(DIRECTION) : -1 },
  ]
    .filter((f) => f.at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  if (!found) return undefined;
  // Characters before it as a person counts them (a character outside the BMP is one, not two).
  return { kind: found.kind, position: Array.from(text.slice(0, found.at)).length + 1 };
}

/** `text` without the characters {@link forbiddenCharacter} refuses (imports take text as it is, less these). */
export function withoutForbiddenCharacters(text: string, options: { singleLine: boolean }): string {
  const cleaned = text.replace(new RegExp(CONTROL.source, 'g'), '').replace(new RegExp(BROKEN.source, 'g'), '');
  return options.singleLine ? withoutDirectionControls(cleaned) : cleaned;
}

/** `text` without direction controls: what a card shows, whatever was stored. */
export function withoutDirectionControls(text: string): string {
  return text.replace(DIRECTION_ALL, '');
}

/** What to tell a person about a refused character in a field (never the text itself). */
export function forbiddenCharacterMessage(
  label: { sv: string; en: string },
  found: ForbiddenCharacter,
): { sv: string; en: string } {
  const what = {
    control: { sv: 'ett osynligt styrtecken', en: 'an invisible control character' },
    direction: {
      sv: 'ett osynligt tecken som vänder läsriktningen',
      en: 'an invisible character that turns the reading direction',
    },
    broken: { sv: 'ett trasigt tecken', en: 'a broken character' },
  }[found.kind];
  return {
    sv: `${label.sv} innehåller ${what.sv} (tecken ${found.position}), oftast från inklistrad text. Skriv in texten på nytt, eller klistra in den som oformaterad text, och skicka igen.`,
    en: `${label.en} contains ${what.en} (character ${found.position}), usually from pasted text. Type the text again, or paste it as plain text, and send again.`,
  };
}
