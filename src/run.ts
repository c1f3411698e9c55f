/**
 * The orchestrator. Every command runs the same one-way pipeline:
 *   1. config    load the catalog (presets + config file) and pick the baskets
 *   2. window    decide the period [from, asOf] and the history to fetch
 *   3. provider  fetch quotes, history and the FX series a report currency needs, in one round (providers/market-data.ts; the only I/O besides config)
 *   3b. closes around quote dates outside the window, when a dated cap (or,
 *      repricing P/Es, a dated P/E) has no price of its own (offline data)
 *   4. analytics + report   compute every figure into one Report
 *   5. verdict   compare --strict: a member without usable data fails the run;
 *      snapshot: the data written as an offline data directory
 * Flags, rendering and exit codes belong to the command line (cli.ts, commands/).
 */
import type { Rebalance, Period, NegativePEPolicy, PEMethod, PointInTimeRule, Weighting, SuspectSplitPolicy, Lookback, PEAt } from './domain/options.js';
import { EARLIEST_DATE, fromDayNumber, shiftDays, startOfYear, toIsoDate, isIsoDate } from './domain/calendar.js';
import { earliestFrom } from './analytics/periods.js';
import type { BasketDef } from './config/basket.js';
import { loadCatalog, selectBaskets, type Catalog, type ConfigLocation } from './config/load.js';
import { DEFAULT_BASKETS } from './config/presets.js';
import { quoteOf } from './domain/quote.js';
import type { IsoDate, PriceSeries, Quote, QuoteHistory, SymbolIssue } from './domain/types.js';
import { IncompleteDataError, MarketDataError, UsageError } from './errors.js';
import { fetchMarketData } from './providers/market-data.js';
import type { MarketDataProvider, ProgressSink } from './providers/provider.js';
import { buildReport, DEFAULT_OPTIONS, type ReportOptions } from './report/build.js';
import { lookbackStartOf } from './report/highs.js';
import { chooseQuotes, quoteDatesOutside } from './report/quotes.js';
import type { PriceBasis, Report } from './report/types.js';

/**
 * History is fetched from this many days before `from`, so that the last close
 * before `from` is found across long market holidays (Lunar New Year, Golden Week).
 */
export const START_LOOKBACK_DAYS = 30;

export interface Context {
  readonly config: ConfigLocation;
  readonly now: () => Date;
  /** Opens the provider `--data` names (`yahoo` or a directory). */
  readonly openProvider: (data: string) => Promise<MarketDataProvider>;
  /** Told the progress of the history, symbol by symbol (a progress bar on a terminal). */
  readonly onProgress?: ProgressSink;
}

export interface WindowOptions {
  readonly from?: string | undefined;
  readonly asOf?: string | undefined;
}

export interface Window {
  readonly from: IsoDate;
  readonly asOf: IsoDate;
  /** First date of history to fetch. */
  readonly historyStart: IsoDate;
}

function checkDate(value: string, flag: string): IsoDate {
  if (!isIsoDate(value)) throw new UsageError(`${flag} must be a date written YYYY-MM-DD, got "${value}"`);
  if (value < EARLIEST_DATE) throw new UsageError(`${flag} ${value} is before ${EARLIEST_DATE}, the earliest date basket takes`);
  return value;
}

/** The period: --as-of (default today), --from (default 1 January of the as-of year). */
export function decideWindow(opts: WindowOptions, now: () => Date): Window {
  const asOf = opts.asOf !== undefined ? checkDate(opts.asOf, '--as-of') : toIsoDate(now());
  const from = opts.from !== undefined ? checkDate(opts.from, '--from') : startOfYear(asOf);
  if (from > asOf) throw new UsageError(`--from ${from} is after --as-of ${asOf}`);
  return { from, asOf, historyStart: shiftDays(from, -START_LOOKBACK_DAYS) };
}

async function chooseBaskets(ctx: Context, names: readonly string[]): Promise<BasketDef[]> {
  const catalog = await loadCatalog(ctx.config);
  return selectBaskets(catalog, names.length > 0 ? names : DEFAULT_BASKETS, ctx.config.cwd);
}

export interface CompareRequest extends WindowOptions {
  readonly baskets: readonly string[];
  readonly data: string;
  readonly priceBasis: PriceBasis;
  readonly currency?: string | null;
  /** `all`: the report's method is equal weights, with every method side by side. */
  readonly weights?: Weighting | 'all';
  readonly rebalance?: Rebalance;
  readonly peMethod?: PEMethod | 'all';
  readonly negativePE?: NegativePEPolicy;
  readonly periods?: readonly Period[];
  readonly maxGapDays?: number;
  readonly maxDailyMove?: number;
  /** Put the daily level series (rebased to 100) in the report: chart, HTML, sparklines. */
  readonly levels?: boolean;
  /** Put each basket's inputs in the report (--explain, report/explain.ts). */
  readonly explain?: boolean;
  readonly suspectSplits?: SuspectSplitPolicy;
  readonly pointInTime?: PointInTimeRule;
  readonly maxQuoteAgeDays?: number;
  readonly peAt?: PEAt;
  readonly lookback?: Lookback | null;
  /** --strict: a member with no usable data fails the run (IncompleteDataError) instead of being left out. */
  readonly strict?: boolean;
}

export interface CompareResult {
  readonly report: Report;
  /** Under --strict, the members left out for want of data, as the error to end with once the report's notes are out; else null. */
  readonly incomplete: IncompleteDataError | null;
}

/** A request's report options, with basket's defaults for what it leaves out. */
export function toOptions(req: CompareRequest, baskets: readonly BasketDef[]): ReportOptions {
  const weights = req.weights ?? 'equal';
  if (weights === 'config') {
    const bare = baskets.find((b) => b.weights === null);
    if (bare) {
      throw new UsageError(`--weights config: basket ${bare.id} has no weights in its config (write its symbols as { SYMBOL: weight, … })`);
    }
  }
  return {
    currency: req.currency ?? null,
    weights: weights === 'all' ? 'equal' : weights,
    rebalance: req.rebalance ?? 'none',
    compareMethods: weights === 'all',
    peMethod: req.peMethod === undefined || req.peMethod === 'all' ? 'harmonic' : req.peMethod,
    comparePEMethods: req.peMethod === 'all',
    negativePE: req.negativePE ?? 'exclude',
    periods: req.periods ?? [],
    maxGapDays: req.maxGapDays ?? DEFAULT_OPTIONS.maxGapDays,
    maxDailyMove: req.maxDailyMove ?? DEFAULT_OPTIONS.maxDailyMove,
    suspectSplits: req.suspectSplits ?? 'flag',
    levels: req.levels ?? false,
    explain: req.explain ?? false,
    pointInTime: req.pointInTime ?? DEFAULT_OPTIONS.pointInTime,
    maxQuoteAgeDays: req.maxQuoteAgeDays ?? DEFAULT_OPTIONS.maxQuoteAgeDays,
    peAt: req.peAt ?? DEFAULT_OPTIONS.peAt,
    lookback: req.lookback ?? DEFAULT_OPTIONS.lookback,
  };
}

/**
 * Closes around the quote dates that lie outside the history fetched, for
 * the price a dated cap or P/E was computed at when its quote gives none
 * (offline data): one more request, only for the symbols that need it, for
 * every as-of date asked about at once.
 */
export async function fetchQuoteCloses(
  provider: MarketDataProvider,
  quotes: ReadonlyMap<string, QuoteHistory>,
  members: readonly string[],
  historyStart: IsoDate,
  cases: readonly (ReportOptions & { readonly asOf: IsoDate })[],
): Promise<ReadonlyMap<string, PriceSeries>> {
  const outside = new Map<string, { first: IsoDate; last: IsoDate }>();
  for (const options of cases) {
    const chosen = chooseQuotes(quotes, { asOf: options.asOf, maxAgeDays: options.maxQuoteAgeDays, rule: options.pointInTime });
    for (const [symbol, r] of quoteDatesOutside(chosen, members, historyStart, options.asOf, options.peAt === 'as-of')) {
      const had = outside.get(symbol);
      outside.set(symbol, had ? { first: r.first < had.first ? r.first : had.first, last: r.last > had.last ? r.last : had.last } : r);
    }
  }
  if (outside.size === 0) return new Map();
  const ranges = [...outside.values()];
  const first = ranges.reduce((a, r) => (r.first < a ? r.first : a), ranges[0]?.first as IsoDate);
  const last = ranges.reduce((a, r) => (r.last > a ? r.last : a), ranges[0]?.last as IsoDate);
  // the close on or before the earliest date may lie before it: reach back as the window does
  const answer = await provider.fetchHistory({ symbols: [...outside.keys()], start: shiftDays(first, -START_LOOKBACK_DAYS), end: last });
  return answer.items;
}

/**
 * The first day of history a report of [from, asOf] needs: periods and the
 * look-back reach further back than the window, and the close before each
 * start may lie START_LOOKBACK_DAYS before it.
 */
export function historyStartOf(from: IsoDate, asOf: IsoDate, options: Pick<ReportOptions, 'periods' | 'lookback'>): IsoDate {
  const earliest = earliestFrom(from, asOf, options.periods);
  const lookbackStart = options.lookback ? lookbackStartOf(options.lookback, from) : null;
  return shiftDays(lookbackStart !== null && lookbackStart < earliest ? lookbackStart : earliest, -START_LOOKBACK_DAYS);
}

export async function runCompare(req: CompareRequest, ctx: Context): Promise<CompareResult> {
  const baskets = await chooseBaskets(ctx, req.baskets);
  const options = toOptions(req, baskets);
  const window = decideWindow(req, ctx.now);
  const historyStart = historyStartOf(window.from, window.asOf, options);
  const provider = await ctx.openProvider(req.data);
  const { members, history, quotes, fx } = await fetchMarketData(provider, baskets, historyStart, window.asOf, options.currency, ctx.onProgress);
  const quoteCloses = await fetchQuoteCloses(provider, quotes.items, members, historyStart, [{ ...options, asOf: window.asOf }]);
  const report = buildReport({
    baskets,
    history: history.items,
    fx: fx.pairs,
    quotes: quotes.items,
    quoteCloses,
    providerIssues: [...history.issues, ...quotes.issues, ...fx.issues],
    from: window.from,
    asOf: window.asOf,
    priceBasis: req.priceBasis,
    dataSource: provider.description,
    options,
  });
  if (report.baskets.every((b) => b.return === null)) {
    const found = [...history.items.values()]
      .flatMap((s) => [s.days[0], s.days.at(-1)])
      .filter((d) => d !== undefined)
      .sort((a, b) => a - b)
      .map(fromDayNumber);
    const hint =
      found.length > 0
        ? `the closes found run from ${found[0]} to ${found.at(-1)}; a return needs a close before ${window.from} and one after it`
        : `no close at all from ${window.historyStart} to ${window.asOf}`;
    throw new MarketDataError(`no market data for any member from ${window.from} to ${window.asOf} (${provider.description}): ${hint}`);
  }
  return { report, incomplete: req.strict ? incompleteIn(report) : null };
}

/** The --strict failure of a report some member is left out of for want of data; null when every member is in. */
function incompleteIn(report: Report): IncompleteDataError | null {
  const missing = report.baskets.flatMap((b) => b.members.filter((m) => !m.included).map((m) => `${m.symbol} (${b.id})`));
  if (missing.length === 0) return null;
  return new IncompleteDataError(`--strict: ${missing.length} member${missing.length > 1 ? 's have' : ' has'} no usable data: ${missing.join(', ')}`);
}

export async function runBaskets(ctx: Context): Promise<Catalog> {
  return loadCatalog(ctx.config);
}

export interface SnapshotRequest extends WindowOptions {
  readonly baskets: readonly string[];
  readonly data: string;
  /** Also freeze the FX series a later `compare --currency` in this currency needs. */
  readonly currency?: string | null;
  /** The offline data directory to write (replaced atomically); without one, the snapshot is gathered and returned only. */
  readonly out?: SnapshotTarget;
}

export interface SnapshotTarget {
  /** An absolute path. */
  readonly dir: string;
  /** Replace a directory that exists and is not empty. */
  readonly force: boolean;
}

export interface Snapshot {
  readonly window: Window;
  readonly series: PriceSeries[];
  readonly quotes: Quote[];
  readonly issues: SymbolIssue[];
}

/**
 * Everything a later offline `compare` of the same baskets and window needs:
 * the history of members and benchmarks, and the members' quotes; written
 * to `req.out` when given.
 */
export async function runSnapshot(req: SnapshotRequest, ctx: Context): Promise<Snapshot> {
  const baskets = await chooseBaskets(ctx, req.baskets);
  const window = decideWindow(req, ctx.now);
  const provider = await ctx.openProvider(req.data);
  const { symbols, members, history, quotes, fx } = await fetchMarketData(provider, baskets, window.historyStart, window.asOf, req.currency ?? null, ctx.onProgress);
  const series = [...symbols.flatMap((s) => history.items.get(s) ?? []), ...[...fx.pairs.values()].flatMap((p) => p.rates?.series ?? [])];
  if (series.length === 0) {
    throw new MarketDataError(`no market data for any symbol from ${window.historyStart} to ${window.asOf} (${provider.description})`);
  }
  // the offline format keeps currencies in quotes.csv: give benchmarks and FX series a row too
  const memberQuotes = members.flatMap((s) => [...(quotes.items.get(s) ?? [])]);
  const quoted = new Set(memberQuotes.map((q) => q.symbol));
  const currencyRows: Quote[] = series
    .filter((s) => !quoted.has(s.symbol) && s.currency !== null)
    .map((s) => quoteOf(s.symbol, { currency: s.currency }));
  const snapshot: Snapshot = {
    window,
    series,
    quotes: [...memberQuotes, ...currencyRows],
    issues: [...history.issues, ...quotes.issues, ...fx.issues],
  };
  if (req.out) {
    // the CSV writer only for the command that writes (a compare never loads it)
    const { writeDataDirectory } = await import('./providers/files/write.js');
    await writeDataDirectory(req.out.dir, snapshot.series, snapshot.quotes, { force: req.out.force });
  }
  return snapshot;
}
