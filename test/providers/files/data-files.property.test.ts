/**
 * Property: whatever an offline data directory holds, the files provider
 * answers `{ items, issues }` that keep every promise of the domain types, or
 * fails with a one-line DataFileError naming the file and, where it names a
 * line, the line the bad row is on. Valid price files are read exactly,
 * whatever their layout.
 *
 * A failure prints fast-check's seed and path: pass them to fc.assert as
 * `{ seed, path, endOnFailure: true }` to replay that very case.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../../src/domain/calendar.js';
import type { PriceSeries, ProviderResult, Quote, QuoteHistory, SymbolIssue } from '../../../src/domain/types.js';
import { DataFileError } from '../../../src/errors.js';
import { QUOTE_COLUMNS } from '../../../src/providers/files/quotes.js';
import { openFilesProvider, priceFile } from '../../../src/providers/files/provider.js';
import { seriesDates } from '../../../src/providers/provider.js';
import { plainSeries } from '../../helpers/series.js';
import { makeTempDir } from '../../helpers/tmp.js';
import { anyPrices, anyQuotes, DATA_SYMBOLS, DAYS, isoDay, physicalLines, validPrices, type CsvFile } from '../../helpers/data-files.js';

/** What sits at a file's place: nothing, a CSV file, or a directory (which cannot be read as one). */
type Entry = { kind: 'missing' } | { kind: 'dir' } | { kind: 'file'; csv: CsvFile };

const entry = (csv: fc.Arbitrary<CsvFile>): fc.Arbitrary<Entry> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<Entry>({ kind: 'missing' }) },
    { weight: 1, arbitrary: fc.constant<Entry>({ kind: 'dir' }) },
    { weight: 30, arbitrary: csv.map((c): Entry => ({ kind: 'file', csv: c })) },
  );

const dataDirectory = fc.record({
  prices: fc.tuple(...DATA_SYMBOLS.map(() => entry(fc.oneof(anyPrices, validPrices.map((v) => v.file))))),
  quotes: fc.oneof({ weight: 1, arbitrary: fc.constant<Entry>({ kind: 'missing' }) }, { weight: 3, arbitrary: entry(anyQuotes) }),
});

const request = fc.record({
  symbols: fc.subarray([...DATA_SYMBOLS, 'ZZZ']),
  start: fc.integer({ min: -10, max: DAYS + 10 }),
  length: fc.integer({ min: -5, max: DAYS }),
});

/** A promise's outcome as data, so that a failed expectation is never mistaken for the code's failure. */
async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

async function writeEntry(file: string, e: Entry): Promise<void> {
  if (e.kind === 'dir') await mkdir(file);
  else if (e.kind === 'file') await writeFile(file, e.csv.text);
}

/** A one-line DataFileError about a file we wrote, naming a line that exists and holds what the message quotes. */
function expectNamesFileAndLine(err: unknown, written: ReadonlyMap<string, Entry>): void {
  if (!(err instanceof DataFileError)) throw new Error(`expected a DataFileError, got ${String(err)}`, { cause: err });
  expect(err.message).not.toMatch(/[\r\n]/);
  expect(err.message).toContain(err.file);
  const e = written.get(err.file);
  expect(e, `${err.file} is not a file the test wrote`).toBeDefined();
  if (err.line === null || e?.kind !== 'file') return;
  expect(err.message).toContain(`${err.file}:${err.line}:`);
  expect(err.line).toBeGreaterThanOrEqual(1);
  expect(err.line).toBeLessThanOrEqual(physicalLines(e.csv.text));
  const rows = e.csv.rows;
  if (rows === null) return; // free text: its rows are unknown
  const rowAt = (line: number) => rows.find((r) => r.first <= line && line <= r.last);
  const row = rowAt(err.line);
  expect(row, `line ${err.line} of ${err.file} is not a row:\n${e.csv.text}`).toBeDefined();
  if (!row) return;
  const quoted = /is not a (?:number|date): ("(?:[^"\\]|\\.)*")$/.exec(err.message);
  if (quoted) {
    const value = JSON.parse(quoted[1] as string) as string;
    expect(row.cells.some((c) => c === value || c.trim() === value), `line ${err.line} has no cell ${quoted[1]}:\n${e.csv.text}`).toBe(true);
  }
  const twice = /date (\d{4}-\d{2}-\d{2}) appears twice \(also on line (\d+)\)$/.exec(err.message);
  if (twice) {
    const other = rowAt(Number(twice[2]));
    for (const r of [row, other]) expect(r?.cells.some((c) => c.trim().startsWith(twice[1] as string)), `line ${twice[2]} or ${err.line}:\n${e.csv.text}`).toBe(true);
  }
}

function expectIssues(issues: readonly SymbolIssue[], symbols: readonly string[]): void {
  for (const issue of issues) {
    expect(issue.message).not.toBe('');
    expect(issue.message).not.toMatch(/[\r\n]/);
    if (issue.symbol !== null) expect(symbols).toContain(issue.symbol);
  }
}

function expectSeries(result: ProviderResult<PriceSeries>, symbols: readonly string[], start: string, end: string): void {
  expectIssues(result.issues, symbols);
  for (const [symbol, s] of result.items) {
    expect(symbols).toContain(symbol);
    expect(s.symbol).toBe(symbol);
    expect(s.close).toHaveLength(s.days.length);
    expect(s.adjClose).toHaveLength(s.days.length);
    const dates = seriesDates(s);
    dates.forEach((d, i) => {
      expect(isIsoDate(d)).toBe(true);
      expect(d >= start && d <= end).toBe(true);
      if (i > 0) expect(d > (dates[i - 1] as string)).toBe(true);
    });
    for (const x of [...s.close, ...s.adjClose]) expect(Number.isFinite(x) && x > 0).toBe(true);
  }
}

function expectQuotes(result: ProviderResult<QuoteHistory>, symbols: readonly string[]): void {
  expectIssues(result.issues, symbols);
  for (const [symbol, quotes] of result.items) {
    expect(symbols).toContain(symbol);
    expect(quotes.length).toBeGreaterThan(0);
    const q = quotes[0] as Quote;
    expect(q.symbol).toBe(symbol);
    for (const c of QUOTE_COLUMNS) {
      const v = q[c];
      if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      else expect(v === null || typeof v === 'string').toBe(true);
    }
  }
}

describe('offline data directory, on random and malformed files', () => {
  it('answers { items, issues } or fails with a one-line DataFileError naming the file and the line of the bad row', async () => {
    const root = await makeTempDir('basket-property-data-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(dataDirectory, request, async ({ prices, quotes }, { symbols, start, length }) => {
        const dir = path.join(root, `run-${n++}`);
        await mkdir(path.join(dir, 'prices'), { recursive: true });
        const written = new Map<string, Entry>();
        for (const [i, symbol] of DATA_SYMBOLS.entries()) {
          const file = priceFile(dir, symbol);
          await writeEntry(file, prices[i] as Entry);
          written.set(file, prices[i] as Entry);
        }
        await writeEntry(path.join(dir, 'quotes.csv'), quotes);
        written.set(path.join(dir, 'quotes.csv'), quotes);

        const provider = await openFilesProvider(dir, `data-${n}`);
        const [from, to] = [isoDay(start), isoDay(start + length)];
        const history = await settle(provider.fetchHistory({ symbols, start: from, end: to }));
        if (history.ok) expectSeries(history.value, symbols, from, to);
        else expectNamesFileAndLine(history.error, written);
        const quoted = await settle(provider.fetchQuotes(symbols));
        if (quoted.ok) expectQuotes(quoted.value, symbols);
        else expectNamesFileAndLine(quoted.error, written);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('reads a valid price file exactly (any column order, extra columns, quoting, blank lines, BOM, CRLF), leaving out and reporting empty or non-positive closes', async () => {
    const root = await makeTempDir('basket-property-data-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(validPrices, request.map(({ start, length }) => ({ start, length })), async ({ file, bars, skipped }, { start, length }) => {
        const dir = path.join(root, `run-${n++}`);
        await mkdir(path.join(dir, 'prices'), { recursive: true });
        await writeFile(priceFile(dir, 'AAA'), file.text);
        await writeFile(path.join(dir, 'quotes.csv'), 'symbol,currency\naaa,USD\n');
        const [from, to] = [isoDay(start), isoDay(start + length)];
        const { items, issues } = await (await openFilesProvider(dir)).fetchHistory({ symbols: ['AAA'], start: from, end: to });
        const dates = [...bars.keys()].filter((d) => d >= from && d <= to).sort();
        expect(plainSeries(items.get('AAA'))).toEqual({
          symbol: 'AAA',
          currency: 'USD',
          dates,
          close: dates.map((d) => bars.get(d)?.close),
          adjClose: dates.map((d) => bars.get(d)?.adj),
        });
        if (skipped.length === 0) expect(issues).toEqual([]);
        else expect(issues).toEqual([{ symbol: 'AAA', code: 'bars-skipped', message: expect.stringContaining(`${skipped.length} row(s)`) }]);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
