/**
 * The terminal renderer: the only user of chalk, and of cli-table3 through
 * box.ts. Colour comes from the Chalk instance the CLI decided on (level 0 =
 * plain text).
 */
import type { ChalkInstance } from 'chalk';
import type { BasketDef } from '../config/basket.js';
import type { SearchResult } from '../commands/search.js';
import type { BasketReport, LevelSeries, Report, Risk } from '../report/types.js';
import { describeBasis, describeCurrency, describePEAt, headlinePEMethod, highestLabel, peDatesLine, REBALANCE_NAMES, WEIGHT_NAMES } from './describe.js';
import {
  formatBillions,
  formatCoverage,
  formatDatedMultiple,
  formatMultiple,
  formatPercent,
  formatPoints,
  formatPrice,
  formatText,
  formatUnsignedPercent,
  staleSummary,
  UNKNOWN,
} from './format.js';
import { sparkline, SPARK_WIDTH } from './sparkline.js';
import { fitTable, wrapJoined, wrapText, type FitSpec } from './fit.js';
import { memberColumns } from './grids.js';
import { drawBox, type Align } from './box.js';

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

/** Text lines (titles, notes, sentences) wrapped at spaces to the layout's width, continuation lines indented. */
function fitLine(text: string, layout: Layout): string {
  return layout === null ? text : wrapText(text, layout.width, '  ');
}

/**
 * Columns dropped, in this order, when a table is wider than the terminal
 * (after headers wrap and names shorten). Columns not named stay; numbers are
 * never cut. Period columns (--periods) follow, the last one first.
 */
const MEMBER_DROP_ORDER = [['Start', 'End'], ['Start price', 'End price'], 'Weight', 'Mkt value chg', 'Contrib.', 'Trend', ['Local', 'FX'], 'Ccy'];
const RETURNS_DROP_ORDER = ['Members', 'vs benchmark', 'Trend'];
const RISK_DROP_ORDER = ['Trailing P/E', 'Highest since', 'Market value change', 'Max drawdown', 'Volatility', 'P/E coverage'];
const VALUATION_DROP_ORDER = ['aggregate', 'mean', 'median'];
const BASKET_LIST_DROP_ORDER = ['Source', 'Benchmark'];

/**
 * A boxed table with a rule under the header and none between body rows
 * (cli-table3's compact style), which reads faster and keeps a seven-member
 * basket to eleven lines.
 */
function boxTable(fullHead: string[], fullRows: string[][], chalk: ChalkInstance, fullRight: number[], layout: Layout = null, spec: FitSpec = {}): string {
  let head = fullHead;
  let rows = fullRows;
  let rightAligned = fullRight;
  if (layout !== null) {
    const fitted = fitTable(fullHead, fullRows, layout.width, spec);
    head = fitted.head;
    rows = fitted.rows;
    rightAligned = fitted.kept.flatMap((c, i) => (fullRight.includes(c) ? [i] : []));
    for (const name of fitted.dropped) layout.dropped.add(name);
    // a wrapped cell takes several lines: the row's other cells get as many, so rows stay level
    rows = rows.map((r) => {
      if (!r.some((cell) => cell.includes('\n'))) return r;
      const height = Math.max(...r.map((cell) => cell.split('\n').length));
      return r.map((cell) => cell + '\n'.repeat(height - cell.split('\n').length));
    });
  }
  const aligns = head.map((_, i): Align => (rightAligned.includes(i) ? 'right' : 'left'));
  return drawBox(head.map((h) => chalk.bold(h)), rows, aligns);
}

function signed(x: number | null, chalk: ChalkInstance): string {
  const text = formatPercent(x);
  if (x === null || text.startsWith('0.0')) return text;
  return x > 0 ? chalk.green(text) : chalk.red(text);
}

/** A level series as a sparkline: green when it ends above its start, red below. */
function trend(levels: LevelSeries | null | undefined, chalk: ChalkInstance): string {
  const first = levels?.values[0];
  const last = levels?.values.at(-1);
  if (!levels || first === undefined || last === undefined) return UNKNOWN;
  const line = sparkline(levels.values, SPARK_WIDTH);
  return last > first ? chalk.green(line) : last < first ? chalk.red(line) : line;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** A members table before fitting: header, coloured rows, right-aligned columns, and how it gives way to a narrow terminal. */
interface MembersGrid {
  readonly head: string[];
  readonly rows: string[][];
  readonly right: number[];
  readonly spec: FitSpec;
}

function membersGrid(r: Report, b: BasketReport, chalk: ChalkInstance, sparklines: boolean): MembersGrid {
  const converted = r.currency !== null;
  const money = b.members.some((m) => m.marketValueChange !== null);
  const rows = b.members.map((m) => {
    const dim = (s: string) => (m.included ? s : chalk.dim(s));
    return [
      dim(m.symbol),
      dim(truncate(formatText(m.name), 26)),
      dim(formatText(m.currency)),
      dim(formatText(m.startDate)),
      dim(formatPrice(m.startPrice)),
      dim(formatText(m.endDate)),
      dim(formatPrice(m.endPrice)),
      ...(converted ? [dim(formatPercent(m.localReturn)), dim(formatPercent(m.fxReturn))] : []),
      signed(m.return, chalk),
      ...(sparklines ? [trend(m.levels, chalk)] : []),
      ...m.periods.map((p) => signed(p.return, chalk)),
      dim(formatUnsignedPercent(m.weight)),
      dim(formatPercent(m.contribution)),
      dim(formatDatedMultiple(m.forwardPE, m.forwardPEDate, r.asOf)),
      ...(money ? [dim(formatBillions(m.marketValueChange, converted ? r.currency : m.currency))] : []),
    ];
  });
  const head = memberColumns(r, { sparklines, money, converted });
  const right = head.map((_, i) => i).filter((i) => i === 4 || i >= 6);
  const spec: FitSpec = { dropOrder: [...MEMBER_DROP_ORDER, ...[...r.periods].reverse()], flex: { column: 1, mode: 'truncate', min: 16 } };
  return { head, rows, right, spec };
}

function membersTable(b: BasketReport, grid: MembersGrid, chalk: ChalkInstance, layout: Layout = null): string {
  const extremes =
    b.best && b.worst
      ? `\n${chalk.dim(`Best ${b.best.symbol} ${formatPercent(b.best.return)} · worst ${b.worst.symbol} ${formatPercent(b.worst.return)}`)}`
      : '';
  const spec: FitSpec = { ...grid.spec, drop: layout?.memberDrops ?? [] };
  return `${fitLine(chalk.bold(`${b.name} (${b.id})`), layout)}\n${boxTable(grid.head, grid.rows, chalk, grid.right, layout, spec)}${fitLine(extremes, layout)}`;
}

/** Basket rows, each followed by its benchmark's row. */
function returnsTable(r: Report, chalk: ChalkInstance, sparklines = false, layout: Layout = null): string {
  const trendCell = (levels: LevelSeries | null | undefined) => (sparklines ? [trend(levels, chalk)] : []);
  const rows = r.baskets.flatMap((b) => {
    const main = [
      b.name,
      formatCoverage(b.membersWithData),
      signed(b.return, chalk),
      ...trendCell(b.levels),
      ...b.periods.map((p) => signed(p.return, chalk)),
      formatPercent(b.benchmarkResult?.excessReturn ?? null),
    ];
    const bm = b.benchmarkResult;
    if (!bm) return [main];
    return [main, [chalk.dim(`  benchmark ${bm.symbol}`), '', signed(bm.return, chalk), ...trendCell(bm.levels), ...bm.periods.map((p) => signed(p.return, chalk)), '']];
  });
  const head = ['Basket', 'Members', r.currency ? `Return ${r.currency}` : 'Return', ...(sparklines ? ['Trend'] : []), ...r.periods, 'vs benchmark'];
  const spec: FitSpec = { dropOrder: [...RETURNS_DROP_ORDER, ...[...r.periods].reverse()], flex: { column: 0, mode: 'wrap', min: 18 } };
  return boxTable(head, rows, chalk, head.map((_, i) => i).slice(1), layout, spec);
}

function riskAndValueTable(r: Report, chalk: ChalkInstance, layout: Layout = null): string {
  const highest = (risk: Risk | null) => (risk === null ? UNKNOWN : (risk.highestSince ?? highestLabel(r)));
  const rows = r.baskets.flatMap((b) => {
    const main = [
      b.name,
      formatUnsignedPercent(b.risk?.volatility ?? null),
      formatPercent(b.risk?.maxDrawdown ?? null),
      highest(b.risk),
      formatMultiple(b.forwardPE, b.forwardPEStatus),
      formatCoverage(b.peCoverage),
      formatMultiple(b.trailingPE, b.trailingPEStatus),
      `${formatBillions(b.marketValueChange, b.currency)} (${formatCoverage(b.marketValueCoverage)})`,
    ];
    const bm = b.benchmarkResult;
    if (!bm) return [main];
    const risk = bm.risk;
    return [main, [chalk.dim(`  benchmark ${bm.symbol}`), formatUnsignedPercent(risk?.volatility ?? null), formatPercent(risk?.maxDrawdown ?? null), highest(risk), '', '', '', '']];
  });
  const head = ['Basket', 'Volatility', 'Max drawdown', 'Highest since', `Fwd P/E (${headlinePEMethod(r)})`, 'P/E coverage', 'Trailing P/E', 'Market value change'];
  return boxTable(head, rows, chalk, [1, 2, 4, 5, 6, 7], layout, { dropOrder: RISK_DROP_ORDER, flex: { column: 0, mode: 'wrap', min: 18 } });
}

function valuationTable(r: Report, chalk: ChalkInstance, layout: Layout = null): string {
  const methods = ['harmonic', 'median', 'mean', 'aggregate'] as const;
  const cell = (b: BasketReport, basis: 'forward' | 'trailing', m: string) => {
    const v = b.valuation.find((x) => x.basis === basis && x.method === m);
    return v ? `${formatMultiple(v.value, v.status)} (${formatCoverage(v.coverage)})` : UNKNOWN;
  };
  const yieldCell = (b: BasketReport, m: string) => formatPercent(b.valuation.find((x) => x.basis === 'forward' && x.method === m)?.earningsYield ?? null, 2);
  const rows = r.baskets.flatMap((b) => [
    [`${b.name}, forward`, ...methods.map((m) => cell(b, 'forward', m))],
    [`${b.name}, forward earnings yield`, ...methods.map((m) => yieldCell(b, m))],
    [`${b.name}, trailing`, ...methods.map((m) => cell(b, 'trailing', m))],
  ]);
  const c = r.comparison;
  if (c) rows.push([`Discount ${c.basket} vs ${c.against}`, ...methods.map((m) => formatPercent(c.discounts[m]))]);
  const spec: FitSpec = { dropOrder: VALUATION_DROP_ORDER, flex: { column: 0, mode: 'wrap', min: 14 } };
  return `${chalk.bold('P/E by method (coverage)')}\n${boxTable(['', ...methods], rows, chalk, [1, 2, 3, 4], layout, spec)}`;
}

function methodsTable(r: Report, chalk: ChalkInstance, layout: Layout = null): string | null {
  const first = r.baskets.find((b) => b.alternatives !== null);
  if (!first?.alternatives) return null;
  const rows = first.alternatives.map((alt, k) => [
    `${WEIGHT_NAMES[alt.weights]}, ${REBALANCE_NAMES[alt.rebalance]}`,
    ...r.baskets.map((b) => {
      const a = b.alternatives?.[k];
      if (!a || a.weights !== alt.weights || a.rebalance !== alt.rebalance) return UNKNOWN;
      const partial = a.coverage.included < a.coverage.total ? ` (${formatCoverage(a.coverage)})` : '';
      return `${signed(a.return, chalk)}${partial}`;
    }),
  ]);
  const table = boxTable(['Method', ...r.baskets.map((b) => b.name)], rows, chalk, r.baskets.map((_, i) => i + 1), layout, { flex: { column: 0, mode: 'wrap', min: 14 } });
  return `${chalk.bold('Return by method')}\n${table}`;
}

function comparisonLines(r: Report, chalk: ChalkInstance): string[] {
  const c = r.comparison;
  if (!c) return [];
  const name = (id: string) => r.baskets.find((b) => b.id === id)?.name ?? id;
  const method = headlinePEMethod(r);
  const lines = [`Return of ${name(c.basket)} minus ${name(c.against)}: ${chalk.bold(formatPoints(c.returnSpread))}`];
  if (c.discount === null) {
    lines.push(`Valuation discount of ${name(c.basket)} vs ${name(c.against)}: ${UNKNOWN} (a forward P/E is unknown or not meaningful)`);
  } else {
    const word = c.discount >= 0 ? 'discount' : 'premium';
    const text = `${(Math.abs(c.discount) * 100).toFixed(1)}% ${word}`;
    lines.push(`Valuation of ${name(c.basket)} vs ${name(c.against)} on forward P/E (${method}): ${chalk.bold(text)}`);
  }
  return lines;
}

/**
 * The period-and-methods line over the tables. Not describe.ts's headerLine
 * (Markdown): the terminal's leaves out the "(every method side by side)"
 * notes under --weights all and --pe-method all.
 */
function terminalHeaderLine(r: Report): string {
  const weights = `${WEIGHT_NAMES[r.method.weights] ?? r.method.weights}, ${REBALANCE_NAMES[r.method.rebalance]}`;
  const pe = `P/E ${headlinePEMethod(r)}, losses ${r.method.negativePE === 'exclude' ? 'excluded' : 'included'}${describePEAt(r)}`;
  return `From ${r.from} to ${r.asOf} · ${describeBasis(r)} · ${describeCurrency(r)} · ${weights} · ${pe} · data: ${r.dataSource}`;
}

/** The whole comparison as terminal text, ending in a newline. */
export function renderTable(r: Report, { chalk, sparklines = false, columns = null }: TableOptions): string {
  const layout: Layout = columns ? { width: columns, dropped: new Set() } : null;
  const stale = staleSummary(r.issues);
  const headerText = layout === null ? terminalHeaderLine(r) : wrapJoined(terminalHeaderLine(r).split(' · '), ' · ', layout.width).join('\n');
  const header = stale === null ? chalk.dim(headerText) : `${chalk.dim(headerText)}\n${fitLine(chalk.yellow(stale), layout)}`;
  const grids = r.baskets.map((b) => membersGrid(r, b, chalk, sparklines));
  // every members table shows the same columns: what one must leave out to fit, all leave out
  const memberDrops = layout === null ? [] : [...new Set(grids.flatMap((g) => fitTable(g.head, g.rows, layout.width, g.spec).dropped))];
  const membersLayout: Layout = layout && { ...layout, memberDrops };
  const members = r.baskets.map((b, i) => membersTable(b, grids[i] as MembersGrid, chalk, membersLayout));
  const parts = [header, ...members, returnsTable(r, chalk, sparklines, layout), riskAndValueTable(r, chalk, layout)];
  if (r.method.peMethod === 'all') parts.push(valuationTable(r, chalk, layout));
  const methods = methodsTable(r, chalk, layout);
  if (methods) parts.push(methods);
  const dates = peDatesLine(r);
  const lines = [...comparisonLines(r, chalk), ...(dates === null ? [] : [chalk.dim(dates)])];
  if (lines.length > 0) parts.push(lines.map((l) => fitLine(l, layout)).join('\n'));
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
  const layout: Layout = columns ? { width: columns, dropped: new Set() } : null;
  const table = boxTable(['Id', 'Name', 'Symbols', 'Benchmark', 'Source'], rows, chalk, [], layout, { dropOrder: BASKET_LIST_DROP_ORDER, flex: { column: 2, mode: 'wrap', min: 16 } });
  const left = layout !== null && layout.dropped.size > 0 ? `; columns left out to fit ${layout.width} columns: ${[...layout.dropped].join(', ')} (--format json shows all)` : '';
  return `${table}\n${fitLine(chalk.dim(`${note}${left}`), layout)}\n`;
}

/** The `basket search` matches: symbol, name, exchange, type, currency; a sentence when nothing was found. */
export function renderSymbolMatches(result: SearchResult, { chalk, columns = null }: TableOptions): string {
  if (result.matches.length === 0) return `No symbol found on Yahoo Finance for "${result.searched}".\n`;
  const rows = result.matches.map((m) => [chalk.bold(m.symbol), formatText(m.name), formatText(m.exchange), formatText(m.type), formatText(m.currency)]);
  const layout: Layout = columns ? { width: columns, dropped: new Set() } : null;
  return `${boxTable(['Symbol', 'Name', 'Exchange', 'Type', 'Currency'], rows, chalk, [], layout, { dropOrder: ['Type', 'Exchange'], flex: { column: 1, mode: 'wrap', min: 16 } })}\n`;
}
