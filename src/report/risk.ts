/**
 * Risk figures of a level path (a basket's, or a benchmark's own), for the
 * report. Pure.
 */
import type { BasketPath } from '../analytics/basket.js';
import { fromDayNumber } from '../domain/calendar.js';
import { annualisedVolatility, higherBefore, maxDrawdown } from '../analytics/risk.js';
import { levelHigh } from './highs.js';
import type { Span } from './pricing.js';
import type { Risk } from './types.js';

const isoOrNull = (day: number | null | undefined) => (day === null || day === undefined ? null : fromDayNumber(day));

/** Volatility, drawdown, highest-since (over the path) and the window high (a level rebased to 100) of `path`. */
export function riskOf(path: BasketPath | null, span: Span): Risk | null {
  if (!path) return null;
  const dd = maxDrawdown(path.days, path.levels);
  return {
    volatility: annualisedVolatility(path.levels),
    maxDrawdown: dd?.value ?? null,
    drawdownPeak: isoOrNull(dd?.peakDay),
    drawdownTrough: isoOrNull(dd?.troughDay),
    highestSince: isoOrNull(higherBefore(path.days, path.levels)),
    ...levelHigh(path.days, path.levels, span),
  };
}
