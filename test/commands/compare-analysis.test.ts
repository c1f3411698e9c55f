/**
 * `basket compare` with the analysis options (--currency, --periods,
 * --weights, --rebalance, --pe-method, --negative-pe) on the real demo
 * closes, through both providers, with the figures worked out by hand.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openYahooProvider } from '../../src/providers/yahoo/provider.js';
import type { Report } from '../../src/report/types.js';
import { DEMO_DIR, runCli } from '../helpers/cli.js';
import { createReplayFetch } from '../helpers/replay.js';
import { makeTempDir } from '../helpers/tmp.js';

const DEMO = ['--data', DEMO_DIR, '--as-of', '2025-03-07'];

// Real closes (fixtures/demo): 2024-12-31 and 2025-03-07.
const TITANS: [number, number][] = [
  [82.67565155029297, 139.70538330078125], // 9988.HK
  [416.1671142578125, 528.8831787109375], // 0700.HK
  [34.650001525878906, 54.349998474121094], // 1810.HK
  [87.89510345458984, 117.10556030273438], // 1211.HK
  [31.700000762939453, 54.599998474121094], // 0981.HK
  [135.4573211669922, 169.54592895507812], // 9618.HK
  [138.7417449951172, 161.3197479248047], // 9999.HK
];
// USDHKD=X (HKD per USD) on the same two days; HKD→USD is its inverse.
const USDHKD_START = 7.763500213623047;
const USDHKD_END = 7.77239990234375;
const FX_RATIO = 1 / USDHKD_END / (1 / USDHKD_START); // fxEnd / fxStart in USD per HKD
const TITANS_USD = TITANS.reduce((s, [p0, p1]) => s + ((p1 / p0) * FX_RATIO - 1), 0) / 7;

function checkTitansInUsd(report: Report): void {
  const titans = report.baskets[0];
  expect(report.currency).toBe('USD');
  expect(titans?.return).toBeCloseTo(TITANS_USD, 9);
  titans?.members.forEach((m, i) => {
    const [p0, p1] = TITANS[i] as [number, number];
    expect(m.currency).toBe('HKD');
    expect(m.localReturn).toBeCloseTo(p1 / p0 - 1, 9);
    expect(m.fxReturn).toBeCloseTo(USDHKD_START / USDHKD_END - 1, 9);
    expect(m.return).toBeCloseTo((1 + (p1 / p0 - 1)) * FX_RATIO - 1, 9);
  });
}

describe('compare --currency', () => {
  it('reports the titans in USD on the demo data, inverting USDHKD=X', async () => {
    const r = await runCli(['compare', 'titans', ...DEMO, '--currency', 'usd', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    checkTitansInUsd(JSON.parse(r.stdout) as Report);
  });

  it('gives the same USD figures through Yahoo (replayed), where HKDUSD=X is not found and USDHKD=X is inverted', async () => {
    const replay = createReplayFetch();
    const r = await runCli(['compare', 'titans', '--as-of', '2025-03-07', '--currency', 'USD', '--format', 'json'], { fetch: replay.fetch });
    expect(r.exitCode).toBe(0);
    checkTitansInUsd(JSON.parse(r.stdout) as Report);
    expect(replay.used.has('chart-USDHKD=X-2024-12-02-to-2025-03-08.fake.json')).toBe(true);
    expect(replay.used.has('chart-HKDUSD=X-404.fake.json')).toBe(true);
    // the missing direct pair is no news once the inverse is there
    expect(r.stderr).not.toContain('HKDUSD=X');
  });

  it('shows local, FX and USD returns in the table', async () => {
    const r = await runCli(['compare', 'titans', ...DEMO, '--currency', 'USD']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('in USD');
    expect(r.stdout).toMatch(/9988\.HK .*│ \+69\.0% │ -0\.1% │\s+\+68\.8% │/);
  });

  it('refuses a currency that is not three letters, with exit 2 and one line', async () => {
    const r = await runCli(['compare', ...DEMO, '--currency', 'dollars']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('basket: --currency must be a three-letter ISO 4217 code such as USD, got "dollars"\n');
  });
});

describe('compare --periods', () => {
  it('adds a return per period for members, baskets and the benchmark', async () => {
    const r = await runCli(['compare', 'mag7', ...DEMO, '--periods', '1w,ytd', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const mag7 = report.baskets[0];
    // 1w: from the close of Fri 2025-02-28 (2025-03-07 − 7 days) — AAPL 241.5 → 238.03
    const aapl = mag7?.members.find((m) => m.symbol === 'AAPL');
    expect(aapl?.periods[0]?.startDate).toBe('2025-02-28');
    expect(aapl?.periods[0]?.return).toBeCloseTo(238.03256225585935 / 240.79052734375 - 1, 9);
    expect(mag7?.benchmarkResult?.periods[0]?.return).toBeCloseTo(20201.369140625 / 20884.41015625 - 1, 9);
    expect(aapl?.periods[1]).toEqual({ period: 'ytd', startDate: '2024-12-31', return: aapl?.return });
    const weekly = mag7?.members.map((m) => m.periods[0]?.return as number) ?? [];
    expect(mag7?.periods[0]?.return).toBeCloseTo(weekly.reduce((a, b) => a + b, 0) / 7, 9);
    expect(mag7?.benchmarkResult?.periods[1]?.return).toBeCloseTo(20201.369140625 / 21012.169921875 - 1, 9);
  });

  it('refuses an unknown period', async () => {
    const r = await runCli(['compare', ...DEMO, '--periods', '1w,2w']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('basket: --periods: unknown period "2w" (choose from 1d, 1w, 1m, 3m, 6m, ytd, 1y, 3y, 5y)\n');
  });
});

describe('compare --weights, --rebalance, --pe-method', () => {
  it('--weights all and --pe-method all put every method side by side, in the table and the CSV', async () => {
    const r = await runCli(['compare', ...DEMO, '--weights', 'all', '--pe-method', 'all']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Return by method');
    expect(r.stdout).toMatch(/equal-weighted, buy-and-hold\s+│\s+\+42\.8% │\s+-10\.3% │/);
    expect(r.stdout).toContain('P/E by method');
    const csv = await runCli(['compare', ...DEMO, '--weights', 'all', '--format', 'csv']);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.filter((row) => row.kind === 'method').map((row) => `${row.basket} ${row.weights}/${row.rebalance}`)).toContain('mag7 cap/none');
  });

  it('--rebalance monthly is named in the JSON and changes the figure', async () => {
    const bh = JSON.parse((await runCli(['compare', 'mag7', ...DEMO, '--format', 'json'])).stdout) as Report;
    const r = await runCli(['compare', 'mag7', ...DEMO, '--rebalance', 'monthly', '--format', 'json']);
    const monthly = JSON.parse(r.stdout) as Report;
    expect(monthly.method).toEqual({ weights: 'equal', rebalance: 'monthly', peMethod: 'harmonic', negativePE: 'exclude', peAt: 'quote-date', pointInTime: 'flag', maxQuoteAgeDays: 31, suspectSplits: 'flag' });
    expect(monthly.baskets[0]?.return).not.toBeCloseTo(bh.baskets[0]?.return as number, 6);
    // contributions add up to the basket's return
    const sum = monthly.baskets[0]?.members.reduce((s, m) => s + (m.contribution as number), 0) as number;
    expect(sum).toBeCloseTo(monthly.baskets[0]?.return as number, 9);
  });

  it('--weights cap uses the market values there are (all but GOOGL in the demo), with coverage and a note', async () => {
    const r = await runCli(['compare', 'mag7', ...DEMO, '--weights', 'cap', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const mag7 = (JSON.parse(r.stdout) as Report).baskets[0];
    // start values MV(2024-12-31) = cap × close(2024-12-31) / P_q, P_q the quote's price (AAPL, AMZN: Yahoo, 2025-02-14)
    // or the close on the cap's date (MSFT, META, NVDA: 2024-12-31, the start itself); TSLA from its share count × close
    const start = {
      AAPL: 3674405863424 * (249.0594787597656 / 244.6),
      MSFT: 3133800000000 * (417.4606018066406 / 417.4606018066406),
      AMZN: 2423481958400 * (219.38999938964844 / 228.68),
      META: 1480000000000 * (583.1702880859375 / 583.1702880859375),
      NVDA: 3288760000000 * (134.2460174560547 / 134.2460174560547),
      TSLA: 3216000000 * 403.8399963378906,
    };
    const end = { AAPL: 238.03256225585935, MSFT: 390.32183837890625, AMZN: 199.25, META: 623.1597290039062, NVDA: 112.65309143066406, TSLA: 262.6700134277344 };
    const base = { AAPL: 249.0594787597656, MSFT: 417.4606018066406, AMZN: 219.38999938964844, META: 583.1702880859375, NVDA: 134.2460174560547, TSLA: 403.8399963378906 };
    const total = Object.values(start).reduce((a, b) => a + b, 0);
    const expected = (Object.keys(start) as (keyof typeof start)[]).reduce((s, k) => s + (start[k] / total) * (end[k] / base[k] - 1), 0);
    expect(mag7?.membersWithData).toEqual({ included: 6, total: 7 });
    expect(mag7?.return).toBeCloseTo(expected, 9);
    expect(mag7?.members.find((m) => m.symbol === 'TSLA')?.marketValueFrom).toBe('sharesOutstanding');
    expect(r.stderr).toContain('market cap unknown for GOOGL: left out of the cap-weighted return');
  });

  it('--weights config needs weights in the config, else exit 2', async () => {
    const r = await runCli(['compare', 'mag7', ...DEMO, '--weights', 'config']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('basket: --weights config: basket mag7 has no weights in its config (write its symbols as { SYMBOL: weight, … })\n');
    const dir = await makeTempDir('basket-weights-');
    await writeFile(path.join(dir, 'w.yaml'), 'baskets:\n  duo:\n    symbols: { AAPL: 0.75, TSLA: 0.25 }\n');
    const ok = await runCli(['compare', 'duo', ...DEMO, '--config', path.join(dir, 'w.yaml'), '--weights', 'config', '--format', 'json']);
    expect(ok.exitCode).toBe(0);
    const duo = (JSON.parse(ok.stdout) as Report).baskets[0];
    expect(duo?.return).toBeCloseTo(0.75 * (238.03256225585935 / 249.0594787597656 - 1) + 0.25 * (262.6700134277344 / 403.8399963378906 - 1), 9);
  });

  it('the weights of fixtures/config/weights.yaml are listed by `basket baskets` and used by --weights config', async () => {
    const config = path.join(DEMO_DIR, '..', 'config', 'weights.yaml');
    const list = await runCli(['baskets', '--config', config]);
    expect(list.stdout).toContain('AAPL 50.0% MSFT 30.0% NVDA 20.0%');
    const r = await runCli(['compare', 'core', ...DEMO, '--config', config, '--weights', 'config', '--format', 'json']);
    const core = (JSON.parse(r.stdout) as Report).baskets[0];
    expect(core?.members.map((m) => m.weight)).toEqual([0.5, 0.3, 0.2]);
    expect(core?.return).toBeCloseTo(
      0.5 * (238.03256225585935 / 249.0594787597656 - 1) + 0.3 * (390.32183837890625 / 417.4606018066406 - 1) + 0.2 * (112.65309143066406 / 134.2460174560547 - 1),
      9,
    );
    expect(core?.benchmarkResult?.symbol).toBe('^NDX');
  });

  it('--pe-method median and --negative-pe include are used for the headline P/E', async () => {
    const r = await runCli(['compare', ...DEMO, '--pe-method', 'median', '--negative-pe', 'include', '--format', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.baskets[0]?.forwardPE).toBe(16.17); // median of 8.82 12.23 13 16.17 16.83 38 63.69
    expect(report.baskets[1]?.forwardPE).toBe(27.5); // median of 18.6 23.7 23.8 27.5 30.2 30.7 90.5
    expect(report.comparison?.discount).toBeCloseTo(1 - 16.17 / 27.5, 9);
    expect(report.method).toMatchObject({ peMethod: 'median', negativePE: 'include' });
  });
});

describe('risk on the real closes', () => {
  it("gives the Nasdaq-100's volatility, drawdown and highest-since from its 2025 closes", async () => {
    const r = await runCli(['compare', 'mag7', ...DEMO, '--format', 'json']);
    const risk = (JSON.parse(r.stdout) as Report).baskets[0]?.benchmarkResult?.risk;
    // independently, from prices/^NDX.csv: closes from 2024-12-31 to 2025-03-07
    const rows = (await readFile(path.join(DEMO_DIR, 'prices', '^NDX.csv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter(([d]) => (d as string) >= '2024-12-31' && (d as string) <= '2025-03-07');
    const closes = rows.map(([, c]) => Number(c));
    const daily = closes.slice(1).map((c, i) => c / (closes[i] as number) - 1);
    const mean = daily.reduce((a, b) => a + b, 0) / daily.length;
    const variance = daily.reduce((a, d) => a + (d - mean) ** 2, 0) / (daily.length - 1);
    expect(risk?.volatility).toBeCloseTo(Math.sqrt(variance) * Math.sqrt(252), 9);
    let peak = closes[0] as number;
    let worst = 0;
    for (const c of closes) {
      peak = Math.max(peak, c);
      worst = Math.min(worst, c / peak - 1);
    }
    expect(risk?.maxDrawdown).toBeCloseTo(worst, 9);
    // the last close, 20201.37 on 2025-03-07, is above 2025-03-06's 20052.63 but below 2025-03-05's 20628.46
    expect(risk?.highestSince).toBe('2025-03-05');
  });
});

describe('both providers, every option', () => {
  it('Yahoo (replayed) and the offline demo data give the same figures with periods, all weightings, all P/E methods and USD', async () => {
    const opts = ['--as-of', '2025-03-07', '--periods', '1w,1m,ytd', '--weights', 'all', '--pe-method', 'all', '--rebalance', 'weekly', '--currency', 'USD', '--format', 'json'];
    const live = JSON.parse((await runCli(['compare', ...opts], { fetch: createReplayFetch().fetch })).stdout) as Report;
    const offline = JSON.parse((await runCli(['compare', ...opts, '--data', DEMO_DIR])).stdout) as Report;
    // the returns are the same; the titans' P/Es and benchmark are not: the demo has dated P/Es for all seven
    // and the Hang Seng TECH index, the replayed Yahoo quotes three P/Es and no history for HSTECH.HK or 3033.HK
    const figures = (r: Report) =>
      r.baskets.map((b) => ({
        return: b.return,
        periods: b.periods,
        risk: b.risk,
        alternatives: b.alternatives?.filter((a) => a.weights !== 'cap'), // the demo has market caps, the replayed quotes none
        forwardPEs: b.id === 'mag7' ? { ...b.forwardPEs, aggregate: null } : null,
        members: b.members.map((m) => [m.return, m.localReturn, m.fxReturn, m.weight, m.contribution, m.periods]),
        benchmark: b.id === 'mag7' ? (b.benchmarkResult?.return ?? null) : null,
      }));
    expect(figures(live)).toEqual(figures(offline));
    expect(offline.baskets[0]?.benchmarkResult?.symbol).toBe('HSTECH.HK');
    expect(live.baskets[0]?.alternatives?.find((a) => a.rebalance === 'weekly')?.return).toBe(live.baskets[0]?.return);
  });
});

describe('market value through Yahoo', () => {
  it('takes the real AAPL quote (2025-02-14) with its price, shares held constant: MV(d) = cap × close(d) / price', async () => {
    const dir = await makeTempDir('basket-mv-');
    await writeFile(path.join(dir, 'apple.txt'), 'AAPL\n');
    const replay = createReplayFetch();
    const r = await runCli(['compare', path.join(dir, 'apple.txt'), '--from', '2025-01-01', '--as-of', '2025-02-14', '--format', 'json'], {
      fetch: replay.fetch,
    });
    expect(r.exitCode).toBe(0);
    const m = (JSON.parse(r.stdout) as Report).baskets[0]?.members[0];
    expect(replay.used.has('quote-AAPL.json')).toBe(true);
    // the cap was computed at the quote's own price, 244.6; the chart's closes of 2024-12-31 and 2025-02-14
    const cap = 3674405863424;
    expect(m?.marketCapDate).toBe('2025-02-14');
    expect(m?.marketValueEnd).toBeCloseTo(cap * (243.53855895996097 / 244.6), 0);
    expect(m?.marketValueStart).toBeCloseTo(cap * (249.0594787597656 / 244.6), 0);
    expect(m?.marketValueChange).toBeCloseTo(cap * (243.53855895996097 / 244.6) - cap * (249.0594787597656 / 244.6), 0);
    expect(m?.trailingPE).toBe(38.763866);
  });

  it("reads Yahoo's financialCurrency, so BABA's CNY-earnings P/E of 1.955 is caught", async () => {
    const yahoo = await openYahooProvider({ fetch: createReplayFetch().fetch, log: () => {}, verbose: false });
    const quotes = await yahoo.fetchQuotes(['BABA']);
    expect(quotes.items.get('BABA')?.[0]).toMatchObject({ currency: 'USD', financialCurrency: 'CNY', forwardPE: 1.9551755 });
  });
});

describe('--strict and the data checks', () => {
  it('--strict turns a member without data into exit 4, naming it; without it the member is left out', async () => {
    const dir = await makeTempDir('basket-strict-');
    await writeFile(path.join(dir, 'list.txt'), 'AAPL\nNOPE\n');
    const lenient = await runCli(['compare', path.join(dir, 'list.txt'), ...DEMO]);
    expect(lenient.exitCode).toBe(0);
    const strict = await runCli(['compare', path.join(dir, 'list.txt'), ...DEMO, '--strict']);
    expect(strict.exitCode).toBe(4);
    expect(strict.stdout).toBe('');
    expect(strict.stderr.trim().split('\n').at(-1)).toBe('basket: --strict: 1 member has no usable data: NOPE (list)');
    expect((await runCli(['compare', 'mag7', ...DEMO, '--strict'])).exitCode).toBe(0);
  });

  it('--max-move and --max-gap-days set the checks, and must be positive numbers', async () => {
    // a 10% threshold flags NVIDIA's real fall of 2025-01-27 (the DeepSeek day): 118.4 / 142.6 − 1 ≈ −17.0%
    const r = await runCli(['compare', 'mag7', ...DEMO, '--max-move', '0.1', '--format', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.issues.filter((i) => i.code === 'large-move')).toEqual([
      { symbol: 'NVDA', code: 'large-move', message: 'close fell 17.0% on 2025-01-27: check the data' },
    ]);
    expect(report.baskets[0]?.members.every((m) => m.included)).toBe(true);
    // with the defaults the real 2025 closes raise no flag
    const plain = JSON.parse((await runCli(['compare', ...DEMO, '--format', 'json'])).stdout) as Report;
    expect(plain.issues.filter((i) => ['large-move', 'gap-in-data', 'suspect-split'].includes(i.code))).toEqual([]);
    for (const bad of [['--max-move', '-1'], ['--max-gap-days', 'ten']]) {
      const e = await runCli(['compare', ...DEMO, ...bad]);
      expect(e.exitCode).toBe(2);
      expect(e.stderr).toBe(`basket: ${bad[0]} must be a positive number, got "${bad[1]}"\n`);
    }
  });
});
