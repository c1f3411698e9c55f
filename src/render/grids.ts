/**
 * The report's tables, built once for every renderer: each a grid of a
 * title, headers, each column's alignment and rows of cells, a cell holding
 * its text and its tone (a gain or a loss), a row its kind (a benchmark under
 * its basket, a member left out of the basket). The terminal (table.ts),
 * Markdown and HTML only map a grid to their medium: colour or none, a class,
 * markup. Pure; no colour, no markup, no escaping.
 */
import type { BasketReport, BenchmarkReport, LevelSeries, Report, Risk } from '../report/types.js';
import { REBALANCE_NAMES, WEIGHT_NAMES, headlinePEMethod, highestLabel } from './describe.js';
import {
  formatBillions,
  formatCoverage,
  formatDatedMultiple,
  formatMultiple,
  formatPercent,
  formatPrice,
  formatText,
  formatUnsignedPercent,
  UNKNOWN,
} from './format.js';
import { sparkline, SPARK_WIDTH } from './sparkline.js';

/** A figure's direction: `gain` above zero, `loss` below; null for text, unknown, or a figure shown as zero. */
export type Tone = 'gain' | 'loss' | null;
export type Align = 'left' | 'right';

export interface GridCell {
  readonly text: string;
  /** The tone of `text`: a medium that colours text colours `text` only; one that marks cells marks the cell. */
  readonly tone: Tone;
  /** Plain words after the text, such as a coverage `(6/7)`; never toned. */
  readonly note?: string;
}

export interface GridRow {
  /** `benchmark`: the row under its basket, shown muted; `excluded`: a member left out of the basket, shown muted. */
  readonly kind: 'basket' | 'benchmark' | 'member' | 'excluded' | 'plain';
  readonly cells: readonly GridCell[];
}

export interface Grid {
  /** What the table shows: `Returns`, `China tech titans (titans)`. */
  readonly title: string;
  readonly head: readonly string[];
  /** Figures right-aligned, text left. */
  readonly align: readonly Align[];
  readonly rows: readonly GridRow[];
}

/** A cell's whole text: its text and its note. */
export const cellText = (c: GridCell) => (c.note === undefined ? c.text : `${c.text} ${c.note}`);

/** The tone of a figure `x` shown as `shown`: it follows the sign shown (`+` gain, `-` loss), so none for a figure that rounds to zero. */
export const toneOf = (x: number | null, shown: string): Tone => (x === null ? null : shown.startsWith('+') ? 'gain' : shown.startsWith('-') ? 'loss' : null);

const plain = (text: string): GridCell => ({ text, tone: null });
/** A signed figure, a percentage unless shown otherwise, toned by toneOf. */
const signed = (x: number | null, text = formatPercent(x), note?: string): GridCell => ({ text, tone: toneOf(x, text), ...(note === undefined ? {} : { note }) });
/** A sparkline, a gain when the series ends above its start and a loss below. */
const trend = (levels: LevelSeries | null | undefined): GridCell => {
  const first = levels?.values[0];
  const last = levels?.values.at(-1);
  if (!levels || first === undefined || last === undefined) return plain(UNKNOWN);
  return { text: sparkline(levels.values, SPARK_WIDTH), tone: last > first ? 'gain' : last < first ? 'loss' : null };
};

const grid = (title: string, head: string[], right: (i: number) => boolean, rows: GridRow[]): Grid => ({
  title,
  head,
  align: head.map((_, i) => (right(i) ? 'right' : 'left')),
  rows,
});

/** A row for each basket, then one for its benchmark (named, then `benchmark`'s cells) where it has one. */
function basketRows(r: Report, basket: (b: BasketReport) => GridCell[], benchmark: (bm: BenchmarkReport) => GridCell[]): GridRow[] {
  return r.baskets.flatMap((b): GridRow[] => {
    const main: GridRow = { kind: 'basket', cells: [plain(b.name), ...basket(b)] };
    const bm = b.benchmarkResult;
    return bm ? [main, { kind: 'benchmark', cells: [plain(`benchmark ${bm.symbol}`), ...benchmark(bm)] }] : [main];
  });
}

/** Each basket, then its benchmark: members with data, return, trend, periods, return over the benchmark's. */
export function returnsGrid(r: Report, sparklines: boolean): Grid {
  const trendCells = (levels: LevelSeries | null | undefined) => (sparklines ? [trend(levels)] : []);
  const rows = basketRows(
    r,
    (b) => [
      plain(formatCoverage(b.membersWithData)),
      signed(b.return),
      ...trendCells(b.levels),
      ...b.periods.map((p) => signed(p.return)),
      signed(b.benchmarkResult?.excessReturn ?? null),
    ],
    (bm) => [plain(''), signed(bm.return), ...trendCells(bm.levels), ...bm.periods.map((p) => signed(p.return)), plain('')],
  );
  const head = ['Basket', 'Members', r.currency ? `Return ${r.currency}` : 'Return', ...(sparklines ? ['Trend'] : []), ...r.periods, 'vs benchmark'];
  return grid('Returns', head, (i) => i > 0, rows);
}

/** Volatility, drawdown, highest since, P/Es with coverage, market value change with coverage; a benchmark's risk under its basket. */
export function riskAndValueGrid(r: Report): Grid {
  const highest = (risk: Risk | null) => (risk === null ? UNKNOWN : (risk.highestSince ?? highestLabel(r)));
  const riskCells = (risk: Risk | null) => [plain(formatUnsignedPercent(risk?.volatility ?? null)), signed(risk?.maxDrawdown ?? null), plain(highest(risk))];
  const rows = basketRows(
    r,
    (b) => [
      ...riskCells(b.risk),
      plain(formatMultiple(b.forwardPE, b.forwardPEStatus)),
      plain(formatCoverage(b.peCoverage)),
      plain(formatMultiple(b.trailingPE, b.trailingPEStatus)),
      signed(b.marketValueChange, formatBillions(b.marketValueChange, b.currency), `(${formatCoverage(b.marketValueCoverage)})`),
    ],
    (bm) => [...riskCells(bm.risk), ...['', '', '', ''].map(plain)],
  );
  const head = ['Basket', 'Volatility', 'Max drawdown', 'Highest since', `Fwd P/E (${headlinePEMethod(r)})`, 'P/E coverage', 'Trailing P/E', 'Market value change'];
  return grid('Risk and valuation', head, (i) => i > 0 && i !== 3, rows);
}

/** One basket's members: prices and dates, returns (local and FX under --currency), trend, periods, weight, contribution, P/E, market value change. */
export function membersGrid(r: Report, b: BasketReport, sparklines: boolean): Grid {
  const converted = r.currency !== null;
  const money = b.members.some((m) => m.marketValueChange !== null);
  const rows = b.members.map(
    (m): GridRow => ({
      kind: m.included ? 'member' : 'excluded',
      cells: [
        plain(m.symbol),
        plain(formatText(m.name)),
        plain(formatText(m.currency)),
        plain(formatText(m.startDate)),
        plain(formatPrice(m.startPrice)),
        plain(formatText(m.endDate)),
        plain(formatPrice(m.endPrice)),
        ...(converted ? [signed(m.localReturn), signed(m.fxReturn)] : []),
        signed(m.return),
        ...(sparklines ? [trend(m.levels)] : []),
        ...m.periods.map((p) => signed(p.return)),
        plain(formatUnsignedPercent(m.weight)),
        signed(m.contribution),
        plain(formatDatedMultiple(m.forwardPE, m.forwardPEDate, r.asOf)),
        ...(money ? [signed(m.marketValueChange, formatBillions(m.marketValueChange, converted ? r.currency : m.currency))] : []),
      ],
    }),
  );
  const head = [
    ...['Symbol', 'Name', 'Ccy', 'Start', 'Start price', 'End', 'End price'],
    ...(converted ? ['Local', 'FX'] : []),
    converted ? `Return ${r.currency}` : 'Return',
    ...(sparklines ? ['Trend'] : []),
    ...r.periods,
    ...['Weight', 'Contrib.', 'Fwd P/E'],
    ...(money ? ['Mkt value chg'] : []),
  ];
  return grid(`${b.name} (${b.id})`, head, (i) => i === 4 || i >= 6, rows);
}

/** `Best 0981.HK +72.2% · worst 9999.HK +16.3%`, or null. */
export function extremesLine(b: BasketReport): string | null {
  return b.best && b.worst ? `Best ${b.best.symbol} ${formatPercent(b.best.return)} · worst ${b.worst.symbol} ${formatPercent(b.worst.return)}` : null;
}

const PE_METHODS = ['harmonic', 'median', 'mean', 'aggregate'] as const;

/** With --pe-method all: every basis × method with coverage, the forward earnings yields, and the discounts. */
export function valuationGrid(r: Report): Grid | null {
  if (r.method.peMethod !== 'all') return null;
  const cell = (b: BasketReport, basis: 'forward' | 'trailing', m: string) => {
    const v = b.valuation.find((x) => x.basis === basis && x.method === m);
    return plain(v ? `${formatMultiple(v.value, v.status)} (${formatCoverage(v.coverage)})` : UNKNOWN);
  };
  const yieldCell = (b: BasketReport, m: string) => plain(formatPercent(b.valuation.find((x) => x.basis === 'forward' && x.method === m)?.earningsYield ?? null, 2));
  const rows: GridRow[] = r.baskets.flatMap((b): GridRow[] => [
    { kind: 'plain', cells: [plain(`${b.name}, forward`), ...PE_METHODS.map((m) => cell(b, 'forward', m))] },
    { kind: 'plain', cells: [plain(`${b.name}, forward earnings yield`), ...PE_METHODS.map((m) => yieldCell(b, m))] },
    { kind: 'plain', cells: [plain(`${b.name}, trailing`), ...PE_METHODS.map((m) => cell(b, 'trailing', m))] },
  ]);
  const c = r.comparison;
  if (c) rows.push({ kind: 'plain', cells: [plain(`Discount ${c.basket} vs ${c.against}`), ...PE_METHODS.map((m) => plain(formatPercent(c.discounts[m])))] });
  return grid('P/E by method (coverage)', ['P/E (coverage)', ...PE_METHODS], (i) => i > 0, rows);
}

/** With --weights all: each basket's return under every weighting and rebalancing, with its coverage where partial. */
export function methodsGrid(r: Report): Grid | null {
  const first = r.baskets.find((b) => b.alternatives !== null);
  if (!first?.alternatives) return null;
  const rows = first.alternatives.map(
    (alt, k): GridRow => ({
      kind: 'plain',
      cells: [
        plain(`${WEIGHT_NAMES[alt.weights]}, ${REBALANCE_NAMES[alt.rebalance]}`),
        ...r.baskets.map((b) => {
          const a = b.alternatives?.[k];
          if (!a || a.weights !== alt.weights || a.rebalance !== alt.rebalance) return plain(UNKNOWN);
          return signed(a.return, formatPercent(a.return), a.coverage.included < a.coverage.total ? `(${formatCoverage(a.coverage)})` : undefined);
        }),
      ],
    }),
  );
  return grid('Return by method', ['Method', ...r.baskets.map((b) => b.name)], (i) => i > 0, rows);
}
