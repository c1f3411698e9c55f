/**
 * Ticker symbols as basket writes them: Yahoo's spelling, trimmed and upper-cased.
 * (`0700.HK`, `BRK-B`, `^NDX`, `USDHKD=X`, `M&M.NS`.)
 */

/** Letters, digits and `. ^ = - _ &`; no spaces, no path separators. */
const SYMBOL = /^[A-Z0-9^][A-Z0-9.^=_&-]{0,31}$/;

/** Trim and upper-case a symbol as written by a user. */
export function normaliseSymbol(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Why a normalised symbol is not acceptable, or `null` when it is. */
export function symbolProblem(symbol: string): string | null {
  if (symbol === '') return 'empty symbol';
  if (!SYMBOL.test(symbol)) {
    return `${JSON.stringify(symbol)} is not a ticker symbol (letters, digits and . ^ = - _ & only, at most 32 characters)`;
  }
  return null;
}
