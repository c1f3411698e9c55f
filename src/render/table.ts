/**
 * The terminal renderer: the only user of cli-table3 and chalk. Colour comes
 * from the Chalk instance the CLI decided on (level 0 = plain text).
 */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { BasketDef } from '../config/basket.js';
import type { BasketReport, Report, Risk } from '../report/types.js';
import {
  formatBillions,
  formatCoverage,
  formatMultiple,
  formatPercent,
  formatPoints,
  formatPrice,
  formatText,
  formatUnsignedPercent,
  staleSummary,
  UNKNOWN,
} from './format.js';

export interface TableOptions {
  readonly chalk: ChalkInstance;
}

/**
 * A boxed table with a rule under the header and none between body rows: the
 * body goes in as one row of multi-line cells (cli-table3 aligns each line),
 * which reads faster and keeps a seven-member basket to eleven lines.
 */
function boxTable(head: string[], rows: string[][], chalk: ChalkInstance, rightAligned: number[]): string {
  const t = new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: false },
    colAligns: head.map((_, i) => (rightAligned.includes(i) ? 'right' : 'left')),
  });
  if (rows.length > 0) t.push(head.map((_, c) => rows.map((r) => r[c] ?? '').join('\n')));
  return t.toString();
}

function signed(x: number | null, chalk: ChalkInstance): string {
  const text = formatPercent(x);
  if (x === null || text.startsWith('0.0')) return text;
  return x > 0 ? chalk.green(text) : chalk.red(text);
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

const PE_METHOD_NAMES: Record<string, string> = { harmonic: 'harmonic', median: 'median', mean: 'mean', aggregate: 'aggregate' };
const REBALANCE_NAMES: Record<string, string> = {
  none: 'buy-and-hold',
  daily: 'rebalanced daily',
  weekly: 'rebalanced weekly',
  monthly: 'rebalanced monthly',
  quarterly: 'rebalanced quarterly',
};
const WEIGHT_NAMES: Record<string, string> = { equal: 'equal-weighted', cap: 'cap-weighted', config: 'config weights', all: 'equal-weighted' };

function membersTable(r: Report, b: BasketReport, chalk: ChalkInstance): string {
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
      ...m.periods.map((p) => signed(p.return, chalk)),
      dim(formatUnsignedPercent(m.weight)),
      dim(formatPercent(m.contribution)),
      dim(formatMultiple(m.forwardPE)),
      ...(money ? [dim(formatBillions(m.marketValueChange, converted ? r.currency : m.currency))] : []),
    ];
  });
  const head = [
    'Symbol',
    'Name',
    'Ccy',
    'Start',
    'Start price',
    'End',
    'End price',
    ...(converted ? ['Local', 'FX'] : []),
    converted ? `Return ${r.currency}` : 'Return',
    ...r.periods.map((p) => p),
    'Weight',
    'Contrib.',
    'Fwd P/E',
    ...(money ? ['Mkt value chg'] : []),
  ];
  const right = head.map((_, i) => i).filter((i) => i === 4 || i >= 6);
  const extremes =
    b.best && b.worst
      ? `\n${chalk.dim(`Best ${b.best.symbol} ${formatPercent(b.best.return)} · worst ${b.worst.symbol} ${formatPercent(b.worst.return)}`)}`
      : '';
  return `${chalk.bold(`${b.name} (${b.id})`)}\n${boxTable(head, rows, chalk, right)}${extremes}`;
}

/** Basket rows, each followed by its benchmark's row. */
function returnsTable(r: Report, chalk: ChalkInstance): string {
  const rows = r.baskets.flatMap((b) => {
    const main = [
      b.name,
      formatCoverage(b.membersWithData),
      signed(b.return, chalk),
      ...b.periods.map((p) => signed(p.return, chalk)),
      formatPercent(b.benchmarkResult?.excessReturn ?? null),
    ];
    const bm = b.benchmarkResult;
    if (!bm) return [main];
    return [main, [chalk.dim(`  benchmark ${bm.symbol}`), '', signed(bm.return, chalk), ...bm.periods.map((p) => signed(p.return, chalk)), '']];
  });
  const head = ['Basket', 'Members', r.currency ? `Return ${r.currency}` : 'Return', ...r.periods, 'vs benchmark'];
  return boxTable(head, rows, chalk, head.map((_, i) => i).slice(1));
}

function riskAndValueTable(r: Report, chalk: ChalkInstance): string {
  const highest = (risk: Risk | null) => (risk === null ? UNKNOWN : (risk.highestSince ?? 'window high'));
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
  const method = PE_METHOD_NAMES[r.baskets[0]?.peMethod ?? 'harmonic'];
  const head = ['Basket', 'Volatility', 'Max drawdown', 'Highest since', `Fwd P/E (${method})`, 'P/E coverage', 'Trailing P/E', 'Market value change'];
  return boxTable(head, rows, chalk, [1, 2, 4, 5, 6, 7]);
}

function valuationTable(r: Report, chalk: ChalkInstance): string {
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
  return `${chalk.bold('P/E by method (coverage)')}\n${boxTable(['', ...methods], rows, chalk, [1, 2, 3, 4])}`;
}

function methodsTable(r: Report, chalk: ChalkInstance): string | null {
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
  return `${chalk.bold('Return by method')}\n${boxTable(['Method', ...r.baskets.map((b) => b.name)], rows, chalk, r.baskets.map((_, i) => i + 1))}`;
}

function comparisonLines(r: Report, chalk: ChalkInstance): string[] {
  const c = r.comparison;
  if (!c) return [];
  const name = (id: string) => r.baskets.find((b) => b.id === id)?.name ?? id;
  const method = PE_METHOD_NAMES[r.baskets[0]?.peMethod ?? 'harmonic'];
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

function headerLine(r: Report): string {
  const basis = r.priceBasis === 'adjusted' ? 'total return (adjusted closes)' : 'price return (closes)';
  const ccy = r.currency ? `in ${r.currency}` : 'each member in its own currency';
  const weights = WEIGHT_NAMES[r.method.weights] ?? r.method.weights;
  const pe = `P/E ${PE_METHOD_NAMES[r.baskets[0]?.peMethod ?? 'harmonic']}, losses ${r.method.negativePE === 'exclude' ? 'excluded' : 'included'}`;
  return `From ${r.from} to ${r.asOf} · ${basis} · ${ccy} · ${weights}, ${REBALANCE_NAMES[r.method.rebalance]} · ${pe} · data: ${r.dataSource}`;
}

/** The whole comparison as terminal text, ending in a newline. */
export function renderTable(r: Report, { chalk }: TableOptions): string {
  const stale = staleSummary(r.issues);
  const header = stale === null ? chalk.dim(headerLine(r)) : `${chalk.dim(headerLine(r))}\n${chalk.yellow(stale)}`;
  const parts = [header, ...r.baskets.map((b) => membersTable(r, b, chalk)), returnsTable(r, chalk), riskAndValueTable(r, chalk)];
  if (r.method.peMethod === 'all') parts.push(valuationTable(r, chalk));
  const methods = methodsTable(r, chalk);
  if (methods) parts.push(methods);
  const lines = comparisonLines(r, chalk);
  if (lines.length > 0) parts.push(lines.join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** The `basket baskets` listing. */
export function renderBasketList(baskets: readonly BasketDef[], configFile: string | null, { chalk }: TableOptions): string {
  const symbols = (b: BasketDef) =>
    b.symbols.map((s, i) => (b.weights ? `${s} ${formatUnsignedPercent(b.weights[i] ?? null)}` : s)).join(' ');
  const rows = baskets.map((b) => [b.id, b.name, symbols(b), b.benchmark ?? UNKNOWN, b.source]);
  const note = configFile ? `Config: ${configFile}` : 'Config: none found (presets only)';
  return `${boxTable(['Id', 'Name', 'Symbols', 'Benchmark', 'Source'], rows, chalk, [])}\n${chalk.dim(note)}\n`;
}
