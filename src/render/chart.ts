/**
 * The terminal chart (`basket chart`): each basket's level and its
 * benchmark's, rebased to 100 at the start, on a calendar-day time axis,
 * drawn with box-drawing lines in the given width and height. Each series has
 * its own line style (heavy, dashed, double, light), so the chart reads
 * without colour; colour comes only from the Chalk instance the CLI decided
 * on (level 0 = no escape codes at all).
 */
import type { ChalkInstance } from 'chalk';
import { fromDayNumber } from '../domain/calendar.js';
import type { Report } from '../report/types.js';
import { describeBasis, describeCurrency, describeWeights, legendReturn } from './describe.js';
import { truncateLine } from './fit.js';
import { dateTicks, dayRange, levelSampler, niceTicks, plotSeries, valueRange, type PlotSeries } from './plot.js';
import { displayWidth } from './width.js';

export interface ChartOptions {
  readonly chalk: ChalkInstance;
  /** Columns the chart may use (every line is at most this long). */
  readonly width: number;
  /** Lines the chart may use, legend included. */
  readonly height: number;
}

/** Below these the chart is drawn at this size anyway. */
export const MIN_WIDTH = 40;
export const MIN_HEIGHT = 12;

interface LineStyle {
  readonly name: string;
  /** horizontal, vertical, and the corners: down-right, left-down, up-right, left-up. */
  readonly h: string;
  readonly v: string;
  readonly dr: string;
  readonly ld: string;
  readonly ur: string;
  readonly lu: string;
}

/** Baskets and benchmarks alternate through these, so each series keeps a look of its own without colour. */
export const LINE_STYLES: readonly LineStyle[] = [
  { name: 'heavy', h: '━', v: '┃', dr: '┏', ld: '┓', ur: '┗', lu: '┛' },
  { name: 'dashed', h: '┄', v: '┆', dr: '╭', ld: '╮', ur: '╰', lu: '╯' },
  { name: 'double', h: '═', v: '║', dr: '╔', ld: '╗', ur: '╚', lu: '╝' },
  { name: 'light', h: '─', v: '│', dr: '┌', ld: '┐', ur: '└', lu: '┘' },
];

/** Colour families by basket (a basket and its benchmark share one); never red or green, which mean loss and gain. */
const COLOURS = ['cyan', 'magenta', 'yellow', 'blue', 'white'] as const;
type Colour = (typeof COLOURS)[number];

interface Cell {
  ch: string;
  colour: Colour | 'dim' | null;
}

function paint(cells: readonly Cell[], chalk: ChalkInstance): string {
  let out = '';
  let k = 0;
  while (k < cells.length) {
    const colour = (cells[k] as Cell).colour;
    let run = '';
    while (k < cells.length && (cells[k] as Cell).colour === colour) run += (cells[k++] as Cell).ch;
    out += colour === null ? run : colour === 'dim' ? chalk.dim(run) : chalk[colour](run);
  }
  return out;
}

/** `Level, 100 at the start · 2025-01-01 to 2025-03-07 · …`: as many of the parts as fit the width. */
function titleLine(r: Report, width: number): string {
  const parts = [
    'Level, 100 at the start',
    `${r.from} to ${r.asOf}`,
    describeCurrency(r),
    describeWeights(r),
    describeBasis(r),
    `data: ${r.dataSource}`,
  ];
  let line = truncateLine(parts[0] as string, width);
  for (const part of parts.slice(1)) {
    if (displayWidth(line) + 3 + displayWidth(part) > width) break;
    line += ` · ${part}`;
  }
  return line;
}

/**
 * The y-axis: the rows span the data (a little padded) so none is wasted, and
 * the labels go on the round levels inside it, at least two rows apart.
 */
function yAxis(min: number, max: number, plotHeight: number): { lo: number; hi: number; ticks: number[]; step: number } {
  const pad = (max - min) * 0.02 || 1;
  const lo = min - pad;
  const hi = max + pad;
  const rowsPerUnit = (plotHeight - 1) / (hi - lo);
  let best: number[] = [];
  let step = hi - lo;
  for (let asked = 2; asked <= plotHeight + 2; asked++) {
    const all = niceTicks(lo, hi, asked);
    const s = (all[1] as number) - (all[0] as number);
    const inside = all.filter((t) => t >= lo && t <= hi);
    // at least 2.5 rows from one label to the next, so rounding never puts two a row apart
    if (s * rowsPerUnit >= 2.5 && inside.length >= best.length) {
      best = inside;
      step = s;
    }
  }
  return { lo, hi, ticks: best, step };
}

function formatTick(value: number, step: number): string {
  const decimals = step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step)));
  return value.toFixed(decimals);
}

/** The x-axis: tick marks under the plot and date labels, the first and last date always shown. */
function xAxis(first: number, last: number, plotWidth: number): { marks: Set<number>; labels: string } {
  const column = (day: number) => (last === first ? 0 : Math.round(((day - first) / (last - first)) * (plotWidth - 1)));
  const labels = Array.from({ length: plotWidth }, () => ' ');
  const marks = new Set<number>();
  const taken: [number, number][] = [];
  const place = (text: string, start: number, col: number): boolean => {
    const end = start + text.length - 1;
    if (start < 0 || end >= plotWidth || taken.some(([a, b]) => start <= b + 2 && end >= a - 2)) return false;
    [...text].forEach((ch, i) => (labels[start + i] = ch));
    taken.push([start, end]);
    marks.add(col);
    return true;
  };
  const firstLabel = fromDayNumber(first);
  const lastLabel = fromDayNumber(last);
  place(firstLabel, 0, 0);
  if (last !== first) place(lastLabel, plotWidth - lastLabel.length, plotWidth - 1);
  for (const day of dateTicks(first, last, Math.floor(plotWidth / 12))) {
    const col = column(day);
    const text = fromDayNumber(day);
    place(text, col - Math.floor(text.length / 2), col);
  }
  return { marks, labels: labels.join('') };
}

function drawSeries(grid: Cell[][], s: PlotSeries, style: LineStyle, colour: Colour, columnDays: readonly number[], row: (v: number) => number): void {
  if (!s.levels) return;
  const at = levelSampler(s.levels);
  const height = grid.length;
  const put = (r: number, c: number, ch: string) => {
    const line = grid[height - 1 - r];
    if (line && r >= 0 && c >= 0 && c < line.length) line[c] = { ch, colour };
  };
  let prev: number | null = null;
  columnDays.forEach((day, c) => {
    const v = at(day);
    if (v === null) {
      prev = null;
      return;
    }
    const r = row(v);
    if (prev === null || prev === r) {
      put(r, c, style.h);
    } else if (r > prev) {
      put(prev, c, style.lu);
      for (let k = prev + 1; k < r; k++) put(k, c, style.v);
      put(r, c, style.dr);
    } else {
      put(prev, c, style.ld);
      for (let k = r + 1; k < prev; k++) put(k, c, style.v);
      put(r, c, style.ur);
    }
    prev = r;
  });
}

/** The chart as terminal text, ending in a newline; at most `width` columns and `height` lines. */
export function renderChart(r: Report, { chalk, width: askedWidth, height: askedHeight }: ChartOptions): string {
  const width = Math.max(MIN_WIDTH, Math.floor(askedWidth));
  const height = Math.max(MIN_HEIGHT, Math.floor(askedHeight));
  const series = plotSeries(r);
  const styleOf = (i: number) => LINE_STYLES[i % LINE_STYLES.length] as LineStyle;
  const colourOf = (s: PlotSeries) => COLOURS[s.basket % COLOURS.length] as Colour;
  const title = chalk.bold(titleLine(r, width));
  const legend = series.map((s, i) => {
    const style = styleOf(i);
    const sample = s.levels ? `${style.h}${style.h}${style.h}` : '   ';
    const text = truncateLine(` ${s.label} ${legendReturn(s.return)}`, width - sample.length);
    return `${s.levels ? paint([...sample].map((ch) => ({ ch, colour: colourOf(s) })), chalk) : sample}${text}`;
  });
  const days = dayRange(series);
  const values = valueRange(series);
  if (!days || !values) return `${title}\n${chalk.dim('no basket or benchmark has data in the window')}\n${legend.join('\n')}\n`;

  const plotHeight = Math.max(3, height - 1 - 2 - legend.length);
  const { lo, hi, ticks, step } = yAxis(values.lo, values.hi, plotHeight);
  const row = (v: number) => Math.round(((v - lo) / (hi - lo)) * (plotHeight - 1));
  const tickRows = new Map(ticks.map((t) => [row(t), formatTick(t, step)]));
  // a plot too short for any tick row has labels of no width (not -Infinity)
  const labelWidth = Math.max(0, ...[...tickRows.values()].map((l) => l.length));
  const plotWidth = width - labelWidth - 2;

  const grid: Cell[][] = Array.from({ length: plotHeight }, () => Array.from({ length: plotWidth }, (): Cell => ({ ch: ' ', colour: null })));
  if (lo <= 100 && hi >= 100) {
    const base = grid[plotHeight - 1 - row(100)];
    base?.forEach((_, c) => (base[c] = { ch: '·', colour: 'dim' }));
  }
  const columnDays = Array.from({ length: plotWidth }, (_, c) => days.first + (plotWidth === 1 ? 0 : ((days.last - days.first) * c) / (plotWidth - 1)));
  // benchmarks under baskets, the first basket on top
  const order = series.map((s, i) => ({ s, i })).sort((a, b) => Number(b.s.benchmark) - Number(a.s.benchmark) || b.i - a.i);
  for (const { s, i } of order) drawSeries(grid, s, styleOf(i), colourOf(s), columnDays, row);

  const axis = xAxis(days.first, days.last, plotWidth);
  const lines = grid.map((cells, k) => {
    const label = tickRows.get(plotHeight - 1 - k);
    return `${(label ?? '').padStart(labelWidth)} ${label === undefined ? '│' : '┤'}${paint(cells, chalk)}`.trimEnd();
  });
  const axisLine = `${' '.repeat(labelWidth)} └${Array.from({ length: plotWidth }, (_, c) => (axis.marks.has(c) ? '┬' : '─')).join('')}`;
  const labelLine = `${' '.repeat(labelWidth + 2)}${axis.labels}`.trimEnd();
  return `${[title, ...lines, axisLine, labelLine, ...legend].join('\n')}\n`;
}
