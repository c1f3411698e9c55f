/**
 * report/window.ts: a basket over one window, computed by hand on two small
 * named series. Closes (own currency, no conversion):
 *
 *            2024-12-31  2025-01-02  2025-01-03
 *   UP          100         110         121      r = 121/100 − 1 = 0.21
 *   DOWN         50          40          45      r = 45/50 − 1  = −0.10
 *
 * The window [2025-01-01, 2025-01-03] starts from each member's last close
 * before 2025-01-01 (2024-12-31) and ends at its last close on or before
 * 2025-01-03.
 */
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../src/domain/calendar.js';
import type { IsoDate } from '../../src/domain/types.js';
import type { Failure, PreparedSeries } from '../../src/report/pricing.js';
import { spanOf } from '../../src/report/pricing.js';
import type { MarketSize } from '../../src/report/quotes.js';
import { basketOverWindow, isPriced, type WindowMember, type WindowMethod } from '../../src/report/window.js';

const DATES: IsoDate[] = ['2024-12-31', '2025-01-02', '2025-01-03'];
const SPAN = spanOf('2025-01-01', '2025-01-03');

/** A member's series as pricing.ts prepares it, with no currency conversion. */
function prepared(symbol: string, closes: number[], currency = 'USD'): PreparedSeries {
  const days = Int32Array.from(DATES.map(toDayNumber));
  const prices = Float64Array.from(closes);
  return { symbol, currency, days, prices, raw: prices, fx: null, converted: { days, prices }, splits: [], splitsApplied: [] };
}

const UP = prepared('UP', [100, 110, 121]);
const DOWN = prepared('DOWN', [50, 40, 45]);
const member = (p: PreparedSeries | Failure | null, size: MarketSize | null = null): WindowMember => ({ prepared: p, size });
const method = (over: Partial<WindowMethod> = {}): WindowMethod => ({ weights: 'equal', rebalance: 'none', configWeights: null, oneCurrency: true, ...over });

describe('basketOverWindow', () => {
  it('equal weights, buy-and-hold: return ½·0.21 + ½·(−0.10) = 0.055, levels ½·P/P₀ summed', () => {
    const r = basketOverWindow([member(UP), member(DOWN)], ['UP', 'DOWN'], SPAN, method(), '');
    expect(r.weights).toEqual([0.5, 0.5]);
    expect(r.return).toBeCloseTo(0.5 * 0.21 + 0.5 * -0.1, 9);
    expect(r.contributions[0]).toBeCloseTo(0.5 * 0.21, 9); // 0.105
    expect(r.contributions[1]).toBeCloseTo(0.5 * -0.1, 9); // −0.05
    // base 1, then 2025-01-02: ½·1.10 + ½·0.80 = 0.95, 2025-01-03: ½·1.21 + ½·0.90 = 1.055
    expect(r.path?.days).toEqual(DATES.map(toDayNumber));
    const levels = r.path?.levels ?? [];
    expect(levels).toHaveLength(3);
    [1, 0.95, 1.055].forEach((want, i) => expect(levels[i]).toBeCloseTo(want, 9));
    expect(r.included).toBe(2);
    expect(r.total).toBe(2);
    expect(r.weightingGap).toBeNull();
    const priced = r.priced[0];
    expect(isPriced(priced) && [priced.startDate, priced.endDate, priced.startPrice, priced.endPrice]).toEqual(['2024-12-31', '2025-01-03', 100, 121]);
    expect(isPriced(priced) && priced.fxReturn).toBeNull();
  });

  it('equal weights rebalanced daily: 0.95 × (½·121/110 + ½·45/40) − 1 = 0.056875, contributions Σ hᵢΔPᵢ', () => {
    const r = basketOverWindow([member(UP), member(DOWN)], ['UP', 'DOWN'], SPAN, method({ rebalance: 'daily' }), '');
    expect(r.return).toBeCloseTo(0.95 * (0.5 * 1.1 + 0.5 * 1.125) - 1, 9);
    // UP: ½·0.10 on day 1, then (0.475 / 1.10)·(1.21 − 1.10) = 0.0475 on day 2
    expect(r.contributions[0]).toBeCloseTo(0.05 + (0.475 / 1.1) * 0.11, 9);
    // DOWN: ½·(−0.20), then (0.475 / 0.80)·(0.90 − 0.80) = 0.059375
    expect(r.contributions[1]).toBeCloseTo(-0.1 + (0.475 / 0.8) * 0.1, 9);
    expect((r.contributions[0] as number) + (r.contributions[1] as number)).toBeCloseTo(r.return as number, 9);
  });

  it('config weights 3 : 1 are normalised: 0.75·0.21 + 0.25·(−0.10) = 0.1325', () => {
    const r = basketOverWindow([member(UP), member(DOWN)], ['UP', 'DOWN'], SPAN, method({ weights: 'config', configWeights: [3, 1] }), '');
    expect(r.weights[0]).toBeCloseTo(0.75, 9);
    expect(r.return).toBeCloseTo(0.75 * 0.21 + 0.25 * -0.1, 9);
  });

  it('config weights asked of a basket without them is a programmer error', () => {
    expect(() => basketOverWindow([member(UP)], ['UP'], SPAN, method({ weights: 'config' }), '')).toThrow(RangeError);
  });

  it('cap weights from a dated cap and a share count: values 1100·100/110 = 1000 and 10·50 = 500 at the start', () => {
    const cap: MarketSize = { kind: 'cap', cap: 1100, priceAtCap: 110, date: '2025-01-02', provider: null };
    const shares: MarketSize = { kind: 'shares', shares: 10, date: null, provider: null };
    const r = basketOverWindow([member(UP, cap), member(DOWN, shares)], ['UP', 'DOWN'], SPAN, method({ weights: 'cap' }), '');
    expect(r.marketValues[0]?.start).toBeCloseTo(1000, 9);
    expect(r.marketValues[0]?.end).toBeCloseTo(1100 * (121 / 110), 9); // 1210
    expect(r.marketValues[1]?.change).toBeCloseTo(10 * 45 - 10 * 50, 9); // −50
    expect(r.weights[0]).toBeCloseTo(1000 / 1500, 9);
    // the value-weighted buy-and-hold return is the total value's: (1210 + 450) / 1500 − 1
    expect(r.return).toBeCloseTo((1210 + 450) / 1500 - 1, 9);
  });

  it('cap weights: a member with no cap or share count is named; mixed currencies weight nobody', () => {
    const cap: MarketSize = { kind: 'cap', cap: 1100, priceAtCap: 110, date: null, provider: null };
    const gap = basketOverWindow([member(UP, cap), member(DOWN)], ['UP', 'DOWN'], SPAN, method({ weights: 'cap' }), '');
    expect(gap.weightingGap).toEqual({ symbols: ['DOWN'], reason: 'no-market-value' });
    expect(gap.weights).toEqual([1, null]);
    expect(gap.return).toBeCloseTo(0.21, 9);
    const mixed = basketOverWindow([member(UP, cap), member(DOWN)], ['UP', 'DOWN'], SPAN, method({ weights: 'cap', oneCurrency: false }), '');
    expect(mixed.weightingGap).toEqual({ symbols: [], reason: 'mixed-currencies' });
    expect(mixed.weights).toEqual([null, null]);
    expect(mixed.return).toBeNull();
    expect(mixed.path).toBeNull();
    expect(mixed.included).toBe(0);
  });

  it('a member without history or with a failure keeps its slot; the others share the weight', () => {
    const failure: Failure = { code: 'no-fx', message: 'no rates' };
    const r = basketOverWindow([member(null), member(UP), member(failure)], ['NONE', 'UP', 'FAIL'], SPAN, method(), '');
    expect(r.priced[0]).toBeNull();
    expect(r.priced[2]).toBe(failure);
    expect(r.weights).toEqual([null, 1, null]);
    expect(r.return).toBeCloseTo(0.21, 9);
    expect(r.contributions).toEqual([null, r.return, null]);
    expect([r.included, r.total]).toEqual([1, 3]);
  });

  it('a member with no close in the window is priced as a failure naming the window label', () => {
    const late = basketOverWindow([member(UP)], ['UP'], spanOf('2025-02-01', '2025-02-28'), method(), ' (1m)');
    expect(late.priced[0]).toMatchObject({ code: 'no-end-price', message: 'no close from 2025-02-01 to 2025-02-28 (1m): left out' });
    expect(late.return).toBeNull();
  });

  it('invariants: member order does not change an equal-weighted return; rebasing a member’s prices changes nothing', () => {
    for (const rebalance of ['none', 'daily', 'monthly'] as const) {
      const ab = basketOverWindow([member(UP), member(DOWN)], ['UP', 'DOWN'], SPAN, method({ rebalance }), '');
      const ba = basketOverWindow([member(DOWN), member(UP)], ['DOWN', 'UP'], SPAN, method({ rebalance }), '');
      expect(ba.return).toBeCloseTo(ab.return as number, 12);
      const rebased = prepared('UP', [100 * 7.5, 110 * 7.5, 121 * 7.5]);
      const scaled = basketOverWindow([member(rebased), member(DOWN)], ['UP', 'DOWN'], SPAN, method({ rebalance }), '');
      expect(scaled.return).toBeCloseTo(ab.return as number, 12);
    }
  });
});
