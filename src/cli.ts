/**
 * The command line: the commander program (every command, its options and
 * help) and `main()`. Each command's action loads its module in commands/
 * when it runs (so that --help loads none of them), which turns the flags
 * into a request, has run.ts answer it, and prints the result. `main()` is
 * the one place that catches everything and decides the exit code; it never
 * exits the process.
 */
import { Command, CommanderError, Option } from 'commander';
import type { BasketsFlags } from './commands/baskets.js';
import type { CacheInfoFlags } from './commands/cache.js';
import type { ChartFlags } from './commands/chart.js';
import type { CheckFlags } from './commands/check.js';
import type { CompareFlags } from './commands/compare.js';
import type { CommonFlags } from './commands/flags.js';
import type { InitFlags } from './commands/init.js';
import { ANALYSIS_CHOICES, CHECK_FORMATS, REPORT_FORMATS, SHELLS, type Shell } from './commands/choices.js';
import type { Deps, Io } from './commands/io.js';
import type { SearchFlags } from './commands/search.js';
import type { SnapshotFlags } from './commands/snapshot.js';
import { VERSION } from './commands/version.js';
import { BasketError, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, exitCodeFor } from './errors.js';

export type { Deps, Io, Output } from './commands/io.js';

function addCommon(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'config file (YAML, JSON, or a .txt ticker list)')
    .option('--color', 'force colour in tables')
    .option('--no-color', 'never colour tables')
    .option('-q, --quiet', 'print no notes on stderr, only errors')
    .option('-v, --verbose', 'more detail on stderr, and stack traces of errors');
}

/** The analysis options of compare and chart (after addData's source and period). */
function addAnalysis(cmd: Command, { sideBySide = true } = {}): Command {
  cmd
    .option('--price-return', 'use closes (price return) instead of adjusted closes (total return)')
    .option('--currency <code>', 'report every return and money figure in this currency (e.g. USD)');
  // check judges each claim under one method, over its own period: no --periods, no `all`
  if (sideBySide) cmd.option('--periods <list>', 'extra return periods, comma-separated: 1d,1w,1m,3m,6m,ytd,1y,3y,5y');
  const one = (choices: readonly string[]) => (sideBySide ? choices : choices.filter((c) => c !== 'all'));
  return cmd
    .addOption(new Option('--weights <scheme>', `member weights: equal, cap (market value at the start), config${sideBySide ? ', or all side by side' : ''}`).choices(one(ANALYSIS_CHOICES.weights)).default('equal'))
    .addOption(new Option('--rebalance <calendar>', 'reset to target weights at each period end').choices(ANALYSIS_CHOICES.rebalance).default('none'))
    .addOption(new Option('--pe-method <method>', 'basket P/E method').choices(one(ANALYSIS_CHOICES.peMethod)).default('harmonic'))
    .addOption(new Option('--negative-pe <policy>', 'members with losses: exclude them, or include their losses').choices(ANALYSIS_CHOICES.negativePE).default('exclude'))
    .option('--max-gap-days <days>', 'flag a gap of more calendar days than this between two closes', '10')
    .option('--max-move <fraction>', 'flag a one-day move larger than this (0.4 = 40%)', '0.4')
    .addOption(new Option('--suspect-splits <policy>', 'a one-day move that looks like an unadjusted split: flag it and keep the member, or drop the member from that window').choices(ANALYSIS_CHOICES.suspectSplits).default('flag'))
    .addOption(new Option('--point-in-time <rule>', 'quote figures dated after --as-of: use and flag them, or leave them out (strict)').choices(ANALYSIS_CHOICES.pointInTime).default('flag'))
    .option('--max-quote-age <days>', 'flag a quote figure dated more than this many days before --as-of', '31')
    .addOption(new Option('--pe-at <date>', "P/Es as of their own date, or repriced to --as-of (earnings estimate held constant)").choices(ANALYSIS_CHOICES.peAt).default('quote-date'))
    .addOption(new Option('--lookback <period>', 'look back this far before --from for "highest since"').choices(ANALYSIS_CHOICES.lookback));
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
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('table'))
    .option('-o, --output <file>', 'write the result to this file instead of stdout (replaced atomically); needed for html on a terminal')
    .option('--sparklines', 'add a trend column (▁▂▃▄▅▆▇█) per member and basket to table and md')
    .option('--strict', 'fail (exit 4) when any member has no data, instead of leaving it out')
    .option('--explain', 'show the inputs and arithmetic behind every figure (table and md: under each basket; json: "inputs")')
    .option('--rows <kinds>', 'csv: only these kinds of row, comma-separated (member, basket, benchmark, valuation, …)')
    .option('--columns <names>', 'csv: only these columns, in this order, comma-separated (symbol,return,forwardPE, …)');
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
  $ basket compare mag7 --format csv --rows member --columns symbol,return,forwardPE
  $ basket compare my-list.txt --data ./snapshot
  $ basket compare --data fixtures/demo --as-of 2025-03-07 --sparklines
  $ basket compare --data fixtures/demo --as-of 2025-03-07 --format md > report.md
  $ basket compare --data fixtures/demo --as-of 2025-03-07 --format html --output report.html`,
    )
    .action(async (baskets: string[], flags: CompareFlags) => setResult(await (await import('./commands/compare.js')).compareCommand(baskets, flags, io, deps)));

  const check = addData(addCommon(program.command('check')))
    .description("check a story's claims (a claims file) against the data: a verdict for each, exit 5 when one does not hold")
    .argument('[file]', 'a claims file (YAML or JSON; README "Claims files")')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('table'))
    .option('-o, --output <file>', 'write the result to this file instead of stdout (replaced atomically)')
    .option('--explain [ids...]', 'show the inputs and arithmetic behind each claim\'s figure (all claims, or those named)')
    .option('--min-coverage <fraction>', 'a basket P/E over fewer of its members than this cannot check a claim (0.5 or 50%)', '0.5');
  addAnalysis(check, { sideBySide: false })
    .addHelpText(
      'after',
      `
A setting is taken from the claim, else the file's defaults, else these options.
Exit codes: 0 every claim holds · 5 one does not hold or cannot be checked · 2 bad claims file or usage · 3 market data unavailable.

Examples:
  $ basket check fixtures/claims/titans-2025-03.yaml --data fixtures/demo
  $ basket check fixtures/claims/titans-2025-03.yaml --data fixtures/demo --explain titans-ytd
  $ basket check my-story.yaml --format json > verdicts.json`,
    )
    .action(async (file: string | undefined, flags: CheckFlags) => setResult(await (await import('./commands/check.js')).checkCommand(file, flags, io, deps)));

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
    .action(async (flags: CacheInfoFlags) => setResult(await (await import('./commands/cache.js')).cacheInfoCommand(flags, io, deps)));
  addCommon(cache.command('clear'))
    .description('remove cached data: of the symbols named, or all of it (with the saved Yahoo session)')
    .argument('[symbols...]', 'symbols to forget (default: everything)')
    .addHelpText('after', '\nExamples:\n  $ basket cache clear\n  $ basket cache clear AAPL 700.HK')
    .action(async (symbols: string[], flags: CommonFlags) => setResult(await (await import('./commands/cache.js')).cacheClearCommand(symbols, flags, io, deps)));

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
    .action(async (baskets: string[], flags: ChartFlags) => setResult(await (await import('./commands/chart.js')).chartCommand(baskets, flags, io, deps)));

  addCommon(program.command('baskets'))
    .description('list the baskets basket knows and where each comes from')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExamples:\n  $ basket baskets\n  $ basket baskets --config my-baskets.yaml --format json')
    .action(async (flags: BasketsFlags) => setResult(await (await import('./commands/baskets.js')).basketsCommand(flags, io, deps)));

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
    .action(async (baskets: string[], flags: SnapshotFlags) => setResult(await (await import('./commands/snapshot.js')).snapshotCommand(baskets, flags, io, deps)));

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
    .action(async (file: string | undefined, flags: InitFlags) => setResult(await (await import('./commands/init.js')).initCommand(file, flags, io, deps)));

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
    .action(async (query: string[], flags: SearchFlags) => setResult(await (await import('./commands/search.js')).searchCommand(query, flags, io, deps)));

  addCommon(program.command('completion'))
    .description('print a shell completion script (commands, options and basket ids)')
    .addArgument(program.createArgument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(basket completion bash)       # this bash session
  $ basket completion bash > ~/.local/share/bash-completion/completions/basket
  $ basket completion zsh > "\${fpath[1]}/_basket"
  $ basket completion fish > ~/.config/fish/completions/basket.fish`,
    )
    .action(async (shell: Shell, flags: CommonFlags) => setResult(await (await import('./commands/completion.js')).completionCommand(shell, flags, program, io)));

  // for completion scripts: the basket ids, one per line
  addCommon(program.command('__complete-baskets', { hidden: true }))
    .description('list basket ids for shell completion')
    .action(async (flags: CommonFlags) => setResult(await (await import('./commands/baskets.js')).completeBasketsCommand(flags, io, deps)));

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
