/**
 * The HTML report's chart: an inline SVG of each basket's level (solid) and
 * its benchmark's (dashed), 100 at the start, on a calendar-day time axis.
 * One `<path>` per series with data, one point per close; gridlines, ticks
 * and labels are `<line>` and `<text>`. Pure; no script, no external
 * reference, colours from a palette that colour-blind readers can tell apart
 * (Okabe and Ito), with dashes so it also reads printed in grey.
 */
import { fromDayNumber, toDayNumber } from '../domain/calendar.js';
import type { Report } from '../report/types.js';
import { escapeHtml } from './escape.js';
import { legendReturn } from './describe.js';
import { dateTicks, dayRange, niceTicks, plotSeries, valueRange, type PlotSeries } from './plot.js';

/** Okabe–Ito: blue, vermillion, bluish green, reddish purple, orange. */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'] as const;

const VIEW = { width: 560, height: 300, left: 40, right: 14, top: 10, bottom: 26 } as const;
const BENCHMARK_DASH = '6 4';
/** Date labels closer than this (in viewBox units) to one already placed are left out. */
const LABEL_GAP = 100;

export const seriesColour = (s: PlotSeries) => SERIES_COLOURS[s.basket % SERIES_COLOURS.length] as string;
export const seriesDash = (s: PlotSeries) => (s.benchmark ? BENCHMARK_DASH : null);

const fixed = (x: number) => Number(x.toFixed(2)).toString();

export interface SvgChart {
  /** The `<svg>` element. */
  readonly svg: string;
  /** The series in the legend's order (those without data have no path). */
  readonly series: readonly PlotSeries[];
}

/** The chart of the report's level series; the report must be built with levels. */
export function renderSvgChart(r: Report): SvgChart {
  const series = plotSeries(r);
  const days = dayRange(series);
  const values = valueRange(series);
  const title = `Level of each basket and benchmark, 100 at the last close before ${r.from}, to ${r.asOf}`;
  const desc = series.map((s) => `${s.label}: ${legendReturn(s.return)}`).join('; ');
  const open = `<svg class="chart" viewBox="0 0 ${VIEW.width} ${VIEW.height}" role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMidYMid meet"><title id="chart-title">${escapeHtml(title)}</title><desc id="chart-desc">${escapeHtml(desc)}</desc>`;
  if (!days || !values) {
    return { svg: `${open}<text x="${VIEW.width / 2}" y="${VIEW.height / 2}" text-anchor="middle" class="axis">no data in the window</text></svg>`, series };
  }
  const x0 = VIEW.left;
  const x1 = VIEW.width - VIEW.right;
  const y0 = VIEW.height - VIEW.bottom;
  const y1 = VIEW.top;
  const ticks = niceTicks(values.lo, values.hi, 9);
  const lo = ticks[0] as number;
  const hi = ticks.at(-1) as number;
  const step = ticks.length > 1 ? (ticks[1] as number) - lo : 1;
  const span = Math.max(1, days.last - days.first);
  const x = (day: number) => x0 + ((day - days.first) / span) * (x1 - x0);
  const y = (v: number) => y0 - ((v - lo) / (hi - lo)) * (y0 - y1);

  const parts: string[] = [open];
  for (const t of ticks) {
    parts.push(`<line class="${t === 100 ? 'base' : 'grid'}" x1="${x0}" x2="${x1}" y1="${fixed(y(t))}" y2="${fixed(y(t))}"/>`);
    parts.push(`<text class="axis" x="${x0 - 6}" y="${fixed(y(t) + 4)}" text-anchor="end">${t.toFixed(step >= 1 ? 0 : 1)}</text>`);
  }
  if (!ticks.includes(100) && lo < 100 && hi > 100) parts.push(`<line class="base" x1="${x0}" x2="${x1}" y1="${fixed(y(100))}" y2="${fixed(y(100))}"/>`);
  parts.push(`<line class="frame" x1="${x0}" x2="${x1}" y1="${y0}" y2="${y0}"/>`);

  const labels: { at: number; text: string; anchor: string }[] = [
    { at: x0, text: fromDayNumber(days.first), anchor: 'start' },
    { at: x1, text: fromDayNumber(days.last), anchor: 'end' },
  ];
  const clear = (at: number) => labels.every((l) => Math.abs(l.at - at) >= LABEL_GAP + (l.anchor === 'middle' ? 0 : LABEL_GAP / 2));
  for (const day of dateTicks(days.first, days.last, 8)) {
    const at = x(day);
    parts.push(`<line class="tick" x1="${fixed(at)}" x2="${fixed(at)}" y1="${y0}" y2="${y0 + 4}"/>`);
    if (clear(at)) labels.push({ at, text: fromDayNumber(day), anchor: 'middle' });
  }
  for (const l of labels) parts.push(`<text class="axis" x="${fixed(l.at)}" y="${VIEW.height - 8}" text-anchor="${l.anchor}">${l.text}</text>`);

  // benchmarks under baskets
  const drawn = [...series].sort((a, b) => Number(b.benchmark) - Number(a.benchmark));
  for (const s of drawn) {
    if (!s.levels || s.levels.dates.length === 0) continue;
    const levels = s.levels;
    const d = levels.dates.map((date, i) => `${i === 0 ? 'M' : 'L'}${fixed(x(toDayNumber(date)))} ${fixed(y(levels.values[i] as number))}`).join(' ');
    const dash = seriesDash(s);
    parts.push(
      `<path class="series" data-series="${escapeHtml(s.label)}" d="${d}" fill="none" stroke="${seriesColour(s)}" stroke-width="${s.benchmark ? 1.75 : 2.5}"${dash ? ` stroke-dasharray="${dash}"` : ''} stroke-linejoin="round" stroke-linecap="round"><title>${escapeHtml(`${s.label} ${legendReturn(s.return)}`)}</title></path>`,
    );
  }
  parts.push('</svg>');
  return { svg: parts.join(''), series };
}
