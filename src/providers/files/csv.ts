/**
 * Parsing of the offline data directory's CSV files into basket's model.
 * Pure: text in, records out; every problem names the file and line. The
 * common case is read by scan.ts in one pass; what it declines (quotes,
 * spaces around cells, rows out of order, bad cells) is read here by
 * csv-parse, loaded only then, which also gives the error messages.
 */
import { createRequire } from 'node:module';
import { toDayNumber } from '../../analytics/calendar.js';
import type { IsoDate, Quote } from '../../domain/types.js';
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
 * as it stands. Rows may come in any order. Rows with an empty or
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
  if (iDate < 0 || iClose < 0) {
    const missing = [iDate < 0 ? 'Date' : null, iClose < 0 ? 'Close' : null].filter(Boolean).join(' and ');
    throw new DataFileError(file, rows[0].line, `the header has no ${missing} column (found: ${listHeader(header)})`);
  }
  const bars: { date: IsoDate; close: number; adj: number; line: number }[] = [];
  const skipped: IsoDate[] = [];
  for (const { cells: row, line } of rows.slice(1)) {
    const date = toCellDate(row[iDate] ?? '');
    if (date === null) throw new DataFileError(file, line, `Date is not a date: ${JSON.stringify(row[iDate] ?? '')}`);
    const close = toCellNumber(row[iClose] ?? '', file, line, 'Close');
    const adj = iAdj >= 0 ? toCellNumber(row[iAdj] ?? '', file, line, 'Adj Close') : close;
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

/** quotes.csv, read: each row's quote is made when first asked for. */
export interface QuoteBook {
  /** The quote of a normalised symbol, undefined when no row has it; a bad cell in its row throws, naming the line. */
  get(symbol: string): Quote | undefined;
}

/**
 * `quotes.csv` → quotes by normalised symbol. Needs a `symbol` column;
 * unknown columns are ignored. The rows and their symbols are checked at
 * once (a ragged row, an empty or repeated symbol); a row's numbers when its
 * quote is asked for, so a basket of 7 does not pay for a file of 5,000 rows.
 */
export function toQuotes(text: string, file: string, normalise: (s: string) => string): QuoteBook {
  const rows = parseRows(text, file);
  if (!rows[0]) throw new DataFileError(file, 1, 'empty file: expected a header with symbol');
  const header = rows[0].cells;
  const iSymbol = columnIndex(header, 'symbol');
  if (iSymbol < 0) throw new DataFileError(file, rows[0].line, `the header has no symbol column (found: ${listHeader(header)})`);
  const col = Object.fromEntries(QUOTE_COLUMNS.map((c) => [c, columnIndex(header, c)])) as Record<
    (typeof QUOTE_COLUMNS)[number],
    number
  >;
  const bySymbol = new Map<string, Row>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as Row;
    const symbol = normalise(row.cells[iSymbol] ?? '');
    if (symbol === '') throw new DataFileError(file, row.line, 'empty symbol');
    if (bySymbol.has(symbol)) throw new DataFileError(file, row.line, `symbol ${symbol} appears twice`);
    bySymbol.set(symbol, row);
  }
  const toQuote = (symbol: string, { cells: row, line }: Row): Quote => {
    const text = (c: keyof typeof col): string | null => (col[c] >= 0 && row[col[c]] !== '' ? (row[col[c]] as string) : null);
    const num = (c: keyof typeof col): number | null => (col[c] >= 0 ? toCellNumber(row[col[c]] ?? '', file, line, c) : null);
    return {
      symbol,
      name: text('name'),
      currency: text('currency'),
      financialCurrency: text('financialCurrency'),
      price: num('price'),
      forwardPE: num('forwardPE'),
      trailingPE: num('trailingPE'),
      epsForward: num('epsForward'),
      marketCap: num('marketCap'),
      sharesOutstanding: num('sharesOutstanding'),
    };
  };
  const made = new Map<string, Quote>();
  return {
    get(symbol) {
      const known = made.get(symbol);
      if (known) return known;
      const row = bySymbol.get(symbol);
      if (!row) return undefined;
      const quote = toQuote(symbol, row);
      made.set(symbol, quote);
      return quote;
    },
  };
}
