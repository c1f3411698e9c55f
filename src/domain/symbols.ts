/**
 * Ticker symbols as basket writes them: Yahoo's spelling, trimmed and upper-cased.
 * (`0700.HK`, `BRK-B`, `^NDX`, `USDHKD=X`, `M&M.NS`.)
 */

/** Letters, digits and `. ^ = - _ &`; no spaces, no path separators. */
const SYMBOL = /^[A-Z0-9^][A-Z0-9.^=_&-]{0,31}$/;

/** A Hong Kong code as people write it: `700.HK`, `00700.HK`, `0700 HK`, `700.hk`. */
const HONG_KONG = /^0*(\d{1,5})[\s.]+HK$/;

/**
 * Trim and upper-case a symbol as written by a user. Hong Kong codes get the
 * four digits Yahoo wants (`700.HK`, `00700.HK`, `0700 HK` → `0700.HK`;
 * five-digit codes such as `80700.HK` stay as they are).
 */
export function normaliseSymbol(raw: string): string {
  const symbol = raw.trim().toUpperCase();
  const hk = HONG_KONG.exec(symbol);
  if (hk) return `${(hk[1] as string).padStart(4, '0')}.HK`;
  return symbol;
}

/** Why a normalised symbol is not acceptable, or `null` when it is. */
export function symbolProblem(symbol: string): string | null {
  if (symbol === '') return 'empty symbol';
  if (!SYMBOL.test(symbol)) {
    return `${JSON.stringify(symbol)} is not a ticker symbol (letters, digits and . ^ = - _ & only, at most 32 characters)`;
  }
  return null;
}
