import { describe, expect, it } from 'vitest';
import { equalWeights, proportionalWeights, renormalisedWeights } from '../../src/analytics/weights.js';

/** Element-wise: null where expected null, else equal at 1e-9. */
function expectWeights(actual: readonly (number | null)[], expected: readonly (number | null)[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    if (e === null) expect(actual[i]).toBeNull();
    else expect(actual[i]).toBeCloseTo(e, 9);
  });
}

const sumOf = (ws: readonly (number | null)[]) => ws.reduce<number>((s, w) => s + (w ?? 0), 0);

describe('equalWeights', () => {
  it.each([
    ['one member', [true], [1]],
    ['three members', [true, true, true], [1 / 3, 1 / 3, 1 / 3]],
    ['a member without data is null, the rest share', [true, false, true, true], [1 / 3, null, 1 / 3, 1 / 3]],
    ['none usable: all null, never 0', [false, false], [null, null]],
    ['no members', [], []],
  ])('%s', (_name, usable, expected) => {
    expectWeights(equalWeights(usable), expected);
  });
});

describe('proportionalWeights', () => {
  it.each([
    ['market values 300, 100', [300, 100], [300 / (300 + 100), 100 / (300 + 100)]],
    ['real-looking caps', [3.674e12, 2.9e12, 4.1e11], [3.674e12 / (3.674e12 + 2.9e12 + 4.1e11), 2.9e12 / (3.674e12 + 2.9e12 + 4.1e11), 4.1e11 / (3.674e12 + 2.9e12 + 4.1e11)]],
    ['null, 0 and negative values are left out (null)', [300, null, 100, 0, -50], [300 / (300 + 100), null, 100 / (300 + 100), null, null]],
    ['non-finite values are left out', [Number.NaN, 200, Number.POSITIVE_INFINITY], [null, 200 / 200, null]],
    ['nothing usable: all null', [null, 0], [null, null]],
  ])('%s', (_name, values, expected) => {
    expectWeights(proportionalWeights(values), expected);
  });

  it('the weights of the included members sum to 1', () => {
    expect(sumOf(proportionalWeights([7, null, 3.5, 11, -2]))).toBeCloseTo(1, 9);
  });

  it('invariant: scaling every value (a currency) does not change the weights', () => {
    const values = [3.674e12, null, 2.9e12, 4.1e11];
    const base = proportionalWeights(values);
    expectWeights(proportionalWeights(values.map((v) => (v === null ? null : v / 7.7724))), base);
  });
});

describe('renormalisedWeights', () => {
  it.each([
    ['all usable: unchanged', [0.5, 0.3, 0.2], [true, true, true], [0.5, 0.3, 0.2]],
    ['the 0.3 member missing: 0.5/0.7 and 0.2/0.7', [0.5, 0.3, 0.2], [true, false, true], [0.5 / (0.5 + 0.2), null, 0.2 / (0.5 + 0.2)]],
    ['only one left: it takes everything', [0.5, 0.3, 0.2], [false, true, false], [null, 0.3 / 0.3, null]],
    ['weights not summing to 1 are rescaled', [2, 1, 1], [true, true, true], [2 / 4, 1 / 4, 1 / 4]],
    ['none usable: all null', [0.5, 0.5], [false, false], [null, null]],
  ])('%s', (_name, weights, usable, expected) => {
    expectWeights(renormalisedWeights(weights, usable), expected);
  });

  it('the weights of the usable members sum to 1', () => {
    expect(sumOf(renormalisedWeights([0.1, 0.25, 0.15, 0.5], [true, false, true, true]))).toBeCloseTo(1, 9);
  });

  it('throws when weights and members differ in length (a programmer error)', () => {
    expect(() => renormalisedWeights([0.5, 0.5], [true])).toThrow(RangeError);
  });
});
