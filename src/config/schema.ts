/**
 * Validation of a parsed config document (pure: no I/O). zod gives each
 * problem a path into the document; we print it as `baskets.mag7.symbols[3]`.
 */
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { BASKET_ID, type BasketDef } from './basket.js';
import { normaliseSymbol, symbolProblem } from './symbols.js';

const SymbolText = z
  .string({ error: 'must be a ticker symbol (text)' })
  .transform(normaliseSymbol)
  .superRefine((symbol, ctx) => {
    const problem = symbolProblem(symbol);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const BasketEntry = z.strictObject({
  name: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').optional(),
  symbols: z
    .array(SymbolText, { error: 'must be a list of ticker symbols' })
    .min(1, 'an empty basket: list at least one symbol')
    .superRefine((symbols, ctx) => {
      const first = new Map<string, number>();
      symbols.forEach((symbol, i) => {
        const earlier = first.get(symbol);
        if (earlier === undefined) first.set(symbol, i);
        else ctx.addIssue({ code: 'custom', path: [i], message: `duplicate symbol ${symbol} (also at [${earlier}])` });
      });
    }),
  benchmark: SymbolText.optional(),
});

const ConfigDocument = z.strictObject(
  {
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
    symbols: entry.symbols,
    benchmark: entry.benchmark ?? null,
    source: file,
  }));
}

/**
 * A plain-text ticker list: one symbol per line, `#` starts a comment, blank
 * lines are ignored. The basket's id and name are `id`.
 */
export function toListBasket(text: string, id: string, file: string): BasketDef {
  const symbols: string[] = [];
  const firstLine = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    const symbol = normaliseSymbol(line.replace(/#.*$/, ''));
    if (symbol === '') return;
    const where = `line ${i + 1}`;
    const problem = symbolProblem(symbol);
    if (problem) throw new ConfigError(file, where, problem);
    const earlier = firstLine.get(symbol);
    if (earlier !== undefined) throw new ConfigError(file, where, `duplicate symbol ${symbol} (also on line ${earlier})`);
    firstLine.set(symbol, i + 1);
    symbols.push(symbol);
  });
  if (symbols.length === 0) throw new ConfigError(file, null, 'an empty basket: list at least one symbol');
  if (!BASKET_ID.test(id)) throw new ConfigError(file, null, `the file name ${JSON.stringify(id)} is not a usable basket id`);
  return { id, name: id, symbols, benchmark: null, source: file };
}
