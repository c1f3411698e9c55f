/**
 * Basket valuation from member P/E ratios. Pure.
 *
 * Every method returns the basket's P/E, its earnings yield (E/P, a fraction)
 * and its coverage. Negative-earnings policy (`exclude` or `include`):
 * `exclude` leaves members with a P/E ≤ 0 (losses) out; `include` counts their
 * losses in the earnings, and when the basket's earnings come to ≤ 0 its P/E
 * is not meaningful (`status: 'not-meaningful'`, value `null`).
 */
import type { NegativePEPolicy, PEMethod } from '../domain/options.js';


export type PEStatus = 'ok' | 'unknown' | 'not-meaningful';

export interface BasketPE {
  /** The basket's P/E; `null` when unknown or not meaningful (see `status`). */
  readonly value: number | null;
  /** The basket's earnings yield (E/P); may be ≤ 0 under `include`; `null` when unknown. */
  readonly earningsYield: number | null;
  readonly status: PEStatus;
  /** Members whose P/E went into `value`. */
  readonly included: number;
  /** All members. */
  readonly total: number;
  /** Indexes of members left out because their P/E is unknown. */
  readonly missing: readonly number[];
  /** Indexes of members left out because their P/E is ≤ 0 (under `exclude`). */
  readonly nonPositive: readonly number[];
  /** Indexes of members left out because their market value is unknown (`aggregate` only). */
  readonly noMarketValue: readonly number[];
  /** Indexes of members left out because they have no weight (not in the basket's return). */
  readonly unweighted: readonly number[];
}

interface Sorted {
  /** Indexes of usable members. */
  readonly used: number[];
  readonly missing: number[];
  readonly nonPositive: number[];
  readonly unweighted: number[];
}

const finite = (pe: number | null): pe is number => pe !== null && Number.isFinite(pe);

/**
 * Members without a weight (`null`: not in the basket's return) are
 * `unweighted`; unknown P/Es are `missing`; 0 (no figure) and, under
 * `exclude`, negative ones are `nonPositive`.
 */
function sortOut(pes: readonly (number | null)[], policy: NegativePEPolicy, weights?: readonly (number | null)[]): Sorted {
  if (weights !== undefined && weights.length !== pes.length) throw new RangeError('P/Es and weights differ in length');
  const out: Sorted = { used: [], missing: [], nonPositive: [], unweighted: [] };
  pes.forEach((pe, i) => {
    if (weights !== undefined && (weights[i] === null || weights[i] === undefined)) out.unweighted.push(i);
    else if (!finite(pe)) out.missing.push(i);
    else if (pe === 0 || (pe < 0 && policy === 'exclude')) out.nonPositive.push(i);
    else out.used.push(i);
  });
  return out;
}

/**
 * The record for `s`: from the basket's earnings yield (P/E = 1 / yield when
 * the yield is positive), or from a P/E computed directly (`pe`, `null` when
 * not meaningful).
 */
function result(s: Sorted, total: number, from: { earningsYield: number } | { pe: number | null } | null, noMarketValue: number[] = []): BasketPE {
  let value: number | null = null;
  let earningsYield: number | null = null;
  if (from !== null && 'earningsYield' in from) {
    earningsYield = from.earningsYield;
    value = earningsYield > 0 ? 1 / earningsYield : null;
  } else if (from !== null && from.pe !== null) {
    value = from.pe;
    earningsYield = 1 / from.pe;
  }
  const status: PEStatus = from === null ? 'unknown' : value === null ? 'not-meaningful' : 'ok';
  return { value, earningsYield, status, included: s.used.length, total, missing: s.missing, nonPositive: s.nonPositive, noMarketValue, unweighted: s.unweighted };
}

/**
 * The used members' weights relative to the first one's (so equal weights
 * are exactly 1 each, and the weighted formulas reduce to the plain ones bit
 * for bit); all 1 without weights.
 */
function relativeWeights(s: Sorted, weights: readonly (number | null)[] | undefined): number[] {
  if (weights === undefined) return s.used.map(() => 1);
  const first = weights[s.used[0] as number] as number;
  return s.used.map((i) => {
    const w = (weights[i] as number) / first;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight ${weights[i]} must be positive and finite`);
    return w;
  });
}

/**
 * Harmonic mean, `Σ wᵢ / Σ (wᵢ / PEᵢ)` over the included members: the P/E of
 * money held in the members in proportion to their weights (total price over
 * total earnings); earnings yield `Σ (wᵢ / PEᵢ) / Σ wᵢ`. Without weights (or
 * with equal ones) `n / Σ (1 / PEᵢ)`. A member with a `null` weight is not in
 * the basket and is left out (`unweighted`).
 */
export function harmonicMeanPE(pes: readonly (number | null)[], policy: NegativePEPolicy = 'exclude', weights?: readonly (number | null)[]): BasketPE {
  const s = sortOut(pes, policy, weights);
  if (s.used.length === 0) return result(s, pes.length, null);
  const w = relativeWeights(s, weights);
  let earnings = 0;
  let total = 0;
  s.used.forEach((i, k) => {
    earnings += (w[k] as number) * (1 / (pes[i] as number));
    total += w[k] as number;
  });
  return result(s, pes.length, { earningsYield: earnings / total });
}

/**
 * Median P/E of the members; with an even count, the mean of the middle two.
 * Under `include` a loss ranks above every positive P/E (infinitely
 * expensive), and a median that lands on a loss is not meaningful.
 */
export function medianPE(pes: readonly (number | null)[], policy: NegativePEPolicy = 'exclude', weights?: readonly (number | null)[]): BasketPE {
  const s = sortOut(pes, policy, weights);
  if (s.used.length === 0) return result(s, pes.length, null);
  // ascending by earnings yield reversed: cheap (high yield) first, losses last
  const ranked = s.used.map((i) => pes[i] as number).sort((a, b) => 1 / b - 1 / a);
  const n = ranked.length;
  const middle = n % 2 === 1 ? [ranked[(n - 1) / 2] as number] : [ranked[n / 2 - 1] as number, ranked[n / 2] as number];
  if (middle.some((pe) => pe < 0)) return result(s, pes.length, { pe: null });
  return result(s, pes.length, { pe: middle.reduce((a, b) => a + b, 0) / middle.length });
}

/**
 * Weighted arithmetic mean P/E, `Σ wᵢ PEᵢ / Σ wᵢ` (`(1/n) Σ PEᵢ` without
 * weights): what screens often print, dominated by the most expensive
 * members. A mean of P/Es with a loss in it has no meaning: under `include`
 * any loss makes it not meaningful.
 */
export function meanPE(pes: readonly (number | null)[], policy: NegativePEPolicy = 'exclude', weights?: readonly (number | null)[]): BasketPE {
  const s = sortOut(pes, policy, weights);
  if (s.used.length === 0) return result(s, pes.length, null);
  if (s.used.some((i) => (pes[i] as number) < 0)) return result(s, pes.length, { pe: null });
  const w = relativeWeights(s, weights);
  let sum = 0;
  let total = 0;
  s.used.forEach((i, k) => {
    sum += (w[k] as number) * (pes[i] as number);
    total += w[k] as number;
  });
  return result(s, pes.length, { pe: sum / total });
}

/**
 * Aggregate (cap-weighted) P/E, `Σ MVᵢ / Σ (MVᵢ / PEᵢ)`: the whole basket's
 * market value over its whole earnings; earnings yield `Σ (MVᵢ / PEᵢ) / Σ MVᵢ`.
 * Market values must be in one currency. Members without a positive market
 * value are left out and listed.
 */
export function aggregatePE(
  pes: readonly (number | null)[],
  marketValues: readonly (number | null)[],
  policy: NegativePEPolicy = 'exclude',
  weights?: readonly (number | null)[],
): BasketPE {
  if (pes.length !== marketValues.length) throw new RangeError('P/Es and market values differ in length');
  const all = sortOut(pes, policy, weights);
  const noMarketValue = all.used.filter((i) => !(marketValues[i] !== null && (marketValues[i] as number) > 0));
  const s: Sorted = { ...all, used: all.used.filter((i) => !noMarketValue.includes(i)) };
  if (s.used.length === 0) return result(s, pes.length, null, noMarketValue);
  let value = 0;
  let earnings = 0;
  for (const i of s.used) {
    const mv = marketValues[i] as number;
    value += mv;
    earnings += mv / (pes[i] as number);
  }
  return result(s, pes.length, { earningsYield: earnings / value }, noMarketValue);
}

/**
 * The named method over the members' P/Es (and market values for
 * `aggregate`). `weights` are the basket's target weights: `harmonic` and
 * `mean` weigh by them, and every method leaves out a member whose weight is
 * `null` (not in the basket's return).
 */
export function basketPE(
  method: PEMethod,
  pes: readonly (number | null)[],
  marketValues: readonly (number | null)[],
  policy: NegativePEPolicy,
  weights?: readonly (number | null)[],
): BasketPE {
  switch (method) {
    case 'harmonic':
      return harmonicMeanPE(pes, policy, weights);
    case 'median':
      return medianPE(pes, policy, weights);
    case 'mean':
      return meanPE(pes, policy, weights);
    case 'aggregate':
      return aggregatePE(pes, marketValues, policy, weights);
  }
}

/**
 * Valuation discount of A against B, `1 − PE_A / PE_B`, a fraction: 0.4 means
 * A trades 40% cheaper than B; negative means a premium. `null` when either
 * P/E is unknown or not positive.
 */
export function valuationDiscount(peA: number | null, peB: number | null): number | null {
  if (peA === null || peB === null || !(peA > 0) || !(peB > 0)) return null;
  return 1 - peA / peB;
}

/** Below this, a forward P/E quoted with earnings in another currency is taken as a currency mix-up. */
export const SUSPECT_PE_BELOW = 5;

/**
 * A P/E that looks currency-mismatched: the earnings are in another currency
 * than the price (Yahoo's `financialCurrency` ≠ quote currency) and the P/E is
 * implausibly low (BABA: a USD price over CNY earnings gave 1.955 for 14.6).
 */
export function looksCurrencyMismatched(pe: number | null, currency: string | null, financialCurrency: string | null): boolean {
  return pe !== null && pe > 0 && pe < SUSPECT_PE_BELOW && currency !== null && financialCurrency !== null && currency !== financialCurrency;
}
