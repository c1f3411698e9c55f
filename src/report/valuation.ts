/**
 * A basket's valuation figures for the report: forward and trailing P/E under
 * every method, with the sanity check on currency-mismatched P/Es. Pure.
 */
import {
  basketPE,
  looksCurrencyMismatched,
  PE_METHODS,
  type BasketPE,
  type NegativePEPolicy,
  type PEMethod,
} from '../analytics/valuation.js';
import type { Quote, SymbolIssue } from '../domain/types.js';
import type { PEByMethod, Valuation } from './types.js';

export interface BasketValuation {
  /** Forward P/E of each member as used (a suspect one is `null`). */
  readonly forwardPEs: readonly (number | null)[];
  readonly forward: Readonly<Record<PEMethod, BasketPE>>;
  readonly trailing: Readonly<Record<PEMethod, BasketPE>>;
  readonly rows: readonly Valuation[];
}

const byMethod = (f: (m: PEMethod) => BasketPE) =>
  Object.fromEntries(PE_METHODS.map((m) => [m, f(m)])) as Record<PEMethod, BasketPE>;

export const valuesByMethod = (r: Readonly<Record<PEMethod, BasketPE>>): PEByMethod =>
  Object.fromEntries(PE_METHODS.map((m) => [m, r[m].value])) as unknown as PEByMethod;

/**
 * Every P/E figure of a basket. `marketValues` are the members' end market
 * values in one currency (for `aggregate`); suspect P/Es are noted and left out.
 */
export function valueBasket(
  symbols: readonly string[],
  quotes: readonly (Quote | undefined)[],
  marketValues: readonly (number | null)[],
  policy: NegativePEPolicy,
  note: (issue: SymbolIssue) => void,
): BasketValuation {
  const checked = (field: 'forwardPE' | 'trailingPE') =>
    quotes.map((q, i) => {
      const pe = q?.[field] ?? null;
      if (q && looksCurrencyMismatched(pe, q.currency, q.financialCurrency)) {
        note({
          symbol: symbols[i] as string,
          code: 'suspect-forward-pe',
          message: `${field === 'forwardPE' ? 'forward' : 'trailing'} P/E ${pe} looks currency-mismatched (price in ${q.currency}, earnings in ${q.financialCurrency}): left out`,
        });
        return null;
      }
      return pe;
    });
  const forwardPEs = checked('forwardPE');
  const trailingPEs = checked('trailingPE');
  const forward = byMethod((m) => basketPE(m, forwardPEs, marketValues, policy));
  const trailing = byMethod((m) => basketPE(m, trailingPEs, marketValues, policy));
  const rows: Valuation[] = (['forward', 'trailing'] as const).flatMap((basis) =>
    PE_METHODS.map((method) => {
      const r = (basis === 'forward' ? forward : trailing)[method];
      return { basis, method, value: r.value, earningsYield: r.earningsYield, status: r.status, coverage: { included: r.included, total: r.total } };
    }),
  );
  return { forwardPEs, forward, trailing, rows };
}
