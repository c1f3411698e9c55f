/**
 * The cells of the offline data files, as text: what a cell holds (a number,
 * a date, spaces the full parser would trim), how a header names its columns,
 * and the text of a whole file (its bytes decoded, a BOM and `\r` dropped).
 * Shared by the one-pass reader and the row-by-row one, so that both read a
 * cell alike.
 */
import { isoDayAt } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/types.js';
import { DataFileError } from '../../errors.js';
import { NULL_CELL, NUMBER_CELL } from '../../domain/data-format.js';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** The bytes as text, as Node's `readFile(file, 'utf8')` gives it (a BOM kept). */
export const decodeText = (bytes: Uint8Array): string => utf8.decode(bytes);

/** Text as UTF-8 bytes. */
export const encodeText = (text: string): Uint8Array => encoder.encode(text);

/** Text without a BOM and with `\n` line ends. */
export function normalised(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

/** Whether a UTF-16 code unit is white space as `String.prototype.trim` sees it (printable ASCII never is). */
const isSpace = (c: number) => !(c > 32 && c < 127) && String.fromCharCode(c).trim() === '';

/** A cell the full parser would trim (it trims every cell): `cell !== cell.trim()`, looking only at its two ends. */
export const padded = (cell: string) => cell !== '' && (isSpace(cell.charCodeAt(0)) || isSpace(cell.charCodeAt(cell.length - 1)));

/** Column index by header name, case- and space-insensitive (`Adj Close` = `adjclose`). */
export function columnIndex(header: readonly string[], name: string): number {
  const key = name.toLowerCase().replace(/[\s_]/g, '');
  return header.findIndex((h) => h.toLowerCase().replace(/[\s_]/g, '') === key);
}

/** A header as a message shows it, on one line: `Day, Close`; a name with a line break in it is quoted. */
export function listHeader(header: readonly string[]): string {
  return header.map((h) => (/[\r\n]/.test(h) ? JSON.stringify(h) : h)).join(', ');
}


/** A number cell's value: a number, `null` for an empty or not-available cell, `undefined` when it is no number. */
export function cellNumber(cell: string): number | null | undefined {
  if (cell === '' || NULL_CELL.test(cell)) return null;
  const n = Number(cell);
  return Number.isFinite(n) && NUMBER_CELL.test(cell) ? n : undefined;
}

/** A number cell; empty means unknown (`null`); anything else unparsable throws, naming the file, line and column. */
export function toCellNumber(cell: string, file: string, line: number, column: string): number | null {
  const n = cellNumber(cell);
  if (n === undefined) throw new DataFileError(file, line, `${column} is not a number: ${JSON.stringify(cell)}`);
  return n;
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
