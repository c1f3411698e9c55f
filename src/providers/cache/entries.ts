/**
 * The cache's two kinds of entry, and the checks an entry read back must
 * pass before it is used (hand-written, not a schema library: an entry holds
 * thousands of numbers, read on every run).
 */
import { isIsoDate, toDayNumber } from '../../domain/calendar.js';
import { QUOTE_FIELDS } from '../../domain/quote.js';
import type { DayNumber, IsoDate, Quote, Split } from '../../domain/types.js';

/**
 * A symbol's daily closes as the source had them at `fetchedAt`, for every
 * session in [from, to]; or, with `missing`, the source's answer that it has
 * none (kept only for the quote TTL, so an unknown symbol is not asked for on
 * every run).
 */
export interface HistoryEntry {
  readonly symbol: string;
  readonly currency: string | null;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** ISO 8601 instant of the fetch. */
  readonly fetchedAt: string;
  /** The days of its closes, as days since 1970-01-01 (calendar.ts), ascending. */
  readonly days: readonly DayNumber[];
  readonly close: readonly number[];
  readonly adjClose: readonly number[];
  /** The source's notes on this range (bars it left out), repeated when the entry is used. */
  readonly notes: readonly string[];
  /** Set when the source said it has no data for the symbol: its reason. */
  readonly missing: string | null;
  /** The splits the source recorded (day numbers, new shares per old); absent when none. */
  readonly splits?: readonly Split[];
}

/**
 * Every distinct dated quote of a symbol the source ever gave, ascending by
 * date (one per date: the latest fetch of that date), so the quote history
 * builds up run after run; `fetchedAt`: the latest fetch. An entry written
 * before quotes were dated (`quote`, one undated quote) is read as one
 * undated quote.
 */
export interface QuoteEntry {
  readonly symbol: string;
  readonly fetchedAt: string;
  readonly quotes: readonly Quote[];
}

// Hand-written checks, not a schema library: an entry holds thousands of numbers, read on every run.
export type Check<T> = (x: unknown) => { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInstant = (x: unknown): x is string => typeof x === 'string' && !Number.isNaN(Date.parse(x));
const isNullableString = (x: unknown) => x === null || typeof x === 'string';
const isNullableNumber = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x));
const isPrice = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;
const hasExactly = (o: Record<string, unknown>, keys: readonly string[]) => Object.keys(o).length === keys.length && keys.every((k) => k in o);
const invalid = (problem: string) => ({ ok: false as const, problem: `invalid entry: ${problem}` });

const HISTORY_KEYS = ['symbol', 'currency', 'from', 'to', 'fetchedAt', 'days', 'close', 'adjClose', 'notes', 'missing'] as const;
const OLD_QUOTE_KEYS = ['symbol', ...QUOTE_FIELDS] as const;
const QUOTE_KEYS = [...OLD_QUOTE_KEYS, 'date', 'provider'] as const;

const isSplit = (s: unknown) => isObject(s) && hasExactly(s, ['day', 'ratio']) && Number.isInteger(s.day) && isPrice(s.ratio);

export const checkHistory: Check<HistoryEntry> = (x) => {
  if (!isObject(x) || !(hasExactly(x, HISTORY_KEYS) || hasExactly(x, [...HISTORY_KEYS, 'splits']))) return invalid('bad shape');
  if ('splits' in x && !(Array.isArray(x.splits) && x.splits.every(isSplit))) return invalid('bad splits');
  const { symbol, currency, from, to, fetchedAt, days, close, adjClose, notes, missing } = x;
  if (typeof symbol !== 'string' || symbol === '' || !isNullableString(currency) || !isNullableString(missing)) return invalid('bad shape');
  if (typeof from !== 'string' || typeof to !== 'string' || !isIsoDate(from) || !isIsoDate(to) || from > to) return invalid('bad range');
  if (!isInstant(fetchedAt)) return invalid('bad fetch time');
  if (!Array.isArray(days) || !Array.isArray(close) || !Array.isArray(adjClose) || !Array.isArray(notes)) return invalid('bad shape');
  if (close.length !== days.length || adjClose.length !== days.length) return invalid('arrays of different lengths');
  if (!notes.every((n) => typeof n === 'string')) return invalid('bad notes');
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  let previous = first - 1;
  for (let i = 0; i < days.length; i++) {
    const d: unknown = days[i];
    if (!Number.isInteger(d)) return invalid('not a day number');
    if ((d as number) <= previous) return invalid(i === 0 ? 'days outside the range' : 'days not ascending');
    previous = d as number;
    if (!isPrice(close[i]) || !isPrice(adjClose[i])) return invalid('a close that is not a positive number');
  }
  if (previous > last) return invalid('days outside the range');
  return { ok: true, value: x as unknown as HistoryEntry };
};

function isQuote(q: unknown, keys: readonly string[]): q is Quote {
  if (!isObject(q) || !hasExactly(q, keys) || typeof q.symbol !== 'string' || q.symbol === '') return false;
  if (![q.name, q.currency, q.financialCurrency, q.provider ?? null].every(isNullableString)) return false;
  if (q.date !== undefined && q.date !== null && !(typeof q.date === 'string' && isIsoDate(q.date))) return false;
  return [q.price, q.forwardPE, q.trailingPE, q.epsForward, q.marketCap, q.sharesOutstanding].every(isNullableNumber);
}

export const checkQuote: Check<QuoteEntry> = (x) => {
  if (!isObject(x) || typeof x.symbol !== 'string' || !isInstant(x.fetchedAt)) return invalid('bad shape');
  if (hasExactly(x, ['symbol', 'fetchedAt', 'quote'])) {
    // written before quotes were dated: one undated quote
    if (!isQuote(x.quote, OLD_QUOTE_KEYS)) return invalid('bad quote');
    return { ok: true, value: { symbol: x.symbol, fetchedAt: x.fetchedAt, quotes: [{ ...x.quote, date: null, provider: null }] } };
  }
  if (!hasExactly(x, ['symbol', 'fetchedAt', 'quotes']) || !Array.isArray(x.quotes) || x.quotes.length === 0) return invalid('bad shape');
  let previous = '';
  for (const q of x.quotes as unknown[]) {
    if (!isQuote(q, QUOTE_KEYS)) return invalid('bad quote');
    const d = q.date ?? '';
    if (d !== '' && d <= previous) return invalid('quotes not ascending by date');
    previous = d;
  }
  return { ok: true, value: x as unknown as QuoteEntry };
};

/**
 * A symbol's kept quotes with a new fetch merged in: a fetched quote replaces
 * a kept one of the same date (the newer figure), and any undated one (a
 * dated quote says more); others are kept. Ascending by date.
 */
export function mergeQuotes(kept: readonly Quote[], fetched: readonly Quote[]): Quote[] {
  const byDate = new Map<string, Quote>();
  const anyDated = fetched.some((q) => (q.date ?? null) !== null);
  for (const q of kept) if (!(anyDated && (q.date ?? null) === null)) byDate.set(q.date ?? '', q);
  for (const q of fetched) byDate.set(q.date ?? '', q);
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, q]) => q);
}

