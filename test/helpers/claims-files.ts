/**
 * Claims files for the tests: the example of the format's brief, a valid
 * claim of each figure, and generators of documents that are nearly right
 * (fields removed, retyped or mutated, unknown keys, odd YAML) or random text.
 */
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { FIGURES, type Figure } from '../../src/domain/claims.js';

/**
 * The example the format was specified with, as written there, except that
 * `hstech-high` is given the `says` every claim needs (the example left it out).
 */
export const SPEC_EXAMPLE = `# yaml-language-server: $schema=../../schema/claims.schema.json
story: China's tech titans vs the Magnificent Seven (Bloomberg, 2025-03-07)
source: https://example.com/story     # optional
defaults:                          # any claim may override any of these
  as-of: 2025-03-07
  from: 2025-01-01
  currency: USD                    # or \`own\` = each member in its own currency
  weights: equal
claims:
  - id: titans-ytd
    says: "an equal-weighted basket of the seven has gained more than 40% this year"
    figure: return
    basket: titans
    expect: "> 0.40"
  - id: discount
    says: "a discount of more than 40% to the Magnificent Seven"
    figure: discount
    basket: titans
    against: mag7
    pe-method: harmonic
    expect: "> 0.40"
  - id: hstech-week
    says: "the Hang Seng TECH index rose 10% this week"
    figure: period-return
    symbol: HSTECH.HK
    period: 1w
    as-of: 2025-03-06
    expect: "≈ 0.10 ± 0.02"
  - id: hstech-high
    says: "the index is at its highest since 2021"
    figure: highest-since
    symbol: HSTECH.HK
    lookback: 5y
    expect: "<= 2021-12-31"
`;

/** A valid test for a figure of each unit. */
const EXPECT_FOR: Readonly<Record<Figure, string>> = {
  return: '> 0.40',
  'period-return': '≈ 10% ± 2%',
  'forward-pe': '< 18x',
  'trailing-pe': 'between 15 and 25',
  discount: '>= 40%',
  'return-spread': '> 0.5',
  'excess-return': '≈ 0.1 ± 10%',
  'market-value-change': '> 439e9',
  volatility: '<= 0.35',
  'max-drawdown': '> -0.2',
  'highest-since': '<= 2021-12-31',
  'window-high-date': '≈ 2025-02-14 ± 3d',
};

/** A valid claim of `figure`, as written in a file. */
export function validClaim(figure: Figure, id: string = figure): Record<string, unknown> {
  return {
    id,
    says: `the ${figure} claim`,
    figure,
    ...(figure === 'highest-since' || figure === 'window-high-date' ? { symbol: 'hstech.hk' } : { basket: 'titans' }),
    ...(figure === 'discount' || figure === 'return-spread' ? { against: 'mag7' } : {}),
    ...(figure === 'period-return' ? { period: '1w' } : {}),
    expect: EXPECT_FOR[figure],
  };
}

/** A valid document with one claim of each figure. */
export function everyFigure(): Record<string, unknown> {
  return { story: 'A story', defaults: { 'as-of': '2025-03-07', from: '2025-01-01' }, claims: FIGURES.map((figure) => validClaim(figure)) };
}

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(0, -1, 0.4, 1e308, '', ' ', '> 0.40', '2025-02-30', '2025-03-07', 'own', 'usd', 'USD', 'titans', '1w', 'return', '\n', '__proto__'),
);

const anyValue: fc.Arbitrary<unknown> = fc.anything({ maxDepth: 2, maxKeys: 3 });

/** What a field may be replaced with: a value right for some other field, a wrong type, or anything. */
const fieldValue = (key: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: scalar },
    { weight: 1, arbitrary: anyValue },
    { weight: 1, arbitrary: fc.constantFrom(...FIGURES) },
    { weight: 1, arbitrary: fc.constant(key === 'expect' ? 0.4 : '> 0.40') },
  );

const KEYS = ['id', 'says', 'figure', 'basket', 'symbol', 'against', 'period', 'expect', 'source', 'quote', 'as-of', 'from', 'currency', 'weights', 'rebalance', 'pe-method', 'negative-pe', 'lookback', 'price-return', 'point-in-time', 'max-quote-age', 'min-coverage', 'pe-at', 'expct', 'Figure', 'colour', ''];

/** An edit of one mapping: a field removed, retyped or set, or an unknown key added. */
function mutateMapping(mapping: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(mapping);
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(mapping) },
    { weight: 1, arbitrary: fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(mapping).filter(([k]) => k !== key))) },
    { weight: 2, arbitrary: fc.constantFrom(...KEYS).chain((key) => fieldValue(key).map((value) => ({ ...mapping, [key]: value }))) },
  );
}

/** A claims document, from right to nearly right to anything. */
export const claimsDocument: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.uniqueArray(fc.constantFrom(...FIGURES), { minLength: 1, maxLength: 4 }), fc.boolean())
      .chain(([figures, sameId]) =>
        fc.tuple(
          mutateMapping({ 'as-of': '2025-03-07', from: '2025-01-01' }),
          ...figures.map((figure) => mutateMapping(validClaim(figure, sameId ? 'same' : figure))),
        ),
      )
      .chain(([defaults, ...claims]) => mutateMapping({ story: 'S', defaults, claims })),
  },
  { weight: 1, arbitrary: fc.record({ story: scalar, claims: fc.oneof(scalar, fc.array(anyValue, { maxLength: 3 })), defaults: fc.oneof(scalar, anyValue) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.constantFrom({}, [], null, { claims: [] }, { story: 'S', claims: null }, 'story', 42) },
  { weight: 1, arbitrary: anyValue },
);

/** YAML the generators would not write: tags, aliases, a YAML 1.1 timestamp, several documents, deep nesting. */
const oddYaml = fc.constantFrom(
  '%YAML 1.1\n---\nstory: S\ndefaults: {as-of: 2025-03-07}\nclaims: [{id: a, says: s, figure: return, basket: b, expect: "> 0"}]\n',
  'story: S\nclaims: [{id: a, says: s, figure: return, basket: b, expect: !!float 0.4}]\n',
  'story: S\nclaims:\n  - &c {id: a, says: s, figure: return, basket: b, expect: "> 0"}\n  - *c\n',
  'story: S\nclaims:\n  - id: a\n    says: s\n    figure: return\n    basket: b\n    expect: > 0.40\n',
  'story: S\nclaims:\n  - id: a\n    says: s\n    figure: return\n    basket: b\n    expect: |\n      > 0.40\n',
  'story: S\nclaims: [{id: a, says: s, figure: return, basket: b, expect: "> 0", ? [x]: y}]\n',
  'story: S\n---\nclaims: []\n',
  'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nstory: *c\n',
  `${'- '.repeat(3000)}x\n`,
  '# only a comment\n',
  '',
  '\u0000\u0001',
);

/** Text edits: none, a BOM, CRLF, truncation, an insertion. */
function mutateText(text: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: text.length });
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(text) },
    { weight: 1, arbitrary: fc.constant(`\uFEFF${text}`) },
    { weight: 1, arbitrary: fc.constant(text.replace(/\n/g, '\r\n')) },
    { weight: 1, arbitrary: at.map((i) => text.slice(0, i)) },
    { weight: 1, arbitrary: fc.tuple(at, fc.string({ unit: 'binary', maxLength: 4 })).map(([i, s]) => text.slice(0, i) + s + text.slice(i)) },
  );
}

/** A claims file's name and text: YAML or JSON, right or wrong. */
export const claimsFile: fc.Arbitrary<{ name: string; text: string }> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(claimsDocument, fc.constantFrom<'any' | 'block' | 'flow'>('any', 'block', 'flow'))
      .map(([doc, collectionStyle]) => {
        try {
          return toYaml(doc, { collectionStyle }) ?? '';
        } catch {
          return String(doc);
        }
      })
      .chain(mutateText)
      .map((text) => ({ name: 'claims.yaml', text })),
  },
  {
    weight: 2,
    arbitrary: claimsDocument
      .map((doc) => {
        try {
          return JSON.stringify(doc, null, 2) ?? 'undefined';
        } catch {
          return String(doc);
        }
      })
      .chain(mutateText)
      .map((text) => ({ name: 'claims.json', text })),
  },
  { weight: 1, arbitrary: oddYaml.chain(mutateText).map((text) => ({ name: 'claims.yml', text })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }).map((text) => ({ name: 'claims.yaml', text })) },
);
