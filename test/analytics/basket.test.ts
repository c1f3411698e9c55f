import { describe, expect, it } from 'vitest';
import { equalWeightBuyAndHold } from '../../src/analytics/basket.js';

describe('equalWeightBuyAndHold', () => {
  it.each([
    ['one member', [0.25], 0.25, 1],
    ['two members', [0.1, -0.3], (0.1 + -0.3) / 2, 2],
    ['three members', [0.5, 0.2, -0.1], (0.5 + 0.2 - 0.1) / 3, 3],
    ['a member without data is left out, not counted as 0', [0.4, null, 0.1], (0.4 + 0.1) / 2, 2],
  ])('%s', (_name, returns, expected, included) => {
    const r = equalWeightBuyAndHold(returns);
    expect(r.value).toBeCloseTo(expected, 9);
    expect(r.included).toBe(included);
    expect(r.total).toBe(returns.length);
  });

  it('is null (unknown) when no member has data, and for an empty list', () => {
    expect(equalWeightBuyAndHold([null, null])).toEqual({ value: null, included: 0, total: 2 });
    expect(equalWeightBuyAndHold([])).toEqual({ value: null, included: 0, total: 0 });
  });

  it('equals the return of equal money held in each member', () => {
    // 1 000 in each of three stocks: 100 → 150, 20 → 24, 10 → 9.
    const start = [100, 20, 10];
    const end = [150, 24, 9];
    const shares = start.map((p) => 1000 / p);
    const value = shares.reduce((s, n, i) => s + n * (end[i] as number), 0); // 1500 + 1200 + 900 = 3600
    const held = value / 3000 - 1; // 0.2
    const r = equalWeightBuyAndHold(start.map((p, i) => (end[i] as number) / p - 1));
    expect(r.value).toBeCloseTo(held, 9);
    expect(r.value).toBeCloseTo(0.2, 9);
  });

  it('invariant: the order of members does not change the result', () => {
    const rs = [0.6899, 0.2708, 0.5685, 0.3323, 0.7224, 0.2517, 0.1627];
    const expected = equalWeightBuyAndHold(rs).value as number;
    for (const perm of [[...rs].reverse(), [...rs].sort(), [rs[3], rs[0], rs[6], rs[1], rs[5], rs[2], rs[4]] as number[]]) {
      expect(equalWeightBuyAndHold(perm).value).toBeCloseTo(expected, 12);
    }
  });

  it('throws on a non-finite return (a programmer error)', () => {
    expect(() => equalWeightBuyAndHold([0.1, Number.NaN])).toThrow(RangeError);
  });
});
