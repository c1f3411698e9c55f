/**
 * The audit trail (`--explain`): the inputs behind a basket's figures, taken
 * from the very values the report computed them with (report/explain.ts), so
 * that a reader can redo every figure by hand. Numbers are raw, as in the
 * report; `null` is unknown. Only in a report built with `explain: true`.
 */
import type { NegativePEPolicy, PEMethod, Period, Rebalance, Weighting } from '../domain/options.js';
import type { IsoDate } from '../domain/types.js';
import type { PEStatus } from '../analytics/valuation.js';
import type { Coverage } from './types.js';

/** A rate into the report currency (units of it per unit of the member's currency) and the date of the close it is. */
export interface RateInput {
  readonly date: IsoDate;
  readonly rate: number;
}

/** One member of a basket's return. */
export interface MemberReturnInput {
  readonly symbol: string;
  /** In the return; else `reason` says why not. */
  readonly included: boolean;
  readonly reason: string | null;
  readonly currency: string | null;
  /** The last close before `from` and the last on or before the as-of date, own currency, on the report's price basis. */
  readonly startDate: IsoDate | null;
  readonly startClose: number | null;
  readonly endDate: IsoDate | null;
  readonly endClose: number | null;
  /** `endClose / startClose − 1`. */
  readonly localReturn: number | null;
  /** The FX series and its rates on those dates; `null` without conversion (no report currency, or the same currency). */
  readonly fx: { readonly pair: string; readonly start: RateInput; readonly end: RateInput } | null;
  /** `(1 + localReturn) × (fx.end.rate / fx.start.rate) − 1`. */
  readonly return: number | null;
  readonly weight: number | null;
  /** Buy and hold: `weight × return`; rebalanced: its part of the path's return. */
  readonly contribution: number | null;
}

/** A rebalanced basket on a reset day: its level (100 at the base) and each member's price then, in the report currency (null: not in it). */
export interface ResetInput {
  readonly date: IsoDate;
  readonly level: number;
  readonly prices: readonly (number | null)[];
}

/** A basket's return: `Σ contributions` over the members in it. */
export interface ReturnInputs {
  readonly from: IsoDate;
  readonly asOf: IsoDate;
  readonly weights: Weighting;
  readonly rebalance: Rebalance;
  readonly currency: string | null;
  readonly members: readonly MemberReturnInput[];
  /** Cap weights: each member's market value at the start (report currency), `weight = value / Σ values` over the members in it; else null. */
  readonly startValues: readonly (number | null)[] | null;
  /** Rebalanced: the base, each reset day (the last basket day of each period) and the last day, `L(next) = L(reset) × Σ wᵢ Pᵢ(next) / Pᵢ(reset)`; null for buy-and-hold. */
  readonly resets: readonly ResetInput[] | null;
  readonly value: number | null;
}

/** One member's P/E as the basket's P/E sees it. */
export interface MemberPEInput {
  readonly symbol: string;
  /** The P/E used (repriced to the as-of date under `--pe-at as-of`); `null` when unknown or left out. */
  readonly pe: number | null;
  /** The P/E as the data gives it, when repriced or when it differs from `pe` (left out as suspect); else null. */
  readonly quoted: number | null;
  /** The figure's date (of one left out for being dated after the as-of date, too). */
  readonly date: IsoDate | null;
  readonly provider: string | null;
  /** Its weight in the basket's return, which is its weight in the P/E when it is used (shown for a member left out too). */
  readonly weight: number | null;
  /** `--pe-at as-of`: repriced from `quoted`, `pe = quoted × atAsOf / atQuote`: the price on the P/E's date and the close on the as-of date (earnings estimate held constant); else null. */
  readonly repriced: { readonly atQuote: number; readonly atAsOf: number } | null;
  /** In the basket's P/E; else `reason` says why not. */
  readonly used: boolean;
  readonly reason: string | null;
}

export interface PEInputs {
  readonly basis: 'forward' | 'trailing';
  readonly method: PEMethod;
  readonly negativePE: NegativePEPolicy;
  readonly members: readonly MemberPEInput[];
  /** `aggregate` only: the end market values it weighs by (report currency). */
  readonly marketValues: readonly (number | null)[] | null;
  readonly value: number | null;
  readonly status: PEStatus;
  readonly coverage: Coverage;
}

/** One member's market value over the window, shares held constant. */
export interface MemberMarketValueInput {
  readonly symbol: string;
  /** What it comes from: a market cap (`figure` is the cap, in its own currency) or a share count. */
  readonly from: 'marketCap' | 'sharesOutstanding' | null;
  readonly figure: number | null;
  readonly date: IsoDate | null;
  readonly provider: string | null;
  /** The price the cap was computed at (the quote's own, or the close on or before its date); `null` for a share count. */
  readonly priceAtCap: number | null;
  /** Unadjusted closes (recorded splits since adjusted for) and rates into the report currency (1 without). */
  readonly startDate: IsoDate | null;
  readonly startClose: number | null;
  readonly endDate: IsoDate | null;
  readonly endClose: number | null;
  readonly fxStart: number | null;
  readonly fxEnd: number | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly change: number | null;
  /** Why it has no market value, when it has none. */
  readonly reason: string | null;
}

/** A basket's market value change: `Σ change` over the members whose value is known. */
export interface MarketValueInputs {
  readonly currency: string | null;
  readonly members: readonly MemberMarketValueInput[];
  readonly value: number | null;
  readonly coverage: Coverage;
}

/** The level-path figures: what the risk figures were read from. */
export interface RiskInputs {
  /** Daily returns in the volatility (`n`); σ = volatility / √252. */
  readonly dailyReturns: number;
  /** Levels (rebased to 100 at the base) on the drawdown's peak and trough. */
  readonly peak: { readonly date: IsoDate; readonly level: number } | null;
  readonly trough: { readonly date: IsoDate; readonly level: number } | null;
  /** The last level, and the level on the "highest since" date (the last day above it). */
  readonly last: { readonly date: IsoDate; readonly level: number } | null;
  readonly highestSince: { readonly date: IsoDate; readonly level: number } | null;
}

export interface BasketInputs {
  readonly return: ReturnInputs;
  /** Each period's return (--periods), over its own window. */
  readonly periods: readonly { readonly period: Period; readonly return: ReturnInputs }[];
  /** --weights all: the return under each other weighting and rebalancing (as `alternatives`); else null. */
  readonly alternatives: readonly ReturnInputs[] | null;
  readonly forwardPE: PEInputs;
  readonly trailingPE: PEInputs;
  /** --pe-method all: the forward and trailing P/E under each method (harmonic, median, mean, aggregate); else null. */
  readonly byMethod: { readonly forward: readonly PEInputs[]; readonly trailing: readonly PEInputs[] } | null;
  readonly marketValueChange: MarketValueInputs;
  readonly risk: RiskInputs | null;
}
