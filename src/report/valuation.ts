/**
 * A basket's valuation figures for the report: forward and trailing P/E under
 * every method, over exactly the members in the basket's return and weighted
 * by its target weights, with the sanity check on currency-mismatched P/Es
 * and a note for every member left out. Pure.
 */
import { PE_METHODS, type NegativePEPolicy, type PEMethod } from '../domain/options.js';
import { basketPE, looksCurrencyMismatched, type BasketPE } from '../analytics/valuation.js';
import type { Quote, SymbolIssue } from '../domain/types.js';
import type { PEByMethod, Valuation } from './types.js';

export interface BasketValuation {
  /** Forward and trailing P/E of each member as used (a suspect one is `null`). */
  readonly forwardPEs: readonly (number | null)[];
  readonly trailingPEs: readonly (number | null)[];
  readonly forward: Readonly<Record<PEMethod, BasketPE>>;
  readonly trailing: Readonly<Record<PEMethod, BasketPE>>;
  readonly rows: readonly Valuation[];
}

const byMethod = (f: (m: PEMethod) => BasketPE) =>
  Object.fromEntries(PE_METHODS.map((m) => [m, f(m)])) as Record<PEMethod, BasketPE>;

export const valuesByMethod = (r: Readonly<Record<PEMethod, BasketPE>>): PEByMethod =>
  Object.fromEntries(PE_METHODS.map((m) => [m, r[m].value])) as unknown as PEByMethod;

export interface ValuationInput {
  readonly symbols: readonly string[];
  /** Each member's quote figures on the as-of date (undefined: none). */
  readonly quotes: readonly (Quote | undefined)[];
  /** Each member's forward and trailing P/E as used (repriced, with --pe-at as-of). */
  readonly forwardPEs: readonly (number | null)[];
  readonly trailingPEs: readonly (number | null)[];
  /** End market values in one currency (for `aggregate`). */
  readonly marketValues: readonly (number | null)[];
  /** The basket's target weights; `null`: not in its return, so not in its P/E either. */
  readonly weights: readonly (number | null)[];
  readonly policy: NegativePEPolicy;
}

/** Every P/E figure of a basket; suspect P/Es are noted and left out. */
export function valueBasket(input: ValuationInput, note: (issue: SymbolIssue) => void): BasketValuation {
  const checked = (field: 'forwardPE' | 'trailingPE', pes: readonly (number | null)[]) =>
    input.quotes.map((q, i) => {
      const pe = pes[i] ?? null;
      if (q && looksCurrencyMismatched(q[field], q.currency, q.financialCurrency)) {
        const basis = field === 'forwardPE' ? 'forward' : 'trailing';
        note({
          symbol: input.symbols[i] as string,
          code: field === 'forwardPE' ? 'suspect-forward-pe' : 'suspect-trailing-pe',
          message: `${basis} P/E ${q[field]} looks currency-mismatched (price in ${q.currency}, earnings in ${q.financialCurrency}): left out`,
        });
        return null;
      }
      return pe;
    });
  const forwardPEs = checked('forwardPE', input.forwardPEs);
  const trailingPEs = checked('trailingPE', input.trailingPEs);
  const value = (pes: readonly (number | null)[]) => byMethod((m) => basketPE(m, pes, input.marketValues, input.policy, input.weights));
  const forward = value(forwardPEs);
  const trailing = value(trailingPEs);
  const rows: Valuation[] = (['forward', 'trailing'] as const).flatMap((basis) =>
    PE_METHODS.map((method) => {
      const r = (basis === 'forward' ? forward : trailing)[method];
      return { basis, method, value: r.value, earningsYield: r.earningsYield, status: r.status, coverage: { included: r.included, total: r.total } };
    }),
  );
  return { forwardPEs, trailingPEs, forward, trailing, rows };
}

const listed = (symbols: readonly string[]) => `${symbols.slice(0, 4).join(', ')}${symbols.length > 4 ? ', …' : ''}`;

/** The notes on who is left out of a basket's headline P/Es, and why. */
export function noteValuation(basket: string, symbols: readonly string[], v: BasketValuation, method: PEMethod, note: (issue: SymbolIssue) => void): void {
  const fwd = v.forward[method];
  const name = (i: number) => symbols[i] as string;
  fwd.missing.forEach((i) => note({ symbol: name(i), basket, code: 'no-forward-pe', message: 'forward P/E unknown: left out of the basket P/E' }));
  fwd.nonPositive.forEach((i) =>
    note({ symbol: name(i), basket, code: 'non-positive-forward-pe', message: `forward P/E ${v.forwardPEs[i]} (expected losses): left out of the basket P/E` }),
  );
  if (fwd.unweighted.length > 0) {
    note({ symbol: null, basket, code: 'no-forward-pe', message: `not in the basket's return, so left out of its P/E too: ${listed(fwd.unweighted.map(name))}` });
  }
  if (fwd.noMarketValue.length > 0) {
    note({ symbol: null, basket, code: 'no-market-value', message: `market cap unknown for ${listed(fwd.noMarketValue.map(name))}: left out of the aggregate P/E` });
  }
  const trailing = v.trailing[method];
  const noTrailing = [...trailing.missing, ...trailing.nonPositive].sort((a, b) => a - b).map(name);
  if (noTrailing.length > 0) {
    note({ symbol: null, basket, code: 'no-trailing-pe', message: `trailing P/E unknown or ≤ 0 for ${noTrailing.length} of ${symbols.length} (${listed(noTrailing)}): left out of the trailing P/E` });
  }
}
