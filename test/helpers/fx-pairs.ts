/**
 * The FX pairs a report is given (as market-data.ts hands them over), made
 * from FX series named as Yahoo and the offline format name them (`USDHKD=X`,
 * the price of one USD in HKD): for each currency, its direct series into
 * `currency` when there is one, else the inverse, inverted.
 */
import type { FxPair, PriceSeries } from '../../src/domain/types.js';

const isFx = (s: PriceSeries) => s.symbol.endsWith('=X');

/** The pairs into `currency` the FX series among `series` give, by the currency converted from. */
export function fxPairsFrom(series: readonly PriceSeries[], currency: string | null): Map<string, FxPair> {
  const pairs = new Map<string, FxPair>();
  if (currency === null) return pairs;
  for (const s of series.filter(isFx)) {
    const base = s.symbol.slice(0, 3);
    const quote = s.symbol.slice(3, 6);
    const from = quote === currency ? base : base === currency ? quote : null;
    if (from === null || pairs.get(from)?.rates?.inverted === false) continue;
    pairs.set(from, { names: [`${from}${currency}=X`, `${currency}${from}=X`], rates: { from, to: currency, series: s, inverted: base === currency } });
  }
  return pairs;
}

/** `series` without the FX series: the members' and benchmarks' history. */
export const withoutFx = (series: readonly PriceSeries[]) => series.filter((s) => !isFx(s));
