/**
 * The audit trail of a basket (`--explain`): its figures' inputs read off the
 * values the report computed them with, never computed a second way. Pure.
 */
import type { BasketPath } from '../analytics/basket.js';
import type { ChosenQuote } from '../analytics/point-in-time.js';
import type { BasketPE } from '../analytics/valuation.js';
import { PE_METHODS, type PEMethod, type Period, type Rebalance, type Weighting } from '../domain/options.js';
import { fromDayNumber, toDayNumber } from '../domain/calendar.js';
import type { DayNumber } from '../domain/types.js';
import type {
  BasketInputs,
  MarketValueInputs,
  MemberMarketValueInput,
  MemberPEInput,
  MemberReturnInput,
  PEInputs,
  ReturnInputs,
  RiskInputs,
} from './inputs.js';
import { resetsOf } from './explain-rebalance.js';
import type { ReportOptions } from './options.js';
import { isFailure, type Failure, type PreparedSeries, type Span } from './pricing.js';
import type { MarketSize, MemberPE } from './quotes.js';
import type { Risk } from './types.js';
import type { BasketValuation } from './valuation.js';
import { isPriced, type WindowResult } from './window.js';

export interface ExplainInput {
  readonly symbols: readonly string[];
  readonly span: Span;
  readonly prepared: readonly (PreparedSeries | Failure | null)[];
  readonly main: WindowResult;
  readonly chosen: readonly (ChosenQuote | undefined)[];
  readonly sizes: readonly (MarketSize | null)[];
  readonly valuation: BasketValuation;
  /** Each member's P/E before the currency-mismatch check (repriced under --pe-at as-of, with its prices; `null` when that failed). */
  readonly memberPEs: { readonly forward: readonly MemberPE[]; readonly trailing: readonly MemberPE[] };
  /** End-of-window market values in one currency (`null` each when the basket has none), as the P/E and the sum took them. */
  readonly marketValues: readonly ({ start: number; end: number; change: number } | null)[];
  readonly marketValueSum: { readonly value: number | null; readonly included: number; readonly total: number };
  /** The currency of the basket's money figures. */
  readonly currency: string | null;
  readonly risk: Risk | null;
  readonly options: ReportOptions;
  /** Each period's window (--periods) and the basket over it. */
  readonly periods: readonly { readonly period: Period; readonly span: Span; readonly window: WindowResult }[];
  /** --weights all: the basket under each other weighting and rebalancing, over the main window; else null. */
  readonly alternatives: readonly { readonly weights: Weighting; readonly rebalance: Rebalance; readonly window: WindowResult }[] | null;
}

const NO_DATA = 'no history from the data source';
/** How a figure left out under --point-in-time strict is said to be (report/check.ts tells such a claim cannot be checked). */
export const LEFT_OUT_AS_LATE = 'after the as-of date: left out (--point-in-time strict)';

/** The date of `field`'s figure left out under --point-in-time strict for being dated after the as-of date, if it was. */
const lateDate = (c: ChosenQuote | undefined, field: string): string | null => c?.flags.find((f) => f.field === field && f.kind === 'left-out')?.date ?? null;

function returnInputs(x: Pick<ExplainInput, 'symbols' | 'prepared'>, main: WindowResult): MemberReturnInput[] {
  return x.symbols.map((symbol, i) => {
    const prep = x.prepared[i] ?? null;
    const p = main.priced[i] ?? null;
    const ready = prep !== null && !isFailure(prep) ? prep : null;
    const weight = main.weights[i] ?? null;
    const failure = isFailure(p) ? p.message : isFailure(prep) ? prep.message : p === null ? NO_DATA : null;
    if (!isPriced(p)) {
      return { symbol, included: false, reason: failure, currency: ready?.currency ?? null, startDate: null, startClose: null, endDate: null, endClose: null, localReturn: null, fx: null, return: null, weight: null, contribution: null };
    }
    const fx = ready?.fx;
    const rateDay = (day: string, rate: number) => ({ date: day, rate });
    const startDay = fx?.dayOn(toDayNumber(p.startDate)) ?? null;
    const endDay = fx?.dayOn(toDayNumber(p.endDate)) ?? null;
    return {
      symbol,
      included: weight !== null,
      reason: weight !== null ? null : 'priced, but given no weight by the weighting (see the notes)',
      currency: ready?.currency ?? null,
      startDate: p.startDate,
      startClose: p.startPrice,
      endDate: p.endDate,
      endClose: p.endPrice,
      localReturn: p.localReturn,
      fx:
        fx && fx.name !== null && startDay !== null && endDay !== null
          ? { pair: fx.name, start: rateDay(fromDayNumber(startDay), p.fxStart), end: rateDay(fromDayNumber(endDay), p.fxEnd) }
          : null,
      return: p.return,
      weight,
      contribution: main.contributions[i] ?? null,
    };
  });
}

function peInputs(x: ExplainInput, basis: 'forward' | 'trailing', method: PEMethod = x.options.peMethod): PEInputs {
  const field = basis === 'forward' ? 'forwardPE' : 'trailingPE';
  const r: BasketPE = x.valuation[basis][method];
  const used = basis === 'forward' ? x.valuation.forwardPEs : x.valuation.trailingPEs;
  const why = (i: number): string | null => {
    const c = x.chosen[i];
    const quoted = c?.quote[field] ?? null;
    if (r.unweighted.includes(i)) return 'not in the basket\'s return, so not in its P/E';
    if (r.missing.includes(i)) {
      const late = lateDate(c, field);
      if (late !== null) return `dated ${late}, ${LEFT_OUT_AS_LATE}`;
      if (quoted === null) return 'unknown in the data';
      if ((x.memberPEs[basis][i]?.value ?? null) === null) return 'no price near its date to reprice it to the as-of date';
      return 'looks currency-mismatched (price and earnings in different currencies): left out';
    }
    if (r.nonPositive.includes(i)) return `${used[i]} (expected losses): left out under --negative-pe exclude`;
    if (r.noMarketValue.includes(i)) return 'market value unknown: left out of the aggregate P/E';
    return null;
  };
  const members: MemberPEInput[] = x.symbols.map((symbol, i) => {
    const c = x.chosen[i];
    const quoted = c?.quote[field] ?? null;
    const pe = used[i] ?? null;
    const reason = why(i);
    return {
      symbol,
      pe,
      quoted: quoted !== pe || (x.memberPEs[basis][i]?.repriced ?? null) !== null ? quoted : null,
      date: c?.figures[field]?.date ?? lateDate(c, field),
      provider: c?.figures[field]?.provider ?? null,
      weight: x.main.weights[i] ?? null,
      repriced: x.memberPEs[basis][i]?.repriced ?? null,
      used: reason === null,
      reason,
    };
  });
  return {
    basis,
    method,
    negativePE: x.options.negativePE,
    members,
    marketValues: method === 'aggregate' ? x.marketValues.map((v) => v?.end ?? null) : null,
    value: r.value,
    status: r.status,
    coverage: { included: r.included, total: r.total },
  };
}

/** Why a member has no market cap or share count: none in the data, or one dated after the as-of date and left out. */
function lateSize(c: ChosenQuote | undefined): string {
  const late = lateDate(c, 'marketCap') ?? lateDate(c, 'sharesOutstanding');
  return late === null ? 'no market cap or share count in the data' : `market cap or share count dated ${late}, ${LEFT_OUT_AS_LATE}`;
}

function marketValueInputs(x: ExplainInput): MarketValueInputs {
  const members: MemberMarketValueInput[] = x.symbols.map((symbol, i) => {
    const p = x.main.priced[i] ?? null;
    const size = x.sizes[i] ?? null;
    const v = x.marketValues[i] ?? null;
    const priced = isPriced(p) ? p : null;
    const reason =
      v !== null
        ? null
        : priced === null
          ? 'not priced over the window'
          : size === null
            ? lateSize(x.chosen[i])
            : x.currency === null
              ? 'members in different currencies and no --currency: not added'
              : 'market value not finite';
    return {
      symbol,
      from: size === null ? null : size.kind === 'cap' ? 'marketCap' : 'sharesOutstanding',
      figure: size === null ? null : size.kind === 'cap' ? size.cap : size.shares,
      date: size?.date ?? null,
      provider: size?.provider ?? null,
      priceAtCap: size?.kind === 'cap' ? size.priceAtCap : null,
      startDate: priced?.startDate ?? null,
      startClose: priced?.rawStart ?? null,
      endDate: priced?.endDate ?? null,
      endClose: priced?.rawEnd ?? null,
      fxStart: priced?.fxStart ?? null,
      fxEnd: priced?.fxEnd ?? null,
      start: v?.start ?? null,
      end: v?.end ?? null,
      change: v?.change ?? null,
      reason,
    };
  });
  const s = x.marketValueSum;
  return { currency: x.currency, members, value: s.value, coverage: { included: s.included, total: s.total } };
}

function riskInputs(path: BasketPath | null, risk: Risk | null): RiskInputs | null {
  if (path === null || risk === null || path.days.length === 0) return null;
  const at = (date: string | null) => {
    if (date === null) return null;
    const k = path.days.findIndex((d) => fromDayNumber(d) === date);
    return k < 0 ? null : { date, level: 100 * (path.levels[k] as number) };
  };
  const lastDay = path.days.at(-1) as DayNumber;
  return {
    dailyReturns: path.levels.length - 1,
    peak: at(risk.drawdownPeak),
    trough: at(risk.drawdownTrough),
    last: at(fromDayNumber(lastDay)),
    highestSince: at(risk.highestSince),
  };
}

/** The start market values cap weights were made of. */
const startValues = (w: WindowResult, weights: Weighting) => (weights === 'cap' ? w.marketValues.map((v, i) => (w.weights[i] === null || w.weights[i] === undefined ? null : (v?.start ?? null))) : null);

/** A basket's return over one window under one method. */
function returnOver(x: ExplainInput, span: Span, w: WindowResult, weights: Weighting, rebalance: Rebalance): ReturnInputs {
  return {
    from: span.from,
    asOf: span.asOf,
    weights,
    rebalance,
    currency: x.options.currency,
    members: returnInputs(x, w),
    startValues: startValues(w, weights),
    resets: resetsOf(w.path, rebalance, w.weights, x.prepared, span),
    value: w.return,
  };
}

/** Every input of a basket's return, P/Es, market value and risk, as the report used them. */
export function explainBasket(x: ExplainInput): BasketInputs {
  const o = x.options;
  return {
    return: returnOver(x, x.span, x.main, o.weights, o.rebalance),
    periods: x.periods.map((p) => ({ period: p.period, return: returnOver(x, p.span, p.window, o.weights, o.rebalance) })),
    alternatives: x.alternatives?.map((a) => returnOver(x, x.span, a.window, a.weights, a.rebalance)) ?? null,
    forwardPE: peInputs(x, 'forward'),
    trailingPE: peInputs(x, 'trailing'),
    byMethod: o.comparePEMethods ? { forward: PE_METHODS.map((m) => peInputs(x, 'forward', m)), trailing: PE_METHODS.map((m) => peInputs(x, 'trailing', m)) } : null,
    marketValueChange: marketValueInputs(x),
    risk: riskInputs(x.main.path, x.risk),
  };
}
