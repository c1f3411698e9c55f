/**
 * Property: the one-pass reader of price files (scan.ts) and the fast row
 * reader (rows.ts) agree with the full RFC 4180 reader (csv-parse) on every
 * file they accept, and decline every file they cannot read exactly — so a
 * data file reads the same, and fails with the same message, whichever
 * reader takes it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeText, padded } from '../../../src/providers/files/cells.js';
import { readPriceSeries } from '../../../src/providers/files/prices.js';
import { DataFileReader } from '../../../src/providers/files/reader.js';
import { RowReader, simpleRows } from '../../../src/providers/files/rows.js';
import { PriceFileScanner } from '../../../src/providers/files/scan.js';
import { DEMO_DIR } from '../../helpers/cli.js';
import { plainSeries } from '../../helpers/series.js';
import { anyPrices, anyQuotes, oddValidPrices, validPrices } from '../../helpers/data-files.js';

/** One of each reader for every test, as a provider keeps one for all its files: what one file leaves in it must not change the next. */
const scanner = new PriceFileScanner();
const rowReader = new RowReader();
const reader = new DataFileReader();
const scanPriceFile = (bytes: Uint8Array, symbol: string) => scanner.scan(bytes, symbol);
const parseQuotedRows = (text: string, file: string) => rowReader.fullRows(text, file);
/** A price file read row by row, every row through csv-parse: the reference. */
const readFully = (text: string) => readPriceSeries(parseQuotedRows(text, 'X.csv'), 'X', 'X.csv');

/** What reading gives: the series and notes, or the error's message. */
function outcome(read: () => ReturnType<typeof readPriceSeries>) {
  try {
    const { series, issues } = read();
    return { series: plainSeries(series), issues };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** What a scanner (the shared one unless named) gives for a file's text: the series and notes, or null when it declines the file. */
function scanned(text: string, by: PriceFileScanner = scanner) {
  const read = by.scan(encodeText(text), 'X');
  return read === null ? null : { series: plainSeries(read.series), issues: read.issues };
}

const fullRows = (text: string) => {
  try {
    return parseQuotedRows(text, 'X.csv');
  } catch (err) {
    return (err as Error).message;
  }
};

/** Price files the generators make, plus the layouts the fast reader must decline or handle. */
const priceTexts = fc.oneof(
  anyPrices.map((f) => f.text),
  validPrices.map((v) => v.file.text),
  oddValidPrices.map((f) => f.text),
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.oneof(fc.double({ min: -5, max: 5000, noNaN: true }).map(String), fc.constantFrom('', 'null', '-', '1e3', ' 7', '12.', '.5', '+3', '00012.50', '123456789012345678'))), { maxLength: 12 })
    .chain((rows) =>
      fc.record({ eol: fc.constantFrom('\n', '\r\n'), header: fc.constantFrom('Date,Close', 'date,close,adj close', 'Close,Date', 'Date,Close,Volume') }).map(({ eol, header }) =>
        [header, ...rows.map(([d, c]) => `${new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10)},${c}${header.endsWith('Volume') || header.endsWith('close') ? ',1' : ''}`)].join(eol),
      ),
    ),
);

/**
 * On every file of `files`, the one-pass reader gives what reading row by row
 * through csv-parse gives, or declines; the provider's reader gives it either
 * way; and more than `minRead` files are read in one pass (the fast path is
 * taken, not declined every time).
 */
function expectAgreement(files: fc.Arbitrary<string>, numRuns: number, minRead: number): void {
  let read = 0;
  fc.assert(
    fc.property(files, (text) => {
      const fast = scanned(text);
      const full = outcome(() => readFully(text));
      if (fast !== null) {
        read++;
        expect(fast).toEqual(full);
      }
      expect(outcome(() => reader.priceSeries(text, 'X', 'X.csv'))).toEqual(full);
    }),
    { numRuns },
  );
  expect(read).toBeGreaterThan(minRead);
}

describe('the fast readers agree with csv-parse', () => {
  it('the one-pass reader: same series and notes as reading row by row, or declines', () => {
    expectAgreement(priceTexts, 1500, 150);
  });

  it('simpleRows: same cells and line numbers as csv-parse, or declines', () => {
    fc.assert(
      fc.property(fc.oneof(priceTexts, anyQuotes.map((f) => f.text)), (text) => {
        const fast = simpleRows(text);
        if (fast !== null) expect(fast).toEqual(fullRows(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('reads the plain layouts in one pass and declines the rest', () => {
    const plain = [
      'Date,Close\n2025-01-02,10\n2025-01-03,10.5\n',
      '\uFEFFDate,Close,Adj Close\r\n2025-01-02,10,9.5\r\n\r\n2025-01-03,11,10.25',
      'Date,Close\n2025-01-02 00:00:00+08:00,10\n',
      'Date,Close\n2025-01-02,\n2025-01-03,0\n2025-01-06,12\n',
    ];
    for (const text of plain) expect(scanPriceFile(encodeText(text), 'X')).not.toBeNull();
    // the demo's files (Yahoo's closes, with up to 17 digits) are read in one pass
    const demoPrices = path.join(DEMO_DIR, 'prices');
    for (const file of readdirSync(demoPrices)) expect(scanPriceFile(readFileSync(path.join(demoPrices, file)), file)).not.toBeNull();
    const declined = [
      'Date,Close\n"2025-01-02",10\n', // quotes
      'Date,Close\n2025-01-03,10\n2025-01-02,11\n', // out of order
      'Date,Close\n2025-01-02,10\n2025-01-02,11\n', // a date twice
      'Date, Close\n2025-01-02,10\n', // a padded header
      'Date,Close\n2025-01-02, 10\n', // a padded cell
      'Date,Close\n2025-01-02,abc\n', // not a number
      'Date,Close\n2025-02-30,10\n', // not a date
      'Date,Close\n2025-01-02,10,1\n', // a ragged row
      'Day,Close\n2025-01-02,10\n', // no Date column
      '', // empty
    ];
    for (const text of declined) expect(scanPriceFile(encodeText(text), 'X')).toBeNull();
    // quotes.csv with simple quoted names (the demo's) is read without csv-parse, cell for cell as csv-parse reads it
    const quotes = readFileSync(path.join(DEMO_DIR, 'quotes.csv'), 'utf8');
    expect(quotes).toContain('"JD.com, Inc."');
    expect(simpleRows(quotes)).toEqual(parseQuotedRows(quotes, 'quotes.csv'));
    for (const text of ['a,b\n"x""y",1\n', 'a,b\n"x\ny",1\n', 'a,b\n"x" ,1\n', 'a,b\nx"y",1\n', 'a,b\n" x",1\n', 'a,b,c\n"x"y,1\n']) expect(simpleRows(text)).toBeNull();
    // a decimal with 17 digits goes through Number(): the same double
    expect(scanPriceFile(encodeText('Date,Close\n2025-01-02,182.35562133789065\n'), 'X')?.series.close[0]).toBe(182.35562133789065);
    expect(scanPriceFile(encodeText('Date,Close\n2025-01-02,183.7313232421875\n'), 'X')?.series.close[0]).toBe(183.7313232421875);
  });
});

/** A date cell of the usual layout: mostly valid and ascending, sometimes anything a file might hold. */
const dateCell = (i: number) =>
  fc.oneof(
    { weight: 40, arbitrary: fc.constant(new Date(Date.UTC(2023, 11, 25 + i)).toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: fc.constant(new Date(Date.UTC(2023, 11, 24 + i)).toISOString().slice(0, 10)) }, // the last row's date again
    { weight: 1, arbitrary: fc.constantFrom('2023-12-32', '2024-01-32', '2024-02-30', '2024-02-00', '2023-12-3x') }, // a day past the month of the rows around it
    { weight: 1, arbitrary: fc.constantFrom('2024-02-29', '2023-02-29', '0000-01-01', '0001-01-01', '9999-12-31', '2024-13-01', '2024-00-10', '2024-01-32', '2024-01-00', '2024/01/05', '2024-1-05', '2024-01-05 00:00:00+08:00', '') },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`) },
  );

/** A number cell: plain decimals mostly, and every form the readers treat apart. */
const numberCell = fc.oneof(
  { weight: 30, arbitrary: fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 6 })).map(([m, k]) => (k === 0 ? String(m) : (m / 10 ** k).toFixed(k))) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }).map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', '0', '0.0', '-1', '+3', '1e3', '.5', '12.', '.', '00012.50', '182.35562133789065', '9007199254740993', '9007199254740991', '0.00000000000000000000001', '12345678901234567890123', ' 7', 'null', 'abc', '1,5', 'é'),
  },
);

const usualRow = (three: boolean) => (i: number) =>
  fc.tuple(dateCell(i), numberCell, numberCell, fc.constantFrom(...Array.from({ length: 30 }, () => ''), ',x', '\r')).map(([d, c, a, tail]) => `${d},${c}${three ? `,${a}` : ''}${tail}`);

/** Files of the layouts read at fixed places, `Date,Close[,Adj Close]`, with blank lines and odd cells. */
const usualPriceFile = fc
  .record({ three: fc.boolean(), rows: fc.integer({ min: 0, max: 40 }), blank: fc.integer({ min: 0, max: 8 }), trailing: fc.boolean() })
  .chain(({ three, rows, blank, trailing }) =>
    fc.tuple(...Array.from({ length: rows }, (_, i) => usualRow(three)(i))).map((lines) => {
      const body = lines.map((l, i) => (blank > 0 && i % blank === blank - 1 ? `${l}\n` : l));
      return `${three ? 'Date,Close,Adj Close' : 'Date,Close'}\n${body.join('\n')}${trailing ? '\n' : ''}`;
    }),
  );

describe('the fixed-place loop (Date,Close[,Adj Close])', () => {
  it('reads the usual layouts as csv-parse does, or declines, and reads most of them itself', () => {
    expectAgreement(usualPriceFile, 3000, 300);
  });

  it('reads a file of 115 years (1900 and 2000 among them), and a small one after it, with the same scanner', () => {
    const lines = Array.from({ length: 14_000 }, (_, i) => `${new Date(Date.UTC(1900, 0, 1 + 3 * i)).toISOString().slice(0, 10)},${(i % 997) + 0.25},${(i % 991) + 0.5}`);
    for (const text of [`Date,Close,Adj Close\n${lines.join('\n')}\n`, 'Date,Close\n2025-01-02,10\n2025-01-03,\n2025-01-06,11.5\n']) {
      const fast = scanned(text);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(outcome(() => readFully(text)));
    }
    // 2025-01-02 is day 20,090 since 1970-01-01; the empty close of 2025-01-03 is left out and noted
    const small = scanPriceFile(encodeText('Date,Close\n2025-01-02,10\n2025-01-03,\n2025-01-06,11.5\n'), 'X');
    expect(small?.series.days).toEqual(Int32Array.from([20_090, 20_094]));
    expect(small?.issues).toEqual([{ symbol: 'X', code: 'bars-skipped', message: '1 row(s) with an empty or non-positive close left out (2025-01-03)' }]);
  });

  it('reads a file after any other file as a new scanner reads it (nothing of one file is left for the next)', () => {
    const files = fc.array(fc.oneof(usualPriceFile, priceTexts), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(files, (texts) => {
        const shared = new PriceFileScanner();
        for (const text of texts) expect(scanned(text, shared)).toEqual(scanned(text, new PriceFileScanner()));
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates in the one-pass reader', () => {
  it('reads a date in the same month as the last row no more loosely than the first one', () => {
    const text = (second: string) => `Date,Close\n2025-03-03,1\n${second},2\n`;
    expect(scanPriceFile(encodeText(text('2025-03-04')), 'X')).not.toBeNull();
    // characters that are no digits but add up to the same year and month, an impossible day, a bad separator
    for (const bad of ['2025-/=-07', '2025-03-32', '2025-03-00', '2025-03/07', '2O25-03-07', '2025-03-0a']) {
      expect(scanPriceFile(encodeText(text(bad)), 'X')).toBeNull();
    }
    expect(scanPriceFile(encodeText('Date,Close\n2024-02-28,1\n2024-02-29,2\n'), 'X')).not.toBeNull();
    expect(scanPriceFile(encodeText('Date,Close\n2025-02-28,1\n2025-02-29,2\n'), 'X')).toBeNull();
  });
});

describe('columns of the one-pass reader', () => {
  it('grows past its estimate when the rows are shorter than the first one, and trims to the rows read', () => {
    const days = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
    // a first row of 26 bytes, then rows of 13: the estimate (body over the first row's length) is about half the rows
    const text = ['Date,Close', `${days[0]},1234567.123456`, ...days.slice(1).map((d, i) => `${d},${(i % 9) + 1}`)].join('\n');
    const fast = scanPriceFile(encodeText(text), 'X');
    expect(fast).not.toBeNull();
    expect(fast?.series.days.length).toBe(400);
    expect(plainSeries(fast!.series)).toEqual(plainSeries(readFully(text).series));
    // the last row is the 399th after the first: close (398 mod 9) + 1 = 2 + 1 = 3
    expect(fast?.series.close[399]).toBe(3);
  });
});

describe('padded', () => {
  it('is cell !== cell.trim() for every UTF-16 code unit at either end', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const cell of [ch, `${ch}x`, `x${ch}`, `x${ch}x`]) {
        if (padded(cell) !== (cell !== cell.trim())) expect({ code: c, cell, padded: padded(cell) }).toEqual({ code: c, cell, padded: cell !== cell.trim() });
      }
    }
    expect(padded('')).toBe(false);
  });
});

