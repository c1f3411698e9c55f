/**
 * The fixed choices of an analysis, each a list and the type it spells: the
 * command line offers them, config and claims files are checked against
 * them, and the analytics and report read them. One home, so that a choice
 * added here is offered, checked and computed alike.
 */

/** Member weights: `equal` (1/n), `cap` (market value at the start), `config` (the basket file's). */
export const WEIGHTINGS = ['equal', 'cap', 'config'] as const;
export type Weighting = (typeof WEIGHTINGS)[number];

/** Reset to target weights at each period end (`none`: buy and hold). */
export const REBALANCES = ['none', 'daily', 'weekly', 'monthly', 'quarterly'] as const;
export type Rebalance = (typeof REBALANCES)[number];

/** Named periods ending on the as-of date (analytics/periods.ts). */
export const PERIODS = ['1d', '1w', '1m', '3m', '6m', 'ytd', '1y', '3y', '5y'] as const;
export type Period = (typeof PERIODS)[number];

export function isPeriod(text: string): text is Period {
  return (PERIODS as readonly string[]).includes(text);
}

/** `flag`: a quote figure dated after the as-of date is used and flagged; `strict`: it is left out. */
export const POINT_IN_TIME_RULES = ['flag', 'strict'] as const;
export type PointInTimeRule = (typeof POINT_IN_TIME_RULES)[number];

/** How a basket's P/E is made of its members' (analytics/valuation.ts). */
export const PE_METHODS = ['harmonic', 'median', 'mean', 'aggregate'] as const;
export type PEMethod = (typeof PE_METHODS)[number];

/** Members with expected losses: left out of the P/E, or their losses counted in it. */
export const NEGATIVE_PE_POLICIES = ['exclude', 'include'] as const;
export type NegativePEPolicy = (typeof NEGATIVE_PE_POLICIES)[number];

/** `flag`: a move that looks like an unadjusted split is kept and flagged; `drop`: the member is left out of that window. */
export const SUSPECT_SPLIT_POLICIES = ['flag', 'drop'] as const;
export type SuspectSplitPolicy = (typeof SUSPECT_SPLIT_POLICIES)[number];

/** `quote-date`: each P/E as of its own date; `as-of`: repriced to the as-of date (earnings estimate held constant). */
export const PE_AT = ['quote-date', 'as-of'] as const;
export type PEAt = (typeof PE_AT)[number];

/** How far before `from` "highest since" looks. */
export const LOOKBACKS = ['1y', '3y', '5y', '10y', 'max'] as const;
export type Lookback = (typeof LOOKBACKS)[number];
