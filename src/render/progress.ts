/**
 * A progress bar for long fetches and loads, on a terminal's stderr: one
 * line redrawn in place with a bar, `done/total` and the symbol just
 * finished, erased when the work is done (or fails). Drawn only for more than
 * PROGRESS_MIN_SYMBOLS symbols; cli.ts only makes one when stderr is a
 * terminal and --quiet is off, so a pipe or a file never gets any of it.
 */
import type { ProgressSink } from '../providers/provider.js';
import { truncateLine } from './fit.js';
import { displayWidth } from './width.js';

/** A bar is drawn only for more symbols than this: a short fetch ends before a bar would help. */
export const PROGRESS_MIN_SYMBOLS = 30;
/** Redraws at most this often (the last one always): a terminal need not repaint on every symbol of thousands. */
export const PROGRESS_INTERVAL_MS = 80;
/** The width of a terminal that does not say. */
const DEFAULT_COLUMNS = 80;
const PREFIX = 'basket: ';
const BAR_MAX = 40;
const BAR_MIN = 10;

/**
 * One line of at most `width` columns: `basket: [████░░░░]  123/500  AAPL`.
 * The bar is `done / total` of its width, rounded down (full only when done);
 * it narrows (to BAR_MIN) before the symbol is cut, and is left out when even
 * that does not fit. `done` is clamped to [0, total].
 */
export function formatProgress(done: number, total: number, symbol: string, width: number): string {
  const shown = Math.min(Math.max(0, done), total);
  const digits = String(total).length;
  const counts = `${String(shown).padStart(digits)}/${total}`;
  const room = width - PREFIX.length - counts.length;
  const barWidth = Math.min(BAR_MAX, room - 2 - 2 - Math.min(displayWidth(symbol) + 2, 12));
  let line: string;
  if (barWidth >= BAR_MIN) {
    const filled = total > 0 ? Math.floor((barWidth * shown) / total) : barWidth;
    line = `${PREFIX}[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}]  ${counts}  ${symbol}`;
  } else {
    line = `${PREFIX}${counts}  ${symbol}`;
  }
  if (displayWidth(line) <= width) return line;
  return width <= 0 ? '' : truncateLine(line, width);
}

/** Where a bar is drawn: a terminal's stderr (its width read on every redraw, as the window may change). */
export interface ProgressOutput {
  write(chunk: string): unknown;
  readonly columns?: number | undefined;
}

export interface ProgressBar {
  /** Told each symbol as it finishes: redraws the line (at most every PROGRESS_INTERVAL_MS), erases it at the end. */
  readonly update: ProgressSink;
  /** Erases the line if one is drawn (before other output, or when the work stops early). */
  clear(): void;
}

/** A bar drawn on `out`; `now` in milliseconds (tests pass a fake clock). */
export function progressBar(out: ProgressOutput, now: () => number = () => performance.now()): ProgressBar {
  let drawn = false;
  let last = Number.NEGATIVE_INFINITY;
  const clear = () => {
    if (!drawn) return;
    out.write('\r\x1b[K');
    drawn = false;
  };
  const update: ProgressSink = (done, total, symbol) => {
    if (total <= PROGRESS_MIN_SYMBOLS) return;
    if (done >= total) {
      clear();
      last = Number.NEGATIVE_INFINITY;
      return;
    }
    const t = now();
    if (drawn && t - last < PROGRESS_INTERVAL_MS) return;
    // one column short of the width: writing the last column makes some terminals wrap
    const width = (out.columns !== undefined && out.columns > 0 ? out.columns : DEFAULT_COLUMNS) - 1;
    out.write(`\r${formatProgress(done, total, symbol, width)}\x1b[K`);
    drawn = true;
    last = t;
  };
  return { update, clear };
}
