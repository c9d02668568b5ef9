import { formatIncidentNumber, parseIncidentNumber } from '../../src/domain';

describe('incident numbers', () => {
  it('always writes the year in four digits, so every number can be opened by number again', () => {
    expect(formatIncidentNumber(2026, 7)).toBe('PUI-2026-0007');
    expect(formatIncidentNumber(1, 1)).toBe('PUI-0001-0001');
    expect(parseIncidentNumber(formatIncidentNumber(1, 1))).toEqual({ year: 1, sequence: 1 });
    expect(formatIncidentNumber(2026, 12_345)).toBe('PUI-2026-12345');
  });

  it('refuses a year that four digits cannot hold', () => {
    expect(() => formatIncidentNumber(10_000, 1)).toThrow(RangeError);
    expect(() => formatIncidentNumber(-1, 1)).toThrow(RangeError);
  });

  it('reads a number case-insensitively and refuses a short year', () => {
    expect(parseIncidentNumber(' pui-2026-0001 ')).toEqual({ year: 2026, sequence: 1 });
    expect(parseIncidentNumber('PUI-1-0001')).toBeUndefined();
  });
});
