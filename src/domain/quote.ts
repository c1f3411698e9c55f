import type { IsoDate, Quote, QuoteHistory } from './types.js';

/** The figures a quote carries besides its symbol, date and provider. */
export const QUOTE_FIELDS = ['name', 'currency', 'financialCurrency', 'price', 'forwardPE', 'trailingPE', 'epsForward', 'marketCap', 'sharesOutstanding'] as const;
export type QuoteField = (typeof QUOTE_FIELDS)[number];

/** A quote's date, `null` when undated. */
export const dateOf = (q: Quote): IsoDate | null => q.date ?? null;

/** A quote of `symbol` with every figure unknown but those given (undated unless `date` is). */
export function quoteOf(symbol: string, fields: Partial<Omit<Quote, 'symbol'>> = {}): Quote {
  return {
    symbol,
    name: null,
    currency: null,
    financialCurrency: null,
    price: null,
    forwardPE: null,
    trailingPE: null,
    epsForward: null,
    marketCap: null,
    sharesOutstanding: null,
    ...fields,
  };
}

/** Sorts a symbol's quotes as QuoteHistory wants them: undated first, then ascending by date (stable). */
export function sortQuotes(quotes: readonly Quote[]): Quote[] {
  return quotes
    .map((q, i) => ({ q, i }))
    .sort((a, b) => {
      const da = dateOf(a.q) ?? '';
      const db = dateOf(b.q) ?? '';
      return da < db ? -1 : da > db ? 1 : a.i - b.i;
    })
    .map(({ q }) => q);
}

/** The currency a symbol's quotes give: the latest one that names it. */
export function currencyIn(quotes: QuoteHistory): string | null {
  for (let i = quotes.length - 1; i >= 0; i--) {
    const c = quotes[i]?.currency ?? null;
    if (c !== null) return c;
  }
  return null;
}
