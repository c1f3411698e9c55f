/**
 * Market value at the start and end of a period, shares held constant. Pure.
 */

export interface MarketValue {
  readonly start: number;
  readonly end: number;
  /** `end − start`, in the same money. */
  readonly change: number;
}

const checkPositive = (pairs: readonly (readonly [string, number])[]) => {
  for (const [name, x] of pairs) if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`${name} must be positive and finite, got ${x}`);
};

/**
 * A member's market value on the window's start and end closes from a market
 * cap `cap` dated q, its share count held constant since q:
 * `MV(d) = cap × (raw(d) / priceAtCap) × fx(d)`, where `priceAtCap` is the
 * price the cap was computed at (the quote's own price, else the unadjusted
 * close on or before q), `raw(d)` the unadjusted close of day d and `fx(d)`
 * the rate into the report currency (1 without). With `priceAtCap = rawEnd`
 * (a cap taken on the end day): `end = cap × fxEnd` exactly.
 */
export function marketValueFromCap(
  cap: number,
  priceAtCap: number,
  rawStart: number,
  rawEnd: number,
  fxStart = 1,
  fxEnd = 1,
): MarketValue {
  checkPositive([['market cap', cap], ['price at the cap date', priceAtCap], ['start close', rawStart], ['end close', rawEnd], ['start rate', fxStart], ['end rate', fxEnd]]);
  const start = cap * (rawStart / priceAtCap) * fxStart;
  const end = cap * (rawEnd / priceAtCap) * fxEnd;
  return { start, end, change: end - start };
}

/** A member's market value from its share count: `MV(d) = shares × raw(d) × fx(d)`. */
export function marketValueFromShares(shares: number, rawStart: number, rawEnd: number, fxStart = 1, fxEnd = 1): MarketValue {
  checkPositive([['share count', shares], ['start close', rawStart], ['end close', rawEnd], ['start rate', fxStart], ['end rate', fxEnd]]);
  const start = shares * rawStart * fxStart;
  const end = shares * rawEnd * fxEnd;
  return { start, end, change: end - start };
}

/** `Σ xᵢ` over the known values, with how many there were; `null` when none. */
export function sumKnown(values: readonly (number | null)[]): { value: number | null; included: number; total: number } {
  let sum = 0;
  let included = 0;
  for (const v of values) {
    if (v === null) continue;
    if (!Number.isFinite(v)) throw new RangeError(`value is not finite: ${v}`);
    sum += v;
    included += 1;
  }
  return { value: included > 0 ? sum : null, included, total: values.length };
}
