/**
 * Pure cache planning: what to ask the source for, given what the cache
 * holds, and how to fold the answer into the entry. No I/O, no clock: `now`
 * is passed in.
 *
 * Past daily bars do not change, but the last few sessions may still be
 * revised (late prints, a live bar): a bar dated within RECENT_DAYS before
 * its fetch is provisional. So an entry answers a request by itself when the
 * request ends at or before its last settled date, or when it was fetched
 * within the TTL; otherwise only the tail is fetched, from the last settled
 * bar on.
 *
 * Yahoo's closes are split-adjusted and its adjusted closes also
 * dividend-adjusted, as of the fetch: a split or dividend since the entry was
 * written rescales every earlier bar by one factor. The tail starts on a
 * settled bar the entry holds; the ratio of new to old closes on that date
 * (1 unless such an event happened) rescales the bars kept from the entry, so
 * the merged series is on one basis.
 */
import { dayOfInstant, fromDayNumber, toDayNumber } from '../../domain/calendar.js';
import { seriesInMajorUnits, toMajorUnit } from '../../domain/currency.js';
import type { DayNumber, IsoDate, PriceSeries, Split } from '../../domain/types.js';
import type { HistoryEntry } from './store.js';

/** Bars dated this many days or fewer before their fetch may still be revised. */
export const RECENT_DAYS = 5;

export type HistoryPlan =
  /** The entry answers the request. */
  | { readonly kind: 'hit' }
  /** Ask the source for [start, end]; `merge`: fold the answer into the entry, else replace it. */
  | { readonly kind: 'fetch'; readonly start: IsoDate; readonly end: IsoDate; readonly merge: boolean };

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/** Whether an entry fetched at `fetchedAt` is within `maxAgeMs` of `now`. */
export function isFresh(fetchedAt: string, now: Date, maxAgeMs: number): boolean {
  const age = now.getTime() - Date.parse(fetchedAt);
  return age >= 0 && age <= maxAgeMs;
}

/** The last date whose bar was final when the entry was fetched. */
export function settledThrough(entry: Pick<HistoryEntry, 'fetchedAt' | 'to'>): IsoDate {
  return minDate(entry.to, fromDayNumber(dayOfInstant(Date.parse(entry.fetchedAt)) - RECENT_DAYS));
}

/** What to fetch for a request of [start, end], given the cached entry (null: none, or --refresh). */
export function planHistory(entry: HistoryEntry | null, start: IsoDate, end: IsoDate, now: Date, maxAgeMs: number): HistoryPlan {
  if (entry === null) return { kind: 'fetch', start, end, merge: false };
  if (entry.missing !== null) {
    // the source said it has nothing: believed for the TTL only
    return isFresh(entry.fetchedAt, now, maxAgeMs) && start >= entry.from && end <= entry.to ? { kind: 'hit' } : { kind: 'fetch', start, end, merge: false };
  }
  if (start < entry.from) return { kind: 'fetch', start, end: maxDate(end, entry.to), merge: false };
  if (end <= entry.to && (end <= settledThrough(entry) || isFresh(entry.fetchedAt, now, maxAgeMs))) return { kind: 'hit' };
  // the tail starts at the last settled bar: one final date in common to match the basis on
  const settled = toDayNumber(settledThrough(entry));
  const anchor = entry.days.findLast((d) => d <= settled);
  if (anchor === undefined) return { kind: 'fetch', start: entry.from, end: maxDate(end, entry.to), merge: false };
  return { kind: 'fetch', start: fromDayNumber(anchor), end: maxDate(end, entry.to), merge: true };
}

/** A fresh entry from the source's answer for [from, to]. */
export function toEntry(series: PriceSeries, from: IsoDate, to: IsoDate, fetchedAt: string, notes: readonly string[]): HistoryEntry {
  return {
    symbol: series.symbol,
    currency: series.currency,
    from,
    to,
    fetchedAt,
    days: Array.from(series.days),
    close: Array.from(series.close),
    adjClose: Array.from(series.adjClose),
    notes: [...notes],
    missing: null,
    ...splitsKey(series.splits),
  };
}

/** An entry's `splits` key: present only when there are some (an entry without splits reads as before they were kept). */
const splitsKey = (splits: readonly Split[] | undefined) => (splits && splits.length > 0 ? { splits: [...splits] } : {});

/** The splits of both, each day once (the newer answer's ratio where both have one), ascending. */
function unionOfSplits(older: readonly Split[] = [], newer: readonly Split[] = []): Split[] {
  const byDay = new Map([...older, ...newer].map((s) => [s.day, s]));
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/** An entry recording that the source has no data for the symbol in [from, to]. */
export function toMissingEntry(symbol: string, from: IsoDate, to: IsoDate, fetchedAt: string, reason: string): HistoryEntry {
  return { symbol, currency: null, from, to, fetchedAt, days: [], close: [], adjClose: [], notes: [], missing: reason };
}

/** New ÷ old price of one settled bar: the factor a split or dividend since the old fetch applies; 1 within rounding. */
export function basisFactor(newPrice: number, oldPrice: number): number {
  const factor = newPrice / oldPrice;
  return Math.abs(factor - 1) < BASIS_TOLERANCE ? 1 : factor;
}

/** Relative differences below this are rounding in the source, not a corporate action. */
export const BASIS_TOLERANCE = 1e-9;

/**
 * Fold the source's answer for the tail [start, end] into `entry`: bars before
 * `start` are kept, rescaled to the answer's basis on the first common date;
 * the tail's bars replace the entry's. Null when the two share no date (the
 * basis cannot be matched): the caller fetches the whole range instead.
 */
export function mergeHistory(
  entry: HistoryEntry,
  tail: PriceSeries,
  start: IsoDate,
  end: IsoDate,
  fetchedAt: string,
  notes: readonly string[],
): HistoryEntry | null {
  const oldIndex = new Map(entry.days.map((d, i) => [d, i]));
  const tailDays = Array.from(tail.days);
  const common = tailDays.findIndex((d) => oldIndex.has(d));
  if (common < 0) return null;
  const i = oldIndex.get(tailDays[common] as DayNumber) as number;
  const closeFactor = basisFactor(tail.close[common] as number, entry.close[i] as number);
  const adjFactor = basisFactor(tail.adjClose[common] as number, entry.adjClose[i] as number);
  const startDay = toDayNumber(start);
  const endDay = toDayNumber(end);
  const kept = entry.days.flatMap((d, j) => (d < startDay ? [j] : []));
  const keptAfter = entry.days.flatMap((d, j) => (d > endDay ? [j] : []));
  return {
    symbol: entry.symbol,
    currency: tail.currency ?? entry.currency,
    from: entry.from,
    to: maxDate(entry.to, end),
    fetchedAt,
    days: [...kept.map((j) => entry.days[j] as DayNumber), ...tailDays, ...keptAfter.map((j) => entry.days[j] as DayNumber)],
    close: [...kept.map((j) => (entry.close[j] as number) * closeFactor), ...tail.close, ...keptAfter.map((j) => entry.close[j] as number)],
    adjClose: [...kept.map((j) => (entry.adjClose[j] as number) * adjFactor), ...tail.adjClose, ...keptAfter.map((j) => entry.adjClose[j] as number)],
    notes: [...new Set([...entry.notes, ...notes])],
    missing: null,
    ...splitsKey(unionOfSplits(entry.splits, tail.splits)),
  };
}

/**
 * An entry in major units, as the source answers now: one written when
 * answers still came in a minor unit (a `GBp` history in pence) is converted
 * on reading; any other is returned as it is.
 */
export function entryInMajorUnits(entry: HistoryEntry | null): HistoryEntry | null {
  if (entry === null || entry.currency === null || toMajorUnit(entry.currency).divisor === 1) return entry;
  const series = seriesInMajorUnits(entrySeries(entry, entry.from, entry.to));
  return { ...entry, currency: series.currency, close: Array.from(series.close), adjClose: Array.from(series.adjClose) };
}

/** The entry's closes within [start, end] as a series. */
export function entrySeries(entry: HistoryEntry, start: IsoDate, end: IsoDate): PriceSeries {
  const first = toDayNumber(start);
  const last = toDayNumber(end);
  let a = 0;
  while (a < entry.days.length && (entry.days[a] as DayNumber) < first) a++;
  let b = a;
  while (b < entry.days.length && (entry.days[b] as DayNumber) <= last) b++;
  const n = b - a;
  // one allocation for the three columns, as the offline reader's; the copies are the engine's own (set)
  const columns = new ArrayBuffer(n * 20);
  const close = new Float64Array(columns, 0, n);
  const adjClose = new Float64Array(columns, n * 8, n);
  const days = new Int32Array(columns, n * 16, n);
  const part = <T>(xs: readonly T[]) => (a === 0 && b === xs.length ? xs : xs.slice(a, b));
  days.set(part(entry.days));
  close.set(part(entry.close));
  adjClose.set(part(entry.adjClose));
  return { symbol: entry.symbol, currency: entry.currency, days, close, adjClose, ...splitsKey(entry.splits) };
}
