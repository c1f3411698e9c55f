/** What `basket search` found: the view every renderer of a search reads. */
import type { SymbolIssue } from '../domain/types.js';
import type { SymbolMatch } from '../providers/provider.js';

/** A search match with the currency its quote is in (null when Yahoo gave no quote). */
export interface SymbolFound extends SymbolMatch {
  readonly currency: string | null;
}

export interface SearchResult {
  /** The query as typed. */
  readonly query: string;
  /** What was searched for: the query, or its four-digit Hong Kong form. */
  readonly searched: string;
  /** Set when the query was read as a Hong Kong code and searched in another form. */
  readonly hongKongHint: string | null;
  readonly matches: SymbolFound[];
  /** Problems that left a figure unknown (a failed quote request). */
  readonly issues: SymbolIssue[];
}
