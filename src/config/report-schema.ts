/**
 * The shape of `basket compare --format json` (report/types.ts's Report) as
 * zod describes it, and the JSON Schema generated from it for those who read
 * the output (schema/compare.schema.json, written by scripts/schemas.mjs).
 * Descriptive only: basket writes the output from the type and never parses
 * it. Config may not import report/, so the type is spelled again here (a
 * basket in config/report-basket-schema.ts, a note on the data in
 * config/issues-schema.ts, the audit trail shared with check's in
 * config/check-inputs-schema.ts); test/config/report-schema.test.ts holds
 * them equal at compile time and validates real outputs against the JSON
 * Schema.
 */
import { z } from 'zod';
import { LOOKBACKS, NEGATIVE_PE_POLICIES, PE_AT, PE_METHODS, PERIODS, POINT_IN_TIME_RULES, REBALANCES, SUSPECT_SPLIT_POLICIES, WEIGHTINGS } from '../domain/options.js';
import { count, date, dateOrNull, numberOrNull, text, textOrNull } from './check-inputs-schema.js';
import { PRICE_BASES } from './check-schema.js';
import { SymbolIssueSchema } from './issues-schema.js';
import { publishedSchema } from './published.js';
import { BasketReportSchema, PEByMethodSchema } from './report-basket-schema.js';

export const ReportMethodSchema = z
  .strictObject({
    weights: z
      .enum([...WEIGHTINGS, 'all'])
      .describe('Member weights: equal (1/n), cap (market value at the start) or config (the basket file\'s); all: headline figures equal-weighted, every weighting alongside (`alternatives`).'),
    rebalance: z.enum(REBALANCES).describe('Reset to target weights at each period end; none: buy and hold.'),
    peMethod: z.enum([...PE_METHODS, 'all']).describe('How a basket\'s P/E is made of its members\'; all: headline figures harmonic, every method alongside.'),
    negativePE: z.enum(NEGATIVE_PE_POLICIES).describe('Members with expected losses: left out of the P/E (exclude), or their losses counted in it (include).'),
    peAt: z.enum(PE_AT).describe('quote-date: each P/E as of its own date; as-of: repriced to the as-of date (earnings estimate held constant).'),
    pointInTime: z.enum(POINT_IN_TIME_RULES).describe('Quote figures dated after the as-of date: used and flagged (flag), or left out (strict).'),
    maxQuoteAgeDays: count('A quote figure older than this many days before the as-of date is flagged stale.'),
    suspectSplits: z.enum(SUSPECT_SPLIT_POLICIES).describe('A move that looks like an unadjusted split: kept and flagged (flag) or left out (drop).'),
  })
  .meta({ id: 'ReportMethod', description: 'The methods asked for. all: headline figures are equal-weighted / harmonic, with every method alongside.' });

export const ComparisonSchema = z
  .strictObject({
    basket: text('The first basket\'s id.'),
    against: text('The second basket\'s id.'),
    discount: numberOrNull('1 − forwardPE(basket) / forwardPE(against), under the report\'s P/E method, a fraction.'),
    discounts: PEByMethodSchema.describe('The discount under each P/E method.'),
    returnSpread: numberOrNull('return(basket) − return(against), a fraction.'),
  })
  .meta({ id: 'Comparison', description: 'The first basket against the second.' });

export const ReportSchema = z.strictObject({
  asOf: date('The as-of date: the end of the window, the date of quotes.'),
  from: date('The start of the window.'),
  currency: textOrNull('The currency every return and money figure is in; null: each member in its own.'),
  priceBasis: z.enum(PRICE_BASES).describe('adjusted: total return from adjusted closes; close: price return (--price-return).'),
  method: ReportMethodSchema.describe('The methods the figures were computed by.'),
  periods: z.array(z.enum(PERIODS)).describe('The named periods asked for (--periods).'),
  lookback: z.enum(LOOKBACKS).nullable().describe('How far before `from` highest-since looks (--lookback); null: the window alone.'),
  lookbackStart: dateOrNull('The date the look-back starts; null without one.'),
  dataSource: text('Where the data came from: `yahoo` (`yahoo cache (offline)` with --offline) or `files:<dir>`.'),
  baskets: z.array(BasketReportSchema).describe('Each basket asked for, in order.'),
  comparison: ComparisonSchema.nullable().describe('The first basket against the second; null with a single basket.'),
  issues: z.array(SymbolIssueSchema).describe('Every note on the data: problems with symbols, baskets and the data source.'),
});

/** The JSON Schema (draft 2020-12) of `basket compare --format json`, for schema/compare.schema.json. */
export function compareJsonSchema(): object {
  // the document as written: schemaVersion first (render/json.ts), then the report
  const document = z.strictObject({ schemaVersion: z.literal(1).describe('The version of the output\'s shape: fields are only added within a major version.'), ...ReportSchema.shape });
  return publishedSchema(z.toJSONSchema(document, { target: 'draft-2020-12' }), {
    id: 'compare',
    title: 'basket compare output',
    description:
      'The JSON output of `basket compare --format json`: each basket\'s return, valuation, risk, benchmark and members over one window, the first basket against the second, and every note on the data; with --explain, the inputs behind each basket\'s figures; with levels asked for (--sparklines), the daily levels.',
  });
}
