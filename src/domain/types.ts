/**
 * The domain model every stage after the provider works in. Conventions:
 * dates are exchange-local ISO dates (`YYYY-MM-DD`) in reports and day
 * numbers in price series and the analytics; returns and discounts are
 * fractions (0.1 = 10%); `null` means unknown: never NaN, never 0.
 */

/** An exchange-local calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** An exchange-local calendar date as a day number: days since 1970-01-01 (domain/calendar.ts). */
export type DayNumber = number;

/**
 * A symbol's daily closes, in columns: `days[i]` is the exchange-local date
 * of `close[i]` and `adjClose[i]`. Ascending by day with no duplicates, every
 * price a positive finite number in the major unit of `currency` (pounds, not
 * pence: domain/currency.ts). `adjClose` is the split- and
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
  /**
   * Splits the source records (offline `Stock Splits`, Yahoo's `events.splits`),
   * ascending by day: `ratio` new shares per old one (3 for a 3-for-1 split,
   * 0.5 for a 1-for-2 reverse split). Absent when the source records none.
   */
  readonly splits?: readonly Split[];
}

/** A recorded split: on `day` each share became `ratio` shares. */
export interface Split {
  readonly day: DayNumber;
  readonly ratio: number;
}

/**
 * Rates to convert `from` into `to` (currency codes, major units), from the
 * one series a source quotes for the pair: `series.close` is `to` per unit of
 * `from`, or, when `inverted` (the source has only the inverse pair), `from`
 * per unit of `to`, a rate then being `1 / close`. The series keeps the
 * source's own name for it (`USDHKD=X`), which notes show and a snapshot keeps.
 */
export interface FxSeries {
  readonly from: string;
  readonly to: string;
  readonly series: PriceSeries;
  readonly inverted: boolean;
}

/** What converts one currency into another: the rates, if the source has them, and its names for the pair's series (for notes). */
export interface FxPair {
  /** The source's names of the pair's two series, direct first (`HKDUSD=X`, `USDHKD=X`). */
  readonly names: readonly string[];
  /** null: the source has neither series. */
  readonly rates: FxSeries | null;
}

/**
 * What a quote tells us about a symbol on one day. Ratios are plain numbers,
 * money in `currency`, in its major unit (pounds, not pence: domain/currency.ts).
 * A symbol may have several quotes, one per `date`
 * (a point-in-time table; analytics/point-in-time.ts chooses among them).
 */
export interface Quote {
  readonly symbol: string;
  /**
   * The exchange-local day the figures refer to (a live quote: the day of its
   * last trade); `null` or absent: undated, taken as of the as-of date.
   */
  readonly date?: IsoDate | null;
  /** Who gave the figures (`Yahoo Finance`, `S&P Global`, …), when known. */
  readonly provider?: string | null;
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

/** A symbol's quotes, one per date: ascending by date, an undated one first. Never empty. */
export type QuoteHistory = readonly Quote[];

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
  | 'suspect-trailing-pe' // a trailing P/E that looks currency-mismatched: excluded
  | 'no-trailing-pe' // trailing P/E unknown or ≤ 0: excluded from the basket's trailing P/E
  | 'no-market-value' // market cap unknown: no market value change, cap weight or aggregate P/E
  | 'mixed-currencies' // money figures in different currencies cannot be added up
  | 'gap-in-data' // no close for longer than the allowed gap
  | 'large-move' // a one-day move beyond the allowed size
  | 'suspect-split' // a one-day move that looks like an unadjusted split: flagged (left out only with --suspect-splits drop)
  | 'split-adjusted' // a split the data records was found unadjusted in the closes, and adjusted
  | 'quote-after-as-of' // a quote figure dated after the as-of date was used (or, under --point-in-time strict, left out)
  | 'stale-quote' // a quote figure older than --max-quote-age was used
  | 'undated-quote' // quote figures without a date, taken as of the as-of date
  | 'no-lookback' // a series' history does not reach back over the whole --lookback
  | 'benchmark-fallback' // the first benchmark had no data over the window: a fallback was used
  | 'stale-data'; // cached data used without asking the source (--offline, or the source unreachable)

/**
 * A note on the data: a problem with one symbol; or, with `symbol: null`, one
 * about a whole basket (`basket`), a group of quote figures (`symbols`,
 * `fields`), or the data source.
 */
export interface SymbolIssue {
  readonly symbol: string | null;
  readonly basket?: string;
  readonly code: IssueCode;
  readonly message: string;
  /** `stale-data`: when the cached data were fetched (ISO 8601 instant). */
  readonly fetchedAt?: string;
  /** `no-data`: the source says it does not know the symbol (not merely no closes in the range). */
  readonly unknownSymbol?: boolean;
  /** `suspect-split`, `split-adjusted`: the day of the move; quote flags: the figure's date. */
  readonly date?: IsoDate;
  /** `suspect-split`, `split-adjusted`: new shares per old one (3 for 3-for-1, 0.5 for 1-for-2). */
  readonly ratio?: number;
  /** Quote flags: the symbols and figures (`forwardPE`, `marketCap`, …) the note covers. */
  readonly symbols?: readonly string[];
  readonly fields?: readonly string[];
  /** `quote-after-as-of`, `stale-quote`: calendar days between the figure's date and the as-of date. */
  readonly days?: number;
}

/** A provider's answer: what it found, and a note of everything it did not. */
export interface ProviderResult<T> {
  readonly items: ReadonlyMap<string, T>;
  readonly issues: readonly SymbolIssue[];
}
