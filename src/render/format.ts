/** Text forms of figures for people (tables). Unknown is an em dash, never NaN or 0. */
import type { Coverage } from '../report/types.js';

export const UNKNOWN = '—';

/** 0.4281 → `+42.8%`; −0.1 → `-10.0%`; null → `—`. */
export function formatPercent(x: number | null, digits = 1): string {
  if (x === null) return UNKNOWN;
  const text = (Math.abs(x) * 100).toFixed(digits);
  if (Number(text) === 0) return `${(0).toFixed(digits)}%`;
  return `${x > 0 ? '+' : '-'}${text}%`;
}

/** A P/E ratio: 19.247 → `19.2x`; `n/m` when not meaningful (the basket's earnings are ≤ 0). */
export function formatMultiple(x: number | null, status: 'ok' | 'unknown' | 'not-meaningful' = 'ok'): string {
  if (status === 'not-meaningful') return NOT_MEANINGFUL;
  return x === null ? UNKNOWN : `${x.toFixed(1)}x`;
}

export const NOT_MEANINGFUL = 'n/m';

/** A member's P/E with its date where it is not the as-of date: `16.2x (2024-12-31)`. */
export function formatDatedMultiple(x: number | null, date: string | null, asOf: string): string {
  return x === null || date === null || date === asOf ? formatMultiple(x) : `${formatMultiple(x)} (${date})`;
}

/** Money in billions with its currency: −4.152e11, USD → `-415.2 bn USD`. */
export function formatBillions(x: number | null, currency: string | null): string {
  if (x === null) return UNKNOWN;
  const text = (Math.abs(x) / 1e9).toFixed(1);
  const sign = Number(text) === 0 ? '' : x > 0 ? '+' : '-';
  return `${sign}${text} bn${currency ? ` ${currency}` : ''}`;
}

/** A weight or volatility as a percentage without sign: 0.142857 → `14.3%`. */
export function formatUnsignedPercent(x: number | null): string {
  return x === null ? UNKNOWN : `${(x * 100).toFixed(1)}%`;
}

/** A difference of two returns in percentage points: 0.53 → `+53.0 pts`. */
export function formatPoints(x: number | null): string {
  if (x === null) return UNKNOWN;
  const text = (Math.abs(x) * 100).toFixed(1);
  return `${Number(text) === 0 ? '' : x > 0 ? '+' : '-'}${text} pts`;
}

/** A price with two decimals: 416.1671 → `416.17`. */
export function formatPrice(x: number | null): string {
  return x === null ? UNKNOWN : x.toFixed(2);
}

/** `3/7`. */
export function formatCoverage(c: Coverage): string {
  return `${c.included}/${c.total}`;
}

export function formatText(x: string | null): string {
  return x === null || x === '' ? UNKNOWN : x;
}

/**
 * One line saying which figures rest on cached data that could not be checked
 * with the source (`stale-data` notes), with when it was fetched; null when none do.
 */
export function staleSummary(issues: readonly { symbol: string | null; code: string; fetchedAt?: string }[]): string | null {
  const stale = issues.filter((i) => i.code === 'stale-data');
  if (stale.length === 0) return null;
  const symbols = [...new Set(stale.flatMap((i) => (i.symbol === null ? [] : [i.symbol])))];
  const when = stale.flatMap((i) => (i.fetchedAt ? [i.fetchedAt] : [])).sort();
  const label = (t: string) => `${t.slice(0, 10)} ${t.slice(11, 16)} UTC`;
  const span = when.length === 0 ? '' : when[0] === when.at(-1) ? `, fetched ${label(when[0] as string)}` : `, fetched ${label(when[0] as string)} to ${label(when.at(-1) as string)}`;
  return `Stale data: cached figures used for ${symbols.length} symbol${symbols.length === 1 ? '' : 's'} (${symbols.join(', ')})${span}, not checked with the source`;
}
