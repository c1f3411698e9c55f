/**
 * The published shape of the offline data directory's quotes.csv (README,
 * "Offline data directory"): one row as the reader takes it, each column a
 * text cell. Built from the reader's own lists (QUOTE_FIELDS, the cell
 * patterns), so the schema cannot drift from what basket reads.
 */
import { z } from 'zod';
import { publishedSchema } from './published.js';
import { NULL_CELL, NUMBER_CELL } from '../domain/data-format.js';
import { QUOTE_FIELDS, type QuoteField } from '../domain/quote.js';

const TEXT_FIELDS: ReadonlySet<QuoteField> = new Set(['name', 'currency', 'financialCurrency']);

const ABOUT: Readonly<Record<QuoteField, string>> = {
  name: 'The company or fund name.',
  currency: 'The currency of its prices (HKD, USD; GBp for pence, converted to GBP).',
  financialCurrency: 'The currency of its financial statements, when it differs (a P/E of mismatched currencies is flagged).',
  price: 'The price the row\'s figures were taken at (a cap is held at it).',
  forwardPE: 'Forward P/E (price over expected earnings per share).',
  trailingPE: 'Trailing P/E (price over the last twelve months\' earnings per share).',
  epsForward: 'Expected earnings per share.',
  marketCap: 'Market capitalisation, in `currency`.',
  sharesOutstanding: 'Shares outstanding.',
};

/**
 * A case-insensitive pattern spelled without the `i` flag, which JSON Schema
 * has not: each letter outside an escape as `[xX]` (the cell patterns have
 * no letters inside a character class), anchors dropped.
 */
const caseless = (r: RegExp) =>
  r.source
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/(?<!\\)[A-Za-z]/g, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
/** Empty, a number, or a word for unknown, as the reader takes them. */
const NUMBER_OR_UNKNOWN = new RegExp(`^(?:|${caseless(NUMBER_CELL)}|${caseless(NULL_CELL)})$`);

const numberCell = (description: string) => z.string().regex(NUMBER_OR_UNKNOWN).describe(`${description} A number, or empty (also null, NaN, n/a or -) when unknown.`);

/** One row of quotes.csv, as text cells by column name. */
export const QuoteRowSchema = z.looseObject({
  symbol: z.string().regex(/\S/).describe('The Yahoo Finance symbol (0700.HK, AAPL, ^NDX).'),
  date: z.string().regex(/^$|^\d{4}-\d{2}-\d{2}$/).optional().describe('The date the row\'s figures are as of (YYYY-MM-DD); empty: undated, taken as of --as-of and said so.'),
  provider: z.string().optional().describe('Who gave the figures (shown with them).'),
  ...Object.fromEntries(QUOTE_FIELDS.map((f) => [f, TEXT_FIELDS.has(f) ? z.string().optional().describe(ABOUT[f]) : numberCell(ABOUT[f]).optional()])),
});

/** The JSON Schema (draft 2020-12) of a quotes.csv row, for schema/quotes.schema.json. */
export function quotesJsonSchema(): object {
  return publishedSchema(z.toJSONSchema(QuoteRowSchema, { target: 'draft-2020-12' }), {
    id: 'quotes-csv',
    title: 'basket offline data: a row of quotes.csv',
    description:
      'One row of quotes.csv in an offline data directory (basket compare --data DIR), as text cells by column name; a header names the columns, in any order; unknown columns are ignored. A symbol may have several dated rows and one undated row.',
  });
}
