/** Notes providers give in the same words whatever the source. */
import type { IsoDate, SymbolIssue } from './types.js';

/** How many of the dates left out a note lists before `…`. */
export const DATES_LISTED = 3;

/**
 * The note on the bars a source left out for want of a usable close: `what`
 * they were, in the source's terms (`bar(s) without a usable close`), how
 * many, and the first dates.
 */
export function barsSkipped(symbol: string, what: string, count: number, firstDates: readonly IsoDate[]): SymbolIssue {
  const listed = firstDates.slice(0, DATES_LISTED).join(', ');
  return { symbol, code: 'bars-skipped', message: `${count} ${what} left out (${listed}${count > DATES_LISTED ? ', …' : ''})` };
}
