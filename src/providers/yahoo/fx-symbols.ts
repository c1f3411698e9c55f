/**
 * Yahoo's spelling of currency pairs: `HKDUSD=X` is the price of one HKD in
 * USD. Its own module, so that the cache of Yahoo's data can find a pair's
 * series without loading the Yahoo provider.
 */

/** Yahoo's symbol for the price of one `base` in `quote`: `fxSymbol('HKD', 'USD')` = `HKDUSD=X`. */
export function fxSymbol(base: string, quote: string): string {
  return `${base}${quote}=X`;
}

/** Yahoo's two series of a pair, direct first: `fxSymbols('HKD', 'USD')` = `['HKDUSD=X', 'USDHKD=X']`. */
export function fxSymbols(from: string, to: string): readonly [string, string] {
  return [fxSymbol(from, to), fxSymbol(to, from)];
}

/** Whether a symbol is a currency pair's (Yahoo search is not asked about one: its inverse stands in). */
export function isFxSymbol(symbol: string): boolean {
  return symbol.endsWith('=X');
}
