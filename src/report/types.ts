/**
 * The report: one view model that every renderer consumes. Numbers are raw
 * fractions and ratios; `null` is unknown. This is also the documented JSON
 * output (README, "JSON output").
 */
import type { IsoDate, SymbolIssue } from '../domain/types.js';

export type PriceBasis = 'adjusted' | 'close';

export interface Coverage {
  readonly included: number;
  readonly total: number;
}

export interface MemberReport {
  readonly symbol: string;
  readonly name: string | null;
  readonly currency: string | null;
  readonly startDate: IsoDate | null;
  readonly startPrice: number | null;
  readonly endDate: IsoDate | null;
  readonly endPrice: number | null;
  /** endPrice / startPrice − 1, in the member's own currency. */
  readonly return: number | null;
  readonly forwardPE: number | null;
  /** Whether this member's return is in the basket's return. */
  readonly included: boolean;
}

export interface BasketReport {
  readonly id: string;
  readonly name: string;
  readonly benchmark: string | null;
  /** `preset` or the config file it came from. */
  readonly source: string;
  /** Equal-weighted buy-and-hold return over the members with data. */
  readonly return: number | null;
  readonly membersWithData: Coverage;
  /** Harmonic mean of the members' positive forward P/Es. */
  readonly forwardPE: number | null;
  readonly peMethod: 'harmonic';
  readonly peCoverage: Coverage;
  readonly members: readonly MemberReport[];
}

export interface Comparison {
  readonly basket: string;
  readonly against: string;
  /** 1 − forwardPE(basket) / forwardPE(against). */
  readonly discount: number | null;
}

export interface Report {
  readonly asOf: IsoDate;
  readonly from: IsoDate;
  /** `adjusted`: total return from adjusted closes; `close`: price return (--price-return). */
  readonly priceBasis: PriceBasis;
  /** `yahoo` or `files:<dir>`. */
  readonly dataSource: string;
  readonly baskets: readonly BasketReport[];
  /** The first basket against the second; null with a single basket. */
  readonly comparison: Comparison | null;
  readonly issues: readonly SymbolIssue[];
}
