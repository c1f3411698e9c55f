/**
 * A basket's benchmark for the report: the first of its candidates (the
 * benchmark, then its fallbacks) with data over the window, its figures, and
 * a note naming the one used and why the others were not. Pure.
 */
import type { Period } from '../domain/options.js';
import { buyAndHoldPath } from '../analytics/basket.js';
import { periodFrom } from '../analytics/periods.js';
import type { SymbolIssue } from '../domain/types.js';
import { checkWindow, type CheckOptions } from './checks.js';
import { NO_HIGHS, seriesHighs } from './highs.js';
import { fromDayNumber, toDayNumber } from '../domain/calendar.js';
import { isFailure, prepareSeries, priceOver, spanOf, type Failure, type PreparedSeries, type Priced, type PricingInput, type Span } from './pricing.js';
import { riskOf } from './risk.js';
import { toLevelSeries } from './levels.js';
import type { BenchmarkReport } from './types.js';
import { isPriced } from './window.js';

export interface BenchmarkContext {
  readonly pricing: PricingInput;
  readonly span: Span;
  readonly periods: readonly Period[];
  readonly checks: CheckOptions;
  readonly levels: boolean;
  /** Give the FX rates and dates behind its FX move (--explain). */
  readonly explain?: boolean;
  /** The look-back's first day (a day number), or null without --lookback. */
  readonly lookbackFromDay: number | null;
  readonly name: (symbol: string) => string | null;
}

type Candidate = { symbol: string; prepared: PreparedSeries; main: Priced } | { symbol: string; failure: Failure | null };

/** Prices a candidate over the window, or says why it cannot be (`null` failure: no history; the provider said why). */
function tryCandidate(symbol: string, ctx: BenchmarkContext, note: (issue: SymbolIssue) => void): Candidate {
  const prepared = prepareSeries(symbol, ctx.pricing);
  if (prepared === null) return { symbol, failure: null };
  if (isFailure(prepared)) return { symbol, failure: prepared };
  const checked = checkWindow(prepared, ctx.span, ctx.checks, note);
  if (checked) return { symbol, failure: checked };
  const main = priceOver(prepared, ctx.span, '');
  return isFailure(main) ? { symbol, failure: main } : { symbol, prepared, main };
}

const unusedReason = (c: Candidate) => ('failure' in c ? (c.failure ? c.failure.message.replace(/: left out$/, '') : 'no data') : '');

function emptyReport(symbol: string, ctx: BenchmarkContext, currency: string | null): BenchmarkReport {
  return {
    symbol,
    name: ctx.name(symbol),
    currency,
    startDate: null,
    startPrice: null,
    endDate: null,
    endPrice: null,
    localReturn: null,
    fxReturn: null,
    return: null,
    excessReturn: null,
    periods: ctx.periods.map((period) => ({ period, startDate: null, return: null })),
    risk: null,
    ...(ctx.levels ? { levels: null } : {}),
  };
}

/**
 * The first candidate with data over the window, priced; `null` without
 * candidates. When none has data, the first one's figures are unknown and
 * its reason noted; when a fallback is used, a note names it and why the
 * ones before it were not.
 */
/** The rates (and the dates of the closes they are) that converted the benchmark's start and end closes. */
function fxUsed(prepared: PreparedSeries, main: Priced): BenchmarkReport['fx'] {
  const fx = prepared.fx;
  if (fx === null || fx.name === null) return null;
  const start = fx.dayOn(toDayNumber(main.startDate));
  const end = fx.dayOn(toDayNumber(main.endDate));
  return start === null || end === null ? null : { pair: fx.name, start: { date: fromDayNumber(start), rate: main.fxStart }, end: { date: fromDayNumber(end), rate: main.fxEnd } };
}

export function toBenchmark(candidates: readonly string[], basket: string, basketReturn: number | null, ctx: BenchmarkContext, note: (issue: SymbolIssue) => void): BenchmarkReport | null {
  if (candidates.length === 0) return null;
  const tried: Candidate[] = [];
  let used: Extract<Candidate, { prepared: PreparedSeries }> | null = null;
  for (const symbol of candidates) {
    const c = tryCandidate(symbol, ctx, note);
    tried.push(c);
    if ('prepared' in c) {
      used = c;
      break;
    }
  }
  if (used === null) {
    const first = tried[0] as Extract<Candidate, { failure: Failure | null }>;
    if (first.failure) note({ symbol: first.symbol, code: first.failure.code, message: `benchmark ${first.failure.message.replace(/: left out$/, '')}` });
    if (tried.length > 1) {
      note({ symbol: null, basket, code: 'benchmark-fallback', message: `no benchmark has data over the window: ${tried.map((c) => `${c.symbol} (${unusedReason(c)})`).join(', ')}` });
    }
    const prepared = prepareSeries(first.symbol, ctx.pricing);
    return emptyReport(first.symbol, ctx, prepared && !isFailure(prepared) ? prepared.currency : null);
  }
  if (tried.length > 1) {
    const skipped = tried.slice(0, -1).map((c) => `${c.symbol} (${unusedReason(c)})`).join(', ');
    note({ symbol: used.symbol, basket, code: 'benchmark-fallback', message: `benchmark ${used.symbol} used: ${skipped} had no data over the window` });
  }
  const { symbol, prepared, main } = used;
  const path = buyAndHoldPath([prepared.converted], [1], ctx.span.fromDay, ctx.span.asOfDay);
  const highs = seriesHighs(prepared, ctx.span, ctx.lookbackFromDay);
  const risk = riskOf(path, ctx.span);
  return {
    ...emptyReport(symbol, ctx, prepared.currency),
    startDate: main.startDate,
    startPrice: main.startPrice,
    endDate: main.endDate,
    endPrice: main.endPrice,
    localReturn: main.localReturn,
    fxReturn: main.fxReturn,
    return: main.return,
    excessReturn: basketReturn === null ? null : basketReturn - main.return,
    periods: ctx.periods.map((period) => {
      const span = spanOf(periodFrom(period, ctx.span.asOf), ctx.span.asOf);
      const p = checkWindow(prepared, span, ctx.checks, note) ?? priceOver(prepared, span, '');
      return isPriced(p) ? { period, startDate: p.startDate, return: p.return } : { period, startDate: null, return: null };
    }),
    // the window high in the benchmark's own terms (its close in the report currency), not rebased;
    // without a look-back, highest-since is the window path's, as ever
    risk:
      risk === null
        ? null
        : highs === NO_HIGHS
          ? risk
          : { ...risk, ...highs, highestSince: ctx.lookbackFromDay === null ? risk.highestSince : highs.highestSince },
    ...(ctx.levels ? { levels: toLevelSeries(path) } : {}),
    ...(ctx.explain ? { fx: fxUsed(prepared, main) } : {}),
  };
}
