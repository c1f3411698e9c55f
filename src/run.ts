/**
 * The orchestrator. Every command runs the same one-way pipeline:
 *   1. config    load the catalog (presets + config file) and pick the baskets
 *   2. window    decide the period [from, asOf] and the history to fetch
 *   3. provider  fetch history and quotes (the only I/O besides config)
 *   4. analytics + report   compute every figure into one Report
 * Rendering and exit codes belong to the CLI.
 */
import { shiftDays, startOfYear, toIsoDate, isIsoDate } from './analytics/calendar.js';
import type { BasketDef } from './config/basket.js';
import { loadCatalog, selectBaskets, type Catalog, type ConfigLocation } from './config/load.js';
import { DEFAULT_BASKETS } from './config/presets.js';
import type { IsoDate, PriceSeries, Quote, SymbolIssue } from './domain/types.js';
import { MarketDataError, UsageError } from './errors.js';
import type { MarketDataProvider } from './providers/provider.js';
import { buildReport } from './report/build.js';
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

const unique = (xs: readonly string[]) => [...new Set(xs)];

export interface CompareRequest extends WindowOptions {
  readonly baskets: readonly string[];
  readonly data: string;
  readonly priceBasis: PriceBasis;
}

export async function runCompare(req: CompareRequest, ctx: Context): Promise<Report> {
  const baskets = await chooseBaskets(ctx, req.baskets);
  const window = decideWindow(req, ctx.now);
  const provider = await ctx.openProvider(req.data);
  const symbols = unique(baskets.flatMap((b) => b.symbols));
  const [history, quotes] = await Promise.all([
    provider.fetchHistory({ symbols, start: window.historyStart, end: window.asOf }),
    provider.fetchQuotes(symbols),
  ]);
  const report = buildReport({
    baskets,
    history: history.items,
    quotes: quotes.items,
    providerIssues: [...history.issues, ...quotes.issues],
    from: window.from,
    asOf: window.asOf,
    priceBasis: req.priceBasis,
    dataSource: provider.description,
  });
  if (report.baskets.every((b) => b.return === null)) {
    const found = [...history.items.values()].flatMap((s) => [s.dates[0], s.dates.at(-1)]).filter((d) => d !== undefined).sort();
    const hint =
      found.length > 0
        ? `the closes found run from ${found[0]} to ${found.at(-1)}; a return needs a close before ${window.from} and one after it`
        : `no close at all from ${window.historyStart} to ${window.asOf}`;
    throw new MarketDataError(`no market data for any member from ${window.from} to ${window.asOf} (${provider.description}): ${hint}`);
  }
  return report;
}

export async function runBaskets(ctx: Context): Promise<Catalog> {
  return loadCatalog(ctx.config);
}

export interface SnapshotRequest extends WindowOptions {
  readonly baskets: readonly string[];
  readonly data: string;
}

export interface Snapshot {
  readonly window: Window;
  readonly series: PriceSeries[];
  readonly quotes: Quote[];
  readonly issues: SymbolIssue[];
}

/**
 * Everything a later offline `compare` of the same baskets and window needs:
 * the history of members and benchmarks, and the members' quotes.
 */
export async function runSnapshot(req: SnapshotRequest, ctx: Context): Promise<Snapshot> {
  const baskets = await chooseBaskets(ctx, req.baskets);
  const window = decideWindow(req, ctx.now);
  const provider = await ctx.openProvider(req.data);
  const members = unique(baskets.flatMap((b) => b.symbols));
  const symbols = unique([...members, ...baskets.flatMap((b) => (b.benchmark ? [b.benchmark] : []))]);
  const [history, quotes] = await Promise.all([
    provider.fetchHistory({ symbols, start: window.historyStart, end: window.asOf }),
    provider.fetchQuotes(members),
  ]);
  const series = symbols.flatMap((s) => history.items.get(s) ?? []);
  if (series.length === 0) {
    throw new MarketDataError(`no market data for any symbol from ${window.historyStart} to ${window.asOf} (${provider.description})`);
  }
  return {
    window,
    series,
    quotes: members.flatMap((s) => quotes.items.get(s) ?? []),
    issues: [...history.issues, ...quotes.issues],
  };
}
