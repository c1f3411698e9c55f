/**
 * The columns a price file's rows are read into, and what a reader of price
 * files answers: a series and its notes.
 */
import { fromDayNumber } from '../../domain/calendar.js';
import { barsSkipped, DATES_LISTED } from '../../domain/issues.js';
import type { DayNumber, IsoDate, PriceSeries, SymbolIssue } from '../../domain/types.js';

/** A series and the provider's notes on it. */
export interface ParsedSeries {
  readonly series: PriceSeries;
  readonly issues: SymbolIssue[];
}

/** The note on rows left out for an empty or non-positive close. */
export function skippedNote(symbol: string, count: number, firstDates: readonly IsoDate[]): SymbolIssue {
  return barsSkipped(symbol, 'row(s) with an empty or non-positive close', count, firstDates);
}

/**
 * The columns a price file fills row by row, in ascending order; rows with an
 * empty or non-positive close are counted and left out.
 */
export class Columns {
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
      if (this.firstSkipped.length < DATES_LISTED) this.firstSkipped.push(fromDayNumber(day));
    }
    return true;
  }

  /** Forgets every row added: the file is read again from its first row. */
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

  /** The rows added, as `symbol`'s series (its currency unknown here), and the note on the rows left out. */
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
