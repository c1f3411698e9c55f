/**
 * From a command's io, deps and flags to what the orchestrator runs with
 * (run.ts's Context): where the config is looked for, how `--data` is
 * opened, and, on a terminal, a progress bar on stderr.
 */
import path from 'node:path';
import type { CacheStore } from '../providers/cache/store.js';
import { openCacheStore, openProvider } from '../providers/open.js';
import type { MarketDataProvider, ProgressSink } from '../providers/provider.js';
import type { Context } from '../run.js';
import type { CommonFlags } from './flags.js';
import type { Deps, Io, Output } from './io.js';

export async function defaultUserConfigDir(): Promise<string> {
  const { default: envPaths } = await import('env-paths');
  return envPaths('basket', { suffix: '' }).config;
}

/** The user's config directory: --deps (tests), else the platform's convention, looked up only when asked for. */
function userConfigDirOf(deps: Deps): string | null | (() => Promise<string>) {
  return deps.userConfigDir !== undefined ? deps.userConfigDir : defaultUserConfigDir;
}

/** The cache directory: --deps (tests), BASKET_CACHE_DIR, else the platform's convention (XDG on Linux). */
async function cacheDirOf(io: Io, deps: Deps): Promise<string> {
  if (deps.cacheDir !== undefined) return deps.cacheDir;
  const fromEnv = io.env.BASKET_CACHE_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(io.cwd, fromEnv);
  const { default: envPaths } = await import('env-paths');
  return envPaths('basket', { suffix: '' }).cache;
}

const warnOn = (io: Io) => (line: string) => io.stderr.write(`basket: warning: ${line}\n`);

export async function cacheStoreOf(io: Io, deps: Deps): Promise<CacheStore> {
  return openCacheStore(await cacheDirOf(io, deps), warnOn(io));
}

/** Opens the provider `--data` names, with the cache and network flags of the command line. */
export function providerOpener(io: Io, deps: Deps, flags: CommonFlags): (data: string) => Promise<MarketDataProvider> {
  return (data) =>
    openProvider(data, {
      cwd: io.cwd,
      now: deps.now,
      cacheDir: () => cacheDirOf(io, deps),
      settings: flags,
      verbose: flags.verbose === true,
      log: (line) => io.stderr.write(`yahoo-finance2: ${line}\n`),
      warn: warnOn(io),
      fetch: deps.fetch,
      sleep: deps.sleep,
      later: deps.later,
      nodeVersion: deps.nodeVersion,
    });
}

export function makeContext(io: Io, deps: Deps, flags: CommonFlags, onProgress?: ProgressSink): Context {
  // the platform's directory is looked up only if no --config and no local config file is found
  const config = { configFile: flags.config, cwd: io.cwd, userConfigDir: userConfigDirOf(deps) };
  return { config, now: deps.now, openProvider: providerOpener(io, deps, flags), ...(onProgress ? { onProgress } : {}) };
}

/**
 * Runs `work` with the context of a data command and, when stderr is a
 * terminal and --quiet is off, a progress bar there (render/progress.ts).
 * The bar is gone when `work` ends, however it ends; a line written on
 * stderr meanwhile (a warning) erases it first.
 */
export async function withContext<T>(io: Io, deps: Deps, flags: CommonFlags, work: (ctx: Context) => Promise<T>): Promise<T> {
  if (io.stderr.isTTY !== true || flags.quiet) return work(makeContext(io, deps, flags));
  const { progressBar } = await import('../render/progress.js');
  const terminal = io.stderr;
  const bar = progressBar(terminal);
  const stderr: Output = {
    write: (chunk) => {
      bar.clear();
      return terminal.write(chunk);
    },
    isTTY: true,
    get columns() {
      return terminal.columns;
    },
    get rows() {
      return terminal.rows;
    },
  };
  try {
    return await work(makeContext({ ...io, stderr }, deps, flags, bar.update));
  } finally {
    bar.clear();
  }
}
