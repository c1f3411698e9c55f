import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../src/domain/calendar.js';
import { makeTempDir } from '../../helpers/tmp.js';
import { normaliseSymbol } from '../../../src/domain/symbols.js';
import { DataFileError, UsageError } from '../../../src/errors.js';
import { toCellDate } from '../../../src/providers/files/cells.js';
import { DataFileReader } from '../../../src/providers/files/reader.js';
import { openFilesProvider } from '../../../src/providers/files/provider.js';
import { toPriceCsv, toQuotesCsv, writeDataDirectory } from '../../../src/providers/files/write.js';
import { DEMO_DIR } from '../../helpers/cli.js';
import { seriesDates, seriesOf } from '../../../src/providers/provider.js';
import { plainSeries } from '../../helpers/series.js';

/** One reader for every test, as a provider keeps one for all its files: what one file leaves in it must not change the next. */
const reader = new DataFileReader();

describe('DataFileReader.priceSeries (prices/<SYMBOL>.csv)', () => {
  it('reads Date and Close, ignoring other columns, rows in any order', () => {
    const { series, issues } = reader.priceSeries('Date,Open,Close,Volume\n2025-01-03,1,11,5\n2025-01-02,1,10,5\n', 'X', 'X.csv');
    expect(plainSeries(series)).toEqual({ symbol: 'X', currency: null, dates: ['2025-01-02', '2025-01-03'], close: [10, 11], adjClose: [10, 11] });
    expect(issues).toEqual([]);
  });

  it('uses Adj Close when present', () => {
    const { series } = reader.priceSeries('Date,Close,Adj Close\n2025-01-02,10,9.5\n', 'X', 'X.csv');
    expect(plainSeries(series).close).toEqual([10]);
    expect(plainSeries(series).adjClose).toEqual([9.5]);
  });

  it('takes the date part of a date with time and offset as the exchange-local date', () => {
    // as in the hk-with-actions data: midnight Hong Kong time is still 2025-01-02
    const { series } = reader.priceSeries('Date,Close\n2025-01-02 00:00:00+08:00,10\n', 'X', 'X.csv');
    expect(plainSeries(series).dates).toEqual(['2025-01-02']);
    expect(toCellDate('2025-01-02T09:30:00Z')).toBe('2025-01-02');
    expect(toCellDate('2025-02-30')).toBeNull();
    expect(toCellDate('02/01/2025')).toBeNull();
  });

  it('leaves out and reports rows with an empty or non-positive close', () => {
    const { series, issues } = reader.priceSeries('Date,Close\n2025-01-02,10\n2025-01-03,\n2025-01-06,0\n2025-01-07,12\n', 'X', 'X.csv');
    expect(plainSeries(series).dates).toEqual(['2025-01-02', '2025-01-07']);
    expect(issues).toEqual([{ symbol: 'X', code: 'bars-skipped', message: expect.stringContaining('2 row(s)') }]);
  });

  it.each([
    ['Day,Close\n2025-01-02,1\n', 1, 'no Date column'],
    ['Date,Open\n2025-01-02,1\n', 1, 'no Close column'],
    ['Date,Close\n2025-01-02,1\n2025-01-03,abc\n', 3, 'Close is not a number: "abc"'],
    ['Date,Close\n2025-01-02,1\nsoon,2\n', 3, 'Date is not a date: "soon"'],
    ['Date,Close\n2025-01-02,1\n2025-01-03,2,3\n', 3, ''],
    ['Date,Close\n2025-01-02,1\n2025-01-02,2\n', 3, 'date 2025-01-02 appears twice (also on line 2)'],
    ['', 1, 'empty file'],
  ])('names the file and line of malformed data: %j', (text, line, detail) => {
    let error: unknown;
    try {
      reader.priceSeries(text, 'X', 'prices/X.csv');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).message).toContain(`prices/X.csv:${line}`);
    expect((error as DataFileError).message).toContain(detail);
  });
});

describe('line numbers in messages (found by test/providers/files/data-files.property.test.ts)', () => {
  it.each([
    ['blank lines before the row', 'Date,Close\n\n\n2025-01-02,abc\n', 4],
    ['a line break quoted in an earlier row', 'Date,Close,Note\n2025-01-01,1,"a\nb\nc"\n2025-01-02,abc,x\n', 5],
    ['CRLF, quoted in an earlier row too', 'Date,Close,Note\r\n2025-01-01,1,"a\r\nb"\r\n2025-01-02,abc,x\r\n', 4],
    ['old Mac line ends', 'Date,Close\r2025-01-01,1\r\r2025-01-02,abc\r', 4],
  ])('name the line the bad row is on: %s', (_, text, line) => {
    expect(() => reader.priceSeries(text, 'X', 'X.csv')).toThrow(`X.csv:${line}: Close is not a number: "abc"`);
  });

  it('name the line of a header after blank lines, and the lines of a repeated date or symbol', () => {
    expect(() => reader.priceSeries('\n\nDay,Close\n', 'X', 'X.csv')).toThrow('X.csv:3: the header has no Date column');
    expect(() => reader.priceSeries('Date,Close\n2025-01-02,1\n\n2025-01-02,2\n', 'X', 'X.csv')).toThrow('X.csv:4: date 2025-01-02 appears twice (also on line 2)');
    expect(() => reader.quotes('symbol\nA\n\na\n', 'q.csv', normaliseSymbol)).toThrow('q.csv:4: symbol A appears twice without a date');
  });

  it('keep a header name with a line break in it on one line', () => {
    expect(() => reader.quotes('"ticker\nname",price\n', 'q.csv', normaliseSymbol)).toThrow('q.csv:1: the header has no symbol column (found: "ticker\\nname", price)');
  });
});

describe('DataFileReader.quotes (quotes.csv)', () => {
  it('reads known columns, ignores unknown ones, and takes empty cells as unknown', () => {
    const quotes = reader.quotes('symbol,name,forwardPE,colour,marketCap\naapl,"Apple, Inc.",30.2,red,\n', 'q.csv', normaliseSymbol);
    expect(quotes.get('AAPL')).toEqual([{
      symbol: 'AAPL',
      date: null,
      provider: null,
      name: 'Apple, Inc.',
      currency: null,
      financialCurrency: null,
      price: null,
      forwardPE: 30.2,
      trailingPE: null,
      epsForward: null,
      marketCap: null,
      sharesOutstanding: null,
    }]);
  });

  it('rejects a missing symbol column, a repeated symbol, an empty one, and a bad number in a row asked for', () => {
    expect(() => reader.quotes('ticker,name\nA,B\n', 'q.csv', normaliseSymbol)).toThrow('q.csv:1: the header has no symbol column');
    expect(() => reader.quotes('symbol\nA\na\n', 'q.csv', normaliseSymbol)).toThrow('q.csv:3: symbol A appears twice without a date');
    expect(() => reader.quotes('symbol,name\nA,x\n,y\n', 'q.csv', normaliseSymbol)).toThrow('q.csv:3: empty symbol');
    const book = reader.quotes('symbol,forwardPE\nA,12x\nB,14.5\n', 'q.csv', normaliseSymbol);
    expect(book.get('B')?.[0]?.forwardPE).toBe(14.5); // a bad row does not stop the others from being read
    expect(() => book.get('A')).toThrow('q.csv:2: forwardPE is not a number');
    expect(book.get('C')).toBeUndefined();
  });
});

describe('openFilesProvider', () => {
  it('reads the demo data within the window asked for, with currencies from quotes.csv', async () => {
    const provider = await openFilesProvider(DEMO_DIR, 'fixtures/demo');
    expect(provider.description).toBe('files:fixtures/demo');
    const history = await provider.fetchHistory({ symbols: ['0700.HK', '^NDX'], start: '2024-12-02', end: '2025-03-07' });
    const tencent = history.items.get('0700.HK');
    expect(tencent?.currency).toBe('HKD');
    const dates = tencent ? seriesDates(tencent) : [];
    expect(dates[0]).toBe('2024-12-02');
    expect(dates.at(-1)).toBe('2025-03-07');
    // the real close of the 2024-12-31 half-day session is there
    expect(tencent?.close[dates.indexOf('2024-12-31')]).toBe(416.1671142578125);
    expect(history.items.get('^NDX')?.currency).toBe('USD'); // quotes.csv has a row for the index too
    expect(history.issues).toEqual([]);
  });

  it('reports a symbol with no price file, and one with no quote row, naming the directory as the user wrote it', async () => {
    const provider = await openFilesProvider(DEMO_DIR, 'fixtures/demo');
    const history = await provider.fetchHistory({ symbols: ['AAPL', 'NOPE'], start: '2025-01-01', end: '2025-01-10' });
    expect([...history.items.keys()]).toEqual(['AAPL']);
    expect(history.issues).toEqual([{ symbol: 'NOPE', code: 'no-data', message: 'no price file prices/NOPE.csv in fixtures/demo' }]);
    const quotes = await provider.fetchQuotes(['AAPL', 'NOPE']);
    // the demo's AAPL rows: undated name and currency, the Yahoo quote of 2025-02-14, the press P/E of 2025-03-13
    expect(quotes.items.get('AAPL')?.map((q) => [q.date, q.forwardPE, q.marketCap])).toEqual([
      [null, null, null],
      ['2025-02-14', null, 3674405863424],
      ['2025-03-13', 30.2, null],
    ]);
    expect(quotes.issues).toEqual([{ symbol: 'NOPE', code: 'no-quote', message: expect.stringContaining('no row for NOPE') }]);
  });

  it('refuses a missing directory or one without prices/', async () => {
    await expect(openFilesProvider('/no/such/dir')).rejects.toThrow(UsageError);
    const empty = await makeTempDir('basket-data-');
    await expect(openFilesProvider(empty)).rejects.toThrow('has no prices/ folder');
  });

  it('works without quotes.csv, saying names and P/E are unknown', async () => {
    const dir = await makeTempDir('basket-data-');
    await mkdir(path.join(dir, 'prices'));
    await writeFile(path.join(dir, 'prices', 'X.csv'), 'Date,Close\n2025-01-02,1\n');
    const provider = await openFilesProvider(dir);
    const quotes = await provider.fetchQuotes(['X']);
    expect(quotes.items.size).toBe(0);
    expect(quotes.issues[0]).toMatchObject({ symbol: null, code: 'no-quote' });
  });
});

describe('writeDataDirectory (snapshot output)', () => {
  const series = seriesOf('0700.HK', 'HKD', ['2025-01-02', '2025-01-03'], [400.5, 410], [398.25, 407.75]);
  const quote = { symbol: '0700.HK', date: null, provider: null, name: 'Tencent, "Holdings"', currency: 'HKD', price: 410, forwardPE: 19, trailingPE: null, epsForward: null, marketCap: 3.8e12, sharesOutstanding: null, financialCurrency: null };
  const dated = { ...quote, date: '2025-03-07', provider: 'Yahoo Finance', name: null, currency: null, forwardPE: 21.5 };

  it('writes files the files provider reads back unchanged', async () => {
    const out = path.join(await makeTempDir('basket-snap-'), 'snap');
    await writeDataDirectory(out, [series], [quote, dated], { force: false });
    const provider = await openFilesProvider(out);
    const back = await provider.fetchHistory({ symbols: ['0700.HK'], start: '2025-01-01', end: '2025-01-31' });
    expect(back.items.get('0700.HK')).toEqual(series);
    const quotes = await provider.fetchQuotes(['0700.HK']);
    expect(quotes.items.get('0700.HK')).toEqual([quote, dated]);
  });

  it('writes the splits a series records as a Stock Splits column, which reads back', async () => {
    const split = { ...seriesOf('1211.HK', 'HKD', ['2025-06-09', '2025-06-10'], [396.6, 135.6]), splits: [{ day: toDayNumber('2025-06-10'), ratio: 3 }] };
    expect(toPriceCsv(split)).toBe('Date,Close,Adj Close,Stock Splits\n2025-06-09,396.6,396.6,0\n2025-06-10,135.6,135.6,3\n');
    const out = path.join(await makeTempDir('basket-snap-'), 'snap');
    await writeDataDirectory(out, [split], [], { force: false });
    const back = await (await openFilesProvider(out)).fetchHistory({ symbols: ['1211.HK'], start: '2025-06-01', end: '2025-06-30' });
    expect(back.items.get('1211.HK')?.splits).toEqual([{ day: toDayNumber('2025-06-10'), ratio: 3 }]);
  });

  it('writes RFC 4180 CSV', () => {
    expect(toPriceCsv(series)).toBe('Date,Close,Adj Close\n2025-01-02,400.5,398.25\n2025-01-03,410,407.75\n');
    const rows = parse(toQuotesCsv([quote]), { columns: true }) as Record<string, string>[];
    expect(rows[0]?.name).toBe('Tencent, "Holdings"');
    expect(rows[0]?.trailingPE).toBe('');
  });

  it('refuses to overwrite a non-empty directory without --force, and replaces it with', async () => {
    const out = await makeTempDir('basket-snap-');
    await writeFile(path.join(out, 'keep.txt'), 'mine');
    await expect(writeDataDirectory(out, [series], [quote], { force: false })).rejects.toThrow('pass --force');
    expect(await readFile(path.join(out, 'keep.txt'), 'utf8')).toBe('mine');
    await writeDataDirectory(out, [series], [quote], { force: true });
    await expect(readFile(path.join(out, 'keep.txt'), 'utf8')).rejects.toThrow();
    expect(await readFile(path.join(out, 'quotes.csv'), 'utf8')).toContain('0700.HK');
  });
});

describe('progress of the files provider', () => {
  it('tells the progress sink of every symbol once, missing ones included, the count rising to the total', async () => {
    const seen: [number, number, string][] = [];
    const provider = await openFilesProvider(DEMO_DIR);
    const symbols = ['AAPL', 'MSFT', 'NOPE', '0700.HK'];
    await provider.fetchHistory({ symbols, start: '2025-01-01', end: '2025-03-07', onProgress: (done, total, symbol) => seen.push([done, total, symbol]) });
    expect(seen.map(([done]) => done)).toEqual([1, 2, 3, 4]);
    expect(seen.every(([, total]) => total === 4)).toBe(true);
    expect(seen.map(([, , s]) => s).sort()).toEqual([...symbols].sort());
  });
});
