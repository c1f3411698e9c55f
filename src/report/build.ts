/**
 * Analytics results → the Report. Pure: the orchestrator hands in what the
 * provider found, this decides every figure and every note about exclusions.
 */
import { daysBetween } from '../analytics/calendar.js';
import { equalWeightBuyAndHold } from '../analytics/basket.js';
import { periodReturn, type PeriodPrices } from '../analytics/returns.js';
import { harmonicMeanPE, valuationDiscount } from '../analytics/valuation.js';
import type { BasketDef } from '../config/basket.js';
import type { IsoDate, PriceSeries, Quote, SymbolIssue } from '../domain/types.js';
import type { BasketReport, MemberReport, PriceBasis, Report } from './types.js';

/** An end price older than this many days before the as-of date is flagged as stale. */
export const STALE_AFTER_DAYS = 10;

export interface ReportInput {
  readonly baskets: readonly BasketDef[];
  readonly history: ReadonlyMap<string, PriceSeries>;
  readonly quotes: ReadonlyMap<string, Quote>;
  /** What the provider could not supply. */
  readonly providerIssues: readonly SymbolIssue[];
  readonly from: IsoDate;
  readonly asOf: IsoDate;
  readonly priceBasis: PriceBasis;
  readonly dataSource: string;
}

function toMember(
  symbol: string,
  input: ReportInput,
  issues: SymbolIssue[],
  reported: Set<string>,
): MemberReport {
  const quote = input.quotes.get(symbol);
  const series = input.history.get(symbol);
  // keys in the documented JSON order
  const member = (p: PeriodPrices | null): MemberReport => ({
    symbol,
    name: quote?.name ?? null,
    currency: quote?.currency ?? series?.currency ?? null,
    startDate: p?.startDate ?? null,
    startPrice: p?.startPrice ?? null,
    endDate: p?.endDate ?? null,
    endPrice: p?.endPrice ?? null,
    return: p?.return ?? null,
    forwardPE: quote?.forwardPE ?? null,
    included: p !== null,
  });
  if (!series) return member(null); // the provider's issue already says why
  const prices = input.priceBasis === 'adjusted' ? series.adjClose : series.close;
  const outcome = periodReturn(series.dates, prices, input.from, input.asOf);
  const note = (issue: SymbolIssue) => {
    const key = `${issue.symbol}|${issue.code}`;
    if (!reported.has(key)) issues.push(issue);
    reported.add(key);
  };
  if (!outcome.ok) {
    note(
      outcome.reason === 'no-start-price'
        ? { symbol, code: 'no-start-price', message: `no close before ${input.from}: left out of the basket return` }
        : { symbol, code: 'no-end-price', message: `no close from ${input.from} to ${input.asOf}: left out of the basket return` },
    );
    return member(null);
  }
  const v = outcome.value;
  const age = daysBetween(v.endDate, input.asOf);
  if (age > STALE_AFTER_DAYS) {
    note({ symbol, code: 'stale-price', message: `last close ${v.endDate} is ${age} days before ${input.asOf}` });
  }
  return member(v);
}

function toBasket(def: BasketDef, input: ReportInput, issues: SymbolIssue[], reported: Set<string>): BasketReport {
  const members = def.symbols.map((s) => toMember(s, input, issues, reported));
  const ret = equalWeightBuyAndHold(members.map((m) => m.return));
  const pe = harmonicMeanPE(members.map((m) => m.forwardPE));
  for (const i of pe.missing) {
    const m = members[i] as MemberReport;
    issues.push({ symbol: m.symbol, basket: def.id, code: 'no-forward-pe', message: 'forward P/E unknown: left out of the basket P/E' });
  }
  for (const i of pe.nonPositive) {
    const m = members[i] as MemberReport;
    issues.push({
      symbol: m.symbol,
      basket: def.id,
      code: 'non-positive-forward-pe',
      message: `forward P/E ${m.forwardPE} (expected losses): left out of the basket P/E`,
    });
  }
  if (ret.value === null) {
    issues.push({ symbol: null, basket: def.id, code: 'basket-empty', message: `no member of ${def.id} has a return from ${input.from} to ${input.asOf}` });
  }
  return {
    id: def.id,
    name: def.name,
    benchmark: def.benchmark,
    source: def.source,
    return: ret.value,
    membersWithData: { included: ret.included, total: ret.total },
    forwardPE: pe.value,
    peMethod: 'harmonic',
    peCoverage: { included: pe.included, total: pe.total },
    members,
  };
}

/** Every figure of a comparison, with every exclusion noted in `issues`. */
export function buildReport(input: ReportInput): Report {
  const issues: SymbolIssue[] = [...input.providerIssues];
  const reported = new Set(issues.map((i) => `${i.symbol}|${i.code}`));
  const baskets = input.baskets.map((b) => toBasket(b, input, issues, reported));
  const [first, second] = baskets;
  return {
    asOf: input.asOf,
    from: input.from,
    priceBasis: input.priceBasis,
    dataSource: input.dataSource,
    baskets,
    comparison:
      first && second
        ? { basket: first.id, against: second.id, discount: valuationDiscount(first.forwardPE, second.forwardPE) }
        : null,
    issues,
  };
}
