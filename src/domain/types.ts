/**
 * The domain model every stage after the provider works in. Conventions:
 * dates are exchange-local ISO dates (`YYYY-MM-DD`) in reports and day
 * numbers in price series and the analytics; returns and discounts are
 * fractions (0.1 = 10%); `null` means unknown: never NaN, never 0.
 */

/** An exchange-local calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** An exchange-local calendar date as a day number: days since 1970-01-01 (analytics/calendar.ts). */
export type DayNumber = number;

/**
 * A symbol's daily closes, in columns: `days[i]` is the exchange-local date
 * of `close[i]` and `adjClose[i]`. Ascending by day with no duplicates, every
 * price a positive finite number. `adjClose` is the split- and
 * dividend-adjusted close (equal to `close` where the source gives no
 * adjusted close). Columns, not an object per bar: a 5,000-symbol × 10-year
 * basket is 12 million bars, 20 bytes each here.
 */
export interface PriceSeries {
  readonly symbol: string;
  readonly currency: string | null;
  readonly days: Int32Array;
  readonly close: Float64Array;
  readonly adjClose: Float64Array;
}

/** What a quote tells us about a symbol now. Ratios are plain numbers, money in `currency`. */
export interface Quote {
  readonly symbol: string;
  readonly name: string | null;
  readonly currency: string | null;
  /** The currency of the company's accounts (its earnings), when it differs from the trading currency. */
  readonly financialCurrency: string | null;
  readonly price: number | null;
  readonly forwardPE: number | null;
  readonly trailingPE: number | null;
  readonly epsForward: number | null;
  readonly marketCap: number | null;
  readonly sharesOutstanding: number | null;
}

/** Stable machine-readable kinds of per-symbol problem. */
export type IssueCode =
  | 'no-data' // the provider has no price history for the symbol
  | 'no-quote' // the provider has no quote for the symbol
  | 'bad-data' // the provider's data for the symbol was unusable
  | 'bars-skipped' // some bars had no usable close and were left out
  | 'no-start-price' // no close before the start of the period
  | 'no-end-price' // no close in the period
  | 'stale-price' // the end price is much older than the as-of date
  | 'no-forward-pe' // forward P/E unknown: excluded from the basket P/E
  | 'non-positive-forward-pe' // forward P/E ≤ 0 (losses): excluded from the basket P/E
  | 'basket-empty' // no member of a basket has a return for the period
  | 'no-currency' // the symbol's currency is unknown, so it cannot be converted
  | 'no-fx' // no FX rates to convert the symbol into the report currency
  | 'suspect-forward-pe' // a forward P/E that looks currency-mismatched: excluded
  | 'no-trailing-pe' // trailing P/E unknown or ≤ 0: excluded from the basket's trailing P/E
  | 'no-market-value' // market cap unknown: no market value change, cap weight or aggregate P/E
  | 'mixed-currencies' // money figures in different currencies cannot be added up
  | 'gap-in-data' // no close for longer than the allowed gap
  | 'large-move' // a one-day move beyond the allowed size
  | 'suspect-split' // a one-day move that looks like an unadjusted split: series left out
  | 'stale-data'; // cached data used without asking the source (--offline, or the source unreachable)

/** A problem with one symbol (or, with `symbol: null`, with the data source). */
export interface SymbolIssue {
  readonly symbol: string | null;
  readonly basket?: string;
  readonly code: IssueCode;
  readonly message: string;
  /** `stale-data`: when the cached data were fetched (ISO 8601 instant). */
  readonly fetchedAt?: string;
  /** `no-data`: the source says it does not know the symbol (not merely no closes in the range). */
  readonly unknownSymbol?: boolean;
}

/** A provider's answer: what it found, and a note of everything it did not. */
export interface ProviderResult<T> {
  readonly items: ReadonlyMap<string, T>;
  readonly issues: readonly SymbolIssue[];
}
