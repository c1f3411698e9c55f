/**
 * Analytics results → the Report. Pure: the orchestrator hands in what the
 * provider found, this decides every figure and every note about exclusions.
 * Each window (the main one, each period's, the look-back) is checked and
 * priced on its own, so that no figure depends on what else was asked for.
 */
import { REBALANCES, type Rebalance } from '../analytics/basket.js';
import { daysBetween, fromDayNumber, toDayNumber } from '../domain/calendar.js';
import { sumKnown } from '../analytics/market-value.js';
import { periodFrom, type Period } from '../analytics/periods.js';
import { DEFAULT_MAX_QUOTE_AGE_DAYS, type ChosenQuote, type PointInTimeOptions, type PointInTimeRule } from '../analytics/point-in-time.js';
import { MAX_DAILY_MOVE, MAX_GAP_DAYS } from '../analytics/series-checks.js';
import { PE_METHODS, valuationDiscount, type NegativePEPolicy, type PEMethod } from '../analytics/valuation.js';
import type { Weighting } from '../analytics/weights.js';
import type { BasketDef } from '../config/basket.js';
import type { IsoDate, PriceSeries, QuoteHistory, SymbolIssue } from '../domain/types.js';
import { toBenchmark, type BenchmarkContext } from './benchmark.js';
import { checkWindow, splitName, type CheckOptions, type SuspectSplitPolicy } from './checks.js';
import { toMemberReports } from './members.js';
import { basketLookbackSince, lookbackStartOf } from './highs.js';
import { isFailure, prepareSeries, spanOf, type PreparedSeries, type PricingInput, type Span } from './pricing.js';
import { chooseQuotes, flagsOf, memberPEs, memberSizes, noteQuoteFlags, type QuoteCloses, type SymbolFlag } from './quotes.js';
import { riskOf } from './risk.js';
import { toLevelSeries } from './levels.js';
import type { BasketReport, Lookback, MethodReturn, PEAt, PEByMethod, PeriodReturn, PriceBasis, Report } from './types.js';
import { noteValuation, valueBasket, valuesByMethod } from './valuation.js';
import { basketOverWindow, isPriced, type WindowMember, type WindowMethod } from './window.js';

/** An end price older than this many days before the as-of date is flagged as stale. */
export const STALE_AFTER_DAYS = 10;

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
  readonly pointInTime?: PointInTimeRule;
  /** A quote figure older than this many days is flagged stale. */
  readonly maxQuoteAgeDays?: number;
  /** Each P/E as of its own date, or repriced to the as-of date. */
  readonly peAt?: PEAt;
  /** How far before `from` highest-since looks. */
  readonly lookback?: Lookback | null;
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
};

export interface ReportInput {
  readonly baskets: readonly BasketDef[];
  /** Histories of members, benchmarks and FX series. */
  readonly history: ReadonlyMap<string, PriceSeries>;
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

type Note = (issue: SymbolIssue) => void;

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

const listed = (symbols: readonly string[]) => `${symbols.slice(0, 4).join(', ')}${symbols.length > 4 ? ', …' : ''}`;

/** A member prepared once for every window; recorded splits the closes still showed are noted. */
function prepareMember(symbol: string, sh: Shared) {
  const prepared = prepareSeries(symbol, sh.pricing);
  if (prepared && !isFailure(prepared)) {
    for (const s of prepared.splitsApplied) {
      const date = fromDayNumber(s.day);
      sh.note({ symbol, code: 'split-adjusted', date, ratio: s.ratio, message: `the data records a ${splitName(s.ratio)} on ${date} that its closes still showed: closes before it adjusted` });
    }
  }
  return prepared;
}

function toBasket(def: BasketDef, sh: Shared): BasketReport {
  const { input, opts, note } = sh;
  const prepared = def.symbols.map((s) => prepareMember(s, sh));
  prepared.forEach((p, i) => {
    if (isFailure(p)) note({ symbol: def.symbols[i] as string, code: p.code, message: p.message.replace(/left out$/, 'left out of the basket return') });
  });
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
  main.priced.forEach((p, i) => {
    const symbol = def.symbols[i] as string;
    if (p && isFailure(p) && !isFailure(prepared[i])) note({ symbol, ...p, message: p.message.replace(/left out$/, 'left out of the basket return') });
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
      message: gap.reason === 'mixed-currencies' ? `cap weights need one currency for all members: use --currency` : `market cap unknown for ${listed(gap.symbols)}: left out of the cap-weighted return`,
    });
  }
  if (main.return === null) note({ symbol: null, basket: def.id, code: 'basket-empty', message: `no member of ${def.id} has a return from ${input.from} to ${input.asOf}` });

  const periods = opts.periods.map((period) => {
    const pSpan = spanOf(periodFrom(period, input.asOf), input.asOf);
    const w = basketOverWindow(membersOver(pSpan), def.symbols, pSpan, method(opts.weights, opts.rebalance), ` (${period})`);
    // each member left out of this period's return, with its own reason (no close before it is the usual one: noted together)
    const unpriced = def.symbols.flatMap((symbol, i) => {
      const p = w.priced[i];
      return ok(i) !== null && p && isFailure(p) ? [{ symbol, failure: p }] : [];
    });
    const lacking = unpriced.filter((u) => u.failure.code === 'no-start-price').map((u) => u.symbol);
    if (lacking.length > 0) {
      note({ symbol: null, basket: def.id, code: 'no-start-price', message: `${period}: no close before ${pSpan.from} for ${listed(lacking)}: left out of the ${period} return` });
    }
    for (const { symbol, failure } of unpriced.filter((u) => u.failure.code !== 'no-start-price')) {
      note({ symbol, basket: def.id, ...failure, message: `${period}: ${failure.message.replace(/ \([^)]*\): left out$|: left out$/, '')}: left out of the ${period} return` });
    }
    return {
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
  // market values in one currency only
  const mv = main.marketValues.map((v) => (currency === null ? null : v));
  const valuation = valueBasket(
    { symbols: def.symbols, quotes: chosen.map((c) => c?.quote), forwardPEs: pes('forwardPE'), trailingPEs: pes('trailingPE'), marketValues: mv.map((v) => v?.end ?? null), weights: main.weights, policy: opts.negativePE },
    note,
  );
  noteValuation(def.id, def.symbols, valuation, opts.peMethod, note);
  const fwd = valuation.forward[opts.peMethod];
  const trailing = valuation.trailing[opts.peMethod];
  if (currency === null && main.marketValues.some((v) => v !== null)) {
    note({ symbol: null, basket: def.id, code: 'mixed-currencies', message: 'members trade in different currencies: market values are not added up (use --currency)' });
  }
  const mvSum = sumKnown(mv.map((v) => v?.change ?? null));
  const members = toMemberReports({ def, prepared, chosen, main, periods: periods.map((p) => p.members), valuation, sizes, span, lookback: sh.lookback, levels: opts.levels === true });
  // the dates of the P/Es the headline P/E is made of
  const out = new Set([...fwd.missing, ...fwd.nonPositive, ...fwd.unweighted, ...fwd.noMarketValue]);
  const usedDates = members.flatMap((m, i) => (out.has(i) || m.forwardPEDate === null ? [] : [m.forwardPEDate])).sort();
  const ranked = members.filter((m) => m.included && m.return !== null).sort((a, b) => (b.return as number) - (a.return as number));
  const extreme = (m: (typeof members)[number] | undefined) => (m ? { symbol: m.symbol, return: m.return as number } : null);

  const alternatives: MethodReturn[] | null = opts.compareMethods
    ? [...REBALANCES.map((r) => ['equal', r] as const), ['cap', 'none'] as const, ...(def.weights ? [['config', 'none'] as const] : [])].map(([weights, rebalance]) => {
        const w = basketOverWindow(mainMembers, def.symbols, span, method(weights, rebalance), '');
        return { weights, rebalance, return: w.return, coverage: { included: w.included, total: w.total } };
      })
    : null;
  const risk = riskOf(main.path, span);
  const lookbackMembers = sh.lookback === null ? [] : membersOver(sh.lookback);
  lookbackMembers.forEach((m, i) => {
    if (ok(i) !== null && main.weights[i] !== null && main.weights[i] !== undefined && isFailure(m.prepared)) {
      note({ symbol: def.symbols[i] as string, basket: def.id, code: 'no-lookback', message: `left out of the look-back level of ${def.id}: ${m.prepared.message.replace(/: left out$/, '')}` });
    }
  });
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
  };
}

/** Every figure of a comparison, with every exclusion noted in `issues`. */
export function buildReport(input: ReportInput): Report {
  const opts = input.options ?? DEFAULT_OPTIONS;
  const issues: SymbolIssue[] = [...input.providerIssues];
  // a symbol's note is given once per kind; a note of a dated event once per event
  const key = (i: SymbolIssue) => `${i.symbol}|${i.code}|${i.basket ?? ''}|${i.symbol === null || i.date !== undefined ? i.message : ''}`;
  const reported = new Set(issues.map(key));
  const note: Note = (issue) => {
    if (reported.has(key(issue))) return;
    reported.add(key(issue));
    issues.push(issue);
  };
  const pointInTime: PointInTimeOptions = { asOf: input.asOf, maxAgeDays: opts.maxQuoteAgeDays ?? DEFAULT_MAX_QUOTE_AGE_DAYS, rule: opts.pointInTime ?? 'flag' };
  const chosen = chooseQuotes(input.quotes, pointInTime);
  const pricing: PricingInput = { history: input.history, quotes: new Map([...chosen].map(([s, c]) => [s, c.quote])), priceBasis: input.priceBasis, currency: opts.currency };
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
  // a fallback benchmark no basket needed: what the source said of it is beside the point (a basket whose
  // every candidate failed names them all in its benchmark-fallback note)
  const used = new Set([...input.baskets.flatMap((b) => [...b.symbols, b.benchmarks[0] ?? '']), ...baskets.map((b) => b.benchmark ?? '')]);
  const unneeded = new Set(input.baskets.flatMap((b) => b.benchmarks.slice(1)).filter((s) => !used.has(s)));
  if (unneeded.size > 0) issues.splice(0, input.providerIssues.length, ...input.providerIssues.filter((i) => i.symbol === null || !unneeded.has(i.symbol)));
  noteQuoteFlags([...flags.values()], pointInTime, note);
  // with `max` there is no start to fall short of: every series looks back as far as it goes
  if (lookbackStart !== null && opts.lookback !== 'max') {
    const late = [...new Set(input.baskets.flatMap((b) => [...b.symbols, ...b.benchmarks]))].filter((s) => {
      const h = input.history.get(s);
      return h !== undefined && h.days.length > 0 && (h.days[0] as number) > toDayNumber(lookbackStart);
    });
    for (const s of late) {
      note({ symbol: s, code: 'no-lookback', message: `history starts ${fromDayNumber(input.history.get(s)?.days[0] as number)}, after the look-back start ${lookbackStart}: its highest-since looks back to then only` });
    }
  }
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
      peAt: opts.peAt ?? 'quote-date',
      pointInTime: pointInTime.rule,
      maxQuoteAgeDays: pointInTime.maxAgeDays,
      suspectSplits: opts.suspectSplits,
    },
    periods: opts.periods,
    lookback: opts.lookback ?? null,
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

export type { SuspectSplitPolicy };
