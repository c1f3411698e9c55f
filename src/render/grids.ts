/**
 * The report's tables as plain text grids (header, alignment, cells), for
 * the renderers that mark them up: Markdown and HTML. The same columns and
 * figures as the terminal table, without colour; a cell carries its tone
 * (gain or loss) for a renderer that shows it. Pure.
 */
import type { BasketReport, LevelSeries, Report, Risk } from '../report/types.js';
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

export interface GridCell {
  readonly text: string;
  readonly tone: 'gain' | 'loss' | null;
}

export interface GridRow {
  /** `benchmark`: the row under its basket; `excluded`: a member left out of the basket. */
  readonly kind: 'basket' | 'benchmark' | 'member' | 'excluded' | 'plain';
  readonly cells: readonly GridCell[];
}

export interface Grid {
  readonly head: readonly string[];
  /** Right-aligned columns (figures). */
  readonly right: readonly boolean[];
  readonly rows: readonly GridRow[];
}

const plain = (text: string): GridCell => ({ text, tone: null });
/** A signed figure: gain above zero, loss below (none when it rounds to 0.0). */
const signed = (x: number | null, text = formatPercent(x)): GridCell => ({
  text,
  tone: x === null || /^0\.0+%$/.test(text) ? null : x > 0 ? 'gain' : 'loss',
});
const trend = (levels: LevelSeries | null | undefined): GridCell => {
  if (!levels || levels.values.length === 0) return plain(UNKNOWN);
  return signed((levels.values.at(-1) as number) - (levels.values[0] as number), sparkline(levels.values, SPARK_WIDTH));
};

function grid(head: string[], rightFrom: (i: number) => boolean, rows: GridRow[]): Grid {
  return { head, right: head.map((_, i) => rightFrom(i)), rows };
}

/** Each basket, then its benchmark: members, return, trend, periods, excess return. */
export function returnsGrid(r: Report, sparklines: boolean): Grid {
  const rows = r.baskets.flatMap((b): GridRow[] => {
    const main: GridRow = {
      kind: 'basket',
      cells: [
        plain(b.name),
        plain(formatCoverage(b.membersWithData)),
        signed(b.return),
        ...(sparklines ? [trend(b.levels)] : []),
        ...b.periods.map((p) => signed(p.return)),
        signed(b.benchmarkResult?.excessReturn ?? null),
      ],
    };
    const bm = b.benchmarkResult;
    if (!bm) return [main];
    return [
      main,
      {
        kind: 'benchmark',
        cells: [plain(`benchmark ${bm.symbol}`), plain(''), signed(bm.return), ...(sparklines ? [trend(bm.levels)] : []), ...bm.periods.map((p) => signed(p.return)), plain('')],
      },
    ];
  });
  const head = ['Basket', 'Members', r.currency ? `Return ${r.currency}` : 'Return', ...(sparklines ? ['Trend'] : []), ...r.periods, 'vs benchmark'];
  return grid(head, (i) => i > 0, rows);
}

/** Volatility, drawdown, highest since, P/Es with coverage, market value change. */
export function riskAndValueGrid(r: Report): Grid {
  const highest = (risk: Risk | null) => (risk === null ? UNKNOWN : (risk.highestSince ?? highestLabel(r)));
  const rows = r.baskets.flatMap((b): GridRow[] => {
    const main: GridRow = {
      kind: 'basket',
      cells: [
        plain(b.name),
        plain(formatUnsignedPercent(b.risk?.volatility ?? null)),
        signed(b.risk?.maxDrawdown ?? null),
        plain(highest(b.risk)),
        plain(formatMultiple(b.forwardPE, b.forwardPEStatus)),
        plain(formatCoverage(b.peCoverage)),
        plain(formatMultiple(b.trailingPE, b.trailingPEStatus)),
        signed(b.marketValueChange, `${formatBillions(b.marketValueChange, b.currency)} (${formatCoverage(b.marketValueCoverage)})`),
      ],
    };
    const bm = b.benchmarkResult;
    if (!bm) return [main];
    const risk = bm.risk;
    return [
      main,
      {
        kind: 'benchmark',
        cells: [
          plain(`benchmark ${bm.symbol}`),
          plain(formatUnsignedPercent(risk?.volatility ?? null)),
          signed(risk?.maxDrawdown ?? null),
          plain(highest(risk)),
          plain(''),
          plain(''),
          plain(''),
          plain(''),
        ],
      },
    ];
  });
  const head = ['Basket', 'Volatility', 'Max drawdown', 'Highest since', `Fwd P/E (${headlinePEMethod(r)})`, 'P/E coverage', 'Trailing P/E', 'Market value change'];
  return grid(head, (i) => i > 0 && i !== 3, rows);
}

/** One basket's members, with the columns the terminal table shows. */
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
  return grid(memberColumns(r, { sparklines, money, converted }), (i) => i === 4 || i >= 6, rows);
}

/**
 * The members table's column headers, for this grid and the terminal table
 * (whose columns to drop on a narrow terminal, table.ts, go by these names).
 * `converted`: --currency is set (Local and FX columns); `money`: some member
 * has a market value change.
 */
export function memberColumns(r: Report, { sparklines, money, converted }: { readonly sparklines: boolean; readonly money: boolean; readonly converted: boolean }): string[] {
  return [
    'Symbol',
    'Name',
    'Ccy',
    'Start',
    'Start price',
    'End',
    'End price',
    ...(converted ? ['Local', 'FX'] : []),
    converted ? `Return ${r.currency}` : 'Return',
    ...(sparklines ? ['Trend'] : []),
    ...r.periods,
    'Weight',
    'Contrib.',
    'Fwd P/E',
    ...(money ? ['Mkt value chg'] : []),
  ];
}

/** `Best 0981.HK +72.2% · worst 9999.HK +16.3%`, or null. */
export function extremesLine(b: BasketReport): string | null {
  return b.best && b.worst ? `Best ${b.best.symbol} ${formatPercent(b.best.return)} · worst ${b.worst.symbol} ${formatPercent(b.worst.return)}` : null;
}

/** With --pe-method all: every basis × method with coverage, and the discounts. */
export function valuationGrid(r: Report): Grid | null {
  if (r.method.peMethod !== 'all') return null;
  const methods = ['harmonic', 'median', 'mean', 'aggregate'] as const;
  const cell = (b: BasketReport, basis: 'forward' | 'trailing', m: string) => {
    const v = b.valuation.find((x) => x.basis === basis && x.method === m);
    return plain(v ? `${formatMultiple(v.value, v.status)} (${formatCoverage(v.coverage)})` : UNKNOWN);
  };
  const yieldCell = (b: BasketReport, m: string) => plain(formatPercent(b.valuation.find((x) => x.basis === 'forward' && x.method === m)?.earningsYield ?? null, 2));
  const rows: GridRow[] = r.baskets.flatMap((b): GridRow[] => [
    { kind: 'plain', cells: [plain(`${b.name}, forward`), ...methods.map((m) => cell(b, 'forward', m))] },
    { kind: 'plain', cells: [plain(`${b.name}, forward earnings yield`), ...methods.map((m) => yieldCell(b, m))] },
    { kind: 'plain', cells: [plain(`${b.name}, trailing`), ...methods.map((m) => cell(b, 'trailing', m))] },
  ]);
  const c = r.comparison;
  if (c) rows.push({ kind: 'plain', cells: [plain(`Discount ${c.basket} vs ${c.against}`), ...methods.map((m) => plain(formatPercent(c.discounts[m])))] });
  return grid(['P/E (coverage)', ...methods], (i) => i > 0, rows);
}

/** With --weights all: each basket's return under every weighting and rebalancing. */
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
          const partial = a.coverage.included < a.coverage.total ? ` (${formatCoverage(a.coverage)})` : '';
          return signed(a.return, `${formatPercent(a.return)}${partial}`);
        }),
      ],
    }),
  );
  return grid(['Method', ...r.baskets.map((b) => b.name)], (i) => i > 0, rows);
}
