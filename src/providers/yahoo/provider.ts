/**
 * The Yahoo Finance provider: the only module that imports yahoo-finance2,
 * and only when a Yahoo run starts (so --help and offline runs never load it).
 *   chart()  daily history, one request per symbol, run concurrently; an FX
 *            pair's two directions (fx-symbols.ts) asked for together;
 *   quote()  quotes in batches of at most QUOTE_BATCH symbols; a symbol missing
 *            from a multi-symbol answer is asked for once more, alone;
 *   search() symbol look-up, and the closest match for an unknown symbol.
 * Requests go through a gate (gate.ts) that bounds them and lets the quote's
 * handshake pass the charts, then through a fetch with a time limit and
 * retries (fetch.ts); the session (cookies and crumb) is kept between runs
 * when a file is given (session.ts); failures.ts says what a failure means.
 */
import type { IsoDate, PriceSeries, Quote, QuoteHistory, SymbolIssue } from '../../domain/types.js';
import { SourceUnavailableError } from '../../errors.js';
import { shiftDays } from '../../domain/calendar.js';
import { fxFromHistory, type HistoryRequest, type MarketDataProvider, type SymbolMatch } from '../provider.js';
import { exchangeDays } from './exchange-days.js';
import { classifyYahooError, isRefusedSession, suggestionFor } from './failures.js';
import { DEFAULT_RETRY, guardFetch, REQUEST_TIMEOUT_MS, type RetryPolicy } from './fetch.js';
import { fxSymbols, isFxSymbol } from './fx-symbols.js';
import { gatedFetch, RequestGate } from './gate.js';
import { openSession } from './session.js';
import { warmUpWhenIdle } from './warm-up.js';
import { toPriceSeries, toQuote, toSymbolMatches, type ChartLike, type QuoteLike, type SearchQuoteLike } from './transform.js';

// how requests are tried again is one of the provider's options
export { DEFAULT_RETRY, type RetryPolicy } from './fetch.js';

/** Yahoo's v7 quote endpoint takes at most this many symbols per request. */
export const QUOTE_BATCH = 100;
/**
 * Chart (and search) requests in flight at once: enough to hide latency, few
 * enough for Yahoo not to answer HTTP 429 (see gate.ts and the README).
 */
export const CONCURRENCY = 8;
/** Slots of their own for the cookie/crumb handshake and quotes, so they never wait behind charts. */
export const PRIORITY_SLOTS = 1;
/** How many search results a suggestion looks at. */
const SUGGESTION_RESULTS = 5;

export interface YahooProviderOptions {
  /** The HTTP seam: tests inject a replaying fetch; default the global fetch. */
  readonly fetch?: typeof fetch;
  /** Where yahoo-finance2's own log lines go (never stdout). */
  readonly log: (line: string) => void;
  readonly verbose: boolean;
  /** Per-request time limit; default REQUEST_TIMEOUT_MS. */
  readonly requestTimeoutMs?: number;
  /** How failed requests are tried again; default DEFAULT_RETRY. */
  readonly retry?: RetryPolicy;
  /** Where yahoo-finance2's cookies and crumb are kept between runs (see session.ts); none: a new session every run. */
  readonly sessionFile?: string | null;
  /** basket's own warnings (an unusable saved session); default `log`. */
  readonly warn?: (line: string) => void;
  /** Where saving the session goes to finish (see cli.ts: before the process ends); without it, quotes wait for it. */
  readonly later?: (work: Promise<void>) => void;
}

export async function openYahooProvider(options: YahooProviderOptions): Promise<MarketDataProvider> {
  // yahoo-finance2 and tough-cookie are some 450 kB of JavaScript to compile before the first request can go
  // out: Node's compile cache (its own directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off) keeps V8's code for
  // them between runs, which a live run's first request then waits on ~15 ms less. Not for start-up: for
  // basket's own small modules, looking the cache up costs more than it saves.
  (process.getBuiltinModule('node:module') as typeof import('node:module')).enableCompileCache?.();
  // a client with only the modules basket calls: half the loading time of the whole library
  const [{ default: createYahooFinance }, { default: chartModule }, { default: quoteModule }, { default: searchModule }, { ExtendedCookieJar }] = await Promise.all([
    import('yahoo-finance2/createYahooFinance'),
    import('yahoo-finance2/modules/chart'),
    import('yahoo-finance2/modules/quote'),
    import('yahoo-finance2/modules/search'),
    import('yahoo-finance2/lib/cookieJar'),
  ]);
  const YahooFinance = createYahooFinance({ modules: { chart: chartModule, quote: quoteModule, search: searchModule } });
  const session = await openSession(options.sessionFile ?? null, () => new ExtendedCookieJar(), options.warn ?? options.log);
  warmUpWhenIdle(() => new ExtendedCookieJar());
  const say = (...args: unknown[]) => options.log(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  const quiet = () => {};
  const timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // aborted when the history fails as a whole: requests still queued or waiting to retry stop at once
  const failed = new AbortController();
  const guarded = guardFetch(() => options.fetch ?? globalThis.fetch, timeoutMs, options.retry ?? DEFAULT_RETRY, failed.signal);
  const gate = new RequestGate(CONCURRENCY, PRIORITY_SLOTS);
  const days = exchangeDays();
  const yf = new YahooFinance({
    fetch: gatedFetch(gate, guarded),
    cookieJar: session.jar,
    logger: { info: options.verbose ? say : quiet, warn: say, error: say, debug: quiet, dir: quiet },
    suppressNotices: ['yahooSurvey'],
    versionCheck: false,
    validation: { logErrors: options.verbose, logOptionsErrors: true },
    // the gate bounds the requests; yahoo-finance2's own first-come queue would put the quote's handshake behind every chart
    queue: { concurrency: Number.MAX_SAFE_INTEGER },
  });

  /**
   * A failure of Yahoo as a whole stops the call (a cache may stand in); one of
   * a symbol becomes its note. `stopAll`: also stop every other request.
   */
  const classify = (err: unknown, stopAll = false) => {
    if (err instanceof SourceUnavailableError) throw err;
    const failure = classifyYahooError(err, timeoutMs);
    if (failure.scope === 'all') {
      const unavailable = new SourceUnavailableError(failure.reason, { advice: failure.advice, cause: err });
      if (stopAll) failed.abort(unavailable);
      throw unavailable;
    }
    return failure;
  };

  const search = async (query: string, limit = SUGGESTION_RESULTS): Promise<SymbolMatch[]> => {
    try {
      const answer = (await yf.search(query, { quotesCount: limit, newsCount: 0 })) as { quotes?: SearchQuoteLike[] };
      return toSymbolMatches(answer.quotes ?? []).slice(0, limit);
    } catch (err) {
      classify(err);
      return [];
    }
  };

  /** What Yahoo search offers instead of a symbol it has no data for (FX pairs are not searched: their inverse is tried). */
  const suggest = async (symbol: string): Promise<string> => {
    if (isFxSymbol(symbol)) return '';
    try {
      return suggestionFor(symbol, await search(symbol));
    } catch {
      return ''; // a suggestion is a courtesy: its failure changes nothing
    }
  };

  // a saved crumb Yahoo no longer takes: forget the session (once) and ask again with a new one
  let renewal: Promise<void> | null = null;
  const quoteBatch = async (batch: readonly string[], again = false): Promise<{ quotes: QuoteLike[]; failure: string | null }> => {
    try {
      return { quotes: (await yf.quote([...batch], { return: 'array' })) as QuoteLike[], failure: null };
    } catch (err) {
      if (!again && session.fromFile && isRefusedSession(err)) {
        await (renewal ??= session.forget());
        return quoteBatch(batch, true);
      }
      return { quotes: [], failure: classify(err).message };
    }
  };

  /** One symbol's daily closes in [start, end], or the notes saying why there are none. */
  const fetchChart = async (symbol: string, start: IsoDate, end: IsoDate, withSuggestion: boolean): Promise<{ series?: PriceSeries; issues: SymbolIssue[] }> => {
    let chart: ChartLike;
    try {
      // period2 is exclusive and read as UTC midnight: the day after `end` keeps end's session.
      chart = (await yf.chart(symbol, { period1: start, period2: shiftDays(end, 1), interval: '1d' })) as ChartLike;
    } catch (err) {
      const failure = classify(err, true);
      const hint = failure.code === 'no-data' && withSuggestion ? await suggest(symbol) : '';
      const issue: SymbolIssue = { symbol, code: failure.code, message: failure.message + hint };
      return { issues: [failure.code === 'no-data' ? { ...issue, unknownSymbol: true } : issue] };
    }
    const parsed = toPriceSeries(symbol, chart, start, end, days);
    if (parsed.series.days.length === 0) {
      const none: SymbolIssue = { symbol, code: 'no-data', message: `Yahoo Finance has no daily closes from ${start} to ${end}` };
      return { issues: [...parsed.issues, none] };
    }
    return parsed;
  };

  const provider: MarketDataProvider = {
    description: 'yahoo',
    fxNames: fxSymbols,
    search,

    async fetchHistory({ symbols, start, end, onProgress, onCurrency, suggest: withSuggestion = true }: HistoryRequest) {
      let done = 0;
      const answer = async (symbol: string) => {
        const a = await fetchChart(symbol, start, end, withSuggestion);
        if (a.series?.currency) onCurrency?.(symbol, a.series.currency);
        onProgress?.(++done, symbols.length, symbol);
        return a;
      };
      // requests run concurrently; answers are assembled in request order, so output is stable
      const answers = await Promise.all(symbols.map(answer));
      const items = new Map<string, PriceSeries>();
      answers.forEach((a, i) => a.series && items.set(symbols[i] as string, a.series));
      return { items, issues: answers.flatMap((a) => a.issues) };
    },

    async fetchQuotes(symbols: readonly string[]) {
      const wanted = [...new Set(symbols)].sort();
      const batches: string[][] = [];
      for (let i = 0; i < wanted.length; i += QUOTE_BATCH) batches.push(wanted.slice(i, i + QUOTE_BATCH));
      const failed = new Map<string, string>(); // symbol → why its request failed
      const items = new Map<string, Quote>();
      const take = (batch: readonly string[], answer: { quotes: QuoteLike[]; failure: string | null }) => {
        const asked = new Set(batch);
        for (const raw of answer.quotes) {
          const quote = toQuote(raw, days);
          if (asked.has(quote.symbol)) items.set(quote.symbol, quote);
        }
        for (const symbol of batch) if (answer.failure !== null && !items.has(symbol)) failed.set(symbol, answer.failure);
      };
      const answers = await Promise.all(batches.map((batch) => quoteBatch(batch)));
      answers.forEach((answer, i) => take(batches[i] as string[], answer));
      // Yahoo sometimes drops a symbol from a multi-symbol answer: ask once more for each, alone
      const dropped = batches.flatMap((batch, i) => (batch.length > 1 && answers[i]?.failure === null ? batch.filter((s) => !items.has(s)) : []));
      const again = await Promise.all(dropped.map((symbol) => quoteBatch([symbol])));
      again.forEach((answer, i) => take([dropped[i] as string], answer));
      if (options.later) options.later(session.save());
      else await session.save();
      const askedAlone = new Set(dropped);
      const issues: SymbolIssue[] = wanted
        .filter((symbol) => !items.has(symbol))
        .map((symbol) => ({
          symbol,
          code: 'no-quote',
          message: failed.has(symbol)
            ? `no quote: ${failed.get(symbol)}`
            : `Yahoo Finance returned no quote${askedAlone.has(symbol) ? ', also when asked for it alone' : ''} (unknown or delisted symbol?)`,
        }));
      return { items: new Map([...items].map(([symbol, quote]) => [symbol, [quote] as QuoteHistory])), issues };
    },

    fetchFx: (request) => fxFromHistory(provider, request),
  };
  return provider;
}
