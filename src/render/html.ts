/**
 * The HTML renderer (`--format html`): one self-contained page (inline CSS
 * and SVG, no script, no font, image or link to fetch) with the headline
 * figures, a chart of the basket levels, the returns, valuation and member
 * tables, the methods used, the data notes and the data's provenance. It
 * reads on a phone (tables scroll sideways inside their box, the page does
 * not) and prints on A4 or Letter. Text from the data is escaped.
 */
import type { BasketReport, Report } from '../report/types.js';
import { comparisonFigures, describeBasis, describeCurrency, describeIssue, legendReturn, methodNotes, reportTitle } from './describe.js';
import { escapeHtml as esc } from './escape.js';
import { formatCoverage, formatMultiple, formatPercent } from './format.js';
import { cellText, extremesLine, toneOf, membersGrid, methodsGrid, returnsGrid, riskAndValueGrid, valuationGrid, type Grid, type GridCell } from './grids.js';
import { renderSvgChart, seriesColour, seriesDash } from './svg.js';

export interface HtmlOptions {
  /** When the page was made (provenance). */
  readonly generatedAt: Date;
  readonly version: string;
}

const STYLE = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --head: #f6f8fa; --gain: #1a7f37; --loss: #cf222e; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; }
p { margin: .4rem 0; }
.lede, .muted, figcaption { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: .75rem; margin: 1.25rem 0 0; }
.card { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; min-width: 0; }
.card h3 { font-size: .95rem; margin: 0; font-weight: 600; }
.card .value { font-size: 1.6rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.card p { margin: .1rem 0; font-size: .9rem; }
figure { margin: 1.5rem 0 0; }
svg.chart { display: block; width: 100%; max-width: 48rem; height: auto; font-family: inherit; }
svg .grid { stroke: #e6e9ed; stroke-width: 1; }
svg .base { stroke: #8c959f; stroke-width: 1; stroke-dasharray: 2 3; }
svg .frame, svg .tick { stroke: #8c959f; stroke-width: 1; }
svg .axis { fill: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
.legend { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; }
.legend li { white-space: nowrap; }
.swatch { display: inline-block; width: 2rem; height: 0; vertical-align: middle; margin-right: .4rem; border-top: 3px solid; }
.swatch.dashed { border-top-style: dashed; border-top-width: 2px; }
.swatch.none { opacity: .35; }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: .5rem; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; padding: .5rem .6rem; font-weight: 600; }
th, td { padding: .4rem .6rem; text-align: left; white-space: nowrap; border-top: 1px solid var(--line); }
thead th { background: var(--head); font-weight: 600; border-top: none; }
.num { text-align: right; }
tbody th { font-weight: 600; }
tr.benchmark th, tr.benchmark td { color: var(--muted); font-weight: 400; }
tr.benchmark th { padding-left: 1.5rem; }
tr.excluded th, tr.excluded td { color: var(--muted); font-style: italic; font-weight: 400; }
.gain { color: var(--gain); }
.loss { color: var(--loss); }
.trend { letter-spacing: -.05em; }
dl.methods { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.25rem; margin: 0; }
dl.methods dt { font-weight: 600; }
dl.methods dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
ul.notes { padding-left: 1.25rem; }
ul.notes li { overflow-wrap: anywhere; }
footer { margin-top: 2.5rem; padding-top: 1rem; border-top: 1px solid var(--line); font-size: .85rem; }
@media (max-width: 40rem) {
  body { font-size: 14px; }
  main { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.35rem; }
  dl.methods { grid-template-columns: 1fr; }
  dl.methods dd { margin-bottom: .4rem; }
  svg .axis { font-size: 19px; }
}
@media print {
  @page { margin: 14mm; }
  @page landscape { size: landscape; margin: 14mm; }
  section.wide { page: landscape; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  .cards { grid-template-columns: repeat(3, 1fr); }
  .scroll { overflow: visible; border: none; }
  table { font-size: 7.5pt; }
  th, td { padding: .15rem .25rem; }
  thead th, td.wrap { white-space: normal; }
  figure, .card, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  svg.chart { max-width: 16cm; }
}
`;

/** A members table with more columns than this prints on a landscape page. */
export const WIDE_COLUMNS = 12;

function cell(c: GridCell, right: boolean, tag: 'td' | 'th' = 'td', extra = ''): string {
  const cls = [right ? 'num' : '', c.tone ?? '', extra].filter((x) => x !== '').join(' ');
  return `<${tag}${cls ? ` class="${cls}"` : ''}>${esc(cellText(c))}</${tag}>`;
}

/** A grid as a table: figures in `num` cells, a tone as the cell's class, a benchmark's and a left-out member's row by their kind. */
function table(g: Grid): string {
  const right = g.align.map((a) => a === 'right');
  const head = g.head.map((h, i) => `<th scope="col"${right[i] ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const trendColumn = g.head.indexOf('Trend');
  const nameColumn = g.head.indexOf('Name'); // the long text column: it may wrap when printed
  const peColumn = g.head.indexOf('Fwd P/E'); // a member's P/E with its date: the date may go under it when printed
  const rows = g.rows
    .map((r) => {
      const cls = r.kind === 'benchmark' || r.kind === 'excluded' ? ` class="${r.kind}"` : '';
      return `<tr${cls}>${r.cells.map((c, i) => cell(c, right[i] === true, i === 0 ? 'th' : 'td', i === trendColumn ? 'trend' : i === nameColumn || i === peColumn ? 'wrap' : '')).join('').replace(/^<th/, '<th scope="row"')}</tr>`;
    })
    .join('\n');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
}

/** A grid under its title. */
const titled = (g: Grid) => `<h2>${esc(g.title)}</h2>${table(g)}`;

/** A return's tone as a class to append: ` gain`, ` loss` or nothing. */
const tone = (x: number | null) => {
  const t = toneOf(x, formatPercent(x));
  return t === null ? '' : ` ${t}`;
};

function basketCard(b: BasketReport): string {
  const bm = b.benchmarkResult;
  const lines = [
    `<p>${esc(formatCoverage(b.membersWithData))} members with data</p>`,
    bm ? `<p>benchmark ${esc(bm.symbol)}: <span class="${tone(bm.return).trim()}">${esc(legendReturn(bm.return))}</span></p>` : '',
    `<p>forward P/E ${esc(formatMultiple(b.forwardPE, b.forwardPEStatus))} (${esc(b.peMethod)}, ${esc(formatCoverage(b.peCoverage))})</p>`,
  ];
  return `<div class="card"><h3>${esc(b.name)}</h3><div class="value${tone(b.return)}">${esc(formatPercent(b.return))}</div>${lines.join('')}</div>`;
}

function comparisonCard(r: Report): string {
  const figures = comparisonFigures(r);
  if (figures.length === 0) return '';
  const value = (f: (typeof figures)[number]) => (f.emphasis ? `<strong>${esc(f.value)}</strong>` : esc(f.value));
  return `<div class="card"><h3>Comparison</h3>${figures.map((f) => `<p>${esc(f.label)}: ${value(f)}</p>`).join('')}</div>`;
}

/** The earliest start close and the latest end close among the members: the dates the figures rest on. */
function closesUsed(r: Report): { first: string | null; last: string | null } {
  const starts = r.baskets.flatMap((b) => b.members.flatMap((m) => (m.startDate ? [m.startDate] : []))).sort();
  const ends = r.baskets.flatMap((b) => b.members.flatMap((m) => (m.endDate ? [m.endDate] : []))).sort();
  return { first: starts[0] ?? null, last: ends.at(-1) ?? null };
}

/** The whole report as one HTML page, ending in a newline. */
export function renderHtml(r: Report, opts: HtmlOptions): string {
  const title = reportTitle(r);
  const chart = renderSvgChart(r);
  const legend = chart.series
    .map((s) => {
      const swatch = `<span class="swatch${seriesDash(s) ? ' dashed' : ''}${s.levels ? '' : ' none'}" style="border-top-color: ${seriesColour(s)}"></span>`;
      return `<li>${swatch}${esc(s.label)} <span class="${tone(s.return).trim()}">${esc(legendReturn(s.return))}</span></li>`;
    })
    .join('');
  const members = r.baskets
    .map((b) => {
      const extremes = extremesLine(b);
      const grid = membersGrid(r, b, false);
      // a members table with local and FX returns or periods prints on a landscape page
      const wide = grid.head.length > WIDE_COLUMNS ? ' class="wide"' : '';
      return `<section${wide}>${titled(grid)}${extremes ? `<p class="muted">${esc(extremes)}</p>` : ''}</section>`;
    })
    .join('\n');
  const used = closesUsed(r);
  const provenance: [string, string][] = [
    ['Data source', r.dataSource],
    ['Period', `${r.from} to ${r.asOf} (as of ${r.asOf})`],
    ['Closes used', used.first && used.last ? `${used.first} (start closes, the last before ${r.from}) to ${used.last}` : '—'],
    ['Prices', describeBasis(r)],
    ['Currency', describeCurrency(r)],
    ['Generated', `${opts.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')} by basket ${opts.version}`],
  ];
  const dl = (rows: readonly [string, string][]) => `<dl class="methods">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;

  const body = [
    `<header><h1>${esc(title)}</h1><p class="lede">${esc(`From ${r.from} to ${r.asOf} · ${describeBasis(r)} · ${describeCurrency(r)}`)}</p></header>`,
    `<section class="cards" aria-label="Summary">${r.baskets.map(basketCard).join('')}${comparisonCard(r)}</section>`,
    `<figure>${chart.svg}<ul class="legend">${legend}</ul><figcaption>${esc(`Each basket (solid) and its benchmark (dashed), 100 at the last close before ${r.from}; one point per trading day.`)}</figcaption></figure>`,
    ...[returnsGrid(r, false), riskAndValueGrid(r)].map((g) => `<section>${titled(g)}</section>`),
    members,
    ...[valuationGrid(r), methodsGrid(r)].map((g) => (g ? `<section>${titled(g)}</section>` : '')),
    `<section><h2>Methods</h2>${dl(methodNotes(r).map((n) => [n.label, n.text]))}</section>`,
    r.issues.length > 0
      ? `<section><h2>Data notes</h2><ul class="notes">${r.issues.map((i) => `<li>${esc(describeIssue(i))}</li>`).join('')}</ul></section>`
      : '',
    `<footer><h2>Provenance</h2>${dl(provenance)}</footer>`,
  ].filter((part) => part !== '');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="basket ${esc(opts.version)}">
<title>${esc(`${title}, ${r.from} to ${r.asOf}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
