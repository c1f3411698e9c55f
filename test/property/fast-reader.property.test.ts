/**
 * Property: the one-pass reader of price files (scan.ts) and the fast row
 * reader agree with the full RFC 4180 reader (csv-parse) on every file they
 * accept, and decline every file they cannot read exactly — so a data file
 * reads the same, and fails with the same message, whichever reader takes it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuotedRows, readPriceSeries, toPriceSeries } from '../../src/providers/files/csv.js';
import { encodeText, padded, scanPriceFile, simpleRows } from '../../src/providers/files/scan.js';
import { DEMO_DIR } from '../helpers/cli.js';
import { plainSeries } from '../helpers/series.js';
import { anyPrices, anyQuotes, oddValidPrices, validPrices } from './data-files.js';

/** What reading gives: the series and notes, or the error's message. */
function outcome(read: () => ReturnType<typeof readPriceSeries>) {
  try {
    const { series, issues } = read();
    return { series: plainSeries(series), issues };
  } catch (err) {
    return { error: (err as Error).message };
  }
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

describe('the fast readers agree with csv-parse', () => {
  it('scanPriceFile: same series and notes as reading row by row, or declines', () => {
    let accepted = 0;
    fc.assert(
      fc.property(priceTexts, (text) => {
        const fast = scanPriceFile(encodeText(text), 'X');
        const full = outcome(() => readPriceSeries(text, 'X', 'X.csv', parseQuotedRows(text, 'X.csv')));
        if (fast !== null) {
          accepted++;
          expect({ series: plainSeries(fast.series), issues: fast.issues }).toEqual(full);
        }
        expect(outcome(() => toPriceSeries(text, 'X', 'X.csv'))).toEqual(full);
      }),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(150); // the fast path is taken, not declined every time
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
    expect(plainSeries(fast!.series)).toEqual(plainSeries(readPriceSeries(text, 'X', 'X.csv', parseQuotedRows(text, 'X.csv')).series));
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

