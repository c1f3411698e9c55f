/**
 * The market-data cache through the CLI: what a later run asks Yahoo for
 * (nothing, the tail, expired quotes), --offline, --refresh, --max-age, the
 * stale fallback when Yahoo cannot be reached, corrupt entries, and
 * `basket cache info|clear`. Yahoo is the fake in helpers/fake-yahoo.ts
 * (recorded answers, any period) through the real yahoo-finance2 code path.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { runCli } from '../../helpers/cli.js';
import { createFakeYahoo, epoch } from '../../helpers/fake-yahoo.js';
import { makeTempDir } from '../../helpers/tmp.js';

const AS_OF = ['--as-of', '2025-03-07'];
/** Eleven days after the as-of date: every cached close is settled (older than RECENT_DAYS). */
const LATER = new Date('2025-03-18T09:00:00Z');
const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000);

interface Json {
  baskets: { id: string; return: number | null; members: { symbol: string; return: number | null }[] }[];
  issues: { symbol: string | null; code: string; message: string; fetchedAt?: string }[];
}

async function setup() {
  return { cacheDir: await makeTempDir('basket-cache-'), fake: createFakeYahoo() };
}

describe('a second run', () => {
  it('right after the first makes no request at all, and prints the same result', async () => {
    const { cacheDir, fake } = await setup();
    const first = await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: LATER });
    expect(first.exitCode).toBe(0);
    // 14 members, 3 benchmarks (HSTECH.HK and its fallback 3033.HK are not found; HSTECH.HK is searched for), one quote batch
    expect(fake.count('chart')).toBe(17);
    expect(fake.count('quote')).toBe(1);
    const before = fake.requests.length;
    const second = await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: minutes(LATER, 1) });
    expect(second.exitCode).toBe(0);
    expect(fake.requests.length).toBe(before);
    expect(second.stdout).toBe(first.stdout);
  });

  it('finds every entry and the session the first run wrote: main() returns only once its cache writes are done', async () => {
    const { cacheDir, fake } = await setup();
    const first = await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: LATER });
    expect(first.exitCode).toBe(0);
    // no wait here: the writes of main() are over when it returns
    expect((await readdir(path.join(cacheDir, 'history'))).filter((f) => f.endsWith('.json'))).toHaveLength(17);
    expect((await readdir(path.join(cacheDir, 'quotes'))).filter((f) => f.endsWith('.json'))).toHaveLength(14);
    expect(await readdir(cacheDir)).toContain('yahoo-session.json');
  });

  it('a day later asks only for the quotes (expired) and the symbol Yahoo did not know; settled history comes from the cache', async () => {
    const { cacheDir, fake } = await setup();
    await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: LATER });
    fake.requests.length = 0;
    const r = await runCli(['compare', ...AS_OF, '--format', 'json'], { fetch: fake.fetch, cacheDir, now: minutes(LATER, 24 * 60) });
    expect(r.exitCode).toBe(0);
    expect(fake.requests.filter((q) => q.kind === 'chart').map((q) => q.symbols[0]).sort()).toEqual(['3033.HK', 'HSTECH.HK']);
    expect(fake.count('quote')).toBe(1);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.baskets.find((b) => b.id === 'titans')?.return).toBeCloseTo(0.42832954545652374, 12);
  });

  it('soon after a fetch that ended near its date asks only for the tail, from the last settled close', async () => {
    const { cacheDir, fake } = await setup();
    // fetched 2025-03-09: closes after 2025-03-04 (RECENT_DAYS = 5 before) may still be revised
    const first = await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: new Date('2025-03-09T12:00:00Z') });
    fake.requests.length = 0;
    const second = await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: new Date('2025-03-09T13:00:00Z') });
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const tails = fake.requests.filter((q) => q.kind === 'chart' && q.symbols[0] !== 'HSTECH.HK' && q.symbols[0] !== '3033.HK');
    expect(tails).toHaveLength(15);
    // the last cached close on or before 2025-03-04 is that day's for every symbol here; period2 keeps 2025-03-07's session
    for (const t of tails) expect([t.symbols[0], t.period1, t.period2]).toEqual([t.symbols[0], epoch('2025-03-04'), epoch('2025-03-08')]);
  });

  it('with --max-age 0 asks for quotes every time; with --max-age 2h not within two hours', async () => {
    const { cacheDir, fake } = await setup();
    await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: LATER });
    await runCli(['compare', ...AS_OF, '--max-age', '0'], { fetch: fake.fetch, cacheDir, now: minutes(LATER, 1) });
    expect(fake.count('quote')).toBe(2);
    await runCli(['compare', ...AS_OF, '--max-age', '2h'], { fetch: fake.fetch, cacheDir, now: minutes(LATER, 100) });
    expect(fake.count('quote')).toBe(2);
  });

  it('with --refresh asks for everything again', async () => {
    const { cacheDir, fake } = await setup();
    await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: LATER });
    const r = await runCli(['compare', ...AS_OF, '--refresh'], { fetch: fake.fetch, cacheDir, now: minutes(LATER, 1) });
    expect(r.exitCode).toBe(0);
    expect(fake.count('chart')).toBe(34);
    expect(fake.count('quote')).toBe(2);
  });

  it('matches a split or dividend applied since the cache was written: earlier closes are rescaled, returns unchanged', async () => {
    const { cacheDir, fake } = await setup();
    const first = JSON.parse((await runCli(['compare', 'mag7', ...AS_OF, '--format', 'json'], { fetch: fake.fetch, cacheDir, now: new Date('2025-03-09T12:00:00Z') })).stdout) as Json;
    // Yahoo now reports every AAPL close halved (a 2-for-1 split after 2025-03-07, applied to all history)
    fake.fault = (req) =>
      req.kind === 'chart' && req.symbols[0] === 'AAPL'
        ? {
            transform: (body) => {
              const result = (body as { chart: { result: { indicators: { quote: { close: number[] }[]; adjclose: { adjclose: number[] }[] } }[] } }).chart.result[0]!;
              result.indicators.quote[0]!.close = result.indicators.quote[0]!.close.map((c) => c / 2);
              result.indicators.adjclose[0]!.adjclose = result.indicators.adjclose[0]!.adjclose.map((c) => c / 2);
              return body;
            },
          }
        : undefined;
    const r = await runCli(['compare', 'mag7', ...AS_OF, '--format', 'json'], { fetch: fake.fetch, cacheDir, now: new Date('2025-03-09T13:00:00Z') });
    const second = JSON.parse(r.stdout) as Json;
    const aapl = (j: Json) => j.baskets[0]!.members.find((m) => m.symbol === 'AAPL')!.return as number;
    // without rescaling the cached start close, AAPL would show (end/2)/start − 1 ≈ −56%
    expect(aapl(second)).toBeCloseTo(aapl(first), 12);
    expect(second.baskets[0]!.return).toBeCloseTo(first.baskets[0]!.return as number, 12);
    expect(fake.requests.filter((q) => q.kind === 'chart' && q.symbols[0] === 'AAPL').at(-1)?.period1).toBe(epoch('2025-03-04'));
  });
});

describe('--offline', () => {
  it('asks Yahoo nothing and computes from the cache, marking the figures stale with their fetch date', async () => {
    const { cacheDir, fake } = await setup();
    const first = await runCli(['compare', ...AS_OF, '--format', 'json'], { fetch: fake.fetch, cacheDir, now: LATER });
    fake.requests.length = 0;
    const r = await runCli(['compare', ...AS_OF, '--format', 'json', '--offline'], { fetch: fake.fetch, cacheDir, now: minutes(LATER, 60 * 24 * 30) });
    expect(r.exitCode).toBe(0);
    expect(fake.requests).toEqual([]);
    const a = JSON.parse(first.stdout) as Json;
    const b = JSON.parse(r.stdout) as Json;
    expect(b.baskets.map((x) => x.return)).toEqual(a.baskets.map((x) => x.return));
    expect(b.issues).toContainEqual({
      symbol: 'AAPL',
      code: 'stale-data',
      message: 'cached closes to 2025-03-07, fetched 2025-03-18 09:00 UTC (offline (--offline))',
      fetchedAt: '2025-03-18T09:00:00.000Z',
    });
    expect(b.issues).toContainEqual(expect.objectContaining({ symbol: 'AAPL', code: 'stale-data', message: 'cached quote, fetched 2025-03-18 09:00 UTC (offline (--offline))' }));
  });

  it('says which members the cache lacks, and computes the rest', async () => {
    const { cacheDir, fake } = await setup();
    await runCli(['compare', 'mag7', ...AS_OF], { fetch: fake.fetch, cacheDir, now: LATER });
    const r = await runCli(['compare', ...AS_OF, '--offline'], { fetch: fake.fetch, cacheDir, now: LATER });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('0700.HK: not in the cache (offline (--offline)): run once without --offline to fetch it');
    expect(r.stdout).toContain('-10.3%');
  });

  it('with nothing cached exits 3 in one line', async () => {
    const { cacheDir, fake } = await setup();
    const r = await runCli(['compare', ...AS_OF, '--offline', '--quiet'], { fetch: fake.fetch, cacheDir });
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^basket: no market data for any member from 2025-01-01 to 2025-03-07 \(yahoo cache \(offline\)\)/);
    expect(fake.requests).toEqual([]);
  });

  it('and --refresh together, or with an offline data directory, are usage errors', async () => {
    expect((await runCli(['compare', '--offline', '--refresh'])).stderr).toBe('basket: --offline and --refresh cannot be used together\n');
    const r = await runCli(['compare', '--data', 'fixtures/demo', '--offline']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('basket: --offline applies to Yahoo Finance data and its cache, not to the data directory fixtures/demo\n');
  });
});

describe('when Yahoo cannot be reached', () => {
  it('falls back to cached data, marked stale with its date in the table, CSV and JSON', async () => {
    const { cacheDir, fake } = await setup();
    // fetched two days after the as-of date: the last closes are not yet settled, so a later run would ask for them again
    const first = await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: new Date('2025-03-09T12:00:00Z') });
    fake.fault = (req) => (req.kind === 'handshake' ? undefined : 'enotfound');
    const later = new Date('2025-03-11T08:00:00Z');
    const table = await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: later });
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toContain(
      'Stale data: cached figures used for 15 symbols (9988.HK, 0700.HK, 1810.HK, 1211.HK, 0981.HK, 9618.HK, 9999.HK, AAPL, MSFT, GOOGL, AMZN, META, NVDA, TSLA, ^NDX), fetched 2025-03-09 12:00 UTC, not checked with the source',
    );
    // the figures are the cached ones
    expect(table.stdout.split('\n').filter((l) => !l.startsWith('Stale'))).toEqual(first.stdout.split('\n'));
    expect(table.stderr).toContain('AAPL: cached closes to 2025-03-07, fetched 2025-03-09 12:00 UTC (yahoo unavailable: cannot reach Yahoo Finance (ENOTFOUND))');
    expect(table.stderr).toContain('AAPL: cached quote, fetched 2025-03-09 12:00 UTC (yahoo unavailable: cannot reach Yahoo Finance (ENOTFOUND))');
    expect(table.stderr).toContain('HSTECH.HK: not in the cache (yahoo unavailable: cannot reach Yahoo Finance (ENOTFOUND))');

    const csv = await runCli(['compare', ...AS_OF, '--format', 'csv'], { fetch: fake.fetch, cacheDir, now: later });
    const staleRows = csv.stdout.split('\n').filter((l) => l.startsWith('stale,'));
    expect(staleRows).toHaveLength(15);
    expect(staleRows.find((l) => l.includes(',AAPL,'))).toMatch(/,2025-03-09T12:00:00\.000Z(,|$)/);

    const json = JSON.parse((await runCli(['compare', ...AS_OF, '--format', 'json'], { fetch: fake.fetch, cacheDir, now: later })).stdout) as Json;
    expect(json.issues.filter((i) => i.code === 'stale-data' && i.symbol === '^NDX')).toEqual([
      {
        symbol: '^NDX',
        code: 'stale-data',
        message: 'cached closes to 2025-03-07, fetched 2025-03-09 12:00 UTC (yahoo unavailable: cannot reach Yahoo Finance (ENOTFOUND))',
        fetchedAt: '2025-03-09T12:00:00.000Z',
      },
    ]);
  });

  it('settled history is not stale: only the expired quotes are marked', async () => {
    const { cacheDir, fake } = await setup();
    await runCli(['compare', 'mag7', ...AS_OF], { fetch: fake.fetch, cacheDir, now: LATER });
    fake.fault = (req) => (req.kind === 'handshake' ? undefined : 'enotfound');
    const r = await runCli(['compare', 'mag7', ...AS_OF], { fetch: fake.fetch, cacheDir, now: minutes(LATER, 60) });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Stale data: cached figures used for 7 symbols (AAPL, AMZN, GOOGL, META, MSFT, NVDA, TSLA)');
    expect(r.stderr).not.toContain('cached closes');
  });

  it('with nothing cached exits 3 with one line naming the cause and the way out', async () => {
    const { cacheDir, fake } = await setup();
    fake.fault = (req) => (req.kind === 'handshake' ? undefined : 'enotfound');
    const r = await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir });
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('basket: cannot reach Yahoo Finance (ENOTFOUND): use --offline for cached data or --data DIR for an offline data directory\n');
  });
});

describe('cache entries', () => {
  it('a truncated entry is discarded with a warning and fetched again; nothing else is asked for', async () => {
    const { cacheDir, fake } = await setup();
    const first = await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: LATER });
    const file = path.join(cacheDir, 'history', 'AAPL.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, 100));
    fake.requests.length = 0;
    const r = await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: minutes(LATER, 1) });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('basket: warning: the cached history of AAPL was unusable (not valid JSON: cut short?): discarded, fetching it again\n');
    expect(fake.requests.filter((q) => q.kind === 'chart').map((q) => q.symbols[0])).toEqual(['AAPL']);
    expect(r.stdout).toBe(first.stdout);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'basket-cache', symbol: 'AAPL' });
  });

  it('an entry whose data no longer match its checksum is discarded', async () => {
    const { cacheDir, fake } = await setup();
    await runCli(['compare', 'mag7', ...AS_OF], { fetch: fake.fetch, cacheDir, now: LATER });
    const file = path.join(cacheDir, 'history', 'MSFT.json');
    const entry = JSON.parse(await readFile(file, 'utf8')) as { data: { close: number[] } };
    entry.data.close[3] = 1; // one flipped close, still valid JSON
    await writeFile(file, JSON.stringify(entry));
    const r = await runCli(['compare', 'mag7', ...AS_OF], { fetch: fake.fetch, cacheDir, now: minutes(LATER, 1) });
    expect(r.stderr).toContain('the cached history of MSFT was unusable (checksum mismatch)');
    expect(r.exitCode).toBe(0);
  });

  it('a stray temporary file from an interrupted write is ignored, reported by cache info and removed by cache clear', async () => {
    const { cacheDir, fake } = await setup();
    await runCli(['compare', 'mag7', ...AS_OF], { fetch: fake.fetch, cacheDir, now: LATER });
    await writeFile(path.join(cacheDir, 'history', '.AAPL.json.tmp-99999-abcdef'), '{"format":"basket-cache","vers');
    const r = await runCli(['compare', 'mag7', ...AS_OF], { fetch: fake.fetch, cacheDir, now: minutes(LATER, 1) });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).not.toContain('warning');
    const info = JSON.parse((await runCli(['cache', 'info', '--format', 'json'], { cacheDir })).stdout) as { strayTempFiles: number };
    expect(info.strayTempFiles).toBe(1);
    await runCli(['cache', 'clear'], { cacheDir });
    expect(await readdir(path.join(cacheDir, 'history'))).toEqual([]);
  });
});

describe('basket cache', () => {
  it('info: location, size, symbols, oldest and newest data', async () => {
    const { cacheDir, fake } = await setup();
    await runCli(['compare', 'mag7', ...AS_OF], { fetch: fake.fetch, cacheDir, now: LATER });
    const json = await runCli(['cache', 'info', '--format', 'json'], { cacheDir });
    expect(json.exitCode).toBe(0);
    const info = JSON.parse(json.stdout) as { dir: string; bytes: number; files: { kind: string; symbol: string; firstDate: string | null; lastDate: string | null; problem: string | null }[] };
    expect(info.dir).toBe(cacheDir);
    // 7 members and ^NDX: histories; 7 members: quotes
    expect(info.files.filter((f) => f.kind === 'history').map((f) => f.symbol)).toEqual(['AAPL', 'AMZN', 'GOOGL', 'META', 'MSFT', 'NVDA', 'TSLA', '^NDX']);
    expect(info.files.filter((f) => f.kind === 'quotes')).toHaveLength(7);
    expect(info.files.find((f) => f.symbol === 'AAPL' && f.kind === 'history')).toMatchObject({ firstDate: '2024-12-02', lastDate: '2025-03-07', problem: null });
    expect(info.bytes).toBeGreaterThan(0);
    const text = await runCli(['cache', 'info'], { cacheDir });
    expect(text.stdout).toContain(`Cache: ${cacheDir}\n`);
    expect(text.stdout).toContain('15 entries (8 histories, 7 quotes) for 8 symbols');
    expect(text.stdout).toContain('Data: closes from 2024-12-02 to 2025-03-07; fetched from 2025-03-18T09:00:00.000Z to 2025-03-18T09:00:00.000Z');
  });

  it('clear SYMBOL… forgets those symbols (Hong Kong codes normalised); clear forgets everything', async () => {
    const { cacheDir, fake } = await setup();
    await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: LATER });
    const r = await runCli(['cache', 'clear', 'AAPL', '700.HK'], { cacheDir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(`basket: removed 4 cache files from ${cacheDir}\n`);
    const left = JSON.parse((await runCli(['cache', 'info', '--format', 'json'], { cacheDir })).stdout) as { files: { symbol: string }[] };
    expect(left.files.map((f) => f.symbol)).not.toContain('AAPL');
    expect(left.files.map((f) => f.symbol)).not.toContain('0700.HK');
    fake.requests.length = 0;
    await runCli(['compare', ...AS_OF], { fetch: fake.fetch, cacheDir, now: minutes(LATER, 1) });
    expect(fake.requests.filter((q) => q.kind === 'chart').map((q) => q.symbols[0]).sort()).toEqual(['0700.HK', 'AAPL']);
    await runCli(['cache', 'clear'], { cacheDir });
    expect((JSON.parse((await runCli(['cache', 'info', '--format', 'json'], { cacheDir })).stdout) as { files: unknown[] }).files).toEqual([]);
  });

  it('lives in BASKET_CACHE_DIR when set', async () => {
    const dir = await makeTempDir('basket-env-cache-');
    let out = '';
    const code = await main(['cache', 'info', '--format', 'json'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, env: { BASKET_CACHE_DIR: dir }, cwd: '/' }, { now: () => LATER, userConfigDir: null });
    expect(code).toBe(0);
    expect((JSON.parse(out) as { dir: string }).dir).toBe(dir);
  });
});
