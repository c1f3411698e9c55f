/**
 * The 2025 story on the demo data, every figure dated, through the command
 * line; and the invariants that asking for more (periods, a look-back, another
 * format) changes no figure, on both providers.
 */
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DEMO_DIR, runCli } from '../helpers/cli.js';
import { TITANS_CLOSES, USDHKD } from '../helpers/demo-closes.js';
import { createFakeYahoo } from '../helpers/fake-yahoo.js';
import { createReplayFetch } from '../helpers/replay.js';
import { makeTempDir } from '../helpers/tmp.js';
import type { Report } from '../../src/report/types.js';

const STORY = ['--data', DEMO_DIR, '--as-of', '2025-03-07', '--currency', 'USD', '--lookback', '5y'];
const json = async (args: string[], fetch?: typeof globalThis.fetch) => {
  const r = await runCli([...args, '--format', 'json'], fetch ? { fetch } : {});
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
};

// the real closes of the demo (adjusted, from prices/), and USDHKD of 2024-12-31 and 2025-03-07
const TITANS = TITANS_CLOSES;
const [USDHKD_START, USDHKD_END] = USDHKD;

describe('the 2025 story on the demo data: compare --as-of 2025-03-07 --currency USD --lookback 5y', () => {
  it('the titans up about 43% in USD, at 16.1x forward earnings (7/7 P/Es, dated 2024-12-31 … 2025-03-14), a 42% discount, $421 bn added', async () => {
    const r = await json(['compare', ...STORY]);
    const [titans, mag7] = r.baskets;
    // USD return of each: (1 + local) × (USDHKD start / USDHKD end) − 1; the basket is their mean
    const usd = Object.values(TITANS).map(([p0, p1]) => (p1 / p0) * (USDHKD_START / USDHKD_END) - 1);
    expect(titans?.return).toBeCloseTo(usd.reduce((a, b) => a + b, 0) / 7, 9); // ≈ 0.4267
    expect(titans?.forwardPE).toBeCloseTo(7 / (1 / 13 + 1 / 16.17 + 1 / 38 + 1 / 16.83 + 1 / 63.69 + 1 / 8.82 + 1 / 12.23), 9); // ≈ 16.08
    expect(titans?.forwardPEDates).toEqual({ earliest: '2024-12-31', latest: '2025-03-14' });
    expect(titans?.peCoverage).toEqual({ included: 7, total: 7 });
    const mag7PE = 7 / (1 / 30.2 + 1 / 27.5 + 1 / 18.6 + 1 / 30.7 + 1 / 23.7 + 1 / 23.8 + 1 / 90.5);
    expect(r.comparison?.discount).toBeCloseTo(1 - (titans?.forwardPE as number) / mag7PE, 9); // ≈ 0.423
    // market value added, each from its dated cap (or Alibaba's share count), in USD at each day's rate
    const fx0 = 1 / USDHKD_START;
    const fx1 = 1 / USDHKD_END;
    const fromCap = (cap: number, atCap: number, [p0, p1]: readonly [number, number]) => cap * (p1 / atCap) * fx1 - cap * (p0 / atCap) * fx0;
    const added =
      (19054532284 * TITANS['9988.HK'][1] * fx1 - 19054532284 * TITANS['9988.HK'][0] * fx0) +
      fromCap(3808430000000, TITANS['0700.HK'][0], TITANS['0700.HK']) + // cap of 2024-12-31, at that day's close
      fromCap(864070000000, TITANS['1810.HK'][0], TITANS['1810.HK']) +
      fromCap(836393000000, TITANS['1211.HK'][0], TITANS['1211.HK']) +
      fromCap(533650000000, TITANS['0981.HK'][1], TITANS['0981.HK']) + // Yahoo's cap of 2025-03-07, at that day's close
      fromCap(390349000000, TITANS['9618.HK'][0], TITANS['9618.HK']) +
      fromCap(445990000000, TITANS['9999.HK'][0], TITANS['9999.HK']);
    expect((titans?.marketValueChange as number) / added).toBeCloseTo(1, 12); // ≈ 421.05e9
    expect(titans?.marketValueCoverage).toEqual({ included: 7, total: 7 });
    expect(titans?.members.map((m) => m.marketCapDate)).toEqual(['2024-12-31', '2024-12-31', '2024-12-31', '2024-12-31', '2025-03-07', '2024-12-31', '2024-12-31']);
    expect(mag7?.marketValueCoverage).toEqual({ included: 6, total: 7 }); // no dated cap for Alphabet
    // the Hang Seng TECH index, from Sina's closes: 4468.10986 → 6037.43994, in USD
    expect(titans?.benchmarkResult?.symbol).toBe('HSTECH.HK');
    expect(titans?.benchmarkResult?.return).toBeCloseTo((6037.43994 / 4468.10986) * (USDHKD_START / USDHKD_END) - 1, 9);
    expect(r.lookbackStart).toBe('2020-01-01');
  });

  it('the Hang Seng TECH index up about 9% in the week to 2025-03-06, at its highest since 2021-12-09', async () => {
    const week = await json(['compare', 'titans', '--data', DEMO_DIR, '--from', '2025-03-03', '--as-of', '2025-03-06', '--lookback', '5y']);
    const hstech = week.baskets[0]?.benchmarkResult;
    // from the close of Friday 2025-02-28 (5568.14014) to Thursday's 6068.77002
    expect(hstech?.return).toBeCloseTo(6068.77002 / 5568.14014 - 1, 9);
    // 6103.16016 on 2021-12-09 is the last close above 6068.77002
    expect(hstech?.risk?.highestSince).toBe('2021-12-09');
    // without the look-back, the window alone: the last close is its high
    const plain = await json(['compare', 'titans', '--data', DEMO_DIR, '--from', '2025-03-03', '--as-of', '2025-03-06']);
    expect(plain.baskets[0]?.benchmarkResult?.risk?.highestSince).toBeNull();
    expect(plain.baskets[0]?.benchmarkResult?.risk?.windowHigh).toBe(6068.77002);
  });

  it('the table shows each P/E with its date, and the dates the baskets rest on', async () => {
    const r = await runCli(['compare', ...STORY]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/│ 1810\.HK .*│ +38\.0x \(2025-03-14\) │/);
    expect(r.stdout).toMatch(/│ 0981\.HK .*│ +63\.7x │/); // dated on the as-of date: no date beside it
    expect(r.stdout).toContain('Forward P/Es dated (as-of 2025-03-07): China tech titans 2024-12-31 … 2025-03-14; Magnificent Seven 2025-03-13');
    expect(r.stderr).toContain('*: figures dated 2025-03-13, 6 days after 2025-03-07, used: forward P/E of AAPL, MSFT, GOOGL, AMZN, META, NVDA, TSLA');
  });
});

describe('invariant: asking for more changes no figure of the plain run', () => {
  // what a look-back or periods may change: the periods themselves, highest-since, and the notes
  const figures = (r: Report) =>
    JSON.parse(
      JSON.stringify({ ...r, periods: null, lookback: null, lookbackStart: null, issues: null }, (key, value: unknown) => (key === 'periods' || key === 'highestSince' ? null : value)),
    ) as unknown;
  const extra = ['--periods', '1w,1m,3y', '--lookback', '5y'];

  it('on the demo data, in every currency mode, under every method', async () => {
    for (const more of [[], ['--currency', 'USD'], ['--weights', 'cap'], ['--rebalance', 'monthly', '--pe-method', 'all']]) {
      const args = ['compare', '--data', DEMO_DIR, '--as-of', '2025-03-07', ...more];
      expect(figures(await json([...args, ...extra])), more.join(' ')).toEqual(figures(await json(args)));
    }
  });

  it('through Yahoo (replayed; the fake answers any range with the recorded bars in it)', async () => {
    const args = ['compare', '--as-of', '2025-03-07', '--currency', 'USD'];
    const plain = await json(args, createReplayFetch().fetch);
    const fake = createFakeYahoo();
    const more = await json([...args, ...extra], fake.fetch);
    expect(fake.requests.some((q) => q.kind === 'chart' && (q.period1 ?? Number.POSITIVE_INFINITY) < Date.UTC(2024, 11, 1) / 1000)).toBe(true); // it did reach back
    expect(figures(more)).toEqual(figures(plain));
  });

  it('in CSV, and in the table and Markdown sentences', async () => {
    const base = ['compare', '--data', DEMO_DIR, '--as-of', '2025-03-07', '-q'];
    const rows = async (args: string[]) =>
      (parse((await runCli([...args, '--format', 'csv'])).stdout, { columns: true }) as Record<string, string>[])
        .filter((row) => !row.kind?.endsWith('-period'))
        .map((row) => ({ ...row, highestSince: null, lookbackStart: null }));
    expect(await rows([...base, ...extra])).toEqual(await rows(base));
    for (const format of ['table', 'md']) {
      const sentences = (out: string) => out.split('\n').filter((l) => /minus|discount|P\/Es dated/.test(l));
      expect(sentences((await runCli([...base, ...extra, '--format', format])).stdout)).toEqual(sentences((await runCli([...base, '--format', format])).stdout));
    }
  });
});

describe('quotes.csv without dates', () => {
  it('gives the figures of the same quotes dated on the as-of date, and says once that they are undated', async () => {
    const dir = await makeTempDir('basket-undated-');
    await cp(path.join(DEMO_DIR, 'prices'), path.join(dir, 'undated', 'prices'), { recursive: true });
    await cp(path.join(DEMO_DIR, 'prices'), path.join(dir, 'dated', 'prices'), { recursive: true });
    const rows = [
      ['AAPL', 'Apple Inc.', 'USD', '30.2', '3674405863424'],
      ['MSFT', 'Microsoft Corporation', 'USD', '27.5', '3133800000000'],
      ['^NDX', 'NASDAQ 100', 'USD', '', ''],
    ];
    await writeFile(path.join(dir, 'undated', 'quotes.csv'), ['symbol,name,currency,forwardPE,marketCap', ...rows.map((r) => r.join(','))].join('\n'));
    await writeFile(path.join(dir, 'dated', 'quotes.csv'), ['symbol,date,name,currency,forwardPE,marketCap', ...rows.map(([s, ...r]) => [s, '2025-03-07', ...r].join(','))].join('\n'));
    await writeFile(path.join(dir, 'duo.txt'), 'AAPL\nMSFT\n');
    const run = (data: string) => runCli(['compare', path.join(dir, 'duo.txt'), '--data', path.join(dir, data), '--as-of', '2025-03-07', '--format', 'json']);
    const undated = JSON.parse((await run('undated')).stdout) as Report;
    const dated = JSON.parse((await run('dated')).stdout) as Report;
    const figures = (r: Report) => r.baskets.map((b) => ({ ...b, members: b.members.map((m) => ({ ...m, forwardPEDate: null, marketCapDate: null })), forwardPEDates: null }));
    expect(figures(undated)).toEqual(figures(dated));
    // the cap is taken at the end close, as it always was: MV(end) = cap
    expect(undated.baskets[0]?.members[0]?.marketValueEnd).toBe(3674405863424);
    expect(undated.issues.filter((i) => i.code === 'undated-quote')).toEqual([
      expect.objectContaining({ symbols: ['AAPL', 'MSFT'], message: 'undated quote figures taken as of 2025-03-07: forward P/E of AAPL, MSFT; market cap of AAPL, MSFT' }),
    ]);
    expect(dated.issues.some((i) => i.code === 'undated-quote')).toBe(false);
  });

  it('a bad date is a one-line error naming the file and line, exit 2', async () => {
    const dir = await makeTempDir('basket-baddate-');
    await cp(path.join(DEMO_DIR, 'prices'), path.join(dir, 'prices'), { recursive: true });
    await writeFile(path.join(dir, 'quotes.csv'), 'symbol,date,forwardPE\nAAPL,2025-02-30,30\n');
    const r = await runCli(['compare', 'mag7', '--data', dir, '--as-of', '2025-03-07']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`basket: bad data file ${path.join(dir, 'quotes.csv')}:2: date must be written YYYY-MM-DD or left empty, got "2025-02-30"\n`);
  });

  it('the same field twice on one date is a one-line error naming both lines', async () => {
    const dir = await makeTempDir('basket-twice-');
    await mkdir(path.join(dir, 'prices'));
    await cp(path.join(DEMO_DIR, 'prices', 'AAPL.csv'), path.join(dir, 'prices', 'AAPL.csv'));
    await writeFile(path.join(dir, 'quotes.csv'), 'symbol,date,forwardPE\nAAPL,2025-03-07,30\nAAPL,2025-03-07,31\n');
    await writeFile(path.join(dir, 'one.txt'), 'AAPL\n');
    const r = await runCli(['compare', path.join(dir, 'one.txt'), '--data', dir, '--as-of', '2025-03-07']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`basket: bad data file ${path.join(dir, 'quotes.csv')}:3: forwardPE of AAPL on 2025-03-07 given twice (also on line 2)\n`);
  });
});

describe('an unreadable data directory', () => {
  it('is reported as unreadable with its reason, not as "not found" (exit 2)', async () => {
    // root reads every file whatever its mode, so the unreadable directory here is a symbolic link to itself (ELOOP)
    const dir = await makeTempDir('basket-loop-');
    const loop = path.join(dir, 'loop');
    await symlink(loop, loop);
    const r = await runCli(['compare', '--data', loop, '--as-of', '2025-03-07']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`basket: cannot read data directory ${loop} (ELOOP)\n`);
    const missing = await runCli(['compare', '--data', path.join(dir, 'nothing'), '--as-of', '2025-03-07']);
    expect(missing.stderr).toBe(`basket: data directory not found: ${path.join(dir, 'nothing')}\n`);
  });
});

describe('recorded splits in an offline price file', () => {
  it('a Stock Splits column is read: a split the closes still show is adjusted, and said', async () => {
    const dir = await makeTempDir('basket-splits-');
    await mkdir(path.join(dir, 'prices'), { recursive: true });
    // BYD around its 3-for-1 split of 2025-06-10, unadjusted closes (the real adjusted ones × 3 before it)
    const rows = [
      ['2025-06-06', 134.3333282470703 * 3, 0],
      ['2025-06-09', 132.1999969482422 * 3, 0],
      ['2025-06-10', 135.60000610351562, 3],
      ['2025-06-11', 140.8000030517578, 0],
    ];
    await writeFile(path.join(dir, 'prices', '1211.HK.csv'), ['Date,Close,Stock Splits', ...rows.map((r) => r.join(','))].join('\n'));
    await writeFile(path.join(dir, 'quotes.csv'), 'symbol,currency\n1211.HK,HKD\n');
    await writeFile(path.join(dir, 'byd.txt'), '1211.HK\n');
    const r = await runCli(['compare', path.join(dir, 'byd.txt'), '--data', dir, '--from', '2025-06-09', '--as-of', '2025-06-11', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    // from 2025-06-06's close, divided by 3, to 2025-06-11's
    expect(report.baskets[0]?.return).toBeCloseTo(140.8000030517578 / 134.3333282470703 - 1, 9);
    expect(report.issues).toContainEqual(expect.objectContaining({ symbol: '1211.HK', code: 'split-adjusted', date: '2025-06-10', ratio: 3 }));
    expect(report.issues.some((i) => i.code === 'suspect-split')).toBe(false);
  });
});

describe('the story in README', () => {
  it('shows the commands this file checks', async () => {
    const readme = await readFile(path.join(DEMO_DIR, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain('basket compare --data fixtures/demo --as-of 2025-03-07 --currency USD --lookback 5y');
    expect(readme).toContain('basket compare titans --data fixtures/demo --from 2025-03-03 --as-of 2025-03-06 --lookback 5y');
  });
});
