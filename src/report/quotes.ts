/**
 * Quote figures on the as-of date, for the report. Pure. Chooses each
 * member's figures among its dated quotes (analytics/point-in-time.ts), notes
 * every figure taken from another day, and finds the price a dated market cap
 * or P/E was computed at, so that market values and repriced P/Es follow
 * the stated rules:
 *   market value on day d, from a cap C dated q:  C × raw(d) / P_q
 *   from a share count S (no cap):                 S × raw(d)
 *   a P/E dated q repriced to the as-of date:      PE_q × raw(asOf) / P_q
 * where raw is the unadjusted close and P_q the quote's own price (a dated
 * quote), else the unadjusted close on or before q (for an undated quote,
 * on or before the as-of date).
 */
import { toDayNumber } from '../domain/calendar.js';
import { chooseQuote, type ChosenQuote, type Figure, type PointInTimeOptions, type QuoteFlag } from '../analytics/point-in-time.js';
import type { QuoteField } from '../domain/quote.js';
import { lastIndexOnOrBefore } from '../domain/series.js';
import type { DayNumber, IsoDate, PriceSeries, QuoteHistory, SymbolIssue } from '../domain/types.js';
import type { PreparedSeries } from './pricing.js';

/** How a member's market value is known: a cap with the price it was computed at, or a share count. Major units. */
export type MarketSize =
  | { readonly kind: 'cap'; readonly cap: number; readonly priceAtCap: number; readonly date: IsoDate | null; readonly provider: string | null }
  | { readonly kind: 'shares'; readonly shares: number; readonly date: IsoDate | null; readonly provider: string | null };

const LABELS: Readonly<Record<QuoteField, string>> = {
  name: 'name',
  currency: 'currency',
  financialCurrency: 'financial currency',
  price: 'price',
  forwardPE: 'forward P/E',
  trailingPE: 'trailing P/E',
  epsForward: 'forward EPS',
  marketCap: 'market cap',
  sharesOutstanding: 'share count',
};

/** Every symbol's figures on the as-of date. */
export function chooseQuotes(quotes: ReadonlyMap<string, QuoteHistory>, options: PointInTimeOptions): Map<string, ChosenQuote> {
  return new Map([...quotes].map(([symbol, history]) => [symbol, chooseQuote(symbol, history, options)]));
}

/** A flag of one symbol's figure, as noteQuoteFlags groups them. */
export interface SymbolFlag extends QuoteFlag {
  readonly symbol: string;
}

/** The flags of `fields` of a chosen quote (the figures a member's numbers use). */
export function flagsOf(symbol: string, chosen: ChosenQuote, fields: readonly QuoteField[]): SymbolFlag[] {
  return chosen.flags.filter((f) => fields.includes(f.field)).map((f) => ({ ...f, symbol }));
}

/**
 * Notes the flags of a report, one note per kind and date (so a basket whose
 * seven P/Es are all of one later day gets one line, not seven): every
 * symbol and figure is named, none left out. `undated` figures: one note for
 * all. Each note has the symbols and fields it covers.
 */
export function noteQuoteFlags(flags: readonly SymbolFlag[], options: PointInTimeOptions, note: (issue: SymbolIssue) => void): void {
  const groups = new Map<string, SymbolFlag[]>();
  for (const f of flags) {
    const key = `${f.kind}|${f.date ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  for (const group of groups.values()) {
    const { kind, date, days } = group[0] as SymbolFlag;
    const fields = [...new Set(group.map((f) => f.field))];
    const symbols = [...new Set(group.map((f) => f.symbol))];
    const what = fields.map((field) => `${LABELS[field]} of ${[...new Set(group.filter((f) => f.field === field).map((f) => f.symbol))].join(', ')}`).join('; ');
    const base = { symbol: null, symbols, fields };
    switch (kind) {
      case 'undated':
        note({ ...base, code: 'undated-quote', message: `undated quote figures taken as of ${options.asOf}: ${what}` });
        break;
      case 'after':
        note({ ...base, code: 'quote-after-as-of', date: date as IsoDate, days, message: `figures dated ${date}, ${days} days after ${options.asOf}, used: ${what}` });
        break;
      case 'left-out':
        note({ ...base, code: 'quote-after-as-of', date: date as IsoDate, days, message: `figures dated ${date}, ${days} days after ${options.asOf}, left out (--point-in-time strict): ${what}` });
        break;
      case 'stale':
        note({ ...base, code: 'stale-quote', date: date as IsoDate, days, message: `figures dated ${date}, ${days} days before ${options.asOf} (over --max-quote-age ${options.maxAgeDays}), used: ${what}` });
        break;
    }
  }
}

const QUOTE_NOTE_CODES: ReadonlySet<string> = new Set(['undated-quote', 'quote-after-as-of', 'stale-quote']);

/**
 * Notes of several reports (`check`: one report per claim) with the quote
 * flags of one kind and date made one note again, as noteQuoteFlags would
 * have written them for all: `forward P/E of A, B; market cap of C`, each
 * figure's symbols in the order first met. Other notes pass unchanged, the
 * first of equal ones kept.
 */
export function mergeQuoteNotes(issues: readonly SymbolIssue[]): SymbolIssue[] {
  const out: SymbolIssue[] = [];
  const merged = new Map<string, { index: number; prefix: string; what: Map<string, string[]> }>();
  const seen = new Set<string>();
  for (const issue of issues) {
    const at = issue.message.lastIndexOf(': ');
    if (issue.symbol !== null || !QUOTE_NOTE_CODES.has(issue.code) || at < 0) {
      const key = `${issue.symbol}|${issue.basket ?? ''}|${issue.code}|${issue.message}`;
      if (!seen.has(key)) out.push(issue);
      seen.add(key);
      continue;
    }
    const prefix = issue.message.slice(0, at);
    const key = `${issue.code}|${prefix}`;
    const group = merged.get(key) ?? { index: out.push(issue) - 1, prefix, what: new Map<string, string[]>() };
    merged.set(key, group);
    for (const part of issue.message.slice(at + 2).split('; ')) {
      const [label, symbols] = part.split(' of ') as [string, string];
      const known = group.what.get(label) ?? [];
      for (const s of symbols.split(', ')) if (!known.includes(s)) known.push(s);
      group.what.set(label, known);
    }
    const first = out[group.index] as SymbolIssue;
    out[group.index] = {
      ...first,
      symbols: [...new Set([...(first.symbols ?? []), ...(issue.symbols ?? [])])],
      fields: [...new Set([...(first.fields ?? []), ...(issue.fields ?? [])])],
      message: `${group.prefix}: ${[...group.what].map(([label, symbols]) => `${label} of ${symbols.join(', ')}`).join('; ')}`,
    };
  }
  return out;
}

/** Closes of a symbol outside the window's history (around quote dates), for P_q. */
export type QuoteCloses = ReadonlyMap<string, PriceSeries>;

/** A close more than this many calendar days before a figure's date does not stand for the price on it. */
export const PRICE_AT_QUOTE_MAX_DAYS = 10;

/**
 * The unadjusted close on or before `day`, major units: the later of the
 * window's history (which ends on the as-of date) and the extra closes
 * fetched around quote dates; `null` when neither has one within
 * PRICE_AT_QUOTE_MAX_DAYS of `day`.
 */
function rawCloseOnOrBefore(s: PreparedSeries, extra: PriceSeries | undefined, day: DayNumber, asOfDay: DayNumber): number | null {
  let best: { day: DayNumber; close: number } | null = null;
  const i = lastIndexOnOrBefore(s.days, Math.min(day, asOfDay));
  if (i >= 0) best = { day: s.days[i] as DayNumber, close: s.raw[i] as number };
  if (extra) {
    const j = lastIndexOnOrBefore(extra.days, day);
    if (j >= 0 && (best === null || (extra.days[j] as DayNumber) > best.day)) best = { day: extra.days[j] as DayNumber, close: extra.close[j] as number };
  }
  if (best === null || day - best.day > PRICE_AT_QUOTE_MAX_DAYS) return null;
  return best.close > 0 && Number.isFinite(best.close) ? best.close : null;
}

/**
 * The price a figure was computed at, major units, in the basis of today's
 * shares (as `raw`): its quote's own price (a dated quote) divided by every
 * split recorded after its date, else the close on or before its date.
 */
function priceAt(figure: Figure, s: PreparedSeries, extra: PriceSeries | undefined, asOf: IsoDate): number | null {
  const own = figure.quote.price ?? null;
  if (figure.date !== null && own !== null && own > 0 && Number.isFinite(own)) {
    const q = toDayNumber(figure.date);
    return s.splits.reduce((p, split) => (split.day > q ? p / split.ratio : p), own);
  }
  const day = toDayNumber(figure.date ?? asOf);
  return rawCloseOnOrBefore(s, extra, day, toDayNumber(asOf));
}

/**
 * A member's market size from its chosen cap (preferred) or share count;
 * `size` null when neither is usable, with `unpriced` the cap's date when a
 * cap was there but no price to hold its share count at (said in a note).
 */
export function marketSizeOf(chosen: ChosenQuote | undefined, s: PreparedSeries, extra: PriceSeries | undefined, asOf: IsoDate): { size: MarketSize | null; unpriced: IsoDate | null } {
  if (!chosen) return { size: null, unpriced: null };
  let unpriced: IsoDate | null = null;
  const cap = chosen.quote.marketCap;
  const capFigure = chosen.figures.marketCap;
  if (cap !== null && capFigure && cap > 0) {
    const priceAtCap = priceAt(capFigure, s, extra, asOf);
    // a cap too large to be a number is as good as unknown
    if (priceAtCap !== null && Number.isFinite(cap)) return { size: { kind: 'cap', cap, priceAtCap, date: capFigure.date, provider: capFigure.provider }, unpriced: null };
    if (priceAtCap === null) unpriced = capFigure.date ?? asOf;
  }
  const shares = chosen.quote.sharesOutstanding;
  const sharesFigure = chosen.figures.sharesOutstanding;
  if (shares !== null && sharesFigure && shares > 0 && Number.isFinite(shares)) {
    return { size: { kind: 'shares', shares, date: sharesFigure.date, provider: sharesFigure.provider }, unpriced };
  }
  return { size: null, unpriced };
}

/** A P/E as a member's basket P/E uses it, and, repriced to the as-of date, the two prices it was repriced with. */
export interface MemberPE {
  readonly value: number | null;
  /** `--pe-at as-of`: the price the P/E was quoted at (on its date) and the close on the as-of date. */
  readonly repriced: { readonly atQuote: number; readonly atAsOf: number } | null;
}

/**
 * A P/E dated q repriced to the as-of date, `PE_q × raw(asOf) / P_q` (the
 * earnings estimate held constant); the P/E as it is when undated; `null`
 * when a price is unknown (not repriceable).
 */
export function repricePE(pe: number, figure: Figure | undefined, s: PreparedSeries, extra: PriceSeries | undefined, asOf: IsoDate): MemberPE | null {
  if (figure === undefined || figure.date === null) return { value: pe, repriced: null };
  const atQuote = priceAt(figure, s, extra, asOf);
  const atAsOf = rawCloseOnOrBefore(s, undefined, toDayNumber(asOf), toDayNumber(asOf));
  if (atQuote === null || atAsOf === null) return null;
  return { value: pe * (atAsOf / atQuote), repriced: { atQuote, atAsOf } };
}

/**
 * The dates around which closes are needed beyond [historyStart, asOf]: a
 * dated cap (or, repricing P/Es, a dated P/E) whose quote has no price of its
 * own, dated outside the window's history. Per symbol, the earliest and
 * latest such date.
 */
export function quoteDatesOutside(
  chosen: ReadonlyMap<string, ChosenQuote>,
  symbols: readonly string[],
  historyStart: IsoDate,
  asOf: IsoDate,
  repricing: boolean,
): Map<string, { first: IsoDate; last: IsoDate }> {
  const out = new Map<string, { first: IsoDate; last: IsoDate }>();
  for (const symbol of symbols) {
    const c = chosen.get(symbol);
    if (!c) continue;
    const figures = [c.figures.marketCap, ...(repricing ? [c.figures.forwardPE, c.figures.trailingPE] : [])];
    for (const f of figures) {
      if (!f || f.date === null || (f.quote.price ?? null) !== null) continue;
      if (f.date >= historyStart && f.date <= asOf) continue;
      const known = out.get(symbol);
      out.set(symbol, known ? { first: f.date < known.first ? f.date : known.first, last: f.date > known.last ? f.date : known.last } : { first: f.date, last: f.date });
    }
  }
  return out;
}

/** Each member's market size (null when unknown); a cap with no price near its date is noted. */
export function memberSizes(
  symbols: readonly string[],
  chosen: ReadonlyMap<string, ChosenQuote>,
  prepared: (i: number) => PreparedSeries | null,
  closes: QuoteCloses | undefined,
  asOf: IsoDate,
  note: (issue: SymbolIssue) => void,
): (MarketSize | null)[] {
  return symbols.map((symbol, i) => {
    const p = prepared(i);
    if (!p) return null;
    const { size, unpriced } = marketSizeOf(chosen.get(symbol), p, closes?.get(symbol), asOf);
    if (unpriced !== null) {
      const then = size === null ? 'market value unknown' : 'market value from the share count';
      note({ symbol, code: 'no-market-value', message: `market cap dated ${unpriced} has no price on or within ${PRICE_AT_QUOTE_MAX_DAYS} days before that date to hold its share count at: ${then}` });
    }
    return size;
  });
}

/**
 * Each member's P/E of `field` as used: as of its own date, or with
 * `--pe-at as-of` repriced to the as-of date; one that cannot be repriced
 * (no price near its date) is left out, and noted.
 */
export function memberPEs(
  field: 'forwardPE' | 'trailingPE',
  symbols: readonly string[],
  chosen: readonly (ChosenQuote | undefined)[],
  prepared: (i: number) => PreparedSeries | null,
  closes: QuoteCloses | undefined,
  reprice: boolean,
  asOf: IsoDate,
  note: (issue: SymbolIssue) => void,
): MemberPE[] {
  return symbols.map((symbol, i) => {
    const c = chosen[i];
    const pe = c?.quote[field] ?? null;
    const p = prepared(i);
    if (!reprice || !p || pe === null) return { value: pe, repriced: null };
    const repriced = repricePE(pe, c?.figures[field], p, closes?.get(symbol), asOf);
    if (repriced === null) {
      const date = c?.figures[field]?.date ?? asOf;
      note({ symbol, code: field === 'forwardPE' ? 'no-forward-pe' : 'no-trailing-pe', message: `${LABELS[field]} dated ${date} has no price on or within ${PRICE_AT_QUOTE_MAX_DAYS} days before that date to reprice it to ${asOf}: left out` });
    }
    return repriced ?? { value: null, repriced: null };
  });
}
