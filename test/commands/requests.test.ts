/**
 * What the commands ask run.ts for: flags (as commander hands them over)
 * become requests, asserted as data; and what run answers to them (--strict,
 * the snapshot written), asserted as data too.
 */
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { askedSize, chartSize, PIPED_CHART_SIZE, type ChartFlags } from '../../src/commands/chart.js';
import { compareRequest, type CompareFlags } from '../../src/commands/compare.js';
import { makeContext } from '../../src/commands/context.js';
import { parseCurrency, parsePeriods } from '../../src/commands/flags.js';
import { snapshotRequest } from '../../src/commands/snapshot.js';
import { IncompleteDataError, UsageError } from '../../src/errors.js';
import { runCompare, runSnapshot } from '../../src/run.js';
import { DEMO_DIR, FIXED_NOW, fakeIo } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/tmp.js';

/** compare's flags with commander's defaults. */
const COMPARE_DEFAULTS: CompareFlags = {
  data: 'yahoo',
  format: 'table',
  weights: 'equal',
  rebalance: 'none',
  peMethod: 'harmonic',
  negativePe: 'exclude',
  maxGapDays: '10',
  maxMove: '0.4',
  suspectSplits: 'flag',
  pointInTime: 'flag',
  maxQuoteAge: '31',
  peAt: 'quote-date',
};

describe('compare: flags → request', () => {
  it('with the defaults: total return, no currency, no periods, no levels, not strict, no audit trail', () => {
    expect(compareRequest([], COMPARE_DEFAULTS)).toEqual({
      baskets: [],
      data: 'yahoo',
      from: undefined,
      asOf: undefined,
      priceBasis: 'adjusted',
      currency: null,
      periods: [],
      weights: 'equal',
      rebalance: 'none',
      peMethod: 'harmonic',
      negativePE: 'exclude',
      maxGapDays: 10,
      maxDailyMove: 0.4,
      suspectSplits: 'flag',
      pointInTime: 'flag',
      maxQuoteAgeDays: 31,
      peAt: 'quote-date',
      lookback: null,
      levels: false,
      strict: false,
      explain: false,
    });
  });

  it('--explain asks for the inputs of every figure', () => {
    expect(compareRequest([], { ...COMPARE_DEFAULTS, explain: true }).explain).toBe(true);
  });

  it.each([
    ['table', false, false],
    ['table', true, true],
    ['md', true, true],
    ['csv', false, false],
    ['html', false, true],
  ] as const)('--format %s, --sparklines %s: the daily levels asked for: %s', (format, sparklines, levels) => {
    expect(compareRequest(['mag7'], { ...COMPARE_DEFAULTS, format, sparklines }).levels).toBe(levels);
  });

  it('reads the flags into checked values', () => {
    const r = compareRequest(['titans', 'mag7'], { ...COMPARE_DEFAULTS, priceReturn: true, currency: ' usd', periods: '1w, YTD,1w', maxQuoteAge: '0', lookback: '5y', strict: true });
    expect(r).toMatchObject({ baskets: ['titans', 'mag7'], priceBasis: 'close', currency: 'USD', periods: ['1w', 'ytd'], maxQuoteAgeDays: 0, lookback: '5y', strict: true });
  });

  it.each([
    [{ maxMove: '0' }, '--max-move must be a positive number, got "0"'],
    [{ maxGapDays: '' }, '--max-gap-days must be a positive number, got ""'],
    [{ maxQuoteAge: '1.5' }, '--max-quote-age must be a whole number of days, got "1.5"'],
    [{ currency: 'dollars' }, '--currency must be a three-letter ISO 4217 code such as USD, got "dollars"'],
    [{ periods: ',' }, '--periods needs at least one of 1d, 1w, 1m, 3m, 6m, ytd, 1y, 3y, 5y'],
  ])('%j is a usage error', (flags, message) => {
    expect(() => compareRequest([], { ...COMPARE_DEFAULTS, ...flags })).toThrow(new UsageError(message));
  });

  it('parsePeriods and parseCurrency keep order, drop repeats, and name the flag', () => {
    expect(parsePeriods('ytd,1D,ytd')).toEqual(['ytd', '1d']);
    expect(() => parsePeriods('1w,7x')).toThrow('--periods: unknown period "7x"');
    expect(parseCurrency('hkd')).toBe('HKD');
  });
});

describe('compare --strict: run answers with the members left out', () => {
  const demo = { data: DEMO_DIR, asOf: '2025-03-07', priceBasis: 'adjusted' as const };

  it('names each member without data as the error to end with, while the report keeps its notes', async () => {
    const dir = await makeTempDir('basket-strict-');
    await writeFile(path.join(dir, 'list.txt'), 'AAPL\nNOPE\nNADA\n');
    const { io } = fakeIo({ cwd: dir });
    const ctx = makeContext(io, { now: () => FIXED_NOW, userConfigDir: null }, {});
    const strict = await runCompare({ ...demo, baskets: ['list.txt'], strict: true }, ctx);
    expect(strict.incomplete).toBeInstanceOf(IncompleteDataError);
    expect(strict.incomplete?.message).toBe('--strict: 2 members have no usable data: NOPE (list), NADA (list)');
    expect(strict.report.issues.map((i) => i.symbol)).toEqual(expect.arrayContaining(['NOPE', 'NADA']));
    const lenient = await runCompare({ ...demo, baskets: ['list.txt'] }, ctx);
    expect(lenient.incomplete).toBeNull();
    expect(lenient.report).toEqual(strict.report);
  });

  it('is null when every member has data', async () => {
    const { io } = fakeIo();
    const ctx = makeContext(io, { now: () => FIXED_NOW, userConfigDir: null }, {});
    expect((await runCompare({ ...demo, baskets: ['mag7'], strict: true }, ctx)).incomplete).toBeNull();
  });
});

describe('snapshot: flags → request → a data directory', () => {
  it('resolves --out against the working directory and reads --currency and --force', () => {
    expect(snapshotRequest(['mag7'], { data: 'yahoo', out: 'snap', currency: 'usd', asOf: '2025-03-07' }, '/work/here')).toEqual({
      baskets: ['mag7'],
      data: 'yahoo',
      from: undefined,
      asOf: '2025-03-07',
      currency: 'USD',
      out: { dir: '/work/here/snap', force: false },
    });
    expect(snapshotRequest([], { data: 'd', out: '/abs', force: true }, '/x')).toMatchObject({ currency: null, out: { dir: '/abs', force: true } });
  });

  it('run writes the directory it is given, and only then', async () => {
    const tmp = await makeTempDir('basket-snap-');
    const out = path.join(tmp, 'snap');
    const { io } = fakeIo({ cwd: tmp });
    const ctx = makeContext(io, { now: () => FIXED_NOW, userConfigDir: null }, {});
    const request = { baskets: ['mag7'], data: DEMO_DIR, from: '2025-02-19', asOf: '2025-03-07' };
    const gathered = await runSnapshot(request, ctx);
    expect(readdirSync(tmp)).toEqual([]); // gathered, nothing written anywhere
    const written = await runSnapshot({ ...request, out: { dir: out, force: false } }, ctx);
    expect(written.series.map((s) => s.symbol)).toEqual(gathered.series.map((s) => s.symbol));
    expect(existsSync(path.join(out, 'quotes.csv'))).toBe(true);
    expect(existsSync(path.join(out, 'prices', 'AAPL.csv'))).toBe(true);
    await expect(runSnapshot({ ...request, out: { dir: out, force: false } }, ctx)).rejects.toThrow('already exists and is not empty: pass --force to replace it');
  });
});

describe('chart: its size', () => {
  const io = (tty: boolean, columns?: number, rows?: number, stderrTTY = tty) => ({
    ...fakeIo().io,
    stdout: { write: () => true, isTTY: tty, columns, rows },
    stderr: { write: () => true, isTTY: stderrTTY },
  });
  const none = { width: undefined, height: undefined };

  it('piped: 80 × 24', () => {
    expect(chartSize(io(false, 200, 60), none, [])).toEqual(PIPED_CHART_SIZE);
  });

  it("on a terminal: its size, less the prompt's line and the rows the notes took (wrapped)", () => {
    expect(chartSize(io(true, 100, 40), none, [])).toEqual({ width: 100, height: 39 });
    expect(chartSize(io(true, 10, 40), none, ['short', 'a note of 25 characters..'])).toEqual({ width: 10, height: 35 });
    // notes on a stderr that is not the terminal take no room on it
    expect(chartSize(io(true, 10, 40, false), none, ['a note'])).toEqual({ width: 10, height: 39 });
  });

  it('--width and --height win, as whole columns and lines', () => {
    const asked = askedSize({ width: '60.9', height: '15' } as ChartFlags);
    expect(asked).toEqual({ width: 60, height: 15 });
    expect(chartSize(io(true, 100, 40), asked, ['a note'])).toEqual({ width: 60, height: 15 });
    expect(() => askedSize({ height: '-1' } as ChartFlags)).toThrow('--height must be a positive number, got "-1"');
  });
});
