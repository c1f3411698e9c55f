/**
 * Generators of config files for the property tests: random text, YAML and
 * JSON documents that are nearly right (wrong types, bad symbols, weights that
 * do not sum to 1, huge or empty lists, unknown keys), YAML's odd corners
 * (aliases, tags, merge keys, several documents, deep nesting), BOMs, CRLF,
 * duplicated lines, truncation, and `.txt` ticker lists. Also valid configs
 * with the baskets they must load as.
 */
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';

/** A generated config file: its name in the directory and its bytes or text. */
export interface ConfigFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** Symbols as people write them: valid ones (some equal once normalised), invalid ones, and noise. */
const symbolText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('AAPL', 'msft', ' nvda ', '0700.HK', '700.hk', '0700 HK', '00700.HK', '^NDX', 'USDHKD=X', 'BRK-B', 'M&M.NS', '9988.HK', 'aapl', 'A') },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9^][A-Za-z0-9.^=_&-]{0,34}$/) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'AA PL', 'A/B', '../x', 'ÄPPLE', '$$$', 'A'.repeat(33), '-X', '.X', '\u0000', '~', '#x', '__proto__', 'constructor', '\uFEFFAAPL', '\t') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** Basket ids: valid ones (including the presets'), invalid ones, and noise. */
const basketId: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,15}$/) },
  { weight: 2, arbitrary: fc.constantFrom('titans', 'mag7', 'core', 'a') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '-x', '_x', 'a b', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'ä', '1', 'a\nb') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 10 }),
  fc.constantFrom(0, -1, 1, 0.5, 1e308, -0, 5e-324, '', '0.5', 'yes', '~'),
);

/** Weights: good ones, zero, negative, huge, tiny, NaN and infinities, text. */
const weight: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0.5, 0.25, 0.2, 0.1, 1, 1 / 3, 0.3, 0.7) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: scalar },
);

/** Anything at all, a few levels deep. */
const anyValue: fc.Arbitrary<unknown> = fc.anything({ maxDepth: 3, maxKeys: 4, withNullPrototype: true });

/** Every way of writing `symbols`, right and wrong. */
const symbolsValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.array(symbolText, { maxLength: 10 }) },
  { weight: 2, arbitrary: fc.dictionary(symbolText, weight, { maxKeys: 6 }) },
  { weight: 2, arbitrary: fc.array(fc.record({ symbol: symbolText, weight }, { requiredKeys: [] }), { maxLength: 6 }) },
  // equal weights that do sum to 1 (within rounding)
  {
    weight: 2,
    arbitrary: fc.uniqueArray(fc.constantFrom('AAPL', 'MSFT', 'NVDA', '0700.HK', 'BRK-B', '^NDX', 'TSLA'), { minLength: 1 }).map((symbols) =>
      symbols.map((symbol) => ({ symbol, weight: 1 / symbols.length })),
    ),
  },
  // tickers and weighted entries mixed, or entries with extra keys
  { weight: 1, arbitrary: fc.array(fc.oneof(symbolText, fc.record({ symbol: symbolText, weight, extra: scalar }, { requiredKeys: ['symbol'] })), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [[]], [{}], [null], Array.from({ length: 3000 }, (_, i) => `S${i}`), Array.from({ length: 3000 }, () => 'AAPL')) },
  { weight: 1, arbitrary: scalar },
  { weight: 1, arbitrary: anyValue },
);

const basketEntry: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ name: fc.oneof(fc.string({ maxLength: 20 }), scalar), symbols: symbolsValue, benchmark: fc.oneof(symbolText, scalar) }, { requiredKeys: ['symbols'] }) },
  { weight: 1, arbitrary: fc.record({ symbols: symbolsValue, colour: scalar, weights: anyValue }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: scalar },
  { weight: 1, arbitrary: anyValue },
);

/** A config document, from right-shaped to anything. */
const configDocument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ baskets: fc.dictionary(basketId, basketEntry, { maxKeys: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ baskets: fc.dictionary(basketId, basketEntry, { maxKeys: 3 }), extra: scalar }, { requiredKeys: ['extra'] }) },
  { weight: 1, arbitrary: fc.record({ baskets: fc.oneof(scalar, fc.array(basketEntry, { maxLength: 2 })) }) },
  { weight: 1, arbitrary: fc.constantFrom({}, [], null, { baskets: {} }, { baskets: null }, 'baskets') },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: anyValue },
);

/** YAML text that the structured generators would not write. */
const oddYaml: fc.Arbitrary<string> = fc.constantFrom(
  // a "billion laughs": aliases of aliases of aliases
  'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nbaskets: {x: {symbols: *d}}\n',
  'baskets:\n  x: &x\n    symbols: [AAPL]\n  y: *x\n',
  'base: &base {symbols: [AAPL]}\nbaskets:\n  x:\n    <<: *base\n',
  'baskets:\n  x:\n    symbols: *nowhere\n',
  'baskets:\n  x:\n    symbols: !!set {AAPL, MSFT}\n',
  'baskets:\n  x:\n    symbols: [!!binary aGVsbG8=]\n',
  'baskets:\n  x:\n    symbols: !!omap [{AAPL: 0.5}, {MSFT: 0.5}]\n',
  'baskets:\n  x:\n    symbols: !!pairs [{AAPL: 0.5}, {AAPL: 0.5}]\n',
  'baskets:\n  x:\n    name: 2025-01-01\n    symbols: [!!timestamp 2025-01-01]\n',
  'baskets:\n  x:\n    symbols: [!custom AAPL, !!str 12, !!int 7, !!float .nan]\n',
  'baskets:\n  x:\n    symbols: {AAPL: .inf, MSFT: -.inf}\n',
  'baskets:\n  x:\n    symbols: {AAPL: 0x10, MSFT: 0o7}\n',
  'baskets:\n  ? [a, b]\n  : {symbols: [AAPL]}\n',
  'baskets:\n  ? {a: b}\n  : {symbols: [AAPL]}\n',
  'baskets:\n  ?\n  : {symbols: [AAPL]}\n',
  'baskets:\n  x:\n    symbols: [AAPL]\n  x:\n    symbols: [MSFT]\n',
  'baskets:\n  x:\n    symbols: [AAPL]\n---\nbaskets:\n  y:\n    symbols: [MSFT]\n',
  '%YAML 1.1\n---\nbaskets:\n  x:\n    symbols: [AAPL, yes, no, on, off]\n',
  '%TAG !e! tag:example.com,2000:\n---\nbaskets: !e!thing {x: {symbols: [AAPL]}}\n',
  'baskets:\n\tx:\n\t\tsymbols: [AAPL]\n',
  'baskets:\n  x:\n    symbols: |\n      AAPL\n      MSFT\n',
  'baskets:\n  x:\n    symbols: "\\uD800"\n',
  'baskets:\n  "\\u0000":\n    symbols: [AAPL]\n',
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
  '- '.repeat(3000) + 'x\n',
  Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n',
  'baskets:\n  x:\n    symbols: [' + 'A,'.repeat(20000) + 'B]\n',
  'baskets:\n  x:\n    name: ' + 'n'.repeat(100_000) + '\n    symbols: [AAPL]\n',
  '\u0000\u0001\u0002',
  '...\n',
  '---\n',
  '# only a comment\n',
  '',
);

/** Text edits that break (or do not break) a document. */
function mutate(text: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: text.length });
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(text) },
    { weight: 1, arbitrary: fc.constant(`\uFEFF${text}`) },
    { weight: 1, arbitrary: fc.constant(text.replace(/\n/g, '\r\n')) },
    { weight: 1, arbitrary: fc.constant(text.replace(/\n/g, '\r')) },
    { weight: 1, arbitrary: at.map((i) => text.slice(0, i)) },
    { weight: 1, arbitrary: fc.tuple(at, fc.string({ unit: 'binary', maxLength: 4 })).map(([i, s]) => text.slice(0, i) + s + text.slice(i)) },
    {
      weight: 1,
      arbitrary: fc.nat().map((n) => {
        // repeat one line: in YAML, usually a duplicate key
        const lines = text.split('\n');
        const i = n % lines.length;
        lines.splice(i, 0, lines[i] ?? '');
        return lines.join('\n');
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom('\t', '\n  ', ' &a', ' *a', ': :', '- ', '"', "'", '{', ']', '#').map((s) => text + s) },
  );
}

const yamlText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(configDocument, fc.constantFrom<'any' | 'block' | 'flow'>('any', 'block', 'flow'))
      .map(([doc, collectionStyle]) => {
        try {
          return toYaml(doc, { collectionStyle }) ?? ''; // undefined for undefined
        } catch {
          return String(doc); // what yaml cannot write (a symbol, a function), text stands in for
        }
      })
      .chain(mutate),
  },
  { weight: 2, arbitrary: oddYaml.chain(mutate) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'A', '0', ':', '-', ' ', '\n', '\t', '[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '?', 'baskets', 'symbols', 'weight'), maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
);

const jsonText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(configDocument, fc.constantFrom(undefined, 0, 2, '\t'))
      .map(([doc, indent]) => {
        try {
          return JSON.stringify(doc, null, indent) ?? 'undefined';
        } catch {
          return String(doc); // BigInt, cycles
        }
      })
      .chain(mutate),
  },
  { weight: 1, arbitrary: fc.constantFrom('{"baskets":{"x":{"symbols":["AAPL"]},"x":{"symbols":["MSFT"]}}}', '[' .repeat(20_000) + ']'.repeat(20_000), '{"baskets":{"__proto__":{"symbols":["AAPL"]}}}', '{"baskets":{"x":{"symbols":{"__proto__":1}}}}', 'NaN', '1e999', '"\\ud800"') },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', 'a', '1', ' ', '\n', 'null', 'true', '"baskets"', '"symbols"'), maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
);

/** `.txt` ticker lists: symbols, comments, blank lines, noise; any line ending. */
const txtText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.array(fc.oneof({ weight: 4, arbitrary: symbolText }, { weight: 1, arbitrary: fc.constantFrom('', '# comment', '  # indented', 'AAPL # trailing', '#', ' ') }), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
      )
      .map(([lines, eol, bom]) => (bom ? '\uFEFF' : '') + lines.join(eol)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '\n\n', Array.from({ length: 5000 }, (_, i) => `S${i}`).join('\n'), 'AAPL\n'.repeat(3)) },
);

/** File names a `.txt` basket could have (its id is the name): valid ids, invalid ones, unicode. */
const txtName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('list.txt', 'chips.TXT', 'my list.txt', '-x.txt', '.txt', 'ä.txt', 'a..b.txt', 'titans.txt', 'x.y.txt', '_a.txt'),
  fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/).filter((s) => s !== '.' && s !== '..').map((s) => `${s}.txt`),
);

/** A config file of any kind, right or wrong, under a name the loader will read it as. */
export const configFile: fc.Arbitrary<ConfigFile> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ name: fc.constantFrom('basket.config.yaml', 'cfg.yml', 'CFG.YAML', 'config'), content: yamlText }) },
  { weight: 3, arbitrary: fc.record({ name: fc.constantFrom('basket.config.json', 'cfg.json', 'CFG.JSON'), content: jsonText }) },
  { weight: 2, arbitrary: fc.record({ name: txtName, content: txtText }) },
  { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('cfg.yaml', 'cfg.json', 'cfg.txt'), content: fc.uint8Array({ maxLength: 60 }) }) },
);

/** A valid basket as written in a config, and as the loader must return it. */
export interface ValidBasket {
  readonly id: string;
  readonly name: string | null;
  readonly symbols: readonly { readonly written: string; readonly symbol: string }[];
  readonly weights: readonly number[] | null;
  /** How the symbols are written: a list, a mapping of ticker to weight, or a list of { symbol, weight }. */
  readonly style: 'list' | 'mapping' | 'entries';
  readonly benchmark: { readonly written: string; readonly symbol: string } | null;
}

const validSymbol = fc.constantFrom(
  { written: 'AAPL', symbol: 'AAPL' },
  { written: ' msft', symbol: 'MSFT' },
  { written: '700.hk', symbol: '0700.HK' },
  { written: '9988 HK', symbol: '9988.HK' },
  { written: '^ndx', symbol: '^NDX' },
  { written: 'USDHKD=X', symbol: 'USDHKD=X' },
  { written: 'brk-b', symbol: 'BRK-B' },
  { written: 'M&M.NS', symbol: 'M&M.NS' },
  { written: '80700.HK', symbol: '80700.HK' },
  { written: 'Ab_C.D', symbol: 'AB_C.D' },
);

const validBasket: fc.Arbitrary<ValidBasket> = fc
  .record({
    id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,15}$/),
    name: fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '')),
    symbols: fc.uniqueArray(validSymbol, { minLength: 1, maxLength: 8, selector: (s) => s.symbol }),
    raw: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 8, maxLength: 8 }),
    style: fc.constantFrom<ValidBasket['style']>('list', 'mapping', 'entries'),
    benchmark: fc.option(validSymbol),
  })
  .map(({ raw, ...b }) => {
    if (b.style === 'list') return { ...b, weights: null };
    // weights that sum to 1 up to rounding: each its share of the total
    const used = raw.slice(0, b.symbols.length);
    const total = used.reduce((s, x) => s + x, 0);
    return { ...b, weights: used.map((x) => x / total) };
  });

/** Valid configs: their baskets, and the file written as YAML or JSON, with a BOM and CRLF or not. */
export const validConfig: fc.Arbitrary<{ baskets: ValidBasket[]; file: ConfigFile }> = fc
  .record({
    baskets: fc.uniqueArray(validBasket, { minLength: 1, maxLength: 4, selector: (b) => b.id }),
    format: fc.constantFrom('yaml', 'json'),
    style: fc.constantFrom<'any' | 'block' | 'flow'>('any', 'block', 'flow'),
    bom: fc.boolean(),
    crlf: fc.boolean(),
  })
  .map(({ baskets, format, style, bom, crlf }) => {
    const doc = {
      baskets: Object.fromEntries(
        baskets.map((b) => {
          const symbols =
            b.style === 'list'
              ? b.symbols.map((s) => s.written)
              : b.style === 'mapping'
                ? Object.fromEntries(b.symbols.map((s, i) => [s.written, b.weights?.[i]]))
                : b.symbols.map((s, i) => ({ symbol: s.written, weight: b.weights?.[i] }));
          return [b.id, { ...(b.name !== null ? { name: b.name } : {}), symbols, ...(b.benchmark ? { benchmark: b.benchmark.written } : {}) }];
        }),
      ),
    };
    let text = format === 'json' ? JSON.stringify(doc, null, 2) : toYaml(doc, { collectionStyle: style });
    if (crlf) text = text.replace(/\n/g, '\r\n');
    if (bom) text = `\uFEFF${text}`;
    return { baskets, file: { name: `cfg.${format}`, content: text } };
  });

/** Names on a command line: ids (presets and generated), basket files, noise. */
export const basketNames: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    fc.constantFrom('titans', 'mag7', 'core', 'a', 'list.txt', 'cfg.yaml', 'cfg.json', 'missing.txt', 'sub/x.yaml', 'dir', 'dir/', './cfg.yml', 'config'),
    basketId,
  ),
  { maxLength: 4 },
);
