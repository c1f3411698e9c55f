/**
 * Opening the provider `--data` names: a data directory, or Yahoo behind the
 * cache, whose directory is found and whose source is opened only when
 * needed; the cache flags checked in the order they always were.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { openProvider, type OpenOptions, type SourceSettings } from '../../src/providers/open.js';
import { DEMO_DIR } from '../helpers/cli.js';
import { createReplayFetch, FIXTURES } from '../helpers/replay.js';
import { makeTempDir } from '../helpers/tmp.js';

function options(settings: SourceSettings, cacheDir: () => Promise<string>, extra: Partial<OpenOptions> = {}): OpenOptions {
  return { cwd: path.resolve(FIXTURES, '..'), now: () => new Date('2025-03-09T12:00:00Z'), cacheDir, settings, verbose: false, log: () => {}, warn: () => {}, ...extra };
}
const noCache = async (): Promise<string> => {
  throw new Error('the cache directory was looked up');
};

describe('openProvider', () => {
  it('opens a data directory, relative to cwd, without looking for the cache', async () => {
    const provider = await openProvider('fixtures/demo', options({}, noCache));
    expect(provider.description).toBe('files:fixtures/demo');
    const answer = await provider.fetchQuotes(['AAPL']);
    expect(answer.items.get('AAPL')?.[0]?.symbol).toBe('AAPL');
    expect(provider.search).toBeUndefined();
    expect((await openProvider(DEMO_DIR, options({}, noCache))).description).toBe(`files:${DEMO_DIR}`);
  });

  it.each([
    [{ offline: true }, `--offline applies to Yahoo Finance data and its cache, not to the data directory fixtures/demo`],
    [{ refresh: true }, `--refresh applies to Yahoo Finance data and its cache, not to the data directory fixtures/demo`],
    [{ offline: true, refresh: true }, '--offline and --refresh cannot be used together'],
  ])('with a data directory, %j is a usage error', async (settings, message) => {
    await expect(openProvider('fixtures/demo', options(settings, noCache))).rejects.toThrow(new UsageError(message));
  });

  it('reads no Yahoo flag for a data directory: a bad --timeout or --max-age is not its concern', async () => {
    await expect(openProvider('fixtures/demo', options({ timeout: 'soon', maxAge: 'old' }, noCache))).resolves.toBeDefined();
  });

  it('checks --timeout before finding the cache, and --max-age after', async () => {
    let looked = 0;
    const cacheDir = async () => {
      looked += 1;
      return makeTempDir('basket-open-');
    };
    await expect(openProvider('yahoo', options({ timeout: '0' }, cacheDir))).rejects.toThrow('--timeout must be a positive number of seconds, got "0"');
    expect(looked).toBe(0);
    await expect(openProvider('yahoo', options({ maxAge: '5 minutes' }, cacheDir))).rejects.toThrow('--max-age must be a duration such as 90s, 15m, 2h or 1d, got "5 minutes"');
    expect(looked).toBe(1);
  });

  it('opens Yahoo behind the cache, asking Yahoo only when the cache cannot answer', async () => {
    const replay = createReplayFetch();
    const dir = await makeTempDir('basket-open-');
    const provider = await openProvider('yahoo', options({}, async () => dir, { fetch: replay.fetch, sleep: async () => {} }));
    expect(provider.description).toBe('yahoo');
    expect(replay.calls.length).toBe(0);
    const history = await provider.fetchHistory({ symbols: ['AAPL'], start: '2024-12-02', end: '2025-03-07' });
    expect(history.items.get('AAPL')?.days.length).toBeGreaterThan(40);
    expect(replay.calls.length).toBeGreaterThan(0);
    // offline: the cache alone, now filled
    const asked = replay.calls.length;
    const offline = await openProvider('yahoo', options({ offline: true }, async () => dir, { fetch: replay.fetch }));
    expect((await offline.fetchHistory({ symbols: ['AAPL'], start: '2024-12-02', end: '2025-03-07' })).items.get('AAPL')?.days).toEqual(history.items.get('AAPL')?.days);
    expect(replay.calls.length).toBe(asked);
  });
});

describe('the Node that Yahoo Finance needs', () => {
  it('compares versions by major, then minor', async () => {
    const { nodeAtLeast } = await import('../../src/providers/open.js');
    expect([nodeAtLeast('22.12.0', [22, 12]), nodeAtLeast('v24.1.0', [22, 12]), nodeAtLeast('22.11.9', [22, 12]), nodeAtLeast('20.20.2', [22, 12]), nodeAtLeast('23.0.0', [22, 12])]).toEqual([true, true, false, false, true]);
  });

  it('refuses Yahoo Finance on an older Node in one line (exit 2), only when the network must be used', async () => {
    const cacheDir = await makeTempDir('basket-cache-');
    const old = options({}, async () => cacheDir, { nodeVersion: '20.20.2', fetch: async () => Promise.reject(new Error('the network was asked')) });
    const provider = await openProvider('yahoo', old);
    const asked = provider.fetchQuotes(['AAPL']);
    await expect(asked).rejects.toThrow(UsageError);
    await expect(asked).rejects.toThrow(
      'Yahoo Finance needs Node.js 22.12 or later (this is Node 20.20.2): use --data DIR (offline data) or --offline (the cache), or get Node 24 (README, Set-up)',
    );
    // the offline paths need no such Node
    await expect(openProvider('fixtures/demo', options({}, noCache, { nodeVersion: '20.20.2' }))).resolves.toBeDefined();
  });
});
