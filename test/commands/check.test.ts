/**
 * `basket check`: the bundled story end to end on the demo data, every
 * output format, the exit codes (0 all hold, 5 one does not or cannot be
 * checked, 2 bad file or usage, 3 no market data), --explain, --output, and
 * a property over malformed claims files: exit 0, 2, 3 or 5 only, one line on
 * stderr, never a trace.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DEMO_DIR, runCli } from '../helpers/cli.js';
import { claimsFile, everyFigure } from '../helpers/claims-files.js';
import { makeTempDir } from '../helpers/tmp.js';
import { stringify as toYaml } from 'yaml';
import type { CheckReport } from '../../src/report/check-types.js';

const STORY = 'fixtures/claims/titans-2025-03.yaml';
const demo = ['--data', DEMO_DIR];

async function claimsAt(text: string, name = 'claims.yaml'): Promise<string> {
  const dir = await makeTempDir('basket-claims-');
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('basket check on the bundled story', () => {
  it('judges every claim of the 2025 story on the demo data, and exits 5 for the ones that do not hold or cannot be checked', async () => {
    const r = await runCli(['check', STORY, ...demo, '--format', 'json']);
    expect(r.exitCode).toBe(5);
    const out = JSON.parse(r.stdout) as CheckReport;
    const verdicts = Object.fromEntries(out.claims.map((c) => [c.id, c.verdict]));
    expect(verdicts).toEqual({
      'titans-ytd': 'holds',
      'mag7-ytd': 'holds',
      'titans-forward-pe': 'does-not-hold',
      discount: 'holds',
      'market-value': 'holds',
      'hscei-week': 'cannot-check',
      'hscei-high': 'cannot-check',
    });
    expect(out.summary).toEqual({ holds: 4, doesNotHold: 1, cannotCheck: 2 });
    const byId = new Map(out.claims.map((c) => [c.id, c]));
    // the same figures compare prints for the same window (README, "The whole 2025 story")
    expect(byId.get('titans-ytd')?.value as number).toBeCloseTo(0.4267, 4);
    expect(byId.get('titans-forward-pe')?.value as number).toBeCloseTo(16.08, 2);
    expect(byId.get('hscei-week')?.reason).toBe('no data for ^HSCE (no price file prices/^HSCE.csv in ' + DEMO_DIR + ')');
    expect(byId.get('discount')?.reason).toMatch(/^uses P\/Es dated after the as-of date 2025-03-07: 1810\.HK 2025-03-14/);
  });

  it("gives each figure exactly compare's value for the same settings", async () => {
    const c = JSON.parse((await runCli(['compare', ...demo, '--as-of', '2025-03-07', '--currency', 'USD', '--format', 'json'])).stdout) as {
      baskets: { id: string; return: number; forwardPE: number; marketValueChange: number }[];
      comparison: { discount: number };
    };
    const k = JSON.parse((await runCli(['check', STORY, ...demo, '--format', 'json'])).stdout) as CheckReport;
    const value = (id: string) => k.claims.find((x) => x.id === id)?.value;
    const [titans, mag7] = c.baskets;
    expect(value('titans-ytd')).toBe(titans?.return);
    expect(value('mag7-ytd')).toBe(mag7?.return);
    expect(value('titans-forward-pe')).toBe(titans?.forwardPE);
    expect(value('discount')).toBe(c.comparison.discount);
    expect(value('market-value')).toBe(titans?.marketValueChange);
  });

  it('prints a verdict line per claim with what it says and its method, and the summary', async () => {
    const r = await runCli(['check', STORY, ...demo]);
    expect(r.stdout).toContain('✓ holds         titans-ytd: return of titans +42.67%, expected > 40%');
    expect(r.stdout).toContain('✗ does not hold titans-forward-pe: forward P/E of titans 16.08x, expected ≈ 18x ± 0.5x');
    expect(r.stdout).toContain('? cannot check  hscei-week: 1w return of ^HSCE —, expected > 6%');
    expect(r.stdout).toContain('    harmonic, losses excluded, 7/7, P/Es dated 2024-12-31…2025-03-14; as of 2025-03-07');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('4 of 7 hold, 1 does not hold, 2 cannot be checked');
    expect(r.stdout).not.toMatch(/\u001b\[/); // not a terminal: no colour
    expect(r.stderr).toMatch(/^basket: \d+ notes on the data:/);
  });

  it("prints exactly what the README shows for the story", async () => {
    const readme = await readFile(path.resolve('README.md'), 'utf8');
    const shown = readme.split('basket check fixtures/claims/titans-2025-03.yaml --data fixtures/demo\n```\n\n```\n')[1]?.split('\n```')[0];
    const r = await runCli(['check', STORY, '--data', 'fixtures/demo']);
    expect(r.stdout).toBe(`${shown}\n`);
  });

  it('cannot check the discount under --point-in-time strict: P/Es of both baskets are dated after the story\'s day', async () => {
    const r = JSON.parse((await runCli(['check', STORY, ...demo, '--point-in-time', 'strict', '--format', 'json', '-q'])).stdout) as CheckReport;
    const d = r.claims.find((c) => c.id === 'discount');
    expect(d).toMatchObject({ verdict: 'cannot-check', value: null });
    expect(d?.reason).toBe(
      "titans: forward P/Es dated after the as-of date, left out under --point-in-time strict: 1810.HK 2025-03-14; the basket's forward P/E of that day is not known; " +
        "mag7: forward P/Es dated after the as-of date, left out under --point-in-time strict: AAPL 2025-03-13; MSFT 2025-03-13; GOOGL 2025-03-13; AMZN 2025-03-13; and 3 more; the basket's forward P/E of that day is not known",
    );
  });

  it('writes one CSV row per claim with raw values, and a Markdown table', async () => {
    const csv = parseCsv((await runCli(['check', STORY, ...demo, '--format', 'csv', '-q'])).stdout, { columns: true }) as Record<string, string>[];
    expect(csv.map((row) => row.id)).toEqual(['titans-ytd', 'mag7-ytd', 'titans-forward-pe', 'discount', 'market-value', 'hscei-week', 'hscei-high']);
    expect(Number(csv[0]?.value)).toBeCloseTo(0.4267, 4);
    expect(csv[5]).toMatchObject({ value: '', verdict: 'cannot-check', unit: 'fraction', period: '1w', subject: '^HSCE' });
    const md = (await runCli(['check', STORY, ...demo, '--format', 'md', '-q'])).stdout;
    expect(md).toContain('| Claim | Says | Figure | basket | Expected | Verdict | Method and coverage |');
    expect(md).toMatch(/\| titans-ytd \| .* \| \+42\.67% \| \\> 40% \| \*\*holds\*\* \|/);
  });

  it('--explain shows the inputs of every claim, or of the claims named', async () => {
    const all = await runCli(['check', STORY, ...demo, '--explain', '-q']);
    expect(all.stdout).toContain('      9988.HK (HKD): close 82.675652 on 2024-12-31 → 139.70538 on 2025-03-07: 139.70538 / 82.675652 − 1 = +68.9801%');
    expect(all.stdout).toContain('      = 1 / (0.142857/13 + 0.142857/16.17 + 0.142857/38 + 0.142857/16.83 + 0.142857/63.69 + 0.142857/8.82 + 0.142857/12.23) = 1 / 0.062192197 = 16.0792x');
    const one = JSON.parse((await runCli(['check', STORY, ...demo, '--explain', 'discount', '--format', 'json', '-q'])).stdout) as CheckReport;
    expect(one.claims.map((c) => c.inputs?.kind ?? null)).toEqual([null, null, null, 'discount', null, null, null]);
    const bad = await runCli(['check', STORY, ...demo, '--explain', 'nope']);
    expect(bad).toMatchObject({ exitCode: 2, stdout: '' });
    expect(bad.stderr).toBe(`basket: --explain: no claim "nope" in ${STORY} (its claims: titans-ytd, mag7-ytd, titans-forward-pe, discount, market-value, hscei-week, hscei-high)\n`);
  });

  it('--explain before the file does not take the file for a claim id', async () => {
    const all = JSON.parse((await runCli(['check', '--explain', STORY, ...demo, '--format', 'json', '-q'])).stdout) as CheckReport;
    expect(all.claims.every((c) => c.inputs !== null)).toBe(true);
    const one = JSON.parse((await runCli(['check', '--explain', 'discount', STORY, ...demo, '--format', 'json', '-q'])).stdout) as CheckReport;
    expect(one.claims.filter((c) => c.inputs !== null).map((c) => c.id)).toEqual(['discount']);
    expect(await runCli(['check', ...demo])).toMatchObject({ exitCode: 2, stdout: '', stderr: "basket: missing the claims file: basket check FILE (see 'basket check --help')\n" });
  });

  it('adds no figure change when --explain or another format is asked', async () => {
    const plain = JSON.parse((await runCli(['check', STORY, ...demo, '--format', 'json', '-q'])).stdout) as CheckReport;
    const explained = JSON.parse((await runCli(['check', STORY, ...demo, '--format', 'json', '--explain', '-q'])).stdout) as CheckReport;
    expect(explained.claims.map(({ inputs: _, ...c }) => c)).toEqual(plain.claims.map(({ inputs: _, ...c }) => c));
  });
});

describe('basket check exit codes', () => {
  it('exits 0 when every claim holds', async () => {
    const file = await claimsAt('story: S\ndefaults: {as-of: 2025-03-07}\nclaims:\n  - {id: up, says: up, figure: return, basket: titans, expect: "> 0"}\n');
    const r = await runCli(['check', file, ...demo, '-q']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('1 of 1 holds, 0 do not hold, 0 cannot be checked');
  });

  it('exits 2 with one line naming the file, claim and field for a bad claims file, writing nothing on stdout', async () => {
    const file = await claimsAt('story: S\nclaims:\n  - {id: up, says: up, figure: return, basket: titans, expect: "> abc"}\n');
    const r = await runCli(['check', file, ...demo]);
    expect(r).toMatchObject({ exitCode: 2, stdout: '' });
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(/^basket: bad claims file .*claims\.yaml \(claim "up", field expect\): /);
  });

  it('exits 2 for a basket the catalog does not have, naming the claim', async () => {
    const file = await claimsAt('story: S\nclaims:\n  - {id: up, says: up, figure: return, basket: nosuch, expect: "> 0"}\n');
    const r = await runCli(['check', file, ...demo]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^basket: bad claims file .* \(claim "up", field basket\): unknown basket "nosuch"/);
  });

  it('exits 2 for options that have no meaning in a check', async () => {
    for (const args of [['--weights', 'all'], ['--pe-method', 'all'], ['--periods', '1w'], ['--min-coverage', '2']]) {
      const r = await runCli(['check', STORY, ...demo, ...args]);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });

  it('exits 3 when no symbol of the claims has any data', async () => {
    const file = await claimsAt('story: S\ndefaults: {as-of: 2025-03-07}\nclaims:\n  - {id: x, says: x, figure: return, symbol: NOSUCH, expect: "> 0"}\n');
    const r = await runCli(['check', file, ...demo]);
    expect(r).toMatchObject({ exitCode: 3, stdout: '' });
    expect(r.stderr).toMatch(/^basket: no market data for any symbol of the claims/);
  });

  it('--min-coverage decides when a P/E can check a claim', async () => {
    // the titans' trailing P/E is known for none of the seven; mag7's for 2 of 7 (AAPL, AMZN)
    const file = await claimsAt('story: S\ndefaults: {as-of: 2025-03-07, currency: USD}\nclaims:\n  - {id: t, says: t, figure: trailing-pe, basket: mag7, expect: "> 0"}\n');
    const low = await runCli(['check', file, ...demo, '--format', 'json', '-q', '--min-coverage', '25%']);
    expect((JSON.parse(low.stdout) as CheckReport).claims[0]?.verdict).toBe('holds');
    const high = await runCli(['check', file, ...demo, '--format', 'json', '-q']);
    expect((JSON.parse(high.stdout) as CheckReport).claims[0]).toMatchObject({ verdict: 'cannot-check', coverage: { included: 2, total: 7 } });
    expect(high.exitCode).toBe(5);
  });

  it('writes --output atomically and nothing on stdout', async () => {
    const dir = await makeTempDir('basket-out-');
    const out = path.join(dir, 'verdicts.json');
    const r = await runCli(['check', STORY, ...demo, '--format', 'json', '--output', out, '-q']);
    expect(r).toMatchObject({ exitCode: 5, stdout: '' });
    expect((JSON.parse(await readFile(out, 'utf8')) as CheckReport).claims).toHaveLength(7);
  });

  it('takes a setting from the claim, else the defaults, else the command line', async () => {
    const file = await claimsAt(
      toYaml({
        story: 'S',
        defaults: { 'as-of': '2025-03-07', currency: 'USD' },
        claims: [
          { id: 'own', says: 'x', figure: 'return', basket: 'titans', currency: 'own', expect: '> 0' },
          { id: 'usd', says: 'x', figure: 'return', basket: 'titans', expect: '> 0' },
          { id: 'cli', says: 'x', figure: 'return', basket: 'titans', 'as-of': '2025-03-07', expect: '> 0' },
        ],
      }),
    );
    const r = JSON.parse((await runCli(['check', file, ...demo, '--format', 'json', '-q', '--currency', 'HKD', '--rebalance', 'monthly'])).stdout) as CheckReport;
    expect(r.claims.map((c) => [c.settings.currency, c.settings.rebalance])).toEqual([
      [null, 'monthly'],
      ['USD', 'monthly'],
      ['USD', 'monthly'],
    ]);
  });

  it('computes every figure of a file with one claim of each on the demo data', async () => {
    const file = await claimsAt(toYaml(everyFigure()));
    const r = await runCli(['check', file, ...demo, '--format', 'json', '--explain', '-q']);
    expect([0, 5]).toContain(r.exitCode);
    const out = JSON.parse(r.stdout) as CheckReport;
    // every figure is computed; the one the demo data cannot give is the titans' trailing P/E (the data has none of the seven)
    const why = (figure: string) => (figure === 'trailing-pe' ? expect.stringMatching(/^trailing P\/E coverage 0\/7 is below --min-coverage 50%/) : 'judged');
    expect(out.claims.map((c) => [c.figure, c.verdict === 'cannot-check' ? c.reason : 'judged'])).toEqual(out.claims.map((c) => [c.figure, why(c.figure)]));
    expect(out.claims.every((c) => c.inputs !== null)).toBe(true);
  });
});

describe('basket check: what cannot be checked', () => {
  it('a P/E or discount of a basket missing a member (no price file for 9999.HK)', async () => {
    const dir = await makeTempDir('basket-demo-');
    const { cp, rm } = await import('node:fs/promises');
    await cp(DEMO_DIR, dir, { recursive: true });
    await rm(path.join(dir, 'prices', '9999.HK.csv'));
    const r = JSON.parse((await runCli(['check', STORY, '--data', dir, '--format', 'json', '-q'])).stdout) as CheckReport;
    const byId = new Map(r.claims.map((c) => [c.id, c]));
    expect(byId.get('titans-forward-pe')).toMatchObject({ verdict: 'cannot-check', reason: `no data for 9999.HK (no price file prices/9999.HK.csv in ${dir})` });
    expect(byId.get('discount')).toMatchObject({ verdict: 'cannot-check', reason: `titans: no data for 9999.HK (no price file prices/9999.HK.csv in ${dir})` });
  });

  it('a highest-since over a look-back level that leaves members out (histories that start too late)', async () => {
    const file = await claimsAt('story: S\ndefaults: {as-of: 2025-03-06}\nclaims:\n  - {id: t5, says: x, figure: highest-since, basket: titans, lookback: 5y, expect: "<= 2021-12-31"}\n  - {id: h5, says: x, figure: highest-since, symbol: HSTECH.HK, lookback: 5y, expect: "<= 2021-12-31"}\n');
    const r = JSON.parse((await runCli(['check', file, ...demo, '--format', 'json', '-q'])).stdout) as CheckReport;
    expect(r.claims[0]).toMatchObject({ verdict: 'cannot-check' });
    expect(r.claims[0]?.reason).toMatch(/^the look-back level is not the basket's: 9618\.HK: no close before the look-back start 2020-01-01/);
    // the index alone: highest since 2021-12-09 (README, "The whole 2025 story")
    expect(r.claims[1]).toMatchObject({ verdict: 'holds', value: '2021-12-09' });
  });

  it('dates before 1900, and a --from after a claim\'s as-of date, are usage errors naming where they come from', async () => {
    const old = await claimsAt('story: S\nclaims:\n  - {id: a, says: x, figure: period-return, symbol: AAPL, period: 5y, as-of: "0003-06-01", expect: "> 0"}\n');
    const r = await runCli(['check', old, ...demo]);
    expect(r).toMatchObject({ exitCode: 2, stdout: '' });
    expect(r.stderr).toMatch(/\(claim "a", field as-of\): "0003-06-01" is before 1900-01-01, the earliest date basket takes\n$/);
    const late = await runCli(['check', STORY, ...demo, '--from', '2025-06-01']);
    // the story's defaults give from 2025-01-01: the command line's --from is not used
    expect(late.exitCode).toBe(5);
    const bare = await claimsAt('story: S\nclaims:\n  - {id: a, says: x, figure: return, basket: titans, as-of: 2025-03-07, expect: "> 0"}\n');
    const cli = await runCli(['check', bare, ...demo, '--from', '2025-06-01']);
    expect(cli).toMatchObject({ exitCode: 2, stderr: 'basket: --from 2025-06-01 is after the as-of date 2025-03-07 of claim "a"\n' });
  });
});

describe('basket check on malformed claims files (property)', () => {
  it('ends with exit 0, 2, 3 or 5 and a one-line error, never a trace', async () => {
    const dir = await makeTempDir('basket-claims-prop-');
    await fc.assert(
      fc.asyncProperty(claimsFile, async ({ name, text }) => {
        const file = path.join(dir, name);
        await writeFile(file, text);
        const r = await runCli(['check', file, ...demo, '-q']);
        expect([0, 2, 3, 5]).toContain(r.exitCode);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        if (r.exitCode === 2 || r.exitCode === 3) {
          expect(r.stdout).toBe('');
          expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
