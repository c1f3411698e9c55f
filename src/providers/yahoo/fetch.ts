/**
 * The fetch handed to yahoo-finance2: every request to Yahoo goes through it.
 * A time limit on each request; what another try may mend (429, 5xx,
 * timeouts, connection resets) tried again with exponential backoff and
 * jitter within a bounded budget; an error page raised here, before
 * yahoo-finance2 would print its URL. Network I/O only: what a failure means
 * is failures.ts's to say.
 */
import { setTimeout as delay } from 'node:timers/promises';

/** A request Yahoo has not answered in this time is abandoned (yahoo-finance2 sets no limit of its own). */
export const REQUEST_TIMEOUT_MS = 30_000;

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
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A number in [0, 1) (tests pass a fixed one). */
  readonly random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxTotalDelayMs: 20_000,
  // cancelled with the run, so that no timer outlives it and keeps the process waiting
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {}),
  random: Math.random,
};

/** Connection failures worth another try (as Node's fetch reports them in `cause.code`). */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

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

/** Waits `ms` with `sleep`, or less if `stop` is aborted first (then raises its reason). */
async function wait(ms: number, sleep: RetryPolicy['sleep'], stop: AbortSignal | undefined): Promise<void> {
  if (!stop) return sleep(ms);
  stop.throwIfAborted();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(stop.reason);
    stop.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms, stop), aborted]);
  } finally {
    stop.removeEventListener('abort', onAbort);
  }
}

const isJson = (response: Response) => /\bjson\b/i.test(response.headers.get('content-type') ?? '');

/**
 * The fetch handed to yahoo-finance2: a time limit on every request; 429,
 * 5xx, timeouts and connection resets tried again with exponential backoff
 * and jitter (honouring `Retry-After`), within the policy's bounds; a refusal
 * that persists, and any other error status without a JSON body, is raised
 * here, before yahoo-finance2 would print the URL to the console. Once
 * `stop` is aborted (the run has failed), no request starts or waits any
 * longer. The underlying fetch is looked up at call time.
 */
export function guardFetch(getFetch: () => typeof fetch, timeoutMs: number, retry: RetryPolicy = DEFAULT_RETRY, stop?: AbortSignal): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      stop?.throwIfAborted();
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = AbortSignal.any([timeout, ...(init?.signal ? [init.signal] : []), ...(stop ? [stop] : [])]);
      let failure: unknown;
      let hinted: number | null = null;
      try {
        const response = await getFetch()(input, { ...init, signal });
        if (response.status < 400 || (response.status < 500 && response.status !== 429 && isJson(response))) return response;
        if (response.status < 500 && response.status !== 429) {
          await response.body?.cancel();
          throw new YahooRefusedError(response.status, response.statusText);
        }
        hinted = retryAfterMs(response.headers.get('retry-after'), Date.now());
        await response.body?.cancel();
        failure = new YahooRefusedError(response.status, response.statusText);
      } catch (err) {
        stop?.throwIfAborted();
        if (!isTransient(err) || init?.signal?.aborted) throw err;
        failure = err;
      }
      const backoff = retry.baseDelayMs * 2 ** (attempt - 1) * (0.5 + retry.random());
      const delay = hinted ?? backoff;
      if (attempt >= retry.attempts || waited + delay > retry.maxTotalDelayMs) throw failure;
      waited += delay;
      await wait(delay, retry.sleep, stop);
    }
  }) as typeof fetch;
}
