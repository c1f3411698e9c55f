/**
 * The audit trail in `basket check --format json --explain` as zod describes
 * it: the inputs behind a claim's figure (report/inputs.ts) and the benchmark
 * an excess return is taken against (report/types.ts's BenchmarkReport).
 * Descriptive only, for the JSON Schema of the output (config/check-schema.ts);
 * nothing is parsed with it. Config may not import report/, so the types are
 * spelled again here and test/config/check-schema.test.ts holds them equal
 * at compile time. An `id` names a shape in the schema's `$defs`.
 */
import { z } from 'zod';
import { NEGATIVE_PE_POLICIES, PE_METHODS, PERIODS, REBALANCES, WEIGHTINGS } from '../domain/options.js';

/** analytics/valuation.ts's PEStatus (config may not import analytics/). */
export const PE_STATUSES = ['ok', 'unknown', 'not-meaningful'] as const;

/** An ISO calendar date, as every date in the output is written. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const date = (description: string) => IsoDate.describe(description);
export const dateOrNull = (description: string) => IsoDate.nullable().describe(description);
export const text = (description: string) => z.string().describe(description);
export const textOrNull = (description: string) => z.string().nullable().describe(description);
export const numberOrNull = (description: string) => z.number().nullable().describe(description);
export const count = (description: string) => z.int().min(0).describe(description);

export const CoverageSchema = z
  .strictObject({
    included: count('How many members the figure includes.'),
    total: count('How many members the basket has.'),
  })
  .meta({ id: 'Coverage', description: 'How many of a basket\'s members a figure is made of.' });
const coverage = (description: string) => CoverageSchema.describe(description);

const RateInputSchema = z
  .strictObject({
    date: date('The date of the FX close the rate is.'),
    rate: z.number().describe('Units of the report currency per unit of the member\'s currency.'),
  })
  .meta({ id: 'RateInput', description: 'A rate into the report currency and the date of the close it is.' });

const MemberReturnInputSchema = z
  .strictObject({
    symbol: text('The member\'s ticker symbol.'),
    included: z.boolean().describe('In the return; else `reason` says why not.'),
    reason: textOrNull('Why the member is not in the return; null when it is.'),
    currency: textOrNull('The member\'s own currency (major unit); null when unknown.'),
    startDate: dateOrNull('The date of the last close before `from`, on the report\'s price basis.'),
    startClose: numberOrNull('The last close before `from`, own currency, on the report\'s price basis.'),
    endDate: dateOrNull('The date of the last close on or before the as-of date.'),
    endClose: numberOrNull('The last close on or before the as-of date, own currency, on the report\'s price basis.'),
    localReturn: numberOrNull('`endClose / startClose − 1`, a fraction.'),
    fx: z
      .strictObject({
        pair: text('The FX series, from the member\'s currency to the report currency.'),
        start: RateInputSchema.describe('The rate on the start date.'),
        end: RateInputSchema.describe('The rate on the end date.'),
      })
      .nullable()
      .describe('The FX series and its rates on those dates; null without conversion (no report currency, or the same currency).'),
    return: numberOrNull('`(1 + localReturn) × (fx.end.rate / fx.start.rate) − 1`, a fraction.'),
    weight: numberOrNull('Its weight in the basket; null when left out.'),
    contribution: numberOrNull('Buy and hold: `weight × return`; rebalanced: its part of the path\'s return.'),
  })
  .meta({ id: 'MemberReturnInput', description: 'One member of a basket\'s return.' });

export const ReturnInputsSchema = z
  .strictObject({
    from: date('The start of the window.'),
    asOf: date('The as-of date, the end of the window.'),
    weights: z.enum(WEIGHTINGS).describe('Member weights: equal (1/n), cap (market value at the start) or config (the basket file\'s).'),
    rebalance: z.enum(REBALANCES).describe('Reset to target weights at each period end; none: buy and hold.'),
    currency: textOrNull('The report currency; null: each member in its own.'),
    members: z.array(MemberReturnInputSchema).describe('Every member, in the basket\'s order.'),
    startValues: z
      .array(z.number().nullable())
      .nullable()
      .describe('Cap weights: each member\'s market value at the start (report currency), `weight = value / Σ values` over the members in it; else null.'),
    resets: z
      .array(
        z
          .strictObject({
            date: date('The base, a reset day (the last basket day of a period) or the last day.'),
            level: z.number().describe('The basket\'s level that day (100 at the base).'),
            prices: z.array(z.number().nullable()).describe('Each member\'s price then, in the report currency; null: not in the basket.'),
          })
          .meta({ id: 'ResetInput', description: 'A rebalanced basket on a reset day.' }),
      )
      .nullable()
      .describe('Rebalanced: the base, each reset day and the last day, `L(next) = L(reset) × Σ wᵢ Pᵢ(next) / Pᵢ(reset)`; null for buy-and-hold.'),
    value: numberOrNull('The basket\'s return, a fraction: `Σ contributions` over the members in it.'),
  })
  .meta({ id: 'ReturnInputs', description: 'A basket\'s return: `Σ contributions` over the members in it.' });

const MemberPEInputSchema = z
  .strictObject({
    symbol: text('The member\'s ticker symbol.'),
    pe: numberOrNull('The P/E used (repriced to the as-of date under `--pe-at as-of`); null when unknown or left out.'),
    quoted: numberOrNull('The P/E as the data gives it, when repriced or when it differs from `pe` (left out as suspect); else null.'),
    date: dateOrNull('The date of the P/E (of one left out for being dated after the as-of date, too); null when undated.'),
    provider: textOrNull('Who gave the P/E, when the data says.'),
    weight: numberOrNull('Its weight in the basket\'s return, which is its weight in the P/E when it is used (shown for a member left out too).'),
    repriced: z
      .strictObject({
        atQuote: z.number().describe('The price the P/E was quoted at, on its date.'),
        atAsOf: z.number().describe('The close on the as-of date.'),
      })
      .nullable()
      .describe('--pe-at as-of: repriced from `quoted`, `pe = quoted × atAsOf / atQuote` (earnings estimate held constant); else null.'),
    used: z.boolean().describe('In the basket\'s P/E; else `reason` says why not.'),
    reason: textOrNull('Why the member is not in the P/E; null when it is.'),
  })
  .meta({ id: 'MemberPEInput', description: 'One member\'s P/E as the basket\'s P/E sees it.' });

export const PEInputsSchema = z
  .strictObject({
    basis: z.enum(['forward', 'trailing']).describe('Forward or trailing earnings.'),
    method: z.enum(PE_METHODS).describe('How the basket\'s P/E is made of its members\'.'),
    negativePE: z.enum(NEGATIVE_PE_POLICIES).describe('Members with expected losses: left out of the P/E (exclude), or their losses counted in it (include).'),
    members: z.array(MemberPEInputSchema).describe('Every member, in the basket\'s order.'),
    marketValues: z
      .array(z.number().nullable())
      .nullable()
      .describe('`aggregate` only: the end market values it weighs by (report currency), one per member; null for other methods.'),
    value: numberOrNull('The basket\'s P/E, a multiple; null when unknown or not meaningful.'),
    status: z.enum(PE_STATUSES).describe('ok; unknown: no member has a P/E; not-meaningful: the basket\'s earnings are ≤ 0.'),
    coverage: coverage('The members in the P/E, of all.'),
  })
  .meta({ id: 'PEInputs', description: 'A basket\'s P/E and the members\' P/Es it is made of.' });

const MemberMarketValueInputSchema = z
  .strictObject({
    symbol: text('The member\'s ticker symbol.'),
    from: z
      .enum(['marketCap', 'sharesOutstanding'])
      .nullable()
      .describe('What the market value comes from: a market cap (`figure` is the cap, in its own currency), a share count, or nothing known (null).'),
    figure: numberOrNull('The market cap or the share count.'),
    date: dateOrNull('The date of the cap or share count.'),
    provider: textOrNull('Who gave the figure, when the data says.'),
    priceAtCap: numberOrNull('The price the cap was computed at (the quote\'s own, or the close on or before its date); null for a share count.'),
    startDate: dateOrNull('The date of the start close.'),
    startClose: numberOrNull('The unadjusted close at the start (recorded splits since adjusted for).'),
    endDate: dateOrNull('The date of the end close.'),
    endClose: numberOrNull('The unadjusted close at the end (recorded splits since adjusted for).'),
    fxStart: numberOrNull('The rate into the report currency at the start (1 without conversion).'),
    fxEnd: numberOrNull('The rate into the report currency at the end (1 without conversion).'),
    start: numberOrNull('The market value at the start, shares held constant.'),
    end: numberOrNull('The market value at the end.'),
    change: numberOrNull('`end − start`.'),
    reason: textOrNull('Why it has no market value, when it has none; else null.'),
  })
  .meta({ id: 'MemberMarketValueInput', description: 'One member\'s market value over the window, shares held constant.' });

export const MarketValueInputsSchema = z
  .strictObject({
    currency: textOrNull('The currency of the amounts; null when the members\' currencies differ and none was set.'),
    members: z.array(MemberMarketValueInputSchema).describe('Every member, in the basket\'s order.'),
    value: numberOrNull('`Σ change` over the members whose value is known; null when none is.'),
    coverage: coverage('The members whose market value is known, of all.'),
  })
  .meta({ id: 'MarketValueInputs', description: 'A basket\'s market value change: `Σ change` over the members whose value is known.' });

const LevelPointSchema = z
  .strictObject({
    date: date('The trading day.'),
    level: z.number().describe('The basket\'s level that day (100 at the base).'),
  })
  .meta({ id: 'LevelPoint', description: 'A day of the basket\'s level, rebased to 100 at the window\'s base.' });

export const RiskInputsSchema = z
  .strictObject({
    dailyReturns: count('Daily returns in the volatility (`n`); σ = volatility / √252.'),
    peak: LevelPointSchema.nullable().describe('The level on the drawdown\'s peak.'),
    trough: LevelPointSchema.nullable().describe('The level on the drawdown\'s trough.'),
    last: LevelPointSchema.nullable().describe('The last level.'),
    highestSince: LevelPointSchema.nullable().describe('The level on the "highest since" date (the last day above the last level).'),
  })
  .meta({ id: 'RiskInputs', description: 'The level-path figures: what the risk figures were read from.' });

export const PeriodReturnSchema = z
  .strictObject({
    period: z.enum(PERIODS).describe('The named period ending on the as-of date.'),
    startDate: dateOrNull('The close the period starts from (the base of a basket\'s level).'),
    return: numberOrNull('The return over the period, a fraction.'),
  })
  .meta({ id: 'PeriodReturn', description: 'A return over a named period.' });

export const LevelSeriesSchema = z
  .strictObject({
    dates: z.array(IsoDate).describe('The base date, then each trading day in the window, ascending.'),
    values: z.array(z.number()).describe('The level on each date: `100 × Lₜ / L₀`.'),
  })
  .meta({ id: 'LevelSeries', description: 'A daily level over the window, rebased to 100 at its base (the last close before `from`).' });

export const RiskSchema = z
  .strictObject({
    highestSince: dateOrNull('The most recent earlier day whose value was above the last one, looking back over the window or the look-back too; null: the last value is the highest of all that was looked at.'),
    windowHigh: numberOrNull('The highest value within [from, asOf].'),
    windowHighDate: dateOrNull('The date of the highest value within [from, asOf].'),
    fromWindowHigh: numberOrNull('`last / windowHigh − 1`, a fraction.'),
    volatility: numberOrNull('Annualised volatility of daily returns (√252), a fraction.'),
    maxDrawdown: numberOrNull('Deepest fall from a running peak, ≤ 0.'),
    drawdownPeak: dateOrNull('The date of the drawdown\'s peak.'),
    drawdownTrough: dateOrNull('The date of the drawdown\'s trough.'),
  })
  .meta({ id: 'Risk', description: 'Risk figures and where a series stands against its past, in the report currency.' });

export const BenchmarkReportSchema = z
  .strictObject({
    symbol: text('The benchmark\'s ticker symbol.'),
    name: textOrNull('Its name, when the data gives one.'),
    currency: textOrNull('Its own currency, in its major unit (GBp → GBP).'),
    startDate: dateOrNull('The date of the start close.'),
    startPrice: numberOrNull('The start close in its own currency (major unit), on the report\'s price basis.'),
    endDate: dateOrNull('The date of the end close.'),
    endPrice: numberOrNull('The end close in its own currency (major unit), on the report\'s price basis.'),
    localReturn: numberOrNull('`endPrice / startPrice − 1`, in its own currency.'),
    fxReturn: numberOrNull('The currency\'s move against the report currency, `fxEnd / fxStart − 1`; null without a report currency.'),
    return: numberOrNull('The return in the report currency: `(1 + localReturn) × (1 + fxReturn) − 1`.'),
    periods: z.array(PeriodReturnSchema).describe('Its returns over the named periods asked for.'),
    levels: LevelSeriesSchema.nullable().optional().describe('Its own daily level in the report currency; absent unless asked for, null without data.'),
    excessReturn: numberOrNull('The basket\'s return minus the benchmark\'s.'),
    risk: RiskSchema.nullable().describe('Its risk figures; null without a daily level.'),
    fx: z
      .strictObject({
        pair: text('The FX series (`USDHKD=X`).'),
        start: RateInputSchema.describe('The rate on the start close\'s date.'),
        end: RateInputSchema.describe('The rate on the end close\'s date.'),
      })
      .nullable()
      .optional()
      .describe('The FX series and its rates on the start and end dates behind `fxReturn` (--explain); null without conversion.'),
  })
  .meta({ id: 'BenchmarkReport', description: 'A benchmark priced over the window.' });

const returnInputs = (description: string) => ReturnInputsSchema.describe(description);
const peInputs = (description: string) => PEInputsSchema.describe(description);

export const ClaimInputsSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('return').describe('A return or period return.'), return: returnInputs('The basket\'s return.') }),
    z.strictObject({ kind: z.literal('pe').describe('A forward or trailing P/E.'), pe: peInputs('The basket\'s P/E.') }),
    z.strictObject({
      kind: z.literal('discount').describe('A discount: 1 − P/E of the basket / P/E of the other.'),
      basket: peInputs('The basket\'s forward P/E.'),
      against: peInputs('The other basket\'s forward P/E.'),
    }),
    z.strictObject({
      kind: z.literal('return-spread').describe('A return spread: the basket\'s return − the other\'s.'),
      basket: returnInputs('The basket\'s return.'),
      against: returnInputs('The other basket\'s return.'),
    }),
    z.strictObject({
      kind: z.literal('excess-return').describe('An excess return: the basket\'s return − its benchmark\'s.'),
      basket: returnInputs('The basket\'s return.'),
      benchmark: BenchmarkReportSchema.nullable().describe('Its benchmark over the window; null when the basket has none.'),
    }),
    z.strictObject({ kind: z.literal('market-value').describe('A market value change.'), marketValue: MarketValueInputsSchema.describe('The members\' market values.') }),
    z.strictObject({
      kind: z.literal('risk').describe('Volatility, max drawdown, highest since or window high date: figures of the basket\'s daily level.'),
      risk: RiskInputsSchema.nullable().describe('The level-path figures; null without a daily level.'),
      return: returnInputs('The return the level is the path of.'),
    }),
  ])
  .meta({ id: 'ClaimInputs', description: 'What a claim\'s figure is made of (`--explain`), by the kind of figure: the report\'s own inputs for it.' });
