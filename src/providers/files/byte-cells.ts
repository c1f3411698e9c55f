/**
 * Number and date cells read straight from a price file's bytes, with no
 * text made of them: the one-pass reader's cells. Each reads exactly what
 * the text readers (cells.ts) read, or declines the cell, and the file with
 * it, to them. The calendar is domain/calendar.ts's; only the digits are
 * read here.
 */
import { calendarDay } from '../../domain/calendar.js';

export const NEWLINE = 10;
export const COMMA = 44;
export const QUOTE = 34;
export const CR = 13;
export const MINUS = 45;
export const ZERO = 48;
const DOT = 46;

/** 10⁰ … 10²²: the powers of ten a double holds exactly. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const EXACT = 2 ** 53;

/**
 * Reads the number cell starting at byte `a` up to its delimiter (`,`, a
 * line break or the end) and answers the delimiter's index, the value left in
 * `out[0]`: -1 for an empty cell (no price); or answers -1 for a cell it does
 * not read. The value goes through the caller's typed array, not a return:
 * a double returned is boxed, and a run reads millions of cells. Plain
 * decimals whose digits fit in 2⁵³ are read digit by digit: an integer
 * mantissa and a power of ten up to 10²² are both exact doubles, so their
 * quotient is the correctly rounded value, the same double `Number()` gives;
 * longer ones go through `Number()`. Anything else (a sign, an exponent,
 * `null`) leaves the file to the full reader.
 */
export function numberEnd(b: Uint8Array, a: number, n: number, out: Float64Array): number {
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
  if (i === a) out[0] = -1;
  // more digits than a double holds exactly (a 17-digit close from Yahoo): Number() of the same digits
  else if (mantissa >= EXACT || decimals > 22) out[0] = Number(String.fromCharCode.apply(null, b.subarray(a, i) as unknown as number[]));
  else out[0] = decimals > 0 ? mantissa / (POW10[decimals] as number) : mantissa;
  return i;
}

/** The digit at byte `i`, NaN for anything else (NaN then carries through the arithmetic). */
function digitAt(b: Uint8Array, i: number): number {
  const d = (b[i] as number) - ZERO;
  return d >= 0 && d <= 9 ? d : NaN;
}

/** The year of the `YYYY-MM-DD` date at byte `at`, NaN unless its four bytes are digits. */
export const yearAt = (b: Uint8Array, at: number): number => digitAt(b, at) * 1000 + digitAt(b, at + 1) * 100 + digitAt(b, at + 2) * 10 + digitAt(b, at + 3);

/** The month of the `YYYY-MM-DD` date at byte `at`, NaN unless its two bytes are digits. */
export const monthAt = (b: Uint8Array, at: number): number => digitAt(b, at + 5) * 10 + digitAt(b, at + 6);

/** The day number of the `YYYY-MM-DD` date at byte `at`, NaN when it is no valid date. */
export function dayAt(b: Uint8Array, at: number): number {
  if (b[at + 4] !== MINUS || b[at + 7] !== MINUS) return NaN;
  return calendarDay(yearAt(b, at), monthAt(b, at), digitAt(b, at + 8) * 10 + digitAt(b, at + 9));
}
