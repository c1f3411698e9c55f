/**
 * Tests never touch the network: the global fetch throws, loudly, naming the
 * URL. A test that forgot to inject the replaying fetch fails here instead of
 * quietly reaching Yahoo.
 */
import { afterEach, beforeEach } from 'vitest';

export class NetworkInTestError extends Error {
  override name = 'NetworkInTestError';
}

export const networkAttempts: string[] = [];

globalThis.fetch = (async (input: string | URL | Request) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  networkAttempts.push(url);
  throw new NetworkInTestError(`network access in a test: ${url}`);
}) as typeof fetch;

// Whatever a provider makes of the refusal (a per-symbol note, say), the test
// that tried the network fails.

let attemptsBefore = 0;
beforeEach(() => {
  attemptsBefore = networkAttempts.length;
});
afterEach(() => {
  if (networkAttempts.length > attemptsBefore) {
    const urls = networkAttempts.splice(attemptsBefore);
    throw new NetworkInTestError(`the test tried the network: ${urls.join(', ')}`);
  }
});
