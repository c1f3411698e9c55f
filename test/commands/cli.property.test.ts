/**
 * Property: whatever the command line, config file and offline data, `main()`
 * ends with exit code 0, 2, 3 or 4; never an internal error or a stack trace
 * (unless --verbose asks for one); nothing on stdout when it fails, and a
 * message on stderr. Offline runs never touch the network (the global fetch
 * throws: see test/helpers/no-network.ts); runs on the default Yahoo source
 * get a fetch that cannot reach anything, and must then end with exit code 3.
 *
 * A failure prints fast-check's seed and path: pass them to fc.assert as
 * `{ seed, path, endOnFailure: true }` to replay that very case.
 */
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR, runCli, type CliResult } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/replay.js';
import { makeTempDir } from '../helpers/tmp.js';
import { configFile, validConfig, type ConfigFile } from '../helpers/config-files.js';
import { anyPrices, anyQuotes, oddValidPrices, oddValidQuotes, type CsvFile } from '../helpers/data-files.js';

// ---------------------------------------------------------------- the run's directory

/** What the data directory `data` holds for each demo file: the demo's own, nothing, or a generated CSV. */
type DataEntry = { kind: 'demo' } | { kind: 'missing' } | { kind: 'csv'; csv: CsvFile };

const dataEntry: fc.Arbitrary<DataEntry> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<DataEntry>({ kind: 'demo' }) },
  { weight: 1, arbitrary: fc.constant<DataEntry>({ kind: 'missing' }) },
  { weight: 1, arbitrary: anyPrices.map((csv): DataEntry => ({ kind: 'csv', csv })) },
  { weight: 2, arbitrary: oddValidPrices.map((csv): DataEntry => ({ kind: 'csv', csv })) },
);

/** The symbols of the demo data (its price files' names). */
const DEMO_SYMBOLS = ['0700.HK', '0981.HK', '1211.HK', '1810.HK', '9618.HK', '9988.HK', '9999.HK', 'AAPL', 'AMZN', 'GOOGL', 'META', 'MSFT', 'NVDA', 'TSLA', 'USDHKD=X', '^NDX', 'HSTECH.HK', '^HSI'];

beforeAll(async () => {
  // the generated data directories mirror the demo's: keep the list in step with it
  expect((await readdir(path.join(DEMO_DIR, 'prices'))).sort()).toEqual(DEMO_SYMBOLS.map((s) => `${s}.csv`).sort());
});

/** The run's files: a config (or none) and the entries of the data directory. */
const setup = fc.record({
  config: fc.oneof(
    { weight: 4, arbitrary: fc.constant<ConfigFile | null>(null) },
    { weight: 2, arbitrary: configFile },
    {
      weight: 2,
      // as cfg.yaml or cfg.json (read with --config) or as the config found in the working directory
      arbitrary: validConfig.chain(({ file }) =>
        fc.constantFrom(file.name, file.name.endsWith('.json') ? 'basket.config.json' : 'basket.config.yaml').map((name): ConfigFile => ({ ...file, name })),
      ),
    },
  ),
  // one entry per demo symbol (by index) and one for quotes.csv
  prices: fc.array(dataEntry, { minLength: DEMO_SYMBOLS.length, maxLength: DEMO_SYMBOLS.length }),
  quotes: fc.oneof(
    { weight: 6, arbitrary: fc.constant<DataEntry>({ kind: 'demo' }) },
    { weight: 1, arbitrary: fc.constant<DataEntry>({ kind: 'missing' }) },
    { weight: 1, arbitrary: anyQuotes.map((csv): DataEntry => ({ kind: 'csv', csv })) },
    { weight: 2, arbitrary: oddValidQuotes(DEMO_SYMBOLS).map((csv): DataEntry => ({ kind: 'csv', csv })) },
  ),
});

type Setup = typeof setup extends fc.Arbitrary<infer T> ? T : never;

/** Write the run's config, sample configs and basket list, an empty directory and the data directory `data`. */
async function writeRunDir(cwd: string, s: Setup): Promise<void> {
  if (s.config) await writeFile(path.join(cwd, s.config.name), s.config.content);
  for (const name of ['weights.yaml', 'invalid.yaml', 'malformed.yaml']) await cp(path.join(FIXTURES, 'config', name), path.join(cwd, name));
  await writeFile(path.join(cwd, 'list.txt'), 'AAPL\nmsft\n700.hk\n');
  await mkdir(path.join(cwd, 'empty'));
  const data = path.join(cwd, 'data');
  await mkdir(path.join(data, 'prices'), { recursive: true });
  const place = async (entry: DataEntry | undefined, from: string, to: string) => {
    if (entry?.kind === 'demo') await cp(from, to);
    else if (entry?.kind === 'csv') await writeFile(to, entry.csv.text);
  };
  await Promise.all(DEMO_SYMBOLS.map((symbol, i) => place(s.prices[i], path.join(DEMO_DIR, 'prices', `${symbol}.csv`), path.join(data, 'prices', `${symbol}.csv`))));
  await place(s.quotes, path.join(DEMO_DIR, 'quotes.csv'), path.join(data, 'quotes.csv'));
}

// ---------------------------------------------------------------- command lines

/** Words that could be taken for the data option (`--data`, `--data=…`, `-d`, `-qd`): kept out of free tokens. */
const isDataFlag = (token: string) => token.startsWith('--d') || /^-[^-]*d/.test(token);

/** Paths inside the run's directory: existing files and directories, new names, names in missing directories. */
const relativePath = fc.oneof(
  fc.constantFrom('out', 'out.csv', 'out.json', 'sub/out', 'data', 'empty', 'list.txt', 'weights.yaml', '.', '', 'nested/deeper/x', 'out dir', 'ä.json'),
  fc.stringMatching(/^[A-Za-z0-9_ -][A-Za-z0-9_. -]{0,11}$/),
);

const date = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('2025-03-07', '2025-01-02', '2025-02-14', '2024-12-31', '2025-03-09', '2024-06-28', '2025-01-01') },
  { weight: 1, arbitrary: fc.constantFrom('2030-01-01', '1999-12-31', '2025-02-30', '2025-3-7', '07/03/2025', '', 'today', '2025-03-07T00:00') },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

const numberText = fc.oneof(fc.constantFrom('10', '0.4', '1', '0', '-1', '', ' ', 'abc', 'Infinity', 'NaN', '1e3', '0.0001', '1e400'), fc.string({ maxLength: 5 }));

/** A value from a list of choices, or now and then anything. */
const choice = (...values: string[]) => fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });

// The options of each command (src/cli.ts), with values right and wrong; a group (an option and its value) is kept together.

const commonOptions: fc.Arbitrary<string[]>[] = [
  fc.tuple(
    fc.constantFrom('--config', '-c'),
    fc.oneof(fc.constantFrom('basket.config.yaml', 'cfg.yml', 'cfg.json', 'cfg.txt', 'list.txt', 'weights.yaml', 'invalid.yaml', 'malformed.yaml', 'missing.yaml', 'data', 'CFG.YAML'), relativePath),
  ),
  fc.constantFrom<string[]>(['--color'], ['--no-color'], ['-q'], ['--quiet'], ['-v'], ['--verbose'], ['-qv']),
];

/** --from, --as-of and the cache options of the data commands (compare, chart, snapshot). */
const dataOptions: fc.Arbitrary<string[]>[] = [
  date.map((d) => ['--as-of', d]),
  date.map((d) => ['--from', d]),
  date.map((d) => [`--as-of=${d}`]),
  fc.constantFrom<string[]>(['--offline'], ['--refresh']),
  choice('90s', '15m', '2h', '0s', '1d', '-1m', '15', '').map((d) => ['--max-age', d]),
  numberText.map((n) => ['--timeout', n]),
];

/** The analysis options of compare and chart. */
const analysisOptions: fc.Arbitrary<string[]>[] = [
  fc.constant<string[]>(['--price-return']),
  choice('USD', 'HKD', 'usd', 'EUR', 'JPY', 'US$').map((c) => ['--currency', c]),
  choice('1w,1m,ytd', '1d', 'ytd,ytd', '5y,3y', ',', '1w,,1m').map((p) => ['--periods', p]),
  choice('equal', 'cap', 'config', 'all').map((w) => ['--weights', w]),
  choice('none', 'daily', 'weekly', 'monthly', 'quarterly').map((r) => ['--rebalance', r]),
  choice('harmonic', 'median', 'mean', 'aggregate', 'all').map((m) => ['--pe-method', m]),
  choice('exclude', 'include').map((n) => ['--negative-pe', n]),
  numberText.map((n) => ['--max-gap-days', n]),
  numberText.map((n) => ['--max-move', n]),
];

const format = (...formats: string[]) => fc.tuple(fc.constantFrom('--format', '-f'), choice(...formats));

const OPTIONS = {
  compare: [
    ...commonOptions,
    ...dataOptions,
    ...analysisOptions,
    format('table', 'csv', 'json', 'md', 'html'),
    fc.tuple(fc.constantFrom('--output', '-o'), relativePath),
    fc.constantFrom<string[]>(['--strict'], ['--sparklines']),
  ],
  chart: [...commonOptions, ...dataOptions, ...analysisOptions, numberText.map((n) => ['--width', n]), numberText.map((n) => ['--height', n])],
  snapshot: [...commonOptions, ...dataOptions, fc.constant<string[]>(['--force']), choice('USD', 'HKD', 'usd', 'EUR').map((c) => ['--currency', c])],
  search: [...commonOptions, format('table', 'csv', 'json')],
  baskets: [...commonOptions, format('table', 'json')],
  init: [...commonOptions, fc.constant<string[]>(['--force'])],
  'cache info': [...commonOptions, format('table', 'json')],
  'cache clear': [...commonOptions],
  completion: [...commonOptions],
  '__complete-baskets': [...commonOptions],
} satisfies Record<string, fc.Arbitrary<string[]>[]>;

type CommandName = keyof typeof OPTIONS;

/** Every command word: none of them may turn up where commander could take it for the command. */
const COMMAND_WORDS = new Set(Object.keys(OPTIONS).flatMap((c) => c.split(' ')));

/** Options for `command`: mostly its own, now and then another command's (an unknown option), rarely help. */
const optionGroup = (command: CommandName): fc.Arbitrary<string[]> =>
  fc.oneof(
    { weight: 30, arbitrary: fc.oneof(...OPTIONS[command]) },
    { weight: 2, arbitrary: fc.oneof(...OPTIONS.compare, ...OPTIONS.snapshot) },
    { weight: 1, arbitrary: fc.constantFrom<string[]>(['--help'], ['-h'], ['-V']) },
  );

/** Basket arguments: presets, ids of the configs, basket files, noise. */
const basketArg: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('titans', 'mag7', 'titans', 'mag7', 'core', 'chips', 'list.txt', 'weights.yaml') },
  fc.constantFrom('titans', 'mag7', 'core', 'chips', 'plain', 'a', 'list.txt', 'weights.yaml', 'invalid.yaml', 'malformed.yaml', 'cfg.json', 'missing.txt', 'sub/x.yaml', 'data', 'AAPL', 'yahoo'),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,8}$/),
);

/** The arguments of each command besides options: basket names, a file, symbols, a shell, a query. */
const ARGUMENTS: Record<CommandName, fc.Arbitrary<string>> = {
  compare: basketArg,
  chart: basketArg,
  snapshot: basketArg,
  search: fc.oneof(fc.constantFrom('tencent', '700', 'AAPL', 'bank of china', ''), fc.string({ maxLength: 6 })),
  baskets: basketArg,
  init: fc.oneof(fc.constantFrom('basket.config.yaml', 'mine.yaml', 'weights.yaml', 'new.json', 'x.txt'), relativePath),
  'cache info': basketArg,
  'cache clear': fc.oneof(fc.constantFrom('AAPL', '700.hk', '^NDX', 'a b', ''), basketArg),
  completion: choice('bash', 'zsh', 'fish'),
  '__complete-baskets': basketArg,
};

/** Free tokens: unknown options, `--`, `-`, noise (never a data option, a command word, or a path outside the run's directory). */
const freeToken: fc.Arbitrary<string> = fc
  .oneof(fc.constantFrom('--', '-', '--nope', '-z', '--as-of', '-o', '--help', '---', '--no-strict'), fc.string({ maxLength: 8 }))
  .filter((t) => !isDataFlag(t) && !COMMAND_WORDS.has(t) && !t.startsWith('/') && !t.includes('..'));

/** The data source as written on the command line, always an offline directory (or a path that is not one). */
const dataTokens: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.constantFrom('--data', '-d', '--data='),
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(DEMO_DIR, 'data') }, { weight: 1, arbitrary: fc.constantFrom('empty', './yahoo', 'YAHOO', 'nope', 'list.txt', '', '.') }),
  )
  .map(([flag, dir]) => (flag === '--data=' ? [`--data=${dir}`] : [flag, dir]));

/** Where snapshot writes: mostly a new directory, sometimes an existing one or a file, rarely nowhere (a usage error). */
const outTokens: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('snap', 'sub/snap', 'out dir').map((p) => ['--out', p]) },
  { weight: 2, arbitrary: relativePath.map((p) => ['--out', p]) },
  { weight: 1, arbitrary: fc.constant<string[]>([]) },
);

/** Commands that read market data, and so take --data. */
const DATA_COMMANDS: readonly CommandName[] = ['compare', 'chart', 'snapshot', 'search'];

/**
 * A command's argv: the command, then for the data commands `data` (first, so
 * that nothing before it can swallow it), then options, arguments and noise in any order.
 */
const commandArgv = (command: CommandName, data: fc.Arbitrary<string[]>, maxGroups: number): fc.Arbitrary<string[]> =>
  fc
    .record({
      data: DATA_COMMANDS.includes(command) ? data : fc.constant<string[]>([]),
      out: command === 'snapshot' ? outTokens : fc.constant<string[]>([]),
      groups: fc.array(
        fc.oneof(
          { weight: 6, arbitrary: optionGroup(command) },
          { weight: command === 'baskets' ? 1 : 3, arbitrary: ARGUMENTS[command].map((a) => [a]) },
          { weight: 1, arbitrary: freeToken.map((t) => [t]) },
        ),
        { maxLength: maxGroups },
      ),
    })
    .chain(({ data, out, groups }) =>
      fc.shuffledSubarray([out, ...groups], { minLength: groups.length + 1 }).map((shuffled) => [...command.split(' '), ...data, ...shuffled.flat()]),
    );

/** An argv with an offline data directory (or a path that is not one), or one that runs nothing. */
const offlineArgv: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 8, arbitrary: commandArgv('compare', dataTokens, 6) },
  { weight: 3, arbitrary: commandArgv('snapshot', dataTokens, 4) },
  { weight: 2, arbitrary: commandArgv('chart', dataTokens, 5) },
  { weight: 2, arbitrary: commandArgv('baskets', fc.constant([]), 3) },
  { weight: 1, arbitrary: commandArgv('search', dataTokens, 3) },
  { weight: 1, arbitrary: commandArgv('init', fc.constant([]), 3) },
  { weight: 1, arbitrary: fc.constantFrom<CommandName>('cache info', 'cache clear').chain((c) => commandArgv(c, fc.constant([]), 3)) },
  { weight: 1, arbitrary: fc.constantFrom<CommandName>('completion', '__complete-baskets').chain((c) => commandArgv(c, fc.constant([]), 2)) },
  {
    weight: 1,
    // no command, an unknown one, help: nothing runs
    arbitrary: fc
      .tuple(
        fc.oneof(fc.constantFrom('help', 'help compare', 'help snapshot', 'help nope', '--help', '-h', '-V', '--version', 'Compare', 'comapre', 'frob', 'cache', '', '-x'), fc.string({ maxLength: 8 })),
        fc.array(freeToken, { maxLength: 3 }),
      )
      .map(([command, rest]) => [...(command === '' ? [] : command.split(' ')), ...rest])
      // after `--` or an unknown word commander might still find a data command and run it on Yahoo
      .filter((argv) => argv[0] === 'help' || !argv.some((t) => DATA_COMMANDS.includes(t as CommandName) || isDataFlag(t))),
  },
);

// ---------------------------------------------------------------- the contract

const EXIT_CODES = [0, 2, 3, 4];

/** What every run must keep to, whatever it was given. */
function expectCleanExit(argv: readonly string[], r: CliResult): void {
  const shown = `argv: ${JSON.stringify(argv)}\nexit ${r.exitCode}\nstderr:\n${r.stderr}`;
  expect(EXIT_CODES, shown).toContain(r.exitCode);
  expect(r.stderr, shown).not.toMatch(/internal error/i);
  // main() prints a BasketError's stack only when asked (the same test it makes)
  // --verbose, or a bundle of short flags with v in it (-v, -qv), may ask for a stack trace (unless it is another option's value)
  const mayBeVerbose = argv.some((a) => a === '--verbose' || /^-[a-zA-Z]*v[a-zA-Z]*$/.test(a));
  if (!mayBeVerbose) expect(r.stderr, shown).not.toMatch(/^\s+at /m);
  if (r.exitCode !== 0) {
    expect(r.stdout, shown).toBe('');
    expect(r.stderr.trim(), shown).not.toBe('');
  }
}

// ---------------------------------------------------------------- properties

/** Every directory a run may write to (config, cache) inside its own. */
const runOptions = (cwd: string) => ({ cwd, userConfigDir: path.join(cwd, 'user-config'), cacheDir: path.join(cwd, 'cache') });


describe('the CLI, on random command lines, config files and data directories', () => {
  it('ends with 0, 2, 3 or 4, never an internal error or a stack trace, offline', async () => {
    const root = await makeTempDir('basket-property-cli-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(setup, offlineArgv, async (s, argv) => {
        const cwd = path.join(root, `run-${n++}`);
        await mkdir(cwd);
        await writeRunDir(cwd, s);
        expectCleanExit(argv, await runCli(argv, runOptions(cwd)));
      }),
      { numRuns: 120 },
    );
  }, 60_000);

  it('ends with exit code 3 when the default Yahoo source is unreachable, and never reaches the network', async () => {
    const root = await makeTempDir('basket-property-cli-');
    let n = 0;
    const yahoo = fc.constantFrom<string[]>([], ['--data', 'yahoo'], ['-d', 'yahoo'], ['--data=yahoo']);
    const yahooArgv = fc.oneof(
      commandArgv('compare', yahoo, 4),
      commandArgv('snapshot', yahoo, 3),
      commandArgv('chart', yahoo, 3),
      commandArgv('search', yahoo, 2),
      commandArgv('baskets', fc.constant([]), 2),
    );
    await fc.assert(
      fc.asyncProperty(setup, yahooArgv, async (s, argv) => {
        const cwd = path.join(root, `run-${n++}`);
        await mkdir(cwd);
        await writeRunDir(cwd, s);
        const requests: string[] = [];
        const unreachable = (async (input: string | URL | Request) => {
          requests.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
          throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND query2.finance.yahoo.com'), { code: 'ENOTFOUND' }) });
        }) as typeof fetch;
        const r = await runCli(argv, { ...runOptions(cwd), fetch: unreachable });
        expectCleanExit(argv, r);
        const shown = `argv: ${JSON.stringify(argv)}\nstderr:\n${r.stderr}`;
        if (requests.length > 0) expect(r.exitCode, shown).toBe(3);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
