/**
 * The schemas of the files people write for basket: the config file
 * (schema/config.schema.json) and the offline data directory's quotes.csv
 * (schema/quotes.schema.json). Each is what the sources generate, byte for
 * byte; what basket reads validates, and what it refuses the schema refuses
 * too where a schema can say so.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { starterJson, starterYaml } from '../../src/commands/init.js';
import { configJsonSchema, toBaskets } from '../../src/config/schema.js';
import { quotesJsonSchema } from '../../src/config/quotes-schema.js';
import { QUOTE_FIELDS } from '../../src/domain/quote.js';
import { cellNumber } from '../../src/providers/files/cells.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const committed = async (name: string) => readFile(path.join(ROOT, 'schema', name), 'utf8');
const compile = (schema: object) => new Ajv2020({ strict: true, allErrors: true }).compile(schema);

describe('schema/config.schema.json', () => {
  const valid = compile(configJsonSchema());

  it('is what configJsonSchema() generates (npm run schemas writes it)', async () => {
    expect(await committed('config.schema.json')).toBe(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  });

  it('accepts the config files basket reads: the fixtures, and the starters basket init writes', async () => {
    const docs: [string, unknown][] = [
      ['starter.yaml', parseYaml(starterYaml('test', '/x/config.schema.json'))],
      ['starter.json', JSON.parse(starterJson('/x/config.schema.json'))],
    ];
    for (const name of ['basket.config.yaml', 'weights.yaml']) docs.push([name, parseYaml(await readFile(path.join(ROOT, 'fixtures', 'config', name), 'utf8'))]);
    for (const [name, doc] of docs) {
      expect(() => toBaskets(doc, name), name).not.toThrow();
      expect(valid(doc), `${name}: ${JSON.stringify(valid.errors)}`).toBe(true);
    }
  });

  it('refuses what basket refuses and a schema can say: an unknown key, a bad basket id, an empty list, a zero weight', () => {
    for (const doc of [
      { baskets: { a: { symbols: ['AAPL'], colour: 'red' } } },
      { baskets: { '-bad': { symbols: ['AAPL'] } } },
      { baskets: { a: { symbols: [] } } },
      { baskets: { a: { symbols: { AAPL: 0 } } } },
      { baskets: {} },
      { basket: {} },
    ]) {
      expect(() => toBaskets(doc, 'x.yaml'), JSON.stringify(doc)).toThrow();
      expect(valid(doc), JSON.stringify(doc)).toBe(false);
    }
  });
});

describe('schema/quotes.schema.json', () => {
  const valid = compile(quotesJsonSchema());

  it('is what quotesJsonSchema() generates, with a column for every figure the reader takes', async () => {
    expect(await committed('quotes.schema.json')).toBe(`${JSON.stringify(quotesJsonSchema(), null, 2)}\n`);
    const properties = Object.keys((quotesJsonSchema() as { properties: object }).properties).sort();
    expect(properties).toEqual(['symbol', 'date', 'provider', ...QUOTE_FIELDS].sort());
  });

  it('accepts every row of the demo quotes.csv', async () => {
    const rows = parseCsv(await readFile(path.join(ROOT, 'fixtures', 'demo', 'quotes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(valid(row), `${JSON.stringify(row)}: ${JSON.stringify(valid.errors)}`).toBe(true);
  });

  it('takes a number cell exactly when the reader does', () => {
    const cells = fc.oneof(fc.constantFrom('', '1', '-0.5', '+2.', '.5', '1e5', '1E-3', 'NaN', 'null', 'N/A', '-', '1,234', '0x10', 'Infinity', ' 1', '1e', 'abc'), fc.double().map(String), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(cells, (cell) => {
        expect(valid({ symbol: 'A', price: cell }), cell).toBe(cellNumber(cell) !== undefined);
      }),
    );
  });

  it('refuses a row without a symbol, or with a date not written YYYY-MM-DD', () => {
    expect(valid({ price: '1' })).toBe(false);
    expect(valid({ symbol: 'A', date: '07/03/2025' })).toBe(false);
  });

  it('is one of the schemas shipped in schema/', async () => {
    expect((await readdir(path.join(ROOT, 'schema'))).sort()).toEqual(expect.arrayContaining(['check.schema.json', 'claims.schema.json', 'config.schema.json', 'quotes.schema.json']));
  });
});
