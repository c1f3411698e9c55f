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

/** A P/E ratio: 19.247 → `19.2x`. */
export function formatMultiple(x: number | null): string {
  return x === null ? UNKNOWN : `${x.toFixed(1)}x`;
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
