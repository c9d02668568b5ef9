import fc from 'fast-check';
import {
  findIdentityNumbers,
  FOLDABLE_BMP_RANGES,
  foldIdentityNumberText,
  IDENTITY_NUMBER_MASK,
  identityNumberDigits,
  maskIdentityNumbers,
  maskPersonalData,
  maskPersonalDataOneLine,
} from '../../src/domain/identity-number';
import {
  coreDigits,
  digitsIn,
  embeddedNumber,
  spelledNumber,
  wrongCheckNumber,
} from '../support/identity-number-spellings';

const runs = { numRuns: 2000 };

describe('identity-number (properties)', () => {
  it('finds every checksum-valid number in every spelling, exactly where it was written', () => {
    fc.assert(
      fc.property(embeddedNumber(), (e) => {
        expect({ spelling: e.spelling, found: findIdentityNumbers(e.text) }).toEqual({
          spelling: e.spelling,
          found: [{ start: e.prefix.length, end: e.prefix.length + e.written.length, kind: e.number.kind }],
        });
      }),
      runs,
    );
  });

  it('masks exactly the number and changes nothing else in the text', () => {
    fc.assert(
      fc.property(embeddedNumber(), (e) => {
        expect(maskIdentityNumbers(e.text)).toBe(`${e.prefix}${IDENTITY_NUMBER_MASK[e.number.kind]}${e.suffix}`);
        expect(maskPersonalData(e.text)).toBe(`${e.prefix}${IDENTITY_NUMBER_MASK[e.number.kind]}${e.suffix}`);
      }),
      runs,
    );
  });

  it('leaves no digits of the number on one line either (masking comes before the reflowing)', () => {
    fc.assert(
      fc.property(embeddedNumber(), (e) => {
        const line = maskPersonalDataOneLine(e.text);
        expect(line).not.toMatch(/[\n\r]/);
        expect(digitsIn(line)).not.toContain(coreDigits(e.number));
      }),
      runs,
    );
  });

  it('finds several numbers in one text, in order', () => {
    fc.assert(
      fc.property(fc.array(spelledNumber(), { minLength: 2, maxLength: 5 }), (numbers) => {
        const text = numbers.map((n) => n.written).join(', och ');
        expect(findIdentityNumbers(text).map((m) => text.slice(m.start, m.end))).toEqual(numbers.map((n) => n.written));
      }),
      { numRuns: 500 },
    );
  });

  it('gives one ten-digit key for every spelling of a number', () => {
    fc.assert(
      fc.property(spelledNumber(), (s) => {
        expect(identityNumberDigits(s.written)).toBe(`${coreDigits(s.number)}${s.number.check}`);
      }),
      runs,
    );
  });

  it('leaves look-alikes with a wrong check digit as they are, in every spelling', () => {
    fc.assert(
      fc.property(embeddedNumber(wrongCheckNumber), (e) => {
        expect({ spelling: e.spelling, found: findIdentityNumbers(e.text) }).toEqual({
          spelling: e.spelling,
          found: [],
        });
        expect(maskPersonalData(e.text)).toBe(e.text);
      }),
      runs,
    );
  });

  it('leaves phone numbers, dates and case numbers as they are', () => {
    const lookAlikes = fc.constantFrom(
      'ring 070-123 45 67',
      'Tel 0480-45 00 00',
      '+46 70 123 45 67',
      'Mötet är 2026-11-20 kl 10.00',
      'datum 2026\u201111\u201120',
      'SN 2022/0071.01.05',
      'Dnr KS 2024/0123',
      'Ordernummer 20261116-1200',
      'Ordernummer 20261116\u20111200',
      'Ordernummer 20261116 1200',
      '2026-11-20 10:00',
      'faktura 2026-11-20-1000',
    );
    fc.assert(
      fc.property(lookAlikes, fc.constantFrom('', '\n', ' ', '\u00a0'), (text, joint) => {
        const joined = `${text}${joint}${text}`;
        expect(findIdentityNumbers(joined)).toEqual([]);
        expect(maskPersonalData(joined)).toBe(joined);
      }),
    );
  });
});

describe('foldIdentityNumberText', () => {
  it('lists exactly the BMP characters of the dash, space, format and digit classes (and the minus sign, NEL, line and paragraph separators)', () => {
    const listed = {
      test: (ch: string) =>
        FOLDABLE_BMP_RANGES.some(([from, to]) => ch.charCodeAt(0) >= from && ch.charCodeAt(0) <= to),
    };
    const classes = /^[\p{Pd}\p{Zs}\p{Cf}\p{Nd}\u2212\u0085\u2028\u2029]$/u;
    const differing: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (listed.test(ch) !== classes.test(ch)) differing.push(`U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    // When the engine's Unicode version adds characters, regenerate FOLDABLE_BMP_RANGES from the classes.
    expect(differing).toEqual([]);
  });

  it('folds each kind of character and maps every folded index back to the original', () => {
    const text = 'a\u00a0１２\u200b３\u2011\u{1D7D0}x';
    const folded = foldIdentityNumberText(text);
    expect(folded.text).toBe('a 123-2x');
    expect([...Array(folded.text.length).keys()].map((i) => folded.toOriginal(i))).toEqual([0, 1, 2, 3, 5, 6, 7, 9]);
  });

  it('returns a text with nothing to fold as it is, emoji included', () => {
    const text = 'Hej 😀 121212-1212 “citat”';
    expect(foldIdentityNumberText(text).text).toBe(text);
    expect(findIdentityNumbers(text)).toEqual([{ start: 7, end: 18, kind: 'personnummer' }]);
  });
});
