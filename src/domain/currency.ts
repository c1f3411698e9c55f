/**
 * Minor currency units. Some exchanges quote in hundredths of a currency
 * (London in pence, `GBp`; Johannesburg in cents, `ZAc`; Tel Aviv in agorot,
 * `ILA`), and Yahoo and offline data give their prices so. A provider takes
 * them to the major unit before answering: every later stage sees major
 * units only.
 */
import { currencyIn } from './quote.js';
import type { PriceSeries, Quote, QuoteHistory } from './types.js';

/** Currencies quoted in hundredths of their major unit: pence, cents, agorot. */
const MINOR_UNITS: Readonly<Record<string, { readonly major: string; readonly divisor: number }>> = {
  GBp: { major: 'GBP', divisor: 100 },
  GBX: { major: 'GBP', divisor: 100 },
  ZAc: { major: 'ZAR', divisor: 100 },
  ZAC: { major: 'ZAR', divisor: 100 },
  ILA: { major: 'ILS', divisor: 100 },
};

/**
 * The major unit of `currency` and what to divide its amounts by to get there:
 * `GBp` → `{ currency: 'GBP', divisor: 100 }`; `USD` → `{ currency: 'USD', divisor: 1 }`.
 */
export function toMajorUnit(currency: string): { readonly currency: string; readonly divisor: number } {
  const minor = MINOR_UNITS[currency];
  return minor ? { currency: minor.major, divisor: minor.divisor } : { currency, divisor: 1 };
}

const majorCode = (currency: string | null) => (currency === null ? null : toMajorUnit(currency).currency);

/** `amount / divisor`; null when that underflows to 0 (a figure so small is as good as unknown). */
function inMajor(amount: number | null, divisor: number): number | null {
  if (amount === null || divisor === 1) return amount;
  const major = amount / divisor;
  return major === 0 && amount !== 0 ? null : major;
}

/** A series in its currency's major unit: closes ÷ 100 for `GBp` (the same series when already major). */
export function seriesInMajorUnits(series: PriceSeries): PriceSeries {
  if (series.currency === null) return series;
  const { currency, divisor } = toMajorUnit(series.currency);
  if (divisor === 1) return series;
  return { ...series, currency, close: series.close.map((p) => p / divisor), adjClose: series.adjClose.map((p) => p / divisor) };
}

/**
 * A quote in the major unit of `currency` (its own, else the one its symbol's
 * other quotes give): price and market cap ÷ 100 for `GBp`, and the currency
 * codes (`currency`, `financialCurrency`) named by their major unit. Ratios
 * (P/E) and counts are as they were.
 */
export function quoteInMajorUnits(quote: Quote, currency: string | null = quote.currency): Quote {
  const divisor = currency === null ? 1 : toMajorUnit(currency).divisor;
  const codes = { currency: majorCode(quote.currency), financialCurrency: majorCode(quote.financialCurrency) };
  if (divisor === 1 && codes.currency === quote.currency && codes.financialCurrency === quote.financialCurrency) return quote;
  return { ...quote, ...codes, price: inMajor(quote.price, divisor), marketCap: inMajor(quote.marketCap, divisor) };
}

/** A symbol's quotes in major units, each by its own currency or, when it names none, the symbol's. */
export function quotesInMajorUnits(quotes: QuoteHistory): QuoteHistory {
  const symbolCurrency = currencyIn(quotes);
  const converted = quotes.map((q) => quoteInMajorUnits(q, q.currency ?? symbolCurrency));
  return converted.every((q, i) => q === quotes[i]) ? quotes : converted;
}
