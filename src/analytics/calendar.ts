/**
 * Pure ISO-date helpers. Dates are calendar dates (`YYYY-MM-DD`) with no time
 * zone; arithmetic is calendar arithmetic done by date-fns on local-midnight
 * Dates, which is exact for whole days whatever the machine's zone.
 */
import { addDays, differenceInCalendarDays, format, isValid, parse } from 'date-fns';
import type { IsoDate } from '../domain/types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_FORMAT = 'yyyy-MM-dd';

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = parse(text, ISO_FORMAT, new Date(2000, 0, 1));
  return isValid(d) && format(d, ISO_FORMAT) === text;
}

function toLocalDate(date: IsoDate): Date {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
  return parse(date, ISO_FORMAT, new Date(2000, 0, 1));
}

/** `date` plus `days` calendar days (negative to go back). */
export function shiftDays(date: IsoDate, days: number): IsoDate {
  return format(addDays(toLocalDate(date), days), ISO_FORMAT);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toLocalDate(to), toLocalDate(from));
}

/** 1 January of the year of `date`: the start of a year-to-date period. */
export function startOfYear(date: IsoDate): IsoDate {
  return `${toLocalDate(date).getFullYear().toString().padStart(4, '0')}-01-01`;
}

/** A wall-clock instant's calendar date on the machine's clock, `YYYY-MM-DD`. */
export function toIsoDate(instant: Date): IsoDate {
  return format(instant, ISO_FORMAT);
}
