/**
 * Stage 3 of the pipeline (run.ts): the market data of some baskets, in one
 * round. Quotes are asked for first (their cookie/crumb handshake and the
 * quote are three round trips one after the other, and run beside the
 * charts); history of members and benchmarks at the same time; and, with a
 * report currency, each FX pair as soon as some symbol's currency is known
 * (a cached entry, a chart, a quote), instead of after everything else.
 */
import { currencyIn } from '../domain/quote.js';
import type { FxPair, IsoDate, PriceSeries, ProviderResult, QuoteHistory, SymbolIssue } from '../domain/types.js';
import { SourceUnavailableError } from '../errors.js';
import { unavailableWhy, type FxAnswer, type HistoryRequest, type MarketDataProvider, type ProgressSink } from './provider.js';


/** What a basket asks of the source: its members and its benchmarks (first choice first). */
export interface Wanted {
  readonly symbols: readonly string[];
  readonly benchmarks: readonly string[];
}

const unique = (xs: readonly string[]) => [...new Set(xs)];

export interface FxData {
  /** Each symbol currency's pair into the report currency, by that currency. */
  readonly pairs: ReadonlyMap<string, FxPair>;
  readonly issues: readonly SymbolIssue[];
}

const NO_FX: FxData = { pairs: new Map(), issues: [] };

/**
 * FX for a report currency, fetched beside the history: `want` starts a
 * currency's pair the first time that currency is seen (a cached entry, a
 * chart, a quote), and `settle` keeps the pairs the symbols' final
 * currencies need (the quote's where known, else the series'), fetching any
 * not started yet; a pair started for a currency no symbol ends up with is
 * dropped. When the source is unreachable for some pairs but not all, the
 * missing ones become notes; for all of them, the error stands.
 */
function startFx(provider: MarketDataProvider, currency: string, start: IsoDate, end: IsoDate) {
  const asked = new Map<string, Promise<FxAnswer>>();
  const want = (from: string | null) => {
    if (from === null || from === currency || asked.has(from)) return;
    const answer = provider.fetchFx({ from, to: currency, start, end });
    answer.catch(() => undefined); // settled in `settle`; until then a failure is not an unhandled rejection
    asked.set(from, answer);
  };
  const settle = async (symbolCurrencies: readonly (string | null)[]): Promise<FxData> => {
    symbolCurrencies.forEach(want);
    const needed = unique(symbolCurrencies.flatMap((c) => (c === null || c === currency ? [] : [c])));
    const keys = [...asked.keys()];
    // every pair this run started is over before the run goes on
    const done = new Map((await Promise.allSettled(asked.values())).map((r, i) => [keys[i] as string, r]));
    const results = needed.map((c) => done.get(c) as PromiseSettledResult<FxAnswer>);
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    const bug = failures.find((e) => !(e instanceof SourceUnavailableError));
    if (bug !== undefined) throw bug;
    if (failures.length > 0 && failures.length === results.length) throw failures[0];
    const pairs = new Map<string, FxPair>();
    const issues: SymbolIssue[] = [];
    results.forEach((r, i) => {
      const from = needed[i] as string;
      const names = provider.fxNames(from, currency);
      if (r.status === 'fulfilled') {
        pairs.set(from, { names, rates: r.value.rates });
        issues.push(...r.value.issues);
        return;
      }
      pairs.set(from, { names, rates: null });
      const why = unavailableWhy(provider.description, r.reason as SourceUnavailableError);
      for (const symbol of names) issues.push({ symbol, code: 'no-data', message: why });
    });
    return { pairs, issues };
  };
  return { want, settle };
}

/**
 * The history of members and benchmarks as one request would give it (items,
 * and notes in the order members, then benchmarks), but with the benchmarks
 * asked for first: a benchmark the source does not have (an index Yahoo
 * lacks) leads to a search for a suggestion, a round trip that would
 * otherwise start only after every member's chart and end the run late.
 * When both fail, the members' failure is the one reported, as before.
 */
async function fetchHistory(
  provider: MarketDataProvider,
  members: readonly string[],
  benchmarks: { readonly first: readonly string[]; readonly fallbacks: readonly string[] },
  request: Omit<HistoryRequest, 'symbols' | 'onProgress'>,
  onProgress?: ProgressSink,
): Promise<ProviderResult<PriceSeries>> {
  const total = members.length + benchmarks.first.length + benchmarks.fallbacks.length;
  let done = 0;
  const counted = onProgress ? { onProgress: (_: number, __: number, symbol: string) => onProgress(++done, total, symbol) } : {};
  const ask = (symbols: readonly string[], more: Partial<HistoryRequest> = {}): Promise<ProviderResult<PriceSeries>> =>
    symbols.length === 0 ? Promise.resolve({ items: new Map(), issues: [] }) : provider.fetchHistory({ ...request, ...more, symbols, ...counted });
  // one wave: the first choices, their fallbacks (no suggestion looked up for one Yahoo lacks), the members
  const [ofFirst, ofFallbacks, ofMembers] = await Promise.allSettled([ask(benchmarks.first), ask(benchmarks.fallbacks, { suggest: false }), ask(members)]);
  if (ofMembers.status === 'rejected') throw ofMembers.reason;
  if (ofFirst.status === 'rejected') throw ofFirst.reason;
  // fallbacks the source could not be asked for (none in the cache, Yahoo out of reach) are notes, not the run's end
  if (ofFallbacks.status === 'rejected' && !(ofFallbacks.reason instanceof SourceUnavailableError)) throw ofFallbacks.reason;
  const fallbacks: ProviderResult<PriceSeries> =
    ofFallbacks.status === 'fulfilled'
      ? ofFallbacks.value
      : { items: new Map(), issues: benchmarks.fallbacks.map((symbol): SymbolIssue => ({ symbol, code: 'no-data', message: unavailableWhy(provider.description, ofFallbacks.reason) })) };
  const parts = [ofMembers.value, ofFirst.value, fallbacks];
  return { items: new Map(parts.flatMap((p) => [...p.items])), issues: parts.flatMap((p) => p.issues) };
}

export interface MarketData {
  /** Members, then benchmarks, each once. */
  readonly symbols: readonly string[];
  readonly members: readonly string[];
  readonly history: ProviderResult<PriceSeries>;
  readonly quotes: ProviderResult<QuoteHistory>;
  /** FX series for --currency (none without it). */
  readonly fx: FxData;
}

/**
 * One round: quotes of members, history of members and benchmarks and, with a
 * report currency, the FX series their currencies need, each pair started as
 * soon as a currency is known.
 */
export async function fetchMarketData(
  provider: MarketDataProvider,
  baskets: readonly Wanted[],
  start: IsoDate,
  end: IsoDate,
  currency: string | null,
  onProgress?: ProgressSink,
): Promise<MarketData> {
  const members = unique(baskets.flatMap((b) => b.symbols));
  const symbols = unique([...members, ...baskets.flatMap((b) => b.benchmarks)]);
  const fx = currency ? startFx(provider, currency, start, end) : null;
  // quotes first: the handshake's requests are then the first in line
  const quoting = provider.fetchQuotes(members).then((q) => {
    for (const quotes of q.items.values()) fx?.want(currencyIn(quotes));
    return q;
  });
  const memberSet = new Set(members);
  const firstChoices = new Set(baskets.flatMap((b) => b.benchmarks.slice(0, 1)));
  const benchmarks = symbols.filter((s) => !memberSet.has(s));
  const split = { first: benchmarks.filter((s) => firstChoices.has(s)), fallbacks: benchmarks.filter((s) => !firstChoices.has(s)) };
  const fetching = fetchHistory(provider, members, split, { start, end, ...(fx ? { onCurrency: (_: string, c: string) => fx.want(c) } : {}) }, onProgress);
  const [history, quotes] = await Promise.all([fetching, quoting]);
  const currencyOf = (s: string) => currencyIn(quotes.items.get(s) ?? []) ?? history.items.get(s)?.currency ?? null;
  return { symbols, members, history, quotes, fx: fx ? await fx.settle(symbols.map(currencyOf)) : NO_FX };
}

/**
 * FX into one more report currency, for symbols whose currencies are known
 * (a run that reports in several currencies, such as `check`'s claims).
 */
export function fetchFxData(provider: MarketDataProvider, currency: string, start: IsoDate, end: IsoDate, symbolCurrencies: readonly (string | null)[]): Promise<FxData> {
  return startFx(provider, currency, start, end).settle(symbolCurrencies);
}
