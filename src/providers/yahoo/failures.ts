/**
 * What a failed Yahoo request means, worded once: this symbol only (a note
 * on it), or Yahoo as a whole (the run stops, or a cache stands in), with
 * the reason apart from the advice so that notes can quote the reason alone.
 */
import type { SymbolMatch } from '../provider.js';

export type YahooFailure =
  /** This symbol only: unknown, delisted, or an answer that failed validation. */
  | { readonly scope: 'symbol'; readonly code: 'no-data' | 'bad-data'; readonly message: string }
  /** Every request would fail the same way: stop and say why (`reason`) and what to do (`advice`). */
  | { readonly scope: 'all'; readonly reason: string; readonly advice: string };

/** How to get on without Yahoo: the advice closing every "Yahoo as a whole" failure. */
export const WITHOUT_YAHOO = 'use --offline for cached data or --data DIR for an offline data directory';

type ErrorLike = { name?: string; message?: string; code?: unknown; cause?: { code?: string; message?: string } } | null | undefined;

/** Whether Yahoo refused the session: "Invalid Crumb" / "Invalid Cookie" in the answer, or HTTP 401 or 403. */
export function isRefusedSession(err: unknown): boolean {
  const e = err as ErrorLike;
  return /invalid crumb|invalid cookie/i.test(String(e?.message ?? '')) || (e?.name === 'HTTPError' && (e.code === 401 || e.code === 403));
}

/**
 * Why a request never got an answer, from the innermost error in its `cause`
 * chain: a proxy's refusal (`proxy answered HTTP 502`), else the last errno-like
 * code (`ENOTFOUND`, `ECONNRESET`), else null.
 */
export function networkCause(err: unknown): string | null {
  let code: string | null = null;
  let e = err as { cause?: unknown; code?: unknown; message?: unknown } | null;
  for (let depth = 0; e && depth < 8; depth++) {
    const proxy = /Proxy response \((\d+)\)/.exec(String(e.message ?? ''));
    if (proxy) return `proxy answered HTTP ${proxy[1]}`;
    if (typeof e.code === 'string' && e.code !== '') code = e.code;
    e = (e.cause ?? null) as typeof e;
  }
  return code;
}

/** Sort a yahoo-finance2 failure into "this symbol" or "Yahoo as a whole", with a one-line reason. */
export function classifyYahooError(err: unknown, timeoutMs?: number): YahooFailure {
  const e = err as ErrorLike;
  const message = String(e?.message ?? err).split('\n')[0] ?? '';
  const later = `try again later, or ${WITHOUT_YAHOO}`;
  if (e?.name === 'TimeoutError' || e?.cause?.code === 'UND_ERR_CONNECT_TIMEOUT') {
    const limit = timeoutMs === undefined ? '' : ` within ${timeoutMs / 1000} s`;
    return { scope: 'all', reason: `Yahoo Finance did not answer in time${limit}`, advice: later };
  }
  if (e?.name === 'FailedYahooValidationError') {
    return { scope: 'symbol', code: 'bad-data', message: "Yahoo's answer failed validation (its format may have changed)" };
  }
  if (isRefusedSession(err)) {
    const why = e?.name === 'HTTPError' ? `HTTP ${String(e.code)}` : message;
    return { scope: 'all', reason: `Yahoo Finance refused basket's session cookie and crumb (${why})`, advice: later };
  }
  if (e?.name === 'HTTPError') {
    const status = typeof e.code === 'number' ? e.code : null;
    if (status === 404) return { scope: 'symbol', code: 'no-data', message: 'not found on Yahoo Finance (HTTP 404)' };
    if (status === 429) {
      return { scope: 'all', reason: 'Yahoo Finance is refusing requests (HTTP 429 Too Many Requests)', advice: `wait a while, or ${WITHOUT_YAHOO}` };
    }
    return { scope: 'all', reason: `Yahoo Finance answered HTTP ${status ?? '?'}`, advice: later };
  }
  if (/where we expect JSON, but the response was not parsable/.test(message)) {
    return { scope: 'symbol', code: 'bad-data', message: "Yahoo's answer was not valid JSON (cut short, or an error page)" };
  }
  if (/no data found|symbol may be delisted|not found/i.test(message)) {
    return { scope: 'symbol', code: 'no-data', message: `no data on Yahoo Finance (${message})` };
  }
  if (e instanceof TypeError || e?.cause?.code) {
    return { scope: 'all', reason: `cannot reach Yahoo Finance (${networkCause(err) ?? message})`, advice: WITHOUT_YAHOO };
  }
  const short = message.length > 120 ? `${message.slice(0, 117)}…` : message;
  return { scope: 'symbol', code: 'bad-data', message: `unusable answer from Yahoo Finance: ${short}` };
}

/** A closing clause for an unknown symbol's note: Yahoo search's closest other symbol, if any. */
export function suggestionFor(symbol: string, matches: readonly SymbolMatch[]): string {
  const other = matches.find((m) => m.symbol.toUpperCase() !== symbol.toUpperCase());
  if (matches[0]?.symbol.toUpperCase() === symbol.toUpperCase()) {
    return `; Yahoo Finance knows ${symbol}${matches[0].name ? ` (${matches[0].name})` : ''} but has no daily closes for it`;
  }
  if (!other) return '';
  const about = [other.name, other.exchange].filter((x) => x !== null).join(', ');
  return `; closest match on Yahoo Finance: ${other.symbol}${about ? ` (${about})` : ''}`;
}
