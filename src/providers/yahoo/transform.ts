/**
 * Pure transforms from yahoo-finance2's results to basket's model. Yahoo's
 * field names (`adjclose`, `regularMarketPrice`, `exchangeTimezoneName`, …)
 * stop here.
 */
import type { IsoDate, PriceSeries, Quote, SymbolIssue } from '../../domain/types.js';
import { toDayNumber } from '../../domain/calendar.js';
import { seriesOf, type SymbolMatch } from '../provider.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date of `instant` in the IANA zone `timeZone`. Yahoo stamps a
 * daily bar with its session's opening instant, so this is the bar's
 * exchange-local date (a Sydney session opening 23:00 UTC is the next day).
 */
export function toExchangeDate(instant: Date, timeZone: string): IsoDate {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, fmt);
  }
  // en-CA writes a date as YYYY-MM-DD: format() is several times quicker than formatToParts()
  const text = fmt.format(instant);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const parts = Object.fromEntries(fmt.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The date of `instant` shifted by a fixed UTC offset in seconds: the fallback when Yahoo names no zone. */
export function toOffsetDate(instant: Date, gmtOffsetSeconds: number): IsoDate {
  return new Date(instant.getTime() + gmtOffsetSeconds * 1000).toISOString().slice(0, 10);
}

/** The parts of a chart() result we read. */
export interface ChartLike {
  meta: { currency?: string | null; exchangeTimezoneName?: string | null; gmtoffset?: number | null };
  quotes: readonly { date: Date; close: number | null; adjclose?: number | null }[];
  events?: { splits?: readonly { date: Date; numerator: number; denominator: number }[] } | null;
}

const usable = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/**
 * A chart() result → a PriceSeries within [start, end] (exchange-local dates).
 * Bars without a usable close are left out and reported. Yahoo can send the
 * current session twice (a live bar beside the day's bar): for one date the
 * later bar wins, as it is the newer figure.
 */
export function toPriceSeries(
  symbol: string,
  chart: ChartLike,
  start: IsoDate,
  end: IsoDate,
): { series: PriceSeries; issues: SymbolIssue[] } {
  const zone = chart.meta.exchangeTimezoneName;
  const offset = chart.meta.gmtoffset ?? 0;
  const dateOf = (d: Date) => (zone ? toExchangeDate(d, zone) : toOffsetDate(d, offset));
  const byDate = new Map<IsoDate, { close: number; adj: number }>();
  const skipped: IsoDate[] = [];
  const hasAdj = chart.quotes.some((q) => q.adjclose !== undefined);
  for (const q of chart.quotes) {
    const date = dateOf(q.date);
    if (date < start || date > end) continue;
    const adj = hasAdj ? q.adjclose : q.close;
    if (!usable(q.close) || !usable(adj)) {
      skipped.push(date);
      continue;
    }
    byDate.set(date, { close: q.close, adj });
  }
  const dates = [...byDate.keys()].sort();
  const issues: SymbolIssue[] = [];
  if (skipped.length > 0) {
    issues.push({
      symbol,
      code: 'bars-skipped',
      message: `${skipped.length} bar(s) without a usable close left out (${skipped.slice(0, 3).join(', ')}${skipped.length > 3 ? ', …' : ''})`,
    });
  }
  const series = seriesOf(
    symbol,
    chart.meta.currency ?? null,
    dates,
    dates.map((d) => byDate.get(d)!.close),
    dates.map((d) => byDate.get(d)!.adj),
  );
  // the splits Yahoo records (`events.splits`, numerator for denominator), on their exchange-local dates
  const splits = (chart.events?.splits ?? [])
    .filter((s) => usable(s.numerator) && usable(s.denominator))
    .map((s) => ({ day: toDayNumber(dateOf(s.date)), ratio: s.numerator / s.denominator }))
    .sort((a, b) => a.day - b.day);
  return { series: splits.length > 0 ? { ...series, splits } : series, issues };
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
function quoteDate(raw: QuoteLike): IsoDate | null {
  const time = raw.regularMarketTime;
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) return null;
  const zone = text(raw.exchangeTimezoneName);
  return zone ? toExchangeDate(time, zone) : toOffsetDate(time, (finite(raw.gmtOffSetMilliseconds) ?? 0) / 1000);
}

/**
 * A v7 quote → a Quote, dated by its last trade (`regularMarketTime`, on the
 * exchange's calendar). `forwardPE` is the quote's own `forwardPE` field
 * (price ÷ Yahoo's forward EPS estimate), not quoteSummary's, which can
 * differ for the same stock and day.
 */
export function toQuote(raw: QuoteLike): Quote {
  return {
    symbol: raw.symbol,
    date: quoteDate(raw),
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
  };
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

export type YahooFailure =
  /** This symbol only: unknown, delisted, or an answer that failed validation. */
  | { readonly scope: 'symbol'; readonly code: 'no-data' | 'bad-data'; readonly message: string }
  /** Every request would fail the same way: stop and say so. */
  | { readonly scope: 'all'; readonly message: string };

/**
 * Why a request never got an answer, from the innermost error in its `cause`
 * chain: a proxy's refusal (`proxy answered HTTP 502`), else the last errno-like
 * code (`ENOTFOUND`, `ECONNRESET`), else null.
 */
export function networkCause(err: unknown): string | null {
  let code: string | null = null;
  let e = err as { cause?: unknown; code?: unknown; message?: unknown } | null;
  for (let depth = 0; e && depth < 8; depth++) {
    const proxy = /Proxy response \((\d+)\)/.exec(String(e.message ?? ''));
    if (proxy) return `proxy answered HTTP ${proxy[1]}`;
    if (typeof e.code === 'string' && e.code !== '') code = e.code;
    e = (e.cause ?? null) as typeof e;
  }
  return code;
}

/** How to get on without Yahoo: the second half of every "Yahoo as a whole" message. */
export const WITHOUT_YAHOO = 'use --offline for cached data or --data DIR for an offline data directory';

/** Sort a yahoo-finance2 failure into "this symbol" or "Yahoo as a whole", with a one-line reason. */
export function classifyYahooError(err: unknown, timeoutMs?: number): YahooFailure {
  const e = err as { name?: string; message?: string; code?: unknown; cause?: { code?: string; message?: string } };
  const message = String(e?.message ?? err).split('\n')[0] ?? '';
  if (e?.name === 'TimeoutError' || e?.cause?.code === 'UND_ERR_CONNECT_TIMEOUT') {
    const limit = timeoutMs === undefined ? '' : ` within ${timeoutMs / 1000} s`;
    return { scope: 'all', message: `Yahoo Finance did not answer in time${limit}: try again later, or ${WITHOUT_YAHOO}` };
  }
  if (e?.name === 'FailedYahooValidationError') {
    return { scope: 'symbol', code: 'bad-data', message: "Yahoo's answer failed validation (its format may have changed)" };
  }
  if (/invalid crumb|invalid cookie/i.test(message) || (e?.name === 'HTTPError' && (e.code === 401 || e.code === 403))) {
    const why = e?.name === 'HTTPError' ? `HTTP ${String(e.code)}` : message;
    return { scope: 'all', message: `Yahoo Finance refused basket's session cookie and crumb (${why}): try again later, or ${WITHOUT_YAHOO}` };
  }
  if (e?.name === 'HTTPError') {
    const status = typeof e.code === 'number' ? e.code : null;
    if (status === 404) return { scope: 'symbol', code: 'no-data', message: 'not found on Yahoo Finance (HTTP 404)' };
    if (status === 429) {
      return { scope: 'all', message: `Yahoo Finance is refusing requests (HTTP 429 Too Many Requests): wait a while, or ${WITHOUT_YAHOO}` };
    }
    return { scope: 'all', message: `Yahoo Finance answered HTTP ${status ?? '?'}: try again later, or ${WITHOUT_YAHOO}` };
  }
  if (/where we expect JSON, but the response was not parsable/.test(message)) {
    return { scope: 'symbol', code: 'bad-data', message: "Yahoo's answer was not valid JSON (cut short, or an error page)" };
  }
  if (/no data found|symbol may be delisted|not found/i.test(message)) {
    return { scope: 'symbol', code: 'no-data', message: `no data on Yahoo Finance (${message})` };
  }
  if (e instanceof TypeError || e?.cause?.code) {
    return { scope: 'all', message: `cannot reach Yahoo Finance (${networkCause(err) ?? message}): ${WITHOUT_YAHOO}` };
  }
  const short = message.length > 120 ? `${message.slice(0, 117)}…` : message;
  return { scope: 'symbol', code: 'bad-data', message: `unusable answer from Yahoo Finance: ${short}` };
}
