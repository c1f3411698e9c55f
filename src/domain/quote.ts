import type { Quote } from './types.js';

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
