/**
 * The figures a story's claims can be checked on, and what a claim expects of
 * one (`> 0.40`, `≈ 0.10 ± 0.02`, `<= 2021-12-31`): the vocabulary of
 * `basket check`. Pure: a claims file (config/claims.ts) is read into these,
 * and a figure, once computed, is tested with `holds`.
 */
import { daysBetween, shiftDays, toDayNumber } from './calendar.js';
import type { IsoDate } from './types.js';

/** The figures a claim can name. */
export const FIGURES = [
  'return',
  'period-return',
  'forward-pe',
  'trailing-pe',
  'discount',
  'return-spread',
  'excess-return',
  'market-value-change',
  'volatility',
  'max-drawdown',
  'highest-since',
  'window-high-date',
] as const;
export type Figure = (typeof FIGURES)[number];

/** What a figure is measured in: a fraction (0.1 = 10%), a P/E multiple, an amount of money, or a calendar date. */
export type FigureUnit = 'fraction' | 'multiple' | 'money' | 'date';

/** Each figure's unit, which decides how its expectation may be written (config/expect.ts). */
export const FIGURE_UNITS: Readonly<Record<Figure, FigureUnit>> = {
  return: 'fraction',
  'period-return': 'fraction',
  'forward-pe': 'multiple',
  'trailing-pe': 'multiple',
  discount: 'fraction',
  'return-spread': 'fraction',
  'excess-return': 'fraction',
  'market-value-change': 'money',
  volatility: 'fraction',
  'max-drawdown': 'fraction',
  'highest-since': 'date',
  'window-high-date': 'date',
};

/**
 * A value an expectation compares with: a number (as a fraction, multiple or
 * amount; `written` records whether it was written `0.4`, `40%` or `18x`, for
 * showing it back) or a calendar date.
 */
export type Bound =
  | { readonly kind: 'number'; readonly value: number; readonly written: 'plain' | 'percent' | 'multiple' }
  | { readonly kind: 'date'; readonly value: IsoDate };

/** How far from its target `≈` accepts: in the figure's own unit, as a share of the target (10% → 0.1), or in calendar days. */
export type Tolerance =
  | { readonly kind: 'absolute'; readonly value: number }
  | { readonly kind: 'relative'; readonly value: number }
  | { readonly kind: 'days'; readonly value: number };

/** What a claim expects of its figure; `text` is the expectation as written (trimmed). */
export type Expectation =
  | { readonly op: '>' | '>=' | '<' | '<=' | '='; readonly x: Bound; readonly text: string }
  | { readonly op: '≈'; readonly x: Bound; readonly tolerance: Tolerance; readonly text: string }
  | { readonly op: 'between'; readonly low: Bound; readonly high: Bound; readonly text: string };

/**
 * Slack for `≈` on numbers, in units in the last place of the largest
 * magnitude involved: `|v − x|` is computed in binary floating point, where
 * `0.4 − 0.3` is 0.10000000000000003, so `≈ 0.3 ± 0.1` would refuse 0.4 as
 * written in decimal. A few ulps (~1e-16 relative) restore the decimal
 * reading and move no boundary a person could write (`≈ 0.1 ± 0.02` still
 * refuses 0.12000001).
 */
const ULPS = 4;

/**
 * A bound and a value as comparable numbers: the number itself, or a
 * date's day number (calendar days since 1970-01-01). A number against a date
 * (or a date against a number) is a programming error: RangeError.
 */
function comparable(bound: Bound, value: number | IsoDate): [bound: number, value: number] {
  if (bound.kind === 'date') {
    if (typeof value !== 'string') throw new RangeError(`a date bound (${bound.value}) tested against a number (${value})`);
    return [toDayNumber(bound.value), toDayNumber(value)];
  }
  if (typeof value !== 'number') throw new RangeError(`a number bound (${bound.value}) tested against a date (${value})`);
  if (Number.isNaN(value)) throw new RangeError('a figure of NaN tested against an expectation (unknown is null, never NaN)');
  return [bound.value, value];
}

/**
 * Whether `v` is within `t` of `x`: `|v − x| ≤ t` (absolute), `≤ t·|x|`
 * (relative; so `≈ 0 ± 10%` holds only for 0), or `|daysBetween| ≤ t`
 * (days), with a few ulps of slack on numbers (see ULPS).
 */
function within(x: Bound, tolerance: Tolerance, value: number | IsoDate): boolean {
  if (tolerance.kind === 'days') {
    if (x.kind !== 'date' || typeof value !== 'string') throw new RangeError('a tolerance in days applies to dates only');
    return Math.abs(daysBetween(x.value, value)) <= tolerance.value;
  }
  if (x.kind === 'date') throw new RangeError(`a date bound (${x.value}) with a tolerance in ${tolerance.kind} terms, not days`);
  const [target, v] = comparable(x, value);
  const allowed = tolerance.kind === 'absolute' ? tolerance.value : tolerance.value * Math.abs(target);
  const slack = ULPS * Number.EPSILON * Math.max(Math.abs(v), Math.abs(target), allowed);
  return Math.abs(v - target) <= allowed + slack;
}

/**
 * Whether `value` meets `e`: a number for the numeric figures (fraction,
 * multiple, money), an ISO date for the date figures (compared as calendar
 * days). `>`/`<` are strict (`> 0.40` refuses exactly 0.40), `>=`/`<=`
 * inclusive, `=` exact (`===` on numbers, the same day on dates);
 * `≈ x ± t` holds when |v − x| ≤ t (absolute), ≤ t·|x| (relative) or
 * |days from x to v| ≤ t (days), up to a few ulps on numbers;
 * `between low and high` is inclusive at both ends. A number against a date
 * bound, a date against a number bound, a NaN value or a date that is not a
 * calendar date throws RangeError: the caller gave a figure of the wrong unit.
 */
export function holds(e: Expectation, value: number | IsoDate): boolean {
  switch (e.op) {
    case '≈':
      return within(e.x, e.tolerance, value);
    case 'between': {
      const [low, v] = comparable(e.low, value);
      const [high] = comparable(e.high, value);
      return low <= v && v <= high;
    }
    default: {
      const [x, v] = comparable(e.x, value);
      switch (e.op) {
        case '>':
          return v > x;
        case '>=':
          return v >= x;
        case '<':
          return v < x;
        case '<=':
          return v <= x;
        case '=':
          return v === x;
      }
    }
  }
}

/**
 * Whether `e` holds for a date known only to lie on or before `latest` (a
 * "highest since" whose last level is above every day looked at: it is
 * highest since some day before them): `true` when it holds for every such
 * date (an upper bound `latest` meets), `false` when for none (a lower end
 * of the accepted range after `latest`), `null` when it depends on how far
 * back the date lies.
 */
export function holdsOnOrBefore(e: Expectation, latest: IsoDate): boolean | null {
  const after = (d: IsoDate) => daysBetween(latest, d) > 0;
  switch (e.op) {
    case '<':
    case '<=':
      return holds(e, latest) ? true : null;
    case '>':
    case '>=':
      return holds(e, latest) ? null : false;
    case '=':
      return e.x.kind === 'date' && after(e.x.value) ? false : null;
    case '≈':
      return e.x.kind === 'date' && e.tolerance.kind === 'days' && after(shiftDays(e.x.value, -e.tolerance.value)) ? false : null;
    case 'between':
      return e.low.kind === 'date' && after(e.low.value) ? false : null;
  }
}
