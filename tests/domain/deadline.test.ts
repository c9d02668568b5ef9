import { formatTimeLeft, isLate, isOverdue, noticeDeadline, timeLeftMs } from '../../src/domain/deadline';
import { formatStockholm } from '../../src/domain/stockholm-time';

describe('noticeDeadline', () => {
  it('is 72 hours of elapsed time after awareness', () => {
    expect(noticeDeadline('2026-11-18T08:42:00.000Z')).toBe('2026-11-21T08:42:00.000Z');
  });

  it('keeps 72 elapsed hours across the spring daylight-saving change, so the Stockholm clock shows one hour later', () => {
    // 2026-03-29 02:00 CET → 03:00 CEST. Aware Friday 27 March 10:00 Stockholm (09:00Z).
    const deadline = noticeDeadline('2026-03-27T09:00:00.000Z');
    expect(deadline).toBe('2026-03-30T09:00:00.000Z');
    expect(formatStockholm('2026-03-27T09:00:00.000Z')).toBe('2026-03-27 10:00');
    expect(formatStockholm(deadline)).toBe('2026-03-30 11:00');
  });

  it('keeps 72 elapsed hours across the autumn change, so the Stockholm clock shows one hour earlier', () => {
    // 2026-10-25 03:00 CEST → 02:00 CET. Aware Friday 23 October 10:00 Stockholm (08:00Z).
    const deadline = noticeDeadline('2026-10-23T08:00:00.000Z');
    expect(deadline).toBe('2026-10-26T08:00:00.000Z');
    expect(formatStockholm(deadline)).toBe('2026-10-26 09:00');
  });

  it('counts a leap day as a full day', () => {
    expect(noticeDeadline('2028-02-27T12:00:00.000Z')).toBe('2028-03-01T12:00:00.000Z');
    expect(noticeDeadline('2027-02-27T12:00:00.000Z')).toBe('2027-03-02T12:00:00.000Z');
  });

  it('crosses the new year in UTC', () => {
    expect(noticeDeadline('2026-12-30T23:30:00.000Z')).toBe('2027-01-02T23:30:00.000Z');
  });
});

describe('timeLeftMs and isLate', () => {
  it('is negative once the deadline has passed', () => {
    const deadline = noticeDeadline('2026-11-18T08:00:00.000Z');
    expect(timeLeftMs(deadline, new Date('2026-11-21T07:00:00.000Z'))).toBe(3600_000);
    expect(timeLeftMs(deadline, new Date('2026-11-21T09:30:00.000Z'))).toBe(-5400_000);
  });

  it('treats a notice exactly at 72 h as on time and one minute later as late', () => {
    expect(isLate('2026-11-18T08:00:00.000Z', '2026-11-21T08:00:00.000Z')).toBe(false);
    expect(isLate('2026-11-18T08:00:00.000Z', '2026-11-21T08:01:00.000Z')).toBe(true);
  });
});

describe('formatTimeLeft', () => {
  it('says days and hours left in Swedish', () => {
    expect(formatTimeLeft((2 * 24 + 5) * 3600_000 + 59_000)).toBe('2 d 5 h kvar');
  });
  it('says minutes when under an hour', () => {
    expect(formatTimeLeft(45 * 60_000)).toBe('45 min kvar');
  });
  it('says overdue when negative', () => {
    expect(formatTimeLeft(-3 * 3600_000)).toBe('försenad 3 h');
    expect(formatTimeLeft(-3 * 3600_000, 'en')).toBe('overdue by 3 h');
  });
  it('says overdue exactly at the deadline and just after it, never "0 min"', () => {
    expect(formatTimeLeft(0)).toBe('försenad mindre än 1 min');
    expect(formatTimeLeft(0, 'en')).toBe('overdue by less than 1 min');
    expect(formatTimeLeft(-1)).toBe('försenad mindre än 1 min');
    expect(formatTimeLeft(-1, 'en')).toBe('overdue by less than 1 min');
  });
  it('says less than a minute left in the last minute', () => {
    expect(formatTimeLeft(30_000)).toBe('mindre än 1 min kvar');
    expect(formatTimeLeft(30_000, 'en')).toBe('less than 1 min left');
    expect(formatTimeLeft(1)).toBe('mindre än 1 min kvar');
    expect(formatTimeLeft(60_000)).toBe('1 min kvar');
  });
});

describe('isOverdue', () => {
  it('is true from the deadline itself on', () => {
    expect(isOverdue(1)).toBe(false);
    expect(isOverdue(0)).toBe(true);
    expect(isOverdue(-1)).toBe(true);
  });
});
