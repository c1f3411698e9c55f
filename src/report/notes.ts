/**
 * The report's notes: every exclusion and doubt about the data, in words,
 * each given once. build.ts decides the figures and calls these where a
 * figure leaves something out; the order they are called in is the order
 * the notes are printed in. Pure.
 */
import type { BasketDef } from '../config/basket.js';
import { daysBetween, fromDayNumber, toDayNumber } from '../domain/calendar.js';
import type { IsoDate, PriceSeries, SymbolIssue } from '../domain/types.js';
import { splitName } from './checks.js';
import { isFailure, type Failure, type PreparedSeries } from './pricing.js';
import type { BasketReport } from './types.js';
import { isPriced, type WindowMember, type WindowResult } from './window.js';

/** An end price older than this many days before the as-of date is flagged as stale. */
export const STALE_AFTER_DAYS = 10;

export type Note = (issue: SymbolIssue) => void;

/** Up to four symbols, then an ellipsis. */
const listed = (symbols: readonly string[]) => `${symbols.slice(0, 4).join(', ')}${symbols.length > 4 ? ', …' : ''}`;

/**
 * The report's list of notes, starting with the provider's, and the one way
 * to add to it: a symbol's note is kept once per kind; a note of a dated
 * event (or of no symbol) once per event.
 */
export function collectNotes(providerIssues: readonly SymbolIssue[]): { readonly issues: SymbolIssue[]; readonly note: Note } {
  const issues: SymbolIssue[] = [...providerIssues];
  const key = (i: SymbolIssue) => `${i.symbol}|${i.code}|${i.basket ?? ''}|${i.symbol === null || i.date !== undefined ? i.message : ''}`;
  const reported = new Set(issues.map(key));
  const note: Note = (issue) => {
    if (reported.has(key(issue))) return;
    reported.add(key(issue));
    issues.push(issue);
  };
  return { issues, note };
}

/** The recorded splits a member's closes still showed, which its preparation adjusted for. */
export function noteSplitsApplied(symbol: string, prepared: PreparedSeries | Failure | null, note: Note): void {
  if (!prepared || isFailure(prepared)) return;
  for (const s of prepared.splitsApplied) {
    const date = fromDayNumber(s.day);
    note({ symbol, code: 'split-adjusted', date, ratio: s.ratio, message: `the data records a ${splitName(s.ratio)} on ${date} that its closes still showed: closes before it adjusted` });
  }
}

const outOfBasket = (message: string) => message.replace(/left out$/, 'left out of the basket return');

/** Members whose history could not be used at all. */
export function notePreparationFailures(symbols: readonly string[], prepared: readonly (PreparedSeries | Failure | null)[], note: Note): void {
  prepared.forEach((p, i) => {
    if (isFailure(p)) note({ symbol: symbols[i] as string, code: p.code, message: outOfBasket(p.message) });
  });
}

/** The main window: members it could not price, end prices gone stale, members the weighting left out, and a basket with no return. */
export function noteMainWindow(def: BasketDef, main: WindowResult, prepared: readonly (PreparedSeries | Failure | null)[], window: { from: IsoDate; asOf: IsoDate }, note: Note): void {
  main.priced.forEach((p, i) => {
    const symbol = def.symbols[i] as string;
    if (p && isFailure(p) && !isFailure(prepared[i])) note({ symbol, ...p, message: outOfBasket(p.message) });
    if (isPriced(p)) {
      const age = daysBetween(p.endDate, window.asOf);
      if (age > STALE_AFTER_DAYS) note({ symbol, code: 'stale-price', message: `last close ${p.endDate} is ${age} days before ${window.asOf}` });
    }
  });
  if (main.weightingGap) {
    const gap = main.weightingGap;
    note({
      symbol: null,
      basket: def.id,
      code: gap.reason,
      message: gap.reason === 'mixed-currencies' ? `cap weights need one currency for all members: use --currency` : `market cap unknown for ${listed(gap.symbols)}: left out of the cap-weighted return`,
    });
  }
  if (main.return === null) note({ symbol: null, basket: def.id, code: 'basket-empty', message: `no member of ${def.id} has a return from ${window.from} to ${window.asOf}` });
}

/** The members a period's return leaves out, each with its reason (no close before the period, the usual one, noted together). */
export function notePeriodGaps(def: BasketDef, period: string, periodFrom: IsoDate, unpriced: readonly { symbol: string; failure: Failure }[], note: Note): void {
  const lacking = unpriced.filter((u) => u.failure.code === 'no-start-price').map((u) => u.symbol);
  if (lacking.length > 0) {
    note({ symbol: null, basket: def.id, code: 'no-start-price', message: `${period}: no close before ${periodFrom} for ${listed(lacking)}: left out of the ${period} return` });
  }
  for (const { symbol, failure } of unpriced.filter((u) => u.failure.code !== 'no-start-price')) {
    note({ symbol, basket: def.id, ...failure, message: `${period}: ${failure.message.replace(/ \([^)]*\): left out$|: left out$/, '')}: left out of the ${period} return` });
  }
}

/** Market values in members' own, different currencies: not added up. */
export function noteUnaddedMarketValues(def: BasketDef, main: WindowResult, note: Note): void {
  if (main.marketValues.some((v) => v !== null)) {
    note({ symbol: null, basket: def.id, code: 'mixed-currencies', message: 'members trade in different currencies: market values are not added up (use --currency)' });
  }
}

/** Members in the basket's return that the look-back window could not use (its level leaves them out). */
export function noteLookbackGaps(def: BasketDef, members: readonly WindowMember[], inReturn: (i: number) => boolean, note: Note): void {
  members.forEach((m, i) => {
    if (inReturn(i) && isFailure(m.prepared)) {
      note({ symbol: def.symbols[i] as string, basket: def.id, code: 'no-lookback', message: `left out of the look-back level of ${def.id}: ${m.prepared.message.replace(/: left out$/, '')}` });
    }
  });
}

/** Histories that start after the look-back start: their highest-since looks back only as far as they go. */
export function noteLateHistories(baskets: readonly BasketDef[], history: ReadonlyMap<string, PriceSeries>, lookbackStart: IsoDate, note: Note): void {
  const late = [...new Set(baskets.flatMap((b) => [...b.symbols, ...b.benchmarks]))].filter((s) => {
    const h = history.get(s);
    return h !== undefined && h.days.length > 0 && (h.days[0] as number) > toDayNumber(lookbackStart);
  });
  for (const s of late) {
    note({ symbol: s, code: 'no-lookback', message: `history starts ${fromDayNumber(history.get(s)?.days[0] as number)}, after the look-back start ${lookbackStart}: its highest-since looks back to then only` });
  }
}

/**
 * The provider's notes less those on fallback benchmarks no basket needed:
 * what the source said of one is beside the point (a basket whose every
 * candidate failed names them all in its benchmark-fallback note).
 */
export function withoutUnneededFallbacks(providerIssues: readonly SymbolIssue[], defs: readonly BasketDef[], baskets: readonly BasketReport[]): SymbolIssue[] {
  const used = new Set([...defs.flatMap((b) => [...b.symbols, b.benchmarks[0] ?? '']), ...baskets.map((b) => b.benchmark ?? '')]);
  const unneeded = new Set(defs.flatMap((b) => b.benchmarks.slice(1)).filter((s) => !used.has(s)));
  return unneeded.size === 0 ? [...providerIssues] : providerIssues.filter((i) => i.symbol === null || !unneeded.has(i.symbol));
}
