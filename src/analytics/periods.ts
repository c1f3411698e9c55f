/**
 * Named look-back periods (`1w`, `3m`, `ytd`, …). Pure.
 *
 * A period ending on the as-of date starts from the last close on or before
 * (as-of − the period), by calendar arithmetic (domain/calendar.ts: 31 March − 1 month
 * = 28 or 29 February). `ytd` keeps the main window's definition: the last
 * close before 1 January of the as-of year.
 */
import type { Period } from '../domain/options.js';
import type { IsoDate } from '../domain/types.js';
import { shiftDays, shiftMonths, startOfYear } from '../domain/calendar.js';


/** The date a period's start price is looked up on or before: as-of minus the period (null for `ytd`). */
export function periodAnchor(period: Exclude<Period, 'ytd'>, asOf: IsoDate): IsoDate {
  const n = Number.parseInt(period, 10);
  switch (period.slice(-1)) {
    case 'd':
      return shiftDays(asOf, -n);
    case 'w':
      return shiftDays(asOf, -7 * n);
    case 'm':
      return shiftMonths(asOf, -n);
    default:
      return shiftMonths(asOf, -12 * n);
  }
}

/**
 * The `from` of the window [from, asOf] whose start close (the last close
 * strictly before `from`) is the period's start close: the day after the
 * anchor, or 1 January for `ytd`.
 */
export function periodFrom(period: Period, asOf: IsoDate): IsoDate {
  return period === 'ytd' ? startOfYear(asOf) : shiftDays(periodAnchor(period, asOf), 1);
}

/** The earliest `from` among the main window's and the periods': where history must reach back to. */
export function earliestFrom(from: IsoDate, asOf: IsoDate, periods: readonly Period[]): IsoDate {
  return periods.reduce((earliest, p) => {
    const start = periodFrom(p, asOf);
    return start < earliest ? start : earliest;
  }, from);
}
