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
import { startOfYear, toIsoDate } from './domain/calendar.js';
import type { IsoDate, SymbolIssue } from './domain/types.js';
import { ClaimsFileError, MarketDataError, UsageError } from './errors.js';
import { fetchFxData, fetchMarketData, type FxData } from './providers/market-data.js';
import { buildReport } from './report/build.js';
import { judgeClaim } from './report/check.js';
import type { CheckReport, ClaimResult, ClaimSettingsUsed } from './report/check-types.js';
import { mergeQuoteNotes } from './report/quotes.js';
import { fetchQuoteCloses, historyStartOf, toOptions, type CompareRequest, type Context } from './run.js';
import type { ReportOptions } from './report/options.js';
import { currencyIn } from './domain/quote.js';

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
  readonly options: ReportOptions & { readonly asOf: IsoDate };
}

const where = (c: Claim) => JSON.stringify(c.id);

/**
 * The claim's request: each setting the claim's own, else the file's
 * default, else the command line's (what none gives, basket's default:
 * run.ts toOptions); its window from the claim's period, or `from`, or 1
 * January of the as-of year.
 */
function settle(claim: Claim, baskets: readonly BasketDef[], file: ClaimsFile, req: CheckRequest, now: () => Date): Settled {
  const cli = req.commandLine;
  const pick = <K extends keyof ClaimSettings>(k: K): ClaimSettings[K] => (claim.settings[k] !== undefined ? claim.settings[k] : file.defaults[k]);
  const asOf = pick('asOf') ?? cli.asOf ?? toIsoDate(now());
  const stated = pick('from');
  const from = claim.period !== null ? periodFrom(claim.period, asOf) : (stated ?? cli.from ?? startOfYear(asOf));
  if (from > asOf) {
    if (claim.period === null && stated === undefined && cli.from !== undefined) throw new UsageError(`--from ${from} is after the as-of date ${asOf} of claim ${where(claim)}`);
    const field = claim.settings.from !== undefined ? 'from' : file.defaults.from !== undefined ? 'defaults.from' : 'as-of';
    throw new ClaimsFileError(file.file, where(claim), field, `from ${from} is after as-of ${asOf}`);
  }
  const currency = pick('currency');
  const priceReturn = pick('priceReturn');
  const request: CompareRequest = {
    ...cli,
    baskets: baskets.map((b) => b.id),
    data: req.data,
    from,
    asOf,
    priceBasis: priceReturn !== undefined ? (priceReturn ? 'close' : 'adjusted') : cli.priceBasis,
    currency: currency !== undefined ? currency : (cli.currency ?? null),
    weights: pick('weights') ?? cli.weights,
    rebalance: pick('rebalance') ?? cli.rebalance,
    peMethod: pick('peMethod') ?? cli.peMethod,
    negativePE: pick('negativePE') ?? cli.negativePE,
    periods: [],
    pointInTime: pick('pointInTime') ?? cli.pointInTime,
    maxQuoteAgeDays: pick('maxQuoteAge') ?? cli.maxQuoteAgeDays,
    peAt: pick('peAt') ?? cli.peAt,
    lookback: pick('lookback') ?? cli.lookback ?? null,
    levels: false,
    explain: true,
  };
  let options: ReportOptions;
  try {
    options = toOptions(request, baskets);
  } catch (err) {
    if (err instanceof UsageError) throw new ClaimsFileError(file.file, where(claim), 'weights', err.message);
    throw err;
  }
  const settings: ClaimSettingsUsed = {
    asOf,
    from,
    currency: options.currency,
    weights: options.weights,
    rebalance: options.rebalance,
    peMethod: options.peMethod,
    negativePE: options.negativePE,
    lookback: options.lookback,
    priceBasis: request.priceBasis,
    pointInTime: options.pointInTime,
    maxQuoteAgeDays: options.maxQuoteAgeDays,
    minCoverage: pick('minCoverage') ?? req.minCoverage ?? DEFAULT_MIN_COVERAGE,
    peAt: options.peAt,
  };
  return { claim, baskets, settings, request, options: { ...options, asOf } };
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

const min = (xs: readonly IsoDate[]) => xs.reduce((a, b) => (b < a ? b : a));
const max = (xs: readonly IsoDate[]) => xs.reduce((a, b) => (b > a ? b : a));

export async function runCheck(req: CheckRequest, ctx: Context): Promise<{ check: CheckReport; issues: SymbolIssue[] }> {
  const file = await loadClaims(req.file);
  const catalog = await loadCatalog(ctx.config);
  const settled: Settled[] = [];
  for (const claim of file.claims) {
    settled.push(settle(claim, await basketsOf(claim, catalog, req.file), file, req, ctx.now));
  }
  const unknownIds = Array.isArray(req.explain) ? req.explain.filter((id) => !file.claims.some((c) => c.id === id)) : [];
  if (unknownIds.length > 0) throw new UsageError(`--explain: no claim ${unknownIds.map((id) => JSON.stringify(id)).join(', ')} in ${req.shownFile} (its claims: ${file.claims.map((c) => c.id).join(', ')})`);

  // every basket once, every window within one history
  const defs = [...new Map(settled.flatMap((s) => s.baskets.map((b) => [b.id, b] as const))).values()];
  const start = min(settled.map((s) => historyStartOf(s.settings.from, s.settings.asOf, s.options)));
  const end = max(settled.map((s) => s.settings.asOf));
  const currencies = [...new Set(settled.flatMap((s) => (s.settings.currency === null ? [] : [s.settings.currency])))];
  const provider = await ctx.openProvider(req.data);
  const data = await fetchMarketData(provider, defs, start, end, currencies[0] ?? null, ctx.onProgress);
  if (data.history.items.size === 0) throw new MarketDataError(`no market data for any symbol of the claims from ${start} to ${end} (${provider.description})`);
  const symbolCurrency = (s: string) => currencyIn(data.quotes.items.get(s) ?? []) ?? data.history.items.get(s)?.currency ?? null;
  const fx = new Map<string, FxData>(currencies[0] === undefined ? [] : [[currencies[0], data.fx]]);
  for (const c of currencies.slice(1)) fx.set(c, await fetchFxData(provider, c, start, end, data.symbols.map(symbolCurrency)));
  const quoteCloses = await fetchQuoteCloses(provider, data.quotes.items, data.members, start, settled.map((s) => s.options));

  const providerIssues = [...data.history.issues, ...data.quotes.issues, ...[...fx.values()].flatMap((f) => f.issues)];
  const reports = new Map<string, ReturnType<typeof buildReport>>();
  const claims: ClaimResult[] = settled.map((s) => {
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
        options: s.options,
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
