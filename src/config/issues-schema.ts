/**
 * A note on the data (domain/types.ts's SymbolIssue) as zod describes it,
 * for the JSON Schema of `basket compare --format json`
 * (config/report-schema.ts). Descriptive only: nothing is parsed with it.
 * test/config/report-schema.test.ts holds it equal to the type at compile
 * time, and ISSUE_CODES to the IssueCode union.
 */
import { z } from 'zod';
import { count, date, text } from './check-inputs-schema.js';

/** domain/types.ts's IssueCode, a type without a list (the test holds them equal), each with what it means. */
const ISSUE_CODE_MEANINGS = {
  'no-data': 'the provider has no price history for the symbol',
  'no-quote': 'the provider has no quote for the symbol',
  'bad-data': 'the provider\'s data for the symbol was unusable',
  'bars-skipped': 'some bars had no usable close and were left out',
  'no-start-price': 'no close before the start of the period',
  'no-end-price': 'no close in the period',
  'stale-price': 'the end price is much older than the as-of date',
  'no-forward-pe': 'forward P/E unknown: excluded from the basket P/E',
  'non-positive-forward-pe': 'forward P/E ≤ 0 (losses): excluded from the basket P/E',
  'basket-empty': 'no member of a basket has a return for the period',
  'no-currency': 'the symbol\'s currency is unknown, so it cannot be converted',
  'no-fx': 'no FX rates to convert the symbol into the report currency',
  'suspect-forward-pe': 'a forward P/E that looks currency-mismatched: excluded',
  'suspect-trailing-pe': 'a trailing P/E that looks currency-mismatched: excluded',
  'no-trailing-pe': 'trailing P/E unknown or ≤ 0: excluded from the basket\'s trailing P/E',
  'no-market-value': 'market cap unknown: no market value change, cap weight or aggregate P/E',
  'mixed-currencies': 'money figures in different currencies cannot be added up',
  'gap-in-data': 'no close for longer than the allowed gap',
  'large-move': 'a one-day move beyond the allowed size',
  'suspect-split': 'a one-day move that looks like an unadjusted split: flagged (left out only with --suspect-splits drop)',
  'split-adjusted': 'a split the data records was found unadjusted in the closes, and adjusted',
  'quote-after-as-of': 'a quote figure dated after the as-of date was used (or, under --point-in-time strict, left out)',
  'stale-quote': 'a quote figure older than --max-quote-age was used',
  'undated-quote': 'quote figures without a date, taken as of the as-of date',
  'no-lookback': 'a series\' history does not reach back over the whole --lookback',
  'benchmark-fallback': 'the first benchmark had no data over the window: a fallback was used',
  'stale-data': 'cached data used without asking the source (--offline, or the source unreachable)',
} as const;

/** Every kind of note on the data, in domain/types.ts's order. */
export const ISSUE_CODES = Object.keys(ISSUE_CODE_MEANINGS) as (keyof typeof ISSUE_CODE_MEANINGS)[];

const codes = ISSUE_CODES.map((code) => `${code}: ${ISSUE_CODE_MEANINGS[code]}`).join('; ');

export const SymbolIssueSchema = z
  .strictObject({
    symbol: z.string().nullable().describe('The symbol the note is about; null: about several (`symbols`), a basket as a whole (`basket`), or the data source.'),
    basket: text('The basket the note is about, when it is about one basket (its id); absent otherwise.').optional(),
    code: z.enum(ISSUE_CODES).describe(`The kind of problem, stable and machine-readable. ${codes}.`),
    message: text('The note in words, as basket prints it on stderr.'),
    fetchedAt: text('`stale-data`: when the cached data were fetched (an ISO 8601 instant); absent otherwise.').optional(),
    unknownSymbol: z.boolean().optional().describe('`no-data`: the source says it does not know the symbol (not merely no closes in the range); absent otherwise.'),
    date: date('`suspect-split`, `split-adjusted`: the day of the move; quote flags: the figure\'s date; absent otherwise.').optional(),
    ratio: z.number().optional().describe('`suspect-split`, `split-adjusted`: new shares per old one (3 for 3-for-1, 0.5 for 1-for-2); absent otherwise.'),
    symbols: z.array(z.string()).optional().describe('Quote flags: the symbols the note covers; absent otherwise.'),
    fields: z.array(z.string()).optional().describe('Quote flags: the quote figures the note covers (`forwardPE`, `marketCap`, `sharesOutstanding`, …); absent otherwise.'),
    days: count('`quote-after-as-of`, `stale-quote`: calendar days between the figure\'s date and the as-of date; absent otherwise.').optional(),
  })
  .meta({ id: 'SymbolIssue', description: 'A note on the data: a problem with one symbol, several, a basket, or (`symbol: null` without a basket) the data source.' });
