/**
 * Currency conversion. Pure. An FX series `XXXYYY=X` is the price of one XXX
 * in YYY; a rate here is always "units of the report currency per unit of the
 * member's currency", taken as the last close on or before a date. Amounts are
 * in major units already: providers convert pence and cents (domain/currency.ts).
 */
import type { DayNumber } from '../domain/types.js';
import { lastIndexOnOrBefore } from '../domain/series.js';

/** Yahoo's symbol for the price of one `base` in `quote`: `fxSymbol('HKD', 'USD')` = `HKDUSD=X`. */
export function fxSymbol(base: string, quote: string): string {
  return `${base}${quote}=X`;
}

/** Closes of an FX series, ascending by day. */
export interface FxSeries {
  readonly days: ArrayLike<DayNumber>;
  readonly close: ArrayLike<number>;
}

/**
 * Rates of `to` per unit of `from`, as a lookup by date: the direct series
 * `FROMTO=X` when present, else `1 / close` of the inverse `TOFROM=X`, else null.
 * Same currency: the constant 1.
 */
export interface FxRates {
  /** The series used (`null` for the same currency). */
  readonly symbol: string | null;
  readonly inverted: boolean;
  /** The rate on or before `day`; `null` when the series starts later. */
  readonly on: (day: DayNumber) => number | null;
}

export function fxRates(
  from: string,
  to: string,
  series: (symbol: string) => FxSeries | undefined,
): FxRates | null {
  if (from === to) return { symbol: null, inverted: false, on: () => 1 };
  for (const [symbol, inverted] of [
    [fxSymbol(from, to), false],
    [fxSymbol(to, from), true],
  ] as const) {
    const s = series(symbol);
    if (!s || s.days.length === 0) continue;
    return {
      symbol,
      inverted,
      on: (day) => {
        const i = lastIndexOnOrBefore(s.days, day);
        if (i < 0) return null;
        const close = s.close[i] as number;
        return inverted ? 1 / close : close;
      },
    };
  }
  return null;
}

/**
 * A return in another currency: `(1 + local) × (fxEnd / fxStart) − 1`, with the
 * rates in units of the target currency per unit of the asset's currency.
 */
export function convertReturn(localReturn: number, fxStart: number, fxEnd: number): number {
  if (!(fxStart > 0) || !(fxEnd > 0)) throw new RangeError(`FX rates must be positive, got ${fxStart} and ${fxEnd}`);
  return (1 + localReturn) * (fxEnd / fxStart) - 1;
}

/**
 * Prices converted into the target currency on each of their own days:
 * `price × rate(on or before day)`. Days before the first rate are dropped.
 */
export function convertPrices(days: ArrayLike<DayNumber>, prices: ArrayLike<number>, rates: FxRates): { days: Int32Array; prices: Float64Array } {
  const outDays = new Int32Array(days.length);
  const outPrices = new Float64Array(days.length);
  let n = 0;
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as DayNumber;
    const rate = rates.on(d);
    if (rate === null) continue;
    outDays[n] = d;
    outPrices[n] = (prices[i] as number) * rate;
    n += 1;
  }
  return { days: outDays.subarray(0, n), prices: outPrices.subarray(0, n) };
}
