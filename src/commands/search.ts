/**
 * `basket search QUERY`: symbols Yahoo Finance's search finds for a name or
 * code, each with its exchange, type and (from one batched quote request)
 * its trading currency. A query that looks like a Hong Kong code written the
 * way people write it (`700`, `00700`, `700.HK`, `0700 HK`) is searched in
 * the four-digit form Yahoo uses (`0700.HK`), with a note saying so.
 */
import { currencyIn } from '../domain/quote.js';
import { normaliseSymbol } from '../domain/symbols.js';
import { EXIT_OK, UsageError } from '../errors.js';
import type { MarketDataProvider } from '../providers/provider.js';
import type { SymbolIssue } from '../domain/types.js';
import type { SearchResult } from '../report/search.js';
import { providerOpener } from './context.js';
import type { CommonFlags } from './flags.js';
import type { Deps, Io } from './io.js';
import { printIssues } from './notes.js';
import { stdoutChalk, terminalWidth } from './terminal.js';

/** Bare digits (`700`, `00700`) or a code with `.HK` / ` HK` in any case. */
const HONG_KONG_LIKE = /^(?:\d{1,5}|0*\d{1,5}[\s.]+HK)$/i;

/**
 * What to search for: a query that looks like a Hong Kong code becomes
 * Yahoo's four-digit form (`700` → `0700.HK`), with a hint when that differs
 * from what was typed; anything else is searched as typed (trimmed).
 */
export function searchTerm(query: string): { searched: string; hint: string | null } {
  const typed = query.trim();
  if (!HONG_KONG_LIKE.test(typed)) return { searched: typed, hint: null };
  const searched = normaliseSymbol(/^\d+$/.test(typed) ? `${typed}.HK` : typed);
  if (searched === typed.toUpperCase()) return { searched, hint: null };
  const other = /^\d+$/.test(typed) ? '; for another market add its suffix, e.g. 7203.T for Tokyo' : '';
  return {
    searched,
    hint: `"${typed}" looks like a Hong Kong stock code: Yahoo Finance wants four digits and .HK (${searched}), so basket searches for ${searched}${other}`,
  };
}

export interface SearchRequest {
  readonly query: string;
  /** `--data`: only `yahoo` can search. */
  readonly data: string;
}

/** Search Yahoo Finance, then fetch the matches' quotes in one batch for their currencies. */
export async function runSearch(req: SearchRequest, openProvider: (data: string) => Promise<MarketDataProvider>): Promise<SearchResult> {
  if (req.query.trim() === '') throw new UsageError('search needs a name or symbol to look for, e.g. basket search tencent');
  if (req.data !== 'yahoo') {
    throw new UsageError(`search asks Yahoo Finance; --data ${req.data} is an offline data directory, which cannot be searched`);
  }
  const { searched, hint } = searchTerm(req.query);
  const provider = await openProvider(req.data);
  if (!provider.search) throw new UsageError(`the data source ${provider.description} cannot search for symbols`);
  // no limit: the provider's default number of results
  const matches = await provider.search(searched);
  const issues: SymbolIssue[] = [];
  let currencies = new Map<string, string | null>();
  if (matches.length > 0) {
    // a quote request that fails leaves notes (no-quote), and the matches stand without their currencies
    const quotes = await provider.fetchQuotes(matches.map((m) => m.symbol));
    currencies = new Map([...quotes.items].map(([symbol, q]) => [symbol, currencyIn(q)]));
    issues.push(...quotes.issues);
  }
  return {
    query: req.query,
    searched,
    hongKongHint: hint,
    matches: matches.map((m) => ({ ...m, currency: currencies.get(m.symbol) ?? null })),
    issues,
  };
}

export interface SearchFlags extends CommonFlags {
  data: string;
  format: 'table' | 'csv' | 'json';
}

export async function searchCommand(query: string[], flags: SearchFlags, io: Io, deps: Deps): Promise<number> {
  const found = await runSearch({ query: query.join(' '), data: flags.data }, providerOpener(io, deps, flags));
  if (found.hongKongHint !== null && !flags.quiet) io.stderr.write(`basket: ${found.hongKongHint}\n`);
  printIssues(io, found.issues, flags.quiet);
  if (flags.verbose) io.stderr.write(`basket: Yahoo Finance search for "${found.searched}": ${found.matches.length} match${found.matches.length === 1 ? '' : 'es'}\n`);
  if (flags.format === 'table') {
    const { renderSymbolMatches } = await import('../render/table.js');
    io.stdout.write(renderSymbolMatches(found, { chalk: await stdoutChalk(io, flags.color), columns: terminalWidth(io) }));
  } else {
    const { renderSymbolsCsv, renderSymbolsJson } = await import('../render/symbols.js');
    io.stdout.write(flags.format === 'json' ? renderSymbolsJson(found) : renderSymbolsCsv(found));
  }
  return EXIT_OK;
}
