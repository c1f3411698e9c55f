/**
 * The one-pass reader of price files: no per-row objects, a file read from
 * its bytes (no text is made of them) straight into columns. It reads the
 * common case — no quotes, `\n` or `\r\n` line ends, no spaces around cells,
 * ascending `YYYY-MM-DD` dates, plain decimal numbers — and answers `null`
 * for anything else; the row-by-row reader (prices.ts, through csv-parse
 * when need be) then reads the file, which gives the same result, or the
 * error naming the line. So a file is read the same whichever reader takes
 * it (a property test holds the two to it).
 */
import { daysInMonth, isoDayAt } from '../../domain/calendar.js';
import { columnIndex, decodeText, encodeText, normalised, padded, toCellDate } from './cells.js';
import { COMMA, CR, dayAt, MINUS, monthAt, NEWLINE, numberEnd, QUOTE, yearAt, ZERO } from './byte-cells.js';
import { Columns, type ParsedSeries } from './columns.js';

/** What the fixed-place loop made of a file's rows: all read; a row it does not read (the full parser's turn); a row laid out otherwise, such as a date with a time (the general loop's turn). */
const READ = 0;
const DECLINED = 1;
const GENERAL = 2;

/** Text on one line of bytes: the bytes of a header, or a date cell with a time. */
const textAt = (b: Uint8Array, from: number, to: number): string => decodeText(b.subarray(from, to));

/**
 * The rows of a `Date,Close[,Adj Close]` file (`three`: with Adj Close) from
 * byte `p`, read at fixed places with no search for delimiters. The dates run
 * month after month: while a row's year and month are the bytes of the last
 * month seen, its day number is that month's 1st plus its day. `out`: the
 * slot numberEnd leaves a value in.
 */
function fixedRows(b: Uint8Array, p: number, n: number, three: boolean, rows: Columns, out: Float64Array): number {
  // the bytes of the last month seen: YYYY-MM
  let y1 = -1;
  let y2 = -1;
  let y3 = -1;
  let y4 = -1;
  let m1 = -1;
  let m2 = -1;
  let first = 0; // the day number of that month's 1st
  let length = 0; // its days
  while (p < n) {
    if (b[p] === NEWLINE) {
      p += 1;
      continue;
    }
    if (b[p + 10] !== COMMA) return GENERAL;
    const d1 = (b[p + 8] as number) - ZERO;
    const d2 = (b[p + 9] as number) - ZERO;
    const dd = d1 * 10 + d2;
    let day: number;
    if (b[p] === y1 && b[p + 1] === y2 && b[p + 2] === y3 && b[p + 3] === y4 && b[p + 5] === m1 && b[p + 6] === m2 && b[p + 4] === MINUS && b[p + 7] === MINUS) {
      if (!(d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 && dd >= 1 && dd <= length)) return DECLINED;
      day = first + dd - 1;
    } else {
      day = dayAt(b, p);
      if (Number.isNaN(day)) return DECLINED;
      y1 = b[p] as number;
      y2 = b[p + 1] as number;
      y3 = b[p + 2] as number;
      y4 = b[p + 3] as number;
      m1 = b[p + 5] as number;
      m2 = b[p + 6] as number;
      first = day - dd + 1;
      length = daysInMonth(yearAt(b, p), monthAt(b, p));
    }
    let end = numberEnd(b, p + 11, n, out);
    if (end < 0) return DECLINED;
    const c = out[0] as number;
    let a = c;
    if (three) {
      if (b[end] !== COMMA) return DECLINED;
      end = numberEnd(b, end + 1, n, out);
      if (end < 0) return DECLINED;
      a = out[0] as number;
    }
    if (end < n && b[end] !== NEWLINE) return DECLINED; // more cells than the header
    p = end + 1;
    if (!rows.add(day, c, a)) return DECLINED;
  }
  return READ;
}

/** Where a price file's header puts its columns (-1: none), and how many it has. */
interface Layout {
  readonly width: number;
  readonly date: number;
  readonly close: number;
  readonly adj: number;
}

/**
 * The rows from byte `p`, laid out as `layout` says, each cell found by its
 * delimiter; false for a row the full parser must read. `out`: as for
 * fixedRows.
 */
function generalRows(b: Uint8Array, p: number, n: number, layout: Layout, rows: Columns, out: Float64Array): boolean {
  while (p < n) {
    let end = b.indexOf(NEWLINE, p);
    if (end < 0) end = n;
    if (end === p) {
      p += 1; // a blank line
      continue;
    }
    let day = NaN;
    let c = NaN;
    let a = NaN;
    let col = 0;
    let s = p;
    while (s <= end) {
      let e = b.indexOf(COMMA, s);
      if (e < 0 || e > end) e = end;
      if (col === layout.date) {
        if (e - s === 10) day = dayAt(b, s);
        else {
          const cell = textAt(b, s, e);
          const date = padded(cell) ? null : toCellDate(cell);
          day = date === null ? NaN : isoDayAt(date, 0);
        }
        if (Number.isNaN(day)) return false;
      } else if (col === layout.close) {
        if (numberEnd(b, s, n, out) < 0) return false;
        c = out[0] as number;
      } else if (col === layout.adj) {
        if (numberEnd(b, s, n, out) < 0) return false;
        a = out[0] as number;
      }
      col += 1;
      s = e + 1;
    }
    if (col !== layout.width) return false;
    if (!rows.add(day, c, layout.adj < 0 ? c : a)) return false;
    p = end + 1;
  }
  return true;
}

/**
 * Reads price files in one pass; one per provider: it keeps the slot its
 * number cells are read into (a double kept in a typed array is not boxed).
 */
export class PriceFileScanner {
  private readonly value = new Float64Array(1);

  /**
   * `prices/<SYMBOL>.csv`, as its bytes, read in one pass into columns, or
   * null when the full parser must read it (see the module comment; also:
   * dates out of order or repeated, a bad cell, a missing column — the full
   * parser sorts, or names the line).
   */
  scan(file: Uint8Array, symbol: string): ParsedSeries | null {
    if (file.indexOf(QUOTE) >= 0) return null;
    const bom = file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf;
    const b = bom || file.indexOf(CR) >= 0 ? encodeText(normalised(decodeText(file))) : file;
    const n = b.length;
    // the header: the first line that is not blank
    let p = 0;
    while (p < n && b[p] === NEWLINE) p++;
    let eol = b.indexOf(NEWLINE, p);
    if (eol < 0) eol = n;
    const header = textAt(b, p, eol).split(',');
    if (header.some(padded)) return null;
    const layout: Layout = { width: header.length, date: columnIndex(header, 'Date'), close: columnIndex(header, 'Close'), adj: columnIndex(header, 'Adj Close') };
    // a file that records splits is read by the full parser, which reads them too
    if (layout.date < 0 || layout.close < 0 || columnIndex(header, 'Stock Splits') >= 0) return null;

    const body = eol + 1;
    // rows of about the first row's length, give or take a few digits: the columns are sized for them, and grow if they are shorter
    let first = b.indexOf(NEWLINE, body);
    if (first < 0) first = n;
    const rows = new Columns(Math.ceil((n - eol) / Math.max(first - eol - 3, 12)) + 4);
    // the layouts basket and most sources write — Date,Close[,Adj Close] — are read at fixed places, with no
    // search for delimiters; a row laid out otherwise (a date with a time) sends the file to the general loop
    const { width, date, close, adj } = layout;
    if (date === 0 && close === 1 && (width === 2 || (width === 3 && adj === 2))) {
      const fixed = fixedRows(b, body, n, width === 3, rows, this.value);
      if (fixed === DECLINED) return null;
      if (fixed === READ) return rows.parsed(symbol);
      rows.clear();
    }
    return generalRows(b, body, n, layout, rows, this.value) ? rows.parsed(symbol) : null;
  }
}
