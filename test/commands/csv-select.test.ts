/**
 * `compare --format csv --rows KIND,… --columns NAME,…`: exactly the rows and
 * columns a script asks for, in its order; the same values as the whole CSV;
 * an unknown kind or column a usage error with the closest valid name.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_ROW_KINDS } from '../../src/render/csv.js';
import { DEMO_DIR, runCli } from '../helpers/cli.js';

const DEMO = ['compare', 'mag7', '--data', DEMO_DIR, '--as-of', '2025-03-07', '--format', 'csv', '-q'];

describe('compare --rows and --columns', () => {
  it("gives a script just the members' symbol, return and forward P/E", async () => {
    const r = await runCli([...DEMO, '--rows', 'member', '--columns', 'symbol,return,forwardPE']);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('symbol,return,forwardPE');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA']);
    expect(lines[1]).toBe('AAPL,-0.04427422942831438,30.2');
  });

  it('keeps the values of the whole CSV, rows in their order, columns in the order asked', async () => {
    const whole = parse((await runCli(DEMO)).stdout, { columns: true }) as Record<string, string>[];
    const chosen = parse((await runCli([...DEMO, '--rows', 'valuation,basket', '--columns', 'peMethod,kind,basket,return'])).stdout, { columns: true }) as Record<string, string>[];
    const expected = whole.filter((row) => row.kind === 'basket' || row.kind === 'valuation').map((row) => ({ peMethod: row.peMethod, kind: row.kind, basket: row.basket, return: row.return }));
    expect(chosen).toEqual(expected);
    expect(Object.keys(chosen[0] ?? {})).toEqual(['peMethod', 'kind', 'basket', 'return']);
  });

  it('names the closest valid kind or column for an unknown one (exit 2, one line)', async () => {
    const kind = await runCli([...DEMO, '--rows', 'members']);
    expect(kind).toMatchObject({ exitCode: 2, stdout: '' });
    expect(kind.stderr).toBe(`basket: --rows: unknown name "members" (did you mean member?); choose from ${CSV_ROW_KINDS.join(', ')}\n`);
    const column = await runCli([...DEMO, '--columns', 'symbol,fowardPE']);
    expect(column.stderr).toMatch(/^basket: --columns: unknown name "fowardPE" \(did you mean forwardPE\?\); choose from kind, basket, /);
    expect(column.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(CSV_COLUMNS).toContain('forwardPE');
  });

  it('is refused without --format csv', async () => {
    const r = await runCli(['compare', '--data', DEMO_DIR, '--rows', 'member']);
    expect(r).toMatchObject({ exitCode: 2, stderr: 'basket: --rows chooses CSV rows and columns: add --format csv\n' });
  });
});
