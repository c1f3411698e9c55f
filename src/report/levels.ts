/**
 * Level series for charts and sparklines, taken from the analytics' daily
 * paths (the same ones the returns and risk figures come from). Pure.
 */
import { buyAndHoldPath, type BasketPath } from '../analytics/basket.js';
import { fromDayNumber } from '../domain/calendar.js';
import type { PreparedSeries, Span } from './pricing.js';
import type { LevelSeries } from './types.js';

/** The level a series starts from in charts and the report: 100 at the base. */
export const LEVEL_BASE = 100;

/** A path's levels (1 at the base) as `LEVEL_BASE × Lₜ`; `null` without a path. */
export function toLevelSeries(path: BasketPath | null): LevelSeries | null {
  if (path === null) return null;
  return { dates: path.days.map(fromDayNumber), values: path.levels.map((l) => LEVEL_BASE * l) };
}

/**
 * A priced symbol's own level over [from, asOf] in the report currency: the
 * buy-and-hold path of that symbol alone (its converted closes over its
 * start close), as for a benchmark. Call it only for a symbol priced over
 * the window (it has a close before `from`).
 */
export function symbolLevels(prepared: PreparedSeries, span: Span): LevelSeries {
  return toLevelSeries(buyAndHoldPath([prepared.converted], [1], span.fromDay, span.asOfDay)) as LevelSeries;
}
