/**
 * Opening the provider a `--data` source names: `yahoo` is Yahoo Finance
 * behind the on-disk cache (with its saved session and retry policy), any
 * other value an offline data directory. Each provider's modules are loaded
 * only when its source is opened, so an offline run never loads the Yahoo
 * client, and a command that opens nothing loads none of them.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { CacheStore } from './cache/store.js';
import type { MarketDataProvider } from './provider.js';

/** The cache and network settings as typed on the command line: checked when a source is opened, so that a bad basket or date is told first. */
export interface SourceSettings {
  readonly offline?: boolean | undefined;
  readonly refresh?: boolean | undefined;
  /** `--max-age`, e.g. `15m`; default DEFAULT_MAX_AGE_MS. */
  readonly maxAge?: string | undefined;
  /** `--timeout` in seconds; default the Yahoo provider's. */
  readonly timeout?: string | undefined;
}

export interface OpenOptions {
  /** A relative data directory is read from here. */
  readonly cwd: string;
  readonly now: () => Date;
  /** Where the cache lives; asked only when Yahoo is opened (the platform's directory takes a module to find). */
  readonly cacheDir: () => Promise<string>;
  readonly settings: SourceSettings;
  /** Yahoo's own log lines in detail. */
  readonly verbose: boolean;
  /** Where yahoo-finance2's log lines go, one at a time (never stdout). */
  readonly log: (line: string) => void;
  /** Where basket's warnings go (an unreadable cache entry, an unusable saved session). */
  readonly warn: (line: string) => void;
  /** The HTTP seam (tests replay recorded answers); default the global fetch. */
  readonly fetch?: typeof fetch | undefined;
  /** How the Yahoo provider waits between retries (tests wait for nothing). */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Takes work that may finish after the answer is out (cache and session writes). */
  readonly later?: ((work: Promise<void>) => void) | undefined;
  /** The running Node's version (`24.1.0`): Yahoo Finance needs NODE_FOR_YAHOO; unknown (undefined): not checked. */
  readonly nodeVersion?: string | undefined;
}

/** yahoo-finance2 v4 needs Node.js 22.12 or later; the offline paths do not. */
export const NODE_FOR_YAHOO = [22, 12] as const;

/** Whether `version` (`20.20.2`) is at least `[major, minor]`. */
export function nodeAtLeast(version: string, [major, minor]: readonly [number, number]): boolean {
  const [a = 0, b = 0] = version.replace(/^v/, '').split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** The cache in `dir`, its warnings told to `warn`. */
export async function openCacheStore(dir: string, warn: (line: string) => void): Promise<CacheStore> {
  const { CacheStore } = await import('./cache/store.js');
  return new CacheStore(dir, warn);
}

/** The provider `source` names: `yahoo` (through the cache), else the data directory at that path. */
export async function openProvider(source: string, options: OpenOptions): Promise<MarketDataProvider> {
  const { cacheMode, parseDuration, parseTimeout } = await import('./cache/options.js');
  const { settings } = options;
  const mode = cacheMode(settings, source);
  if (source !== 'yahoo') {
    const { openFilesProvider } = await import('./files/provider.js');
    return openFilesProvider(path.resolve(options.cwd, source), source);
  }
  const [{ openCachingProvider, DEFAULT_MAX_AGE_MS }, { fxSymbols }] = await Promise.all([import('./cache/provider.js'), import('./yahoo/fx-symbols.js')]);
  const requestTimeoutMs = settings.timeout === undefined ? undefined : parseTimeout(settings.timeout);
  const store = await openCacheStore(await options.cacheDir(), options.warn);
  return openCachingProvider({
    store,
    mode,
    maxAgeMs: settings.maxAge === undefined ? DEFAULT_MAX_AGE_MS : parseDuration(settings.maxAge, '--max-age'),
    now: options.now,
    openSource: () => openYahoo(store.dir, options, requestTimeoutMs),
    sourceName: 'yahoo',
    fxNames: fxSymbols,
    ...(options.later ? { later: options.later } : {}),
  });
}

/** Yahoo Finance itself, its session kept in the cache directory; opened by the cache only when something must be fetched. */
async function openYahoo(cacheDir: string, options: OpenOptions, requestTimeoutMs: number | undefined): Promise<MarketDataProvider> {
  if (options.nodeVersion !== undefined && !nodeAtLeast(options.nodeVersion, NODE_FOR_YAHOO)) {
    throw new UsageError(
      `Yahoo Finance needs Node.js ${NODE_FOR_YAHOO.join('.')} or later (this is Node ${options.nodeVersion.replace(/^v/, '')}): use --data DIR (offline data) or --offline (the cache), or get Node 24 (README, Set-up)`,
    );
  }
  const [{ openYahooProvider, DEFAULT_RETRY }, { SESSION_FILE }] = await Promise.all([import('./yahoo/provider.js'), import('./yahoo/session.js')]);
  return openYahooProvider({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    log: options.log,
    warn: options.warn,
    sessionFile: path.join(cacheDir, SESSION_FILE),
    verbose: options.verbose,
    ...(options.later ? { later: options.later } : {}),
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
    ...(options.sleep ? { retry: { ...DEFAULT_RETRY, sleep: options.sleep } } : {}),
  });
}
