/**
 * Reading the offline data directory's files into basket's model: the common
 * case in one pass (scan.ts, rows.ts), what it declines (quotes, spaces
 * around cells, rows out of order, bad cells) row by row through csv-parse,
 * which also gives the error messages. Parsing only: the provider reads the
 * files and hands their bytes or text here.
 */
import type { ParsedSeries } from './columns.js';
import { decodeText, encodeText } from './cells.js';
import { readPriceSeries } from './prices.js';
import { toQuotes, type QuoteBook } from './quotes.js';
import { RowReader } from './rows.js';
import { PriceFileScanner } from './scan.js';

/**
 * Reads data files; one per provider. It keeps what reading one file leaves
 * for the next (the one-pass reader's number slot, csv-parse once loaded),
 * so no module holds state.
 */
export class DataFileReader {
  private readonly scanner = new PriceFileScanner();
  private readonly rows = new RowReader();

  /** `prices/<SYMBOL>.csv` (its bytes, or its text) → a PriceSeries and notes, as readPriceSeries reads it; a bad file throws, naming the line. */
  priceSeries(content: Uint8Array | string, symbol: string, file: string): ParsedSeries {
    const bytes = typeof content === 'string' ? encodeText(content) : content;
    const fast = this.scanner.scan(bytes, symbol);
    if (fast !== null) return fast;
    const text = typeof content === 'string' ? content : decodeText(bytes);
    return readPriceSeries(this.rows.rows(text, file), symbol, file);
  }

  /** `quotes.csv`'s text → quotes by symbol, as toQuotes reads them (`normalise`: how a symbol is spelled). */
  quotes(text: string, file: string, normalise: (symbol: string) => string): QuoteBook {
    return toQuotes(this.rows.rows(text, file), file, normalise);
  }
}
