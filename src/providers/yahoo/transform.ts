/**
 * Pure transforms from yahoo-finance2's results to basket's model. Yahoo's
 * field names (`adjclose`, `regularMarketPrice`, `exchangeTimezoneName`, …)
 * and minor currency units (`GBp`) stop here: prices come out in major units,
 * dated by the exchange's calendar (exchange-days.ts).
 */
import { fromDayNumber, toDayNumber } from '../../domain/calendar.js';
import { quoteInMajorUnits, seriesInMajorUnits } from '../../domain/currency.js';
import { barsSkipped, DATES_LISTED } from '../../domain/issues.js';
import type { DayNumber, IsoDate, PriceSeries, Quote, SymbolIssue } from '../../domain/types.js';
import type { SymbolMatch } from '../provider.js';
import type { ExchangeDays } from './exchange-days.js';

/** The parts of a chart() result we read. */
export interface ChartLike {
  meta: { currency?: string | null; exchangeTimezoneName?: string | null; gmtoffset?: number | null };
  quotes: readonly { date: Date; close: number | null; adjclose?: number | null }[];
  events?: { splits?: readonly { date: Date; numerator: number; denominator: number }[] } | null;
}

const usable = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/**
 * A chart() result → a PriceSeries within [start, end], in major units. Yahoo
 * stamps a daily bar with its session's opening instant: its exchange-local
 * date is the bar's (a Sydney session opening 23:00 UTC is the next day).
 * Bars without a usable close are left out and reported. Yahoo can send the
 * current session twice (a live bar beside the day's bar): for one date the
 * later bar wins, as it is the newer figure.
 */
export function toPriceSeries(
  symbol: string,
  chart: ChartLike,
  start: IsoDate,
  end: IsoDate,
  exchangeDays: ExchangeDays,
): { series: PriceSeries; issues: SymbolIssue[] } {
  const dayOf = exchangeDays(chart.meta.exchangeTimezoneName, chart.meta.gmtoffset ?? 0);
  const first = toDayNumber(start);
  const last = toDayNumber(end);
  const byDay = new Map<DayNumber, { close: number; adj: number }>();
  const skipped: DayNumber[] = [];
  const hasAdj = chart.quotes.some((q) => q.adjclose !== undefined);
  for (const q of chart.quotes) {
    const day = dayOf(q.date);
    if (day < first || day > last) continue;
    const adj = hasAdj ? q.adjclose : q.close;
    if (!usable(q.close) || !usable(adj)) {
      skipped.push(day);
      continue;
    }
    byDay.set(day, { close: q.close, adj });
  }
  const days = Int32Array.from(byDay.keys()).sort();
  const close = Float64Array.from(days, (d) => byDay.get(d)!.close);
  const adjClose = Float64Array.from(days, (d) => byDay.get(d)!.adj);
  const issues = skipped.length > 0 ? [barsSkipped(symbol, 'bar(s) without a usable close', skipped.length, skipped.slice(0, DATES_LISTED).map(fromDayNumber))] : [];
  // the splits Yahoo records (`events.splits`, numerator for denominator), on their exchange-local dates
  const splits = (chart.events?.splits ?? [])
    .filter((s) => usable(s.numerator) && usable(s.denominator))
    .map((s) => ({ day: dayOf(s.date), ratio: s.numerator / s.denominator }))
    .sort((a, b) => a.day - b.day);
  const series: PriceSeries = { symbol, currency: chart.meta.currency ?? null, days, close, adjClose, ...(splits.length > 0 ? { splits } : {}) };
  return { series: seriesInMajorUnits(series), issues };
}

/** The parts of a quote() result we read. */
export interface QuoteLike {
  symbol: string;
  longName?: string | null;
  shortName?: string | null;
  displayName?: string | null;
  currency?: string | null;
  regularMarketPrice?: number | null;
  forwardPE?: number | null;
  trailingPE?: number | null;
  epsForward?: number | null;
  marketCap?: number | null;
  sharesOutstanding?: number | null;
  financialCurrency?: string | null;
  /** The last trade's instant: what dates the quote. */
  regularMarketTime?: Date | null;
  exchangeTimezoneName?: string | null;
  gmtOffSetMilliseconds?: number | null;
}

const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const text = (x: unknown): string | null => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null);

/** The exchange-local day of a quote's last trade; `null` when Yahoo gives no time. */
function quoteDate(raw: QuoteLike, exchangeDays: ExchangeDays): IsoDate | null {
  const time = raw.regularMarketTime;
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) return null;
  const dayOf = exchangeDays(text(raw.exchangeTimezoneName), (finite(raw.gmtOffSetMilliseconds) ?? 0) / 1000);
  return fromDayNumber(dayOf(time));
}

/**
 * A v7 quote → a Quote in major units, dated by its last trade
 * (`regularMarketTime`, on the exchange's calendar). `forwardPE` is the
 * quote's own `forwardPE` field (price ÷ Yahoo's forward EPS estimate), not
 * quoteSummary's, which can differ for the same stock and day.
 */
export function toQuote(raw: QuoteLike, exchangeDays: ExchangeDays): Quote {
  return quoteInMajorUnits({
    symbol: raw.symbol,
    date: quoteDate(raw, exchangeDays),
    provider: 'Yahoo Finance',
    name: text(raw.longName) ?? text(raw.shortName) ?? text(raw.displayName),
    currency: text(raw.currency),
    financialCurrency: text(raw.financialCurrency),
    price: finite(raw.regularMarketPrice),
    forwardPE: finite(raw.forwardPE),
    trailingPE: finite(raw.trailingPE),
    epsForward: finite(raw.epsForward),
    marketCap: finite(raw.marketCap),
    sharesOutstanding: finite(raw.sharesOutstanding),
  });
}

/** The parts of a search() result's quotes we read. */
export interface SearchQuoteLike {
  symbol?: unknown;
  isYahooFinance?: unknown;
  shortname?: unknown;
  longname?: unknown;
  exchDisp?: unknown;
  exchange?: unknown;
  typeDisp?: unknown;
  quoteType?: unknown;
}

/** A search() answer → the Yahoo Finance symbols in it, best first (news and non-Yahoo entities dropped). */
export function toSymbolMatches(quotes: readonly SearchQuoteLike[]): SymbolMatch[] {
  return quotes
    .filter((q) => q.isYahooFinance === true && text(q.symbol) !== null)
    .map((q) => ({
      symbol: text(q.symbol) as string,
      name: text(q.longname) ?? text(q.shortname),
      exchange: text(q.exchDisp) ?? text(q.exchange),
      type: text(q.typeDisp) ?? text(q.quoteType),
    }));
}
