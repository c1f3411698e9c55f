/**
 * The one interface every market-data source implements. Providers are the
 * only stage that does network or data-file I/O; what they return is already
 * in basket's own model (src/domain/types.ts): no source's field names leak.
 */
import type { IsoDate, PriceSeries, ProviderResult, Quote } from '../domain/types.js';

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
  /** Latest quote per symbol; symbols without one become issues. */
  fetchQuotes(symbols: readonly string[]): Promise<ProviderResult<Quote>>;
  /** Symbols matching a name or code, best first (sources that can search). */
  search?(query: string, limit?: number): Promise<SymbolMatch[]>;
}

/** Restrict a full series to [start, end] (both inclusive). */
export function sliceSeries(series: PriceSeries, start: IsoDate, end: IsoDate): PriceSeries {
  const keep: number[] = [];
  series.dates.forEach((d, i) => {
    if (d >= start && d <= end) keep.push(i);
  });
  if (keep.length === series.dates.length) return series;
  return {
    ...series,
    dates: keep.map((i) => series.dates[i] as IsoDate),
    close: keep.map((i) => series.close[i] as number),
    adjClose: keep.map((i) => series.adjClose[i] as number),
  };
}
