/**
 * Tests never touch the network: the global fetch throws, loudly, naming the
 * URL. A test that forgot to inject the replaying fetch fails here instead of
 * quietly reaching Yahoo.
 */
export class NetworkInTestError extends Error {
  override name = 'NetworkInTestError';
}

export const networkAttempts: string[] = [];

globalThis.fetch = (async (input: string | URL | Request) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  networkAttempts.push(url);
  throw new NetworkInTestError(`network access in a test: ${url}`);
}) as typeof fetch;
