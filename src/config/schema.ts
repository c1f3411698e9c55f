/**
 * Validation of a parsed config document (pure: no I/O). zod gives each
 * problem a path into the document; we print it as `baskets.mag7.symbols[3]`.
 */
import { z } from 'zod';
import { publishedSchema } from './published.js';
import { ConfigError } from '../errors.js';
import { BASKET_ID, EMPTY_BASKET, type BasketDef } from './basket.js';
import { normaliseSymbol, symbolProblem } from '../domain/symbols.js';

const SymbolText = z
  .string({ error: 'must be a ticker symbol (text)' })
  .transform(normaliseSymbol)
  .superRefine((symbol, ctx) => {
    const problem = symbolProblem(symbol);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });


/** How far the weights of a basket may sum from 1. */
export const WEIGHT_SUM_TOLERANCE = 1e-6;

/** A target weight: a finite number above zero (z.number() refuses NaN and infinities). */
const Weight = z.number({ error: 'must be a positive number' }).positive('must be a positive number');

/** `symbols: [AAPL, MSFT]`: no weights. */
const PlainList = z.array(SymbolText, { error: 'must be a list of ticker symbols' }).min(1, EMPTY_BASKET);

/** `symbols: [{ symbol: AAPL, weight: 0.3 }, ...]`. */
const WeightedList = z.array(
  z.strictObject(
    { symbol: SymbolText, weight: Weight },
    { error: (issue) => (issue.code === 'invalid_type' ? 'must be a mapping with "symbol" and "weight"' : undefined) },
  ),
);

/** The symbols of a basket in the order written, with their weights or null. */
interface SymbolsWithWeights {
  readonly symbols: string[];
  readonly weights: number[] | null;
}

/** One symbol as written: where it is (relative to `symbols`) and how to name that place in a duplicate message. */
interface Written {
  readonly symbol: string;
  readonly weight: number | null;
  readonly path: PropertyKey[];
  readonly at: string;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A sum as people should read it: at most 10 significant digits, trailing zeros trimmed (`0.3 + 0.6` → `0.9`). */
function formatSum(sum: number): string {
  return String(Number(sum.toPrecision(10)));
}

/**
 * The three ways of writing `symbols` (a list of tickers, a mapping of ticker
 * to weight, a list of `{ symbol, weight }`), read into symbols and weights.
 * Issues are added relative to `symbols`, so they print as `baskets.x.symbols[2].weight`.
 */
function readSymbols(raw: unknown, ctx: z.RefinementCtx): SymbolsWithWeights | typeof z.NEVER {
  const fail = (path: PropertyKey[], message: string): typeof z.NEVER => {
    ctx.addIssue({ code: 'custom', path, message });
    return z.NEVER;
  };
  const forward = (issues: readonly z.core.$ZodIssue[]): typeof z.NEVER => {
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: [...issue.path], message: describe(issue) });
    return z.NEVER;
  };

  const written: Written[] = [];
  if (isMapping(raw)) {
    const entries = Object.entries(raw);
    if (entries.length === 0) return fail([], EMPTY_BASKET);
    for (const [key, value] of entries) {
      const symbol = normaliseSymbol(key);
      const problem = symbolProblem(symbol);
      if (problem) return fail([key], problem);
      const weight = Weight.safeParse(value, { reportInput: true });
      if (!weight.success) return forward(weight.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })));
      written.push({ symbol, weight: weight.data, path: [key], at: JSON.stringify(key) });
    }
  } else if (Array.isArray(raw) && raw.some(isMapping)) {
    const withWeight = raw.findIndex(isMapping);
    const without = raw.findIndex((item) => typeof item === 'string');
    if (without !== -1) return fail([], `give every symbol a weight, or none ([${withWeight}] has one, [${without}] has none)`);
    const list = WeightedList.safeParse(raw, { reportInput: true });
    if (!list.success) return forward(list.error.issues);
    list.data.forEach(({ symbol, weight }, i) => written.push({ symbol, weight, path: [i, 'symbol'], at: `[${i}]` }));
  } else {
    const list = PlainList.safeParse(raw, { reportInput: true });
    if (!list.success) return forward(list.error.issues);
    list.data.forEach((symbol, i) => written.push({ symbol, weight: null, path: [i], at: `[${i}]` }));
  }

  const first = new Map<string, Written>();
  for (const item of written) {
    const earlier = first.get(item.symbol);
    if (earlier === undefined) first.set(item.symbol, item);
    else {
      const where = isMapping(raw) ? `written ${earlier.at}` : `at ${earlier.at}`;
      return fail(item.path, `duplicate symbol ${item.symbol} (also ${where})`);
    }
  }

  const symbols = written.map((item) => item.symbol);
  const weights = written.map((item) => item.weight).filter((weight): weight is number => weight !== null);
  if (weights.length === 0) return { symbols, weights: null };
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (!(Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE)) {
    return fail([], `weights sum to ${formatSum(sum)} (they must sum to 1 within ${WEIGHT_SUM_TOLERANCE.toExponential()})`);
  }
  return { symbols, weights };
}

/** The three ways of writing `symbols`, for editors (the JSON Schema); readSymbols checks them, and weights' sum, itself. */
const SYMBOL_FORMS: readonly Record<string, unknown>[] = [
  { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: 'Ticker symbols, no weights: [AAPL, MSFT]' },
  {
    type: 'object',
    additionalProperties: { type: 'number', exclusiveMinimum: 0 },
    minProperties: 1,
    description: 'Symbol to weight: { AAPL: 0.6, MSFT: 0.4 } (positive, summing to 1)',
  },
  {
    type: 'array',
    items: { type: 'object', properties: { symbol: { type: 'string', minLength: 1 }, weight: { type: 'number', exclusiveMinimum: 0 } }, required: ['symbol', 'weight'], additionalProperties: false },
    minItems: 1,
    description: 'A list of { symbol, weight } (weights positive, summing to 1)',
  },
];

const BasketEntry = z
  .strictObject({
    name: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').optional().describe('Shown in tables; default: the id.'),
    /** A list of tickers, a mapping of ticker to weight, or a list of `{ symbol, weight }`. */
    symbols: z
      .unknown()
      .transform(readSymbols)
      .meta({ description: 'Yahoo Finance symbols (0700.HK, ^NDX, BRK-B): a list, or with weights (used by compare --weights config).', anyOf: SYMBOL_FORMS }),
    /** One symbol, or a list: the first with data over the window is used. */
    benchmark: z
      .union([SymbolText, z.array(SymbolText, { error: 'must be a symbol or a list of symbols' }).min(1, 'must list at least one symbol')])
      .optional()
      .describe('An index or fund to measure the basket against, or a list [INDEX, FUND]: the first with data over the period is used.'),
  })
  .describe('One basket.');

const ConfigDocument = z.strictObject(
  {
  /** The schema an editor checks the file with (basket init writes it; basket ignores it). */
  $schema: z.string().optional().describe('The JSON Schema editors check this file with (basket itself ignores it).'),
  baskets: z
    .record(z.string(), BasketEntry, { error: 'must be a mapping of basket ids to baskets' })
    .superRefine((baskets, ctx) => {
      for (const id of Object.keys(baskets)) {
        if (!BASKET_ID.test(id)) {
          ctx.addIssue({
            code: 'custom',
            path: [id],
            message: 'a basket id is a letter or digit followed by letters, digits, "-", "_" or "."',
          });
        }
      }
      if (Object.keys(baskets).length === 0) ctx.addIssue({ code: 'custom', message: 'no baskets defined' });
    }),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'the file must be a mapping with a "baskets" key' : undefined) },
);

/** The JSON Schema (draft 2020-12) of a config file, for schema/config.schema.json: what editors check a config file with. */
export function configJsonSchema(): object {
  const generated = z.toJSONSchema(ConfigDocument, { target: 'draft-2020-12', io: 'input' }) as unknown as Record<string, unknown> & { properties: { baskets: Record<string, unknown> } };
  // the ids basket takes, as a pattern (the refinement above says it in words)
  generated.properties.baskets = { ...generated.properties.baskets, propertyNames: { pattern: BASKET_ID.source }, minProperties: 1, description: 'The baskets, by id (a letter or digit, then letters, digits, "-", "_" or ".").' };
  return publishedSchema(generated, {
    id: 'config',
    title: 'basket config file',
    description: 'A basket config file (basket.config.yaml, or config.yaml in the user config directory): baskets of Yahoo Finance symbols, with optional weights and benchmarks.',
  });
}

/** `['baskets', 'mag7', 'symbols', 3]` → `baskets.mag7.symbols[3]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const text = String(key);
      out += /^[A-Za-z_$][\w$-]*$/.test(text) ? (out ? `.${text}` : text) : `[${JSON.stringify(text)}]`;
    }
  }
  return out;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message;
}

/** Validate a parsed config document from `file` into baskets, or throw the first problem as a ConfigError. */
export function toBaskets(document: unknown, file: string): BasketDef[] {
  const parsed = ConfigDocument.safeParse(document ?? {}, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const path = formatPath(issue.path);
    throw new ConfigError(file, path || null, describe(issue));
  }
  return Object.entries(parsed.data.baskets).map(([id, entry]) => ({
    id,
    name: entry.name ?? id,
    symbols: entry.symbols.symbols,
    weights: entry.symbols.weights,
    benchmarks: entry.benchmark === undefined ? [] : [...new Set(typeof entry.benchmark === 'string' ? [entry.benchmark] : entry.benchmark)],
    source: file,
  }));
}
