/** The fixed choices the command line offers, each also a type the command that reads it checks against. */
import { LOOKBACKS, NEGATIVE_PE_POLICIES, PE_AT, PE_METHODS, POINT_IN_TIME_RULES, REBALANCES, SUSPECT_SPLIT_POLICIES, WEIGHTINGS } from '../domain/options.js';

/** The analysis options' choices (domain/options.ts), with `all` where every method can be shown side by side. */
export const ANALYSIS_CHOICES = {
  weights: [...WEIGHTINGS, 'all'],
  rebalance: REBALANCES,
  peMethod: [...PE_METHODS, 'all'],
  negativePE: NEGATIVE_PE_POLICIES,
  suspectSplits: SUSPECT_SPLIT_POLICIES,
  pointInTime: POINT_IN_TIME_RULES,
  peAt: PE_AT,
  lookback: LOOKBACKS,
} as const;

/** compare's `--format`. */
export const REPORT_FORMATS = ['table', 'csv', 'json', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** check's `--format`. */
export const CHECK_FORMATS = ['table', 'csv', 'json', 'md'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The shells `basket completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
