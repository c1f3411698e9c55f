/**
 * The caching provider: answers from the on-disk cache what it can and asks
 * the source (Yahoo, opened only when needed) for the rest, writing what the
 * source sends back. Modes:
 *   default  use fresh entries, fetch missing ranges and the tail;
 *   refresh  ask the source for everything (and write it);
 *   offline  never ask the source: cached data only, whatever its age.
 * When the source cannot be reached at all, cached data stand in, each
 * symbol noted `stale-data` with the date it was fetched; with no history
 * cached, the source's error stands (quotes alone only become notes: the
 * returns do not need them).
 */
import { fromDayNumber } from '../../domain/calendar.js';
import { quotesInMajorUnits } from '../../domain/currency.js';
import type { DayNumber, IsoDate, PriceSeries, ProviderResult, QuoteHistory, SymbolIssue } from '../../domain/types.js';
import { SourceUnavailableError } from '../../errors.js';
import { fxFromHistory, sliceSeries, unavailableWhy, type HistoryRequest, type MarketDataProvider, type SymbolMatch } from '../provider.js';
import { entryInMajorUnits, entrySeries, isFresh, mergeHistory, planHistory, toEntry, toMissingEntry, type HistoryPlan } from './plan.js';
import { mergeQuotes, type CacheStore, type HistoryEntry, type QuoteEntry } from './store.js';

export type CacheMode = 'default' | 'refresh' | 'offline';

/** Quotes (and the unsettled tail of a history) are reused for this long by default. */
export const DEFAULT_MAX_AGE_MS = 15 * 60 * 1000;

export interface CachingOptions {
  readonly store: CacheStore;
  readonly mode: CacheMode;
  readonly maxAgeMs: number;
  readonly now: () => Date;
  /** Opens the source; called at most once, and only when something must be fetched. */
  readonly openSource: () => Promise<MarketDataProvider>;
  /** The source's name in reports, e.g. `yahoo`. */
  readonly sourceName: string;
  /**
   * The source's names of a currency pair's two series, direct first: the
   * cache keeps them as the source's other series, and must find them
   * without opening the source.
   */
  readonly fxNames: MarketDataProvider['fxNames'];
  /**
   * Where the cache writes of a fetch go to finish (see cli.ts: before the
   * process ends) while its answer goes on to the report; without it, an
   * answer waits for its writes.
   */
  readonly later?: (work: Promise<void>) => void;
}

/** `2025-03-09 12:00 UTC`: when cached data were fetched, as notes say it. */
export function fetchedLabel(instant: string): string {
  return `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;
}

/** Cache writes (each flushed to disk) running at once after a fetch: one at a time took longer than the fetch's last round trips. */
const WRITES_IN_FLIGHT = 16;

/** Lets up to `limit` writes run at once: `add` waits only when that many are running; `done` waits for all. */
function writesInFlight(limit: number) {
  const running = new Set<Promise<void>>();
  return {
    async add(write: Promise<void>): Promise<void> {
      const settled = write.finally(() => running.delete(settled));
      running.add(settled);
      if (running.size >= limit) await Promise.race(running);
    },
    done: () => Promise.all(running).then(() => undefined),
  };
}

export function openCachingProvider(options: CachingOptions): MarketDataProvider {
  const { store, mode, maxAgeMs, now } = options;
  let source: Promise<MarketDataProvider> | null = null;
  const openSource = () => (source ??= options.openSource());
  /** Cache writes: handed to `later` to finish in the background, else waited for. */
  const finish = async (writes: Promise<void>): Promise<void> => (options.later ? options.later(writes) : writes);
  const offlineWhy = 'offline (--offline)';

  /** A symbol's cached closes in [start, end], noted as stale; or a note that the cache lacks it. */
  const staleHistory = (symbol: string, entry: HistoryEntry | null, start: IsoDate, end: IsoDate, why: string) => {
    if (entry === null || entry.missing !== null) {
      const hint = mode === 'offline' ? ': run once without --offline to fetch it' : '';
      return { issues: [{ symbol, code: 'no-data', message: `not in the cache (${why})${hint}` } as SymbolIssue] };
    }
    const series = entrySeries(entry, start, end);
    if (series.days.length === 0) {
      const held = entry.days.length > 0 ? `closes from ${fromDayNumber(entry.days[0] as DayNumber)} to ${fromDayNumber(entry.days.at(-1) as DayNumber)}` : 'no closes';
      return { issues: [{ symbol, code: 'no-data', message: `the cache holds ${held}, none from ${start} to ${end} (${why})` } as SymbolIssue] };
    }
    const last = fromDayNumber(series.days.at(-1) as number);
    const stale: SymbolIssue = {
      symbol,
      code: 'stale-data',
      message: `cached closes to ${last}, fetched ${fetchedLabel(entry.fetchedAt)} (${why})`,
      fetchedAt: entry.fetchedAt,
    };
    return { series, issues: [stale] };
  };

  const provider: MarketDataProvider = {
    description: mode === 'offline' ? `${options.sourceName} cache (offline)` : options.sourceName,
    fxNames: options.fxNames,

    async search(query: string, limit?: number): Promise<SymbolMatch[]> {
      if (mode === 'offline') return [];
      const s = await openSource();
      return s.search ? s.search(query, limit) : [];
    },

    async fetchHistory({ symbols, start, end, onProgress, onCurrency, suggest }: HistoryRequest): Promise<ProviderResult<PriceSeries>> {
      const entries = await Promise.all(symbols.map(async (s) => entryInMajorUnits(await store.readHistory(s))));
      const answers = new Map<string, { series?: PriceSeries; issues: readonly SymbolIssue[] }>();
      const fetchedAt = now().toISOString();
      // each symbol counts once, when its answer is known: from the cache at once, from the source as it comes
      const counted = new Set<string>();
      const count = (symbol: string) => {
        if (counted.has(symbol) || !onProgress) return;
        counted.add(symbol);
        onProgress(counted.size, symbols.length, symbol);
      };
      const answered = (symbol: string, answer: { series?: PriceSeries; issues: readonly SymbolIssue[] }) => {
        answers.set(symbol, answer);
        if (answer.series?.currency) onCurrency?.(symbol, answer.series.currency);
        count(symbol);
      };

      if (mode === 'offline') {
        symbols.forEach((s, i) => answered(s, staleHistory(s, entries[i] ?? null, start, end, offlineWhy)));
      } else {
        const plans = symbols.map((_, i) => planHistory(mode === 'refresh' ? null : (entries[i] ?? null), start, end, now(), maxAgeMs));
        symbols.forEach((s, i) => {
          const entry = entries[i] ?? null;
          if (plans[i]?.kind !== 'hit' || entry === null) return;
          if (entry.missing !== null) answered(s, { issues: [{ symbol: s, code: 'no-data', message: entry.missing, unknownSymbol: true }] });
          else {
            const series = entrySeries(entry, start, end);
            const notes = entry.notes.map((message): SymbolIssue => ({ symbol: s, code: 'bars-skipped', message }));
            answered(
              s,
              series.days.length > 0 ? { series, issues: notes } : { issues: [...notes, { symbol: s, code: 'no-data', message: `no daily closes from ${start} to ${end}` }] },
            );
          }
        });
        const wanted = symbols.flatMap((s, i) => (answers.has(s) ? [] : [{ symbol: s, entry: entries[i] ?? null, plan: plans[i] as Extract<HistoryPlan, { kind: 'fetch' }> }]));
        try {
          await fetchAndStore(wanted, answers, fetchedAt, { onCurrency, onProgress: (_, __, symbol) => count(symbol), ...(suggest === false ? { suggest } : {}) });
        } catch (err) {
          if (!(err instanceof SourceUnavailableError)) throw err;
          const why = unavailableWhy(options.sourceName, err);
          for (const { symbol, entry } of wanted) if (!answers.has(symbol)) answers.set(symbol, staleHistory(symbol, entry, start, end, why));
          if (![...answers.values()].some((a) => a.series)) throw err;
        }
        // a tail or head fetch leaves the entry spanning more than was asked: answer the request's range
        for (const [s, a] of answers) if (a.series) answers.set(s, { ...a, series: sliceSeries(a.series, start, end) });
      }

      const items = new Map<string, PriceSeries>();
      const issues: SymbolIssue[] = [];
      for (const s of symbols) {
        count(s);
        const a = answers.get(s);
        if (a?.series) items.set(s, a.series);
        issues.push(...(a?.issues ?? []));
      }
      return { items, issues };
    },

    async fetchQuotes(symbols: readonly string[]): Promise<ProviderResult<QuoteHistory>> {
      const wanted = [...new Set(symbols)].sort();
      const entries = new Map<string, QuoteEntry>();
      for (const [i, e] of (await Promise.all(wanted.map((s) => store.readQuote(s)))).entries()) if (e) entries.set(wanted[i] as string, { ...e, quotes: quotesInMajorUnits(e.quotes) });
      const items = new Map<string, QuoteHistory>();
      const issues: SymbolIssue[] = [];
      const stale = (symbol: string, why: string) => {
        const e = entries.get(symbol);
        if (!e) {
          issues.push({ symbol, code: 'no-quote', message: mode === 'offline' ? `no quote in the cache (${why})` : `no quote (${why})` });
          return;
        }
        items.set(symbol, e.quotes);
        if (mode !== 'offline' || !isFresh(e.fetchedAt, now(), maxAgeMs)) {
          issues.push({ symbol, code: 'stale-data', message: `cached quote, fetched ${fetchedLabel(e.fetchedAt)} (${why})`, fetchedAt: e.fetchedAt });
        }
      };
      if (mode === 'offline') {
        for (const s of wanted) stale(s, offlineWhy);
        return { items, issues };
      }
      const toAsk: string[] = [];
      for (const s of wanted) {
        const e = entries.get(s);
        if (mode !== 'refresh' && e && isFresh(e.fetchedAt, now(), maxAgeMs)) items.set(s, e.quotes);
        else toAsk.push(s);
      }
      if (toAsk.length === 0) return { items, issues };
      let answer: ProviderResult<QuoteHistory>;
      try {
        answer = await (await openSource()).fetchQuotes(toAsk);
      } catch (err) {
        if (!(err instanceof SourceUnavailableError)) throw err;
        // without quotes the returns still stand: cached quotes where there are some, else notes saying why
        for (const s of toAsk) stale(s, unavailableWhy(options.sourceName, err));
        return { items, issues };
      }
      const fetchedAt = now().toISOString();
      // every distinct dated quote is kept: the quote history builds up run after run
      const merged = [...answer.items].map(([s, fetched]) => [s, mergeQuotes(entries.get(s)?.quotes ?? [], fetched)] as const);
      await finish(Promise.all(merged.map(([symbol, quotes]) => store.writeQuote({ symbol, fetchedAt, quotes }))).then(() => undefined));
      for (const [s, q] of merged) items.set(s, q);
      issues.push(...answer.issues);
      return { items, issues };
    },

    fetchFx: (request) => fxFromHistory(provider, request),
  };
  return provider;

  /**
   * Ask the source for every planned range (one request per distinct range),
   * store what comes back, and put each symbol's answer in `answers`. A tail
   * that cannot be matched to the entry's basis is fetched again in full.
   */
  async function fetchAndStore(
    wanted: readonly { symbol: string; entry: HistoryEntry | null; plan: Extract<HistoryPlan, { kind: 'fetch' }> }[],
    answers: Map<string, { series?: PriceSeries; issues: readonly SymbolIssue[] }>,
    fetchedAt: string,
    told: Pick<HistoryRequest, 'onCurrency' | 'onProgress' | 'suggest'>,
  ): Promise<void> {
    if (wanted.length === 0) return;
    const src = await openSource();
    const groups = new Map<string, (typeof wanted)[number][]>();
    for (const w of wanted) {
      const key = `${w.plan.start}|${w.plan.end}`;
      const group = groups.get(key);
      if (group) group.push(w);
      else groups.set(key, [w]);
    }
    const refetch: { symbol: string; entry: HistoryEntry; plan: Extract<HistoryPlan, { kind: 'fetch' }> }[] = [];
    const writing = writesInFlight(WRITES_IN_FLIGHT);
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const { start, end } = group[0]!.plan;
        const result = await src.fetchHistory({ symbols: group.map((w) => w.symbol), start, end, ...told });
        for (const { symbol, entry, plan } of group) {
          const series = result.items.get(symbol);
          const own = result.issues.filter((i) => i.symbol === symbol);
          const notes = own.filter((i) => i.code === 'bars-skipped').map((i) => i.message);
          if (!series || series.days.length === 0) {
            const missing = own.find((i) => i.code === 'no-data');
            if (entry !== null && entry.missing === null && plan.merge) {
              // the source had nothing new for a symbol the cache holds: use what is cached, and say so
              answers.set(symbol, staleHistory(symbol, entry, entry.from, entry.to, `${options.sourceName} sent no new closes: ${missing?.message ?? 'no answer'}`));
              continue;
            }
            // a symbol the source does not know is not asked for again within the TTL; an empty answer may be a glitch, and is
            if (missing?.unknownSymbol) await writing.add(store.writeHistory(toMissingEntry(symbol, plan.start, plan.end, fetchedAt, missing.message)));
            answers.set(symbol, { issues: own });
            continue;
          }
          const merged = plan.merge && entry !== null ? mergeHistory(entry, series, plan.start, plan.end, fetchedAt, notes) : toEntry(series, plan.start, plan.end, fetchedAt, notes);
          if (merged === null) {
            refetch.push({ symbol, entry: entry as HistoryEntry, plan: { kind: 'fetch', start: (entry as HistoryEntry).from, end: plan.end, merge: false } });
            continue;
          }
          await writing.add(store.writeHistory(merged));
          answers.set(symbol, { series: entrySeries(merged, merged.from, merged.to), issues: own });
        }
      }),
    );
    await finish(writing.done());
    if (refetch.length > 0) await fetchAndStore(refetch, answers, fetchedAt, told);
  }
}
