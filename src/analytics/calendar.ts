/**
 * Pure ISO-date helpers. Dates are calendar dates (`YYYY-MM-DD`) with no time
 * zone; arithmetic is on day numbers (days since 1970-01-01 in the proleptic
 * Gregorian calendar, through Date.UTC), which is exact for whole days
 * whatever the machine's zone, and cheap enough for millions of bars.
 */
import type { IsoDate } from '../domain/types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MS_PER_DAY = 86_400_000;

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** [year, month 1–12, day] of an ISO date, or null when it is no real date (2025-02-30). */
function parts(text: string): [number, number, number] | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  const last = mo === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[mo - 1] as number);
  return d <= last ? [y, mo, d] : null;
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(text: string): boolean {
  return parts(text) !== null;
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: IsoDate): number {
  const p = parts(date);
  if (!p) throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
  const utc = new Date(0);
  utc.setUTCFullYear(p[0], p[1] - 1, p[2]); // Date.UTC would read years 0–99 as 1900–1999
  return Math.round(utc.getTime() / MS_PER_DAY);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  const utc = new Date(day * MS_PER_DAY);
  return `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1, 2)}-${pad(utc.getUTCDate(), 2)}`;
}

/** A wall-clock instant's calendar date on the machine's clock, `YYYY-MM-DD`. */
export function toIsoDate(instant: Date): IsoDate {
  return `${pad(instant.getFullYear(), 4)}-${pad(instant.getMonth() + 1, 2)}-${pad(instant.getDate(), 2)}`;
}

/** `date` plus `days` calendar days (negative to go back). */
export function shiftDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 1 January of the year of `date`: the start of a year-to-date period. */
export function startOfYear(date: IsoDate): IsoDate {
  const p = parts(date);
  if (!p) throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
  return `${pad(p[0], 4)}-01-01`;
}
