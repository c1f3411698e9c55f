/**
 * Analytics results → the Report. Pure: the orchestrator hands in what the
 * provider found, this decides every figure and every note about exclusions.
 */
import { buyAndHoldPath, REBALANCES, type BasketPath, type Rebalance } from '../analytics/basket.js';
import { daysBetween, fromDayNumber, toDayNumber } from '../analytics/calendar.js';
import { sumKnown } from '../analytics/market-value.js';
import { earliestFrom, periodFrom, type Period } from '../analytics/periods.js';
import { annualisedVolatility, higherBefore, maxDrawdown } from '../analytics/risk.js';
import { lastIndexBefore, lastIndexOnOrBefore } from '../analytics/returns.js';
import { findGaps, findJumps, MAX_DAILY_MOVE, MAX_GAP_DAYS } from '../analytics/series-checks.js';
import { PE_METHODS, valuationDiscount, type NegativePEPolicy, type PEMethod } from '../analytics/valuation.js';
import type { Weighting } from '../analytics/weights.js';
import type { BasketDef } from '../config/basket.js';
import type { IsoDate, PriceSeries, Quote, SymbolIssue } from '../domain/types.js';
import { isFailure, prepareSeries, priceOver, spanOf, type Failure, type PreparedSeries, type PricingInput } from './pricing.js';
import type { BasketReport, BenchmarkReport, MemberReport, MethodReturn, PEByMethod, PeriodReturn, PriceBasis, Report, Risk } from './types.js';
import { symbolLevels, toLevelSeries } from './levels.js';
import { valueBasket, valuesByMethod } from './valuation.js';
import { basketOverWindow, isPriced, type WindowMember, type WindowMethod } from './window.js';

/** An end price older than this many days before the as-of date is flagged as stale. */
export const STALE_AFTER_DAYS = 10;

export interface ReportOptions {
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
  /** A gap of more calendar days than this between two closes is flagged. */
  readonly maxGapDays: number;
  /** A one-day move beyond this fraction is flagged; one that looks like an unadjusted split leaves the series out. */
  readonly maxDailyMove: number;
  /** Also put the daily levels (rebased to 100) of baskets, benchmarks and members in the report (chart, HTML, sparklines). */
  readonly levels?: boolean;
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
  levels: false,
};

export interface ReportInput {
  readonly baskets: readonly BasketDef[];
  /** Histories of members, benchmarks and FX series. */
  readonly history: ReadonlyMap<string, PriceSeries>;
  readonly quotes: ReadonlyMap<string, Quote>;
  /** What the provider could not supply. */
  readonly providerIssues: readonly SymbolIssue[];
  readonly from: IsoDate;
  readonly asOf: IsoDate;
  readonly priceBasis: PriceBasis;
  readonly dataSource: string;
  readonly options?: ReportOptions;
}

type Note = (issue: SymbolIssue) => void;

/**
 * `prepareSeries`, then the bad-series checks over every window the report
 * prices (the main one and the periods'): gaps and large one-day moves are
 * noted with their dates; a move that looks like an unadjusted split leaves
 * the series out, since its return would be wrong.
 */
function prepareChecked(symbol: string, input: ReportInput, opts: ReportOptions, pricing: PricingInput, note: Note): PreparedSeries | Failure | null {
  const prepared = prepareSeries(symbol, pricing);
  if (prepared === null || isFailure(prepared)) return prepared;
  const earliest = toDayNumber(earliestFrom(input.from, input.asOf, opts.periods));
  const i0 = Math.max(0, lastIndexBefore(prepared.days, earliest));
  const i1 = lastIndexOnOrBefore(prepared.days, toDayNumber(input.asOf));
  for (const g of findGaps(prepared.days, opts.maxGapDays, i0, i1 + 1)) {
    note({ symbol, code: 'gap-in-data', message: `no close from ${fromDayNumber(g.from)} to ${fromDayNumber(g.to)} (${g.days} days): check the data` });
  }
  let split: Failure | null = null;
  for (const j of findJumps(prepared.days, prepared.prices, opts.maxDailyMove, i0, i1 + 1)) {
    const move = `${j.move > 0 ? 'rose' : 'fell'} ${(Math.abs(j.move) * 100).toFixed(1)}% on ${fromDayNumber(j.day)}`;
    if (j.splitRatio === null) {
      note({ symbol, code: 'large-move', message: `close ${move}: check the data` });
    } else {
      const ratio = j.splitRatio >= 1 ? `${j.splitRatio}-for-1 split` : `1-for-${Math.round(1 / j.splitRatio)} reverse split`;
      split ??= { code: 'suspect-split', message: `close ${move}, as an unadjusted ${ratio} would: left out` };
    }
  }
  return split ?? prepared;
}

function riskOf(path: BasketPath | null): Risk | null {
  if (!path) return null;
  const dd = maxDrawdown(path.days, path.levels);
  const isoOrNull = (day: number | null | undefined) => (day === null || day === undefined ? null : fromDayNumber(day));
  return {
    volatility: annualisedVolatility(path.levels),
    maxDrawdown: dd?.value ?? null,
    drawdownPeak: isoOrNull(dd?.peakDay),
    drawdownTrough: isoOrNull(dd?.troughDay),
    highestSince: isoOrNull(higherBefore(path.days, path.levels)),
  };
}

const listed = (symbols: readonly string[]) => `${symbols.slice(0, 4).join(', ')}${symbols.length > 4 ? ', …' : ''}`;

function toBenchmark(symbol: string, basketReturn: number | null, input: ReportInput, opts: ReportOptions, pricing: PricingInput, note: Note): BenchmarkReport {
  const prepared = prepareChecked(symbol, input, opts, pricing, note);
  const none: BenchmarkReport = {
    symbol,
    name: input.quotes.get(symbol)?.name ?? null,
    currency: prepared && !isFailure(prepared) ? prepared.currency : null,
    startDate: null,
    startPrice: null,
    endDate: null,
    endPrice: null,
    localReturn: null,
    fxReturn: null,
    return: null,
    excessReturn: null,
    periods: opts.periods.map((period) => ({ period, startDate: null, return: null })),
    risk: null,
    ...(opts.levels ? { levels: null } : {}),
  };
  if (prepared === null) return none; // the provider's issue says why
  if (isFailure(prepared)) {
    note({ symbol, ...prepared, message: `benchmark ${prepared.message.replace(/: left out$/, '')}` });
    return none;
  }
  const span = spanOf(input.from, input.asOf);
  const main = priceOver(prepared, span, '');
  if (isFailure(main)) {
    note({ symbol, code: main.code, message: `benchmark: ${main.message.replace(/: left out$/, '')}` });
    return none;
  }
  const path = buyAndHoldPath([prepared.converted], [1], span.fromDay, span.asOfDay);
  return {
    ...none,
    startDate: main.startDate,
    startPrice: main.startPrice,
    endDate: main.endDate,
    endPrice: main.endPrice,
    localReturn: main.localReturn,
    fxReturn: main.fxReturn,
    return: main.return,
    excessReturn: basketReturn === null ? null : basketReturn - main.return,
    periods: opts.periods.map((period) => {
      const p = priceOver(prepared, spanOf(periodFrom(period, input.asOf), input.asOf), '');
      return isPriced(p) ? { period, startDate: p.startDate, return: p.return } : { period, startDate: null, return: null };
    }),
    risk: riskOf(path),
    ...(opts.levels ? { levels: toLevelSeries(path) } : {}),
  };
}

function toBasket(def: BasketDef, input: ReportInput, opts: ReportOptions, pricing: PricingInput, note: Note): BasketReport {
  const quotes = def.symbols.map((s) => input.quotes.get(s));
  const members: WindowMember[] = def.symbols.map((s, i) => ({ prepared: prepareChecked(s, input, opts, pricing, note), quote: quotes[i] }));
  members.forEach((m, i) => {
    if (isFailure(m.prepared)) {
      note({ symbol: def.symbols[i] as string, code: m.prepared.code, message: m.prepared.message.replace(/left out$/, 'left out of the basket return') });
    }
  });
  const currencies = new Set(members.map((m) => (m.prepared && !isFailure(m.prepared) ? m.prepared.currency : null)));
  const own = currencies.size === 1 ? [...currencies][0] ?? null : null;
  const currency = opts.currency ?? own;
  const method = (weights: Weighting, rebalance: Rebalance): WindowMethod => ({
    weights,
    rebalance,
    configWeights: def.weights,
    oneCurrency: currency !== null,
  });
  const span = spanOf(input.from, input.asOf);
  const main = basketOverWindow(members, def.symbols, span, method(opts.weights, opts.rebalance), '');
  main.priced.forEach((p, i) => {
    const symbol = def.symbols[i] as string;
    if (p && isFailure(p)) note({ symbol, code: p.code, message: p.message.replace(/left out$/, 'left out of the basket return') });
    if (isPriced(p)) {
      const age = daysBetween(p.endDate, input.asOf);
      if (age > STALE_AFTER_DAYS) note({ symbol, code: 'stale-price', message: `last close ${p.endDate} is ${age} days before ${input.asOf}` });
    }
  });
  if (main.weightingGap) {
    const gap = main.weightingGap;
    note({
      symbol: null,
      basket: def.id,
      code: gap.reason,
      message:
        gap.reason === 'mixed-currencies'
          ? `cap weights need one currency for all members: use --currency`
          : `market cap unknown for ${listed(gap.symbols)}: left out of the cap-weighted return`,
    });
  }
  if (main.return === null) {
    note({ symbol: null, basket: def.id, code: 'basket-empty', message: `no member of ${def.id} has a return from ${input.from} to ${input.asOf}` });
  }

  const periods = opts.periods.map((period): { row: PeriodReturn; members: PeriodReturn[] } => {
    const w = basketOverWindow(members, def.symbols, spanOf(periodFrom(period, input.asOf), input.asOf), method(opts.weights, opts.rebalance), ` (${period})`);
    const lacking = def.symbols.filter((_, i) => !isPriced(w.priced[i]) && members[i]?.prepared && !isFailure(members[i]?.prepared ?? null));
    if (lacking.length > 0) {
      note({ symbol: null, basket: def.id, code: 'no-start-price', message: `${period}: no close before ${periodFrom(period, input.asOf)} for ${listed(lacking)}: left out of the ${period} return` });
    }
    return {
      row: { period, startDate: w.path && w.path.days.length > 0 ? fromDayNumber(w.path.days[0] as number) : null, return: w.return },
      members: w.priced.map((p): PeriodReturn => (isPriced(p) ? { period, startDate: p.startDate, return: p.return } : { period, startDate: null, return: null })),
    };
  });
  const memberPeriods = (i: number): PeriodReturn[] => periods.map((p) => p.members[i] as PeriodReturn);

  // market values in one currency only
  const mv = main.marketValues.map((v) => (currency === null ? null : v));
  const valuation = valueBasket(def.symbols, quotes, mv.map((v) => v?.end ?? null), opts.negativePE, note);
  const fwd = valuation.forward[opts.peMethod];
  fwd.missing.forEach((i) =>
    note({ symbol: def.symbols[i] as string, basket: def.id, code: 'no-forward-pe', message: 'forward P/E unknown: left out of the basket P/E' }),
  );
  fwd.nonPositive.forEach((i) =>
    note({
      symbol: def.symbols[i] as string,
      basket: def.id,
      code: 'non-positive-forward-pe',
      message: `forward P/E ${valuation.forwardPEs[i]} (expected losses): left out of the basket P/E`,
    }),
  );
  if (fwd.noMarketValue.length > 0) {
    note({ symbol: null, basket: def.id, code: 'no-market-value', message: `market cap unknown for ${listed(fwd.noMarketValue.map((i) => def.symbols[i] as string))}: left out of the aggregate P/E` });
  }
  const trailing = valuation.trailing[opts.peMethod];
  const noTrailing = [...trailing.missing, ...trailing.nonPositive].sort((a, b) => a - b).map((i) => def.symbols[i] as string);
  if (noTrailing.length > 0) {
    note({ symbol: null, basket: def.id, code: 'no-trailing-pe', message: `trailing P/E unknown or ≤ 0 for ${noTrailing.length} of ${def.symbols.length} (${listed(noTrailing)}): left out of the trailing P/E` });
  }
  if (currency === null && main.marketValues.some((v) => v !== null)) {
    note({ symbol: null, basket: def.id, code: 'mixed-currencies', message: 'members trade in different currencies: market values are not added up (use --currency)' });
  }
  const mvSum = sumKnown(mv.map((v) => v?.change ?? null));

  const reports: MemberReport[] = def.symbols.map((symbol, i) => {
    const q = quotes[i];
    const prep = members[i]?.prepared;
    const p = main.priced[i];
    const ok = isPriced(p) ? p : null;
    const v = main.marketValues[i] ?? null;
    return {
      symbol,
      name: q?.name ?? null,
      currency: prep && !isFailure(prep) ? prep.currency : (q?.currency ?? null),
      startDate: ok?.startDate ?? null,
      startPrice: ok?.startPrice ?? null,
      endDate: ok?.endDate ?? null,
      endPrice: ok?.endPrice ?? null,
      localReturn: ok?.localReturn ?? null,
      fxReturn: ok?.fxReturn ?? null,
      return: ok?.return ?? null,
      weight: main.weights[i] ?? null,
      contribution: main.contributions[i] ?? null,
      marketValueStart: v?.start ?? null,
      marketValueEnd: v?.end ?? null,
      marketValueChange: v?.change ?? null,
      forwardPE: valuation.forwardPEs[i] ?? null,
      trailingPE: q?.trailingPE ?? null,
      included: main.weights[i] !== null && main.weights[i] !== undefined,
      periods: memberPeriods(i),
      ...(opts.levels ? { levels: ok && prep && !isFailure(prep) ? symbolLevels(prep, span) : null } : {}),
    };
  });
  const ranked = reports.filter((m) => m.included && m.return !== null).sort((a, b) => (b.return as number) - (a.return as number));
  const extreme = (m: MemberReport | undefined) => (m ? { symbol: m.symbol, return: m.return as number } : null);

  const alternatives: MethodReturn[] | null = opts.compareMethods
    ? [
        ...REBALANCES.map((r) => ['equal', r] as const),
        ['cap', 'none'] as const,
        ...(def.weights ? [['config', 'none'] as const] : []),
      ].map(([weights, rebalance]) => {
        const w = basketOverWindow(members, def.symbols, span, method(weights, rebalance), '');
        return { weights, rebalance, return: w.return, coverage: { included: w.included, total: w.total } };
      })
    : null;

  return {
    id: def.id,
    name: def.name,
    benchmark: def.benchmark,
    source: def.source,
    return: main.return,
    membersWithData: { included: main.included, total: main.total },
    best: extreme(ranked[0]),
    worst: extreme(ranked.at(-1)),
    currency,
    marketValueChange: mvSum.value,
    marketValueCoverage: { included: mvSum.included, total: mvSum.total },
    forwardPE: fwd.value,
    forwardPEStatus: fwd.status,
    peMethod: opts.peMethod,
    peCoverage: { included: fwd.included, total: fwd.total },
    earningsYield: fwd.earningsYield,
    trailingPE: trailing.value,
    trailingPEStatus: trailing.status,
    trailingPECoverage: { included: trailing.included, total: trailing.total },
    forwardPEs: valuesByMethod(valuation.forward),
    trailingPEs: valuesByMethod(valuation.trailing),
    valuation: valuation.rows,
    periods: periods.map((p) => p.row),
    risk: riskOf(main.path),
    benchmarkResult: def.benchmark ? toBenchmark(def.benchmark, main.return, input, opts, pricing, note) : null,
    alternatives,
    members: reports,
    ...(opts.levels ? { levels: toLevelSeries(main.path) } : {}),
  };
}

/** Every figure of a comparison, with every exclusion noted in `issues`. */
export function buildReport(input: ReportInput): Report {
  const opts = input.options ?? DEFAULT_OPTIONS;
  const issues: SymbolIssue[] = [...input.providerIssues];
  const key = (i: SymbolIssue) => `${i.symbol}|${i.code}|${i.basket ?? ''}|${i.symbol === null ? i.message : ''}`;
  const reported = new Set(issues.map(key));
  const note: Note = (issue) => {
    if (reported.has(key(issue))) return;
    reported.add(key(issue));
    issues.push(issue);
  };
  const pricing: PricingInput = { history: input.history, quotes: input.quotes, priceBasis: input.priceBasis, currency: opts.currency };
  const baskets = input.baskets.map((b) => toBasket(b, input, opts, pricing, note));
  const [first, second] = baskets;
  const discounts = (a: PEByMethod, b: PEByMethod): PEByMethod =>
    Object.fromEntries(PE_METHODS.map((m) => [m, valuationDiscount(a[m], b[m])])) as unknown as PEByMethod;
  return {
    asOf: input.asOf,
    from: input.from,
    currency: opts.currency,
    priceBasis: input.priceBasis,
    method: {
      weights: opts.compareMethods ? 'all' : opts.weights,
      rebalance: opts.rebalance,
      peMethod: opts.comparePEMethods ? 'all' : opts.peMethod,
      negativePE: opts.negativePE,
    },
    periods: opts.periods,
    dataSource: input.dataSource,
    baskets,
    comparison:
      first && second
        ? {
            basket: first.id,
            against: second.id,
            discount: valuationDiscount(first.forwardPE, second.forwardPE),
            discounts: discounts(first.forwardPEs, second.forwardPEs),
            returnSpread: first.return !== null && second.return !== null ? first.return - second.return : null,
          }
        : null,
    issues,
  };
}
