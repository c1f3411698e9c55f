/**
 * The offline data directory provider:
 *   DIR/prices/<SYMBOL>.csv   daily closes (Date, Close[, Adj Close]); an FX pair's as `USDHKD=X.csv`
 *   DIR/quotes.csv            symbol, optional date and provider, plus any of name, currency, price, forwardPE, …
 * Prices given in a minor unit (`GBp`) are answered in the major one.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { normaliseSymbol } from '../../domain/symbols.js';
import { ReadBuffer } from '../../io/read-file.js';
import { quotesInMajorUnits, seriesInMajorUnits } from '../../domain/currency.js';
import { currencyIn } from '../../domain/quote.js';
import type { PriceSeries, QuoteHistory, SymbolIssue } from '../../domain/types.js';
import { DataFileError, UsageError } from '../../errors.js';
import { fxFromHistory, sliceSeries, type HistoryRequest, type MarketDataProvider } from '../provider.js';
import type { QuoteBook } from './quotes.js';
import { DataFileReader } from './reader.js';

/** A path's status; null when nothing is there; a UsageError naming the reason when it cannot be looked at (EACCES, ELOOP, …). */
function statOrNull(file: string, shownAs: string) {
  try {
    return statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new UsageError(`cannot read data directory ${shownAs} (${code ?? String(err)})`, { cause: err });
  }
}

/** A data file's bytes (good until the next read into `buffer`), or null when there is none. */
function readDataFile(buffer: ReadBuffer, file: string): Buffer | null {
  try {
    return buffer.read(file);
  } catch (err) {
    throw new DataFileError(file, null, `cannot read it (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { cause: err });
  }
}

/** The price file of a symbol: `prices/0700.HK.csv`, `prices/^NDX.csv`. */
export function priceFile(dir: string, symbol: string): string {
  return path.join(dir, 'prices', `${symbol}.csv`);
}

/** The two price files' symbols of a currency pair, direct first: `prices/HKDUSD=X.csv` holds the price of one HKD in USD. */
const fxSymbols = (from: string, to: string): readonly [string, string] => [`${from}${to}=X`, `${to}${from}=X`];

/** `dir` is where to read; `shownAs` is how reports name it (as the user wrote it). */
export async function openFilesProvider(dir: string, shownAs: string = dir): Promise<MarketDataProvider> {
  const where = statOrNull(dir, shownAs);
  if (!where) throw new UsageError(`data directory not found: ${shownAs}`);
  if (!where.isDirectory()) throw new UsageError(`--data ${shownAs} is not a directory`);
  const pricesDir = statOrNull(path.join(dir, 'prices'), path.join(shownAs, 'prices'));
  if (!pricesDir?.isDirectory()) {
    throw new UsageError(`${shownAs} is not a basket data directory: it has no prices/ folder (see README, "Offline data")`);
  }
  // what reading one file leaves for the next: this provider's own
  const buffer = new ReadBuffer();
  const reader = new DataFileReader();
  let quotes: Promise<QuoteBook | null> | null = null;
  const loadQuotes = () =>
    (quotes ??= Promise.resolve(path.join(dir, 'quotes.csv')).then((file) => {
      const bytes = readDataFile(buffer, file);
      return bytes === null ? null : reader.quotes(bytes.toString('utf8'), file, normaliseSymbol);
    }));

  const provider: MarketDataProvider = {
    description: `files:${shownAs}`,
    fxNames: fxSymbols,

    async fetchHistory({ symbols, start, end, onProgress }: HistoryRequest) {
      const known = await loadQuotes();
      // one file after another, read into one buffer: on a warm page cache, a read costs less than a
      // thread pool's round trip, and no file's bytes outlive its parsing; the first bad file stops the run
      const answers: { series: PriceSeries | null; issues: SymbolIssue[] }[] = [];
      symbols.forEach((symbol, i) => {
        const file = priceFile(dir, symbol);
        const bytes = readDataFile(buffer, file);
        if (bytes === null) {
          answers.push({ series: null, issues: [{ symbol, code: 'no-data', message: `no price file ${path.join('prices', `${symbol}.csv`)} in ${shownAs}` }] });
        } else {
          const parsed = reader.priceSeries(bytes, symbol, file);
          const quotes = known?.get(symbol);
          const currency = quotes === undefined ? null : currencyIn(quotes);
          answers.push({ series: seriesInMajorUnits(sliceSeries({ ...parsed.series, currency }, start, end)), issues: parsed.issues });
        }
        onProgress?.(i + 1, symbols.length, symbol);
      });
      const items = new Map<string, PriceSeries>();
      const issues: SymbolIssue[] = [];
      answers.forEach((a, i) => {
        issues.push(...a.issues);
        if (a.series) items.set(symbols[i] as string, a.series);
      });
      return { items, issues };
    },

    async fetchQuotes(symbols: readonly string[]) {
      const known = await loadQuotes();
      const items = new Map<string, QuoteHistory>();
      const issues: SymbolIssue[] = [];
      if (known === null) {
        issues.push({ symbol: null, code: 'no-quote', message: `no quotes.csv in ${shownAs}: names, currencies and P/E are unknown` });
        return { items, issues };
      }
      for (const symbol of symbols) {
        const quote = known.get(symbol);
        if (quote) items.set(symbol, quotesInMajorUnits(quote));
        else issues.push({ symbol, code: 'no-quote', message: `no row for ${symbol} in ${path.join(shownAs, 'quotes.csv')}` });
      }
      return { items, issues };
    },

    fetchFx: (request) => fxFromHistory(provider, request),
  };
  return provider;
}
