/**
 * The terminal renderer: the only user of cli-table3 and chalk. Colour comes
 * from the Chalk instance the CLI decided on (level 0 = plain text).
 */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { BasketDef } from '../config/basket.js';
import type { BasketReport, Report } from '../report/types.js';
import { formatCoverage, formatMultiple, formatPercent, formatPrice, formatText, UNKNOWN } from './format.js';

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

function membersTable(b: BasketReport, chalk: ChalkInstance): string {
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
      signed(m.return, chalk),
      dim(formatMultiple(m.forwardPE)),
    ];
  });
  const head = ['Symbol', 'Name', 'Ccy', 'Start', 'Start price', 'End', 'End price', 'Return', 'Fwd P/E'];
  return `${chalk.bold(`${b.name} (${b.id})`)}\n${boxTable(head, rows, chalk, [4, 6, 7, 8])}`;
}

function summaryTable(r: Report, chalk: ChalkInstance): string {
  const rows = r.baskets.map((b) => [
    b.name,
    formatCoverage(b.membersWithData),
    signed(b.return, chalk),
    formatMultiple(b.forwardPE),
    formatCoverage(b.peCoverage),
  ]);
  return boxTable(['Basket', 'Members with data', 'Return', 'Fwd P/E (harmonic)', 'P/E coverage'], rows, chalk, [1, 2, 3, 4]);
}

function comparisonLine(r: Report, chalk: ChalkInstance): string | null {
  const c = r.comparison;
  if (!c) return null;
  const name = (id: string) => r.baskets.find((b) => b.id === id)?.name ?? id;
  if (c.discount === null) return `Valuation discount of ${name(c.basket)} vs ${name(c.against)}: ${UNKNOWN} (a forward P/E is unknown)`;
  const word = c.discount >= 0 ? 'discount' : 'premium';
  const text = `${(Math.abs(c.discount) * 100).toFixed(1)}% ${word}`;
  return `Valuation of ${name(c.basket)} vs ${name(c.against)} on forward P/E: ${chalk.bold(text)}`;
}

/** The whole comparison as terminal text, ending in a newline. */
export function renderTable(r: Report, { chalk }: TableOptions): string {
  const basis = r.priceBasis === 'adjusted' ? 'total return (adjusted closes)' : 'price return (closes)';
  const header = `From ${r.from} to ${r.asOf} · ${basis} · equal-weighted, buy-and-hold · data: ${r.dataSource}`;
  const parts = [chalk.dim(header), ...r.baskets.map((b) => membersTable(b, chalk)), summaryTable(r, chalk)];
  const line = comparisonLine(r, chalk);
  if (line) parts.push(line);
  return `${parts.join('\n\n')}\n`;
}

/** The `basket baskets` listing. */
export function renderBasketList(baskets: readonly BasketDef[], configFile: string | null, { chalk }: TableOptions): string {
  const rows = baskets.map((b) => [b.id, b.name, b.symbols.join(' '), b.benchmark ?? UNKNOWN, b.source]);
  const note = configFile ? `Config: ${configFile}` : 'Config: none found (presets only)';
  return `${boxTable(['Id', 'Name', 'Symbols', 'Benchmark', 'Source'], rows, chalk, [])}\n${chalk.dim(note)}\n`;
}
