/** The Yahoo provider as the provider tests open it: an injected fetch, and retries that wait for nothing. */
import { DEFAULT_RETRY, type RetryPolicy } from '../../src/providers/yahoo/fetch.js';
import { openYahooProvider } from '../../src/providers/yahoo/provider.js';

/** A retry policy that waits for nothing and records the waits it was asked for. */
export function fakeRetry(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { ...DEFAULT_RETRY, random: () => 0.5, sleep: async (ms) => void waits.push(ms), ...overrides, waits };
}

/** A Yahoo provider on `fetch` (a replayer, a fake), its log lines kept in `log`. */
export function openTestYahoo(fetch: typeof globalThis.fetch, log: string[] = [], retry: RetryPolicy = fakeRetry()) {
  return openYahooProvider({ fetch, log: (line) => log.push(line), verbose: false, retry });
}
