/**
 * `basket chart`, `compare --sparklines`, `--format md` and `--format html`
 * on the demo data, through main().
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Report } from '../../src/report/types.js';
import { DEMO_DIR, fakeIo, FIXED_NOW, runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/tmp.js';

const DEMO = ['--data', DEMO_DIR, '--as-of', '2025-03-07'];
/** The demo as a user writes it (the data source is named as written). */
const DEMO_AS_WRITTEN = ['--data', 'fixtures/demo', '--as-of', '2025-03-07'];
const ANSI = /\u001b\[/;
const lines = (text: string) => text.replace(/\n$/, '').split('\n');
const width = (line: string) => [...line].length;

/** main() with stdout a terminal of `columns` × `rows`. */
async function onTerminal(argv: string[], columns: number, rows: number, env: Record<string, string> = { TERM: 'xterm-256color' }) {
  const { io, out, err } = fakeIo({ isTTY: true, env });
  const exitCode = await main(argv, { ...io, stdout: { ...io.stdout, columns, rows } }, { now: () => FIXED_NOW, userConfigDir: null });
  return { exitCode, stdout: out(), stderr: err() };
}

describe('basket chart', () => {
  it('draws the demo at 80 × 24 without colour when piped, with the legend and dates', async () => {
    const r = await runCli(['chart', ...DEMO]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    const out = lines(r.stdout);
    expect(out).toHaveLength(24);
    expect(Math.max(...out.map(width))).toBe(80);
    expect(r.stdout).toMatch(/^━━━ China tech titans \+42\.8%$/m);
    expect(r.stdout).toMatch(/^═══ Magnificent Seven -10\.3%$/m);
    expect(r.stdout).toMatch(/^─── benchmark \^NDX -3\.9%$/m);
    expect(r.stdout).toMatch(/^┄┄┄ benchmark HSTECH\.HK \+35\.1%$/m);
    expect(r.stdout).toMatch(/2024-12-31 .*2025-03-07$/m);
    expect(r.stderr).toContain('basket: 5 notes on the data:'); // trailing P/Es unknown; quote figures from other days than 2025-03-07, flagged by date
  });

  it("takes a terminal's size, less a line for the prompt, and colours it", async () => {
    const r = await onTerminal(['chart', ...DEMO, '--quiet'], 120, 40);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(ANSI);
    const out = lines(r.stdout.replace(/\u001b\[[0-9;]*m/g, ''));
    expect(out).toHaveLength(39);
    expect(Math.max(...out.map(width))).toBe(120);
  });

  it('has no colour on a terminal with NO_COLOR or --no-color', async () => {
    expect((await onTerminal(['chart', ...DEMO, '-q'], 100, 30, { TERM: 'xterm', NO_COLOR: '1' })).stdout).not.toMatch(ANSI);
    expect((await onTerminal(['chart', ...DEMO, '-q', '--no-color'], 100, 30)).stdout).not.toMatch(ANSI);
  });

  it('takes --width and --height', async () => {
    const r = await runCli(['chart', 'mag7', ...DEMO, '--width', '60', '--height', '15', '--rebalance', 'weekly', '--currency', 'USD']);
    expect(r.exitCode).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(15);
    expect(Math.max(...out.map(width))).toBe(60);
    expect(r.stdout).not.toContain('China tech titans');
    expect(r.stdout).toMatch(/^═══|^━━━ Magnificent Seven -10\.\d%$/m);
  });

  it('rejects a width that is not a number, exit 2 with one line', async () => {
    const r = await runCli(['chart', ...DEMO, '--width', 'wide']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('basket: --width must be a positive number, got "wide"\n');
  });
});

describe('compare --sparklines', () => {
  it('adds a Trend column to the members and returns tables', async () => {
    const r = await runCli(['compare', ...DEMO, '--sparklines', '-q']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.match(/│ +Trend │/g)).toHaveLength(3); // two members tables, the returns table
    expect(r.stdout).toMatch(/│ 9988\.HK .*│ \+69\.0% │ [▁▂▃▄▅▆▇█]{12} │/);
    expect(r.stdout).toMatch(/│ China tech titans +│ +7\/7 │ \+42\.8% │ [▁▂▃▄▅▆▇█]{12} │/);
    expect(r.stdout).toMatch(/│ {3}benchmark HSTECH\.HK +│ +│ \+35\.1% │ [▁▂▃▄▅▆▇█]{12} │/);
  });

  it('leaves the table as it was without the flag', async () => {
    const r = await runCli(['compare', ...DEMO, '-q']);
    expect(r.stdout).not.toContain('Trend');
  });

  it('puts the level series behind the sparklines in the JSON, each ending at 100 × (1 + its return)', async () => {
    for (const extra of [[], ['--currency', 'USD', '--rebalance', 'monthly']]) {
      const r = await runCli(['compare', ...DEMO, ...extra, '--sparklines', '--format', 'json', '-q']);
      const report = JSON.parse(r.stdout) as Report;
      const series = report.baskets.flatMap((b) => [b, ...(b.benchmarkResult ? [b.benchmarkResult] : []), ...b.members]);
      const drawn = series.filter((s) => s.levels);
      expect(drawn).toHaveLength(2 + 2 + 14); // both baskets, both benchmarks, every member
      for (const s of drawn) {
        expect(s.levels?.values[0]).toBe(100);
        expect(s.levels?.values.at(-1)).toBeCloseTo(100 * (1 + (s.return as number)), 9);
        expect(s.levels?.dates).toHaveLength(s.levels?.values.length ?? -1);
      }
      expect(report.baskets[0]?.levels?.dates[0]).toBe('2024-12-31');
      expect(report.baskets[0]?.benchmarkResult?.levels?.dates[0]).toBe('2024-12-31');
    }
  });

  it('leaves the JSON as it was without the flag: no levels', async () => {
    const r = await runCli(['compare', ...DEMO, '--format', 'json', '-q']);
    expect(r.stdout).not.toContain('"levels"');
  });
});

describe('compare --format md', () => {
  it('prints GitHub-flavoured Markdown tables of the comparison with the methods and the as-of line', async () => {
    const r = await runCli(['compare', ...DEMO_AS_WRITTEN, '--format', 'md']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('# China tech titans vs Magnificent Seven\n\nFrom 2025-01-01 to 2025-03-07 · total return')).toBe(true);
    expect(r.stdout).toContain('| China tech titans | 7/7 | +42.8% | +7.7% |');
    expect(r.stdout).toContain('| Magnificent Seven | 7/7 | -10.3% | -6.5% |');
    expect(r.stdout).toContain('| 0981.HK | Semiconductor Manufacturing International Corporation | HKD | 2024-12-31 | 31.70 | 2025-03-07 | 54.60 | +72.2% |');
    expect(r.stdout).toContain('- Return of China tech titans minus Magnificent Seven: **+53.2 pts**');
    expect(r.stdout).toContain('- Valuation of China tech titans vs Magnificent Seven on forward P/E (harmonic): **42.3% discount**');
    expect(r.stdout).toContain('- **P/E method:** P/E harmonic, losses excluded');
    expect(r.stdout).toContain('- \\*: figures dated 2025-03-14, 7 days after 2025-03-07, used: forward P/E of 1810.HK');
    expect(r.stdout).toContain('| 1810.HK | Xiaomi Corporation | HKD | 2024-12-31 | 34.65 | 2025-03-07 | 54.35 | +56.9% | 14.3% | +8.1% | 38.0x (2025-03-14) |');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('_As of 2025-03-07 (from 2025-01-01) · data: files:fixtures/demo · made with basket 0.1.0 on 2025-03-09_');
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stderr).toContain('notes on the data'); // the notes are in the file and on stderr
  });

  it('adds trend columns with --sparklines', async () => {
    const r = await runCli(['compare', ...DEMO, '--format', 'md', '--sparklines', '-q']);
    expect(r.stdout).toMatch(/\| China tech titans \| 7\/7 \| \+42\.8% \| [▁▂▃▄▅▆▇█]{12} \| \+7\.7% \|/);
  });
});

describe('compare --format html', () => {
  it('writes one page with --output, and nothing on stdout', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'report.html');
    const r = await runCli(['compare', ...DEMO_AS_WRITTEN, '--format', 'html', '--output', file, '-q'], { isTTY: true });
    expect(r).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const html = await readFile(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<path /g)).toHaveLength(4); // titans, mag7, HSTECH.HK, ^NDX
    expect(html).toContain('<dt>Data source</dt><dd>files:fixtures/demo</dd>');
    expect(html).toContain('<dt>Generated</dt><dd>2025-03-09T12:00:00Z by basket 0.1.0</dd>');
  });

  it('goes to stdout when piped', async () => {
    const r = await runCli(['compare', ...DEMO, '--format', 'html', '-q']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
  });

  it('refuses to print a page on a terminal: exit 2 with one line suggesting --output', async () => {
    const r = await runCli(['compare', ...DEMO, '--format', 'html'], { isTTY: true });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('basket: --format html writes a whole web page: add --output FILE (or redirect stdout to a file)\n');
  });
});

describe('help', () => {
  it('lists the new formats and commands', async () => {
    expect((await runCli(['compare', '--help'])).stdout).toMatch(/choices: "table", "csv", "json",\s+"md",\s+"html"/);
    expect((await runCli(['compare', '--help'])).stdout).toContain('--sparklines');
    const chart = await runCli(['chart', '--help']);
    expect(chart.exitCode).toBe(0);
    for (const flag of ['--data', '--from', '--as-of', '--currency', '--weights', '--rebalance', '--price-return', '--width', '--height']) expect(chart.stdout).toContain(flag);
  });
});
