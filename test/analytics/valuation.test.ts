import { NEGATIVE_PE_POLICIES, PE_METHODS } from '../../src/domain/options.js';
import { describe, expect, it } from 'vitest';
import { aggregatePE, type BasketPE, basketPE, harmonicMeanPE, looksCurrencyMismatched, meanPE, medianPE, type PEStatus, SUSPECT_PE_BELOW, valuationDiscount } from '../../src/analytics/valuation.js';

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

// A hand case with a loss: P/Es 10, 20 and −40 (a loss), market values 300, 100, 100.
const PES = [10, 20, -40];
const MVS = [300, 100, 100];

/** value and earnings yield, each null or equal at 1e-9. */
function expectPE(r: BasketPE, value: number | null, earningsYield: number | null, status: PEStatus): void {
  expect(r.status).toBe(status);
  if (value === null) expect(r.value).toBeNull();
  else expect(r.value).toBeCloseTo(value, 9);
  if (earningsYield === null) expect(r.earningsYield).toBeNull();
  else expect(r.earningsYield).toBeCloseTo(earningsYield, 9);
}

describe('every method under both negative-earnings policies, with a loss', () => {
  it.each([
    // exclude: the loss is left out and listed
    ['harmonic', 'exclude', 2 / (1 / 10 + 1 / 20), (1 / 10 + 1 / 20) / 2, 'ok', 2, [2]],
    ['median', 'exclude', (10 + 20) / 2, 1 / ((10 + 20) / 2), 'ok', 2, [2]],
    ['mean', 'exclude', (10 + 20) / 2, 1 / ((10 + 20) / 2), 'ok', 2, [2]],
    ['aggregate', 'exclude', (300 + 100) / (300 / 10 + 100 / 20), (300 / 10 + 100 / 20) / (300 + 100), 'ok', 2, [2]],
    // include: the loss counts in the earnings
    ['harmonic', 'include', 1 / ((1 / 10 + 1 / 20 - 1 / 40) / 3), (1 / 10 + 1 / 20 - 1 / 40) / 3, 'ok', 3, []], // 24
    ['median', 'include', 20, 1 / 20, 'ok', 3, []], // ranked 10, 20, −40 (the loss last): the middle is 20
    ['mean', 'include', null, null, 'not-meaningful', 3, []], // a mean of P/Es with a loss has no meaning
    ['aggregate', 'include', (300 + 100 + 100) / (300 / 10 + 100 / 20 + 100 / -40), (300 / 10 + 100 / 20 + 100 / -40) / (300 + 100 + 100), 'ok', 3, []],
  ] as const)('%s, %s', (method, policy, value, earningsYield, status, included, nonPositive) => {
    const r = basketPE(method, PES, MVS, policy);
    expectPE(r, value, earningsYield, status);
    expect(r).toMatchObject({ included, total: 3, missing: [], nonPositive, noMarketValue: [] });
  });

  it('basketPE dispatches to the named method', () => {
    for (const policy of NEGATIVE_PE_POLICIES) {
      expect(basketPE('harmonic', PES, MVS, policy)).toEqual(harmonicMeanPE(PES, policy));
      expect(basketPE('median', PES, MVS, policy)).toEqual(medianPE(PES, policy));
      expect(basketPE('mean', PES, MVS, policy)).toEqual(meanPE(PES, policy));
      expect(basketPE('aggregate', PES, MVS, policy)).toEqual(aggregatePE(PES, MVS, policy));
    }
  });

  it('exclude is the default policy', () => {
    expect(harmonicMeanPE(PES)).toEqual(harmonicMeanPE(PES, 'exclude'));
    expect(medianPE(PES)).toEqual(medianPE(PES, 'exclude'));
    expect(meanPE(PES)).toEqual(meanPE(PES, 'exclude'));
    expect(aggregatePE(PES, MVS)).toEqual(aggregatePE(PES, MVS, 'exclude'));
  });
});

describe('include: when the basket’s earnings come to ≤ 0 the P/E is not meaningful', () => {
  it('harmonic: yield (1/10 + 1/−5) / 2 < 0 → value null, yield kept and negative', () => {
    const r = harmonicMeanPE([10, -5], 'include');
    expectPE(r, null, (1 / 10 + 1 / -5) / 2, 'not-meaningful'); // −0.05
    expect(r.earningsYield).toBeLessThan(0);
    expect(r.included).toBe(2);
  });

  it('harmonic: earnings exactly 0 (1/10 + 1/−10) → not meaningful', () => {
    expectPE(harmonicMeanPE([10, -10], 'include'), null, (1 / 10 + 1 / -10) / 2, 'not-meaningful');
  });

  it('aggregate: Σ MV/PE = 100/10 + 100/−5 < 0 → not meaningful, negative yield', () => {
    const r = aggregatePE([10, -5], [100, 100], 'include');
    expectPE(r, null, (100 / 10 + 100 / -5) / (100 + 100), 'not-meaningful'); // −0.05
    expect(r.earningsYield).toBeLessThan(0);
  });

  it('the same members under exclude are fine', () => {
    expectPE(harmonicMeanPE([10, -5], 'exclude'), 10, 1 / 10, 'ok');
    expectPE(aggregatePE([10, -5], [100, 100], 'exclude'), 100 / (100 / 10), (100 / 10) / 100, 'ok');
  });
});

describe('medianPE', () => {
  it.each([
    ['odd count', [30, 10, 20], 'exclude', 20],
    ['even count: the mean of the middle two', [40, 10, 30, 20], 'exclude', (20 + 30) / 2],
    ['exclude drops the loss: median of 10, 20, 30', [10, 20, 30, -5], 'exclude', 20],
    ['include ranks the loss above every positive P/E: middle of 10, 20, 30, −5', [10, 20, 30, -5], 'include', (20 + 30) / 2],
    ['include, a loss ranked last does not reach an odd median', [10, -5, 20, 30, 40], 'include', 30],
  ] as const)('%s', (_name, pes, policy, expected) => {
    expectPE(medianPE(pes, policy), expected, 1 / expected, 'ok');
  });

  it.each([
    ['odd count, the median is a loss', [10, -5, -40]], // ranked 10, −40, −5
    ['even count, a middle one is a loss', [10, 20, -5, -40]], // ranked 10, 20, −40, −5
  ])('include: %s → not meaningful', (_name, pes) => {
    const r = medianPE(pes, 'include');
    expectPE(r, null, null, 'not-meaningful');
    expect(r.included).toBe(pes.length);
  });
});

describe('meanPE', () => {
  it('is the arithmetic mean, dominated by the expensive member', () => {
    expectPE(meanPE([10, 20, 90]), (10 + 20 + 90) / 3, 1 / ((10 + 20 + 90) / 3), 'ok'); // 40, against a harmonic of 3 / (1/10 + 1/20 + 1/90)
    expect(harmonicMeanPE([10, 20, 90]).value).toBeCloseTo(3 / (1 / 10 + 1 / 20 + 1 / 90), 9);
  });

  it('include with a loss: not meaningful; exclude: the mean of the rest', () => {
    expectPE(meanPE([12, -3, 18], 'include'), null, null, 'not-meaningful');
    expectPE(meanPE([12, -3, 18], 'exclude'), (12 + 18) / 2, 1 / ((12 + 18) / 2), 'ok');
  });
});

describe('aggregatePE', () => {
  it('Σ MV / Σ (MV / PE); a member without market value is left out and listed', () => {
    const r = aggregatePE([10, 20, 25, null], [300, null, 100, 50]);
    expectPE(r, (300 + 100) / (300 / 10 + 100 / 25), (300 / 10 + 100 / 25) / (300 + 100), 'ok');
    expect(r).toMatchObject({ included: 2, total: 4, missing: [3], nonPositive: [], noMarketValue: [1] });
  });

  it('a zero or negative market value counts as none', () => {
    const r = aggregatePE([10, 20, 25], [0, -100, 100]);
    expectPE(r, 100 / (100 / 25), (100 / 25) / 100, 'ok');
    expect(r.noMarketValue).toEqual([0, 1]);
  });

  it('a loss without market value is listed as a loss under exclude, as no market value under include', () => {
    expect(aggregatePE([10, -5], [100, null], 'exclude')).toMatchObject({ nonPositive: [1], noMarketValue: [] });
    expect(aggregatePE([10, -5], [100, null], 'include')).toMatchObject({ nonPositive: [], noMarketValue: [1] });
  });

  it('is the harmonic mean when the market values are equal', () => {
    expect(aggregatePE([10, 20, 40], [5, 5, 5]).value).toBeCloseTo(3 / (1 / 10 + 1 / 20 + 1 / 40), 9);
  });

  it('invariant: scaling every market value (a currency) does not change it', () => {
    const a = aggregatePE([13, 19, 38], [3.6e12, 2.9e12, 4.1e11]).value as number;
    expect(aggregatePE([13, 19, 38], [3.6e12 / 7.7724, 2.9e12 / 7.7724, 4.1e11 / 7.7724]).value).toBeCloseTo(a, 9);
  });

  it('throws when P/Es and market values differ in length', () => {
    expect(() => aggregatePE([10, 20], [100])).toThrow(RangeError);
  });
});

describe('coverage and unknown', () => {
  it('counts: unknown P/Es are missing; 0 is left out under both policies', () => {
    const pes = [20, null, -5, 0, 30, Number.NaN];
    expect(harmonicMeanPE(pes, 'exclude')).toMatchObject({ included: 2, total: 6, missing: [1, 5], nonPositive: [2, 3] });
    const inc = harmonicMeanPE(pes, 'include');
    expect(inc).toMatchObject({ included: 3, total: 6, missing: [1, 5], nonPositive: [3] });
    // 1/20 + 1/−5 + 1/30 < 0: not meaningful
    expectPE(inc, null, (1 / 20 + 1 / -5 + 1 / 30) / 3, 'not-meaningful');
  });

  it.each(PE_METHODS.flatMap((m) => NEGATIVE_PE_POLICIES.map((p) => [m, p] as const)))(
    '%s, %s: status unknown with value and yield null when nothing is usable',
    (method, policy) => {
      for (const [pes, mvs] of [
        [[null, null], [100, 100]],
        [[0, null], [100, 100]],
        [[], []],
      ] as const) {
        const r = basketPE(method, pes, mvs, policy);
        expect(r).toMatchObject({ value: null, earningsYield: null, status: 'unknown', included: 0, total: pes.length });
      }
    },
  );

  it('under exclude, only losses: unknown, the losses listed', () => {
    for (const method of PE_METHODS) {
      expect(basketPE(method, [-5, -12], [100, 100], 'exclude')).toMatchObject({ value: null, status: 'unknown', nonPositive: [0, 1] });
    }
  });

  it('aggregate with no market value anywhere: unknown, all listed', () => {
    expect(aggregatePE([10, 20], [null, null])).toMatchObject({ value: null, earningsYield: null, status: 'unknown', included: 0, noMarketValue: [0, 1] });
  });
});

describe('invariant: with equal P/Es everywhere all four methods agree', () => {
  it.each(NEGATIVE_PE_POLICIES)('%s', (policy) => {
    for (const method of PE_METHODS) {
      const r = basketPE(method, [18, 18, null, 18, 18], [5, 1, 3, 2, 7], policy);
      expectPE(r, 18, 1 / 18, 'ok');
      expect(r.included).toBe(4);
    }
  });
});

describe('looksCurrencyMismatched', () => {
  it.each([
    ['BABA: a USD price over CNY earnings', 1.9551755, 'USD', 'CNY', true],
    ['BABA with a plausible P/E', 14.56, 'USD', 'CNY', false],
    ['same currencies, however low', 1.9551755, 'USD', 'USD', false],
    ['unknown P/E', null, 'USD', 'CNY', false],
    ['unknown financial currency', 1.9551755, 'USD', null, false],
    ['unknown quote currency', 1.9551755, null, 'CNY', false],
    ['a loss is not a mix-up', -3, 'USD', 'CNY', false],
    ['just below the threshold', SUSPECT_PE_BELOW - 0.01, 'HKD', 'CNY', true],
    ['at the threshold', SUSPECT_PE_BELOW, 'HKD', 'CNY', false],
  ] as const)('%s', (_name, pe, currency, financialCurrency, expected) => {
    expect(looksCurrencyMismatched(pe, currency, financialCurrency)).toBe(expected);
  });
});

describe('valuationDiscount, edge cases', () => {
  it('is null when a P/E is 0, and works on the basket P/Es', () => {
    expect(valuationDiscount(0, 20)).toBeNull();
    expect(valuationDiscount(20, 0)).toBeNull();
    const a = harmonicMeanPE([10, 20]).value; // 2 / (1/10 + 1/20)
    const b = harmonicMeanPE([20, 40]).value; // 2 / (1/20 + 1/40)
    expect(valuationDiscount(a, b)).toBeCloseTo(1 - (2 / (1 / 10 + 1 / 20)) / (2 / (1 / 20 + 1 / 40)), 9); // 0.5
  });

  it('a not-meaningful basket P/E gives no discount', () => {
    expect(valuationDiscount(meanPE([12, -3], 'include').value, 20)).toBeNull();
  });
});

describe('weighted by the basket: harmonic and mean use its target weights, every method its members', () => {
  it('harmonic: Σwᵢ / Σ(wᵢ/PEᵢ) over the members with a P/E', () => {
    const r = harmonicMeanPE([10, 20, null], 'exclude', [0.5, 0.3, 0.2]);
    expect(r.value).toBeCloseTo((0.5 + 0.3) / (0.5 / 10 + 0.3 / 20), 9); // 0.8 / 0.065 ≈ 12.31
    expect(r.earningsYield).toBeCloseTo((0.5 / 10 + 0.3 / 20) / (0.5 + 0.3), 9);
    expect([r.included, r.total, r.missing]).toEqual([2, 3, [2]]);
  });

  it('mean: Σwᵢ PEᵢ / Σwᵢ', () => {
    expect(meanPE([10, 20, 40], 'exclude', [0.5, 0.3, 0.2]).value).toBeCloseTo(0.5 * 10 + 0.3 * 20 + 0.2 * 40, 9); // 19
  });

  it('equal weights give the plain figures bit for bit', () => {
    const pes = [13, 16.17, 38, 16.83, 63.69, 8.82, 12.23];
    const w = pes.map(() => 1 / 7);
    expect(harmonicMeanPE(pes, 'exclude', w)).toEqual(harmonicMeanPE(pes, 'exclude'));
    expect(meanPE(pes, 'exclude', w)).toEqual(meanPE(pes, 'exclude'));
    expect(harmonicMeanPE(pes).value).toBeCloseTo(7 / (1 / 13 + 1 / 16.17 + 1 / 38 + 1 / 16.83 + 1 / 63.69 + 1 / 8.82 + 1 / 12.23), 9);
  });

  it('a member without a weight (not in the return) is left out of every method, and counted', () => {
    const pes = [10, 20, 30];
    const w = [0.5, 0.5, null];
    for (const method of PE_METHODS) {
      const r = basketPE(method, pes, [1, 1, 1], 'exclude', w);
      expect([r.included, r.total, r.unweighted], method).toEqual([2, 3, [2]]);
    }
    expect(basketPE('harmonic', pes, [1, 1, 1], 'exclude', w).value).toBeCloseTo(2 / (1 / 10 + 1 / 20), 9);
    expect(basketPE('median', pes, [1, 1, 1], 'exclude', w).value).toBe(15);
  });

  it('invariant: scaling every weight leaves the P/E as it is', () => {
    const pes = [10, 20, 40];
    expect(harmonicMeanPE(pes, 'exclude', [5, 3, 2]).value).toBeCloseTo(harmonicMeanPE(pes, 'exclude', [0.5, 0.3, 0.2]).value as number, 12);
  });
});
