/**
 * Pure ISO-date helpers. Dates are calendar dates (`YYYY-MM-DD`) with no time
 * zone; arithmetic is calendar arithmetic done by date-fns on local-midnight
 * Dates, which is exact for whole days whatever the machine's zone.
 */
// per-function entry points: the package's index loads every module (~1 s at start-up)
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import type { IsoDate } from '../domain/types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of an ISO date, or null when it is no real date (2025-02-30). */
function toLocalDateOrNull(text: string): Date | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  date.setFullYear(y); // years 0–99 would otherwise be read as 1900–1999
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(text: string): boolean {
  return toLocalDateOrNull(text) !== null;
}

function toLocalDate(date: IsoDate): Date {
  const d = toLocalDateOrNull(date);
  if (!d) throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
  return d;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A wall-clock instant's calendar date on the machine's clock, `YYYY-MM-DD`. */
export function toIsoDate(instant: Date): IsoDate {
  return `${pad(instant.getFullYear(), 4)}-${pad(instant.getMonth() + 1, 2)}-${pad(instant.getDate(), 2)}`;
}

/** `date` plus `days` calendar days (negative to go back). */
export function shiftDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(addDays(toLocalDate(date), days));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toLocalDate(to), toLocalDate(from));
}

/** 1 January of the year of `date`: the start of a year-to-date period. */
export function startOfYear(date: IsoDate): IsoDate {
  return `${toLocalDate(date).getFullYear().toString().padStart(4, '0')}-01-01`;
}
