/**
 * The one interface every market-data source implements. Providers are the
 * only stage that does network or data-file I/O; what they return is already
 * in basket's own model (src/domain/types.ts): no source's field names,
 * symbol scheme or minor currency units leak.
 */
import { fromDayNumber, toDayNumber } from '../domain/calendar.js';
import { lastIndexBefore, lastIndexOnOrBefore } from '../domain/series.js';
import type { FxSeries, IsoDate, PriceSeries, ProviderResult, QuoteHistory, SymbolIssue } from '../domain/types.js';
import type { SourceUnavailableError } from '../errors.js';

/** Told after each symbol a provider has finished (fetched, loaded or given up on): `done` of `total`. */
export type ProgressSink = (done: number, total: number, symbol: string) => void;

export interface HistoryRequest {
  readonly symbols: readonly string[];
  /** Progress of the request, symbol by symbol (for a progress bar on a terminal). */
  readonly onProgress?: ProgressSink;
  /**
   * Told a symbol's currency as soon as the provider knows it (a cached entry,
   * a chart's header), before the whole request is answered: the FX series a
   * report currency needs can be fetched meanwhile. Optional for providers.
   */
  readonly onCurrency?: (symbol: string, currency: string) => void;
  /** First exchange-local date wanted, inclusive. */
  readonly start: IsoDate;
  /** Last exchange-local date wanted, inclusive. */
  readonly end: IsoDate;
  /**
   * Whether to look up a suggestion for a symbol the source does not know
   * (a search, on Yahoo); default true. A fallback benchmark needs none: if
   * it is used its data are there, and if it is not its note is dropped.
   */
  readonly suggest?: boolean;
}

/** Rates of one currency in another (codes in major units: `HKD`, `USD`) over [start, end], exchange-local dates, inclusive. */
export interface FxRequest {
  readonly from: string;
  readonly to: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export interface FxAnswer {
  /** null when the source has neither series of the pair. */
  readonly rates: FxSeries | null;
  /** Notes on the pair's series; none once it has rates (a missing inverse is no news). */
  readonly issues: readonly SymbolIssue[];
}

/** A symbol a search found. */
export interface SymbolMatch {
  readonly symbol: string;
  readonly name: string | null;
  /** The exchange's display name (`NASDAQ`, `HKSE`). */
  readonly exchange: string | null;
  /** `Equity`, `ETF`, `Index`, … */
  readonly type: string | null;
}

export interface MarketDataProvider {
  /** Shown in reports: `yahoo` or `files:<dir>`. */
  readonly description: string;
  /** Daily closes per symbol within [start, end]; symbols without data become issues. */
  fetchHistory(request: HistoryRequest): Promise<ProviderResult<PriceSeries>>;
  /**
   * Every quote the source has per symbol, one per date (a live source: the
   * latest, dated by its last trade; a cache: each distinct dated quote it
   * has kept); symbols without one become issues.
   */
  fetchQuotes(symbols: readonly string[]): Promise<ProviderResult<QuoteHistory>>;
  /**
   * Rates of `to` per unit of `from`: the source's series of the pair, its
   * inverse when it has only that. Fails as fetchHistory does.
   */
  fetchFx(request: FxRequest): Promise<FxAnswer>;
  /** The source's names of a pair's two series, direct first (`HKDUSD=X`, `USDHKD=X`): what notes on a pair it has no rates for name. */
  fxNames(from: string, to: string): readonly [string, string];
  /** Symbols matching a name or code, best first (sources that can search). */
  search?(query: string, limit?: number): Promise<SymbolMatch[]>;
}

/** A series from ISO dates and closes (ascending, as the domain type requires): for providers that read dates as text. */
export function seriesOf(
  symbol: string,
  currency: string | null,
  dates: readonly IsoDate[],
  close: readonly number[],
  adjClose: readonly number[] = close,
): PriceSeries {
  return { symbol, currency, days: Int32Array.from(dates, toDayNumber), close: Float64Array.from(close), adjClose: Float64Array.from(adjClose) };
}

/** The ISO dates of a series' closes. */
export function seriesDates(series: Pick<PriceSeries, 'days'>): IsoDate[] {
  return Array.from(series.days, fromDayNumber);
}

/** Restrict a full series to [start, end] (both inclusive): views on the same columns, no copy. */
export function sliceSeries(series: PriceSeries, start: IsoDate, end: IsoDate): PriceSeries {
  const a = lastIndexBefore(series.days, toDayNumber(start)) + 1;
  const b = Math.max(a, lastIndexOnOrBefore(series.days, toDayNumber(end)) + 1);
  if (a === 0 && b === series.days.length) return series;
  return {
    ...series,
    days: series.days.subarray(a, b),
    close: series.close.subarray(a, b),
    adjClose: series.adjClose.subarray(a, b),
  };
}

/**
 * A pair's rates from the history of its two series, asked for together (one
 * round trip): for sources that keep FX series among their symbols. The
 * direct series when it has closes, else the inverse.
 */
export async function fxFromHistory(source: Pick<MarketDataProvider, 'fetchHistory' | 'fxNames'>, { from, to, start, end }: FxRequest): Promise<FxAnswer> {
  const names = source.fxNames(from, to);
  const history = await source.fetchHistory({ symbols: names, start, end });
  const found = names.findIndex((name) => (history.items.get(name)?.days.length ?? 0) > 0);
  if (found < 0) return { rates: null, issues: history.issues };
  const series = history.items.get(names[found] as string) as PriceSeries;
  return { rates: { from, to, series, inverted: found === 1 }, issues: history.issues.filter((i) => i.symbol === null || !names.includes(i.symbol)) };
}

/** Why a note's data did not come from the source: `yahoo unavailable: cannot reach Yahoo Finance (ENOTFOUND)`. */
export function unavailableWhy(source: string, err: SourceUnavailableError): string {
  return `${source} unavailable: ${err.reason}`;
}
