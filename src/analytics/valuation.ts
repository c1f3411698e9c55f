/**
 * Basket valuation from member P/E ratios. Pure.
 */

export interface BasketPE {
  /** The basket's P/E; `null` when no member has a usable one. */
  readonly value: number | null;
  /** Members whose P/E went into `value`. */
  readonly included: number;
  /** All members. */
  readonly total: number;
  /** Indexes of members left out because their P/E is unknown. */
  readonly missing: readonly number[];
  /** Indexes of members left out because their P/E is ≤ 0 (losses). */
  readonly nonPositive: readonly number[];
}

/**
 * Harmonic-mean P/E, `n / Σ (1 / PEᵢ)` over the n members with a positive
 * finite P/E: the P/E of equal money held in each of them (total price over
 * total earnings). Unknown (`null`) and non-positive P/Es are excluded and
 * listed, so coverage (`included / total`) can be shown.
 */
export function harmonicMeanPE(pes: readonly (number | null)[]): BasketPE {
  let sumYield = 0;
  let included = 0;
  const missing: number[] = [];
  const nonPositive: number[] = [];
  pes.forEach((pe, i) => {
    if (pe === null || !Number.isFinite(pe)) missing.push(i);
    else if (pe <= 0) nonPositive.push(i);
    else {
      sumYield += 1 / pe;
      included += 1;
    }
  });
  return {
    value: included > 0 ? included / sumYield : null,
    included,
    total: pes.length,
    missing,
    nonPositive,
  };
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
