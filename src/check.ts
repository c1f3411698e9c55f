/**
 * The orchestrator of `basket check`: a claims file's claims, each judged on
 * the figure basket computes for it, through the same pipeline as compare:
 *   1. claims    read the file (config/claims.ts); settle each claim's
 *                settings (the claim's own, else the file's defaults, else the
 *                command line's, else basket's) and baskets
 *   2. window    every claim's window; the history to fetch spans them all
 *   3. provider  quotes, history and FX for every claim in one round: each
 *                series is fetched once, however many claims use it
 *   4. report    one report per distinct set of baskets and settings, built
 *                with its inputs; each claim judged on its own (report/check.ts)
 */
import path from 'node:path';
import { periodFrom } from './analytics/periods.js';
import type { BasketDef } from './config/basket.js';
import { loadClaims, type Claim, type ClaimSettings, type ClaimsFile } from './config/claims.js';
import { loadCatalog, selectBaskets, type Catalog } from './config/load.js';
import { shiftDays, startOfYear, toIsoDate } from './domain/calendar.js';
import type { IsoDate, SymbolIssue } from './domain/types.js';
import { ClaimsFileError, MarketDataError, UsageError } from './errors.js';
import { fetchFxData, fetchMarketData, type FxData } from './providers/market-data.js';
import { buildReport } from './report/build.js';
import { judgeClaim } from './report/check.js';
import type { CheckReport, ClaimResult, ClaimSettingsUsed } from './report/check-types.js';
import { lookbackStartOf } from './report/highs.js';
import { mergeQuoteNotes } from './report/quotes.js';
import { fetchQuoteCloses, START_LOOKBACK_DAYS, toOptions, type CompareRequest, type Context } from './run.js';

/** Default of --min-coverage: a basket P/E over fewer than half its members cannot check a claim. */
export const DEFAULT_MIN_COVERAGE = 0.5;

export interface CheckRequest {
  /** The claims file, absolute. */
  readonly file: string;
  /** How the file is named on the command line (for messages and the output). */
  readonly shownFile: string;
  readonly data: string;
  /** The command line's analysis settings (its defaults included): what a claim and the file's defaults leave open. */
  readonly commandLine: Omit<CompareRequest, 'baskets' | 'data'>;
  readonly minCoverage?: number;
  /** Put each claim's inputs in the result: `true` for all, or the ids of some. */
  readonly explain: boolean | readonly string[];
}

/** One claim ready to compute: its baskets and every setting settled. */
interface Settled {
  readonly claim: Claim;
  readonly baskets: readonly BasketDef[];
  readonly settings: ClaimSettingsUsed;
  readonly request: CompareRequest;
}

const where = (c: Claim) => JSON.stringify(c.id);

/** The claim's own setting, else the file's default, else the command line's. */
function settle(claim: Claim, file: ClaimsFile, cli: CheckRequest['commandLine'], minCoverage: number, now: () => Date): ClaimSettingsUsed {
  const pick = <K extends keyof ClaimSettings>(k: K): ClaimSettings[K] => (claim.settings[k] !== undefined ? claim.settings[k] : file.defaults[k]);
  const asOf = pick('asOf') ?? cli.asOf ?? toIsoDate(now());
  const stated = pick('from') ?? cli.from;
  const from = claim.period !== null ? periodFrom(claim.period, asOf) : (stated ?? startOfYear(asOf));
  if (from > asOf) throw new ClaimsFileError(file.file, where(claim), claim.settings.from !== undefined ? 'from' : 'as-of', `from ${from} is after as-of ${asOf}`);
  const currency = pick('currency');
  const priceReturn = pick('priceReturn');
  return {
    asOf,
    from,
    currency: currency !== undefined ? currency : (cli.currency ?? null),
    weights: pick('weights') ?? (cli.weights === 'all' || cli.weights === undefined ? 'equal' : cli.weights),
    rebalance: pick('rebalance') ?? cli.rebalance ?? 'none',
    peMethod: pick('peMethod') ?? (cli.peMethod === 'all' || cli.peMethod === undefined ? 'harmonic' : cli.peMethod),
    negativePE: pick('negativePE') ?? cli.negativePE ?? 'exclude',
    lookback: pick('lookback') ?? cli.lookback ?? null,
    priceBasis: priceReturn !== undefined ? (priceReturn ? 'close' : 'adjusted') : cli.priceBasis,
    pointInTime: pick('pointInTime') ?? cli.pointInTime ?? 'flag',
    maxQuoteAgeDays: pick('maxQuoteAge') ?? cli.maxQuoteAgeDays ?? 31,
    minCoverage: pick('minCoverage') ?? minCoverage,
    peAt: pick('peAt') ?? cli.peAt ?? 'quote-date',
  };
}

/** A claim's baskets: its subject (a basket, or a symbol as a basket of one) and what it is measured against. */
async function basketsOf(claim: Claim, catalog: Catalog, file: string): Promise<BasketDef[]> {
  const dir = path.dirname(file);
  const one = async (name: string, field: string): Promise<BasketDef> => {
    try {
      const [def, ...more] = await selectBaskets(catalog, [name], dir);
      if (def === undefined || more.length > 0) throw new UsageError(`${name} holds ${more.length + 1} baskets: name one by its id`);
      return def;
    } catch (err) {
      if (err instanceof UsageError) throw new ClaimsFileError(file, where(claim), field, err.message);
      throw err;
    }
  };
  const subject: BasketDef =
    claim.subject.kind === 'symbol'
      ? { id: claim.subject.symbol, name: claim.subject.symbol, symbols: [claim.subject.symbol], weights: null, benchmarks: [], source: 'claim' }
      : await one(claim.subject.basket, 'basket');
  if (claim.against === null) return [subject];
  const against = await one(claim.against, 'against');
  if (against.id === subject.id) throw new ClaimsFileError(file, where(claim), 'against', `a claim cannot measure ${subject.id} against itself`);
  return [subject, against];
}

function toRequest(baskets: readonly BasketDef[], s: ClaimSettingsUsed, cli: CheckRequest['commandLine'], data: string): CompareRequest {
  return {
    ...cli,
    baskets: baskets.map((b) => b.id),
    data,
    from: s.from,
    asOf: s.asOf,
    priceBasis: s.priceBasis,
    currency: s.currency,
    weights: s.weights,
    rebalance: s.rebalance,
    peMethod: s.peMethod,
    negativePE: s.negativePE,
    periods: [],
    pointInTime: s.pointInTime,
    maxQuoteAgeDays: s.maxQuoteAgeDays,
    peAt: s.peAt,
    lookback: s.lookback,
    levels: false,
    explain: true,
  };
}

/** The first history date a claim needs: its window's base, or its look-back's, less the days a holiday may span. */
function historyStartOf(s: ClaimSettingsUsed): IsoDate {
  const lookback = s.lookback === null ? null : lookbackStartOf(s.lookback, s.from);
  return shiftDays(lookback !== null && lookback < s.from ? lookback : s.from, -START_LOOKBACK_DAYS);
}

const min = (xs: readonly IsoDate[]) => xs.reduce((a, b) => (b < a ? b : a));
const max = (xs: readonly IsoDate[]) => xs.reduce((a, b) => (b > a ? b : a));

export async function runCheck(req: CheckRequest, ctx: Context): Promise<{ check: CheckReport; issues: SymbolIssue[] }> {
  const file = await loadClaims(req.file);
  const catalog = await loadCatalog(ctx.config);
  const settled: Settled[] = [];
  for (const claim of file.claims) {
    const baskets = await basketsOf(claim, catalog, req.file);
    const settings = settle(claim, file, req.commandLine, req.minCoverage ?? DEFAULT_MIN_COVERAGE, ctx.now);
    settled.push({ claim, baskets, settings, request: toRequest(baskets, settings, req.commandLine, req.data) });
  }
  const unknownIds = Array.isArray(req.explain) ? req.explain.filter((id) => !file.claims.some((c) => c.id === id)) : [];
  if (unknownIds.length > 0) throw new UsageError(`--explain: no claim ${unknownIds.map((id) => JSON.stringify(id)).join(', ')} in ${req.shownFile} (its claims: ${file.claims.map((c) => c.id).join(', ')})`);

  // every basket once, every window within one history
  const defs = [...new Map(settled.flatMap((s) => s.baskets.map((b) => [b.id, b] as const))).values()];
  const start = min(settled.map((s) => historyStartOf(s.settings)));
  const end = max(settled.map((s) => s.settings.asOf));
  const currencies = [...new Set(settled.flatMap((s) => (s.settings.currency === null ? [] : [s.settings.currency])))];
  const provider = await ctx.openProvider(req.data);
  const data = await fetchMarketData(provider, defs, start, end, currencies[0] ?? null, ctx.onProgress);
  if (data.history.items.size === 0) throw new MarketDataError(`no market data for any symbol of the claims from ${start} to ${end} (${provider.description})`);
  const symbolCurrency = (s: string) => data.history.items.get(s)?.currency ?? null;
  const fx = new Map<string, FxData>(currencies[0] === undefined ? [] : [[currencies[0], data.fx]]);
  for (const c of currencies.slice(1)) fx.set(c, await fetchFxData(provider, c, start, end, data.symbols.map(symbolCurrency)));
  const options = settled.map((s) => ({ ...toOptions(s.request, s.baskets), asOf: s.settings.asOf }));
  const quoteCloses = await fetchQuoteCloses(provider, data.quotes.items, data.members, start, options);

  const providerIssues = [...data.history.issues, ...data.quotes.issues, ...[...fx.values()].flatMap((f) => f.issues)];
  const reports = new Map<string, ReturnType<typeof buildReport>>();
  const claims: ClaimResult[] = settled.map((s, i) => {
    const key = JSON.stringify(s.request);
    let report = reports.get(key);
    if (report === undefined) {
      const symbols = new Set(s.baskets.flatMap((b) => [...b.symbols, ...b.benchmarks]));
      const pairs = s.settings.currency === null ? new Map() : (fx.get(s.settings.currency)?.pairs ?? new Map());
      report = buildReport({
        baskets: s.baskets,
        history: data.history.items,
        fx: pairs,
        quotes: data.quotes.items,
        quoteCloses,
        providerIssues: providerIssues.filter((x) => x.symbol === null || symbols.has(x.symbol) || [...pairs.values()].some((p) => p.names.includes(x.symbol as string))),
        from: s.settings.from,
        asOf: s.settings.asOf,
        priceBasis: s.settings.priceBasis,
        dataSource: provider.description,
        options: options[i] as (typeof options)[number],
      });
      reports.set(key, report);
    }
    const explain = req.explain === true || (Array.isArray(req.explain) && req.explain.includes(s.claim.id));
    return judgeClaim({ claim: s.claim, settings: s.settings, report, explain });
  });
  const count = (v: ClaimResult['verdict']) => claims.filter((c) => c.verdict === v).length;
  // one note for what several claims' reports each noted
  const issues = mergeQuoteNotes([...reports.values()].flatMap((r) => r.issues));
  return {
    check: { story: file.story, source: file.source, file: req.shownFile, dataSource: provider.description, claims, summary: { holds: count('holds'), doesNotHold: count('does-not-hold'), cannotCheck: count('cannot-check') } },
    issues,
  };
}
