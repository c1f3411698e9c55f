/**
 * Yahoo stamps a daily bar (and a quote's last trade) with an instant; basket
 * dates it by the exchange's calendar. The zone's wall clock comes from Intl
 * (the time-zone database is its job), the day arithmetic from
 * domain/calendar.ts. This is the one place an instant becomes a date.
 */
import { civilToDays, dayOfInstant, isoDayAt } from '../../domain/calendar.js';
import type { DayNumber } from '../../domain/types.js';

/** The exchange-local day of an instant. */
export type DayOf = (instant: Date) => DayNumber;

/** The exchange-local day of instants on an exchange: in its IANA zone when named, else at a fixed UTC offset. */
export type ExchangeDays = (zone: string | null | undefined, gmtOffsetSeconds: number) => DayOf;

/**
 * Exchange days, with one Intl formatter per zone kept for as long as the
 * caller keeps this (a provider: a run), as making one costs more than using it.
 */
export function exchangeDays(): ExchangeDays {
  const formatters = new Map<string, Intl.DateTimeFormat>();
  return (zone, gmtOffsetSeconds) => {
    if (!zone) {
      const offsetMs = gmtOffsetSeconds * 1000;
      return (instant) => dayOfInstant(instant.getTime() + offsetMs);
    }
    let fmt = formatters.get(zone);
    if (!fmt) {
      fmt = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      formatters.set(zone, fmt);
    }
    const format = fmt;
    return (instant) => {
      // en-CA writes a date as YYYY-MM-DD: format() is several times quicker than formatToParts()
      const text = format.format(instant);
      const day = text.length === 10 ? isoDayAt(text, 0) : Number.NaN;
      if (!Number.isNaN(day)) return day;
      const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
      return civilToDays(Number(parts.year), Number(parts.month), Number(parts.day));
    };
  };
}
