/**
 * What building a report takes: the provider's findings (ReportInput) and
 * the choices of method, checks and windows (ReportOptions), with the
 * defaults a comparison uses when nothing else is asked for.
 */
import type { Rebalance, Period, PointInTimeRule, NegativePEPolicy, PEMethod, Weighting, Lookback, PEAt } from '../domain/options.js';
import { DEFAULT_MAX_QUOTE_AGE_DAYS } from '../analytics/point-in-time.js';
import { MAX_DAILY_MOVE, MAX_GAP_DAYS } from '../analytics/series-checks.js';
import type { BasketDef } from '../config/basket.js';
import type { FxPair, IsoDate, PriceSeries, QuoteHistory, SymbolIssue } from '../domain/types.js';
import type { CheckOptions } from './checks.js';
import type { QuoteCloses } from './quotes.js';
import type { PriceBasis } from './types.js';

export interface ReportOptions extends CheckOptions {
  /** Report currency; `null` = each member in its own. */
  readonly currency: string | null;
  readonly weights: Weighting;
  readonly rebalance: Rebalance;
  /** Also compute the basket under every weighting and rebalancing (--weights all). */
  readonly compareMethods: boolean;
  readonly peMethod: PEMethod;
  /** Show every P/E method side by side (--pe-method all); `peMethod` is then the headline one. */
  readonly comparePEMethods: boolean;
  readonly negativePE: NegativePEPolicy;
  readonly periods: readonly Period[];
  /** Also put the daily levels (rebased to 100) of baskets, benchmarks and members in the report (chart, HTML, sparklines). */
  readonly levels?: boolean;
  /** Quote figures dated after the as-of date: used and flagged, or left out. */
  readonly pointInTime: PointInTimeRule;
  /** A quote figure older than this many days is flagged stale. */
  readonly maxQuoteAgeDays: number;
  /** Each P/E as of its own date, or repriced to the as-of date. */
  readonly peAt: PEAt;
  /** How far before `from` highest-since looks. */
  readonly lookback: Lookback | null;
  /** Also put each basket's inputs (the audit trail, report/explain.ts) in the report (--explain). */
  readonly explain?: boolean;
}

export const DEFAULT_OPTIONS: ReportOptions = {
  currency: null,
  weights: 'equal',
  rebalance: 'none',
  compareMethods: false,
  peMethod: 'harmonic',
  comparePEMethods: false,
  negativePE: 'exclude',
  periods: [],
  maxGapDays: MAX_GAP_DAYS,
  maxDailyMove: MAX_DAILY_MOVE,
  suspectSplits: 'flag',
  levels: false,
  pointInTime: 'flag',
  maxQuoteAgeDays: DEFAULT_MAX_QUOTE_AGE_DAYS,
  peAt: 'quote-date',
  lookback: null,
};

export interface ReportInput {
  readonly baskets: readonly BasketDef[];
  /** Histories of members and benchmarks. */
  readonly history: ReadonlyMap<string, PriceSeries>;
  /** The FX pairs into `options.currency`, by the currency converted from (none without one). */
  readonly fx?: ReadonlyMap<string, FxPair>;
  /** Every symbol's quotes, one per date. */
  readonly quotes: ReadonlyMap<string, QuoteHistory>;
  /** Closes around quote dates outside the history (for the price a cap was computed at). */
  readonly quoteCloses?: QuoteCloses;
  /** What the provider could not supply. */
  readonly providerIssues: readonly SymbolIssue[];
  readonly from: IsoDate;
  readonly asOf: IsoDate;
  readonly priceBasis: PriceBasis;
  readonly dataSource: string;
  readonly options?: ReportOptions;
}
