/**
 * A basket over one window [from, asOf] under one weighting and rebalancing
 * method: its members priced, their weights, the basket's return, daily
 * level and each member's contribution. Pure.
 */
import type { Rebalance, Weighting } from '../domain/options.js';
import { buyAndHoldPath, rebalancedPath, weightedBuyAndHold, type BasketPath } from '../analytics/basket.js';
import { marketValueFromCap, marketValueFromShares } from '../analytics/market-value.js';
import { equalWeights, proportionalWeights, renormalisedWeights } from '../analytics/weights.js';
import { isFailure, priceOver, type Failure, type PreparedSeries, type Priced, type Span } from './pricing.js';
import type { MarketSize } from './quotes.js';

export interface WindowMember {
  readonly prepared: PreparedSeries | Failure | null;
  /** Its market cap (with the price it was computed at) or share count, when known (report/quotes.ts). */
  readonly size: MarketSize | null;
}

export interface WindowResult {
  /** Each member priced over the window, or why not (`null`: no history at all). */
  readonly priced: readonly (Priced | Failure | null)[];
  /** Market value over the window (report currency, or the member's own), when its cap is known. */
  readonly marketValues: readonly ({ start: number; end: number; change: number } | null)[];
  readonly weights: readonly (number | null)[];
  readonly return: number | null;
  readonly contributions: readonly (number | null)[];
  readonly path: BasketPath | null;
  /** Members in the return, of all. */
  readonly included: number;
  readonly total: number;
  /** Why the weighting left members out (no market value, mixed currencies), for the notes. */
  readonly weightingGap: { readonly symbols: readonly string[]; readonly reason: 'no-market-value' | 'mixed-currencies' } | null;
}

export const isPriced = (p: Priced | Failure | null | undefined): p is Priced => p !== null && p !== undefined && !('code' in p);

/** A member's market value over the window from its cap or share count (report/quotes.ts), or null when neither is known. */
function marketValueOf(m: WindowMember, p: Priced | Failure | null) {
  const size = m.size;
  if (!isPriced(p) || size === null) return null;
  const value =
    size.kind === 'cap'
      ? marketValueFromCap(size.cap, size.priceAtCap, p.rawStart, p.rawEnd, p.fxStart, p.fxEnd)
      : marketValueFromShares(size.shares, p.rawStart, p.rawEnd, p.fxStart, p.fxEnd);
  return Number.isFinite(value.start) && Number.isFinite(value.end) && Number.isFinite(value.change) ? value : null;
}

export interface WindowMethod {
  readonly weights: Weighting;
  readonly rebalance: Rebalance;
  /** Config weights of the basket (aligned with its members), when it has them. */
  readonly configWeights: readonly number[] | null;
  /** Whether the members' money is all in one currency (the report's, or a shared own one). */
  readonly oneCurrency: boolean;
}

export function basketOverWindow(
  members: readonly WindowMember[],
  symbols: readonly string[],
  span: Span,
  method: WindowMethod,
  label: string,
): WindowResult {
  const priced = members.map((m) =>
    m.prepared === null ? null : isFailure(m.prepared) ? m.prepared : priceOver(m.prepared, span, label),
  );
  const marketValues = members.map((m, i) => marketValueOf(m, priced[i] ?? null));
  const usable = priced.map(isPriced);
  let weights: (number | null)[];
  let weightingGap: WindowResult['weightingGap'] = null;
  switch (method.weights) {
    case 'equal':
      weights = equalWeights(usable);
      break;
    case 'config':
      if (!method.configWeights) throw new RangeError('config weights requested for a basket without them');
      weights = renormalisedWeights(method.configWeights, usable);
      break;
    case 'cap': {
      if (!method.oneCurrency) {
        weights = usable.map(() => null);
        weightingGap = { symbols: [], reason: 'mixed-currencies' };
      } else {
        weights = proportionalWeights(marketValues.map((v, i) => (usable[i] ? (v?.start ?? null) : null)));
        const gaps = symbols.filter((_, i) => usable[i] && weights[i] === null);
        if (gaps.length > 0) weightingGap = { symbols: gaps, reason: 'no-market-value' };
      }
      break;
    }
  }
  const held = weights.flatMap((w, i) => (w === null ? [] : [i]));
  const returns = priced.map((p) => (isPriced(p) ? p.return : null));
  const prices = held.map((i) => (members[i]?.prepared as PreparedSeries).converted);
  const w = held.map((i) => weights[i] as number);
  let path: BasketPath | null = null;
  let ret: number | null = null;
  let contributions: (number | null)[] = members.map(() => null);
  if (held.length > 0) {
    if (method.rebalance === 'none') {
      path = buyAndHoldPath(prices, w, span.fromDay, span.asOfDay);
      ret = weightedBuyAndHold(weights, returns);
      contributions = weights.map((wi, i) => (wi === null ? null : wi * (returns[i] as number)));
    } else {
      path = rebalancedPath(prices, w, span.fromDay, span.asOfDay, method.rebalance);
      ret = (path.levels.at(-1) as number) - 1;
      held.forEach((i, k) => {
        contributions[i] = path?.contributions[k] ?? null;
      });
    }
  }
  return {
    priced,
    marketValues,
    weights,
    return: ret,
    contributions,
    path,
    included: held.length,
    total: members.length,
    weightingGap,
  };
}
