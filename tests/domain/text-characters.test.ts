import { forbiddenCharacter, withoutDirectionControls, withoutForbiddenCharacters } from '../../src/domain';

describe('forbiddenCharacter', () => {
  it.each([
    ['NUL', '\u0000', 'control'],
    ['vertical tab', '\u000B', 'control'],
    ['escape', '\u001B', 'control'],
    ['DEL', '\u007F', 'control'],
    ['C1 NEL', '\u0085', 'control'],
    ['C1 CSI', '\u009B', 'control'],
    ['lone high surrogate', '\uD800', 'broken'],
    ['lone low surrogate', '\uDC00', 'broken'],
    ...[
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
    ].map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c, 'direction']),
  ])('refuses %s in a single-line field', (_name, character, kind) => {
    expect(forbiddenCharacter(`ab${character}cd`, { singleLine: true })).toEqual({ kind, position: 3 });
  });

  it('allows direction controls in multi-line text, but never controls or broken characters', () => {
    expect(forbiddenCharacter('a \u2067x\u2069 \u200F', { singleLine: false })).toBeUndefined();
    expect(forbiddenCharacter('a\u007F', { singleLine: false })).toEqual({ kind: 'control', position: 2 });
    expect(forbiddenCharacter('a\uD800', { singleLine: false })).toEqual({ kind: 'broken', position: 2 });
  });

  it('accepts tabs, line breaks, emoji (a surrogate pair) and letters of any script', () => {
    expect(forbiddenCharacter('Å\tä\nö\r\n😀 مرحبا שלום ✓', { singleLine: true })).toBeUndefined();
  });

  it('counts positions as people do: an emoji before it is one character, and names the first one', () => {
    expect(forbiddenCharacter('😀😀\u202E\u0000', { singleLine: true })).toEqual({ kind: 'direction', position: 3 });
  });
});

describe('withoutForbiddenCharacters and withoutDirectionControls', () => {
  it('drops what is refused and keeps everything else', () => {
    expect(
      withoutForbiddenCharacters('Bi\u0000la\u007Fga\u0085 \u202Eexe\u202C.pdf 😀 \uD800', { singleLine: true }),
    ).toBe('Bilaga exe.pdf 😀 ');
    expect(withoutForbiddenCharacters('Citat \u2067x\u2069\n\u0007', { singleLine: false })).toBe(
      'Citat \u2067x\u2069\n',
    );
    expect(withoutDirectionControls('\u202Egpj.exe\u202C \u2066a\u2069\u200E\u200F\u061C')).toBe('gpj.exe a');
  });
});
