/**
 * The CLI as a whole: main(argv, io, deps) → { exitCode, stdout, stderr }.
 */
import { MAG7_CLOSES, TITANS_CLOSES } from '../helpers/demo-closes.js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../helpers/tmp.js';
import { decideColorLevel } from '../../src/commands/terminal.js';
import type { Report } from '../../src/report/types.js';
import { DEMO_DIR, runCli } from '../helpers/cli.js';
import { createReplayFetch, FIXTURES } from '../helpers/replay.js';

const DEMO = ['--data', DEMO_DIR, '--as-of', '2025-03-07'];
const ANSI = /\u001b\[/;

// Real adjusted closes from fixtures/demo/prices: 2024-12-31 (the YTD base) and 2025-03-07.
const TITANS: Record<string, readonly [number, number]> = TITANS_CLOSES;
const MAG7: Record<string, readonly [number, number]> = MAG7_CLOSES;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ret = ([p0, p1]: readonly [number, number]) => p1 / p0 - 1;
// Equal-weighted: the mean of the seven members' returns.
const TITANS_RETURN = mean(Object.values(TITANS).map(ret)); // ≈ +0.42833
const MAG7_RETURN = mean(Object.values(MAG7).map(ret)); // ≈ −0.10350
// Forward P/Es of fixtures/demo/quotes.csv on 2025-03-07, each the latest dated on or before it, else the
// earliest after (Xiaomi, 2025-03-14): Alibaba 13 (02-20), Tencent 16.17 (2024-12-31), Xiaomi 38 (03-14),
// BYD 16.83 (2024-12-31), SMIC 63.69 (03-07), JD.com 8.82 (02-13), NetEase 12.23 (2024-12-31).
const TITANS_PE = 7 / (1 / 13 + 1 / 16.17 + 1 / 38 + 1 / 16.83 + 1 / 63.69 + 1 / 8.82 + 1 / 12.23); // ≈ 16.079
// The replayed Yahoo quotes (hand-made, dated 2025-03-07) carry only Alibaba's, Tencent's and Xiaomi's press figures.
const YAHOO_TITANS_PE = 3 / (1 / 13 + 1 / 19 + 1 / 38); // ≈ 19.247
const MAG7_PE = 7 / (1 / 30.2 + 1 / 27.5 + 1 / 18.6 + 1 / 30.7 + 1 / 23.7 + 1 / 23.8 + 1 / 90.5); // ≈ 27.89

function expectDemoFigures(report: Report, source: 'demo' | 'yahoo' = 'demo'): void {
  const titansPE = source === 'demo' ? TITANS_PE : YAHOO_TITANS_PE;
  const [titans, mag7] = report.baskets;
  expect(report.from).toBe('2025-01-01');
  expect(report.asOf).toBe('2025-03-07');
  expect(titans?.return).toBeCloseTo(TITANS_RETURN, 9);
  expect(mag7?.return).toBeCloseTo(MAG7_RETURN, 9);
  expect(titans?.return).toBeCloseTo(0.428, 3);
  expect(mag7?.return).toBeCloseTo(-0.1035, 4);
  expect(titans?.forwardPE).toBeCloseTo(titansPE, 9);
  expect(mag7?.forwardPE).toBeCloseTo(MAG7_PE, 9);
  expect(titans?.peCoverage).toEqual({ included: source === 'demo' ? 7 : 3, total: 7 });
  expect(mag7?.peCoverage).toEqual({ included: 7, total: 7 });
  expect(report.comparison?.discount).toBeCloseTo(1 - titansPE / MAG7_PE, 9);
  for (const m of titans?.members ?? []) {
    expect(m.startDate).toBe('2024-12-31');
    expect(m.endDate).toBe('2025-03-07');
    expect(m.return).toBeCloseTo(ret(TITANS[m.symbol]!), 9);
  }
}

describe('basket compare', () => {
  it('JSON on the demo data gives the returns of the real closes', async () => {
    const r = await runCli(['compare', 'titans', 'mag7', ...DEMO, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expectDemoFigures(report);
    expect(report.issues.filter((i) => i.code === 'no-forward-pe')).toEqual([]);
    // every P/E from another day than 2025-03-07 is flagged, with its date
    expect(report.issues).toContainEqual({
      symbol: null,
      symbols: ['1810.HK'],
      fields: ['forwardPE'],
      code: 'quote-after-as-of',
      date: '2025-03-14',
      days: 7,
      message: 'figures dated 2025-03-14, 7 days after 2025-03-07, used: forward P/E of 1810.HK',
    });
    expect(report.baskets[0]?.members.map((m) => m.forwardPEDate)).toEqual(['2025-02-20', '2024-12-31', '2025-03-14', '2024-12-31', '2025-03-07', '2025-02-13', '2024-12-31']);
    // diagnostics on stderr only
    expect(r.stderr).toContain(
      '*: figures dated 2024-12-31, 66 days before 2025-03-07 (over --max-quote-age 31), used: share count of 9988.HK, TSLA; forward P/E of 0700.HK, 1211.HK, 9999.HK; market cap of 0700.HK, 1810.HK, 1211.HK, 9618.HK, 9999.HK, MSFT, META, NVDA',
    );
  });

  it('defaults to titans and mag7, and to a table without colour when stdout is not a terminal', async () => {
    const r = await runCli(['compare', ...DEMO]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toContain('China tech titans');
    expect(r.stdout).toMatch(/China tech titans\s+│\s+7\/7 │\s+\+42\.8% │\s+\+7\.7% │/); // vs the Hang Seng TECH index's +35.1%
    expect(r.stdout).toMatch(/benchmark HSTECH\.HK\s+│\s+│\s+\+35\.1% │/);
    expect(r.stdout).toMatch(/Magnificent Seven\s+│\s+7\/7 │\s+-10\.3% │\s+-6\.5% │/); // vs the Nasdaq-100's −3.9%
    expect(r.stdout).toMatch(/benchmark \^NDX\s+│\s+│\s+-3\.9% │/);
    expect(r.stdout).toMatch(/China tech titans\s+│.*│\s+16\.1x │\s+7\/7 │/);
    expect(r.stdout).toMatch(/Magnificent Seven\s+│.*│\s+27\.9x │\s+7\/7 │/);
    expect(r.stdout).toContain(`on forward P/E (harmonic): ${((1 - TITANS_PE / MAG7_PE) * 100).toFixed(1)}% discount`);
    expect(r.stdout).not.toContain('note');
  });

  it('CSV loads cleanly into a CSV parser, with raw numbers', async () => {
    const r = await runCli(['compare', ...DEMO, '--format', 'csv']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    const rows = parse(r.stdout, { columns: true, relax_column_count: false }) as Record<string, string>[];
    const kinds = rows.map((row) => row.kind);
    // per basket: 7 members, the basket, its benchmark, 8 valuation rows (2 bases × 4 methods); then the comparison and 4 discounts
    expect(kinds.filter((k) => k === 'member')).toHaveLength(14);
    expect(kinds.filter((k) => k === 'basket')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'benchmark')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'valuation')).toHaveLength(16);
    expect(kinds.filter((k) => k === 'discount')).toHaveLength(4);
    expect(rows).toHaveLength(14 + 2 + 2 + 16 + 1 + 4);
    const titans = rows.find((row) => row.kind === 'basket' && row.basket === 'titans');
    expect(Number(titans?.return)).toBeCloseTo(TITANS_RETURN, 12);
    const comparison = rows.find((row) => row.kind === 'comparison');
    expect(Number(comparison?.discount)).toBeCloseTo(1 - TITANS_PE / MAG7_PE, 12);
  });

  it('one basket alone works, with no comparison', async () => {
    const r = await runCli(['compare', 'mag7', ...DEMO, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.baskets.map((b) => b.id)).toEqual(['mag7']);
    expect(report.comparison).toBeNull();
  });

  it('through Yahoo (replayed) gives the same figures as the offline data', async () => {
    const replay = createReplayFetch();
    // yahoo-finance2's default logger writes to stdout, and it has a survey notice and a version check
    const spies = (['log', 'info', 'warn', 'error', 'dir'] as const).map((level) => vi.spyOn(console, level));
    const r = await runCli(['compare', '--as-of', '2025-03-07', '--format', 'json'], { fetch: replay.fetch });
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
    expect(r.stderr).not.toContain('yahoo-finance2:');
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.dataSource).toBe('yahoo');
    expectDemoFigures(report, 'yahoo');
    expect(report.baskets[0]?.members[0]?.name).toBe('Alibaba Group Holding Limited');
    // the live quotes are dated by their last trade: 2025-03-07, the as-of date
    expect(report.baskets[1]?.members.map((m) => m.forwardPEDate)).toEqual(Array(7).fill('2025-03-07'));
    expect(replay.used.has('quote-titans-mag7-2025-03-07.fake.json')).toBe(true);
    // 14 members and the three benchmarks, asked for in one wave (HSTECH.HK and its fallback 3033.HK answered "No data found")
    expect(replay.calls.filter((c) => c.includes('/v8/finance/chart/'))).toHaveLength(17);
    expect(report.baskets[0]?.benchmarks).toEqual(['HSTECH.HK', '3033.HK']);
    expect(report.issues).toContainEqual(expect.objectContaining({ basket: 'titans', code: 'benchmark-fallback', message: expect.stringContaining('no benchmark has data over the window: HSTECH.HK') }));
    expect(report.baskets[1]?.benchmarkResult?.return).toBeCloseTo(20201.369140625 / 21012.169921875 - 1, 9);
  });

  it('exits 3 with one line when Yahoo cannot be reached', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
    }) as typeof fetch;
    const r = await runCli(['compare', '--as-of', '2025-03-07'], { fetch: offline });
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('basket: cannot reach Yahoo Finance (ENOTFOUND): use --offline for cached data or --data DIR for an offline data directory\n');
  });

  it.each([
    [429, 'Too Many Requests', 'basket: Yahoo Finance is refusing requests (HTTP 429 Too Many Requests): wait a while, or use --offline for cached data or --data DIR for an offline data directory\n'],
    [503, 'Service Unavailable', 'basket: Yahoo Finance answered HTTP 503: try again later, or use --offline for cached data or --data DIR for an offline data directory\n'],
  ])('exits 3 with exactly one line when Yahoo answers HTTP %i', async (status, statusText, message) => {
    let calls = 0;
    const refusing = (async () => {
      calls += 1;
      return new Response(statusText, { status, statusText });
    }) as typeof fetch;
    const consoleError = vi.spyOn(console, 'error');
    const slept: number[] = [];
    const r = await runCli(['compare', 'mag7', '--as-of', '2025-03-07'], { fetch: refusing, sleep: async (ms) => void slept.push(ms) });
    expect(r.exitCode).toBe(3);
    // every request was tried at most 4 times, with at most 3 waits each, and the run stopped at the first refusal it could not get past
    expect(slept.length).toBeGreaterThanOrEqual(3);
    // at most every request that can be in flight at once (8 charts: 7 members and ^NDX; the quote's first handshake request), 4 tries each
    expect(calls).toBeLessThanOrEqual(4 * 9);
    expect(slept.every((ms) => ms >= 250 && ms <= 6000)).toBe(true); // 500 × 2^k × [0.5, 1.5), k ≤ 2
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message);
    // nothing reached the real stderr behind our back (yahoo-finance2 prints the URL of a failed request)
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('--price-return uses closes and says so', async () => {
    const r = await runCli(['compare', 'mag7', ...DEMO, '--price-return', '--format', 'json']);
    expect((JSON.parse(r.stdout) as Report).priceBasis).toBe('close');
  });

  it('a member without data is left out and named, never counted as 0', async () => {
    const dir = await makeTempDir('basket-cli-');
    await writeFile(path.join(dir, 'list.txt'), 'AAPL\nMSFT\nNOPE\n');
    const r = await runCli(['compare', path.join(dir, 'list.txt'), ...DEMO, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const b = (JSON.parse(r.stdout) as Report).baskets[0]!;
    expect(b.membersWithData).toEqual({ included: 2, total: 3 });
    expect(b.return).toBeCloseTo((ret(MAG7.AAPL!) + ret(MAG7.MSFT!)) / 2, 9);
    expect(r.stderr).toContain('NOPE: no price file');
  });

  it('--quiet drops the notes but not errors', async () => {
    const r = await runCli(['compare', ...DEMO, '--quiet']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('exits 3 when no member has data in the period', async () => {
    const r = await runCli(['compare', '--data', DEMO_DIR, '--as-of', '2026-06-30']);
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toMatch(
      /^basket: no market data for any member from 2026-01-01 to 2026-06-30 \(files:.*demo\): the closes found run from 2025-12-02 to 2025-12-31; a return needs a close before 2026-01-01 and one after it\n$/,
    );
    expect(r.stdout).toBe('');
  });
});

describe('bad input: one line on stderr, exit code 2, nothing on stdout', () => {
  it.each([
    [['compare', 'nosuch', ...DEMO], 'basket: unknown basket "nosuch" (available: titans, mag7;'],
    [['compare', '--data', '/no/such/dir', '--as-of', '2025-03-07'], 'basket: data directory not found: /no/such/dir'],
    [['compare', ...DEMO, '--from', '2025-02-30'], 'basket: --from must be a date written YYYY-MM-DD, got "2025-02-30"'],
    [['compare', '--data', DEMO_DIR, '--as-of', 'yesterday'], 'basket: --as-of must be a date written YYYY-MM-DD'],
    [['compare', ...DEMO, '--from', '2025-04-01'], 'basket: --from 2025-04-01 is after --as-of 2025-03-07'],
    [['compare', ...DEMO, '--format', 'xml'], "basket: option '-f, --format <format>' argument 'xml' is invalid"],
    [['compare', ...DEMO, '--bogus'], "basket: unknown option '--bogus'"],
    [['frobnicate'], "basket: unknown command 'frobnicate'"],
    [['compar'], "basket: unknown command 'compar' (did you mean compare?)"],
    [['compare', '--formt', 'json'], "basket: unknown option '--formt' (did you mean --format?)"],
    [['compare', '--from'], "basket: option '--from <date>' argument missing"],
    [['compare', ...DEMO, '--config', 'fixtures/config/invalid.yaml'], 'basket: config error in fixtures/config/invalid.yaml at baskets.mag7.symbols[3]: duplicate symbol MSFT'],
    [['compare', ...DEMO, '--config', 'fixtures/config/malformed.yaml'], 'basket: config error in'],
    [['compare', ...DEMO, '--config', 'no-such-config.yaml'], 'no such file'],
  ])('%j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(message) || r.stderr.includes(message)).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a malformed offline price file names the file and line', async () => {
    const dir = await makeTempDir('basket-cli-');
    await writeFile(path.join(dir, 'list.txt'), 'BAD\n');
    await mkdir(path.join(dir, 'prices'));
    await writeFile(path.join(dir, 'prices', 'BAD.csv'), 'Date,Close\n2025-01-02,1\n2025-01-03,one\n');
    const r = await runCli(['compare', 'list.txt', '--data', '.', '--as-of', '2025-01-03'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^basket: bad data file .*BAD\.csv:3: Close is not a number: "one"\n$/);
  });

  it('--verbose adds the stack trace', async () => {
    const r = await runCli(['compare', ...DEMO, '--from', 'soon', '--verbose']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('colour', () => {
  it.each([
    [undefined, {}, true, 1],
    [undefined, {}, false, 0],
    [undefined, { NO_COLOR: '1' }, true, 0],
    [undefined, { NO_COLOR: '' }, true, 1],
    [undefined, { FORCE_COLOR: '1' }, false, 1],
    [undefined, { FORCE_COLOR: '0' }, true, 0],
    [undefined, { FORCE_COLOR: '3', NO_COLOR: '1' }, false, 3],
    [false, { FORCE_COLOR: '1' }, true, 0],
    [true, {}, false, 1],
    [undefined, { TERM: 'dumb' }, true, 0],
    [undefined, { COLORTERM: 'truecolor' }, true, 3],
  ])('flag %s, env %j, tty %s → level %i', (flag, env, tty, level) => {
    expect(decideColorLevel(flag, env, tty)).toBe(level);
  });

  it('colours the table on a terminal and not when NO_COLOR is set', async () => {
    expect((await runCli(['compare', ...DEMO], { isTTY: true })).stdout).toMatch(ANSI);
    expect((await runCli(['compare', ...DEMO], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await runCli(['compare', ...DEMO], { isTTY: false, env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await runCli(['compare', ...DEMO, '--format', 'csv'], { isTTY: true, env: { FORCE_COLOR: '3' } })).stdout).not.toMatch(ANSI);
  });
});

describe('basket baskets', () => {
  it('lists presets and config baskets with where each came from', async () => {
    const r = await runCli(['baskets', '--config', 'fixtures/config/basket.config.yaml', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as { configFile: string; baskets: { id: string; source: string; symbols: string[] }[] };
    expect(out.baskets.map((b) => [b.id, b.source])).toEqual([
      ['titans', 'preset'],
      ['mag7', 'fixtures/config/basket.config.yaml'],
      ['chips', 'fixtures/config/basket.config.yaml'],
    ]);
    expect(out.baskets[1]?.symbols).toEqual(['AAPL', 'MSFT', 'NVDA']);
  });

  it('prints a table', async () => {
    const r = await runCli(['baskets']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('9988.HK 0700.HK 1810.HK');
    expect(r.stdout).toContain('none found (presets only)');
  });
});

describe('basket snapshot', () => {
  it('freezes a Yahoo run into a data directory that replays offline to the same figures, in USD too', async () => {
    const out = path.join(await makeTempDir('basket-snap-'), 'frozen');
    const replay = createReplayFetch();
    const snap = await runCli(['snapshot', 'titans', 'mag7', '--out', out, '--as-of', '2025-03-07', '--currency', 'USD'], { fetch: replay.fetch });
    expect(snap.exitCode).toBe(0);
    expect(snap.stdout).toBe('');
    // Yahoo serves almost no daily history for HSTECH.HK (fixtures/yahoo/chart-HSTECH.HK-404.fake.json)
    expect(snap.stderr).toContain('HSTECH.HK: no data on Yahoo Finance (No data found, symbol may be delisted)');
    // 14 members, ^NDX and USDHKD=X; quotes for the members plus currency rows for ^NDX and USDHKD=X
    expect(snap.stderr).toContain('wrote 16 price series and 16 quotes (2024-12-02 to 2025-03-07)');
    const offline = await runCli(['compare', '--data', out, '--as-of', '2025-03-07', '--format', 'json']);
    expect(offline.exitCode).toBe(0);
    expectDemoFigures(JSON.parse(offline.stdout) as Report, 'yahoo');
    expect(await readFile(path.join(out, 'prices', '^NDX.csv'), 'utf8')).toMatch(/^Date,Close,Adj Close\n2024-12-02,/);
    // each quote keeps the day of its last trade, so the frozen figures are dated as the live ones
    const frozenQuotes = await readFile(path.join(out, 'quotes.csv'), 'utf8');
    expect(frozenQuotes).toMatch(/^symbol,date,name,.*,provider\n/);
    expect(frozenQuotes).toMatch(/\nAAPL,2025-03-07,Apple Inc\.,.*,Yahoo Finance\n/);
    const usd = ['compare', '--as-of', '2025-03-07', '--currency', 'USD', '--format', 'json'];
    const live = JSON.parse((await runCli(usd, { fetch: createReplayFetch().fetch })).stdout) as Report;
    const frozen = JSON.parse((await runCli([...usd, '--data', out])).stdout) as Report;
    expect(frozen.baskets.map((b) => b.return)).toEqual(live.baskets.map((b) => b.return));
    expect(frozen.baskets.map((b) => [b.forwardPE, b.forwardPEDates])).toEqual(live.baskets.map((b) => [b.forwardPE, b.forwardPEDates]));
    expect(frozen.baskets[1]?.benchmarkResult?.return).toBe(live.baskets[1]?.benchmarkResult?.return);
  });

  it('needs --out and refuses to overwrite without --force', async () => {
    expect((await runCli(['snapshot', '--data', DEMO_DIR])).exitCode).toBe(2);
    const out = await makeTempDir('basket-snap-');
    await writeFile(path.join(out, 'mine.txt'), 'keep');
    const r = await runCli(['snapshot', 'mag7', '--data', DEMO_DIR, '--as-of', '2025-03-07', '--out', out]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('pass --force');
    expect(await readFile(path.join(out, 'mine.txt'), 'utf8')).toBe('keep');
  });
});

describe('help and version', () => {
  it('prints help on stdout with exit 0', async () => {
    const r = await runCli(['compare', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--as-of <date>');
    expect((await runCli([])).stdout).toContain('Usage: basket');
  });

  it("prints the version, which is package.json's", async () => {
    const r = await runCli(['--version']);
    expect(r.exitCode).toBe(0);
    const pkg = JSON.parse(await readFile(path.join(FIXTURES, '..', 'package.json'), 'utf8')) as { version: string };
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });
});
