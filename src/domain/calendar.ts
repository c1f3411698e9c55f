/**
 * Pure ISO-date helpers. Dates are calendar dates (`YYYY-MM-DD`) with no time
 * zone; arithmetic is on day numbers (days since 1970-01-01 in the proleptic
 * Gregorian calendar), which is exact for whole days whatever the machine's
 * zone, and cheap enough for millions of bars (no Date, no regex).
 */
import { addMonths } from 'date-fns/addMonths';
import type { IsoDate } from './types.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The days in month `month` (1–12) of proleptic Gregorian year `year`: 28–31. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

/**
 * The day number of `year`-`month`-`day` when it is a real date (month 1–12,
 * day within the month), else NaN; a NaN part gives NaN. For readers that
 * take the parts from text or bytes themselves.
 */
export function calendarDay(year: number, month: number, day: number): number {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? civilToDays(year, month, day) : NaN;
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
/** The earliest date a window may name: its look-back (up to 10 years and a month before) stays a date of four digits. */
export const EARLIEST_DATE = '1900-01-01';

export function isIsoDate(text: string): boolean {
  return text.length === 10 && !Number.isNaN(isoDayAt(text, 0));
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (month 1–12), by
 * arithmetic alone: the days-from-civil algorithm (H. Hinnant), with eras of
 * 400 years = 146,097 days.
 */
export function civilToDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146_097 + doe - 719_468;
}

/** [year, month 1–12, day] of a day number: the inverse of civilToDays. */
export function daysToCivil(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const ZERO = 48;
const digit = (text: string, i: number) => text.charCodeAt(i) - ZERO;

/**
 * The day number of `text[at, at + 10)` when it is a real date written
 * `YYYY-MM-DD`, else NaN. No regex, no Date, no substring: the offline
 * reader calls it once per row.
 */
export function isoDayAt(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return NaN; // '-'
  let y = 0;
  for (let i = at; i < at + 4; i++) {
    const d = digit(text, i);
    if (!(d >= 0 && d <= 9)) return NaN;
    y = y * 10 + d;
  }
  const m1 = digit(text, at + 5);
  const m2 = digit(text, at + 6);
  const d1 = digit(text, at + 8);
  const d2 = digit(text, at + 9);
  if (!(m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9)) return NaN;
  return calendarDay(y, m1 * 10 + m2, d1 * 10 + d2);
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: IsoDate): number {
  const day = date.length === 10 ? isoDayAt(date, 0) : NaN;
  if (Number.isNaN(day)) throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
  return day;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  if (!Number.isInteger(day)) throw new RangeError(`not a day number: ${day}`);
  const [y, m, d] = daysToCivil(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

const MS_PER_DAY = 86_400_000;

/**
 * The day number of the UTC calendar date of an instant given in milliseconds
 * since 1970-01-01T00:00Z; add a zone's UTC offset first to get that zone's date.
 */
export function dayOfInstant(epochMs: number): number {
  return Math.floor(epochMs / MS_PER_DAY);
}

/** A wall-clock instant's calendar date on the machine's clock, `YYYY-MM-DD`. */
export function toIsoDate(instant: Date): IsoDate {
  return `${pad(instant.getFullYear(), 4)}-${pad(instant.getMonth() + 1, 2)}-${pad(instant.getDate(), 2)}`;
}

/** `date` plus `days` calendar days (negative to go back). */
export function shiftDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * `date` plus `months` calendar months (negative to go back), the day kept
 * but clamped to the last of a shorter month: 2025-03-31 − 1 month =
 * 2025-02-28, 2024-02-29 − 12 months = 2023-02-28 (date-fns's `addMonths`).
 */
export function shiftMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = daysToCivil(toDayNumber(date));
  const local = new Date(y, m - 1, d);
  local.setFullYear(y); // years 0–99 are read as 1900–1999 by the constructor
  return toIsoDate(addMonths(local, months));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 1 January of the year of `date`: the start of a year-to-date period. */
export function startOfYear(date: IsoDate): IsoDate {
  const [year] = daysToCivil(toDayNumber(date));
  return `${pad(year, 4)}-01-01`;
}

/**
 * The first day of each month after day `from`, up to and including day `to`
 * (day numbers): from 2024-12-31 to 2025-03-07, 2025-01-01, 2025-02-01 and
 * 2025-03-01. Empty when the next month starts after `to`.
 */
export function monthStartsAfter(from: number, to: number): number[] {
  let [year, month] = daysToCivil(from);
  const starts: number[] = [];
  for (;;) {
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    const day = civilToDays(year, month, 1);
    if (day > to) return starts;
    starts.push(day);
  }
}

/** Months since January of year 0 of a day number's month (2025-03-07 → 2025 × 12 + 2): month arithmetic by subtraction. */
export function monthIndex(day: number): number {
  const [year, month] = daysToCivil(day);
  return year * 12 + month - 1;
}
