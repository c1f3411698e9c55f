/**
 * The JSON Schema editors read for claims files (schema/claims.schema.json):
 * it is what the zod schema generates (so it cannot drift), it accepts the
 * examples and refuses what parseClaims refuses on its shape, and it never
 * refuses a file parseClaims reads.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { claimsJsonSchema, parseClaims } from '../../src/config/claims.js';
import { claimsDocument, everyFigure, SPEC_EXAMPLE, validClaim } from '../helpers/claims-files.js';

const COMMITTED = fileURLToPath(new URL('../../schema/claims.schema.json', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/claims/titans-vs-mag7.yaml', import.meta.url));

// Ajv's default strict mode refuses unknown keywords and formats; not `strict: true`, whose strictRequired
// lint flags `required` in a oneOf branch that does not itself define the property (valid JSON Schema)
const ajv = new Ajv2020({ allErrors: true });
const validate = ajv.compile(claimsJsonSchema());
const isValid = (document: unknown): boolean => validate(document) === true;

describe('schema/claims.schema.json', () => {
  it('is what claimsJsonSchema() generates, byte for byte as scripts/schemas.mjs writes it (run npm run schemas after changing the schema)', async () => {
    const committed = await readFile(COMMITTED, 'utf8');
    expect(JSON.parse(committed)).toEqual(claimsJsonSchema());
    expect(committed).toBe(`${JSON.stringify(claimsJsonSchema(), null, 2)}\n`);
  });

  it('is a draft 2020-12 schema with an id, a title and a description on every field', () => {
    const schema = claimsJsonSchema() as Record<string, unknown>;
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: expect.any(String), title: expect.any(String), description: expect.any(String) });
    const claim = (schema['properties'] as Record<string, { items?: { properties: Record<string, { description?: string }> } }>)['claims']?.items;
    for (const [key, field] of Object.entries(claim?.properties ?? {})) expect(field.description, key).toEqual(expect.any(String));
  });
});

describe('the JSON Schema accepts', () => {
  it('the example in fixtures/claims', async () => {
    expect(isValid(parseYaml(await readFile(FIXTURE, 'utf8')))).toBe(true);
  });

  it('the example of the format (with says on every claim), in YAML and as JSON', () => {
    const document = parseYaml(SPEC_EXAMPLE) as unknown;
    expect(isValid(document)).toBe(true);
    expect(isValid(JSON.parse(JSON.stringify({ $schema: '../schema/claims.schema.json', ...(document as object) })))).toBe(true);
  });

  it('a claim of every figure', () => {
    expect(isValid(everyFigure())).toBe(true);
  });
});

describe('the JSON Schema refuses', () => {
  const withClaim = (changes: Record<string, unknown>, claim = validClaim('return')) => ({
    story: 'S',
    claims: [Object.fromEntries(Object.entries({ ...claim, ...changes }).filter(([, v]) => v !== undefined))],
  });

  it.each<[string, unknown]>([
    ['the example as first written, whose last claim has no says', parseYaml(SPEC_EXAMPLE.replace('    says: "the index is at its highest since 2021"\n', ''))],
    ['no story', { claims: [validClaim('return')] }],
    ['an empty list of claims', { story: 'S', claims: [] }],
    ['an unknown top-level key', { story: 'S', claims: [validClaim('return')], colour: 1 }],
    ['a setting at the top level', { story: 'S', 'as-of': '2025-03-07', claims: [validClaim('return')] }],
    ['an unknown key on a claim', withClaim({ expct: '> 0.4' })],
    ['a claim with neither basket nor symbol', withClaim({ basket: undefined })],
    ['a claim with both basket and symbol', withClaim({ symbol: 'AAPL' })],
    ['a discount with no against', withClaim({ against: undefined }, validClaim('discount'))],
    ['against on a return', withClaim({ against: 'mag7' })],
    ['a period-return with no period', withClaim({ period: undefined }, validClaim('period-return'))],
    ['a period on a return', withClaim({ period: '1w' })],
    ['an unknown figure', withClaim({ figure: 'returns' })],
    ['expect as a number', withClaim({ expect: 0.4 })],
    ['expect that is no test', withClaim({ expect: '> abc' })],
    ['expect with no comparison', withClaim({ expect: '0.40' })],
    ['a date that is not written YYYY-MM-DD', withClaim({ 'as-of': '2025-3-7' })],
    ['an id with a space', withClaim({ id: 'two words' })],
    ['a lower-case currency', withClaim({ currency: 'usd' })],
    ['a min-coverage of 0', withClaim({ 'min-coverage': 0 })],
    ['a fractional max-quote-age', withClaim({ 'max-quote-age': 1.5 })],
    ['price-return as text', withClaim({ 'price-return': 'yes' })],
  ])('%s', (_, document) => {
    expect(isValid(document)).toBe(false);
  });
});

describe('the JSON Schema and parseClaims agree', () => {
  it('every document parseClaims reads, the JSON Schema accepts (it is looser, never stricter)', () => {
    let read = 0;
    fc.assert(
      fc.property(claimsDocument, (document) => {
        let text: string | undefined;
        try {
          text = JSON.stringify(document);
        } catch {
          return; // a BigInt or a cycle: not a document
        }
        if (text === undefined) return;
        try {
          parseClaims(text, 'c.json');
        } catch {
          return;
        }
        read++;
        expect(isValid(JSON.parse(text)), `${text}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }),
      { numRuns: 1500 },
    );
    expect(read).toBeGreaterThan(30);
  });

  it('a YAML file the JSON Schema refuses, parseClaims refuses too, on the same example edited', () => {
    const edits: Record<string, unknown>[] = [{ basket: undefined }, { against: 'x' }, { expect: 1 }, { figure: 'nope' }, { weights: 'eq' }];
    for (const edit of edits) {
      const document = { story: 'S', claims: [Object.fromEntries(Object.entries({ ...validClaim('return'), ...edit }).filter(([, v]) => v !== undefined))] };
      expect(isValid(document)).toBe(false);
      expect(() => parseClaims(toYaml(document), 'c.yaml')).toThrow(/^bad claims file c\.yaml \(claim "return", field /);
    }
  });
});
