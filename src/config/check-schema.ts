/**
 * The shape of `basket check --format json` (report/check-types.ts's
 * CheckReport) as zod describes it, and the JSON Schema generated from it
 * for those who read the output (schema/check.schema.json, written by
 * scripts/schemas.mjs). Descriptive only: basket writes the output from the
 * type and never parses it. Config may not import report/, so the type is
 * spelled again here (the audit trail in config/check-inputs-schema.ts);
 * test/config/check-schema.test.ts holds the two equal at compile time and
 * validates real outputs against the JSON Schema.
 */
import { z } from 'zod';
import { publishedSchema } from './published.js';
import { FIGURES } from '../domain/claims.js';
import { LOOKBACKS, NEGATIVE_PE_POLICIES, PE_AT, PE_METHODS, PERIODS, POINT_IN_TIME_RULES, REBALANCES, WEIGHTINGS } from '../domain/options.js';
import { ClaimInputsSchema, count, CoverageSchema, date, IsoDate, text, textOrNull } from './check-inputs-schema.js';

/** report/check-types.ts's VERDICTS (config may not import report/; the test holds them equal). */
export const CHECK_VERDICTS = ['holds', 'does-not-hold', 'cannot-check'] as const;

/** domain/claims.ts's FigureUnit, a type without a list. */
export const FIGURE_UNIT_NAMES = ['fraction', 'multiple', 'money', 'date'] as const;

/** report/types.ts's PriceBasis. */
export const PRICE_BASES = ['adjusted', 'close'] as const;

export const ClaimSettingsUsedSchema = z
  .strictObject({
    asOf: date('The date the claim speaks as of: the end of the window, the date of quotes.'),
    from: date('The start of the window (for a period return, the period\'s start).'),
    currency: textOrNull('The currency every member is converted to; null: each member in its own.'),
    weights: z.enum(WEIGHTINGS).describe('Member weights: equal (1/n), cap (market value at the start) or config (the basket file\'s).'),
    rebalance: z.enum(REBALANCES).describe('Reset to target weights at each period end; none: buy and hold.'),
    peMethod: z.enum(PE_METHODS).describe('How a basket\'s P/E is made of its members\'.'),
    negativePE: z.enum(NEGATIVE_PE_POLICIES).describe('Members with expected losses: left out of the P/E (exclude), or their losses counted in it (include).'),
    lookback: z.enum(LOOKBACKS).nullable().describe('How far before `from` "highest since" looks; null: the window alone.'),
    priceBasis: z.enum(PRICE_BASES).describe('adjusted: total return from adjusted closes; close: price return.'),
    pointInTime: z.enum(POINT_IN_TIME_RULES).describe('A quote figure dated after the as-of date: used and flagged (flag), or left out (strict).'),
    maxQuoteAgeDays: count('A quote figure older than this many days before the as-of date is flagged stale.'),
    minCoverage: z.number().gt(0).lte(1).describe('The share of members (above 0, at most 1) a P/E must cover for the claim to be checked.'),
    peAt: z.enum(PE_AT).describe('quote-date: each P/E as of its own date; as-of: repriced to the as-of date (earnings estimate held constant).'),
  })
  .meta({
    id: 'ClaimSettingsUsed',
    description: 'Every setting a claim\'s figure was computed under: the claim\'s own, else the file\'s defaults, else the command line\'s, else basket\'s.',
  });

export const ClaimResultSchema = z
  .strictObject({
    id: text('The claim\'s id, as the claims file gives it.'),
    says: text('What the story says, in its words, as the claims file gives it.'),
    figure: z.enum(FIGURES).describe('The figure the claim is about.'),
    subject: z
      .strictObject({
        kind: z.enum(['basket', 'symbol']).describe('A basket, or one symbol taken as a basket of one.'),
        id: text('The basket\'s id, or the symbol.'),
        name: text('The basket\'s name (the symbol for one symbol).'),
      })
      .describe('The basket (its id) or the symbol the figure is of.'),
    against: textOrNull('The other basket of a discount or return spread (its id); null for other figures.'),
    period: z.enum(PERIODS).nullable().describe('The named period of a period return; null for other figures.'),
    settings: ClaimSettingsUsedSchema.describe('Every setting the figure was computed under.'),
    value: z
      .union([z.number(), IsoDate, z.null()])
      .describe('basket\'s figure: a fraction, a multiple, an amount in `currency`, or a date (YYYY-MM-DD); null when it cannot be had.'),
    unit: z.enum(FIGURE_UNIT_NAMES).describe('What the figure is measured in: a fraction (0.1 = 10%), a P/E multiple, an amount of money, or a calendar date.'),
    currency: textOrNull('The currency of a money figure (`market-value-change`); null otherwise or when unknown.'),
    expect: text('The expectation as the claims file writes it.'),
    verdict: z.enum(CHECK_VERDICTS).describe('holds, does-not-hold, or cannot-check (`reason` says why).'),
    reason: textOrNull(
      'Why it cannot be checked; for a verdict, what it leans on that the reader should know (figures taken from after the as-of date); else null.',
    ),
    method: text('How the figure was computed: method, window, dates of the inputs.'),
    coverage: CoverageSchema.describe('The members the figure is made of, of all.'),
    source: textOrNull('The claim\'s source, as the file gives it; null when it gives none (the story\'s source applies).'),
    quote: textOrNull('The words of the story the claim quotes, as the file gives them.'),
    inputs: ClaimInputsSchema.nullable().describe('What the figure is made of (`--explain`); null unless asked for this claim.'),
  })
  .meta({ id: 'ClaimResult', description: 'One claim of the claims file with basket\'s figure, the verdict and what it rests on.' });

export const CheckReportSchema = z.strictObject({
  story: text('The story whose claims are checked, as the claims file names it.'),
  source: textOrNull('Where the story was published, as the claims file gives it.'),
  file: text('The claims file, as given on the command line.'),
  dataSource: text('Where the data came from: `yahoo` (`yahoo cache (offline)` with --offline) or `files:<dir>`.'),
  claims: z.array(ClaimResultSchema).describe('Each claim of the file, in its order.'),
  summary: z
    .strictObject({
      holds: count('Claims that hold.'),
      doesNotHold: count('Claims that do not hold.'),
      cannotCheck: count('Claims that cannot be checked.'),
    })
    .describe('How many claims hold, do not hold, and cannot be checked.'),
});

/** The JSON Schema (draft 2020-12) of `basket check --format json`, for schema/check.schema.json. */
export function checkJsonSchema(): object {
  // the document as written: schemaVersion first (render/json.ts), then the report
  const document = z.strictObject({ schemaVersion: z.literal(1).describe('The version of the output\'s shape: fields are only added within a major version.'), ...CheckReportSchema.shape });
  return publishedSchema(z.toJSONSchema(document, { target: 'draft-2020-12' }), {
    id: 'check',
    title: 'basket check output',
    description: 'The JSON output of `basket check FILE --format json`: each claim of a claims file with basket\'s figure, the verdict (holds, does-not-hold, cannot-check) and what it rests on; with --explain, the inputs behind each figure.',
  });
}
