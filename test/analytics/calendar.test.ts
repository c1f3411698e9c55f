import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, shiftDays, startOfYear, toIsoDate, toDayNumber, fromDayNumber } from '../../src/analytics/calendar.js';

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

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    // 30 years of 365 days plus 7 leap days (1972 … 1996) = 10957; then 31 (January) + 29 (February 2000, a leap year)
    ['2000-03-01', 10957 + 31 + 29],
    ['1969-12-31', -1],
    // 2025-03-07: 55 years from 1970, 14 of them leap years (1972, 1976, …, 2020, 2024): 55 × 365 + 14 = 20089; then + 31 + 28 + 6
    ['2025-03-07', 55 * 365 + 14 + 31 + 28 + 6],
  ])('toDayNumber(%s) = %i', (date, day) => {
    expect(toDayNumber(date)).toBe(day);
    expect(fromDayNumber(day)).toBe(date);
  });

  it('round-trips every day of four centuries, leap days included', () => {
    for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2300-12-31'); day += 1) expect(toDayNumber(fromDayNumber(day))).toBe(day);
  });

  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
  ])('isIsoDate(%s) = %s', (date, ok) => {
    expect(isIsoDate(date)).toBe(ok);
  });
});
