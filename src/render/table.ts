/**
 * The terminal renderer: the only user of chalk, and of the boxed tables
 * (box.ts, drawn as cli-table3 draws them). It maps the report's grids
 * (grids.ts, the same figures and tones as Markdown and HTML) to the
 * terminal: a gain green, a loss red, a benchmark's name indented and dim, a
 * left-out member's other cells dim; and fits them into the terminal's width
 * (fit.ts). Colour comes from the Chalk instance the CLI decided on (level 0
 * = plain text).
 */
import type { ChalkInstance } from 'chalk';
import type { BasketDef } from '../config/basket.js';
import type { SearchResult } from '../report/search.js';
import type { BasketReport, Report } from '../report/types.js';
import { comparisonFigures, headerParts, peDatesLine } from './describe.js';
import { formatText, formatUnsignedPercent, staleSummary, UNKNOWN } from './format.js';
import { fitTable, truncateLine, wrapJoined, wrapText, type FitSpec } from './fit.js';
import { extremesLine, membersGrid, methodsGrid, returnsGrid, riskAndValueGrid, valuationGrid, type Align, type Grid } from './grids.js';
import { drawBox } from './box.js';
import { basketExplanation, comparisonExplanation } from './explain.js';

export interface TableOptions {
  readonly chalk: ChalkInstance;
  /** A trend column (▁▂▃▄▅▆▇█) of each member's and basket's level; needs a report built with levels. */
  readonly sparklines?: boolean;
  /** The terminal's width: tables give way to fit it (fit.ts; README "Narrow terminals"). Absent or null: no limit. */
  readonly columns?: number | null;
}

/**
 * A width to fit, the columns dropped to fit it (for the note under the
 * tables), and columns to leave out of every members table; null: no limit.
 */
type Layout = { readonly width: number; readonly dropped: Set<string>; readonly memberDrops?: readonly string[] } | null;

const layoutFor = (columns: number | null): Layout => (columns ? { width: columns, dropped: new Set() } : null);

/** Text lines (titles, notes, sentences) wrapped at spaces to the layout's width, continuation lines indented. */
function fitLine(text: string, layout: Layout): string {
  return layout === null ? text : wrapText(text, layout.width, '  ');
}

/**
 * Columns dropped, in this order, when a table is wider than the terminal
 * (after headers wrap and names shorten). Columns not named stay; numbers are
 * never cut. Period columns (--periods) follow, the last one first.
 */
const MEMBER_DROP_ORDER = [['Start', 'End'], ['Start price', 'End price'], 'Weight', 'Mkt value chg', 'Contrib.', 'Trend', ['Local', 'FX'], 'Ccy'] as const;
const RETURNS_DROP_ORDER = ['Members', 'vs benchmark', 'Trend'] as const;
const RISK_DROP_ORDER = ['Trailing P/E', 'Highest since', 'Market value change', 'Max drawdown', 'Volatility', 'P/E coverage'] as const;
const VALUATION_DROP_ORDER = ['aggregate', 'mean', 'median'] as const;
const BASKET_LIST_DROP_ORDER = ['Source', 'Benchmark'] as const;
/** A member's name is cut to this many columns ("…"), so that a members table stays readable on any terminal. */
const MEMBER_NAME_WIDTH = 26;

/**
 * A boxed table with a rule under the header and none between body rows
 * (cli-table3's compact style), which reads faster and keeps a seven-member
 * basket to eleven lines.
 */
function boxTable(fullHead: readonly string[], fullRows: string[][], chalk: ChalkInstance, fullAlign: readonly Align[], layout: Layout = null, spec: FitSpec = {}): string {
  let head = fullHead;
  let rows = fullRows;
  let aligns = fullAlign;
  if (layout !== null) {
    const fitted = fitTable(fullHead, fullRows, layout.width, spec);
    head = fitted.head;
    aligns = fitted.kept.map((c) => fullAlign[c] ?? 'left');
    for (const name of fitted.dropped) layout.dropped.add(name);
    // a wrapped cell takes several lines: the row's other cells get as many, so rows stay level
    rows = fitted.rows.map((r) => {
      if (!r.some((cell) => cell.includes('\n'))) return r;
      const height = Math.max(...r.map((cell) => cell.split('\n').length));
      return r.map((cell) => cell + '\n'.repeat(height - cell.split('\n').length));
    });
  }
  return drawBox(head.map((h) => chalk.bold(h)), rows, aligns);
}

/**
 * A grid's rows as terminal text: a gain green, a loss red (the figure, not
 * its note), a benchmark's name indented and dim, a left-out member's
 * untoned cells dim. `shorten` may cut a cell's text first.
 */
function terminalRows(g: Grid, chalk: ChalkInstance, shorten: (text: string, column: number) => string = (text) => text): string[][] {
  return g.rows.map((row) =>
    row.cells.map((c, i) => {
      if (i === 0 && row.kind === 'benchmark') return chalk.dim(`  ${c.text}`);
      const text = shorten(c.text, i);
      const shown = c.tone === 'gain' ? chalk.green(text) : c.tone === 'loss' ? chalk.red(text) : row.kind === 'excluded' ? chalk.dim(text) : text;
      return c.note === undefined ? shown : `${shown} ${c.note}`;
    }),
  );
}

/** A members table before fitting: its grid, its rows as terminal text, and how it gives way to a narrow terminal. */
interface MembersTable {
  readonly grid: Grid;
  readonly rows: string[][];
  readonly spec: FitSpec;
}

function membersTable(r: Report, b: BasketReport, chalk: ChalkInstance, sparklines: boolean): MembersTable {
  const grid = membersGrid(r, b, sparklines);
  const name = grid.head.indexOf('Name');
  const rows = terminalRows(grid, chalk, (text, column) => (column === name ? truncateLine(text, MEMBER_NAME_WIDTH) : text));
  return { grid, rows, spec: { dropOrder: [...MEMBER_DROP_ORDER, ...[...r.periods].reverse()], flex: { column: name, mode: 'truncate', min: 16 } } };
}

function drawMembers(b: BasketReport, t: MembersTable, chalk: ChalkInstance, layout: Layout): string {
  const extremes = extremesLine(b);
  const spec: FitSpec = { ...t.spec, drop: layout?.memberDrops ?? [] };
  const table = boxTable(t.grid.head, t.rows, chalk, t.grid.align, layout, spec);
  return `${fitLine(chalk.bold(t.grid.title), layout)}\n${table}${extremes === null ? '' : fitLine(`\n${chalk.dim(extremes)}`, layout)}`;
}

/** A grid's table, its first column the one that wraps to give way; under its title when it has one here. */
function gridTable(g: Grid, chalk: ChalkInstance, layout: Layout, spec: FitSpec, { titled = false, head = g.head } = {}): string {
  const table = boxTable(head, terminalRows(g, chalk), chalk, g.align, layout, spec);
  return titled ? `${chalk.bold(g.title)}\n${table}` : table;
}

/** Sentences under the tables: the return spread and valuation discount (figures in bold), and the dates of the P/Es. */
function closingLines(r: Report, chalk: ChalkInstance): string[] {
  const dates = peDatesLine(r);
  return [...comparisonFigures(r).map((f) => `${f.label}: ${f.emphasis ? chalk.bold(f.value) : f.value}`), ...(dates === null ? [] : [chalk.dim(dates)])];
}

/** The whole comparison as terminal text, ending in a newline. */
export function renderTable(r: Report, { chalk, sparklines = false, columns = null }: TableOptions): string {
  const layout = layoutFor(columns);
  const stale = staleSummary(r.issues);
  const summary = headerParts(r, { sideBySide: false });
  const headerText = layout === null ? summary.join(' · ') : wrapJoined(summary, ' · ', layout.width).join('\n');
  const header = stale === null ? chalk.dim(headerText) : `${chalk.dim(headerText)}\n${fitLine(chalk.yellow(stale), layout)}`;
  const members = r.baskets.map((b) => membersTable(r, b, chalk, sparklines));
  // every members table shows the same columns: what one must leave out to fit, all leave out
  const memberDrops = layout === null ? [] : [...new Set(members.flatMap((t) => fitTable(t.grid.head, t.rows, layout.width, t.spec).dropped))];
  const membersLayout: Layout = layout && { ...layout, memberDrops };
  const explained = (b: BasketReport) => basketExplanation(b).map((l) => fitLine(l, layout)).join('\n');
  const parts = [header, ...r.baskets.map((b, i) => [drawMembers(b, members[i] as MembersTable, chalk, membersLayout), ...(b.inputs ? [explained(b)] : [])].join('\n\n'))];
  parts.push(gridTable(returnsGrid(r, sparklines), chalk, layout, { dropOrder: [...RETURNS_DROP_ORDER, ...[...r.periods].reverse()], flex: { column: 0, mode: 'wrap', min: 18 } }));
  parts.push(gridTable(riskAndValueGrid(r), chalk, layout, { dropOrder: RISK_DROP_ORDER, flex: { column: 0, mode: 'wrap', min: 18 } }));
  const valuation = valuationGrid(r);
  // the title above says what the rows are: the corner stays blank, to keep the first column narrow
  if (valuation) parts.push(gridTable(valuation, chalk, layout, { dropOrder: VALUATION_DROP_ORDER, flex: { column: 0, mode: 'wrap', min: 14 } }, { titled: true, head: ['', ...valuation.head.slice(1)] }));
  const methods = methodsGrid(r);
  if (methods) parts.push(gridTable(methods, chalk, layout, { flex: { column: 0, mode: 'wrap', min: 14 } }, { titled: true }));
  const lines = closingLines(r, chalk);
  if (lines.length > 0) parts.push(lines.map((l) => fitLine(l, layout)).join('\n'));
  const comparisonTrail = comparisonExplanation(r);
  if (comparisonTrail.length > 0) parts.push(comparisonTrail.map((l) => fitLine(l, layout)).join('\n'));
  if (layout !== null && layout.dropped.size > 0) {
    const note = `Columns left out to fit ${layout.width} columns: ${[...layout.dropped].join(', ')} (a wider terminal, or --format csv or json, shows every one)`;
    parts.push(fitLine(chalk.dim(note), layout));
  }
  return `${parts.join('\n\n')}\n`;
}

/** The `basket baskets` listing. */
export function renderBasketList(baskets: readonly BasketDef[], configFile: string | null, { chalk, columns = null }: TableOptions): string {
  const symbols = (b: BasketDef) =>
    b.symbols.map((s, i) => (b.weights ? `${s} ${formatUnsignedPercent(b.weights[i] ?? null)}` : s)).join(' ');
  const rows = baskets.map((b) => [b.id, b.name, symbols(b), b.benchmarks.length > 0 ? b.benchmarks.join(' → ') : UNKNOWN, b.source]);
  const note = configFile ? `Config: ${configFile}` : 'Config: none found (presets only)';
  const layout = layoutFor(columns);
  const table = boxTable(['Id', 'Name', 'Symbols', 'Benchmark', 'Source'], rows, chalk, [], layout, { dropOrder: BASKET_LIST_DROP_ORDER, flex: { column: 2, mode: 'wrap', min: 16 } });
  const left = layout !== null && layout.dropped.size > 0 ? `; columns left out to fit ${layout.width} columns: ${[...layout.dropped].join(', ')} (--format json shows all)` : '';
  return `${table}\n${fitLine(chalk.dim(`${note}${left}`), layout)}\n`;
}

/** The `basket search` matches: symbol, name, exchange, type, currency; a sentence when nothing was found. */
export function renderSymbolMatches(result: SearchResult, { chalk, columns = null }: TableOptions): string {
  if (result.matches.length === 0) return `No symbol found on Yahoo Finance for "${result.searched}".\n`;
  const rows = result.matches.map((m) => [chalk.bold(m.symbol), formatText(m.name), formatText(m.exchange), formatText(m.type), formatText(m.currency)]);
  const layout = layoutFor(columns);
  return `${boxTable(['Symbol', 'Name', 'Exchange', 'Type', 'Currency'], rows, chalk, [], layout, { dropOrder: ['Type', 'Exchange'], flex: { column: 1, mode: 'wrap', min: 16 } })}\n`;
}
