/**
 * Point-in-time quotes: which of a symbol's dated quotes stands for each
 * figure on the as-of date. Pure.
 *
 * Each field is chosen on its own, among the quotes that have a value for it:
 *   1. an undated quote (taken as of the as-of date), else
 *   2. the latest quote dated on or before the as-of date; older than
 *      `maxAgeDays` it is still used, and flagged `stale`; else
 *   3. the earliest quote dated after the as-of date, flagged `after` with
 *      the number of days; under `strict` it is left out (`left-out`) and the
 *      figure is unknown.
 * A figure taken from an undated quote is flagged `undated`.
 */
import type { PointInTimeRule } from '../domain/options.js';
import type { IsoDate, Quote, QuoteHistory } from '../domain/types.js';
import { daysBetween } from '../domain/calendar.js';
import { dateOf, QUOTE_FIELDS, type QuoteField } from '../domain/quote.js';


/** Default of --max-quote-age: a figure dated more than this many days before the as-of date is flagged stale. */
export const DEFAULT_MAX_QUOTE_AGE_DAYS = 31;


export interface PointInTimeOptions {
  readonly asOf: IsoDate;
  readonly maxAgeDays: number;
  readonly rule: PointInTimeRule;
}

/** The quote a figure was taken from. */
export interface Figure {
  /** Its date; `null`: undated. */
  readonly date: IsoDate | null;
  readonly provider: string | null;
  /** The whole quote, for figures that go with it (the price beside a market cap). */
  readonly quote: Quote;
}

export type QuoteFlagKind = 'undated' | 'stale' | 'after' | 'left-out';

export interface QuoteFlag {
  readonly field: QuoteField;
  readonly kind: QuoteFlagKind;
  /** The figure's date (`null` for `undated`). */
  readonly date: IsoDate | null;
  /** `|asOf − date|` in calendar days (0 for `undated`). */
  readonly days: number;
}

export interface ChosenQuote {
  /** The chosen value of every field (`date`: null, `provider`: null: each figure has its own, in `figures`). */
  readonly quote: Quote;
  /** Where each known figure came from. */
  readonly figures: Readonly<Partial<Record<QuoteField, Figure>>>;
  readonly flags: readonly QuoteFlag[];
}


/** Chooses every field of `symbol`'s quotes for `options.asOf` under the rules above. */
export function chooseQuote(symbol: string, quotes: QuoteHistory, options: PointInTimeOptions): ChosenQuote {
  const { asOf, maxAgeDays, rule } = options;
  const values: Record<string, unknown> = { symbol, date: null, provider: null };
  const figures: Partial<Record<QuoteField, Figure>> = {};
  const flags: QuoteFlag[] = [];
  for (const field of QUOTE_FIELDS) {
    let undated: Quote | null = null;
    let before: Quote | null = null;
    let after: Quote | null = null;
    for (const q of quotes) {
      if (q[field] === null || q[field] === undefined) continue;
      const d = dateOf(q);
      if (d === null) undated ??= q;
      else if (d <= asOf) {
        if (before === null || d >= (dateOf(before) as IsoDate)) before = q;
      } else if (after === null || d < (dateOf(after) as IsoDate)) after = q;
    }
    let chosen: Quote | null = null;
    if (undated !== null) {
      chosen = undated;
      flags.push({ field, kind: 'undated', date: null, days: 0 });
    } else if (before !== null) {
      chosen = before;
      const days = daysBetween(dateOf(before) as IsoDate, asOf);
      if (days > maxAgeDays) flags.push({ field, kind: 'stale', date: dateOf(before), days });
    } else if (after !== null) {
      const days = daysBetween(asOf, dateOf(after) as IsoDate);
      flags.push({ field, kind: rule === 'strict' ? 'left-out' : 'after', date: dateOf(after), days });
      if (rule !== 'strict') chosen = after;
    }
    values[field] = chosen === null ? null : chosen[field];
    if (chosen !== null) figures[field] = { date: dateOf(chosen), provider: chosen.provider ?? null, quote: chosen };
  }
  return { quote: values as unknown as Quote, figures, flags };
}
