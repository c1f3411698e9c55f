/**
 * Parsing of the offline data directory's CSV files into basket's model.
 * Pure: text in, records out; every problem names the file and line. The
 * common case is read by scan.ts in one pass; what it declines (quotes,
 * spaces around cells, rows out of order, bad cells) is read here by
 * csv-parse, loaded only then, which also gives the error messages.
 */
import { createRequire } from 'node:module';
import { isIsoDate, toDayNumber } from '../../domain/calendar.js';
import { sortQuotes } from '../../domain/quote.js';
import type { IsoDate, Quote, QuoteHistory } from '../../domain/types.js';
import { DataFileError } from '../../errors.js';
import { cellNumber, columnIndex, decodeText, encodeText, scanPriceFile, simpleRows, skippedNote, toCellDate, type ParsedSeries, type Row } from './scan.js';

export { toCellDate } from './scan.js';

type CsvParse = typeof import('csv-parse/sync').parse;
let csvParse: CsvParse | null = null;
/** csv-parse, loaded on first use: most data files never need it. */
const fullParser = (): CsvParse => (csvParse ??= (createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync')).parse);

/** RFC 4180 rows; a ragged row is an error naming its line. */
function parseRows(text: string, file: string): Row[] {
  return simpleRows(text) ?? parseQuotedRows(text, file);
}

/** Every row through csv-parse: the reference the fast row reader agrees with. */
export function parseQuotedRows(text: string, file: string): Row[] {
  // one kind of line break: csv-parse counts a CRLF inside a quoted field as two lines
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = fullParser()(normalised, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    const line = typeof e.lines === 'number' ? e.lines : null;
    const detail = e.message.replace(/^Invalid Record Length: /, '').split('\n')[0] ?? e.message;
    throw new DataFileError(file, line, detail, { cause: err });
  }
  // `info.lines` is the line a record ends on; it starts as many lines earlier as its cells hold line breaks
  return records.map(({ record, info }) => ({
    cells: record,
    line: info.lines - record.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0),
  }));
}

/** A header as a message shows it, on one line: `Day, Close`; a name with a line break in it is quoted. */
function listHeader(header: readonly string[]): string {
  return header.map((h) => (/[\r\n]/.test(h) ? JSON.stringify(h) : h)).join(', ');
}

/** A number cell; empty means unknown (`null`); anything else unparsable throws. */
function toCellNumber(cell: string, file: string, line: number, column: string): number | null {
  const n = cellNumber(cell);
  if (n === undefined) throw new DataFileError(file, line, `${column} is not a number: ${JSON.stringify(cell)}`);
  return n;
}

/**
 * `prices/<SYMBOL>.csv` (its bytes, or its text) → a PriceSeries. Needs `Date` and `Close` columns;
 * `Adj Close` is the adjusted close when present, otherwise `Close` is taken
 * as it stands. An optional `Stock Splits` column records splits (yfinance's
 * layout: the ratio, 3 for 3-for-1; 0 or empty on other days). Rows may come in any order. Rows with an empty or
 * non-positive close are left out and reported; a date given twice rejects
 * the file.
 */
export function toPriceSeries(content: Uint8Array | string, symbol: string, file: string): ParsedSeries {
  const bytes = typeof content === 'string' ? encodeText(content) : content;
  return scanPriceFile(bytes, symbol) ?? readPriceSeries(typeof content === 'string' ? content : decodeText(bytes), symbol, file);
}

/** toPriceSeries row by row, without the one-pass reader (which must agree with it); `rows` as read by parseRows. */
export function readPriceSeries(text: string, symbol: string, file: string, rows: Row[] = parseRows(text, file)): ParsedSeries {
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

export const QUOTE_COLUMNS = [
  'name',
  'currency',
  'financialCurrency',
  'price',
  'forwardPE',
  'trailingPE',
  'epsForward',
  'marketCap',
  'sharesOutstanding',
] as const;

/** quotes.csv, read: a symbol's quotes are made when first asked for. */
export interface QuoteBook {
  /** The quotes of a normalised symbol (one per row, sorted by date, undated first), undefined when no row has it; a bad cell in its rows throws, naming the line. */
  get(symbol: string): QuoteHistory | undefined;
}

/**
 * `quotes.csv` → quotes by normalised symbol. Needs a `symbol` column; an
 * optional `date` (YYYY-MM-DD, the day the row's figures refer to; empty:
 * undated) and `provider`; unknown columns are ignored. A symbol may have
 * many dated rows (several on one date, as long as no two give the same
 * field) and at most one undated row. The rows, symbols and dates are
 * checked at once (a ragged row, an empty symbol, a bad date, a repeated
 * undated row); a row's numbers when its symbol is asked for, so a basket
 * of 7 does not pay for a file of 5,000 rows.
 */
export function toQuotes(text: string, file: string, normalise: (s: string) => string): QuoteBook {
  const rows = parseRows(text, file);
  if (!rows[0]) throw new DataFileError(file, 1, 'empty file: expected a header with symbol');
  const header = rows[0].cells;
  const iSymbol = columnIndex(header, 'symbol');
  if (iSymbol < 0) throw new DataFileError(file, rows[0].line, `the header has no symbol column (found: ${listHeader(header)})`);
  const iDate = columnIndex(header, 'date');
  const iProvider = columnIndex(header, 'provider');
  const col = Object.fromEntries(QUOTE_COLUMNS.map((c) => [c, columnIndex(header, c)])) as Record<(typeof QUOTE_COLUMNS)[number], number>;
  const bySymbol = new Map<string, { row: Row; date: IsoDate | null }[]>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as Row;
    const symbol = normalise(row.cells[iSymbol] ?? '');
    if (symbol === '') throw new DataFileError(file, row.line, 'empty symbol');
    const dateCell = iDate >= 0 ? (row.cells[iDate] ?? '') : '';
    if (dateCell !== '' && !isIsoDate(dateCell)) throw new DataFileError(file, row.line, `date must be written YYYY-MM-DD or left empty, got ${JSON.stringify(dateCell)}`);
    const date = dateCell === '' ? null : dateCell;
    const known = bySymbol.get(symbol);
    if (date === null && known?.some((k) => k.date === null)) throw new DataFileError(file, row.line, `symbol ${symbol} appears twice without a date`);
    if (known) known.push({ row, date });
    else bySymbol.set(symbol, [{ row, date }]);
  }
  const toQuote = (symbol: string, date: IsoDate | null, { cells: row, line }: Row): Quote => {
    const text = (i: number): string | null => (i >= 0 && row[i] !== '' ? (row[i] as string) : null);
    const num = (c: keyof typeof col): number | null => (col[c] >= 0 ? toCellNumber(row[col[c]] ?? '', file, line, c) : null);
    return {
      symbol,
      date,
      provider: text(iProvider),
      name: text(col.name),
      currency: text(col.currency),
      financialCurrency: text(col.financialCurrency),
      price: num('price'),
      forwardPE: num('forwardPE'),
      trailingPE: num('trailingPE'),
      epsForward: num('epsForward'),
      marketCap: num('marketCap'),
      sharesOutstanding: num('sharesOutstanding'),
    };
  };
  /** Two rows of one date giving the same field would leave the figure ambiguous. */
  const checkConflicts = (symbol: string, rowsOf: readonly { row: Row; date: IsoDate | null }[]) => {
    const given = new Map<string, number>();
    for (const { row, date } of rowsOf) {
      if (date === null) continue;
      for (const c of QUOTE_COLUMNS) {
        if (col[c] < 0 || (row.cells[col[c]] ?? '') === '') continue;
        const key = `${date}|${c}`;
        const earlier = given.get(key);
        if (earlier !== undefined) throw new DataFileError(file, row.line, `${c} of ${symbol} on ${date} given twice (also on line ${earlier})`);
        given.set(key, row.line);
      }
    }
  };
  const made = new Map<string, QuoteHistory>();
  return {
    get(symbol) {
      const known = made.get(symbol);
      if (known) return known;
      const rowsOf = bySymbol.get(symbol);
      if (!rowsOf) return undefined;
      checkConflicts(symbol, rowsOf);
      const quotes = sortQuotes(rowsOf.map(({ row, date }) => toQuote(symbol, date, row)));
      made.set(symbol, quotes);
      return quotes;
    },
  };
}
