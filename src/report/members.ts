/**
 * A basket's members as the report shows them: each one's figures over the
 * window, its weight and contribution, market value, P/Es with their dates,
 * and where it stands against its highs. Pure.
 */
import type { ChosenQuote } from '../analytics/point-in-time.js';
import type { BasketDef } from '../config/basket.js';
import { NO_HIGHS, seriesHighs } from './highs.js';
import { symbolLevels } from './levels.js';
import { isFailure, type Failure, type PreparedSeries, type Span } from './pricing.js';
import type { MarketSize } from './quotes.js';
import type { MemberReport, PeriodReturn } from './types.js';
import type { BasketValuation } from './valuation.js';
import { isPriced, type WindowResult } from './window.js';

export interface MembersInput {
  readonly def: BasketDef;
  readonly prepared: readonly (PreparedSeries | Failure | null)[];
  readonly chosen: readonly (ChosenQuote | undefined)[];
  readonly main: WindowResult;
  /** Per period, each member's return. */
  readonly periods: readonly (readonly PeriodReturn[])[];
  readonly valuation: BasketValuation;
  readonly sizes: readonly (MarketSize | null)[];
  readonly span: Span;
  readonly lookback: Span | null;
  readonly levels: boolean;
}

export function toMemberReports(m: MembersInput): MemberReport[] {
  return m.def.symbols.map((symbol, i) => {
    const c = m.chosen[i];
    const q = c?.quote;
    const prep = m.prepared[i];
    const p = m.main.priced[i];
    const ok = isPriced(p) ? p : null;
    const v = m.main.marketValues[i] ?? null;
    const size = m.sizes[i] ?? null;
    const ready = prep && !isFailure(prep) ? prep : null;
    const included = m.main.weights[i] !== null && m.main.weights[i] !== undefined;
    const forwardPE = m.valuation.forwardPEs[i] ?? null;
    const highs = ok && ready ? seriesHighs(ready, m.span, m.lookback?.fromDay ?? null) : NO_HIGHS;
    return {
      symbol,
      name: q?.name ?? null,
      currency: ready ? ready.currency : (q?.currency ?? null),
      startDate: ok?.startDate ?? null,
      startPrice: ok?.startPrice ?? null,
      endDate: ok?.endDate ?? null,
      endPrice: ok?.endPrice ?? null,
      localReturn: ok?.localReturn ?? null,
      fxReturn: ok?.fxReturn ?? null,
      return: ok?.return ?? null,
      weight: m.main.weights[i] ?? null,
      contribution: m.main.contributions[i] ?? null,
      marketValueStart: v?.start ?? null,
      marketValueEnd: v?.end ?? null,
      marketValueChange: v?.change ?? null,
      forwardPE,
      trailingPE: m.valuation.trailingPEs[i] ?? null,
      forwardPEDate: forwardPE === null ? null : (c?.figures.forwardPE?.date ?? null),
      trailingPEDate: (m.valuation.trailingPEs[i] ?? null) === null ? null : (c?.figures.trailingPE?.date ?? null),
      marketCapDate: v === null ? null : (size?.date ?? null),
      marketValueFrom: v === null || size === null ? null : size.kind === 'cap' ? 'marketCap' : 'sharesOutstanding',
      forwardPEProvider: forwardPE === null ? null : (c?.figures.forwardPE?.provider ?? null),
      marketCapProvider: v === null ? null : (size?.provider ?? null),
      included,
      ...highs,
      periods: m.periods.map((period) => period[i] as PeriodReturn),
      ...(m.levels ? { levels: ok && ready ? symbolLevels(ready, m.span) : null } : {}),
    };
  });
}
