/**
 * The JSON Schema of `basket compare --format json` (schema/compare.schema.json):
 * it is what the zod schema generates, the zod schema is the Report type
 * (held equal at compile time: `npm run typecheck` fails when a field is
 * added to one and not the other), and the real outputs of the command,
 * under every option that changes the output's shape, validate against it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { PEStatus } from '../../src/analytics/valuation.js';
import { LevelSeriesSchema, PE_STATUSES, PeriodReturnSchema, RiskSchema } from '../../src/config/check-inputs-schema.js';
import { PRICE_BASES } from '../../src/config/check-schema.js';
import { ISSUE_CODES, SymbolIssueSchema } from '../../src/config/issues-schema.js';
import { BasketInputsSchema, BasketReportSchema, MemberReportSchema, MethodReturnSchema, PEByMethodSchema, ValuationSchema } from '../../src/config/report-basket-schema.js';
import { ComparisonSchema, compareJsonSchema, ReportMethodSchema, ReportSchema } from '../../src/config/report-schema.js';
import type { IssueCode, SymbolIssue } from '../../src/domain/types.js';
import type { BasketInputs } from '../../src/report/inputs.js';
import type {
  BasketReport,
  Comparison,
  LevelSeries,
  MemberReport,
  MethodReturn,
  PEByMethod,
  PeriodReturn,
  PriceBasis,
  Report,
  ReportMethod,
  Risk,
  Valuation,
} from '../../src/report/types.js';
import { holdToSchema, runCli } from '../helpers/cli.js';

// ---- compile time: the zod schema is the type, field for field ----

/** The type without `readonly` (zod infers mutable objects and arrays); optional fields stay optional. */
type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
/** True only when A and B are the same type: a field missing, added, optional or nullable on one side only makes it false. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// each line fails to compile when its two sides drift; the parts are checked too, so that the error names the part
export const TYPES_AGREE: Readonly<Record<string, true>> = {
  Report: true satisfies Same<Mutable<Report>, z.output<typeof ReportSchema>>,
  ReportMethod: true satisfies Same<Mutable<ReportMethod>, z.output<typeof ReportMethodSchema>>,
  Comparison: true satisfies Same<Mutable<Comparison>, z.output<typeof ComparisonSchema>>,
  BasketReport: true satisfies Same<Mutable<BasketReport>, z.output<typeof BasketReportSchema>>,
  MemberReport: true satisfies Same<Mutable<MemberReport>, z.output<typeof MemberReportSchema>>,
  Valuation: true satisfies Same<Mutable<Valuation>, z.output<typeof ValuationSchema>>,
  PEByMethod: true satisfies Same<Mutable<PEByMethod>, z.output<typeof PEByMethodSchema>>,
  MethodReturn: true satisfies Same<Mutable<MethodReturn>, z.output<typeof MethodReturnSchema>>,
  BasketInputs: true satisfies Same<Mutable<BasketInputs>, z.output<typeof BasketInputsSchema>>,
  PeriodReturn: true satisfies Same<Mutable<PeriodReturn>, z.output<typeof PeriodReturnSchema>>,
  LevelSeries: true satisfies Same<Mutable<LevelSeries>, z.output<typeof LevelSeriesSchema>>,
  Risk: true satisfies Same<Mutable<Risk>, z.output<typeof RiskSchema>>,
  SymbolIssue: true satisfies Same<Mutable<SymbolIssue>, z.output<typeof SymbolIssueSchema>>,
  // the lists written here for types that have none
  IssueCode: true satisfies Same<IssueCode, (typeof ISSUE_CODES)[number]>,
  PEStatus: true satisfies Same<PEStatus, (typeof PE_STATUSES)[number]>,
  PriceBasis: true satisfies Same<PriceBasis, (typeof PRICE_BASES)[number]>,
};

// and each way as an assignment, whose error says which field
export const toSchema = (report: Mutable<Report>): z.output<typeof ReportSchema> => report;
export const toType = (output: z.output<typeof ReportSchema>): Report => output;

// ---- run time ----

const COMMITTED = fileURLToPath(new URL('../../schema/compare.schema.json', import.meta.url));
const DEMO = ['--data', 'fixtures/demo', '--as-of', '2025-03-07', '--format', 'json'];

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(compareJsonSchema());
const problems = (output: unknown): string => (validate(output) === true ? '' : ajv.errorsText(validate.errors, { separator: '\n' }));

async function compareJson(argv: string[]): Promise<Report> {
  const { exitCode, stdout, stderr } = await runCli(['compare', ...argv, ...DEMO]);
  expect(exitCode, stderr).toBe(0);
  return JSON.parse(stdout) as Report;
}

/** Every property of every object in a JSON Schema, by its path. */
function properties(node: unknown, at = '#'): [string, Record<string, unknown>][] {
  if (typeof node !== 'object' || node === null) return [];
  const own = Object.entries((node as { properties?: Record<string, Record<string, unknown>> }).properties ?? {}).map(([k, v]): [string, Record<string, unknown>] => [`${at}/${k}`, v]);
  return [...own, ...Object.entries(node).flatMap(([k, v]) => properties(v, `${at}/${k}`))];
}

type Defs = Record<string, { properties: Record<string, { enum?: unknown; description?: string }> }>;
const defs = (): Defs => (compareJsonSchema() as { $defs: Defs }).$defs;

describe('schema/compare.schema.json', () => {
  it('is what compareJsonSchema() generates, byte for byte as scripts/schemas.mjs writes it (run npm run schemas after changing the schema)', async () => {
    const committed = await readFile(COMMITTED, 'utf8');
    expect(JSON.parse(committed)).toEqual(compareJsonSchema());
    expect(committed).toBe(`${JSON.stringify(compareJsonSchema(), null, 2)}\n`);
  });

  it('is a draft 2020-12 schema with its id, a title and a description on every field', () => {
    const schema = compareJsonSchema() as Record<string, unknown>;
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'urn:basket:schema:compare', title: expect.any(String), description: expect.any(String) });
    const fields = properties(schema);
    expect(fields.length).toBeGreaterThan(200);
    expect(fields.filter(([, field]) => typeof field['description'] !== 'string').map(([at]) => at)).toEqual([]);
  });

  it('takes its lists from the ones the output is made with, and says what each kind of note means', () => {
    const issue = defs()['SymbolIssue']?.properties['code'];
    expect(issue?.enum).toEqual(ISSUE_CODES);
    for (const code of ISSUE_CODES) expect(issue?.description).toContain(`${code}: `);
    expect(defs()['ReportMethod']?.properties['weights']?.enum).toEqual(['equal', 'cap', 'config', 'all']);
    expect(defs()['ReportMethod']?.properties['peMethod']?.enum).toEqual(['harmonic', 'median', 'mean', 'aggregate', 'all']);
    expect(defs()['BasketReport']?.properties['forwardPEStatus']?.enum).toEqual(PE_STATUSES);
  });
});

describe('the output of basket compare validates', () => {
  it.each<[string, string[], (r: Report) => void]>([
    ['the demo', [], (r) => expect(r.comparison).not.toBeNull()],
    ['in USD', ['--currency', 'USD'], (r) => expect(r.currency).toBe('USD')],
    ['with periods', ['--periods', '1w,ytd'], (r) => expect(r.baskets[0]?.periods.map((p) => p.period)).toEqual(['1w', 'ytd'])],
    ['with a look-back', ['--lookback', '5y'], (r) => expect(r.lookbackStart).not.toBeNull()],
    ['with every weighting and P/E method', ['--weights', 'all', '--pe-method', 'all'], (r) => expect(r.baskets[0]?.alternatives?.length).toBeGreaterThan(1)],
    ['with --explain', ['--explain'], (r) => expect(r.baskets[0]?.inputs?.byMethod).toBeNull()],
    ['with --explain, every weighting and P/E method, periods and a look-back, in USD', ['--explain', '--weights', 'all', '--pe-method', 'all', '--periods', '1w,ytd', '--lookback', '5y', '--currency', 'USD'], (r) => {
      expect(r.baskets[0]?.inputs?.byMethod?.forward.length).toBe(4);
      expect(r.baskets[0]?.inputs?.periods.length).toBe(2);
      expect(r.baskets[0]?.benchmarkResult?.fx).not.toBeNull();
    }],
    ['with levels (--sparklines)', ['--sparklines'], (r) => {
      expect(r.baskets[0]?.levels?.dates.length).toBeGreaterThan(40);
      expect(r.baskets[0]?.members[0]?.levels).toBeDefined();
      expect(r.baskets[0]?.benchmarkResult?.levels).toBeDefined();
    }],
    ['rebalanced monthly with --explain', ['--rebalance', 'monthly', '--explain'], (r) => expect(r.baskets[0]?.inputs?.return.resets?.length).toBeGreaterThan(1)],
    ['P/Es repriced to the as-of date with --explain', ['--pe-at', 'as-of', '--explain'], (r) => expect(r.baskets[0]?.inputs?.forwardPE.members.some((m) => m.repriced !== null)).toBe(true)],
    ['strict point in time', ['--point-in-time', 'strict'], (r) => expect(r.method.pointInTime).toBe('strict')],
    ['a single basket', ['mag7'], (r) => expect([r.baskets.length, r.comparison]).toEqual([1, null])],
  ])('%s', async (_, argv, shape) => {
    const report = await compareJson(argv);
    shape(report);
    expect(problems(report)).toBe('');
  });
});

describe('the JSON Schema refuses', () => {
  it('an output with a field the schema does not know, anywhere', async () => {
    const report = await compareJson(['--explain', '--currency', 'USD']);
    const basket = report.baskets[0] as BasketReport;
    const member = basket.members[0] as MemberReport;
    const inputs = basket.inputs as BasketInputs;
    const withBasket = (b: object): unknown => ({ ...report, baskets: [b, ...report.baskets.slice(1)] });
    expect(problems({ ...report, generatedAt: '2025-03-09' })).toMatch(/^data must NOT have additional properties/);
    expect(problems({ ...report, method: { ...report.method, explain: true } })).toMatch(/data\/method must NOT have additional properties/);
    expect(problems({ ...report, comparison: { ...report.comparison, ratio: 1 } })).toMatch(/data\/comparison must NOT have additional properties/);
    expect(problems({ ...report, issues: [{ ...report.issues[0], severity: 'low' }] })).toMatch(/data\/issues\/0 must NOT have additional properties/);
    expect(problems(withBasket({ ...basket, sharpe: 1.2 }))).toMatch(/data\/baskets\/0 must NOT have additional properties/);
    expect(problems(withBasket({ ...basket, members: [{ ...member, beta: 1 }] }))).toMatch(/data\/baskets\/0\/members\/0 must NOT have additional properties/);
    expect(problems(withBasket({ ...basket, benchmarkResult: { ...basket.benchmarkResult, beta: 1 } }))).toMatch(/data\/baskets\/0\/benchmarkResult must NOT have additional properties/);
    expect(problems(withBasket({ ...basket, forwardPEs: { ...basket.forwardPEs, geometric: 1 } }))).toMatch(/data\/baskets\/0\/forwardPEs must NOT have additional properties/);
    expect(problems(withBasket({ ...basket, inputs: { ...inputs, note: '' } }))).toMatch(/data\/baskets\/0\/inputs must NOT have additional properties/);
    expect(problems(withBasket({ ...basket, inputs: { ...inputs, return: { ...inputs.return, members: [{ ...inputs.return.members[0], tax: 0 }] } } }))).toMatch(
      /data\/baskets\/0\/inputs\/return\/members\/0 must NOT have additional properties/,
    );
  });

  it.each<[string, (r: Report) => unknown, RegExp]>([
    ['a weighting outside the list', (r) => ({ ...r, method: { ...r.method, weights: 'price' } }), /data\/method\/weights must be equal to one of the allowed values/],
    ['a period outside the list', (r) => ({ ...r, periods: ['2w'] }), /data\/periods\/0 must be equal to one of the allowed values/],
    ['a note of an unknown kind', (r) => ({ ...r, issues: [{ symbol: 'AAPL', code: 'no-luck', message: '' }] }), /data\/issues\/0\/code must be equal to one of the allowed values/],
    ['a P/E status outside the list', (r) => ({ ...r, baskets: r.baskets.map((b) => ({ ...b, forwardPEStatus: 'n/m' })) }), /data\/baskets\/0\/forwardPEStatus must be equal to one of the allowed values/],
    ['a schema version other than 1', (r) => ({ ...r, schemaVersion: 2 }), /data\/schemaVersion must be equal to constant/],
    ['a field missing', ({ lookbackStart: _, ...r }) => r, /data must have required property 'lookbackStart'/],
    ['a date not written YYYY-MM-DD', (r) => ({ ...r, asOf: '7 March 2025' }), /data\/asOf must match pattern/],
    ['levels that are not a level series', (r) => ({ ...r, baskets: r.baskets.map((b) => ({ ...b, levels: [100, 101] })) }), /data\/baskets\/0\/levels must be object/],
  ])('%s', async (_, change, problem) => {
    const report = await compareJson([]);
    expect(problems(change(report))).toMatch(problem);
  });
});

describe('runCli holds every JSON output of compare and check to its schema', () => {
  const run = (argv: string[], exitCode: number, output: unknown) => () => holdToSchema(argv, { exitCode, stdout: JSON.stringify(output), stderr: '' });

  it('throws, listing ajv\'s errors, on an output its schema does not take, however --format json is written', async () => {
    const report = await compareJson([]);
    const added = { ...report, generatedAt: '2025-03-09', method: { ...report.method, weights: 'price' } };
    for (const format of [['--format', 'json'], ['-f', 'json'], ['--format=json'], ['-fjson'], ['--format', 'table', '--format', 'json']]) {
      expect(run(['compare', ...format], 0, added)).toThrow(/schema\/compare\.schema\.json[^]*\(the document\) must NOT have additional properties[^]*\/method\/weights must be equal to one of the allowed values/);
    }
    expect(run(['check', 'claims.yaml', '--format', 'json'], 5, { schemaVersion: 1 })).toThrow(/schema\/check\.schema\.json[^]*must have required property 'story'/);
    expect(run(['compare', '--format', 'json'], 0, report)).not.toThrow();
  });

  it.each<[string, string[], number]>([
    ['another format', ['compare', '--format', 'csv'], 0],
    ['json written to a file', ['compare', '--format', 'json', '--output', 'out.json'], 0],
    ['json written to a file (-o)', ['compare', '-f', 'json', '-o', 'out.json'], 0],
    ['a failed run', ['compare', '--format', 'json', '--strict'], 4],
    ['help', ['compare', '--format', 'json', '--help'], 0],
    ['another command', ['baskets', '--format', 'json'], 0],
    ['an option after --', ['compare', '--', '--format', 'json'], 0],
  ])('leaves alone %s', (_, argv, exitCode) => {
    expect(run(argv, exitCode, { not: 'a report' })).not.toThrow();
  });
});
