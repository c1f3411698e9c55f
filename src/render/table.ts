/**
 * The terminal renderer: the only user of cli-table3 and chalk. Colour comes
 * from the Chalk instance the CLI decided on (level 0 = plain text).
 */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { BasketReport, Report } from '../report/types.js';
import { formatCoverage, formatMultiple, formatPercent, formatPrice, formatText, UNKNOWN } from './format.js';

export interface TableOptions {
  readonly chalk: ChalkInstance;
}

function newTable(head: string[], chalk: ChalkInstance, rightAligned: number[]): Table.Table {
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: false },
    // no rule between body rows: a compact table reads faster and fits more on screen
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colAligns: head.map((_, i) => (rightAligned.includes(i) ? 'right' : 'left')),
  });
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
  const t = newTable(['Symbol', 'Name', 'Ccy', 'Start', 'Start price', 'End', 'End price', 'Return', 'Fwd P/E'], chalk, [4, 6, 7, 8]);
  for (const m of b.members) {
    const dim = (s: string) => (m.included ? s : chalk.dim(s));
    t.push([
      dim(m.symbol),
      dim(truncate(formatText(m.name), 26)),
      dim(formatText(m.currency)),
      dim(formatText(m.startDate)),
      dim(formatPrice(m.startPrice)),
      dim(formatText(m.endDate)),
      dim(formatPrice(m.endPrice)),
      signed(m.return, chalk),
      dim(formatMultiple(m.forwardPE)),
    ]);
  }
  return `${chalk.bold(`${b.name} (${b.id})`)}\n${t.toString()}`;
}

function summaryTable(r: Report, chalk: ChalkInstance): string {
  const t = newTable(['Basket', 'Members with data', 'Return', 'Fwd P/E (harmonic)', 'P/E coverage'], chalk, [1, 2, 3, 4]);
  for (const b of r.baskets) {
    t.push([b.name, formatCoverage(b.membersWithData), signed(b.return, chalk), formatMultiple(b.forwardPE), formatCoverage(b.peCoverage)]);
  }
  return t.toString();
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
