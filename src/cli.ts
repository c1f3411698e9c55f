/**
 * The command line: commander turns argv into requests, run.ts answers them,
 * a renderer turns the answer into text. `main()` is the one place that
 * catches everything and decides the exit code; it never exits the process.
 */
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { ChalkInstance } from 'chalk';
import { BasketError, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, exitCodeFor, IncompleteDataError, UsageError } from './errors.js';
import type { SymbolIssue } from './domain/types.js';
import type { Rebalance } from './analytics/basket.js';
import type { NegativePEPolicy, PEMethod } from './analytics/valuation.js';
import type { Weighting } from './analytics/weights.js';
import type { MarketDataProvider, ProgressSink } from './providers/provider.js';
import type { CompareRequest, Context } from './run.js';

/** The orchestrator and all it pulls in (config, analytics, report), loaded only by a command that runs it: --help stays quick. */
const loadRun = () => import('./run.js');
import type { Report } from './report/types.js';
import { wrapLine } from './render/fit.js';

export interface Output {
  write(chunk: string): unknown;
  readonly isTTY?: boolean | undefined;
  /** A terminal's size, for the chart. */
  readonly columns?: number | undefined;
  readonly rows?: number | undefined;
}

export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export interface Deps {
  readonly now: () => Date;
  /** The HTTP seam for the Yahoo provider (tests replay recorded answers). */
  readonly fetch?: typeof fetch;
  /** How the Yahoo provider waits between retries (tests wait for nothing). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The user's config directory; default from the platform's conventions. */
  readonly userConfigDir?: string | null;
  /** The market-data cache directory; default BASKET_CACHE_DIR, else the platform's cache directory. */
  readonly cacheDir?: string;
  /** Takes work that may finish after the result is out (cache writes); main() sets it, and waits for the work before it returns. */
  readonly later?: (work: Promise<void>) => void;
}

export const VERSION = '0.1.0';
const FORMATS = ['table', 'csv', 'json', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface CommonFlags {
  config?: string;
  color?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  /** Data commands: the cache and the network. */
  offline?: boolean;
  refresh?: boolean;
  maxAge?: string;
  timeout?: string;
}

/**
 * Colour level for stdout: --color/--no-color win; then FORCE_COLOR (0–3,
 * as Node reads it); then NO_COLOR (any non-empty value); else colour only on
 * a terminal.
 */
export function decideColorLevel(flag: boolean | undefined, env: Io['env'], isTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  const forced = force === undefined ? null : force === '' || force === 'true' ? 1 : force === 'false' ? 0 : Math.min(3, Math.max(0, Number.parseInt(force, 10) || 0));
  if (flag === false) return 0;
  if (flag === true) return (forced || 1) as 1 | 2 | 3;
  if (forced !== null) return forced as 0 | 1 | 2 | 3;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

async function defaultUserConfigDir(): Promise<string> {
  const { default: envPaths } = await import('env-paths');
  return envPaths('basket', { suffix: '' }).config;
}

/** The cache directory: --deps (tests), BASKET_CACHE_DIR, else the platform's convention (XDG on Linux). */
async function cacheDirOf(io: Io, deps: Deps): Promise<string> {
  if (deps.cacheDir !== undefined) return deps.cacheDir;
  const fromEnv = io.env.BASKET_CACHE_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(io.cwd, fromEnv);
  const { default: envPaths } = await import('env-paths');
  return envPaths('basket', { suffix: '' }).cache;
}

async function openCacheStore(io: Io, deps: Deps) {
  const { CacheStore } = await import('./providers/cache/store.js');
  return new CacheStore(await cacheDirOf(io, deps), (line) => io.stderr.write(`basket: warning: ${line}\n`));
}

function openProvider(io: Io, deps: Deps, flags: CommonFlags) {
  return async (data: string): Promise<MarketDataProvider> => {
    const { cacheMode, parseDuration, parseTimeout } = await import('./providers/cache/options.js');
    const mode = cacheMode(flags, data);
    if (data === 'yahoo') {
      const { openCachingProvider, DEFAULT_MAX_AGE_MS } = await import('./providers/cache/provider.js');
      const requestTimeoutMs = flags.timeout === undefined ? undefined : parseTimeout(flags.timeout);
      const store = await openCacheStore(io, deps);
      const openSource = async () => {
        const [{ openYahooProvider, DEFAULT_RETRY }, { SESSION_FILE }] = await Promise.all([import('./providers/yahoo/provider.js'), import('./providers/yahoo/session.js')]);
        return openYahooProvider({
          ...(deps.fetch ? { fetch: deps.fetch } : {}),
          log: (line) => io.stderr.write(`yahoo-finance2: ${line}\n`),
          warn: (line) => io.stderr.write(`basket: warning: ${line}\n`),
          sessionFile: path.join(store.dir, SESSION_FILE),
          verbose: flags.verbose === true,
          ...(deps.later ? { later: deps.later } : {}),
          ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
          ...(deps.sleep ? { retry: { ...DEFAULT_RETRY, sleep: deps.sleep } } : {}),
        });
      };
      return openCachingProvider({
        store,
        mode,
        maxAgeMs: flags.maxAge === undefined ? DEFAULT_MAX_AGE_MS : parseDuration(flags.maxAge, '--max-age'),
        now: deps.now,
        openSource,
        sourceName: 'yahoo',
        ...(deps.later ? { later: deps.later } : {}),
      });
    }
    const { openFilesProvider } = await import('./providers/files/provider.js');
    return openFilesProvider(path.resolve(io.cwd, data), data);
  };
}

function makeContext(io: Io, deps: Deps, flags: CommonFlags, onProgress?: ProgressSink): Context {
  // the platform's directory is looked up only if no --config and no local config file is found
  const userConfigDir = deps.userConfigDir !== undefined ? deps.userConfigDir : defaultUserConfigDir;
  return { config: { configFile: flags.config, cwd: io.cwd, userConfigDir }, now: deps.now, openProvider: openProvider(io, deps, flags), ...(onProgress ? { onProgress } : {}) };
}

/**
 * Runs `work` with the context of a data command and, when stderr is a
 * terminal and --quiet is off, a progress bar there (render/progress.ts).
 * The bar is gone when `work` ends, however it ends; a line written on
 * stderr meanwhile (a warning) erases it first.
 */
async function withContext<T>(io: Io, deps: Deps, flags: CommonFlags, work: (ctx: Context) => Promise<T>): Promise<T> {
  if (io.stderr.isTTY !== true || flags.quiet) return work(makeContext(io, deps, flags));
  const { progressBar } = await import('./render/progress.js');
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

/** Prints the notes on stderr; returns the lines it wrote. */
function printIssues(io: Io, issues: readonly SymbolIssue[], flags: CommonFlags): string[] {
  if (flags.quiet || issues.length === 0) return [];
  const lines = [
    `basket: ${issues.length} note${issues.length > 1 ? 's' : ''} on the data:`,
    ...issues.map((i) => `  ${i.symbol ?? '*'}${i.basket ? ` (${i.basket})` : ''}: ${i.message}`),
  ];
  // on a terminal, wrapped to its width at spaces (never mid-word), continuation lines indented
  const width = io.stderr.isTTY === true && (io.stderr.columns ?? 0) > 0 ? (io.stderr.columns as number) : null;
  const shown = width === null ? lines : lines.flatMap((l) => wrapLine(l, width, '    '));
  io.stderr.write(`${shown.join('\n')}\n`);
  return shown;
}

/** The chart's size when stdout is not a terminal (or does not say). */
export const PIPED_CHART_SIZE = { width: 80, height: 24 } as const;

/**
 * --width/--height, else the terminal's size less a line for the prompt and
 * the rows the notes took on the same screen (wrapped), else 80 × 24.
 */
function chartSize(io: Io, asked: { width: number | undefined; height: number | undefined }, notes: readonly string[]): { width: number; height: number } {
  const tty = io.stdout.isTTY === true;
  const width = asked.width ?? (tty ? io.stdout.columns : undefined) ?? PIPED_CHART_SIZE.width;
  if (asked.height !== undefined) return { width, height: asked.height };
  const rows = tty ? io.stdout.rows : undefined;
  if (rows === undefined) return { width, height: PIPED_CHART_SIZE.height };
  const noteRows = io.stderr.isTTY === true ? notes.reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / width)), 0) : 0;
  return { width, height: rows - 1 - noteRows };
}

/** The width tables must fit: a terminal's columns; no limit when stdout is a pipe or a file. */
function terminalWidth(io: Io): number | null {
  const columns = io.stdout.columns;
  return io.stdout.isTTY === true && columns !== undefined && columns > 0 ? columns : null;
}

async function newChalk(level: 0 | 1 | 2 | 3): Promise<ChalkInstance> {
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}

/** The figures' renderer flags: `--sparklines` for table and md. */
interface RenderFlags extends CommonFlags {
  sparklines?: boolean;
}

/**
 * Starts loading what rendering `format` takes, so that a run waiting on the
 * network loads it meanwhile instead of after its last answer. (Modules load
 * once: render() then finds them loaded.)
 */
function prefetchRenderer(format: Format): void {
  const loading = format === 'table' ? [import('./render/table.js'), import('chalk')] : format === 'json' ? [import('./render/json.js')] : format === 'csv' ? [import('./render/csv.js')] : [];
  for (const module of loading) module.catch(() => undefined); // render() reports a failure, if any
}

async function render(report: Report, format: Format, io: Io, flags: RenderFlags, now: Date, toFile = false): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./render/json.js')).renderJson(report);
    case 'csv':
      return (await import('./render/csv.js')).renderCsv(report);
    case 'md':
      return (await import('./render/markdown.js')).renderMarkdown(report, { sparklines: flags.sparklines === true, generatedAt: now, version: VERSION });
    case 'html':
      return (await import('./render/html.js')).renderHtml(report, { generatedAt: now, version: VERSION });
    case 'table': {
      // a file is not a terminal: colour in it only when --color asks
      const level = toFile ? (flags.color === true ? decideColorLevel(true, io.env, false) : 0) : decideColorLevel(flags.color, io.env, io.stdout.isTTY === true);
      const chalk = await newChalk(level);
      return (await import('./render/table.js')).renderTable(report, { chalk, sparklines: flags.sparklines === true, columns: toFile ? null : terminalWidth(io) });
    }
  }
}

/** The data, period, currency and method flags that compare and chart share. */
interface AnalysisFlags {
  data: string;
  from?: string;
  asOf?: string;
  priceReturn?: boolean;
  currency?: string;
  periods?: string;
  weights: Weighting | 'all';
  rebalance: Rebalance;
  peMethod: PEMethod | 'all';
  negativePe: NegativePEPolicy;
  maxGapDays: string;
  maxMove: string;
  suspectSplits: 'flag' | 'drop';
  pointInTime: 'flag' | 'strict';
  maxQuoteAge: string;
  peAt: 'quote-date' | 'as-of';
  lookback?: '1y' | '3y' | '5y' | '10y' | 'max';
}

interface CompareFlags extends AnalysisFlags {
  format: Format;
  output?: string;
  strict?: boolean;
  sparklines?: boolean;
}

function positiveNumber(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, got "${text}"`);
  return n;
}

function wholeDays(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number of days, got "${text}"`);
  return n;
}

function addCommon(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'config file (YAML, JSON, or a .txt ticker list)')
    .option('--color', 'force colour in tables')
    .option('--no-color', 'never colour tables')
    .option('-q, --quiet', 'print no notes on stderr, only errors')
    .option('-v, --verbose', 'more detail on stderr, and stack traces of errors');
}

/** The analysis options of compare and chart (after addData's source and period). */
function addAnalysis(cmd: Command): Command {
  return cmd
    .option('--price-return', 'use closes (price return) instead of adjusted closes (total return)')
    .option('--currency <code>', 'report every return and money figure in this currency (e.g. USD)')
    .option('--periods <list>', 'extra return periods, comma-separated: 1d,1w,1m,3m,6m,ytd,1y,3y,5y')
    .addOption(new Option('--weights <scheme>', 'member weights: equal, cap (market value at the start), config, or all side by side').choices(['equal', 'cap', 'config', 'all']).default('equal'))
    .addOption(new Option('--rebalance <calendar>', 'reset to target weights at each period end').choices(['none', 'daily', 'weekly', 'monthly', 'quarterly']).default('none'))
    .addOption(new Option('--pe-method <method>', 'basket P/E method').choices(['harmonic', 'median', 'mean', 'aggregate', 'all']).default('harmonic'))
    .addOption(new Option('--negative-pe <policy>', 'members with losses: exclude them, or include their losses').choices(['exclude', 'include']).default('exclude'))
    .option('--max-gap-days <days>', 'flag a gap of more calendar days than this between two closes', '10')
    .option('--max-move <fraction>', 'flag a one-day move larger than this (0.4 = 40%)', '0.4')
    .addOption(new Option('--suspect-splits <policy>', 'a one-day move that looks like an unadjusted split: flag it and keep the member, or drop the member from that window').choices(['flag', 'drop']).default('flag'))
    .addOption(new Option('--point-in-time <rule>', 'quote figures dated after --as-of: use and flag them, or leave them out (strict)').choices(['flag', 'strict']).default('flag'))
    .option('--max-quote-age <days>', 'flag a quote figure dated more than this many days before --as-of', '31')
    .addOption(new Option('--pe-at <date>', "P/Es as of their own date, or repriced to --as-of (earnings estimate held constant)").choices(['quote-date', 'as-of']).default('quote-date'))
    .addOption(new Option('--lookback <period>', 'look back this far before --from for "highest since"').choices(['1y', '3y', '5y', '10y', 'max']));
}

/** The request of compare and chart; `levels` asks the report for daily level series (chart, HTML, sparklines). */
async function toCompareRequest(baskets: string[], flags: AnalysisFlags, levels: boolean): Promise<CompareRequest> {
  const { parseCurrency, parsePeriods } = await loadRun();
  return {
    baskets,
    data: flags.data,
    from: flags.from,
    asOf: flags.asOf,
    priceBasis: flags.priceReturn ? 'close' : 'adjusted',
    currency: flags.currency === undefined ? null : parseCurrency(flags.currency),
    periods: flags.periods === undefined ? [] : parsePeriods(flags.periods),
    weights: flags.weights,
    rebalance: flags.rebalance,
    peMethod: flags.peMethod,
    negativePE: flags.negativePe,
    maxGapDays: positiveNumber(flags.maxGapDays, '--max-gap-days'),
    maxDailyMove: positiveNumber(flags.maxMove, '--max-move'),
    suspectSplits: flags.suspectSplits,
    pointInTime: flags.pointInTime,
    maxQuoteAgeDays: wholeDays(flags.maxQuoteAge, '--max-quote-age'),
    peAt: flags.peAt,
    lookback: flags.lookback ?? null,
    levels,
  };
}

function addData(cmd: Command): Command {
  return cmd
    .option('-d, --data <source>', '"yahoo" (Yahoo Finance) or an offline data directory', 'yahoo')
    .option('--from <date>', 'start of the period, YYYY-MM-DD (default: 1 January of the --as-of year)')
    .option('--as-of <date>', 'end of the period, YYYY-MM-DD (default: today)')
    .option('--offline', 'use only data cached by earlier runs; never ask Yahoo Finance')
    .option('--refresh', 'ask Yahoo Finance for everything again, ignoring the cache (and refill it)')
    .option('--max-age <duration>', 'reuse cached quotes, and the latest days of cached history, this long (e.g. 90s, 15m, 2h)', '15m')
    .option('--timeout <seconds>', 'give up on a Yahoo Finance request not answered in this time', '30');
}

/** The commander program (exported so tests can walk its commands). */
export function buildProgram(io: Io, deps: Deps, setResult: (code: number) => void): Command {
  const program = new Command('basket')
    .description('Compare equal-weighted stock baskets: returns, forward P/E and valuation discount, from Yahoo Finance or offline data.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // one line: commander puts its "Did you mean …?" on a line of its own
      outputError: (s, write) => write(`basket: ${oneLine(s.replace(/^error: /, '').replace(/\(Did you mean/, '(did you mean'))}\n`),
    })
    .showSuggestionAfterError(true);

  const compare = addData(addCommon(program.command('compare')))
    .description('compare baskets (default: titans mag7) over a period')
    .argument('[baskets...]', 'basket ids, or paths of basket files (.txt ticker lists, YAML, JSON)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .option('-o, --output <file>', 'write the result to this file instead of stdout (replaced atomically); needed for html on a terminal')
    .option('--sparklines', 'add a trend column (▁▂▃▄▅▆▇█) per member and basket to table and md')
    .option('--strict', 'fail (exit 4) when any member has no data, instead of leaving it out');
  addAnalysis(compare)
    .addHelpText(
      'after',
      `
Examples:
  $ basket compare --data fixtures/demo --as-of 2025-03-07
  $ basket compare --data fixtures/demo --as-of 2025-03-07 --currency USD --periods 1w,1m,ytd
  $ basket compare --data fixtures/demo --as-of 2025-03-07 --weights all --pe-method all
  $ basket compare titans mag7 --from 2025-01-01 --as-of 2025-03-07 --format json
  $ basket compare mag7 --format csv > mag7.csv
  $ basket compare mag7 --format csv --output mag7.csv
  $ basket compare my-list.txt --data ./snapshot
  $ basket compare --data fixtures/demo --as-of 2025-03-07 --sparklines
  $ basket compare --data fixtures/demo --as-of 2025-03-07 --format md > report.md
  $ basket compare --data fixtures/demo --as-of 2025-03-07 --format html --output report.html`,
    )
    .action(async (baskets: string[], flags: CommonFlags & CompareFlags) => {
      if (flags.format === 'html' && flags.output === undefined && io.stdout.isTTY === true) {
        throw new UsageError('--format html writes a whole web page: add --output FILE (or redirect stdout to a file)');
      }
      const request = await toCompareRequest(baskets, flags, flags.format === 'html' || flags.sparklines === true);
      if (request.data === 'yahoo') prefetchRenderer(flags.format);
      const report = await withContext(io, deps, flags, async (ctx) => (await loadRun()).runCompare(request, ctx));
      printIssues(io, report.issues, flags);
      if (flags.strict) {
        const missing = report.baskets.flatMap((b) => b.members.filter((m) => !m.included).map((m) => `${m.symbol} (${b.id})`));
        if (missing.length > 0) {
          throw new IncompleteDataError(`--strict: ${missing.length} member${missing.length > 1 ? 's have' : ' has'} no usable data: ${missing.join(', ')}`);
        }
      }
      if (flags.output === undefined) {
        io.stdout.write(await render(report, flags.format, io, flags, deps.now()));
      } else {
        const { writeOutputFile } = await import('./output.js');
        await writeOutputFile(path.resolve(io.cwd, flags.output), await render(report, flags.format, io, flags, deps.now(), true), flags.output);
      }
      setResult(EXIT_OK);
    });

  const cache = program.command('cache').description('what the market-data cache holds, and clearing it').addHelpText(
    'after',
    `
The cache is in BASKET_CACHE_DIR if set, else the platform's cache directory
(~/.cache/basket on Linux). Compare and snapshot fill it from Yahoo Finance.

Examples:
  $ basket cache info
  $ basket cache clear AAPL 0700.HK
  $ basket cache clear`,
  );
  addCommon(cache.command('info'))
    .description('where the cache is, its size, symbols and the dates of their data')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExamples:\n  $ basket cache info\n  $ basket cache info --format json')
    .action(async (flags: CommonFlags & { format: 'table' | 'json' }) => {
      const info = await (await openCacheStore(io, deps)).info();
      const { renderCacheInfoJson, renderCacheInfoText } = await import('./render/cache-info.js');
      io.stdout.write(flags.format === 'json' ? renderCacheInfoJson(info) : renderCacheInfoText(info));
      setResult(EXIT_OK);
    });
  addCommon(cache.command('clear'))
    .description('remove cached data: of the symbols named, or all of it (with the saved Yahoo session)')
    .argument('[symbols...]', 'symbols to forget (default: everything)')
    .addHelpText('after', '\nExamples:\n  $ basket cache clear\n  $ basket cache clear AAPL 700.HK')
    .action(async (symbols: string[], flags: CommonFlags) => {
      const { normaliseSymbol } = await import('./domain/symbols.js');
      const store = await openCacheStore(io, deps);
      let removed = await store.clear(symbols.map((s) => normaliseSymbol(s)));
      // clearing everything forgets the saved Yahoo session too
      if (symbols.length === 0) removed += await (await import('./providers/yahoo/session.js')).clearSession(store.dir);
      if (!flags.quiet) io.stderr.write(`basket: removed ${removed} cache file${removed === 1 ? '' : 's'} from ${store.dir}\n`);
      setResult(EXIT_OK);
    });

  const chart = addData(addCommon(program.command('chart')))
    .description("draw each basket's level (100 at the start) and its benchmark's over the period, in the terminal")
    .argument('[baskets...]', 'basket ids, or paths of basket files (default: titans mag7)')
    .option('--width <columns>', "chart width (default: the terminal's, 80 when piped)")
    .option('--height <lines>', "chart height, legend included (default: the terminal's, 24 when piped)");
  addAnalysis(chart)
    .addHelpText(
      'after',
      `
Examples:
  $ basket chart --data fixtures/demo --as-of 2025-03-07
  $ basket chart mag7 --data fixtures/demo --from 2025-02-19 --as-of 2025-03-07 --rebalance weekly
  $ basket chart --data fixtures/demo --as-of 2025-03-07 --currency USD --no-color > chart.txt`,
    )
    .action(async (baskets: string[], flags: CommonFlags & AnalysisFlags & { width?: string; height?: string }) => {
      const asked = {
        width: flags.width === undefined ? undefined : Math.floor(positiveNumber(flags.width, '--width')),
        height: flags.height === undefined ? undefined : Math.floor(positiveNumber(flags.height, '--height')),
      };
      const request = await toCompareRequest(baskets, flags, true);
      const report = await withContext(io, deps, flags, async (ctx) => (await loadRun()).runCompare(request, ctx));
      const notes = printIssues(io, report.issues, flags);
      const size = chartSize(io, asked, notes);
      const chalk = await newChalk(decideColorLevel(flags.color, io.env, io.stdout.isTTY === true));
      io.stdout.write((await import('./render/chart.js')).renderChart(report, { chalk, ...size }));
      setResult(EXIT_OK);
    });

  addCommon(program.command('baskets'))
    .description('list the baskets basket knows and where each comes from')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExamples:\n  $ basket baskets\n  $ basket baskets --config my-baskets.yaml --format json')
    .action(async (flags: CommonFlags & { format: 'table' | 'json' }) => {
      const catalog = await (await loadRun()).runBaskets(makeContext(io, deps, flags));
      const baskets = [...catalog.baskets.values()];
      if (flags.format === 'json') {
        io.stdout.write(`${JSON.stringify({ configFile: catalog.configFile, baskets }, null, 2)}\n`);
      } else {
        const { renderBasketList } = await import('./render/table.js');
        const chalk = await newChalk(decideColorLevel(flags.color, io.env, io.stdout.isTTY === true));
        io.stdout.write(renderBasketList(baskets, catalog.configFile, { chalk, columns: terminalWidth(io) }));
      }
      setResult(EXIT_OK);
    });

  addData(addCommon(program.command('snapshot')))
    .description('freeze the data of a comparison into an offline data directory')
    .argument('[baskets...]', 'basket ids or basket files (default: titans mag7)')
    .requiredOption('-o, --out <dir>', 'the directory to write (replaced atomically)')
    .option('--force', 'replace --out if it already exists and is not empty')
    .option('--currency <code>', 'also save the FX series that compare --currency <code> needs')
    .addHelpText(
      'after',
      `
Examples:
  $ basket snapshot --out my-data --as-of 2025-03-07 --currency USD
  $ basket compare --data my-data --as-of 2025-03-07 --currency USD`,
    )
    .action(async (baskets: string[], flags: CommonFlags & { data: string; from?: string; asOf?: string; out: string; force?: boolean; currency?: string }) => {
      const { parseCurrency, runSnapshot } = await loadRun();
      const currency = flags.currency === undefined ? null : parseCurrency(flags.currency);
      const snap = await withContext(io, deps, flags, (ctx) => runSnapshot({ baskets, data: flags.data, from: flags.from, asOf: flags.asOf, currency }, ctx));
      const { writeDataDirectory } = await import('./providers/files/write.js');
      const out = path.resolve(io.cwd, flags.out);
      await writeDataDirectory(out, snap.series, snap.quotes, { force: flags.force === true });
      printIssues(io, snap.issues, flags);
      if (!flags.quiet) {
        io.stderr.write(
          `basket: wrote ${snap.series.length} price series and ${snap.quotes.length} quotes (${snap.window.historyStart} to ${snap.window.asOf}) to ${flags.out}\n`,
        );
      }
      setResult(EXIT_OK);
    });

  addCommon(program.command('init'))
    .description('write a commented starter config (the two presets and an example with weights) where basket reads it')
    .argument('[file]', 'the file to write (default: --config, else config.yaml in the user config directory)')
    .option('--force', 'replace the file if it already exists')
    .addHelpText(
      'after',
      `
Examples:
  $ basket init                          # ~/.config/basket/config.yaml on Linux
  $ basket init basket.config.yaml       # this directory's config, read first here
  $ basket init --config my-baskets.yaml --force
  $ basket baskets                       # what basket now reads`,
    )
    .action(async (file: string | undefined, flags: CommonFlags & { force?: boolean }) => {
      if (file !== undefined && flags.config !== undefined && path.resolve(io.cwd, file) !== path.resolve(io.cwd, flags.config)) {
        throw new UsageError(`init writes one file: ${file} or --config ${flags.config}, not both`);
      }
      const { runInit } = await import('./commands/init.js');
      const userConfigDir = deps.userConfigDir !== undefined ? deps.userConfigDir : await defaultUserConfigDir();
      const done = await runInit({ file: file ?? flags.config, force: flags.force === true, cwd: io.cwd, userConfigDir, version: VERSION });
      if (flags.verbose) io.stderr.write(`basket: config files, first found: --config FILE; ./basket.config.{yaml,yml,json}; ${userConfigDir ?? '(no user config directory)'}/config.{yaml,yml,json}\n`);
      if (!flags.quiet) {
        io.stderr.write(`basket: ${done.replaced ? 'replaced' : 'wrote'} ${done.file} (a starter config: titans, mag7 and an example with weights)\n`);
        for (const note of done.notes) io.stderr.write(`basket: note: ${note}\n`);
      }
      setResult(EXIT_OK);
    });

  addCommon(program.command('search'))
    .description('find Yahoo Finance symbols by company name or code, with exchange, type and currency')
    .argument('<query...>', 'a name or code: tencent, "bank of china", 700, AAPL')
    .option('-d, --data <source>', 'where to search: only "yahoo" (Yahoo Finance) can', 'yahoo')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .addHelpText(
      'after',
      `
Examples:
  $ basket search tencent
  $ basket search 700               # read as the Hong Kong code 0700.HK
  $ basket search bank of china --format json
  $ basket search nvidia --format csv > nvidia.csv`,
    )
    .action(async (query: string[], flags: CommonFlags & { data: string; format: 'table' | 'csv' | 'json' }) => {
      const { runSearch } = await import('./commands/search.js');
      const found = await runSearch({ query: query.join(' '), data: flags.data }, openProvider(io, deps, flags));
      if (found.hongKongHint !== null && !flags.quiet) io.stderr.write(`basket: ${found.hongKongHint}\n`);
      printIssues(io, found.issues, flags);
      if (flags.verbose) io.stderr.write(`basket: Yahoo Finance search for "${found.searched}": ${found.matches.length} match${found.matches.length === 1 ? '' : 'es'}\n`);
      if (flags.format === 'table') {
        const { renderSymbolMatches } = await import('./render/table.js');
        const chalk = await newChalk(decideColorLevel(flags.color, io.env, io.stdout.isTTY === true));
        io.stdout.write(renderSymbolMatches(found, { chalk, columns: terminalWidth(io) }));
      } else {
        const { renderSymbolsCsv, renderSymbolsJson } = await import('./render/symbols.js');
        io.stdout.write(flags.format === 'json' ? renderSymbolsJson(found) : renderSymbolsCsv(found));
      }
      setResult(EXIT_OK);
    });

  addCommon(program.command('completion'))
    .description('print a shell completion script (commands, options and basket ids)')
    .addArgument(program.createArgument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(basket completion bash)       # this bash session
  $ basket completion bash > ~/.local/share/bash-completion/completions/basket
  $ basket completion zsh > "\${fpath[1]}/_basket"
  $ basket completion fish > ~/.config/fish/completions/basket.fish`,
    )
    .action(async (shell: 'bash' | 'zsh' | 'fish', flags: CommonFlags) => {
      const { completionScript, describeProgram } = await import('./commands/completion.js');
      const spec = describeProgram(program);
      io.stdout.write(completionScript(shell, spec));
      if (flags.verbose) io.stderr.write(`basket: ${shell} completion for ${spec.commands.length} commands; basket ids come from \`basket __complete-baskets\`\n`);
      setResult(EXIT_OK);
    });

  // for completion scripts: the basket ids, one per line; on a config error the presets alone, silently (a completion prints no errors)
  addCommon(program.command('__complete-baskets', { hidden: true }))
    .description('list basket ids for shell completion')
    .action(async (flags: CommonFlags) => {
      let ids: string[];
      try {
        ids = [...(await (await loadRun()).runBaskets(makeContext(io, deps, flags))).baskets.keys()];
      } catch {
        ids = (await import('./config/presets.js')).PRESETS.map((b) => b.id);
      }
      io.stdout.write(ids.map((id) => `${id}\n`).join(''));
      setResult(EXIT_OK);
    });

  return program;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Run the CLI on `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: Io, deps: Deps): Promise<number> {
  let result = EXIT_OK;
  // cache writes finish while the result is rendered and printed, and before main() returns (a write never fails a run)
  const pending: Promise<void>[] = [];
  const program = buildProgram(io, { ...deps, later: (work) => void pending.push(work.catch(() => undefined)) }, (code) => {
    result = code;
  });
  try {
    return await run(program, argv, io, () => result);
  } finally {
    while (pending.length > 0) await Promise.all(pending.splice(0));
  }
}

async function run(program: Command, argv: readonly string[], io: Io, result: () => number): Promise<number> {
  // what the command's own parsed options say (`-qv`, `--from -v` included); before parsing, nothing
  let verbose = false;
  program.hook('preAction', (_, action) => {
    verbose = action.opts().verbose === true;
  });
  try {
    if (argv.length === 0) {
      io.stdout.write(program.helpInformation());
      return EXIT_OK;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return result();
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander has printed its message already (help and --version exit 0)
      return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (err instanceof BasketError) {
      io.stderr.write(`basket: ${oneLine(err.message)}\n`);
      if (verbose && err.stack) io.stderr.write(`${err.stack}\n`);
      return exitCodeFor(err);
    }
    const e = err as Error;
    io.stderr.write(`basket: internal error: ${oneLine(String(e?.message ?? err))} (please report this)\n`);
    if (e?.stack) io.stderr.write(`${e.stack}\n`);
    return EXIT_INTERNAL;
  }
}
