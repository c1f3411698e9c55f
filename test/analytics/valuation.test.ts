import { describe, expect, it } from 'vitest';
import { harmonicMeanPE, valuationDiscount } from '../../src/analytics/valuation.js';

describe('harmonicMeanPE', () => {
  it.each([
    ['one member', [20], 20],
    ['two members', [10, 40], 2 / (1 / 10 + 1 / 40)], // 16
    ['press figures for three titans', [13, 19, 38], 3 / (1 / 13 + 1 / 19 + 1 / 38)], // 19.2468…
    ['equal P/Es', [25, 25, 25], 25],
  ])('%s', (_name, pes, expected) => {
    const r = harmonicMeanPE(pes);
    expect(r.value).toBeCloseTo(expected, 9);
    expect(r.included).toBe(pes.length);
  });

  it('is the P/E of equal money in each member: total price over total earnings', () => {
    // 1 000 in each: at P/E 10 that buys 100 of earnings, at P/E 40, 25. 2 000 / 125 = 16.
    expect(harmonicMeanPE([10, 40]).value).toBeCloseTo(2000 / (1000 / 10 + 1000 / 40), 9);
  });

  it('leaves out unknown and non-positive P/Es, and lists them', () => {
    const r = harmonicMeanPE([20, null, -5, 0, 30]);
    expect(r.value).toBeCloseTo(2 / (1 / 20 + 1 / 30), 9); // 24
    expect(r).toMatchObject({ included: 2, total: 5, missing: [1], nonPositive: [2, 3] });
  });

  it('is null when no member has a usable P/E', () => {
    expect(harmonicMeanPE([null, -3]).value).toBeNull();
    expect(harmonicMeanPE([]).value).toBeNull();
  });

  it('invariant: the order of members does not change the result', () => {
    const pes = [30.2, 27.5, 18.6, 30.7, 23.7, 23.8, 90.5];
    const expected = harmonicMeanPE(pes).value as number;
    expect(harmonicMeanPE([...pes].reverse()).value).toBeCloseTo(expected, 12);
    expect(harmonicMeanPE([...pes].sort((a, b) => a - b)).value).toBeCloseTo(expected, 12);
  });
});

describe('valuationDiscount', () => {
  it.each([
    [18, 30, 1 - 18 / 30], // 0.4: 40% cheaper
    [30, 30, 0],
    [36, 30, 1 - 36 / 30], // −0.2: a 20% premium
  ])('%f vs %f', (a, b, expected) => {
    expect(valuationDiscount(a, b)).toBeCloseTo(expected, 9);
  });

  it('is null when a P/E is unknown or not positive', () => {
    expect(valuationDiscount(null, 20)).toBeNull();
    expect(valuationDiscount(20, null)).toBeNull();
    expect(valuationDiscount(-3, 20)).toBeNull();
  });
});
