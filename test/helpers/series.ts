/** A columnar PriceSeries as plain arrays with ISO dates, for readable assertions. */
import type { IsoDate, PriceSeries } from '../../src/domain/types.js';
import { seriesDates } from '../../src/providers/provider.js';

export interface PlainSeries {
  readonly symbol: string;
  readonly currency: string | null;
  readonly dates: IsoDate[];
  readonly close: number[];
  readonly adjClose: number[];
}

export function plainSeries(s: PriceSeries): PlainSeries;
export function plainSeries(s: PriceSeries | undefined): PlainSeries | undefined;
export function plainSeries(s: PriceSeries | undefined): PlainSeries | undefined {
  if (s === undefined) return undefined;
  return { symbol: s.symbol, currency: s.currency, dates: seriesDates(s), close: Array.from(s.close), adjClose: Array.from(s.adjClose) };
}
