/**
 * Market value at the start and end of a period, shares held constant. Pure.
 */

export interface MarketValue {
  readonly start: number;
  readonly end: number;
  /** `end − start`, in the same money. */
  readonly change: number;
}

/**
 * A member's market value over a period, with its share count held constant:
 * `end = cap × fxEnd` and `start = cap × (rawStart / rawEnd) × fxStart`, where
 * `cap` is the quote's market capitalisation (taken as the value at the end
 * close, in the member's currency), `rawStart` and `rawEnd` the unadjusted
 * closes, and the rates convert into the report currency (1 and 1 without).
 */
export function marketValueOverPeriod(
  cap: number,
  rawStart: number,
  rawEnd: number,
  fxStart = 1,
  fxEnd = 1,
): MarketValue {
  for (const [name, x] of [['market cap', cap], ['start close', rawStart], ['end close', rawEnd], ['start rate', fxStart], ['end rate', fxEnd]] as const) {
    if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`${name} must be positive and finite, got ${x}`);
  }
  const end = cap * fxEnd;
  const start = cap * (rawStart / rawEnd) * fxStart;
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
