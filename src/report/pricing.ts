/**
 * One symbol priced over a window, in its own currency and in the report
 * currency. Pure: what the provider found in (major units already), figures
 * or a reason out.
 */
import { convertPrices, convertReturn, fxRates, type FxRates } from '../analytics/fx.js';
import type { MemberPrices } from '../analytics/basket.js';
import { periodReturn } from '../analytics/returns.js';
import { fromDayNumber, toDayNumber } from '../domain/calendar.js';
import { adjustRecordedSplits } from '../analytics/series-checks.js';
import type { DayNumber, FxPair, IsoDate, IssueCode, PriceSeries, Quote, Split } from '../domain/types.js';
import type { PriceBasis } from './types.js';

export interface PricingInput {
  readonly history: ReadonlyMap<string, PriceSeries>;
  readonly quotes: ReadonlyMap<string, Quote>;
  readonly priceBasis: PriceBasis;
  /** The report currency; `null` = each symbol in its own. */
  readonly currency: string | null;
  /** The pairs converting symbols' currencies into `currency`, by the currency converted from. */
  readonly fx: ReadonlyMap<string, FxPair>;
}

/** A symbol's history, ready to price: converted into the report currency. */
export interface PreparedSeries {
  readonly symbol: string;
  /** The symbol's currency (the quote's, else the series'); `null` when unknown. */
  readonly currency: string | null;
  readonly days: Int32Array;
  /** Closes on the chosen basis (adjusted or not). */
  readonly prices: Float64Array;
  /**
   * Unadjusted closes (for market values), with the recorded splits that
   * still showed in them adjusted for: prices of today's shares.
   */
  readonly raw: Float64Array;
  /** Rates into the report currency; `null` without a report currency. */
  readonly fx: FxRates | null;
  /** `prices` in the report currency (or as they are without one), for level series. */
  readonly converted: MemberPrices;
  /** Splits the source records (adjusted for in `prices` where they showed). */
  readonly splits: readonly Split[];
  /** The recorded splits that still showed in the closes, and were adjusted for in `prices`. */
  readonly splitsApplied: readonly Split[];
}

export interface Failure {
  readonly code: IssueCode;
  readonly message: string;
  /** `suspect-split`: the day of the move and its ratio. */
  readonly date?: IsoDate;
  readonly ratio?: number;
}

/** Prepares `symbol`, or says why it cannot be priced (no history, unknown currency, no FX series). */
export function prepareSeries(symbol: string, input: PricingInput): PreparedSeries | Failure | null {
  const series = input.history.get(symbol);
  if (!series) return null; // the provider's issue already says why
  const currency = (input.quotes.get(symbol)?.currency ?? series.currency) || null;
  const splits = series.splits ?? [];
  const chosen = input.priceBasis === 'adjusted' ? series.adjClose : series.close;
  // a split the data records but the closes still show is adjusted for, never guessed (analytics/series-checks.ts)
  const adjusted = splits.length > 0 ? adjustRecordedSplits(series.days, chosen, splits) : { prices: chosen, applied: [] };
  const prices = adjusted.prices as Float64Array;
  // raw closes in the basis of today's shares: the recorded splits that still show in them adjusted for
  const raw = splits.length > 0 ? (adjustRecordedSplits(series.days, series.close, splits).prices as Float64Array) : series.close;
  const base = { symbol, currency, days: series.days, prices, raw, splits, splitsApplied: adjusted.applied };
  if (input.currency === null) return { ...base, fx: null, converted: { days: series.days, prices } };
  if (currency === null) return { code: 'no-currency', message: `its currency is unknown, so it cannot be converted into ${input.currency}: left out` };
  const pair = input.fx.get(currency);
  const fx = fxRates(currency, input.currency, pair?.rates ?? null);
  if (!fx) {
    const rates = pair ? `${pair.names.join(' or ')} rates` : 'rates';
    return { code: 'no-fx', message: `no ${rates} to convert ${currency} into ${input.currency}: left out` };
  }
  return { ...base, fx, converted: convertPrices(series.days, prices, fx) };
}

export function isFailure<T extends object>(x: T | Failure | null | undefined): x is Failure {
  return x !== null && x !== undefined && 'code' in x;
}

/** A prepared symbol priced over [from, asOf]. */
export interface Priced {
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  /** Start and end closes, own currency, major units, chosen basis. */
  readonly startPrice: number;
  readonly endPrice: number;
  readonly rawStart: number;
  readonly rawEnd: number;
  /** `endPrice / startPrice − 1`. */
  readonly localReturn: number;
  /** Report-currency rates on the start and end dates (1 and 1 without conversion). */
  readonly fxStart: number;
  readonly fxEnd: number;
  /** `fxEnd / fxStart − 1`; `null` without a report currency. */
  readonly fxReturn: number | null;
  /** The return in the report currency: `(1 + local) × (fxEnd / fxStart) − 1`. */
  readonly return: number;
}

/** A window [from, asOf]: its ISO dates (for messages) and day numbers (for the analytics). */
export interface Span {
  readonly from: IsoDate;
  readonly asOf: IsoDate;
  readonly fromDay: DayNumber;
  readonly asOfDay: DayNumber;
}

export const spanOf = (from: IsoDate, asOf: IsoDate): Span => ({ from, asOf, fromDay: toDayNumber(from), asOfDay: toDayNumber(asOf) });

/** Prices `s` over [from, asOf] under the window policy of analytics/returns.ts. */
export function priceOver(s: PreparedSeries, span: Span, window: string): Priced | Failure {
  const { from, asOf } = span;
  const outcome = periodReturn(s.days, s.prices, span.fromDay, span.asOfDay);
  if (!outcome.ok) {
    return outcome.reason === 'no-start-price'
      ? { code: 'no-start-price', message: `no close before ${from}${window}: left out` }
      : { code: 'no-end-price', message: `no close from ${from} to ${asOf}${window}: left out` };
  }
  const v = outcome.value;
  const startDate = fromDayNumber(v.startDay);
  if (!Number.isFinite(v.return)) {
    // closes so far apart that their ratio overflows (a start close of 5e-324, say): no return can come of them
    return { code: 'bad-data', message: `closes ${v.startPrice} on ${startDate} and ${v.endPrice} on ${fromDayNumber(v.endDay)} give no finite return${window}: left out` };
  }
  const base = {
    startDate,
    startPrice: v.startPrice,
    endDate: fromDayNumber(v.endDay),
    endPrice: v.endPrice,
    return: v.return,
    rawStart: s.raw[v.startIndex] as number,
    rawEnd: s.raw[v.endIndex] as number,
    localReturn: v.return,
  };
  if (!s.fx) return { ...base, fxStart: 1, fxEnd: 1, fxReturn: null };
  const fxStart = s.fx.on(v.startDay);
  const fxEnd = s.fx.on(v.endDay);
  if (fxStart === null || fxEnd === null) {
    return { code: 'no-fx', message: `no ${s.fx.name} rate on or before ${startDate}${window}: left out` };
  }
  return { ...base, fxStart, fxEnd, fxReturn: fxEnd / fxStart - 1, return: convertReturn(v.return, fxStart, fxEnd) };
}
