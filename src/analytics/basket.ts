/**
 * Basket returns from member returns. Pure.
 */

export interface BasketReturn {
  /** The basket's return, a fraction; `null` when no member has one. */
  readonly value: number | null;
  /** Members whose return went into `value`. */
  readonly included: number;
  /** All members. */
  readonly total: number;
}

/**
 * Equal-weighted buy-and-hold return: equal money in each member at the start,
 * held to the end, which is the arithmetic mean of the members' returns,
 * `(1/n) Σ rᵢ` over the n members that have a return. Members with `null`
 * (no data for the period) are left out and counted, never taken as 0.
 */
export function equalWeightBuyAndHold(memberReturns: readonly (number | null)[]): BasketReturn {
  let sum = 0;
  let included = 0;
  for (const r of memberReturns) {
    if (r === null) continue;
    if (!Number.isFinite(r)) throw new RangeError(`member return is not finite: ${r}`);
    sum += r;
    included += 1;
  }
  return { value: included > 0 ? sum / included : null, included, total: memberReturns.length };
}
