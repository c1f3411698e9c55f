import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, shiftDays, startOfYear, toIsoDate } from '../../src/analytics/calendar.js';

describe('calendar', () => {
  it.each([
    ['2025-03-07', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-3-7', false],
    ['07/03/2025', false],
    ['yesterday', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });

  it('shifts by calendar days across month, year and leap day', () => {
    expect(shiftDays('2025-01-01', -30)).toBe('2024-12-02');
    expect(shiftDays('2025-03-07', 1)).toBe('2025-03-08');
    expect(shiftDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDays('2025-03-29', 2)).toBe('2025-03-31'); // across a DST change in many zones
  });

  it('counts days and finds the start of the year', () => {
    expect(daysBetween('2024-12-31', '2025-03-07')).toBe(66);
    expect(startOfYear('2025-03-07')).toBe('2025-01-01');
  });

  it('formats an instant as the machine-local date', () => {
    expect(toIsoDate(new Date(2025, 2, 7, 23, 59))).toBe('2025-03-07');
  });

  it('throws on a non-date (a programmer error)', () => {
    expect(() => shiftDays('2025-02-30', 1)).toThrow(RangeError);
  });
});
