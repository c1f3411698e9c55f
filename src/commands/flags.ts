/**
 * The flags commands share, as commander hands them over, and what they turn
 * into: checked numbers, periods, a currency code, the request of compare
 * and chart. A value that does not parse is a UsageError naming its flag.
 */
import { type Rebalance, isPeriod, PERIODS, type Period, type NegativePEPolicy, type PEMethod, type PointInTimeRule, type Weighting, type SuspectSplitPolicy, type Lookback, type PEAt } from '../domain/options.js';
import { UsageError } from '../errors.js';
import type { CompareRequest } from '../run.js';

export interface CommonFlags {
  config?: string;
  color?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  /** Data commands: the cache and the network. */
  offline?: boolean;
  refresh?: boolean;
  maxAge?: string;
  timeout?: string;
}

/** The source and period of the data commands. */
export interface DataFlags {
  data: string;
  from?: string;
  asOf?: string;
}

/** The data, period, currency and method flags that compare and chart share. */
export interface AnalysisFlags extends DataFlags {
  priceReturn?: boolean;
  currency?: string;
  periods?: string;
  weights: Weighting | 'all';
  rebalance: Rebalance;
  peMethod: PEMethod | 'all';
  negativePe: NegativePEPolicy;
  maxGapDays: string;
  maxMove: string;
  suspectSplits: SuspectSplitPolicy;
  pointInTime: PointInTimeRule;
  maxQuoteAge: string;
  peAt: PEAt;
  lookback?: Lookback;
}

export function positiveNumber(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, got "${text}"`);
  return n;
}

export function wholeDays(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number of days, got "${text}"`);
  return n;
}

/** `1w,3m,ytd` → periods, in the order given, without repeats. */
export function parsePeriods(text: string): Period[] {
  const periods = text
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  for (const p of periods) {
    if (!isPeriod(p)) throw new UsageError(`--periods: unknown period "${p}" (choose from ${PERIODS.join(', ')})`);
  }
  if (periods.length === 0) throw new UsageError(`--periods needs at least one of ${PERIODS.join(', ')}`);
  return [...new Set(periods)] as Period[];
}

/** `usd` → `USD`; anything but three letters is a usage error. */
export function parseCurrency(text: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new UsageError(`--currency must be a three-letter ISO 4217 code such as USD, got "${text}"`);
  return code;
}

/** `--currency` when given, checked; else null (each member in its own currency). */
export const currencyOf = (flags: { currency?: string }): string | null => (flags.currency === undefined ? null : parseCurrency(flags.currency));

/** The request of compare and chart; `levels` asks the report for daily level series (chart, HTML, sparklines). */
export function toCompareRequest(baskets: readonly string[], flags: AnalysisFlags, levels: boolean): CompareRequest {
  return {
    baskets,
    data: flags.data,
    from: flags.from,
    asOf: flags.asOf,
    priceBasis: flags.priceReturn ? 'close' : 'adjusted',
    currency: currencyOf(flags),
    periods: flags.periods === undefined ? [] : parsePeriods(flags.periods),
    weights: flags.weights,
    rebalance: flags.rebalance,
    peMethod: flags.peMethod,
    negativePE: flags.negativePe,
    maxGapDays: positiveNumber(flags.maxGapDays, '--max-gap-days'),
    maxDailyMove: positiveNumber(flags.maxMove, '--max-move'),
    suspectSplits: flags.suspectSplits,
    pointInTime: flags.pointInTime,
    maxQuoteAgeDays: wholeDays(flags.maxQuoteAge, '--max-quote-age'),
    peAt: flags.peAt,
    lookback: flags.lookback ?? null,
    levels,
  };
}
