import {
  formatStockholm,
  parseIsoInstant,
  parseStockholmLocal,
  stockholmOffsetMinutes,
  stockholmYear,
} from '../../src/domain/stockholm-time';

describe('parseStockholmLocal', () => {
  it('reads a winter time as UTC+1', () => {
    expect(parseStockholmLocal('2024-02-05 10:30')).toBe('2024-02-05T09:30:00.000Z');
  });
  it('reads a summer time as UTC+2', () => {
    expect(parseStockholmLocal('2024-05-20 11:00')).toBe('2024-05-20T09:00:00.000Z');
  });
  it('reads a date alone as midnight', () => {
    expect(parseStockholmLocal('2024-07-01')).toBe('2024-06-30T22:00:00.000Z');
  });
  it('reads a leap day and refuses 29 February of a common year', () => {
    expect(parseStockholmLocal('2024-02-29 08:00')).toBe('2024-02-29T07:00:00.000Z');
    expect(parseStockholmLocal('2023-02-29 08:00')).toBeUndefined();
  });
  it('chooses the earlier instant in the autumn overlap', () => {
    // 2024-10-27 02:30 happens twice: first at 00:30Z (CEST), then at 01:30Z (CET).
    expect(parseStockholmLocal('2024-10-27 02:30')).toBe('2024-10-27T00:30:00.000Z');
  });
  it('moves a time in the spring gap forward as the clocks did', () => {
    // 2024-03-31 02:30 never happened; read with the winter offset it is 01:30Z = 03:30 CEST.
    expect(parseStockholmLocal('2024-03-31 02:30')).toBe('2024-03-31T01:30:00.000Z');
  });
  it('refuses text that is not a time', () => {
    for (const bad of ['', 'igår', '2024-13-01 10:00', '2024-02-05 25:00', '05/02/2024 10:30']) {
      expect(parseStockholmLocal(bad)).toBeUndefined();
    }
  });
});

describe('formatStockholm and offsets', () => {
  it('shows UTC instants in Stockholm time', () => {
    expect(formatStockholm('2026-11-21T08:42:00.000Z')).toBe('2026-11-21 09:42');
    expect(formatStockholm('2026-07-01T08:42:00.000Z')).toBe('2026-07-01 10:42');
  });
  it('knows the offset on each side of a change', () => {
    expect(stockholmOffsetMinutes(new Date('2026-03-29T00:59:00Z'))).toBe(60);
    expect(stockholmOffsetMinutes(new Date('2026-03-29T01:00:00Z'))).toBe(120);
  });
  it('gives the Stockholm year at new year', () => {
    expect(stockholmYear('2026-12-31T23:30:00.000Z')).toBe(2027);
  });
});

describe('parseIsoInstant', () => {
  it('accepts ISO 8601 with a zone and normalises to UTC', () => {
    expect(parseIsoInstant('2026-11-18T09:42:00+01:00')).toBe('2026-11-18T08:42:00.000Z');
    expect(parseIsoInstant('2026-11-18T08:42Z')).toBe('2026-11-18T08:42:00.000Z');
  });
  it('refuses times without a zone, impossible dates and other types', () => {
    for (const bad of ['2026-11-18T09:42:00', '2026-02-30T10:00:00Z', '2026-11-18', 'nu', 1731920000000, null]) {
      expect(parseIsoInstant(bad)).toBeUndefined();
    }
  });
});
