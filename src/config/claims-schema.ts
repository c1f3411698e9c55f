/**
 * The shape of a claims file (`basket check FILE`) as zod checks it, keys as
 * written (kebab-case), and the JSON Schema generated from it for editors
 * (schema/claims.schema.json, written by scripts/schemas.mjs). Validation
 * only: config/claims.ts turns a checked document into a ClaimsFile.
 */
import { z } from 'zod';
import { publishedSchema } from './published.js';
import { EARLIEST_DATE, isIsoDate } from '../domain/calendar.js';
import { FIGURES, FIGURE_UNITS, type Figure } from '../domain/claims.js';
import {
  LOOKBACKS,
  NEGATIVE_PE_POLICIES,
  PE_AT,
  PE_METHODS,
  PERIODS,
  POINT_IN_TIME_RULES,
  REBALANCES,
  WEIGHTINGS,
} from '../domain/options.js';
import { symbolProblem } from '../domain/symbols.js';
import { EXPECT_PATTERN, parseExpectation } from './expect.js';

/** Claim ids: a letter or digit, then letters, digits, `-`, `_` or `.` (as basket ids). */
export const CLAIM_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** The figures that compare a basket with another (`against`), and the one that needs a named `period`. */
export const AGAINST_FIGURES: readonly Figure[] = ['discount', 'return-spread'];
export const PERIOD_FIGURES: readonly Figure[] = ['period-return'];

/** A symbol as the file keeps it: trimmed and upper-cased. */
export const toSymbol = (written: string): string => written.trim().toUpperCase();

const Text = (what: string) => z.string({ error: `must be ${what} (text)` }).regex(/\S/, 'must not be empty');

const IsoDateText = z
  .string({
    error: (issue) =>
      issue.input instanceof Date ? 'write the date as text, YYYY-MM-DD (this YAML read it as a timestamp)' : 'must be a date written YYYY-MM-DD',
  })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isIsoDate, { error: (issue) => `${JSON.stringify(issue.input)} is not a calendar date` })
  .refine((d) => d >= EARLIEST_DATE, { error: (issue) => `${JSON.stringify(issue.input)} is before ${EARLIEST_DATE}, the earliest date basket takes` });

/** The settings of a check, in `defaults` or on a claim; each may be left out. */
const SETTINGS_SHAPE = {
  'as-of': IsoDateText.optional().describe('The date the claim speaks as of (YYYY-MM-DD): the end of the window, the date of quotes.'),
  from: IsoDateText.optional().describe('The start of the window (YYYY-MM-DD), on or before as-of.'),
  currency: z
    .string({ error: 'must be a currency code such as USD, or own' })
    .regex(/^(?:[A-Z]{3}|own)$/, 'must be a currency code of three capital letters such as USD, or own')
    .nullable()
    .optional()
    .describe('The currency every member is converted to (USD, HKD…), or own (or null): each member in its own currency.'),
  weights: z.enum(WEIGHTINGS).optional().describe('Member weights: equal (1/n), cap (market value at the start) or config (the basket file\'s).'),
  rebalance: z.enum(REBALANCES).optional().describe('Reset to target weights at each period end; none: buy and hold.'),
  'pe-method': z.enum(PE_METHODS).optional().describe('How a basket\'s P/E is made of its members\'.'),
  'negative-pe': z.enum(NEGATIVE_PE_POLICIES).optional().describe('Members with expected losses: left out of the P/E, or included.'),
  lookback: z.enum(LOOKBACKS).optional().describe('How far before from "highest since" looks.'),
  'price-return': z.boolean({ error: 'must be true or false' }).optional().describe('true: price return (closes unadjusted for dividends); false: total return.'),
  'point-in-time': z.enum(POINT_IN_TIME_RULES).optional().describe('A quote figure dated after as-of: used and flagged, or left out (strict).'),
  'max-quote-age': z.int({ error: 'must be a whole number of days' }).min(0, 'must be 0 or more days').optional().describe('The oldest a quote figure may be, in days before as-of.'),
  'min-coverage': z
    .number({ error: 'must be a number above 0 and at most 1' })
    .gt(0, 'must be above 0 (a share of the members, such as 0.8)')
    .lte(1, 'must be at most 1 (a share of the members, such as 0.8)')
    .optional()
    .describe('The share of members (above 0, at most 1) that must have data for the figure to count.'),
  'pe-at': z.enum(PE_AT).optional().describe('quote-date: each P/E as of its own date; as-of: repriced to the as-of date.'),
} as const;

export const SETTING_KEYS: readonly string[] = Object.keys(SETTINGS_SHAPE);

/** `from` on or before `as-of` when both are given at one level. */
function checkWindow(settings: { readonly 'as-of'?: string | undefined; readonly from?: string | undefined }, ctx: z.RefinementCtx): void {
  const { 'as-of': asOf, from } = settings;
  if (asOf !== undefined && from !== undefined && from > asOf) ctx.addIssue({ code: 'custom', path: ['from'], message: `${from} is after as-of ${asOf}` });
}

const Settings = z.strictObject(SETTINGS_SHAPE, { error: 'must be a mapping of settings (as-of, from, currency…)' }).superRefine(checkWindow);

const CLAIM_SHAPE = {
  id: z
    .string({ error: 'must be text, such as titans-ytd' })
    .regex(CLAIM_ID, 'must be a letter or digit followed by letters, digits, "-", "_" or "."')
    .describe('The claim\'s name, unique in the file: a letter or digit, then letters, digits, -, _ or .'),
  says: Text('what the story says').describe('What the story says, in its words.'),
  figure: z.enum(FIGURES).describe('The figure the claim is about.'),
  basket: Text('a basket id or the path of a basket file').optional().describe('The basket the claim is about: an id (mag7) or the path of a basket file. Give basket or symbol, not both.'),
  symbol: Text('a ticker symbol')
    .refine((s) => symbolProblem(toSymbol(s)) === null, { error: (issue) => symbolProblem(toSymbol(String(issue.input))) ?? 'not a ticker symbol' })
    .optional()
    .describe('The one symbol the claim is about (HSTECH.HK). Give basket or symbol, not both.'),
  against: Text('a basket id or the path of a basket file').optional().describe('The basket compared with: required for discount and return-spread, refused for other figures.'),
  period: z.enum(PERIODS).optional().describe('The named period ending on as-of: required for period-return, refused for other figures.'),
  expect: z
    .string({
      error: (issue) =>
        typeof issue.input === 'number' ? 'is a number: write the test as quoted text, such as "> 0.40"' : 'must be a test written as text, such as "> 0.40"',
    })
    .meta({
      description:
        'The test the figure must pass: > x, >= x (≥), < x, <= x (≤), = x, ≈ x ± t (~, +/-), or between x and y. x is 0.40 or 40% for a fraction, 18 or 18x for a P/E multiple, a plain number for money, YYYY-MM-DD for a date; t is absolute, relative when written with %, in days for a date (3d). Quote it in YAML.',
      pattern: EXPECT_PATTERN,
      examples: ['> 0.40', '≈ 0.10 ± 0.02', '<= 2021-12-31', 'between 15x and 20x'],
    }),
  source: z.string({ error: 'must be text' }).nullable().optional().describe('Where the claim was made, if not the story\'s source.'),
  quote: z.string({ error: 'must be text' }).nullable().optional().describe('The sentence of the story the claim stands for, word for word.'),
  ...SETTINGS_SHAPE,
} as const;

export const CLAIM_KEYS: readonly string[] = Object.keys(CLAIM_SHAPE);

type ClaimFields = z.infer<z.ZodObject<typeof CLAIM_SHAPE>>;

/** What the fields of a claim say of each other: one subject, `against` and `period` only for the figures that take them, an expectation in the figure's unit. */
function checkClaim(claim: ClaimFields, ctx: z.RefinementCtx): void {
  const add = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
  if (claim.basket === undefined && claim.symbol === undefined) add('basket', 'is required: the basket the claim is about (or symbol, for one symbol)');
  if (claim.basket !== undefined && claim.symbol !== undefined) add('symbol', 'give basket or symbol, not both');
  const needsAgainst = AGAINST_FIGURES.includes(claim.figure);
  if (needsAgainst && claim.against === undefined) add('against', `is required for figure ${claim.figure}: the basket it is compared with`);
  if (!needsAgainst && claim.against !== undefined) add('against', `applies only to figures ${AGAINST_FIGURES.join(' and ')}, not ${claim.figure}`);
  const needsPeriod = PERIOD_FIGURES.includes(claim.figure);
  if (needsPeriod && claim.period === undefined) add('period', `is required for figure ${claim.figure}: one of ${PERIODS.join(', ')}`);
  if (!needsPeriod && claim.period !== undefined) add('period', `applies only to figure ${PERIOD_FIGURES.join(', ')}, not ${claim.figure} (for a window, give from and as-of)`);
  const expectation = parseExpectation(claim.expect, FIGURE_UNITS[claim.figure]);
  if (!expectation.ok) add('expect', expectation.message);
  checkWindow(claim, ctx);
}

/** One-of and if/then rules that zod checks in checkClaim, for editors. */
const CLAIM_RULES = {
  oneOf: [{ required: ['basket'] }, { required: ['symbol'] }],
  allOf: [
    {
      if: { properties: { figure: { enum: AGAINST_FIGURES } }, required: ['figure'] },
      then: { required: ['against'] },
      else: { not: { required: ['against'] } },
    },
    {
      if: { properties: { figure: { enum: PERIOD_FIGURES } }, required: ['figure'] },
      then: { required: ['period'] },
      else: { not: { required: ['period'] } },
    },
  ],
};

const Claim = z
  .strictObject(CLAIM_SHAPE, { error: 'must be a mapping with id, says, figure, basket or symbol, and expect' })
  .superRefine(checkClaim)
  .meta({ description: 'One numeric claim of the story, and the test its figure must pass.', ...CLAIM_RULES });

/** Claim ids are unique in a file: the second use is the error. */
function checkIds(claims: readonly { readonly id: string }[], ctx: z.RefinementCtx): void {
  const first = new Map<string, number>();
  claims.forEach(({ id }, i) => {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `the id "${id}" is used twice (claims #${earlier + 1} and #${i + 1})` });
  });
}

export const ClaimsDocument = z.strictObject({
  $schema: z.string().optional().describe('The JSON Schema this file follows, for editors.'),
  story: Text('the story\'s headline').describe('The story whose claims are checked: its headline, outlet and date.'),
  source: z.string({ error: 'must be text' }).nullable().optional().describe('Where the story was published (a URL).'),
  defaults: Settings.nullable().optional().describe('Settings for every claim; any claim may override any of them.'),
  claims: z
    .array(Claim, { error: 'must be a list of claims' })
    .min(1, 'no claims: list at least one')
    .superRefine(checkIds)
    .describe('The story\'s numeric claims.'),
});

export type ClaimsDocument = z.infer<typeof ClaimsDocument>;
export type SettingsFields = z.infer<typeof Settings>;

/** The JSON Schema (draft 2020-12) of a claims file, for editors and for schema/claims.schema.json. */
export function claimsJsonSchema(): object {
  return publishedSchema(z.toJSONSchema(ClaimsDocument, { target: 'draft-2020-12' }), {
    id: 'claims',
    title: 'basket claims file',
    description: 'A story\'s numeric claims for `basket check FILE` to re-check: each names a figure, a basket or symbol, and the test its value must pass.',
  });
}
