import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findEmailAddresses,
  findIdentityNumbers,
  identityNumberKind,
  isValidIdentityNumber,
  luhnValid,
  maskEmailAddresses,
  maskIdentityNumbers,
  maskPersonalData,
} from '../../src/domain/identity-number';

const fixtures = join(__dirname, '..', 'fixtures');

interface Vector {
  long_format: string;
  separated_format: string;
  separated_long: string;
  valid: boolean;
  type: 'ssn' | 'con';
}
interface SampleMail {
  kind: string;
  body: string;
}

const vectors: Vector[] = JSON.parse(readFileSync(join(fixtures, 'personnummer-testdata.json'), 'utf8'));
const mails: SampleMail[] = JSON.parse(readFileSync(join(fixtures, 'sample-mails.json'), 'utf8'));

/** The four forms a vector is written in: long, short (10 digits), separated, separated long. */
function forms(v: Vector): string[] {
  return [v.long_format, v.long_format.slice(2), v.separated_format, v.separated_long];
}

/** Appends the Luhn check digit to nine digits (an independent implementation for the tests). */
function withCheck(nine: string): string {
  const sum = [...nine].reduce((acc, ch, i) => {
    const p = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return acc + Math.floor(p / 10) + (p % 10);
  }, 0);
  return nine + String((10 - (sum % 10)) % 10);
}

/** The same nine digits with a wrong check digit. */
function withWrongCheck(nine: string): string {
  const right = Number(withCheck(nine).slice(-1));
  return nine + String((right + 1) % 10);
}

function found(text: string): string[] {
  return findIdentityNumbers(text).map((m) => text.slice(m.start, m.end));
}

describe('identity-number', () => {
  it('has the test vectors it is meant to check', () => {
    expect(vectors.length).toBe(13);
    expect(vectors.filter((v) => v.valid).length).toBe(7);
    expect(vectors.filter((v) => v.type === 'con').length).toBe(4);
  });

  describe('isValidIdentityNumber', () => {
    for (const v of vectors) {
      for (const form of forms(v)) {
        it(`says ${v.valid ? 'valid' : 'invalid'} for ${v.type} ${JSON.stringify(form)}`, () => {
          expect(isValidIdentityNumber(form)).toBe(v.valid);
          expect(identityNumberKind(form)).toBe(
            v.valid ? (v.type === 'con' ? 'samordningsnummer' : 'personnummer') : undefined,
          );
        });
      }
    }

    it.each(['19121212-1212', '121212-1212', '1212121212', '191212121212', '121212+1212', ' 121212-1212 '])(
      'accepts %s',
      (text) => {
        expect(isValidIdentityNumber(text)).toBe(true);
      },
    );

    it('accepts an en dash, which word processors put in for a hyphen', () => {
      expect(isValidIdentityNumber('121212\u20131212')).toBe(true);
    });

    it.each([
      ['a wrong check digit', '121212-1213'],
      ['a space as separator', '121212 1212'],
      ['too few digits', '12121-1212'],
      ['too many digits', '1212121-1212'],
      ['a century that is not 18, 19 or 20', '171212121212'],
      ['text around it', 'pnr 121212-1212'],
      ['an empty string', ''],
      ['serial 000, never issued, though the checksum holds', '1509160006'],
    ])('rejects %s', (_why, text) => {
      expect(isValidIdentityNumber(text)).toBe(false);
    });

    it('checks the calendar date, with leap years', () => {
      expect(isValidIdentityNumber(withCheck('000229123'))).toBe(true); // 2000 was a leap year
      expect(isValidIdentityNumber('20' + withCheck('000229123'))).toBe(true);
      expect(isValidIdentityNumber('19' + withCheck('000229123'))).toBe(false); // 1900 was not
      expect(isValidIdentityNumber(withCheck('240229123'))).toBe(true);
      expect(isValidIdentityNumber(withCheck('230229123'))).toBe(false);
      expect(isValidIdentityNumber(withCheck('230228123'))).toBe(true);
      expect(isValidIdentityNumber(withCheck('230431123'))).toBe(false); // April has 30 days
      expect(isValidIdentityNumber(withCheck('230430123'))).toBe(true);
      expect(isValidIdentityNumber(withCheck('231301123'))).toBe(false); // month 13
      expect(isValidIdentityNumber(withCheck('230001123'))).toBe(false); // month 0
      expect(isValidIdentityNumber(withCheck('230100123'))).toBe(false); // day 0
    });

    it('treats day + 60 as a coordination number, only for days 61 to 91 that make a real date', () => {
      expect(identityNumberKind(withCheck('230161123'))).toBe('samordningsnummer');
      expect(identityNumberKind(withCheck('230191123'))).toBe('samordningsnummer');
      expect(identityNumberKind(withCheck('240289123'))).toBe('samordningsnummer'); // 29 Feb 2024 + 60
      expect(isValidIdentityNumber(withCheck('230289123'))).toBe(false); // 29 Feb 2023 + 60
      expect(isValidIdentityNumber(withCheck('230160123'))).toBe(false);
      expect(isValidIdentityNumber(withCheck('230192123'))).toBe(false);
      expect(isValidIdentityNumber(withCheck('230491123'))).toBe(false); // 31 April + 60
      expect(isValidIdentityNumber(withWrongCheck('230161123'))).toBe(false);
    });
  });

  describe('findIdentityNumbers', () => {
    for (const v of vectors) {
      // The vectors call a space as separator invalid (for a field); in free text the finder takes it,
      // so a spaced vector whose digits form a valid number (19090527 1474 is 19090527+1474) is found.
      const findable =
        v.valid ||
        (v.long_format.includes(' ') &&
          vectors.some((w) => w.valid && w.long_format === v.long_format.replace(' ', '')));
      for (const form of forms(v)) {
        it(`${findable ? 'finds' : 'does not find'} ${JSON.stringify(form)} inside a sentence`, () => {
          const text = `Gäller ${form}, se bifogat.`;
          const matches = findIdentityNumbers(text);
          if (findable) {
            expect(matches).toEqual([
              { start: 7, end: 7 + form.length, kind: v.type === 'con' ? 'samordningsnummer' : 'personnummer' },
            ]);
          } else {
            expect(matches).toEqual([]);
          }
        });
      }
    }

    it('finds the well-known test number in all its forms', () => {
      const text = 'A 19121212-1212, B 121212-1212, C 1212121212, D 191212121212.';
      expect(found(text)).toEqual(['19121212-1212', '121212-1212', '1212121212', '191212121212']);
    });

    it('finds a number at the very start and end of the text and next to punctuation', () => {
      expect(found('121212-1212')).toEqual(['121212-1212']);
      expect(found('(1212121212)')).toEqual(['1212121212']);
      expect(found('pnr:121212-1212.')).toEqual(['121212-1212']);
      expect(found('1212121212\n191212121212')).toEqual(['1212121212', '191212121212']);
    });

    it('finds the numbers in the sample mails, and only those', () => {
      const byKind = Object.fromEntries(mails.map((m) => [m.kind, found(m.body)]));
      expect(byKind).toEqual({
        'sent-to-wrong-recipient': ['020412-5645', '198507092388'],
        'received-by-mistake': ['761163-1123'],
        'no-personal-data': [],
      });
      expect(findIdentityNumbers(mails[1].body)[0].kind).toBe('samordningsnummer');
    });

    it('does not take the order number 20261116-1200 for one (a real date, but the check digit is wrong)', () => {
      expect(luhnValid('2611161200')).toBe(false);
      expect(found('Ordernummer 20261116-1200')).toEqual([]);
    });

    it.each([
      ['mobile number', 'ring 070-123 45 67'],
      ['mobile number without spaces', 'ring 0701234567'],
      ['area-code number', 'Tel 0480-45 00 00'],
      ['area-code number, one group', 'telefon 0480-123456'],
      ['international number', '+46 70 123 45 67'],
      ['ISO date', 'Mötet är 2026-11-20 kl 10.00'],
      ['compact date', 'datum 20261120'],
      ['date and time', '2026-11-20 10:00'],
      ['date range', '20261101-20261130'],
    ])('does not take a %s for one', (_what, text) => {
      expect(found(text)).toEqual([]);
    });

    it('does not find a number embedded in a longer run of digits', () => {
      expect(found('99121212121299')).toEqual([]);
      expect(found('01212121212')).toEqual([]);
      expect(found('12121212120')).toEqual([]);
      expect(found('5-121212-1212')).toEqual([]);
      expect(found('121212-1212-5')).toEqual([]);
      expect(found('9121212-1212')).toEqual([]);
      expect(found('171212121212')).toEqual([]); // not a century: the ten digits are embedded
    });

    it('finds nothing in text without digits', () => {
      expect(findIdentityNumbers('Inga nummer här.')).toEqual([]);
    });
  });

  describe('masking', () => {
    it('masks every form of the test number', () => {
      const text = 'A 19121212-1212, B 121212-1212, C 1212121212, D 191212121212.';
      expect(maskIdentityNumbers(text)).toBe('A [personnummer], B [personnummer], C [personnummer], D [personnummer].');
    });

    it('masks coordination numbers with their own word and leaves everything else alone', () => {
      const masked = maskIdentityNumbers(mails[1].body);
      expect(masked).toContain('[samordningsnummer]');
      expect(masked).not.toContain('761163-1123');
      expect(masked).toContain('2026-11-20');
      expect(masked).toContain('070-123 45 67');
    });

    it('leaves a text without identity numbers unchanged', () => {
      expect(maskIdentityNumbers(mails[2].body)).toBe(mails[2].body);
    });

    it('masks e-mail addresses', () => {
      expect(maskEmailAddresses('Skickat till erik.skola@extern-skola.example.com och Åsa.Öberg@kommun.se.')).toBe(
        'Skickat till [e-postadress] och [e-postadress].',
      );
      expect(findEmailAddresses('a@b.se, c.d+e@f-g.example.com')).toEqual([
        { start: 0, end: 6 },
        { start: 8, end: 29 },
      ]);
      expect(maskEmailAddresses('kl 10@ eller @home')).toBe('kl 10@ eller @home');
    });

    it('finds the same addresses as the plain regex over random texts (including other scripts and surrogate pairs)', () => {
      // The specification, as one regex: quadratic on long words, so the code works outward from each @.
      const reference =
        /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+/gu;
      const alphabet = [
        'ab',
        'Ö',
        '7',
        '.',
        '-',
        '_',
        '+',
        '@',
        ' ',
        ',',
        '𝒜',
        '\n',
        '@',
        '.se',
        'x.y',
        'kommun',
        '-a',
      ];
      let seed = 20261201;
      const random = (n: number) => {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
        return (seed >>> 8) % n;
      };
      let addresses = 0;
      for (let i = 0; i < 3000; i += 1) {
        const text = Array.from({ length: 1 + random(16) }, () => alphabet[random(alphabet.length)]).join('');
        const expected = [...text.matchAll(reference)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
        expect({ text, found: findEmailAddresses(text) }).toEqual({ text, found: expected });
        addresses += expected.length;
      }
      expect(addresses).toBeGreaterThan(100);
    });

    it('masks both in a title, including a number used as a mailbox name', () => {
      expect(maskPersonalData('Mejl om 121212-1212 till anna@kommun.example.se')).toBe(
        'Mejl om [personnummer] till [e-postadress]',
      );
      expect(maskPersonalData('1212121212@example.se')).toBe('[e-postadress]');
      const body = maskPersonalData(mails[0].body);
      expect(body).not.toMatch(/020412|198507/);
      expect(body.match(/\[personnummer\]/g)).toHaveLength(2);
    });
  });
});
