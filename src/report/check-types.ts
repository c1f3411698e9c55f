/**
 * The result of `basket check`: each claim of a claims file with basket's
 * figure, the verdict and what it rests on. This is also the documented JSON
 * output (README, "Checking a story's claims"; schema/check.schema.json).
 */
import type { Figure, FigureUnit } from '../domain/claims.js';
import type { Lookback, NegativePEPolicy, PEAt, PEMethod, Period, PointInTimeRule, Rebalance, Weighting } from '../domain/options.js';
import type { IsoDate } from '../domain/types.js';
import type { BenchmarkReport, Coverage, PriceBasis } from './types.js';
import type { MarketValueInputs, PEInputs, ReturnInputs, RiskInputs } from './inputs.js';

export const VERDICTS = ['holds', 'does-not-hold', 'cannot-check'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Every setting a claim's figure was computed under: the claim's own, else the file's defaults, else the command line's, else basket's. */
export interface ClaimSettingsUsed {
  readonly asOf: IsoDate;
  readonly from: IsoDate;
  readonly currency: string | null;
  readonly weights: Weighting;
  readonly rebalance: Rebalance;
  readonly peMethod: PEMethod;
  readonly negativePE: NegativePEPolicy;
  readonly lookback: Lookback | null;
  readonly priceBasis: PriceBasis;
  readonly pointInTime: PointInTimeRule;
  readonly maxQuoteAgeDays: number;
  readonly minCoverage: number;
  readonly peAt: PEAt;
}

/** What a claim's figure is made of (`--explain`): the report's own inputs for the figure. */
export type ClaimInputs =
  | { readonly kind: 'return'; readonly return: ReturnInputs }
  | { readonly kind: 'pe'; readonly pe: PEInputs }
  | { readonly kind: 'discount'; readonly basket: PEInputs; readonly against: PEInputs }
  | { readonly kind: 'return-spread'; readonly basket: ReturnInputs; readonly against: ReturnInputs }
  | { readonly kind: 'excess-return'; readonly basket: ReturnInputs; readonly benchmark: BenchmarkReport | null }
  | { readonly kind: 'market-value'; readonly marketValue: MarketValueInputs }
  | { readonly kind: 'risk'; readonly risk: RiskInputs | null; readonly return: ReturnInputs };

export interface ClaimResult {
  readonly id: string;
  readonly says: string;
  readonly figure: Figure;
  /** The basket (its id) or the symbol the figure is of. */
  readonly subject: { readonly kind: 'basket' | 'symbol'; readonly id: string; readonly name: string };
  /** The other basket of a discount or return spread. */
  readonly against: string | null;
  readonly period: Period | null;
  readonly settings: ClaimSettingsUsed;
  /** basket's figure: a fraction, a multiple, an amount in `currency`, or a date; `null` when it cannot be had. A claim that cannot be checked may still show the figure over the members that have data: it judges nothing. */
  readonly value: number | IsoDate | null;
  readonly unit: FigureUnit;
  /** The currency of a money figure (`market-value-change`); null otherwise or when unknown. */
  readonly currency: string | null;
  /** The expectation as the claims file writes it. */
  readonly expect: string;
  readonly verdict: Verdict;
  /** Why it cannot be checked; for a verdict, what it leans on that the reader should know (figures taken from after the as-of date); else null. */
  readonly reason: string | null;
  /** How the figure was computed: method, window, dates of the inputs. */
  readonly method: string;
  readonly coverage: Coverage;
  /** The claim's source and the words it quotes, as the file gives them. */
  readonly source: string | null;
  readonly quote: string | null;
  readonly inputs: ClaimInputs | null;
}

export interface CheckReport {
  readonly story: string;
  readonly source: string | null;
  /** The claims file, as given on the command line. */
  readonly file: string;
  /** `yahoo` (`yahoo cache (offline)` with --offline) or `files:<dir>`. */
  readonly dataSource: string;
  readonly claims: readonly ClaimResult[];
  readonly summary: { readonly holds: number; readonly doesNotHold: number; readonly cannotCheck: number };
}
