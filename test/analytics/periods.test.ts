import { isPeriod, PERIODS, type Period } from '../../src/domain/options.js';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, shiftDays, toDayNumber } from '../../src/domain/calendar.js';
import { earliestFrom, periodAnchor, periodFrom } from '../../src/analytics/periods.js';
import { periodReturn } from '../../src/analytics/returns.js';

describe('periodAnchor', () => {
  // As of Friday 7 March 2025, each period counted back by the calendar.
  it.each([
    ['1d', '2025-03-06'], // one day back
    ['1w', '2025-02-28'], // 7 − 7 = 0 → the last day of February
    ['1m', '2025-02-07'],
    ['3m', '2024-12-07'],
    ['6m', '2024-09-07'],
    ['1y', '2024-03-07'],
    ['3y', '2022-03-07'],
    ['5y', '2020-03-07'],
  ] as const)('%s before 2025-03-07 is %s', (period, anchor) => {
    expect(periodAnchor(period, '2025-03-07')).toBe(anchor);
  });

  it.each([
    ['1m', '2025-03-31', '2025-02-28'], // no 31 February: clamped to the month end
    ['1m', '2024-03-31', '2024-02-29'], // leap year
    ['1y', '2024-02-29', '2023-02-28'], // no 29 February in 2023
    ['3m', '2025-05-31', '2025-02-28'],
    ['6m', '2024-08-31', '2024-02-29'],
    ['5y', '2028-02-29', '2023-02-28'],
    ['1d', '2025-03-01', '2025-02-28'],
    ['1d', '2024-03-01', '2024-02-29'],
    ['1w', '2025-01-03', '2024-12-27'], // across the year end
    ['1m', '2025-01-15', '2024-12-15'],
  ] as const)('%s before %s is %s (month-end clamping, year ends)', (period, asOf, anchor) => {
    expect(periodAnchor(period, asOf)).toBe(anchor);
  });
});

describe('periodFrom', () => {
  it.each([
    ['1d', '2025-03-07', '2025-03-07'], // anchor 2025-03-06 + 1 day
    ['1w', '2025-03-07', '2025-03-01'], // anchor 2025-02-28 + 1 day
    ['1m', '2025-03-07', '2025-02-08'], // anchor 2025-02-07 + 1 day
    ['1y', '2025-03-07', '2024-03-08'], // anchor 2024-03-07 + 1 day
    ['1m', '2025-03-31', '2025-03-01'], // anchor 2025-02-28 + 1 day
    ['1m', '2024-03-31', '2024-03-01'], // anchor 2024-02-29 + 1 day
    ['ytd', '2025-03-07', '2025-01-01'], // 1 January of the as-of year
    ['ytd', '2025-01-01', '2025-01-01'],
    ['ytd', '2024-12-31', '2024-01-01'],
  ] as const)('%s as of %s starts from %s', (period, asOf, from) => {
    expect(periodFrom(period, asOf)).toBe(from);
  });

  it('is the anchor plus one day for every period but ytd', () => {
    for (const asOf of ['2025-03-07', '2025-03-31', '2024-02-29', '2025-01-01']) {
      for (const period of PERIODS) {
        if (period === 'ytd') continue;
        expect(periodFrom(period, asOf)).toBe(shiftDays(periodAnchor(period, asOf), 1));
      }
    }
  });

  it('with periodReturn, 1d on a Monday starts from the Friday close and 1w from the Friday before', () => {
    // Weekdays only: Fri 28 Feb, Mon 3 … Fri 7, Mon 10 March 2025.
    const d = toDayNumber;
    const days = ['2025-02-28', '2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-10'].map(d);
    const prices = [100, 101, 102, 103, 104, 105, 99];
    const dates = (out: ReturnType<typeof periodReturn>) => out.ok && [fromDayNumber(out.value.startDay), fromDayNumber(out.value.endDay)];
    const day = periodReturn(days, prices, d(periodFrom('1d', '2025-03-10')), d('2025-03-10'));
    expect(dates(day)).toEqual(['2025-03-07', '2025-03-10']);
    if (day.ok) expect(day.value.return).toBeCloseTo(99 / 105 - 1, 9);
    const week = periodReturn(days, prices, d(periodFrom('1w', '2025-03-07')), d('2025-03-07'));
    expect(dates(week)).toEqual(['2025-02-28', '2025-03-07']);
    if (week.ok) expect(week.value.return).toBeCloseTo(105 / 100 - 1, 9);
  });
});

describe('isPeriod', () => {
  it.each(['1d', '1w', '1m', '3m', '6m', 'ytd', '1y', '3y', '5y'])('%s is a period', (text) => {
    expect(isPeriod(text)).toBe(true);
  });

  it.each(['', '2m', '1M', 'YTD', '10y', '1', 'd', ' 1m', 'max'])('%j is not', (text) => {
    expect(isPeriod(text)).toBe(false);
  });

  it('narrows the type', () => {
    const text: string = '3m';
    if (isPeriod(text)) {
      const p: Period = text;
      expect(p).toBe('3m');
    } else {
      expect.unreachable('3m is a period');
    }
  });
});

describe('earliestFrom', () => {
  it('is the main window’s from, or an earlier period start', () => {
    expect(earliestFrom('2025-01-01', '2025-03-07', [])).toBe('2025-01-01');
    expect(earliestFrom('2025-01-01', '2025-03-07', ['1w', 'ytd'])).toBe('2025-01-01'); // 1w starts 2025-03-01
    expect(earliestFrom('2025-01-01', '2025-03-07', ['1w', '1y'])).toBe('2024-03-08'); // 2025-03-07 − 1 year + 1 day
  });
});
