/**
 * `quotes.csv` read into quotes by symbol. Pure: rows in, a book of quotes
 * out; every problem names the file and line.
 */
import { isIsoDate } from '../../domain/calendar.js';
import { sortQuotes } from '../../domain/quote.js';
import type { IsoDate, Quote, QuoteHistory } from '../../domain/types.js';
import { QUOTE_FIELDS } from '../../domain/quote.js';
import { DataFileError } from '../../errors.js';
import { columnIndex, listHeader, toCellNumber } from './cells.js';
import type { Row } from './rows.js';

/** The figures a row of quotes.csv may give, by their column names. */
export const QUOTE_COLUMNS = QUOTE_FIELDS;

/** quotes.csv, read: a symbol's quotes are made when first asked for. */
export interface QuoteBook {
  /** The quotes of a normalised symbol (one per row, sorted by date, undated first), undefined when no row has it; a bad cell in its rows throws, naming the line. */
  get(symbol: string): QuoteHistory | undefined;
}

/**
 * `quotes.csv`'s rows → quotes by normalised symbol. Needs a `symbol` column; an
 * optional `date` (YYYY-MM-DD, the day the row's figures refer to; empty:
 * undated) and `provider`; unknown columns are ignored. A symbol may have
 * many dated rows (several on one date, as long as no two give the same
 * field) and at most one undated row. The rows, symbols and dates are
 * checked at once (a ragged row, an empty symbol, a bad date, a repeated
 * undated row); a row's numbers when its symbol is asked for, so a basket
 * of 7 does not pay for a file of 5,000 rows.
 */
export function toQuotes(rows: readonly Row[], file: string, normalise: (s: string) => string): QuoteBook {
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
