/**
 * The fast reader of the offline data files: one pass, no per-row objects,
 * price files read from their bytes (no text is made of them) straight into
 * columns. It reads the common case — no quotes in price files, only simple
 * quoted cells in others, `\n` or `\r\n` line ends, no spaces around cells,
 * ascending `YYYY-MM-DD` dates, plain decimal numbers — and answers `null`
 * for anything else; csv.ts then reads the file with the full RFC 4180
 * parser, which gives the same result, or the error naming the line. So a
 * file is read the same whichever reader takes it (a property test holds
 * the two to it).
 */
import { civilToDays, fromDayNumber, isoDayAt } from '../../domain/calendar.js';
import { barsSkipped } from '../../domain/issues.js';
import type { DayNumber, IsoDate, PriceSeries, SymbolIssue } from '../../domain/types.js';

/** A record's cells and the physical line it starts on. */
export interface Row {
  readonly cells: string[];
  readonly line: number;
}

const NEWLINE = 10;
const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const DOT = 46;
const MINUS = 45;
const ZERO = 48;

/** Text without a BOM and with `\n` line ends. */
function normalised(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

/** Whether a UTF-16 code unit is white space as `String.prototype.trim` sees it (printable ASCII never is). */
const isSpace = (c: number) => !(c > 32 && c < 127) && String.fromCharCode(c).trim() === '';

/** A cell the full parser would trim (it trims every cell): `cell !== cell.trim()`, looking only at its two ends. */
export const padded = (cell: string) => cell !== '' && (isSpace(cell.charCodeAt(0)) || isSpace(cell.charCodeAt(cell.length - 1)));

/**
 * The cells of one line whose quoted cells are simple — `"Apple, Inc."`: a
 * quote only at both ends of a cell, none inside — or null for anything else
 * (a doubled quote, a line break inside quotes, text around the quotes).
 */
function splitQuoted(line: string): string[] | null {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === QUOTE) {
      const close = line.indexOf('"', i + 1);
      if (close < 0) return null;
      const after = line.charCodeAt(close + 1);
      if (close + 1 < line.length && after !== COMMA) return null;
      const cell = line.slice(i + 1, close);
      if (padded(cell)) return null;
      cells.push(cell);
      if (close + 1 >= line.length) return cells;
      i = close + 2;
    } else {
      let comma = line.indexOf(',', i);
      if (comma < 0) comma = line.length;
      const cell = line.slice(i, comma);
      if (cell.includes('"')) return null;
      cells.push(cell);
      if (comma >= line.length) return cells;
      i = comma + 1;
    }
  }
}

/**
 * Rows of a file, blank lines skipped, each with its line number; null when
 * the full parser must read it (a doubled quote, a line break inside quotes,
 * spaces around a cell, rows of different widths).
 */
export function simpleRows(text: string): Row[] | null {
  const t = normalised(text);
  const quoted = t.includes('"');
  const rows: Row[] = [];
  let width = -1;
  let line = 0;
  for (const raw of t.split('\n')) {
    line += 1;
    if (raw === '') continue;
    const cells = quoted && raw.includes('"') ? splitQuoted(raw) : raw.split(',');
    if (cells === null || cells.some(padded)) return null;
    if (width < 0) width = cells.length;
    else if (cells.length !== width) return null;
    rows.push({ cells, line });
  }
  return rows;
}

/** Column index by header name, case- and space-insensitive (`Adj Close` = `adjclose`). */
export function columnIndex(header: readonly string[], name: string): number {
  const key = name.toLowerCase().replace(/[\s_]/g, '');
  return header.findIndex((h) => h.toLowerCase().replace(/[\s_]/g, '') === key);
}

const NULL_CELL = /^(null|nan|n\/a|-)$/i;
const NUMBER_CELL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number cell's value: a number, `null` for an empty or not-available cell, `undefined` when it is no number. */
export function cellNumber(cell: string): number | null | undefined {
  if (cell === '' || NULL_CELL.test(cell)) return null;
  const n = Number(cell);
  return Number.isFinite(n) && NUMBER_CELL.test(cell) ? n : undefined;
}

/**
 * The exchange-local date of a date cell: `2025-01-02`, or with a time and
 * offset (`2025-01-02 00:00:00+08:00`), whose date part already is the
 * exchange's local date.
 */
export function toCellDate(cell: string): IsoDate | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(cell);
  return m && !Number.isNaN(isoDayAt(m[1] as string, 0)) ? (m[1] as string) : null;
}

/** 10⁰ … 10²²: the powers of ten a double holds exactly. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const EXACT = 2 ** 53;

/** The value of the number cell numberEnd last read (a typed array: a double kept here is not boxed). */
const VALUE = new Float64Array(1);

/**
 * Reads the number cell starting at byte `a` up to its delimiter (`,`, a
 * line break or the end) and answers the delimiter's index, the value left in
 * `VALUE[0]`: -1 for an empty cell (no price); or answers -1 for a cell it
 * does not read. Plain decimals whose digits fit in 2⁵³ are read digit by
 * digit: an integer mantissa and a power of ten up to 10²² are both exact
 * doubles, so their quotient is the correctly rounded value, the same double
 * `Number()` gives; longer ones go through `Number()`. Anything else (a sign,
 * an exponent, `null`) leaves the file to the full reader.
 */
function numberEnd(b: Uint8Array, a: number, n: number): number {
  let i = a;
  let mantissa = 0;
  let decimals = 0;
  let c = b[i] as number;
  for (; i < n; c = b[++i] as number) {
    const d = c - ZERO;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
  }
  if (c === DOT && i < n) {
    const point = i;
    for (c = b[++i] as number; i < n; c = b[++i] as number) {
      const d = c - ZERO;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
    }
    decimals = i - point - 1;
    if (i - a === 1) return -1; // a point and no digit
  }
  if (i < n && c !== COMMA && c !== NEWLINE) return -1;
  if (i === a) VALUE[0] = -1;
  // more digits than a double holds exactly (a 17-digit close from Yahoo): Number() of the same digits
  else if (mantissa >= EXACT || decimals > 22) VALUE[0] = Number(String.fromCharCode.apply(null, b.subarray(a, i) as unknown as number[]));
  else VALUE[0] = decimals > 0 ? mantissa / (POW10[decimals] as number) : mantissa;
  return i;
}

/** The digit at byte `i`, NaN for anything else (NaN then carries through the arithmetic). */
function digitAt(b: Uint8Array, i: number): number {
  const d = (b[i] as number) - ZERO;
  return d >= 0 && d <= 9 ? d : NaN;
}

const LONG_MONTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number) => (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : (LONG_MONTHS[m - 1] as number));

/** The day number of the `YYYY-MM-DD` date at byte `at`, NaN when it is no valid date. */
function dayAt(b: Uint8Array, at: number): number {
  if (b[at + 4] !== MINUS || b[at + 7] !== MINUS) return NaN;
  const y = digitAt(b, at) * 1000 + digitAt(b, at + 1) * 100 + digitAt(b, at + 2) * 10 + digitAt(b, at + 3);
  const m = digitAt(b, at + 5) * 10 + digitAt(b, at + 6);
  const d = digitAt(b, at + 8) * 10 + digitAt(b, at + 9);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? civilToDays(y, m, d) : NaN;
}

/** What the fixed-place loop made of a file's rows: all read; a row it does not read (the full parser's turn); a row laid out otherwise, such as a date with a time (the general loop's turn). */
const READ = 0;
const DECLINED = 1;
const GENERAL = 2;

/**
 * The rows of a `Date,Close[,Adj Close]` file (`three`: with Adj Close) from
 * byte `p`, read at fixed places with no search for delimiters. The dates run
 * month after month: while a row's year and month are the bytes of the last
 * month seen, its day number is that month's 1st plus its day.
 */
function fixedRows(b: Uint8Array, p: number, n: number, three: boolean, rows: Columns): number {
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
      length = daysInMonth((y1 - ZERO) * 1000 + (y2 - ZERO) * 100 + (y3 - ZERO) * 10 + (y4 - ZERO), (m1 - ZERO) * 10 + (m2 - ZERO));
    }
    let end = numberEnd(b, p + 11, n);
    if (end < 0) return DECLINED;
    const c = VALUE[0] as number;
    let a = c;
    if (three) {
      if (b[end] !== COMMA) return DECLINED;
      end = numberEnd(b, end + 1, n);
      if (end < 0) return DECLINED;
      a = VALUE[0] as number;
    }
    if (end < n && b[end] !== NEWLINE) return DECLINED; // more cells than the header
    p = end + 1;
    if (!rows.add(day, c, a)) return DECLINED;
  }
  return READ;
}

/**
 * The columns a price file fills row by row, in ascending order; rows with an
 * empty or non-positive close are counted and left out.
 */
class Columns {
  private days: Int32Array;
  private close: Float64Array;
  private adj: Float64Array;
  private count = 0;
  private skipped = 0;
  private readonly firstSkipped: IsoDate[] = [];
  private previous = -Infinity;

  /** `capacity`: the expected number of rows (the columns grow past it). */
  constructor(capacity: number) {
    [this.days, this.close, this.adj] = Columns.allocate(capacity);
  }

  /** Three columns of `size` rows in one allocation: closes, adjusted closes, days. */
  private static allocate(size: number): [Int32Array, Float64Array, Float64Array] {
    const buffer = new ArrayBuffer(size * 20);
    return [new Int32Array(buffer, size * 16, size), new Float64Array(buffer, 0, size), new Float64Array(buffer, size * 8, size)];
  }

  /** Adds a row; false when its day is not after the last row's (the full parser then sorts, or names the repeated date). */
  add(day: DayNumber, close: number, adj: number): boolean {
    if (day <= this.previous) return false;
    this.previous = day;
    if (close > 0 && adj > 0) {
      if (this.count === this.days.length) this.grow();
      this.days[this.count] = day;
      this.close[this.count] = close;
      this.adj[this.count] = adj;
      this.count += 1;
    } else {
      this.skipped += 1;
      if (this.firstSkipped.length < 3) this.firstSkipped.push(fromDayNumber(day));
    }
    return true;
  }

  clear(): void {
    this.count = 0;
    this.skipped = 0;
    this.firstSkipped.length = 0;
    this.previous = -Infinity;
  }

  private grow(): void {
    const [days, close, adj] = Columns.allocate(this.days.length * 2 + 16);
    days.set(this.days);
    close.set(this.close);
    adj.set(this.adj);
    [this.days, this.close, this.adj] = [days, close, adj];
  }

  parsed(symbol: string): ParsedSeries {
    const n = this.count;
    // a close estimate is kept as a view; a far one is copied, not to hold memory no row uses
    const view = n >= this.days.length * 0.75;
    const days = view ? this.days.subarray(0, n) : this.days.slice(0, n);
    const close = view ? this.close.subarray(0, n) : this.close.slice(0, n);
    const adj = view ? this.adj.subarray(0, n) : this.adj.slice(0, n);
    return {
      series: { symbol, currency: null, days, close, adjClose: adj },
      issues: this.skipped > 0 ? [skippedNote(symbol, this.skipped, this.firstSkipped)] : [],
    };
  }
}

/** A series and the provider's notes on it. */
export interface ParsedSeries {
  readonly series: PriceSeries;
  readonly issues: SymbolIssue[];
}

/** The note on rows left out for an empty or non-positive close. */
export function skippedNote(symbol: string, count: number, firstDates: readonly IsoDate[]): SymbolIssue {
  return barsSkipped(symbol, 'row(s) with an empty or non-positive close', count, firstDates);
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** The bytes as text, as Node's `readFile(file, 'utf8')` gives it (a BOM kept). */
export const decodeText = (bytes: Uint8Array): string => utf8.decode(bytes);

/** Text as UTF-8 bytes. */
export const encodeText = (text: string): Uint8Array => encoder.encode(text);

/** Text on one line of bytes: the bytes of a header, or a date cell with a time. */
const textAt = (b: Uint8Array, from: number, to: number): string => utf8.decode(b.subarray(from, to));

/**
 * `prices/<SYMBOL>.csv`, as its bytes, read in one pass into columns, or null
 * when the full parser must read it (see the module comment; also: dates out
 * of order or repeated, a bad cell, a missing column — the full parser sorts,
 * or names the line).
 */
export function scanPriceFile(file: Uint8Array, symbol: string): ParsedSeries | null {
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
  const width = header.length;
  const iDate = columnIndex(header, 'Date');
  const iClose = columnIndex(header, 'Close');
  const iAdj = columnIndex(header, 'Adj Close');
  // a file that records splits is read by the full parser, which reads them too
  if (iDate < 0 || iClose < 0 || columnIndex(header, 'Stock Splits') >= 0) return null;

  p = eol + 1;
  const body = p;
  // the layouts basket and most sources write — Date,Close[,Adj Close] — are read at fixed places,
  // with no search for delimiters; a row laid out otherwise (a date with a time) sends the file to the general loop
  let general = !(iDate === 0 && iClose === 1 && (width === 2 || (width === 3 && iAdj === 2)));
  // rows of about the first row's length, give or take a few digits: the columns are sized for them, and grow if they are shorter
  let first = b.indexOf(NEWLINE, eol + 1);
  if (first < 0) first = n;
  const rows = new Columns(Math.ceil((n - eol) / Math.max(first - eol - 3, 12)) + 4);
  if (!general) {
    const fixed = fixedRows(b, p, n, width === 3, rows);
    if (fixed === DECLINED) return null;
    general = fixed === GENERAL;
  }
  if (general) {
    p = body;
    rows.clear();
  }
  while (general && p < n) {
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
      if (col === iDate) {
        if (e - s === 10) day = dayAt(b, s);
        else {
          const cell = textAt(b, s, e);
          const date = padded(cell) ? null : toCellDate(cell);
          day = date === null ? NaN : isoDayAt(date, 0);
        }
        if (Number.isNaN(day)) return null;
      } else if (col === iClose) {
        if (numberEnd(b, s, n) < 0) return null;
        c = VALUE[0] as number;
      } else if (col === iAdj) {
        if (numberEnd(b, s, n) < 0) return null;
        a = VALUE[0] as number;
      }
      col += 1;
      s = e + 1;
    }
    if (col !== width) return null;
    if (!rows.add(day, c, iAdj < 0 ? c : a)) return null;
    p = end + 1;
  }
  return rows.parsed(symbol);
}
