/**
 * The bad-series checks of one window, for the report. Pure. Each window the
 * report prices (the main one, each period's, the look-back) is checked on
 * its own, so that asking for another window never changes this one's
 * figures: a flag in 2023 concerns the 3y return, not the year to date.
 */
import type { SuspectSplitPolicy } from '../domain/options.js';
import { fromDayNumber } from '../domain/calendar.js';
import { lastIndexBefore, lastIndexOnOrBefore } from '../domain/series.js';
import { findGaps, findJumps } from '../analytics/series-checks.js';
import type { SymbolIssue } from '../domain/types.js';
import type { Failure, PreparedSeries, Span } from './pricing.js';


export interface CheckOptions {
  /** A gap of more calendar days than this between two closes is flagged. */
  readonly maxGapDays: number;
  /** A one-day move beyond this fraction is flagged. */
  readonly maxDailyMove: number;
  readonly suspectSplits: SuspectSplitPolicy;
}

/** `3-for-1 split`, `1-for-2 reverse split`. */
export const splitName = (ratio: number) => (ratio >= 1 ? `${ratio}-for-1 split` : `1-for-${Math.round(1 / ratio)} reverse split`);

/**
 * Notes every gap and large one-day move of `s` within `span` (from the
 * window's base close to its last), and a move that looks like an unadjusted
 * split as `suspect-split` with its date and ratio. Returns a Failure (the
 * member is left out of this window) only for a suspect split under `drop`.
 */
export function checkWindow(s: PreparedSeries, span: Span, opts: CheckOptions, note: (issue: SymbolIssue) => void): Failure | null {
  const symbol = s.symbol;
  const i0 = Math.max(0, lastIndexBefore(s.days, span.fromDay));
  const i1 = lastIndexOnOrBefore(s.days, span.asOfDay);
  for (const g of findGaps(s.days, opts.maxGapDays, i0, i1 + 1)) {
    note({ symbol, code: 'gap-in-data', message: `no close from ${fromDayNumber(g.from)} to ${fromDayNumber(g.to)} (${g.days} days): check the data` });
  }
  let failure: Failure | null = null;
  for (const j of findJumps(s.days, s.prices, opts.maxDailyMove, i0, i1 + 1)) {
    const date = fromDayNumber(j.day);
    const move = `${j.move > 0 ? 'rose' : 'fell'} ${(Math.abs(j.move) * 100).toFixed(1)}% on ${date}`;
    if (j.splitRatio === null) {
      note({ symbol, code: 'large-move', message: `close ${move}: check the data` });
      continue;
    }
    const looks = `close ${move}, as an unadjusted ${splitName(j.splitRatio)} would`;
    if (opts.suspectSplits === 'drop') {
      // the caller notes the failure, with the window it is left out of
      failure ??= { code: 'suspect-split', date, ratio: j.splitRatio, message: `${looks}: left out` };
    } else {
      note({ symbol, code: 'suspect-split', date, ratio: j.splitRatio, message: `${looks}: kept in, check the data (--suspect-splits drop leaves it out)` });
    }
  }
  return failure;
}
