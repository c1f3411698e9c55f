/**
 * The Yahoo Finance provider: the only module that imports yahoo-finance2,
 * and only when a Yahoo run starts (so --help and offline runs never load it).
 *   chart()  daily history, one request per symbol, run concurrently;
 *   quote()  quotes in batches of at most QUOTE_BATCH symbols.
 */
import type { PriceSeries, Quote, SymbolIssue } from '../../domain/types.js';
import { MarketDataError } from '../../errors.js';
import { shiftDays } from '../../analytics/calendar.js';
import type { HistoryRequest, MarketDataProvider } from '../provider.js';
import { classifyYahooError, toPriceSeries, toQuote, type ChartLike, type QuoteLike } from './transform.js';

/** Yahoo's v7 quote endpoint takes at most this many symbols per request. */
export const QUOTE_BATCH = 100;
/** Requests in flight at once: enough to hide latency, few enough not to be rate-limited. */
export const CONCURRENCY = 4;
/** A request Yahoo has not answered in this time is abandoned (yahoo-finance2 sets no limit of its own). */
export const REQUEST_TIMEOUT_MS = 30_000;

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
}

/** Yahoo refused a request (HTTP 429 or 5xx). Shaped like yahoo-finance2's HTTPError: `code` is the status. */
export class YahooRefusedError extends Error {
  override name = 'HTTPError';
  constructor(readonly code: number, statusText: string) {
    super(`HTTP ${code} ${statusText}`.trim());
  }
}

/** How failed requests are tried again: bounded in count and in total waiting. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number;
  /** The first wait; each later one doubles, times a random factor in [0.5, 1.5) (jitter). */
  readonly baseDelayMs: number;
  /** No retry starts once this much time would have been spent waiting. */
  readonly maxTotalDelayMs: number;
  /** Waits `ms` (tests pass a fake that records and returns at once). */
  readonly sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1) (tests pass a fixed one). */
  readonly random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxTotalDelayMs: 20_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Connection failures worth another try (as Node's fetch reports them in `cause.code`). */
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

function isTransient(err: unknown): boolean {
  const e = err as { name?: string; cause?: { code?: string } };
  return e?.name === 'TimeoutError' || TRANSIENT_CODES.has(e?.cause?.code ?? '');
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * The fetch handed to yahoo-finance2: a time limit on every request; 429,
 * 5xx, timeouts and connection resets tried again with exponential backoff
 * and jitter (honouring `Retry-After`), within the policy's bounds; a refusal
 * that persists is raised here, before yahoo-finance2 would print the URL to
 * the console. The underlying fetch is looked up at call time.
 */
export function guardFetch(getFetch: () => typeof fetch, timeoutMs: number, retry: RetryPolicy = DEFAULT_RETRY): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      let failure: unknown;
      let hinted: number | null = null;
      try {
        const response = await getFetch()(input, { ...init, signal });
        if (response.status !== 429 && response.status < 500) return response;
        hinted = retryAfterMs(response.headers.get('retry-after'), Date.now());
        await response.body?.cancel();
        failure = new YahooRefusedError(response.status, response.statusText);
      } catch (err) {
        if (!isTransient(err) || init?.signal?.aborted) throw err;
        failure = err;
      }
      const backoff = retry.baseDelayMs * 2 ** (attempt - 1) * (0.5 + retry.random());
      const delay = hinted ?? backoff;
      if (attempt >= retry.attempts || waited + delay > retry.maxTotalDelayMs) throw failure;
      waited += delay;
      await retry.sleep(delay);
    }
  }) as typeof fetch;
}

export async function openYahooProvider(options: YahooProviderOptions): Promise<MarketDataProvider> {
  const { default: YahooFinance } = await import('yahoo-finance2');
  const say = (...args: unknown[]) => options.log(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  const quiet = () => {};
  const timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const yf = new YahooFinance({
    fetch: guardFetch(() => options.fetch ?? globalThis.fetch, timeoutMs, options.retry ?? DEFAULT_RETRY),
    logger: { info: options.verbose ? say : quiet, warn: say, error: say, debug: quiet, dir: quiet },
    suppressNotices: ['yahooSurvey'],
    versionCheck: false,
    validation: { logErrors: options.verbose, logOptionsErrors: true },
    queue: { concurrency: CONCURRENCY },
  });

  return {
    description: 'yahoo',

    async fetchHistory({ symbols, start, end }: HistoryRequest) {
      // requests run concurrently; answers are assembled in request order, so output is stable
      const answers = await Promise.all(
        symbols.map(async (symbol): Promise<{ series?: PriceSeries; issues: SymbolIssue[] }> => {
          let chart: ChartLike;
          try {
            // period2 is exclusive and read as UTC midnight: the day after `end` keeps end's session.
            chart = (await yf.chart(symbol, { period1: start, period2: shiftDays(end, 1), interval: '1d' })) as ChartLike;
          } catch (err) {
            const failure = classifyYahooError(err);
            if (failure.scope === 'all') throw new MarketDataError(failure.message, { cause: err });
            return { issues: [{ symbol, code: failure.code, message: failure.message }] };
          }
          const parsed = toPriceSeries(symbol, chart, start, end);
          if (parsed.series.dates.length === 0) {
            const none: SymbolIssue = { symbol, code: 'no-data', message: `Yahoo Finance has no daily closes from ${start} to ${end}` };
            return { issues: [...parsed.issues, none] };
          }
          return parsed;
        }),
      );
      const items = new Map<string, PriceSeries>();
      answers.forEach((a, i) => a.series && items.set(symbols[i] as string, a.series));
      return { items, issues: answers.flatMap((a) => a.issues) };
    },

    async fetchQuotes(symbols: readonly string[]) {
      const wanted = [...new Set(symbols)].sort();
      const batches: string[][] = [];
      for (let i = 0; i < wanted.length; i += QUOTE_BATCH) batches.push(wanted.slice(i, i + QUOTE_BATCH));
      const failed = new Map<string, string>(); // symbol → why its batch failed
      const answers = await Promise.all(
        batches.map(async (batch): Promise<QuoteLike[]> => {
          try {
            return (await yf.quote(batch, { return: 'array' })) as QuoteLike[];
          } catch (err) {
            const failure = classifyYahooError(err);
            if (failure.scope === 'all') throw new MarketDataError(failure.message, { cause: err });
            for (const symbol of batch) failed.set(symbol, failure.message);
            return [];
          }
        }),
      );
      const items = new Map<string, Quote>();
      const asked = new Set(wanted);
      for (const raw of answers.flat()) {
        const quote = toQuote(raw);
        if (asked.has(quote.symbol)) items.set(quote.symbol, quote);
      }
      const issues: SymbolIssue[] = wanted
        .filter((symbol) => !items.has(symbol))
        .map((symbol) => ({
          symbol,
          code: 'no-quote',
          message: failed.has(symbol)
            ? `no quote: ${failed.get(symbol)}`
            : 'Yahoo Finance returned no quote (unknown or delisted symbol?)',
        }));
      return { items, issues };
    },
  };
}
