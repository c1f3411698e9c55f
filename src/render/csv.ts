/**
 * The CSV renderer: RFC 4180 (CRLF-free LF records, quoted where needed), one
 * header line, stable columns, raw numbers, no colour. One row per member,
 * one per basket, and one for the comparison; `kind` says which.
 */
import { stringify } from 'csv-stringify/sync';
import type { Report } from '../report/types.js';

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
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Cell = string | number | boolean | null;

export function renderCsv(r: Report): string {
  const rows: Partial<Record<Column, Cell>>[] = [];
  const period = { asOf: r.asOf, from: r.from };
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
        ...period,
      });
    }
    rows.push({
      kind: 'basket',
      basket: b.id,
      name: b.name,
      return: b.return,
      forwardPE: b.forwardPE,
      membersIncluded: b.membersWithData.included,
      membersTotal: b.membersWithData.total,
      peIncluded: b.peCoverage.included,
      peTotal: b.peCoverage.total,
      ...period,
    });
  }
  if (r.comparison) {
    rows.push({ kind: 'comparison', basket: r.comparison.basket, against: r.comparison.against, discount: r.comparison.discount, ...period });
  }
  const records = rows.map((row) => CSV_COLUMNS.map((c) => toCell(row[c] ?? null)));
  return stringify([[...CSV_COLUMNS], ...records], { record_delimiter: '\n' });
}

/** Numbers as JavaScript writes them (shortest round-trip form), booleans as true/false, unknown as empty. */
function toCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}
