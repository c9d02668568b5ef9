import { countSensitiveWords, scanMail, scanTexts } from '../../src/outlook/scanner';
import { fixtureMails } from './support/mock-mailbox';

/** Appends the Luhn check digit to nine digits. */
function withCheck(nine: string): string {
  const sum = [...nine].reduce((acc, ch, i) => {
    const p = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return acc + Math.floor(p / 10) + (p % 10);
  }, 0);
  return nine + String((10 - (sum % 10)) % 10);
}

describe('scanner', () => {
  describe('identity numbers', () => {
    it('counts valid personnummer with and without century and dash', () => {
      const scan = scanTexts('a 19121212-1212 b 121212-1212 c 1212121212 d 191212121212 e 821105-9954 f 198211059954');
      expect(scan.personnummer).toBe(6);
      expect(scan.samordningsnummer).toBe(0);
      // The same two people, each written in several forms.
      expect(scan.distinctIdentityNumbers).toBe(2);
    });

    it('does not count numbers whose check digit is wrong', () => {
      const scan = scanTexts('121212-1213 och 870704-9996 och 19870704-9996 och 201509160006');
      expect(scan.personnummer + scan.samordningsnummer).toBe(0);
    });

    it('counts coordination numbers (day + 60) separately', () => {
      const scan = scanTexts(
        `beslut för 761163-1123, 570574-9959 och 19730674-9982; ogiltigt 390182-9913; ${withCheck('230192123')}`,
      );
      expect(scan.samordningsnummer).toBe(3);
      expect(scan.personnummer).toBe(0);
    });

    it('does not count phone numbers, dates or order numbers', () => {
      const scan = scanTexts(
        'Tel 0480-45 00 00, 070-123 45 67, 0701234567, 0480-123456. Mötet 2026-11-20 kl 10.00, 20261120. Order 20261116-1200.',
      );
      expect(scan.personnummer + scan.samordningsnummer).toBe(0);
    });

    it('scans the subject as well as the body', () => {
      expect(scanMail({ subject: 'Gäller 121212-1212', body: 'Inget här.' }).personnummer).toBe(1);
    });

    it('finds what the shared sample mails hold', () => {
      expect(fixtureMails.map((m) => scanMail(m))).toEqual([
        {
          personnummer: 2,
          samordningsnummer: 0,
          distinctIdentityNumbers: 2,
          sensitive: { health: 3, 'social-services': 2, children: 3 },
        },
        {
          personnummer: 0,
          samordningsnummer: 1,
          distinctIdentityNumbers: 1,
          sensitive: { health: 0, 'social-services': 3, children: 0 },
        },
        {
          personnummer: 0,
          samordningsnummer: 0,
          distinctIdentityNumbers: 0,
          sensitive: { health: 0, 'social-services': 0, children: 0 },
        },
      ]);
    });
  });

  describe('sensitive words', () => {
    it('finds health terms, also inside Swedish compounds and as abbreviations', () => {
      expect(countSensitiveWords('Remiss till barnpsykiatrin om hennes ADHD-diagnos, se journalen.').health).toBe(4);
    });

    it('finds social services terms, also as phrases over several words', () => {
      expect(
        countSensitiveWords(
          'Orosanmälan enligt SoL, beslut om ekonomiskt bistånd och placering i familjehem enligt LVU.',
        )['social-services'],
      ).toBe(5);
    });

    it('does not take ordinary words for sensitive ones', () => {
      expect(countSensitiveWords('Solen skiner, vi ses på lunchen och pratar om budgeten och sol-semestern.')).toEqual({
        health: 0,
        'social-services': 0,
        children: 0,
      });
    });

    it('counts words about children', () => {
      expect(countSensitiveWords('Barnet och vårdnadshavaren; eleverna i förskolan.').children).toBe(4);
    });

    it('returns counts only, never the words themselves', () => {
      const scan = scanMail(fixtureMails[0]);
      expect(JSON.stringify(scan)).not.toMatch(/diagnos|ADHD|barnet|020412|198507/i);
      const values = [
        scan.personnummer,
        scan.samordningsnummer,
        scan.distinctIdentityNumbers,
        ...Object.values(scan.sensitive),
      ];
      expect(values.every((v) => typeof v === 'number')).toBe(true);
    });
  });
});
