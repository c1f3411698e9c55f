import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify as toYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadClaims, parseClaims } from '../../src/config/claims.js';
import { FIGURES, FIGURE_UNITS } from '../../src/domain/claims.js';
import { ClaimsFileError } from '../../src/errors.js';
import { everyFigure, SPEC_EXAMPLE, validClaim } from '../helpers/claims-files.js';
import { makeTempDir } from '../helpers/tmp.js';

const FILE = 'story.claims.yaml';
const FIXTURE = fileURLToPath(new URL('../../fixtures/claims/titans-vs-mag7.yaml', import.meta.url));

/** The ClaimsFileError parsing `text` throws; its message one line. */
function failure(text: string, file = FILE): ClaimsFileError {
  try {
    parseClaims(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(ClaimsFileError);
    expect((err as Error).message).not.toMatch(/[\r\n]/);
    return err as ClaimsFileError;
  }
  throw new Error('expected a ClaimsFileError');
}

/** A document whose first claim has `changes` applied (undefined removes a field). */
function withClaim(changes: Record<string, unknown>, claim = validClaim('return', 'titans-ytd')): string {
  const edited = Object.fromEntries(Object.entries({ ...claim, ...changes }).filter(([, v]) => v !== undefined));
  return toYaml({ story: 'S', claims: [edited] });
}

describe('parseClaims: valid files', () => {
  it('reads the example of the format', () => {
    const file = parseClaims(SPEC_EXAMPLE, FILE);
    expect(file).toMatchObject({
      file: FILE,
      story: "China's tech titans vs the Magnificent Seven (Bloomberg, 2025-03-07)",
      source: 'https://example.com/story',
      defaults: { asOf: '2025-03-07', from: '2025-01-01', currency: 'USD', weights: 'equal' },
    });
    expect(file.claims).toEqual([
      {
        id: 'titans-ytd',
        says: 'an equal-weighted basket of the seven has gained more than 40% this year',
        figure: 'return',
        subject: { kind: 'basket', basket: 'titans' },
        against: null,
        period: null,
        expect: { op: '>', x: { kind: 'number', value: 0.4, written: 'plain' }, text: '> 0.40' },
        source: null,
        quote: null,
        settings: {},
      },
      {
        id: 'discount',
        says: 'a discount of more than 40% to the Magnificent Seven',
        figure: 'discount',
        subject: { kind: 'basket', basket: 'titans' },
        against: 'mag7',
        period: null,
        expect: { op: '>', x: { kind: 'number', value: 0.4, written: 'plain' }, text: '> 0.40' },
        source: null,
        quote: null,
        settings: { peMethod: 'harmonic' },
      },
      {
        id: 'hstech-week',
        says: 'the Hang Seng TECH index rose 10% this week',
        figure: 'period-return',
        subject: { kind: 'symbol', symbol: 'HSTECH.HK' },
        against: null,
        period: '1w',
        expect: { op: '≈', x: { kind: 'number', value: 0.1, written: 'plain' }, tolerance: { kind: 'absolute', value: 0.02 }, text: '≈ 0.10 ± 0.02' },
        source: null,
        quote: null,
        settings: { asOf: '2025-03-06' },
      },
      {
        id: 'hstech-high',
        says: 'the index is at its highest since 2021',
        figure: 'highest-since',
        subject: { kind: 'symbol', symbol: 'HSTECH.HK' },
        against: null,
        period: null,
        expect: { op: '<=', x: { kind: 'date', value: '2021-12-31' }, text: '<= 2021-12-31' },
        source: null,
        quote: null,
        settings: { lookback: '5y' },
      },
    ]);
  });

  it('keeps settings not given out of the result (so a claim\'s own can be laid over the defaults)', () => {
    const file = parseClaims(SPEC_EXAMPLE, FILE);
    expect(Object.keys(file.defaults)).toEqual(['asOf', 'from', 'currency', 'weights']);
    expect(Object.keys(file.claims[0]?.settings ?? { x: 1 })).toEqual([]);
  });

  it('reads a claim of every figure, its test in the figure\'s unit', () => {
    const file = parseClaims(toYaml(everyFigure()), FILE);
    expect(file.claims.map((c) => c.figure)).toEqual([...FIGURES]);
    for (const claim of file.claims) {
      const bound = claim.expect.op === 'between' ? claim.expect.low : claim.expect.x;
      expect(bound.kind).toBe(FIGURE_UNITS[claim.figure] === 'date' ? 'date' : 'number');
    }
  });

  it('reads every setting, kebab-case to camelCase, on a claim and in defaults', () => {
    const settings = {
      'as-of': '2025-03-07',
      from: '2024-12-31',
      currency: 'HKD',
      weights: 'cap',
      rebalance: 'monthly',
      'pe-method': 'aggregate',
      'negative-pe': 'include',
      lookback: '10y',
      'price-return': true,
      'point-in-time': 'strict',
      'max-quote-age': 0,
      'min-coverage': 1,
      'pe-at': 'as-of',
    };
    const camel = {
      asOf: '2025-03-07',
      from: '2024-12-31',
      currency: 'HKD',
      weights: 'cap',
      rebalance: 'monthly',
      peMethod: 'aggregate',
      negativePE: 'include',
      lookback: '10y',
      priceReturn: true,
      pointInTime: 'strict',
      maxQuoteAge: 0,
      minCoverage: 1,
      peAt: 'as-of',
    };
    const file = parseClaims(toYaml({ story: 'S', defaults: settings, claims: [{ ...validClaim('return'), ...settings }] }), FILE);
    expect(file.defaults).toStrictEqual(camel);
    expect(file.claims[0]?.settings).toStrictEqual(camel);
  });

  it.each([
    ['own', null],
    [null, null],
    ['USD', 'USD'],
  ])('reads currency %j as %j', (currency, expected) => {
    expect(parseClaims(toYaml({ story: 'S', defaults: { currency }, claims: [validClaim('return')] }), FILE).defaults.currency).toBe(expected);
  });

  it('trims text, upper-cases a symbol as written, and keeps a basket path as written', () => {
    const claim = { ...validClaim('highest-since'), symbol: '  hstech.hk ', says: '  the index  \n', quote: 'word for word', source: 'https://x' };
    const [read] = parseClaims(toYaml({ story: '  S  ', claims: [claim, { ...validClaim('return', 'b'), basket: ' baskets/My Chips.txt ' }] }), FILE).claims;
    expect(read).toMatchObject({ subject: { kind: 'symbol', symbol: 'HSTECH.HK' }, says: 'the index', quote: 'word for word', source: 'https://x' });
    expect(parseClaims(toYaml({ story: 'S', claims: [{ ...validClaim('return'), basket: ' baskets/My Chips.txt ' }] }), FILE).claims[0]?.subject).toEqual({
      kind: 'basket',
      basket: 'baskets/My Chips.txt',
    });
  });

  it('reads JSON (with a $schema key for editors), a byte-order mark and CRLF line ends alike', () => {
    const doc = { $schema: '../../schema/claims.schema.json', ...everyFigure() };
    const expected = parseClaims(toYaml(everyFigure()), FILE).claims;
    expect(parseClaims(JSON.stringify(doc, null, 2), 'x.json').claims).toEqual(expected);
    expect(parseClaims(`\uFEFF${JSON.stringify(doc)}`, 'x.json').claims).toEqual(expected);
    expect(parseClaims(`\uFEFF${toYaml(everyFigure()).replace(/\n/g, '\r\n')}`, FILE).claims).toEqual(expected);
  });

  it('keeps dates as text (YAML 1.2), a block-scalar test, and null for an empty source or defaults', () => {
    const text = 'story: S\nsource:\ndefaults:\nclaims:\n  - id: a\n    says: s\n    figure: highest-since\n    symbol: X\n    as-of: 2025-03-07\n    expect: |\n      <= 2021-12-31\n';
    const file = parseClaims(text, FILE);
    expect(file).toMatchObject({ source: null, defaults: {} });
    expect(file.claims[0]).toMatchObject({ settings: { asOf: '2025-03-07' }, expect: { text: '<= 2021-12-31' } });
  });

  it('reads the example in fixtures/claims', async () => {
    const file = await loadClaims(FIXTURE);
    expect(file.file).toBe(FIXTURE);
    expect(file.claims.map((c) => c.id)).toEqual(['titans-ytd', 'mag7-ytd', 'gap', 'discount', 'titans-pe', 'hstech-week', 'hstech-high', 'titans-value']);
    expect(file.claims.find((c) => c.id === 'hstech-week')?.settings).toEqual({ asOf: '2025-03-06', currency: null });
    expect(file.claims.find((c) => c.id === 'titans-pe')?.expect).toMatchObject({ op: '≈', x: { value: 18, written: 'multiple' }, tolerance: { kind: 'absolute', value: 2 } });
  });
});

describe('parseClaims: each problem is one line naming the file, the claim and the field', () => {
  it.each<[string, string, string]>([
    ['the example with a claim that has no says', SPEC_EXAMPLE.replace('    says: "the index is at its highest since 2021"\n', ''), '(claim "hstech-high", field says): is required'],
    ['a missing id', withClaim({ id: undefined }), '(claim #1, field id): is required'],
    ['an id that is not one', withClaim({ id: 'two words' }), '(claim #1, field id): must be a letter or digit followed by letters, digits, "-", "_" or "."'],
    ['an id that is a number', withClaim({ id: 7 }), '(claim #1, field id): must be text, such as titans-ytd'],
    ['an empty says', withClaim({ says: '  ' }), '(claim "titans-ytd", field says): must not be empty'],
    ['an unknown figure', withClaim({ figure: 'returns' }), '(claim "titans-ytd", field figure): "returns" is not one of return, period-return,'],
    ['an unknown figure, nothing like one', withClaim({ figure: 'colour' }), '(claim "titans-ytd", field figure): must be one of return, period-return,'],
    ['neither basket nor symbol', withClaim({ basket: undefined }), '(claim "titans-ytd", field basket): is required: the basket the claim is about (or symbol, for one symbol)'],
    ['both basket and symbol', withClaim({ symbol: 'AAPL' }), '(claim "titans-ytd", field symbol): give basket or symbol, not both'],
    ['a symbol that is not one', withClaim({ basket: undefined, symbol: 'A/B' }), '(claim "titans-ytd", field symbol): "A/B" is not a ticker symbol'],
    ['a discount with nothing to compare', withClaim({ against: undefined }, validClaim('discount', 'd')), '(claim "d", field against): is required for figure discount'],
    ['against on a return', withClaim({ against: 'mag7' }), '(claim "titans-ytd", field against): applies only to figures discount and return-spread, not return'],
    ['a period-return with no period', withClaim({ period: undefined }, validClaim('period-return', 'p')), '(claim "p", field period): is required for figure period-return: one of 1d, 1w'],
    ['a period on a return', withClaim({ period: '1w' }), '(claim "titans-ytd", field period): applies only to figure period-return, not return'],
    ['an unknown period', withClaim({ period: '2w' }, validClaim('period-return', 'p')), '(claim "p", field period): "2w" is not one of 1d, 1w'],
    ['no expect', withClaim({ expect: undefined }), '(claim "titans-ytd", field expect): is required'],
    ['expect written as a number', withClaim({ expect: 0.4 }), '(claim "titans-ytd", field expect): is a number: write the test as quoted text, such as "> 0.40"'],
    ['expect in the wrong unit', withClaim({ expect: '> 18x' }), '(claim "titans-ytd", field expect): "18x" is a P/E multiple; this figure is a fraction (write 0.18 or 18%)'],
    ['expect unreadable', withClaim({ expect: '> abc' }), '(claim "titans-ytd", field expect): cannot read "> abc"'],
    ['a date test on a number figure', withClaim({ expect: '<= 2021-12-31' }), '(claim "titans-ytd", field expect): "2021-12-31" is a date; this figure is a fraction'],
    ['an as-of that is no date', withClaim({ 'as-of': '2025-02-30' }), '(claim "titans-ytd", field as-of): "2025-02-30" is not a calendar date'],
    ['an as-of written otherwise', withClaim({ 'as-of': '07/03/2025' }), '(claim "titans-ytd", field as-of): must be a date written YYYY-MM-DD'],
    ['from after as-of on a claim', withClaim({ 'as-of': '2025-03-07', from: '2025-03-08' }), '(claim "titans-ytd", field from): 2025-03-08 is after as-of 2025-03-07'],
    ['a lower-case currency', withClaim({ currency: 'usd' }), '(claim "titans-ytd", field currency): must be a currency code of three capital letters such as USD, or own'],
    ['a weighting misspelt', withClaim({ weights: 'eq' }), '(claim "titans-ytd", field weights): "eq" is not one of equal, cap, config; did you mean "equal"?'],
    ['a P/E method misspelt', withClaim({ 'pe-method': 'harmonik' }), '(claim "titans-ytd", field pe-method): "harmonik" is not one of harmonic, median, mean, aggregate; did you mean "harmonic"?'],
    ['price-return as yes', withClaim({ 'price-return': 'yes' }), '(claim "titans-ytd", field price-return): must be true or false'],
    ['a max-quote-age of 1.5', withClaim({ 'max-quote-age': 1.5 }), '(claim "titans-ytd", field max-quote-age): must be a whole number of days'],
    ['a negative max-quote-age', withClaim({ 'max-quote-age': -1 }), '(claim "titans-ytd", field max-quote-age): must be 0 or more days'],
    ['a min-coverage of 0', withClaim({ 'min-coverage': 0 }), '(claim "titans-ytd", field min-coverage): must be above 0'],
    ['a min-coverage over 1', withClaim({ 'min-coverage': 80 }), '(claim "titans-ytd", field min-coverage): must be at most 1'],
    ['a lookback not offered', withClaim({ lookback: '2y' }), '(claim "titans-ytd", field lookback): "2y" is not one of 1y, 3y, 5y, 10y, max'],
    ['a misspelt key', withClaim({ expct: '> 0.4', expect: undefined }), '(claim "titans-ytd", field expct): unknown key; did you mean "expect"?'],
    ['an unknown key like none', withClaim({ colour: 'red' }), '(claim "titans-ytd", field colour): unknown key; expected one of id, says, figure'],
    ['a key with a line break', withClaim({ 'a\nb': 1 }), '(claim "titans-ytd", field "a\\nb"): unknown key'],
    ['a claim that is not a mapping', toYaml({ story: 'S', claims: ['> 0.40'] }), '(claim #1): must be a mapping with id, says, figure, basket or symbol, and expect'],
    ['the second use of an id', toYaml({ story: 'S', claims: [validClaim('return', 'a'), validClaim('volatility', 'b'), validClaim('discount', 'a')] }), '(claim "a", field id): the id "a" is used twice (claims #1 and #3)'],
    ['no story', toYaml({ claims: [validClaim('return')] }), '(field story): is required'],
    ['a story that is a list', toYaml({ story: ['a'], claims: [validClaim('return')] }), '(field story): must be the story\'s headline (text)'],
    ['no claims', toYaml({ story: 'S' }), '(field claims): is required'],
    ['an empty list of claims', toYaml({ story: 'S', claims: [] }), '(field claims): no claims: list at least one'],
    ['claims as a mapping', toYaml({ story: 'S', claims: { a: validClaim('return') } }), '(field claims): must be a list of claims'],
    ['defaults as a list', toYaml({ story: 'S', defaults: ['x'], claims: [validClaim('return')] }), '(field defaults): must be a mapping of settings'],
    ['from after as-of in defaults', toYaml({ story: 'S', defaults: { 'as-of': '2025-01-01', from: '2025-03-07' }, claims: [validClaim('return')] }), '(field defaults.from): 2025-03-07 is after as-of 2025-01-01'],
    ['a claim field in defaults', toYaml({ story: 'S', defaults: { figure: 'return' }, claims: [validClaim('return')] }), '(field defaults.figure): belongs to each claim, not to defaults'],
    ['a misspelt setting in defaults', toYaml({ story: 'S', defaults: { 'as-off': '2025-03-07' }, claims: [validClaim('return')] }), '(field defaults.as-off): unknown key; did you mean "as-of"?'],
    ['a setting at the top', toYaml({ story: 'S', 'as-of': '2025-03-07', claims: [validClaim('return')] }), '(field as-of): is a setting: put it under defaults, or on a claim'],
    ['a claim field at the top', toYaml({ story: 'S', figure: 'return', claims: [validClaim('return')] }), '(field figure): belongs to a claim: put it on a claim under claims'],
    ['a misspelt top-level key', toYaml({ stroy: 'S', claims: [validClaim('return')] }), '(field stroy): unknown key; did you mean "story"?'],
  ])('%s', (_, text, message) => {
    const err = failure(text);
    expect(err.message).toContain(`bad claims file ${FILE} ${message}`);
  });

  it('names the claim by its place when its id cannot be read, and by its id when it can', () => {
    const claims = [validClaim('return', 'a'), { ...validClaim('return'), id: 'no good', expect: 0.4 }, { ...validClaim('return', 'c'), expect: 0.4 }];
    expect(failure(toYaml({ story: 'S', claims })).message).toContain('(claim #2, field id)');
    expect(failure(toYaml({ story: 'S', claims: [claims[0], claims[2]] })).message).toContain('(claim "c", field expect)');
    expect(failure(toYaml({ story: 'S', claims: [claims[0], { ...claims[2], id: { x: 1 } }] })).message).toContain('(claim #2, field id)');
  });

  it('reports the first problem in the file: the top level and defaults, then claim by claim', () => {
    const claims = [validClaim('return', 'a'), { ...validClaim('return', 'b'), expect: '> abc' }, { ...validClaim('return', 'c'), figure: 'nope' }];
    expect(failure(toYaml({ story: 'S', claims })).message).toContain('(claim "b", field expect)');
    expect(failure(toYaml({ story: 'S', defaults: { weights: 'x' }, claims })).message).toContain('(field defaults.weights)');
  });

  it.each<[string, string, string, string]>([
    ['an empty file', '', FILE, 'bad claims file story.claims.yaml: the file is empty: it needs a story and a list of claims'],
    ['only a comment', '# nothing yet\n', FILE, 'the file is empty'],
    ['a list at the top', '- a\n- b\n', FILE, 'bad claims file story.claims.yaml: the file must be a mapping with a story and claims, not a list'],
    ['text at the top', 'just some text', FILE, 'the file must be a mapping with a story and claims, not text'],
    ['a number at the top', '42', FILE, 'not a number'],
    ['a YAML syntax error', 'story: S\nclaims: [\n', FILE, 'bad claims file story.claims.yaml: not valid YAML: line 3, column 1:'],
    ['an unquoted > test', withClaim({}).replace(/expect: .*/, 'expect: > 0.40'), FILE, ': not valid YAML: line 7, column 15: Not a YAML token: 0.40 (quote the test: expect: "> 0.40")'],
    ['a duplicate key', 'story: S\nstory: T\nclaims: []\n', FILE, 'not valid YAML: line 2, column 1: Map keys must be unique'],
    ['not JSON', '{"story": "S", ', 'claims.json', 'bad claims file claims.json: not valid JSON:'],
    ['not YAML at all', '\u0000\u0001: [', FILE, 'bad claims file story.claims.yaml: not valid YAML:'],
    ['an alias bomb', 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nstory: *d\n', FILE, 'not valid YAML: Excessive alias count'],
    ['a __proto__ key (an own key, not a prototype)', '{"story":"S","claims":[{"__proto__":{"id":"a","says":"s","figure":"return","basket":"b","expect":"> 0"}}]}', 'c.json', 'bad claims file c.json (claim #1, field __proto__): unknown key'],
    ['a YAML 1.1 timestamp', '%YAML 1.1\n---\nstory: S\ndefaults: {as-of: 2025-03-07}\nclaims: [{id: a, says: s, figure: return, basket: b, expect: "> 0"}]\n', FILE, '(field defaults.as-of): write the date as text, YYYY-MM-DD (this YAML read it as a timestamp)'],
  ])('%s', (_, text, file, message) => {
    expect(failure(text, file).message).toContain(message);
  });

  it('carries the file, claim and field as properties for the command to use', () => {
    const err = failure(withClaim({ expect: 0.4 }));
    expect({ file: err.file, claim: err.claim, field: err.field, exitCode: err.exitCode }).toEqual({ file: FILE, claim: '"titans-ytd"', field: 'expect', exitCode: 2 });
  });
});

describe('loadClaims', () => {
  it('names a file it cannot read, and why', async () => {
    const dir = await makeTempDir('basket-claims-');
    const missing = path.join(dir, 'nope.yaml');
    await expect(loadClaims(missing)).rejects.toThrow(ClaimsFileError);
    await expect(loadClaims(missing)).rejects.toThrow(`bad claims file ${missing}: cannot read it (ENOENT)`);
    await mkdir(path.join(dir, 'dir.yaml'));
    await expect(loadClaims(path.join(dir, 'dir.yaml'))).rejects.toThrow('cannot read it (EISDIR)');
  });

  it('reads a file and names it in problems', async () => {
    const dir = await makeTempDir('basket-claims-');
    const file = path.join(dir, 'story.json');
    await writeFile(file, JSON.stringify({ story: 'S', claims: [validClaim('return')] }));
    expect((await loadClaims(file)).claims).toHaveLength(1);
    await writeFile(file, JSON.stringify({ story: 'S', claims: [{ ...validClaim('return'), expect: 0.4 }] }));
    await expect(loadClaims(file)).rejects.toThrow(`bad claims file ${file} (claim "return", field expect)`);
  });
});
