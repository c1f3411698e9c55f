import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/domain/calendar.js';
import { dateTicks, levelSampler, niceTicks, plotSeries } from '../../src/render/plot.js';
import { sampleReport } from '../helpers/sample-report.js';

describe('niceTicks', () => {
  it.each([
    ['the demo range', 88.2, 148.7, 9, [80, 90, 100, 110, 120, 130, 140, 150]],
    ['fewer ticks: a step of 20', 88.2, 148.7, 5, [80, 100, 120, 140, 160]],
    ['a narrow range: a step of 0.5', 99.2, 101.1, 6, [99, 99.5, 100, 100.5, 101, 101.5]],
    ['a step of 2.5', 100, 110, 5, [100, 102.5, 105, 107.5, 110]],
    ['a single value is widened by 1 each side', 100, 100, 5, [99, 99.5, 100, 100.5, 101]],
  ])('%s', (_, lo, hi, most, expected) => {
    expect(niceTicks(lo, hi, most)).toEqual(expected);
  });

  it('always covers the range with at most the ticks asked for', () => {
    for (const [lo, hi] of [
      [0.3, 0.9],
      [12, 13000],
      [-5, 5],
      [97.1, 97.4],
    ] as const) {
      for (const most of [2, 3, 5, 8, 12]) {
        const t = niceTicks(lo, hi, most);
        expect(t.length).toBeLessThanOrEqual(most);
        expect(t[0]).toBeLessThanOrEqual(lo);
        expect(t.at(-1)).toBeGreaterThanOrEqual(hi);
      }
    }
  });
});

describe('dateTicks', () => {
  const day = toDayNumber;
  it('gives the first days of months after the first day', () => {
    expect(dateTicks(day('2024-12-31'), day('2025-03-07'), 5).map(fromDayNumber)).toEqual(['2025-01-01', '2025-02-01', '2025-03-01']);
  });
  it('thins to quarters, then years, when months do not fit', () => {
    expect(dateTicks(day('2024-12-31'), day('2025-12-31'), 4).map(fromDayNumber)).toEqual(['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01']);
    expect(dateTicks(day('2019-12-31'), day('2025-03-07'), 6).map(fromDayNumber)).toEqual(['2020-01-01', '2021-01-01', '2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01']);
  });
  it('gives nothing for an empty range or no room', () => {
    expect(dateTicks(day('2025-01-01'), day('2025-01-01'), 5)).toEqual([]);
    expect(dateTicks(day('2024-12-31'), day('2025-03-07'), 0)).toEqual([]);
  });
});

describe('levelSampler', () => {
  const at = levelSampler({ dates: ['2025-01-03', '2025-01-06', '2025-01-07'], values: [100, 130, 120] });
  it('interpolates by calendar day between closes, and is exact on them', () => {
    expect(at(toDayNumber('2025-01-03'))).toBe(100);
    expect(at(toDayNumber('2025-01-04'))).toBeCloseTo(110, 9); // a third of the way from 100 to 130
    expect(at(toDayNumber('2025-01-06'))).toBe(130);
    expect(at(toDayNumber('2025-01-07'))).toBe(120);
  });
  it('is null outside the series', () => {
    expect(at(toDayNumber('2025-01-02'))).toBeNull();
    expect(at(toDayNumber('2025-01-08'))).toBeNull();
  });
});

describe('plotSeries', () => {
  it('lists each basket, then its benchmark, with their levels and returns', () => {
    const r = sampleReport();
    const s = plotSeries(r);
    expect(s.map((x) => [x.label, x.benchmark, x.levels === null])).toEqual([
      [r.baskets[0]?.name, false, false],
      ['benchmark BM', true, false],
      ['Beta', false, false],
      ['benchmark NOBM', true, true],
    ]);
    expect(s[0]?.return).toBe(r.baskets[0]?.return);
  });
  it('throws for a report built without levels', () => {
    expect(() => plotSeries(sampleReport({ levels: false }))).toThrow(/levels: true/);
  });
});
