/**
 * A price file read row by row: the reader of every file the one-pass reader
 * (scan.ts) declines, and the reference it agrees with. Pure: rows in, a
 * series out; every problem names the file and line.
 */
import { toDayNumber } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/types.js';
import { DataFileError } from '../../errors.js';
import { columnIndex, listHeader, toCellDate, toCellNumber } from './cells.js';
import { skippedNote, type ParsedSeries } from './columns.js';
import type { Row } from './rows.js';

/**
 * `prices/<SYMBOL>.csv`'s rows → a PriceSeries. Needs `Date` and `Close`
 * columns; `Adj Close` is the adjusted close when present, otherwise `Close`
 * is taken as it stands. An optional `Stock Splits` column records splits
 * (yfinance's layout: the ratio, 3 for 3-for-1; 0 or empty on other days).
 * Rows may come in any order. Rows with an empty or non-positive close are
 * left out and reported; a date given twice rejects the file.
 */
export function readPriceSeries(rows: readonly Row[], symbol: string, file: string): ParsedSeries {
  if (!rows[0]) throw new DataFileError(file, 1, 'empty file: expected a header with Date and Close');
  const header = rows[0].cells;
  const iDate = columnIndex(header, 'Date');
  const iClose = columnIndex(header, 'Close');
  const iAdj = columnIndex(header, 'Adj Close');
  const iSplits = columnIndex(header, 'Stock Splits');
  if (iDate < 0 || iClose < 0) {
    const missing = [iDate < 0 ? 'Date' : null, iClose < 0 ? 'Close' : null].filter(Boolean).join(' and ');
    throw new DataFileError(file, rows[0].line, `the header has no ${missing} column (found: ${listHeader(header)})`);
  }
  const bars: { date: IsoDate; close: number; adj: number; line: number }[] = [];
  const skipped: IsoDate[] = [];
  const splits: { date: IsoDate; ratio: number }[] = [];
  for (const { cells: row, line } of rows.slice(1)) {
    const date = toCellDate(row[iDate] ?? '');
    if (date === null) throw new DataFileError(file, line, `Date is not a date: ${JSON.stringify(row[iDate] ?? '')}`);
    const close = toCellNumber(row[iClose] ?? '', file, line, 'Close');
    const adj = iAdj >= 0 ? toCellNumber(row[iAdj] ?? '', file, line, 'Adj Close') : close;
    const split = iSplits >= 0 ? toCellNumber(row[iSplits] ?? '', file, line, 'Stock Splits') : null;
    if (split !== null && split !== 0) {
      if (!(split > 0)) throw new DataFileError(file, line, `Stock Splits must be a positive ratio (3 for a 3-for-1 split) or 0, got ${JSON.stringify(row[iSplits])}`);
      splits.push({ date, ratio: split });
    }
    if (close === null || adj === null || close <= 0 || adj <= 0) {
      skipped.push(date);
      continue;
    }
    bars.push({ date, close, adj, line });
  }
  bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 1; i < bars.length; i++) {
    const prev = bars[i - 1]!;
    const cur = bars[i]!;
    if (prev.date === cur.date) {
      const [a, b] = [prev.line, cur.line].sort((x, y) => x - y);
      throw new DataFileError(file, b ?? null, `date ${cur.date} appears twice (also on line ${a})`);
    }
  }
  return {
    series: {
      symbol,
      currency: null,
      days: Int32Array.from(bars, (b) => toDayNumber(b.date)),
      close: Float64Array.from(bars, (b) => b.close),
      adjClose: Float64Array.from(bars, (b) => b.adj),
      ...(splits.length > 0 ? { splits: splits.sort((a, b) => (a.date < b.date ? -1 : 1)).map((s) => ({ day: toDayNumber(s.date), ratio: s.ratio })) } : {}),
    },
    issues: skipped.length > 0 ? [skippedNote(symbol, skipped.length, skipped)] : [],
  };
}
