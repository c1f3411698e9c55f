/**
 * The CSV renderer: RFC 4180 (LF records, quoted where needed), one header
 * line, stable columns, raw numbers, no colour. One row per figure group;
 * `kind` says which: member, member-period, basket, basket-period, benchmark,
 * benchmark-period, method, valuation, comparison, discount, stale (a symbol
 * whose figures rest on cached data, with `fetchedAt`). Columns are only
 * ever added at the end, so earlier positions stay put.
 */
import { stringify } from 'csv-stringify/sync';
import type { Highs, PeriodReturn, Report, Risk } from '../report/types.js';

export const CSV_COLUMNS = [
  'kind',
  'basket',
  'symbol',
  'name',
  'currency',
  'startDate',
  'startPrice',
  'endDate',
  'endPrice',
  'return',
  'forwardPE',
  'included',
  'membersIncluded',
  'membersTotal',
  'peIncluded',
  'peTotal',
  'against',
  'discount',
  'asOf',
  'from',
  'reportCurrency',
  'localReturn',
  'fxReturn',
  'weight',
  'contribution',
  'marketValueStart',
  'marketValueEnd',
  'marketValueChange',
  'marketValueIncluded',
  'trailingPE',
  'earningsYield',
  'peMethod',
  'peStatus',
  'basis',
  'period',
  'weights',
  'rebalance',
  'excessReturn',
  'volatility',
  'maxDrawdown',
  'highestSince',
  'returnSpread',
  'fetchedAt',
  'forwardPEDate',
  'trailingPEDate',
  'marketCapDate',
  'windowHigh',
  'windowHighDate',
  'fromWindowHigh',
  'lookbackStart',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
type Column = CsvColumn;
export type Cell = string | number | boolean | null;
type Row = Partial<Record<Column, Cell>>;

const highCells = (h: Highs | null): Row => ({
  highestSince: h?.highestSince ?? null,
  windowHigh: h?.windowHigh ?? null,
  windowHighDate: h?.windowHighDate ?? null,
  fromWindowHigh: h?.fromWindowHigh ?? null,
});

const riskCells = (r: Risk | null): Row => ({
  volatility: r?.volatility ?? null,
  maxDrawdown: r?.maxDrawdown ?? null,
  ...highCells(r),
});

/** The kinds of row, in the order they are written (`--rows`). */
export const CSV_ROW_KINDS = ['member', 'member-period', 'basket', 'basket-period', 'benchmark', 'benchmark-period', 'method', 'valuation', 'comparison', 'discount', 'stale'] as const;
export type CsvRowKind = (typeof CSV_ROW_KINDS)[number];

export interface CsvOptions {
  /** Only rows of these kinds (`--rows`); default all. */
  readonly rows?: readonly CsvRowKind[];
  /** Only these columns, in this order (`--columns`); default every column, in CSV_COLUMNS's order. */
  readonly columns?: readonly Column[];
}

export function renderCsv(r: Report, options: CsvOptions = {}): string {
  const rows: Row[] = [];
  const common = { asOf: r.asOf, from: r.from, reportCurrency: r.currency, lookbackStart: r.lookbackStart };
  const periodRows = (kind: string, basket: string, symbol: string | null, periods: readonly PeriodReturn[]) => {
    for (const p of periods) rows.push({ kind, basket, symbol, period: p.period, startDate: p.startDate, return: p.return, ...common });
  };
  for (const b of r.baskets) {
    for (const m of b.members) {
      rows.push({
        kind: 'member',
        basket: b.id,
        symbol: m.symbol,
        name: m.name,
        currency: m.currency,
        startDate: m.startDate,
        startPrice: m.startPrice,
        endDate: m.endDate,
        endPrice: m.endPrice,
        return: m.return,
        forwardPE: m.forwardPE,
        included: m.included,
        localReturn: m.localReturn,
        fxReturn: m.fxReturn,
        weight: m.weight,
        contribution: m.contribution,
        marketValueStart: m.marketValueStart,
        marketValueEnd: m.marketValueEnd,
        marketValueChange: m.marketValueChange,
        trailingPE: m.trailingPE,
        forwardPEDate: m.forwardPEDate,
        trailingPEDate: m.trailingPEDate,
        marketCapDate: m.marketCapDate,
        ...highCells(m),
        ...common,
      });
      periodRows('member-period', b.id, m.symbol, m.periods);
    }
    rows.push({
      kind: 'basket',
      basket: b.id,
      name: b.name,
      currency: b.currency,
      return: b.return,
      forwardPE: b.forwardPE,
      membersIncluded: b.membersWithData.included,
      membersTotal: b.membersWithData.total,
      peIncluded: b.peCoverage.included,
      peTotal: b.peCoverage.total,
      marketValueChange: b.marketValueChange,
      marketValueIncluded: b.marketValueCoverage.included,
      trailingPE: b.trailingPE,
      earningsYield: b.earningsYield,
      peMethod: b.peMethod,
      peStatus: b.forwardPEStatus,
      weights: r.method.weights === 'all' ? 'equal' : r.method.weights,
      rebalance: r.method.rebalance,
      excessReturn: b.benchmarkResult?.excessReturn ?? null,
      ...riskCells(b.risk),
      ...common,
    });
    periodRows('basket-period', b.id, null, b.periods);
    const bm = b.benchmarkResult;
    if (bm) {
      rows.push({
        kind: 'benchmark',
        basket: b.id,
        symbol: bm.symbol,
        name: bm.name,
        currency: bm.currency,
        startDate: bm.startDate,
        startPrice: bm.startPrice,
        endDate: bm.endDate,
        endPrice: bm.endPrice,
        return: bm.return,
        localReturn: bm.localReturn,
        fxReturn: bm.fxReturn,
        excessReturn: bm.excessReturn,
        ...riskCells(bm.risk),
        ...common,
      });
      periodRows('benchmark-period', b.id, bm.symbol, bm.periods);
    }
    for (const a of b.alternatives ?? []) {
      rows.push({
        kind: 'method',
        basket: b.id,
        weights: a.weights,
        rebalance: a.rebalance,
        return: a.return,
        membersIncluded: a.coverage.included,
        membersTotal: a.coverage.total,
        ...common,
      });
    }
    for (const v of b.valuation) {
      rows.push({
        kind: 'valuation',
        basket: b.id,
        basis: v.basis,
        peMethod: v.method,
        peStatus: v.status,
        [v.basis === 'forward' ? 'forwardPE' : 'trailingPE']: v.value,
        earningsYield: v.earningsYield,
        peIncluded: v.coverage.included,
        peTotal: v.coverage.total,
        ...common,
      });
    }
  }
  const c = r.comparison;
  if (c) {
    rows.push({ kind: 'comparison', basket: c.basket, against: c.against, discount: c.discount, returnSpread: c.returnSpread, peMethod: r.baskets[0]?.peMethod ?? null, ...common });
    for (const [method, discount] of Object.entries(c.discounts)) {
      rows.push({ kind: 'discount', basket: c.basket, against: c.against, peMethod: method, discount, ...common });
    }
  }
  // figures resting on cached data that could not be checked with the source
  const stale = new Map<string | null, string | null>();
  for (const i of r.issues) {
    if (i.code !== 'stale-data') continue;
    const earlier = stale.get(i.symbol);
    stale.set(i.symbol, earlier && (!i.fetchedAt || earlier < i.fetchedAt) ? earlier : (i.fetchedAt ?? earlier ?? null));
  }
  for (const [symbol, fetchedAt] of stale) rows.push({ kind: 'stale', symbol, fetchedAt, ...common });
  const columns = options.columns ?? CSV_COLUMNS;
  const kinds = options.rows === undefined ? null : new Set<string>(options.rows);
  const records = rows.filter((row) => kinds === null || kinds.has(row.kind as string)).map((row) => columns.map((col) => toCell(row[col] ?? null)));
  return stringify([[...columns], ...records], { record_delimiter: '\n' });
}

/** Numbers as JavaScript writes them (shortest round-trip form), booleans as true/false, unknown as empty, text made safe for spreadsheets. */
export function toCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'string') return neutraliseFormula(v);
  return String(v);
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP's "CSV injection" list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`,
 * `+1…`, `-…`, `@SUM…`, or a leading tab or carriage return) gets a leading
 * `'`, as OWASP advises, so it shows as text. Only text: numbers are written
 * from JavaScript numbers elsewhere and stay raw, `-0.1` included.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
