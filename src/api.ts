/**
 * basket as a library (`import { compare } from 'basket'`): the pipeline the
 * command line runs, as functions that take a request and return the typed
 * report or check result. No printing and no reading of argv, the
 * environment or stdio: notes are in the result (`issues`), warnings go to
 * `onWarning` if given, and failures are thrown as BasketError subclasses
 * that carry the exit code the command line would end with.
 */
import path from 'node:path';
import { runCheck, type CheckRequest } from './check.js';
import type { BasketDef } from './config/basket.js';
import { loadCatalog } from './config/load.js';
import type { SymbolIssue } from './domain/types.js';
import { openProvider } from './providers/open.js';
import type { CheckReport } from './report/check-types.js';
import type { Report } from './report/types.js';
import { runCompare, type CompareRequest, type Context } from './run.js';

/** Where the data comes from, and what a run may use besides. */
export interface Source {
  /** `yahoo` (Yahoo Finance, through the cache), or an offline data directory (relative to `cwd`). Default `yahoo`. */
  readonly data?: string;
  /** The directory relative paths (data, config, basket and claims files) are read from. Default: the process's. */
  readonly cwd?: string;
  /** A config file of baskets (YAML, JSON or a .txt ticker list); without one, a `basket.config.yaml` in `cwd`, else the presets. */
  readonly config?: string;
  /** Yahoo only: use the cache alone (`offline`), or ask Yahoo again for everything (`refresh`). */
  readonly offline?: boolean;
  readonly refresh?: boolean;
  /** Yahoo only: reuse cached data this long (`15m`, `2h`, `0`) and give up on a request after this many seconds. */
  readonly maxAge?: string;
  readonly timeout?: string;
  /** Yahoo only: the cache directory. Default: the platform's (XDG on Linux). */
  readonly cacheDir?: string;
  /** Yahoo only: the HTTP client (default the global fetch). */
  readonly fetch?: typeof fetch;
  /** "Today", for a default as-of date. Default: the clock. */
  readonly now?: () => Date;
  /** Told each warning (an unreadable cache entry, say); default: none are told. */
  readonly onWarning?: (line: string) => void;
}

/** compare's request: the baskets (ids or basket files; default titans and mag7) and every analysis option of `basket compare`. */
export type CompareOptions = Source & Partial<Omit<CompareRequest, 'data' | 'baskets' | 'priceBasis'>> & {
  readonly baskets?: readonly string[];
  /** `close` for a price return; default `adjusted` (total return). */
  readonly priceBasis?: CompareRequest['priceBasis'];
};

/** check's request: the claims file, the settings that claims and the file's defaults leave open, and which claims to explain. */
export type CheckOptions = Source & {
  readonly file: string;
  readonly settings?: Partial<CheckRequest['commandLine']>;
  readonly minCoverage?: number;
  readonly explain?: boolean | readonly string[];
};

async function platformCacheDir(): Promise<string> {
  const { default: envPaths } = await import('env-paths');
  return envPaths('basket', { suffix: '' }).cache;
}

function contextOf(source: Source): Context {
  const cwd = path.resolve(source.cwd ?? '.');
  const now = source.now ?? (() => new Date());
  const warn = source.onWarning ?? (() => undefined);
  return {
    config: { configFile: source.config, cwd, userConfigDir: null },
    now,
    openProvider: (data) =>
      openProvider(data, {
        cwd,
        now,
        cacheDir: async () => (source.cacheDir !== undefined ? path.resolve(cwd, source.cacheDir) : platformCacheDir()),
        settings: { offline: source.offline, refresh: source.refresh, maxAge: source.maxAge, timeout: source.timeout },
        verbose: false,
        log: () => undefined,
        warn,
        fetch: source.fetch,
      }),
  };
}

/**
 * The comparison `basket compare` prints, as its Report (the documented
 * JSON). Members without data are left out and said in `issues`; with
 * `strict: true` that is an IncompleteDataError instead.
 */
export async function compare(options: CompareOptions = {}): Promise<Report> {
  const { baskets = [], data = 'yahoo', priceBasis = 'adjusted', ...rest } = options;
  const { report, incomplete } = await runCompare({ ...rest, baskets, data, priceBasis }, contextOf(options));
  if (incomplete !== null) throw incomplete;
  return report;
}

/** `basket check FILE`: each claim of a claims file with its figure and verdict, and the notes on the data. */
export async function check(options: CheckOptions): Promise<CheckReport & { readonly issues: readonly SymbolIssue[] }> {
  const cwd = path.resolve(options.cwd ?? '.');
  const request: CheckRequest = {
    file: path.resolve(cwd, options.file),
    shownFile: options.file,
    data: options.data ?? 'yahoo',
    commandLine: { priceBasis: 'adjusted', ...options.settings },
    ...(options.minCoverage === undefined ? {} : { minCoverage: options.minCoverage }),
    explain: options.explain ?? false,
  };
  const { check: result, issues } = await runCheck(request, contextOf(options));
  return { ...result, issues };
}

/** Every basket known: the presets, and the config file's (which replace a preset of the same id). */
export async function loadBaskets(options: Pick<Source, 'config' | 'cwd'> = {}): Promise<BasketDef[]> {
  const catalog = await loadCatalog({ configFile: options.config, cwd: path.resolve(options.cwd ?? '.'), userConfigDir: null });
  return [...catalog.baskets.values()];
}

export { renderCsv } from './render/csv.js';
export { renderJson } from './render/json.js';
export { renderMarkdown, type MarkdownOptions } from './render/markdown.js';
export { renderHtml, type HtmlOptions } from './render/html.js';
export { renderCheckCsv, renderCheckJson, renderCheckMarkdown } from './render/check.js';
export {
  BasketError,
  ClaimsFileError,
  ConfigError,
  DataFileError,
  IncompleteDataError,
  MarketDataError,
  SourceUnavailableError,
  UsageError,
  EXIT_CLAIMS,
  EXIT_DATA,
  EXIT_INCOMPLETE,
  EXIT_INTERNAL,
  EXIT_OK,
  EXIT_USAGE,
} from './errors.js';
export type { BasketDef } from './config/basket.js';
export type { Report, BasketReport, MemberReport, BenchmarkReport, Comparison } from './report/types.js';
export type { CheckReport, ClaimResult, Verdict } from './report/check-types.js';
export type { SymbolIssue } from './domain/types.js';
