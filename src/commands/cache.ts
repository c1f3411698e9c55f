/** `basket cache info` and `basket cache clear`: what the market-data cache holds, and forgetting it. */
import { normaliseSymbol } from '../domain/symbols.js';
import { EXIT_OK } from '../errors.js';
import type { CacheStore } from '../providers/cache/store.js';
import { cacheStoreOf } from './context.js';
import type { CommonFlags } from './flags.js';
import type { Deps, Io } from './io.js';

export interface CacheInfoFlags extends CommonFlags {
  format: 'table' | 'json';
}

export async function cacheInfoCommand(flags: CacheInfoFlags, io: Io, deps: Deps): Promise<number> {
  const info = await (await cacheStoreOf(io, deps)).info();
  const { renderCacheInfoJson, renderCacheInfoText } = await import('../render/cache-info.js');
  io.stdout.write(flags.format === 'json' ? renderCacheInfoJson(info) : renderCacheInfoText(info));
  return EXIT_OK;
}

/** Removes the cached data of `symbols`, or all of it with the saved Yahoo session; the number of files removed. */
export async function clearCache(store: CacheStore, symbols: readonly string[]): Promise<number> {
  const removed = await store.clear(symbols.map((s) => normaliseSymbol(s)));
  if (symbols.length > 0) return removed;
  return removed + (await (await import('../providers/yahoo/session.js')).clearSession(store.dir));
}

export async function cacheClearCommand(symbols: string[], flags: CommonFlags, io: Io, deps: Deps): Promise<number> {
  const store = await cacheStoreOf(io, deps);
  const removed = await clearCache(store, symbols);
  if (!flags.quiet) io.stderr.write(`basket: removed ${removed} cache file${removed === 1 ? '' : 's'} from ${store.dir}\n`);
  return EXIT_OK;
}
