import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../src/domain/calendar.js';
import { adjustRecordedSplits, findGaps, findJumps, MAX_DAILY_MOVE, MAX_GAP_DAYS } from '../../src/analytics/series-checks.js';

const d = toDayNumber;
const days = (dates: readonly string[]) => Int32Array.from(dates, d);

// BYD (1211.HK) split 3-for-1 on 2025-06-10. Real split-adjusted closes from the shared data
// (CCF0001/Forriz-Pair-Trading · data/1211.HK.csv · f1a1a0b8d1eda21d115d614ebe9f651ec1ee17a0),
// with the closes before the split multiplied back by 3: what an unadjusted series shows.
const BYD_DAYS = days(['2025-06-05', '2025-06-06', '2025-06-09', '2025-06-10', '2025-06-11']);
const BYD_RAW = [137.3333282470703 * 3, 134.3333282470703 * 3, 132.1999969482422 * 3, 135.60000610351562, 140.8000030517578];
const BYD_ADJUSTED = [137.3333282470703, 134.3333282470703, 132.1999969482422, 135.60000610351562, 140.8000030517578];

describe('findJumps', () => {
  it("catches BYD's unadjusted 3-for-1 split on 2025-06-10", () => {
    expect(findJumps(BYD_DAYS, BYD_RAW)).toEqual([
      { day: d('2025-06-10'), move: expect.closeTo(135.60000610351562 / (132.1999969482422 * 3) - 1, 9), splitRatio: 3 },
    ]);
  });

  it('finds nothing in the adjusted series', () => {
    expect(findJumps(BYD_DAYS, BYD_ADJUSTED)).toEqual([]);
  });

  it.each([
    ['a 1-for-2 reverse split', [10, 20.1], 0.5],
    ['a real +60% day (not a whole ratio)', [10, 16], null],
    ['a −45% day (1 / 0.55 = 1.82, not a whole ratio)', [10, 5.5], null],
  ])('%s', (_name, prices, splitRatio) => {
    const [j] = findJumps(days(['2025-01-02', '2025-01-03']), prices);
    expect(j?.move).toBeCloseTo((prices[1] as number) / (prices[0] as number) - 1, 9);
    expect(j?.splitRatio).toBe(splitRatio);
  });

  it('leaves moves within the threshold alone, and takes the threshold as given', () => {
    expect(MAX_DAILY_MOVE).toBe(0.4);
    expect(findJumps(days(['2025-01-02', '2025-01-03']), [10, 13.9])).toEqual([]); // +39%
    expect(findJumps(days(['2025-01-02', '2025-01-03']), [10, 13.9], 0.3)).toHaveLength(1);
  });

  it('looks only at moves inside the index range [start, end)', () => {
    // The split is the move into index 3 (2025-06-09 → 2025-06-10): seen when indexes 2 and 3 are both in range.
    expect(findJumps(BYD_DAYS, BYD_RAW, MAX_DAILY_MOVE, 2, 4)).toHaveLength(1);
    expect(findJumps(BYD_DAYS, BYD_RAW, MAX_DAILY_MOVE, 3, 5)).toEqual([]); // starts at the split day: no move into it
    expect(findJumps(BYD_DAYS, BYD_RAW, MAX_DAILY_MOVE, 0, 3)).toEqual([]); // ends before it
    expect(findJumps(BYD_DAYS, BYD_RAW, MAX_DAILY_MOVE, 0, BYD_RAW.length)).toEqual(findJumps(BYD_DAYS, BYD_RAW));
  });
});

describe('findGaps', () => {
  it('flags closes more than the allowed calendar days apart, not a long weekend or Lunar New Year', () => {
    expect(MAX_GAP_DAYS).toBe(10);
    // Hong Kong 2025: 2025-01-28 (half day) then 2025-02-03 after Lunar New Year: 6 days
    expect(findGaps(days(['2025-01-27', '2025-01-28', '2025-02-03']))).toEqual([]);
    expect(findGaps(days(['2025-03-03', '2025-03-17', '2025-03-18']))).toEqual([{ from: d('2025-03-03'), to: d('2025-03-17'), days: 14 }]);
    expect(findGaps(days(['2025-03-03', '2025-03-17']), 14)).toEqual([]);
  });

  it('looks only at gaps inside the index range [start, end)', () => {
    const DAYS = days(['2025-03-03', '2025-03-17', '2025-03-18', '2025-04-01']);
    expect(findGaps(DAYS)).toEqual([
      { from: d('2025-03-03'), to: d('2025-03-17'), days: 14 },
      { from: d('2025-03-18'), to: d('2025-04-01'), days: 14 },
    ]);
    expect(findGaps(DAYS, MAX_GAP_DAYS, 1)).toEqual([{ from: d('2025-03-18'), to: d('2025-04-01'), days: 14 }]);
    expect(findGaps(DAYS, MAX_GAP_DAYS, 0, 3)).toEqual([{ from: d('2025-03-03'), to: d('2025-03-17'), days: 14 }]);
    expect(findGaps(DAYS, MAX_GAP_DAYS, 1, 3)).toEqual([]);
  });
});

describe('adjustRecordedSplits', () => {
  const days = [1, 2, 3, 4];
  it('applies a split the closes still show, even on a day the stock moved 6%', () => {
    // a 4-for-1 split on day 3 with the stock up 6% that day: 100 → 26.5, a fall of 3.77×
    const r = adjustRecordedSplits(days, [98, 100, 26.5, 27], [{ day: 3, ratio: 4 }]);
    expect(Array.from(r.prices)).toEqual([98 / 4, 100 / 4, 26.5, 27]);
    expect(r.applied).toEqual([{ day: 3, ratio: 4 }]);
  });

  it('leaves a split the closes already account for, and returns the closes themselves', () => {
    const closes = [24.5, 25, 26.5, 27];
    const r = adjustRecordedSplits(days, closes, [{ day: 3, ratio: 4 }]);
    expect(r.prices).toBe(closes);
    expect(r.applied).toEqual([]);
  });

  it('a reverse split (1-for-2, ratio 0.5): closes before it doubled', () => {
    const r = adjustRecordedSplits(days, [5, 5, 10.2, 10], [{ day: 3, ratio: 0.5 }]);
    expect(Array.from(r.prices)).toEqual([10, 10, 10.2, 10]);
  });
});
