/**
 * One basket of `basket compare --format json` (report/types.ts's
 * BasketReport, its members and, with --explain, report/inputs.ts's
 * BasketInputs) as zod describes it, for the JSON Schema of the output
 * (config/report-schema.ts). Descriptive only: nothing is parsed with it.
 * Config may not import report/, so the types are spelled again here;
 * test/config/report-schema.test.ts holds them equal at compile time.
 */
import { z } from 'zod';
import { PE_METHODS, PERIODS, REBALANCES, WEIGHTINGS } from '../domain/options.js';
import {
  BenchmarkReportSchema,
  CoverageSchema,
  date,
  dateOrNull,
  LevelSeriesSchema,
  MarketValueInputsSchema,
  numberOrNull,
  PE_STATUSES,
  PEInputsSchema,
  PeriodReturnSchema,
  ReturnInputsSchema,
  RiskInputsSchema,
  RiskSchema,
  text,
  textOrNull,
} from './check-inputs-schema.js';

const coverage = (description: string) => CoverageSchema.describe(description);
const peStatus = (description: string) => z.enum(PE_STATUSES).describe(description);

// a member is priced as a benchmark is (report/types.ts's PricedFigures), and stands against its past as a basket's risk does (Highs)
const priced = BenchmarkReportSchema.omit({ excessReturn: true, risk: true, fx: true }).shape;
const highs = RiskSchema.pick({ highestSince: true, windowHigh: true, windowHighDate: true, fromWindowHigh: true }).shape;

export const MemberReportSchema = z
  .strictObject({
    ...priced,
    symbol: text('The member\'s ticker symbol.'),
    periods: z.array(PeriodReturnSchema).describe('Its returns over the named periods asked for (--periods), in the report currency.'),
    weight: numberOrNull('The member\'s target weight in the basket; null when left out.'),
    contribution: numberOrNull('Its part of the basket\'s return (buy-and-hold: weight × return); null when left out.'),
    marketValueStart: numberOrNull('Market value at the start (shares held constant), in the report currency or its own.'),
    marketValueEnd: numberOrNull('Market value at the end, in the report currency or its own.'),
    marketValueChange: numberOrNull('`marketValueEnd − marketValueStart`.'),
    forwardPE: numberOrNull('Its forward P/E, as of `forwardPEDate`.'),
    trailingPE: numberOrNull('Its trailing P/E, as of `trailingPEDate`.'),
    forwardPEDate: dateOrNull('The date the forward P/E refers to; null: unknown, or an undated quote taken as of the as-of date.'),
    trailingPEDate: dateOrNull('The date the trailing P/E refers to; null: unknown, or an undated quote taken as of the as-of date.'),
    marketCapDate: dateOrNull('The date of the cap (or share count) the market value comes from.'),
    marketValueFrom: z
      .enum(['marketCap', 'sharesOutstanding'])
      .nullable()
      .describe('What the market value comes from: a market cap, a share count, or nothing known (null).'),
    forwardPEProvider: textOrNull('Who gave the forward P/E, when the data says.'),
    marketCapProvider: textOrNull('Who gave the market-value figure, when the data says.'),
    included: z.boolean().describe('Whether this member\'s return is in the basket\'s return.'),
    ...highs,
  })
  .meta({ id: 'MemberReport', description: 'A member of a basket priced over the window, with its valuation and where it stands against its past.' });

export const ValuationSchema = z
  .strictObject({
    basis: z.enum(['forward', 'trailing']).describe('Forward or trailing earnings.'),
    method: z.enum(PE_METHODS).describe('How the basket\'s P/E is made of its members\'.'),
    value: numberOrNull('The basket\'s P/E, a multiple; null when unknown or not meaningful.'),
    earningsYield: numberOrNull('The basket\'s earnings yield (E/P), a fraction; may be ≤ 0 when losses are included.'),
    status: peStatus('ok; unknown: no member has a P/E; not-meaningful: the basket\'s earnings are ≤ 0 (shown n/m).'),
    coverage: coverage('The members in the P/E, of all.'),
  })
  .meta({ id: 'Valuation', description: 'A basket\'s P/E on one basis under one method.' });

export const PEByMethodSchema = z
  .strictObject({
    harmonic: numberOrNull('Harmonic mean, `Σ wᵢ / Σ (wᵢ / PEᵢ)`: total price over total earnings.'),
    median: numberOrNull('Median of the members\' P/Es.'),
    mean: numberOrNull('Weighted arithmetic mean, `Σ wᵢ PEᵢ / Σ wᵢ`.'),
    aggregate: numberOrNull('Aggregate (cap-weighted), `Σ MVᵢ / Σ (MVᵢ / PEᵢ)`.'),
  })
  .meta({ id: 'PEByMethod', description: 'A figure under each P/E method; null when unknown or not meaningful.' });

export const MethodReturnSchema = z
  .strictObject({
    weights: z.enum(WEIGHTINGS).describe('Member weights: equal (1/n), cap (market value at the start) or config (the basket file\'s).'),
    rebalance: z.enum(REBALANCES).describe('Reset to target weights at each period end; none: buy and hold.'),
    return: numberOrNull('The basket\'s return under these weights and rebalancing, a fraction.'),
    coverage: coverage('The members in the return, of all.'),
  })
  .meta({ id: 'MethodReturn', description: 'The basket\'s return under one weighting and rebalancing (--weights all).' });

const MemberExtremeSchema = z
  .strictObject({
    symbol: text('The member\'s ticker symbol.'),
    return: z.number().describe('Its return, a fraction.'),
  })
  .meta({ id: 'MemberExtreme', description: 'The member with the highest or lowest return.' });

const peInputsList = (description: string) => z.array(PEInputsSchema).describe(description);

export const BasketInputsSchema = z
  .strictObject({
    return: ReturnInputsSchema.describe('The basket\'s return.'),
    periods: z
      .array(
        z.strictObject({
          period: z.enum(PERIODS).describe('The named period.'),
          return: ReturnInputsSchema.describe('The basket\'s return over it.'),
        }),
      )
      .describe('Each period\'s return (--periods), over its own window.'),
    alternatives: z.array(ReturnInputsSchema).nullable().describe('--weights all: the return under each other weighting and rebalancing (as `alternatives`); else null.'),
    forwardPE: PEInputsSchema.describe('The basket\'s forward P/E.'),
    trailingPE: PEInputsSchema.describe('The basket\'s trailing P/E.'),
    byMethod: z
      .strictObject({
        forward: peInputsList('The forward P/E under each method.'),
        trailing: peInputsList('The trailing P/E under each method.'),
      })
      .nullable()
      .describe('--pe-method all: the forward and trailing P/E under each method (harmonic, median, mean, aggregate); else null.'),
    marketValueChange: MarketValueInputsSchema.describe('The members\' market values.'),
    risk: RiskInputsSchema.nullable().describe('The level-path figures; null without a daily level.'),
  })
  .meta({ id: 'BasketInputs', description: 'The inputs and arithmetic behind a basket\'s figures (--explain).' });

export const BasketReportSchema = z
  .strictObject({
    id: text('The basket\'s id.'),
    name: text('The basket\'s name.'),
    benchmark: textOrNull('The benchmark used: the first of `benchmarks` with data over the window; when none has data, the first (its figures null); null without benchmarks.'),
    benchmarks: z.array(z.string()).describe('The benchmark and its fallbacks, in order of preference.'),
    source: text('`preset`, or the config file the basket came from.'),
    return: numberOrNull('The basket\'s return under the report\'s method, in the report currency, a fraction.'),
    membersWithData: coverage('The members in the return, of all.'),
    best: MemberExtremeSchema.nullable().describe('The member with the highest return; null when none has one.'),
    worst: MemberExtremeSchema.nullable().describe('The member with the lowest return; null when none has one.'),
    currency: textOrNull('The currency of the basket\'s money figures; null when its members\' currencies differ and no --currency was given.'),
    marketValueChange: numberOrNull('Σ of the members\' market value changes; null when none is known or currencies differ.'),
    marketValueCoverage: coverage('The members whose market value is known, of all.'),
    forwardPE: numberOrNull('Forward P/E under `peMethod`.'),
    forwardPEDates: z
      .strictObject({
        earliest: date('The earliest date of a member\'s forward P/E in it.'),
        latest: date('The latest date of a member\'s forward P/E in it.'),
      })
      .nullable()
      .describe('The earliest and latest dates of the members\' forward P/Es in it; null when none is dated.'),
    forwardPEStatus: peStatus('ok; unknown: no member has a forward P/E; not-meaningful: the basket\'s earnings are ≤ 0.'),
    peMethod: z.enum(PE_METHODS).describe('The P/E method of `forwardPE`, `earningsYield` and `trailingPE`.'),
    peCoverage: coverage('The members in the forward P/E, of all.'),
    earningsYield: numberOrNull('Forward earnings yield under `peMethod` (E/P; may be ≤ 0 when losses are included).'),
    trailingPE: numberOrNull('Trailing P/E under `peMethod`.'),
    trailingPEStatus: peStatus('ok; unknown: no member has a trailing P/E; not-meaningful: the basket\'s earnings are ≤ 0.'),
    trailingPECoverage: coverage('The members in the trailing P/E, of all.'),
    forwardPEs: PEByMethodSchema.describe('The forward P/E under each method.'),
    trailingPEs: PEByMethodSchema.describe('The trailing P/E under each method.'),
    valuation: z.array(ValuationSchema).describe('Every basis × method, with status and coverage.'),
    periods: z.array(PeriodReturnSchema).describe('The basket\'s returns over the named periods asked for (--periods).'),
    risk: RiskSchema.nullable().describe('Its risk figures, read off its daily level; null without one.'),
    benchmarkResult: BenchmarkReportSchema.nullable().describe('The benchmark over the window; null without benchmarks.'),
    alternatives: z.array(MethodReturnSchema).nullable().describe('With --weights all: the same basket under each weighting and rebalancing; otherwise null.'),
    members: z.array(MemberReportSchema).describe('Every member, in the basket\'s order.'),
    levels: LevelSeriesSchema.nullable().optional().describe('The basket\'s daily level under the report\'s method (the path its return and risk come from); absent unless asked for, null without data.'),
    inputs: BasketInputsSchema.optional().describe('The inputs and arithmetic behind its figures (--explain); absent unless asked for.'),
  })
  .meta({ id: 'BasketReport', description: 'One basket over the window: its return, valuation, risk, benchmark and members.' });
