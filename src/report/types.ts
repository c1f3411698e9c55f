/**
 * The report: one view model that every renderer consumes. Numbers are raw
 * fractions, ratios and amounts; `null` is unknown. This is also the
 * documented JSON output (README, "JSON output").
 */
import type { Lookback, PEAt, Rebalance, Period, NegativePEPolicy, PEMethod, Weighting, PointInTimeRule, SuspectSplitPolicy } from '../domain/options.js';
import type { PEStatus } from '../analytics/valuation.js';
import type { IsoDate, SymbolIssue } from '../domain/types.js';
import type { BasketInputs, RateInput } from './inputs.js';

export type PriceBasis = 'adjusted' | 'close';

export interface Coverage {
  readonly included: number;
  readonly total: number;
}

export interface PeriodReturn {
  readonly period: Period;
  /** The close the period starts from (the base of a basket's level). */
  readonly startDate: IsoDate | null;
  readonly return: number | null;
}

/**
 * A daily level over the window, rebased to 100 at its base (the last close
 * before `from`): `100 × Lₜ / L₀`, so the last value is `100 × (1 + return)`.
 * Only in a report built with `levels: true` (chart, HTML, sparklines).
 */
export interface LevelSeries {
  /** The base date, then each trading day in the window, ascending. */
  readonly dates: readonly IsoDate[];
  readonly values: readonly number[];
}

/** A symbol priced over the window: what members and benchmarks share. */
export interface PricedFigures {
  readonly symbol: string;
  readonly name: string | null;
  /** Its own currency, in its major unit (GBp → GBP). */
  readonly currency: string | null;
  readonly startDate: IsoDate | null;
  /** Closes in its own currency (major unit), on the report's price basis. */
  readonly startPrice: number | null;
  readonly endDate: IsoDate | null;
  readonly endPrice: number | null;
  /** `endPrice / startPrice − 1`, in its own currency. */
  readonly localReturn: number | null;
  /** The currency's move against the report currency, `fxEnd / fxStart − 1`; `null` without --currency. */
  readonly fxReturn: number | null;
  /** The return in the report currency: `(1 + localReturn) × (1 + fxReturn) − 1`. */
  readonly return: number | null;
  readonly periods: readonly PeriodReturn[];
  /** Its own daily level in the report currency; absent unless asked for, `null` without data. */
  readonly levels?: LevelSeries | null;
}

/**
 * Where a series stands against its past, in the report currency (a basket:
 * its level, rebased to 100 at the window's base).
 */
export interface Highs {
  /**
   * The most recent earlier day whose value was above the last one, looking
   * back over the window or, with --lookback, over the look-back too; `null`:
   * the last value is the highest of all that was looked at.
   */
  readonly highestSince: IsoDate | null;
  /** The highest value within [from, asOf], its date, and `last / high − 1`. */
  readonly windowHigh: number | null;
  readonly windowHighDate: IsoDate | null;
  readonly fromWindowHigh: number | null;
}

export interface MemberReport extends PricedFigures, Highs {
  /** The member's target weight in the basket (`null` when left out). */
  readonly weight: number | null;
  /** Its part of the basket's return (buy-and-hold: weight × return). */
  readonly contribution: number | null;
  /** Market value at the start and end (shares held constant) and their difference, in the report currency or its own. */
  readonly marketValueStart: number | null;
  readonly marketValueEnd: number | null;
  readonly marketValueChange: number | null;
  readonly forwardPE: number | null;
  readonly trailingPE: number | null;
  /** The dates the figures refer to (`null`: unknown, or an undated quote taken as of the as-of date). */
  readonly forwardPEDate: IsoDate | null;
  readonly trailingPEDate: IsoDate | null;
  /** The date of the cap (or share count) the market value comes from. */
  readonly marketCapDate: IsoDate | null;
  /** What the market value comes from: a market cap, a share count, or nothing known. */
  readonly marketValueFrom: 'marketCap' | 'sharesOutstanding' | null;
  /** Who gave the forward P/E and the market-value figure, when the data says. */
  readonly forwardPEProvider: string | null;
  readonly marketCapProvider: string | null;
  /** Whether this member's return is in the basket's return. */
  readonly included: boolean;
}

export interface Risk extends Highs {
  /** Annualised volatility of daily returns (√252), a fraction. */
  readonly volatility: number | null;
  /** Deepest fall from a running peak, ≤ 0. */
  readonly maxDrawdown: number | null;
  readonly drawdownPeak: IsoDate | null;
  readonly drawdownTrough: IsoDate | null;
}

export interface BenchmarkReport extends PricedFigures {
  /** The basket's return minus the benchmark's. */
  readonly excessReturn: number | null;
  readonly risk: Risk | null;
  /** The FX series and its rates on the start and end dates behind `fxReturn` (--explain); null without conversion; absent unless asked for. */
  readonly fx?: { readonly pair: string; readonly start: RateInput; readonly end: RateInput } | null;
}

export interface Valuation {
  readonly basis: 'forward' | 'trailing';
  readonly method: PEMethod;
  readonly value: number | null;
  readonly earningsYield: number | null;
  /** `not-meaningful`: the basket's earnings are ≤ 0 (shown `n/m`). */
  readonly status: PEStatus;
  readonly coverage: Coverage;
}

export type PEByMethod = Readonly<Record<PEMethod, number | null>>;

export interface MethodReturn {
  readonly weights: Weighting;
  readonly rebalance: Rebalance;
  readonly return: number | null;
  readonly coverage: Coverage;
}

export interface MemberExtreme {
  readonly symbol: string;
  readonly return: number;
}

export interface BasketReport {
  readonly id: string;
  readonly name: string;
  /** The benchmark used: the first of `benchmarks` with data over the window; when none has data, the first (its figures null); `null` without benchmarks. */
  readonly benchmark: string | null;
  /** The benchmark and its fallbacks, in order of preference. */
  readonly benchmarks: readonly string[];
  /** `preset` or the config file it came from. */
  readonly source: string;
  /** The basket's return under the report's method, in the report currency. */
  readonly return: number | null;
  readonly membersWithData: Coverage;
  readonly best: MemberExtreme | null;
  readonly worst: MemberExtreme | null;
  /** The currency of the basket's money figures; `null` when its members' currencies differ and no --currency was given. */
  readonly currency: string | null;
  /** Σ of the members' market value changes (`null` when none is known or currencies differ). */
  readonly marketValueChange: number | null;
  readonly marketValueCoverage: Coverage;
  /** Forward P/E under `peMethod`. */
  readonly forwardPE: number | null;
  /** The earliest and latest dates of the members' forward P/Es in it (`null` when none is dated). */
  readonly forwardPEDates: { readonly earliest: IsoDate; readonly latest: IsoDate } | null;
  readonly forwardPEStatus: PEStatus;
  readonly peMethod: PEMethod;
  readonly peCoverage: Coverage;
  /** Forward earnings yield under `peMethod` (E/P; may be ≤ 0 when losses are included). */
  readonly earningsYield: number | null;
  readonly trailingPE: number | null;
  readonly trailingPEStatus: PEStatus;
  readonly trailingPECoverage: Coverage;
  readonly forwardPEs: PEByMethod;
  readonly trailingPEs: PEByMethod;
  /** Every basis × method, with status and coverage. */
  readonly valuation: readonly Valuation[];
  readonly periods: readonly PeriodReturn[];
  readonly risk: Risk | null;
  readonly benchmarkResult: BenchmarkReport | null;
  /** With --weights all: the same basket under each weighting and rebalancing; otherwise `null`. */
  readonly alternatives: readonly MethodReturn[] | null;
  readonly members: readonly MemberReport[];
  /** The basket's daily level under the report's method (the path its return and risk come from); absent unless asked for. */
  readonly levels?: LevelSeries | null;
  /** The inputs and arithmetic behind its figures (--explain); absent unless asked for. */
  readonly inputs?: BasketInputs;
}

export interface Comparison {
  readonly basket: string;
  readonly against: string;
  /** 1 − forwardPE(basket) / forwardPE(against), under the report's P/E method. */
  readonly discount: number | null;
  readonly discounts: PEByMethod;
  /** return(basket) − return(against). */
  readonly returnSpread: number | null;
}

/** The methods asked for. `all`: headline figures are equal-weighted / harmonic, with every method alongside. */
export interface ReportMethod {
  readonly weights: Weighting | 'all';
  readonly rebalance: Rebalance;
  readonly peMethod: PEMethod | 'all';
  readonly negativePE: NegativePEPolicy;
  /** `quote-date`: each P/E as of its own date; `as-of`: repriced to the as-of date (earnings estimate held constant). */
  readonly peAt: PEAt;
  /** Quote figures dated after the as-of date: used and flagged (`flag`), or left out (`strict`). */
  readonly pointInTime: PointInTimeRule;
  /** A quote figure older than this many days before the as-of date is flagged stale. */
  readonly maxQuoteAgeDays: number;
  /** A move that looks like an unadjusted split: kept and flagged (`flag`) or left out (`drop`). */
  readonly suspectSplits: SuspectSplitPolicy;
}



export interface Report {
  readonly asOf: IsoDate;
  readonly from: IsoDate;
  /** The currency every return and money figure is in; `null` = each member in its own. */
  readonly currency: string | null;
  /** `adjusted`: total return from adjusted closes; `close`: price return (--price-return). */
  readonly priceBasis: PriceBasis;
  readonly method: ReportMethod;
  readonly periods: readonly Period[];
  /** How far before `from` highest-since looks (--lookback), and from which date; `null`: the window alone. */
  readonly lookback: Lookback | null;
  readonly lookbackStart: IsoDate | null;
  /** `yahoo` (`yahoo cache (offline)` with --offline) or `files:<dir>`. */
  readonly dataSource: string;
  readonly baskets: readonly BasketReport[];
  /** The first basket against the second; null with a single basket. */
  readonly comparison: Comparison | null;
  readonly issues: readonly SymbolIssue[];
}
