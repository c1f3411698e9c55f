/** `basket search` as CSV and JSON (the table is in table.ts). */
import { stringify } from 'csv-stringify/sync';
import type { SearchResult } from '../report/search.js';
import { neutraliseFormula } from './csv.js';
import { toJsonDocument } from './json.js';

export const SYMBOL_CSV_COLUMNS = ['symbol', 'name', 'exchange', 'type', 'currency'] as const;

/** One row per match; empty cells for unknown; text made safe for spreadsheets. */
export function renderSymbolsCsv(result: SearchResult): string {
  const rows = result.matches.map((m) => SYMBOL_CSV_COLUMNS.map((c) => neutraliseFormula(m[c] ?? '')));
  return stringify([[...SYMBOL_CSV_COLUMNS], ...rows], { record_delimiter: '\n' });
}

/** `{ query, searched, matches: [{ symbol, name, exchange, type, currency }] }`, unknown as null. */
export function renderSymbolsJson(result: SearchResult): string {
  const matches = result.matches.map((m) => ({ symbol: m.symbol, name: m.name, exchange: m.exchange, type: m.type, currency: m.currency }));
  return toJsonDocument({ query: result.query, searched: result.searched, matches });
}
