/**
 * Claims files (`basket check FILE`): a story's numeric claims in YAML or
 * JSON, read into a ClaimsFile. The text is parsed by config/parse.ts, the
 * shape checked by config/claims-schema.ts (zod), and any problem reported
 * as one ClaimsFileError naming the file, the claim (its id, else `#n`) and
 * the field, never zod's own dump.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { FIGURE_UNITS, type Expectation, type Figure } from '../domain/claims.js';
import type {
  Lookback,
  NegativePEPolicy,
  PEAt,
  PEMethod,
  Period,
  PointInTimeRule,
  Rebalance,
  Weighting,
} from '../domain/options.js';
import type { IsoDate } from '../domain/types.js';
import { ClaimsFileError, ConfigError } from '../errors.js';
import { CLAIM_ID, CLAIM_KEYS, ClaimsDocument, SETTING_KEYS, toSymbol, type SettingsFields } from './claims-schema.js';
import { parseExpectation } from './expect.js';
import { parseConfigText } from './parse.js';
import { suggestion } from './suggest.js';

export { claimsJsonSchema } from './claims-schema.js';

/** The settings of a check, from a file's `defaults` or one claim's own; absent when not given. */
export interface ClaimSettings {
  readonly asOf?: IsoDate;
  readonly from?: IsoDate;
  /** A currency code (USD), or null for `own`: each member in its own currency. */
  readonly currency?: string | null;
  readonly weights?: Weighting;
  readonly rebalance?: Rebalance;
  readonly peMethod?: PEMethod;
  readonly negativePE?: NegativePEPolicy;
  readonly lookback?: Lookback;
  readonly priceReturn?: boolean;
  readonly pointInTime?: PointInTimeRule;
  /** Days. */
  readonly maxQuoteAge?: number;
  /** A share of the members, in (0, 1]. */
  readonly minCoverage?: number;
  readonly peAt?: PEAt;
}

/** What a claim is about: a basket (an id or the path of a basket file, as written) or one symbol (trimmed, upper-cased). */
export type Subject = { readonly kind: 'basket'; readonly basket: string } | { readonly kind: 'symbol'; readonly symbol: string };

export interface Claim {
  readonly id: string;
  readonly says: string;
  readonly figure: Figure;
  readonly subject: Subject;
  /** The basket compared with (`discount`, `return-spread`), else null. */
  readonly against: string | null;
  /** The named period (`period-return`), else null. */
  readonly period: Period | null;
  readonly expect: Expectation;
  readonly source: string | null;
  readonly quote: string | null;
  /** The claim's own settings, over the file's defaults. */
  readonly settings: ClaimSettings;
}

export interface ClaimsFile {
  /** The file as given, for messages. */
  readonly file: string;
  readonly story: string;
  readonly source: string | null;
  readonly defaults: ClaimSettings;
  /** In the order written; ids unique. */
  readonly claims: readonly Claim[];
}

type Issue = z.core.$ZodIssue;

const TOP_KEYS: readonly string[] = Object.keys(ClaimsDocument.shape).filter((key) => key !== '$schema');
const CLAIM_ONLY_KEYS: readonly string[] = CLAIM_KEYS.filter((key) => !SETTING_KEYS.includes(key));

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as a message shows it: JSON, cut short. */
function shown(value: unknown): string {
  const text = value instanceof Date ? 'a timestamp' : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A key as a message names it: bare when it reads as one, else quoted. */
const keyName = (key: PropertyKey): string => (typeof key === 'string' && /^[\w$.-]{1,64}$/.test(key) ? key : shown(String(key)));

/** What a file holds when it is not a mapping, for the message. */
function kindOf(document: unknown): string {
  if (Array.isArray(document)) return 'a list';
  return typeof document === 'string' ? 'text' : typeof document === 'number' || typeof document === 'bigint' ? 'a number' : `a ${typeof document}`;
}

/** When a YAML error is on a line `expect: > 0.40`, why: `>` and `|` begin a block of text in YAML. */
function quoteHint(text: string, detail: string): string {
  const line = /line (\d+)/.exec(detail)?.[1];
  const written = line === undefined ? undefined : text.split(/\r\n|\r|\n/)[Number(line) - 1];
  return written !== undefined && /^\s*(?:-\s*)?expect\s*:\s*[>|]/.test(written) ? `${detail} (quote the test: expect: "> 0.40")` : detail;
}

/** The plain value of a YAML or JSON text; any syntax error as a ClaimsFileError with its line. */
function readDocument(text: string, file: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return parseConfigText(body, file);
  } catch (err) {
    if (err instanceof ConfigError) throw new ClaimsFileError(file, null, null, quoteHint(body, err.detail), { cause: err });
    throw err;
  }
}

/** How a message names claim `index`: its id in quotes when it has a readable one, else `#n` (1-based). */
function claimLabel(document: Record<string, unknown>, index: number): string {
  const claims = document['claims'];
  const claim = Array.isArray(claims) ? (claims[index] as unknown) : undefined;
  const id = isMapping(claim) ? claim['id'] : undefined;
  return typeof id === 'string' && CLAIM_ID.test(id) ? JSON.stringify(id) : `#${index + 1}`;
}

/** The claim an issue is in (its place in the list), or -1 for the top level and defaults. */
const claimIndexOf = (issue: Issue): number => (issue.path[0] === 'claims' && typeof issue.path[1] === 'number' ? issue.path[1] : -1);

/** The issue to report: the earliest in the file (top level and defaults, then claim by claim), an unknown key before what its misspelling left out. */
function firstIssue(issues: readonly Issue[]): Issue {
  const rank = (issue: Issue): [claim: number, unknownKeyFirst: number] => [claimIndexOf(issue), issue.code === 'unrecognized_keys' ? 0 : 1];
  return issues.reduce((best, issue) => {
    const [a, b] = [rank(issue), rank(best)];
    return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? issue : best;
  });
}

/** An unknown key at the top level, in defaults or on a claim: where it belongs, or the valid key it is nearest. */
function unknownKey(key: string, level: 'top' | 'defaults' | 'claim'): string {
  if (level === 'top' && SETTING_KEYS.includes(key)) return 'is a setting: put it under defaults, or on a claim';
  if (level === 'top' && CLAIM_ONLY_KEYS.includes(key)) return 'belongs to a claim: put it on a claim under claims';
  if (level === 'defaults' && CLAIM_ONLY_KEYS.includes(key)) return 'belongs to each claim, not to defaults';
  const valid = level === 'top' ? TOP_KEYS : level === 'defaults' ? SETTING_KEYS : CLAIM_KEYS;
  return `unknown key; ${suggestion(key, valid)}`;
}

/** One issue in words, after `field …:`. */
function describe(issue: Issue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_value') {
    const values = issue.values.map(String);
    const hint = typeof issue.input === 'string' ? suggestion(issue.input, values) : '';
    return hint.startsWith('did you mean')
      ? `${shown(issue.input)} is not one of ${values.join(', ')}; ${hint}`
      : `must be one of ${values.join(', ')} (not ${shown(issue.input)})`;
  }
  return issue.message;
}

/** The first problem zod found, as the one ClaimsFileError to throw. */
function toError(issues: readonly Issue[], document: Record<string, unknown>, file: string): ClaimsFileError {
  const issue = firstIssue(issues);
  const path = issue.path;
  const unknown = issue.code === 'unrecognized_keys' ? (issue.keys[0] as string) : null;
  if (path[0] === 'claims' && typeof path[1] === 'number') {
    const claim = claimLabel(document, path[1]);
    if (unknown !== null) return new ClaimsFileError(file, claim, keyName(unknown), unknownKey(unknown, 'claim'));
    return new ClaimsFileError(file, claim, path[2] === undefined ? null : keyName(path[2]), describe(issue));
  }
  if (path[0] === 'defaults') {
    if (unknown !== null) return new ClaimsFileError(file, null, `defaults.${keyName(unknown)}`, unknownKey(unknown, 'defaults'));
    return new ClaimsFileError(file, null, path[1] === undefined ? 'defaults' : `defaults.${keyName(path[1])}`, describe(issue));
  }
  if (unknown !== null) return new ClaimsFileError(file, null, keyName(unknown), unknownKey(unknown, 'top'));
  return new ClaimsFileError(file, null, path[0] === undefined ? null : keyName(path[0]), describe(issue));
}

/** The settings written at one level, camel-cased; `own` (or null) currency as null. */
function toSettings(written: SettingsFields): ClaimSettings {
  const settings = {
    asOf: written['as-of'],
    from: written.from,
    currency: written.currency === 'own' ? null : written.currency,
    weights: written.weights,
    rebalance: written.rebalance,
    peMethod: written['pe-method'],
    negativePE: written['negative-pe'],
    lookback: written.lookback,
    priceReturn: written['price-return'],
    pointInTime: written['point-in-time'],
    maxQuoteAge: written['max-quote-age'],
    minCoverage: written['min-coverage'],
    peAt: written['pe-at'],
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as ClaimSettings;
}

type WrittenClaim = ClaimsDocument['claims'][number];

function toClaim(written: WrittenClaim, label: string, file: string): Claim {
  const expectation = parseExpectation(written.expect, FIGURE_UNITS[written.figure]);
  // checked already by the schema; kept so that a drift between the two still reads as this claim's error
  if (!expectation.ok) throw new ClaimsFileError(file, label, 'expect', expectation.message);
  const subject: Subject =
    written.symbol !== undefined ? { kind: 'symbol', symbol: toSymbol(written.symbol) } : { kind: 'basket', basket: (written.basket ?? '').trim() };
  return {
    id: written.id,
    says: written.says.trim(),
    figure: written.figure,
    subject,
    against: written.against?.trim() ?? null,
    period: written.period ?? null,
    expect: expectation.value,
    source: written.source ?? null,
    quote: written.quote ?? null,
    settings: toSettings(written),
  };
}

/**
 * Read the text of a claims file (YAML, or JSON for a `.json` file) into its
 * story and claims, or throw the first problem as a one-line ClaimsFileError
 * (and nothing else). `file` names the file in messages.
 */
export function parseClaims(text: string, file: string): ClaimsFile {
  const document = readDocument(text, file);
  if (document === null || document === undefined) throw new ClaimsFileError(file, null, null, 'the file is empty: it needs a story and a list of claims');
  if (!isMapping(document)) throw new ClaimsFileError(file, null, null, `the file must be a mapping with a story and claims, not ${kindOf(document)}`);
  const parsed = ClaimsDocument.safeParse(document, { reportInput: true });
  if (!parsed.success) throw toError(parsed.error.issues, document, file);
  const { story, source, defaults, claims } = parsed.data;
  return {
    file,
    story: story.trim(),
    source: source ?? null,
    defaults: defaults ? toSettings(defaults) : {},
    claims: claims.map((claim, i) => toClaim(claim, claimLabel(document, i), file)),
  };
}

/** Read and parse the claims file at `file` (an absolute path); a file that cannot be read is a ClaimsFileError too. */
export async function loadClaims(file: string): Promise<ClaimsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ClaimsFileError(file, null, null, `cannot read it (${code ?? String(err)})`, { cause: err });
  }
  return parseClaims(text, file);
}
