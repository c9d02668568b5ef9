import {
  accessLogRetentionDays,
  dueForCulling,
  retentionDueAt,
  retentionPolicy,
  RetentionSettingError,
} from '../../src/domain/retention';
import { aDpo, anIncident } from '../support/incident-mother';

const closed = (number: string, closedAt: string) => anIncident({ number, status: 'closed', closedAt, closedBy: aDpo });
const fiveYears = retentionPolicy({ RETENTION_YEARS: '5' });

describe('retention settings', () => {
  it('keeps everything when RETENTION_YEARS is unset or empty (bevaras)', () => {
    expect(retentionPolicy({})).toEqual({ kind: 'keep' });
    expect(retentionPolicy({ RETENTION_YEARS: ' ' })).toEqual({ kind: 'keep' });
  });

  it('reads years, from and scope, with closure and whole by default', () => {
    expect(fiveYears).toEqual({ kind: 'cull', years: 5, from: 'closure', scope: 'whole' });
    expect(
      retentionPolicy({ RETENTION_YEARS: '2', RETENTION_FROM: 'end-of-year', RETENTION_SCOPE: 'free-text' }),
    ).toEqual({ kind: 'cull', years: 2, from: 'end-of-year', scope: 'free-text' });
  });

  it.each([
    [{ RETENTION_YEARS: 'fem' }, 'RETENTION_YEARS must be a whole number of years from 1 to 100'],
    [{ RETENTION_YEARS: '0' }, 'RETENTION_YEARS must be a whole number of years from 1 to 100'],
    [{ RETENTION_YEARS: '5', RETENTION_FROM: 'opening' }, 'RETENTION_FROM must be closure or end-of-year'],
    [{ RETENTION_YEARS: '5', RETENTION_SCOPE: 'some' }, 'RETENTION_SCOPE must be free-text, audit or whole'],
  ])('refuses %j naming the variable', (input, message) => {
    expect(() => retentionPolicy(input)).toThrow(RetentionSettingError);
    expect(() => retentionPolicy(input)).toThrow(message);
  });

  it('reads ACCESS_LOG_RETENTION_DAYS, unset meaning kept', () => {
    expect(accessLogRetentionDays(undefined)).toBeUndefined();
    expect(accessLogRetentionDays('365')).toBe(365);
    expect(() => accessLogRetentionDays('-1')).toThrow('ACCESS_LOG_RETENTION_DAYS must be a whole number of days');
  });
});

describe('when a closed incident falls due', () => {
  it('never for an open incident, under the keep policy, or under a legal hold', () => {
    expect(retentionDueAt(anIncident(), fiveYears)).toBeUndefined();
    expect(retentionDueAt(closed('PUI-2020-0001', '2020-03-01T10:00:00.000Z'), { kind: 'keep' })).toBeUndefined();
    const held = {
      ...closed('PUI-2020-0001', '2020-03-01T10:00:00.000Z'),
      legalHold: { since: '2021-01-01T00:00:00.000Z', by: aDpo, reason: 'court' as const },
    };
    expect(retentionDueAt(held, fiveYears)).toBeUndefined();
  });

  it('N years after closure, 29 February ending on the 28th', () => {
    expect(retentionDueAt(closed('PUI-2020-0001', '2020-03-01T10:00:00.000Z'), fiveYears)).toBe(
      '2025-03-01T10:00:00.000Z',
    );
    expect(retentionDueAt(closed('PUI-2020-0002', '2020-02-29T10:00:00.000Z'), fiveYears)).toBe(
      '2025-02-28T10:00:00.000Z',
    );
  });

  it('N years after the end of the year of closure, at Stockholm midnight (a New Year’s Eve evening counts to its Stockholm year)', () => {
    const policy = retentionPolicy({ RETENTION_YEARS: '2', RETENTION_FROM: 'end-of-year' });
    expect(retentionDueAt(closed('PUI-2024-0001', '2024-06-01T10:00:00.000Z'), policy)).toBe(
      '2026-12-31T23:00:00.000Z',
    );
    // 23:30 UTC on 31 December is already 1 January in Stockholm.
    expect(retentionDueAt(closed('PUI-2024-0002', '2024-12-31T23:30:00.000Z'), policy)).toBe(
      '2027-12-31T23:00:00.000Z',
    );
  });

  it('lists what is due as of a date, earliest first, and nothing when nothing is', () => {
    const incidents = [
      closed('PUI-2021-0002', '2021-05-01T00:00:00.000Z'),
      closed('PUI-2020-0001', '2020-01-10T00:00:00.000Z'),
      closed('PUI-2024-0001', '2024-01-10T00:00:00.000Z'),
      anIncident(),
    ];

    expect(dueForCulling(incidents, fiveYears, new Date('2026-12-01T00:00:00.000Z'))).toEqual([
      { number: 'PUI-2020-0001', closedAt: '2020-01-10T00:00:00.000Z', dueAt: '2025-01-10T00:00:00.000Z' },
      { number: 'PUI-2021-0002', closedAt: '2021-05-01T00:00:00.000Z', dueAt: '2026-05-01T00:00:00.000Z' },
    ]);
    expect(dueForCulling(incidents, fiveYears, new Date('2024-12-01T00:00:00.000Z'))).toEqual([]);
    expect(dueForCulling([], fiveYears, new Date('2030-01-01T00:00:00.000Z'))).toEqual([]);
  });
});
