/**
 * Currency conversion. Pure. A rate here is always "units of the report
 * currency per unit of the member's currency", taken as the last close on or
 * before a date of the pair's series (`1 / close` when the source quotes the
 * pair the other way round). Amounts are in major units already: providers
 * convert pence and cents (domain/currency.ts).
 */
import type { DayNumber, FxSeries } from '../domain/types.js';
import { lastIndexOnOrBefore } from '../domain/series.js';

/** Rates of `to` per unit of `from`, as a lookup by day. */
export interface FxRates {
  /** The source's name of the series used (`USDHKD=X`), for notes; `null` for the same currency. */
  readonly name: string | null;
  /** The rate on or before `day`; `null` when the series starts later. */
  readonly on: (day: DayNumber) => number | null;
  /** The day of the close `on(day)` takes (for the audit trail); `null` for the same currency or when the series starts later. */
  readonly dayOn: (day: DayNumber) => DayNumber | null;
}

/**
 * Rates of `to` per unit of `from` from the pair's series: its close on or
 * before a day, or `1 / close` when it is the inverse pair's; the constant 1
 * for the same currency; null without a series (or with an empty one).
 */
export function fxRates(from: string, to: string, fx: FxSeries | null): FxRates | null {
  if (from === to) return { name: null, on: () => 1, dayOn: () => null };
  if (fx === null || fx.series.days.length === 0) return null;
  const { days, close } = fx.series;
  return {
    name: fx.series.symbol,
    on: (day) => {
      const i = lastIndexOnOrBefore(days, day);
      if (i < 0) return null;
      const rate = close[i] as number;
      return fx.inverted ? 1 / rate : rate;
    },
    dayOn: (day) => {
      const i = lastIndexOnOrBefore(days, day);
      return i < 0 ? null : (days[i] as DayNumber);
    },
  };
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
