/**
 * The fast reader of the offline data files: one pass over the text, no
 * per-row objects, price files straight into columns. It reads the common
 * case — no quotes in price files, only simple quoted cells in others, `\n` or `\r\n` line ends, no spaces around cells,
 * ascending `YYYY-MM-DD` dates, plain decimal numbers — and answers `null`
 * for anything else; csv.ts then reads the file with the full RFC 4180
 * parser, which gives the same result, or the error naming the line. So a
 * file is read the same whichever reader takes it (a property test holds
 * the two to it).
 */
import { fromDayNumber, isoDayAt } from '../../analytics/calendar.js';
import type { DayNumber, IsoDate, PriceSeries, SymbolIssue } from '../../domain/types.js';

/** A record's cells and the physical line it starts on. */
export interface Row {
  readonly cells: string[];
  readonly line: number;
}

const NEWLINE = 10;
const COMMA = 44;
const QUOTE = 34;
const DOT = 46;
const MINUS = 45;
const PLUS = 43;
const ZERO = 48;

/** Text without a BOM and with `\n` line ends. */
function normalised(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

/** As normalised, or null when the text holds a quote (the one-pass reader's limit). */
function plainText(text: string): string | null {
  return text.includes('"') ? null : normalised(text);
}

/** A cell the full parser would trim (it trims every cell). */
const padded = (cell: string) => cell !== cell.trim();

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

/** Where the cell scanNumber last read ends: the index of its delimiter (or the text's length). */
let cellEnd = 0;

/**
 * The value of the number cell starting at `a`, read on the way to its
 * delimiter (`,`, a line break or the end), whose index is left in
 * `cellEnd`; NaN when the cell is no number. Plain decimals whose digits fit
 * in 2⁵³ are read digit by digit: an integer mantissa and a power of ten up
 * to 10²² are both exact doubles, so their quotient is the correctly rounded
 * value, the same double `Number()` gives. Anything else goes through
 * `Number()`.
 */
function scanNumber(text: string, a: number, n: number): number {
  let i = a;
  const first = i < n ? text.charCodeAt(i) : NEWLINE;
  const negative = first === MINUS;
  if (negative || first === PLUS) i += 1;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  let plain = true;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === NEWLINE) break;
    const d = c - ZERO;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits += 1;
      if (decimals >= 0) decimals += 1;
    } else if (c === DOT && decimals < 0) decimals = 0;
    else plain = false;
  }
  cellEnd = i;
  if (!plain || digits === 0 || mantissa >= EXACT || decimals > 22) return slowNumber(text, a, i);
  const value = decimals > 0 ? mantissa / (POW10[decimals] as number) : mantissa;
  return negative ? -value : value;
}

/** NaN for no number, -1 for an empty or not-available cell (a price is never negative where it is used). */
function slowNumber(text: string, a: number, b: number): number {
  const n = cellNumber(text.slice(a, b));
  return n === undefined ? NaN : n === null ? -1 : n;
}

/**
 * isoDayAt for the dates of one file, which run month after month: the day
 * number of the 1st of the last month seen is kept, so a date in the same
 * month costs its digits and an addition.
 */
class MonthMemo {
  private month = -1; // year × 100 + month
  private first = 0; // day number of its 1st
  private days = 0; // days in it

  dayAt(text: string, at: number): number {
    let ym = 0;
    for (let i = at; i < at + 7; i++) {
      if (i === at + 4) continue; // the '-' between year and month, checked below
      const d = text.charCodeAt(i) - ZERO;
      if (d < 0 || d > 9) return NaN;
      ym = ym * 10 + d;
    }
    const d1 = text.charCodeAt(at + 8) - ZERO;
    const d2 = text.charCodeAt(at + 9) - ZERO;
    const day = d1 * 10 + d2;
    if (ym === this.month && text.charCodeAt(at + 4) === MINUS && text.charCodeAt(at + 7) === MINUS && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9) {
      return day >= 1 && day <= this.days ? this.first + day - 1 : NaN;
    }
    const n = isoDayAt(text, at);
    if (!Number.isNaN(n)) {
      this.month = ym;
      this.first = n - day + 1;
      this.days = daysInMonth(Math.floor(ym / 100), ym % 100);
    }
    return n;
  }
}

const LONG_MONTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number) => (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : (LONG_MONTHS[m - 1] as number));

/**
 * The columns a price file fills row by row, in ascending order; rows with an
 * empty or non-positive close are counted and left out.
 */
class Columns {
  private readonly days: Int32Array;
  private readonly close: Float64Array;
  private readonly adj: Float64Array;
  private count = 0;
  private skipped = 0;
  private readonly firstSkipped: IsoDate[] = [];
  private previous = -Infinity;

  /** `capacity`: at least the number of rows. */
  constructor(capacity: number) {
    this.days = new Int32Array(capacity);
    this.close = new Float64Array(capacity);
    this.adj = new Float64Array(capacity);
  }

  /** Adds a row; false when its day is not after the last row's (the full parser then sorts, or names the repeated date). */
  add(day: DayNumber, close: number, adj: number): boolean {
    if (day <= this.previous) return false;
    this.previous = day;
    if (close > 0 && adj > 0) {
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

  parsed(symbol: string): ParsedSeries {
    const n = this.count;
    return {
      series: { symbol, currency: null, days: this.days.slice(0, n), close: this.close.slice(0, n), adjClose: this.adj.slice(0, n) },
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
  return {
    symbol,
    code: 'bars-skipped',
    message: `${count} row(s) with an empty or non-positive close left out (${firstDates.slice(0, 3).join(', ')}${count > 3 ? ', …' : ''})`,
  };
}

/**
 * `prices/<SYMBOL>.csv` read in one pass into columns, or null when the full
 * parser must read it (see the module comment; also: dates out of order or
 * repeated, a bad cell, a missing column — the full parser sorts, or names
 * the line).
 */
export function scanPriceFile(text: string, symbol: string): ParsedSeries | null {
  const t = plainText(text);
  if (t === null) return null;
  const n = t.length;
  // the header: the first line that is not blank
  let p = 0;
  while (p < n && t.charCodeAt(p) === NEWLINE) p++;
  let eol = t.indexOf('\n', p);
  if (eol < 0) eol = n;
  const header = t.slice(p, eol).split(',');
  if (header.some(padded)) return null;
  const width = header.length;
  const iDate = columnIndex(header, 'Date');
  const iClose = columnIndex(header, 'Close');
  const iAdj = columnIndex(header, 'Adj Close');
  if (iDate < 0 || iClose < 0) return null;

  // a row is at least "YYYY-MM-DD,d\n": room for every row, trimmed at the end
  const rows = new Columns(Math.ceil((n - eol) / 13) + 1);
  const months = new MonthMemo();

  p = eol + 1;
  const body = p;
  // the layouts basket and most sources write — Date,Close[,Adj Close] — are read at fixed places,
  // with no search for delimiters; a row laid out otherwise (a date with a time) sends the file to the general loop
  let general = !(iDate === 0 && iClose === 1 && (width === 2 || (width === 3 && iAdj === 2)));
  while (!general && p < n) {
    if (t.charCodeAt(p) === NEWLINE) {
      p += 1;
      continue;
    }
    if (t.charCodeAt(p + 10) !== COMMA) {
      general = true;
      break;
    }
    const day = months.dayAt(t, p);
    if (Number.isNaN(day)) return null;
    const c = scanNumber(t, p + 11, n);
    if (Number.isNaN(c)) return null;
    let a = c;
    if (width === 3) {
      if (cellEnd >= n || t.charCodeAt(cellEnd) !== COMMA) return null;
      a = scanNumber(t, cellEnd + 1, n);
      if (Number.isNaN(a)) return null;
    }
    if (cellEnd < n && t.charCodeAt(cellEnd) !== NEWLINE) return null; // more cells than the header
    p = cellEnd + 1;
    if (!rows.add(day, c, a)) return null;
  }
  if (general) {
    p = body;
    rows.clear();
  }
  while (general && p < n) {
    let end = t.indexOf('\n', p);
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
      let e = t.indexOf(',', s);
      if (e < 0 || e > end) e = end;
      if (col === iDate) {
        if (e - s === 10) day = months.dayAt(t, s);
        else {
          const cell = t.slice(s, e);
          const date = padded(cell) ? null : toCellDate(cell);
          day = date === null ? NaN : isoDayAt(date, 0);
        }
        if (Number.isNaN(day)) return null;
      } else if (col === iClose) {
        c = scanNumber(t, s, n);
        if (Number.isNaN(c)) return null;
      } else if (col === iAdj) {
        a = scanNumber(t, s, n);
        if (Number.isNaN(a)) return null;
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
