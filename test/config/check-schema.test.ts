/**
 * The JSON Schema of `basket check --format json` (schema/check.schema.json):
 * it is what the zod schema generates, the zod schema is the CheckReport
 * type (held equal at compile time: `npm run typecheck` fails when a field
 * is added to one and not the other), and the real outputs of the command,
 * with and without --explain and for every figure, validate against it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  BenchmarkReportSchema,
  ClaimInputsSchema,
  MarketValueInputsSchema,
  PEInputsSchema,
  ReturnInputsSchema,
  RiskInputsSchema,
} from '../../src/config/check-inputs-schema.js';
import { CHECK_VERDICTS, CheckReportSchema, checkJsonSchema, ClaimResultSchema, ClaimSettingsUsedSchema } from '../../src/config/check-schema.js';
import { FIGURES } from '../../src/domain/claims.js';
import { VERDICTS, type CheckReport, type ClaimInputs, type ClaimResult, type ClaimSettingsUsed } from '../../src/report/check-types.js';
import type { MarketValueInputs, PEInputs, ReturnInputs, RiskInputs } from '../../src/report/inputs.js';
import type { BenchmarkReport } from '../../src/report/types.js';
import { runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/tmp.js';

// ---- compile time: the zod schema is the type, field for field ----

/** The type without `readonly` (zod infers mutable objects and arrays); optional fields stay optional. */
type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
/** True only when A and B are the same type: a field missing, added, optional or nullable on one side only makes it false. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// each line fails to compile when its two sides drift; the parts are checked too, so that the error names the part
export const TYPES_AGREE: Readonly<Record<string, true>> = {
  CheckReport: true satisfies Same<Mutable<CheckReport>, z.output<typeof CheckReportSchema>>,
  ClaimResult: true satisfies Same<Mutable<ClaimResult>, z.output<typeof ClaimResultSchema>>,
  ClaimSettingsUsed: true satisfies Same<Mutable<ClaimSettingsUsed>, z.output<typeof ClaimSettingsUsedSchema>>,
  ClaimInputs: true satisfies Same<Mutable<ClaimInputs>, z.output<typeof ClaimInputsSchema>>,
  ReturnInputs: true satisfies Same<Mutable<ReturnInputs>, z.output<typeof ReturnInputsSchema>>,
  PEInputs: true satisfies Same<Mutable<PEInputs>, z.output<typeof PEInputsSchema>>,
  MarketValueInputs: true satisfies Same<Mutable<MarketValueInputs>, z.output<typeof MarketValueInputsSchema>>,
  RiskInputs: true satisfies Same<Mutable<RiskInputs>, z.output<typeof RiskInputsSchema>>,
  BenchmarkReport: true satisfies Same<Mutable<BenchmarkReport>, z.output<typeof BenchmarkReportSchema>>,
};

// and each way as an assignment, whose error says which field
export const toSchema = (report: Mutable<CheckReport>): z.output<typeof CheckReportSchema> => report;
export const toType = (output: z.output<typeof CheckReportSchema>): CheckReport => output;

// ---- run time ----

const COMMITTED = fileURLToPath(new URL('../../schema/check.schema.json', import.meta.url));
const CLAIMS = 'fixtures/claims/titans-2025-03.yaml';
const DEMO = ['--data', 'fixtures/demo', '--format', 'json'];

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(checkJsonSchema());
const problems = (output: unknown): string => (validate(output) === true ? '' : ajv.errorsText(validate.errors, { separator: '\n' }));

/** A claim of every figure, under settings that reach every branch of the output: cap weights, rebalancing, the aggregate P/E, a price return, strict point in time, P/Es repriced, losses included, a symbol, a look-back, a symbol without data. */
const EVERY_FIGURE = `story: every figure basket checks
source: https://example.com/story
defaults:
  as-of: 2025-03-07
  from: 2025-01-01
  currency: USD
claims:
  - { id: return, says: r, figure: return, basket: titans, expect: "> 40%", weights: cap, rebalance: monthly }
  - { id: period-return, says: p, figure: period-return, basket: mag7, period: 1m, expect: "< 0", price-return: true }
  - { id: forward-pe, says: f, figure: forward-pe, basket: titans, expect: "≈ 18x ± 0.5x", pe-method: aggregate, point-in-time: strict }
  - { id: trailing-pe, says: t, figure: trailing-pe, basket: mag7, expect: "between 20x and 40x", negative-pe: include, pe-at: as-of }
  - { id: discount, says: d, figure: discount, basket: titans, against: mag7, expect: "> 40%", source: https://example.com/other, quote: "a discount of more than 40%" }
  - { id: return-spread, says: s, figure: return-spread, basket: titans, against: mag7, expect: "> 0.5" }
  - { id: excess-return, says: x, figure: excess-return, basket: titans, expect: "≈ 0.1 ± 10%", currency: own }
  - { id: market-value-change, says: m, figure: market-value-change, basket: titans, expect: "≈ 439e9 ± 10%" }
  - { id: volatility, says: v, figure: volatility, basket: mag7, expect: "<= 0.35", max-quote-age: 10, min-coverage: 0.9 }
  - { id: max-drawdown, says: dd, figure: max-drawdown, basket: mag7, expect: "> -0.2" }
  - { id: highest-since, says: h, figure: highest-since, symbol: HSTECH.HK, expect: "<= 2021-12-31", lookback: 5y, currency: own }
  - { id: window-high-date, says: w, figure: window-high-date, basket: titans, expect: "≈ 2025-03-06 ± 3d" }
  - { id: no-data, says: n, figure: return, symbol: ^HSCE, expect: "> 6%" }
`;

async function everyFigureFile(): Promise<string> {
  const file = path.join(await makeTempDir('basket-check-schema-'), 'every-figure.yaml');
  await writeFile(file, EVERY_FIGURE);
  return file;
}

async function checkJson(argv: string[]): Promise<CheckReport> {
  const { exitCode, stdout, stderr } = await runCli(['check', ...argv, ...DEMO]);
  expect([0, 5], stderr).toContain(exitCode);
  return JSON.parse(stdout) as CheckReport;
}

/** Every property of every object in a JSON Schema, by its path. */
function properties(node: unknown, at = '#'): [string, Record<string, unknown>][] {
  if (typeof node !== 'object' || node === null) return [];
  const own = Object.entries((node as { properties?: Record<string, Record<string, unknown>> }).properties ?? {}).map(([k, v]): [string, Record<string, unknown>] => [`${at}/${k}`, v]);
  return [...own, ...Object.entries(node).flatMap(([k, v]) => properties(v, `${at}/${k}`))];
}

describe('schema/check.schema.json', () => {
  it('is what checkJsonSchema() generates, byte for byte as scripts/schemas.mjs writes it (run npm run schemas after changing the schema)', async () => {
    const committed = await readFile(COMMITTED, 'utf8');
    expect(JSON.parse(committed)).toEqual(checkJsonSchema());
    expect(committed).toBe(`${JSON.stringify(checkJsonSchema(), null, 2)}\n`);
  });

  it('is a draft 2020-12 schema with its id, a title and a description on every field', () => {
    const schema = checkJsonSchema() as Record<string, unknown>;
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'urn:basket:schema:check', title: expect.any(String), description: expect.any(String) });
    const fields = properties(schema);
    expect(fields.length).toBeGreaterThan(100);
    expect(fields.filter(([, field]) => typeof field['description'] !== 'string').map(([at]) => at)).toEqual([]);
  });

  it('takes its lists from the ones the output is made with', () => {
    expect(CHECK_VERDICTS).toEqual(VERDICTS);
    const claim = (checkJsonSchema() as { $defs: Record<string, { properties: Record<string, { enum?: unknown }> }> }).$defs['ClaimResult'];
    expect(claim?.properties['figure']?.enum).toEqual(FIGURES);
    expect(claim?.properties['verdict']?.enum).toEqual(VERDICTS);
  });
});

describe('the output of basket check validates', () => {
  it.each<[string, string[]]>([
    ['the 2025 story', [CLAIMS]],
    ['the 2025 story with --explain', [CLAIMS, '--explain']],
    ['the 2025 story with --explain titans-ytd', [CLAIMS, '--explain', 'titans-ytd']],
  ])('%s', async (_, argv) => {
    const report = await checkJson(argv);
    expect(report.claims.length).toBe(7);
    expect(problems(report)).toBe('');
  });

  it('a claim of every figure with --explain, every kind of inputs in it', async () => {
    const report = await checkJson([await everyFigureFile(), '--explain']);
    expect(new Set(report.claims.map((c) => c.figure))).toEqual(new Set(FIGURES));
    expect(new Set(report.claims.map((c) => c.inputs?.kind))).toEqual(new Set(['return', 'pe', 'discount', 'return-spread', 'excess-return', 'market-value', 'risk']));
    expect(new Set(report.claims.map((c) => typeof c.value))).toEqual(new Set(['number', 'string', 'object']));
    expect(problems(report)).toBe('');
  });
});

describe('the JSON Schema refuses', () => {
  it('an output with a field the schema does not know, at the top, on a claim and in its inputs', async () => {
    const report = await checkJson([CLAIMS, '--explain']);
    const claim = report.claims[0] as ClaimResult;
    expect(problems({ ...report, generatedAt: '2025-03-09' })).toMatch(/must NOT have additional properties/);
    expect(problems({ ...report, claims: [{ ...claim, confidence: 0.9 }] })).toMatch(/must NOT have additional properties/);
    expect(problems({ ...report, claims: [{ ...claim, settings: { ...claim.settings, explain: true } }] })).toMatch(/must NOT have additional properties/);
    expect(problems({ ...report, claims: [{ ...claim, inputs: { ...claim.inputs, note: '' } }] })).not.toBe('');
  });

  it.each<[string, (c: ClaimResult) => unknown, RegExp]>([
    ['a verdict outside the list', (c) => ({ ...c, verdict: 'mostly-holds' }), /claims\/0\/verdict must be equal to one of the allowed values/],
    ['a figure outside the list', (c) => ({ ...c, figure: 'returns' }), /claims\/0\/figure must be equal to one of the allowed values/],
    ['a field missing', ({ reason: _, ...c }) => c, /claims\/0 must have required property 'reason'/],
    ['a date not written YYYY-MM-DD', (c) => ({ ...c, settings: { ...c.settings, asOf: '7 March 2025' } }), /claims\/0\/settings\/asOf must match pattern/],
    ['a value that is neither a number, a date nor null', (c) => ({ ...c, value: 'about 40%' }), /claims\/0\/value must match pattern/],
    ['a count that is not a whole number', (c) => ({ ...c, coverage: { included: 6.5, total: 7 } }), /claims\/0\/coverage\/included must be integer/],
    ['inputs of an unknown kind', (c) => ({ ...c, inputs: { kind: 'magic', return: null } }), /claims\/0\/inputs/],
  ])('%s', async (_, change, problem) => {
    const report = await checkJson([CLAIMS]);
    expect(problems({ ...report, claims: report.claims.map(change) })).toMatch(problem);
  });
});
