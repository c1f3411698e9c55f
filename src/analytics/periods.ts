/**
 * Named look-back periods (`1w`, `3m`, `ytd`, …). Pure.
 *
 * A period ending on the as-of date starts from the last close on or before
 * (as-of − the period), by calendar arithmetic (date-fns: 31 March − 1 month
 * = 28 or 29 February). `ytd` keeps the main window's definition: the last
 * close before 1 January of the as-of year.
 */
import { subDays } from 'date-fns/subDays';
import { subMonths } from 'date-fns/subMonths';
import { subWeeks } from 'date-fns/subWeeks';
import { subYears } from 'date-fns/subYears';
import type { IsoDate } from '../domain/types.js';
import { shiftDays, startOfYear, toIsoDate } from '../domain/calendar.js';

export const PERIODS = ['1d', '1w', '1m', '3m', '6m', 'ytd', '1y', '3y', '5y'] as const;
export type Period = (typeof PERIODS)[number];

export function isPeriod(text: string): text is Period {
  return (PERIODS as readonly string[]).includes(text);
}

function localDate(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const out = new Date(y, m - 1, d);
  out.setFullYear(y);
  return out;
}

/** The date a period's start price is looked up on or before: as-of minus the period (null for `ytd`). */
export function periodAnchor(period: Exclude<Period, 'ytd'>, asOf: IsoDate): IsoDate {
  const d = localDate(asOf);
  const n = Number.parseInt(period, 10);
  switch (period.slice(-1)) {
    case 'd':
      return toIsoDate(subDays(d, n));
    case 'w':
      return toIsoDate(subWeeks(d, n));
    case 'm':
      return toIsoDate(subMonths(d, n));
    default:
      return toIsoDate(subYears(d, n));
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
