/**
 * The offline data directory provider:
 *   DIR/prices/<SYMBOL>.csv   daily closes (Date, Close[, Adj Close])
 *   DIR/quotes.csv            symbol plus any of name, currency, price, forwardPE, …
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { normaliseSymbol } from '../../config/symbols.js';
import type { PriceSeries, Quote, SymbolIssue } from '../../domain/types.js';
import { DataFileError, UsageError } from '../../errors.js';
import { sliceSeries, type HistoryRequest, type MarketDataProvider } from '../provider.js';
import { toPriceSeries, toQuotes } from './csv.js';

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new DataFileError(file, null, `cannot read it (${code ?? String(err)})`, { cause: err });
  }
}

/** Price files read at once: enough to keep the disk busy while the CPU parses. */
const READS_IN_FLIGHT = 8;

/** The price file of a symbol: `prices/0700.HK.csv`, `prices/^NDX.csv`. */
export function priceFile(dir: string, symbol: string): string {
  return path.join(dir, 'prices', `${symbol}.csv`);
}

/** `dir` is where to read; `shownAs` is how reports name it (as the user wrote it). */
export async function openFilesProvider(dir: string, shownAs: string = dir): Promise<MarketDataProvider> {
  const where = await stat(dir).catch(() => null);
  if (!where) throw new UsageError(`data directory not found: ${shownAs}`);
  if (!where.isDirectory()) throw new UsageError(`--data ${shownAs} is not a directory`);
  const pricesDir = await stat(path.join(dir, 'prices')).catch(() => null);
  if (!pricesDir?.isDirectory()) {
    throw new UsageError(`${shownAs} is not a basket data directory: it has no prices/ folder (see README, "Offline data")`);
  }
  let quotes: Promise<Map<string, Quote> | null> | null = null;
  const loadQuotes = () =>
    (quotes ??= readIfExists(path.join(dir, 'quotes.csv')).then((text) =>
      text === null ? null : toQuotes(text, path.join(dir, 'quotes.csv'), normaliseSymbol),
    ));

  return {
    description: `files:${shownAs}`,

    async fetchHistory({ symbols, start, end, onProgress }: HistoryRequest) {
      const known = await loadQuotes();
      // reads overlap the parsing of the files already read; the order of the answer is the request's
      const answers: { series: PriceSeries | null; issues: SymbolIssue[] }[] = [];
      const failures: unknown[] = [];
      let next = 0;
      let done = 0;
      const worker = async () => {
        while (next < symbols.length) {
          const i = next++;
          const symbol = symbols[i] as string;
          const file = priceFile(dir, symbol);
          try {
            const text = await readIfExists(file);
            if (text === null) {
              answers[i] = { series: null, issues: [{ symbol, code: 'no-data', message: `no price file ${path.join('prices', `${symbol}.csv`)} in ${shownAs}` }] };
            } else {
              const parsed = toPriceSeries(text, symbol, file);
              const currency = known?.get(symbol)?.currency ?? null;
              answers[i] = { series: sliceSeries({ ...parsed.series, currency }, start, end), issues: parsed.issues };
            }
          } catch (err) {
            failures[i] = err;
            return; // the first bad file in the request's order is the one reported, whichever was read first
          }
          onProgress?.(++done, symbols.length, symbol);
        }
      };
      await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, symbols.length) }, worker));
      const failed = failures.findIndex((f) => f !== undefined);
      if (failed >= 0) throw failures[failed];
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
      const items = new Map<string, Quote>();
      const issues: SymbolIssue[] = [];
      if (known === null) {
        issues.push({ symbol: null, code: 'no-quote', message: `no quotes.csv in ${shownAs}: names, currencies and P/E are unknown` });
        return { items, issues };
      }
      for (const symbol of symbols) {
        const quote = known.get(symbol);
        if (quote) items.set(symbol, quote);
        else issues.push({ symbol, code: 'no-quote', message: `no row for ${symbol} in ${path.join(shownAs, 'quotes.csv')}` });
      }
      return { items, issues };
    },
  };
}
