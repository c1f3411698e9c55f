/**
 * Analytics results → the Report. Pure: the orchestrator hands in what the
 * provider found, this decides every figure and where a figure leaves
 * something out (the notes' words and their once-only rule: notes.ts).
 * Each window (the main one, each period's, the look-back) is checked and
 * priced on its own, so that no figure depends on what else was asked for.
 */
import { REBALANCES, type Rebalance, PE_METHODS, type Weighting } from '../domain/options.js';
import { sumKnown } from '../analytics/market-value.js';
import { periodFrom } from '../analytics/periods.js';
import type { ChosenQuote, PointInTimeOptions } from '../analytics/point-in-time.js';
import { valuationDiscount } from '../analytics/valuation.js';
import type { BasketDef } from '../config/basket.js';
import { fromDayNumber } from '../domain/calendar.js';
import type { IsoDate } from '../domain/types.js';
import { toBenchmark, type BenchmarkContext } from './benchmark.js';
import { explainBasket } from './explain.js';
import { checkWindow } from './checks.js';
import { basketLookbackSince, lookbackStartOf } from './highs.js';
import { toLevelSeries } from './levels.js';
import { toMemberReports } from './members.js';
import {
  collectNotes,
  noteLateHistories,
  noteLookbackGaps,
  noteMainWindow,
  noteUnaddedMarketValues,
  notePeriodGaps,
  notePreparationFailures,
  noteSplitsApplied,
  withoutUnneededFallbacks,
  type Note,
} from './notes.js';
import { DEFAULT_OPTIONS, type ReportInput, type ReportOptions } from './options.js';
import { isFailure, prepareSeries, spanOf, type PreparedSeries, type PricingInput, type Span } from './pricing.js';
import { chooseQuotes, flagsOf, memberPEs, memberSizes, noteQuoteFlags, type SymbolFlag } from './quotes.js';
import { riskOf } from './risk.js';
import type { BasketReport, MethodReturn, PEByMethod, PeriodReturn, Report } from './types.js';
import { noteValuation, valueBasket, valuesByMethod } from './valuation.js';
import { basketOverWindow, isPriced, type WindowMember, type WindowMethod } from './window.js';

export { DEFAULT_OPTIONS, type ReportInput, type ReportOptions } from './options.js';

/** What every basket of one report shares. */
interface Shared {
  readonly input: ReportInput;
  readonly opts: ReportOptions;
  readonly pricing: PricingInput;
  readonly chosen: ReadonlyMap<string, ChosenQuote>;
  readonly pointInTime: PointInTimeOptions;
  readonly span: Span;
  /** The look-back as a window [lookbackStart, asOf]; null without --lookback. */
  readonly lookback: Span | null;
  readonly note: Note;
  /** Takes the quote flags of the figures a basket uses; the report notes them grouped. */
  readonly flag: (flags: readonly SymbolFlag[]) => void;
}

/** A member prepared once for every window; recorded splits the closes still showed are noted. */
function prepareMember(symbol: string, sh: Shared) {
  const prepared = prepareSeries(symbol, sh.pricing);
  noteSplitsApplied(symbol, prepared, sh.note);
  return prepared;
}

function toBasket(def: BasketDef, sh: Shared): BasketReport {
  const { input, opts, note } = sh;
  const prepared = def.symbols.map((s) => prepareMember(s, sh));
  notePreparationFailures(def.symbols, prepared, note);
  const ok = (i: number): PreparedSeries | null => {
    const p = prepared[i];
    return p && !isFailure(p) ? p : null;
  };
  const sizes = memberSizes(def.symbols, sh.chosen, ok, input.quoteCloses, input.asOf, note);
  /** The members as one window sees them: its own checks may leave a member out of it, and of it alone. */
  const membersOver = (span: Span): WindowMember[] =>
    def.symbols.map((_, i) => {
      const p = ok(i);
      return { prepared: p ? (checkWindow(p, span, opts, note) ?? p) : (prepared[i] ?? null), size: sizes[i] ?? null };
    });
  const currencies = new Set(prepared.map((p) => (p && !isFailure(p) ? p.currency : null)));
  const own = currencies.size === 1 ? ([...currencies][0] ?? null) : null;
  const currency = opts.currency ?? own;
  const method = (weights: Weighting, rebalance: Rebalance): WindowMethod => ({ weights, rebalance, configWeights: def.weights, oneCurrency: currency !== null });
  const span = sh.span;
  // the main window's members once: every method side by side (--weights all) prices the same ones
  const mainMembers = membersOver(span);
  const main = basketOverWindow(mainMembers, def.symbols, span, method(opts.weights, opts.rebalance), '');
  noteMainWindow(def, main, prepared, input, note);

  const periods = opts.periods.map((period) => {
    const pSpan = spanOf(periodFrom(period, input.asOf), input.asOf);
    const w = basketOverWindow(membersOver(pSpan), def.symbols, pSpan, method(opts.weights, opts.rebalance), ` (${period})`);
    // each member left out of this period's return, with its own reason (no close before it is the usual one: noted together)
    const unpriced = def.symbols.flatMap((symbol, i) => {
      const p = w.priced[i];
      return ok(i) !== null && p && isFailure(p) ? [{ symbol, failure: p }] : [];
    });
    notePeriodGaps(def, period, pSpan.from, unpriced, note);
    return {
      window: { period, span: pSpan, window: w },
      row: { period, startDate: w.path && w.path.days.length > 0 ? fromDayNumber(w.path.days[0] as number) : null, return: w.return } as PeriodReturn,
      members: w.priced.map((p): PeriodReturn => (isPriced(p) ? { period, startDate: p.startDate, return: p.return } : { period, startDate: null, return: null })),
    };
  });

  // quote figures on the as-of date, flagged where taken from another day, for the members in the return
  const chosen = def.symbols.map((s) => sh.chosen.get(s));
  def.symbols.forEach((s, i) => {
    const c = chosen[i];
    if (c === undefined || main.weights[i] === null || main.weights[i] === undefined) return;
    sh.flag(flagsOf(s, c, ['forwardPE', 'trailingPE', sizes[i]?.kind === 'shares' ? 'sharesOutstanding' : 'marketCap']));
  });
  const pes = (field: 'forwardPE' | 'trailingPE') => memberPEs(field, def.symbols, chosen, ok, input.quoteCloses, opts.peAt === 'as-of', input.asOf, note);
  const memberPEsUsed = { forward: pes('forwardPE'), trailing: pes('trailingPE') };
  const values = (xs: readonly { value: number | null }[]) => xs.map((x) => x.value);
  // market values in one currency only
  const mv = main.marketValues.map((v) => (currency === null ? null : v));
  const valuation = valueBasket(
    { symbols: def.symbols, quotes: chosen.map((c) => c?.quote), forwardPEs: values(memberPEsUsed.forward), trailingPEs: values(memberPEsUsed.trailing), marketValues: mv.map((v) => v?.end ?? null), weights: main.weights, policy: opts.negativePE },
    note,
  );
  noteValuation(def.id, def.symbols, valuation, opts.peMethod, note);
  const fwd = valuation.forward[opts.peMethod];
  const trailing = valuation.trailing[opts.peMethod];
  if (currency === null) noteUnaddedMarketValues(def, main, note);
  const mvSum = sumKnown(mv.map((v) => v?.change ?? null));
  const members = toMemberReports({ def, prepared, chosen, main, periods: periods.map((p) => p.members), valuation, sizes, span, lookback: sh.lookback, levels: opts.levels === true });
  // the dates of the P/Es the headline P/E is made of
  const out = new Set([...fwd.missing, ...fwd.nonPositive, ...fwd.unweighted, ...fwd.noMarketValue]);
  const usedDates = members.flatMap((m, i) => (out.has(i) || m.forwardPEDate === null ? [] : [m.forwardPEDate])).sort();
  const ranked = members.filter((m) => m.included && m.return !== null).sort((a, b) => (b.return as number) - (a.return as number));
  const extreme = (m: (typeof members)[number] | undefined) => (m ? { symbol: m.symbol, return: m.return as number } : null);

  const alternativeWindows = opts.compareMethods
    ? [...REBALANCES.map((r) => ['equal', r] as const), ['cap', 'none'] as const, ...(def.weights ? [['config', 'none'] as const] : [])].map(([weights, rebalance]) => ({
        weights,
        rebalance,
        window: basketOverWindow(mainMembers, def.symbols, span, method(weights, rebalance), ''),
      }))
    : null;
  const alternatives: MethodReturn[] | null =
    alternativeWindows?.map(({ weights, rebalance, window: w }) => ({ weights, rebalance, return: w.return, coverage: { included: w.included, total: w.total } })) ?? null;
  const risk = riskOf(main.path, span);
  const lookbackMembers = sh.lookback === null ? [] : membersOver(sh.lookback);
  noteLookbackGaps(def, lookbackMembers, (i) => ok(i) !== null && main.weights[i] !== null && main.weights[i] !== undefined, note);
  const lookbackSince =
    sh.lookback === null
      ? null
      : basketLookbackSince(
          lookbackMembers.map((m) => (m.prepared && !isFailure(m.prepared) ? m.prepared.converted : null)),
          main.weights,
          def.symbols,
          def.id,
          sh.lookback,
          opts.rebalance,
          note,
        );
  const benchmarkCtx: BenchmarkContext = {
    pricing: sh.pricing,
    span,
    periods: opts.periods,
    checks: opts,
    levels: opts.levels === true,
    explain: opts.explain === true,
    lookbackFromDay: sh.lookback?.fromDay ?? null,
    name: (s) => sh.chosen.get(s)?.quote.name ?? null,
  };
  const benchmarkResult = toBenchmark(def.benchmarks, def.id, main.return, benchmarkCtx, note);

  return {
    id: def.id,
    name: def.name,
    benchmark: benchmarkResult?.symbol ?? null,
    benchmarks: def.benchmarks,
    source: def.source,
    return: main.return,
    membersWithData: { included: main.included, total: main.total },
    best: extreme(ranked[0]),
    worst: extreme(ranked.at(-1)),
    currency,
    marketValueChange: mvSum.value,
    marketValueCoverage: { included: mvSum.included, total: mvSum.total },
    forwardPE: fwd.value,
    forwardPEDates: usedDates.length > 0 ? { earliest: usedDates[0] as IsoDate, latest: usedDates.at(-1) as IsoDate } : null,
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
    risk: risk && sh.lookback !== null ? { ...risk, highestSince: lookbackSince } : risk,
    benchmarkResult,
    alternatives,
    members,
    ...(opts.levels ? { levels: toLevelSeries(main.path) } : {}),
    ...(opts.explain
      ? { inputs: explainBasket({ symbols: def.symbols, span, prepared, main, chosen, sizes, valuation, memberPEs: memberPEsUsed, marketValues: mv, marketValueSum: mvSum, currency, risk, options: opts, periods: periods.map((p) => p.window), alternatives: alternativeWindows }) }
      : {}),
  };
}

/** Every figure of a comparison, with every exclusion noted in `issues`. */
export function buildReport(input: ReportInput): Report {
  const opts = input.options ?? DEFAULT_OPTIONS;
  const { issues, note } = collectNotes(input.providerIssues);
  const pointInTime: PointInTimeOptions = { asOf: input.asOf, maxAgeDays: opts.maxQuoteAgeDays, rule: opts.pointInTime };
  const chosen = chooseQuotes(input.quotes, pointInTime);
  const pricing: PricingInput = { history: input.history, quotes: new Map([...chosen].map(([s, c]) => [s, c.quote])), priceBasis: input.priceBasis, currency: opts.currency, fx: input.fx ?? new Map() };
  const flags = new Map<string, SymbolFlag>();
  const lookbackStart = opts.lookback ? lookbackStartOf(opts.lookback, input.from) : null;
  const shared: Shared = {
    input,
    opts,
    pricing,
    chosen,
    pointInTime,
    span: spanOf(input.from, input.asOf),
    lookback: lookbackStart === null ? null : spanOf(lookbackStart, input.asOf),
    note,
    flag: (fs) => {
      for (const f of fs) flags.set(`${f.symbol}|${f.field}`, f);
    },
  };
  const baskets = input.baskets.map((b) => toBasket(b, shared));
  issues.splice(0, input.providerIssues.length, ...withoutUnneededFallbacks(input.providerIssues, input.baskets, baskets));
  noteQuoteFlags([...flags.values()], pointInTime, note);
  // with `max` there is no start to fall short of: every series looks back as far as it goes
  if (lookbackStart !== null && opts.lookback !== 'max') noteLateHistories(input.baskets, input.history, lookbackStart, note);
  const [first, second] = baskets;
  const discounts = (a: PEByMethod, b: PEByMethod): PEByMethod => Object.fromEntries(PE_METHODS.map((m) => [m, valuationDiscount(a[m], b[m])])) as unknown as PEByMethod;
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
      peAt: opts.peAt,
      pointInTime: pointInTime.rule,
      maxQuoteAgeDays: pointInTime.maxAgeDays,
      suspectSplits: opts.suspectSplits,
    },
    periods: opts.periods,
    lookback: opts.lookback,
    lookbackStart,
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

