/**
 * The compare table in a terminal of a given width (renderTable's `columns`):
 * every line fits, the key figures stay, no number is ever cut, and columns
 * give way in the documented order (README "Narrow terminals").
 */
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBasketList, renderTable } from '../../src/render/table.js';
import { displayWidth } from '../../src/render/width.js';
import { PRESETS } from '../../src/config/presets.js';
import type { Report } from '../../src/report/types.js';
import { DEMO_DIR, runCli } from '../helpers/cli.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });
const DEMO = ['--data', DEMO_DIR, '--as-of', '2025-03-07'];

async function demoReport(extra: string[] = []): Promise<Report> {
  // offline data: the cache is never opened (runCli would make a temporary one, which needs a test)
  const r = await runCli(['compare', ...DEMO, '--format', 'json', ...extra], { cacheDir: '/nonexistent/basket-cache' });
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));
/** The tables and sentences, without the closing note on the columns left out. */
const body = (text: string) => text.split('\nColumns left out')[0] as string;
/** Figures as the table writes them: +42.8%, -10.3%, 19.2x, 528.88, -170.2 bn, 7/7. */
const figures = (text: string) => new Set(body(text).match(/[+-]?\d[\d.,]*(?:%|x| bn| pts|\/\d+)?/g) ?? []);
/** The first word of each header of the members tables (`Fwd P/E` may wrap to `Fwd` / `P/E`). */
const memberHeads = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('│ Symbol'))
    .map((l) =>
      l
        .split('│')
        .map((c) => c.trim().split(' ')[0])
        .filter((c) => c !== ''),
    );

let report: Report;
let full: string;
beforeAll(async () => {
  const demo = await demoReport();
  // what the CLI prints, data source and all
  full = renderTable(demo, { chalk: plain });
  // the data source names the checkout's path: fixed for the width tests, so they do not depend on where the tests run
  report = { ...demo, dataSource: 'files:fixtures/demo' };
});

describe.each([80, 100, 200])('the demo comparison in %i columns', (width) => {
  let text: string;
  beforeAll(() => {
    text = renderTable(report, { chalk: plain, columns: width });
  });

  it('has no line wider than the terminal', () => {
    expect(widest(text)).toBeLessThanOrEqual(width);
  });

  it('keeps the key figures: returns, forward P/Es, the spread and the discount', () => {
    for (const figure of ['+42.8%', '-10.3%', '16.1x', '27.9x', '+53.2 pts', '42.3% discount', '7/7']) expect(text).toContain(figure);
    // every member's symbol and return
    for (const b of report.baskets) {
      for (const m of b.members) {
        expect(text).toContain(m.symbol);
        expect(text).toContain(`${m.return !== null && m.return > 0 ? '+' : '-'}${(Math.abs(m.return ?? 0) * 100).toFixed(1)}%`);
      }
    }
  });

  it('never cuts a number: every figure shown is one of the full table', () => {
    const whole = figures(full);
    for (const f of figures(text)) expect(whole, `${f} is not a figure of the full table`).toContain(f);
  });

  it('keeps the same columns in every members table (market value only where a member has one)', () => {
    const heads = memberHeads(text).map((h) => h.filter((c) => c !== 'Mkt'));
    expect(heads).toHaveLength(2);
    expect(heads[0]).toEqual(heads[1]);
  });
});

describe('what gives way first', () => {
  it('at 200 columns nothing: the table is the one without a width', () => {
    expect(renderTable(report, { chalk: plain, columns: 200 })).toBe(renderTable(report, { chalk: plain }));
  });

  it('at 100 columns the dates, the prices, the weight and the trailing P/E and highest-since of the summary go, and says so', () => {
    const text = renderTable(report, { chalk: plain, columns: 100 });
    // the start date (2024-12-31) goes with its column; a P/E keeps its own date beside it
    expect(body(text)).not.toMatch(/│ Start/);
    expect(text).toContain('16.2x (2024-12-31)');
    expect(body(text)).not.toMatch(/Trailing/);
    expect(text).toContain('Contrib.');
    expect(text).toContain('Mkt value chg');
    expect(text.replace(/\s+/g, ' ')).toMatch(/Columns left out to fit 100 columns: Start, End, Start price, End price, Weight, Trailing P\/E, Highest since/);
  });

  it('at 80 columns weight and market value go too; symbol, name, return and forward P/E stay', () => {
    const text = renderTable(report, { chalk: plain, columns: 80 });
    for (const head of ['Symbol', 'Name', 'Return', 'Fwd', 'Basket', 'Volatility', 'coverage']) expect(text).toContain(head);
    for (const gone of ['Weight', 'Start price', 'Market value change']) expect(body(text)).not.toContain(gone);
    expect(text).toContain('Alibaba Group Hold…'); // the name gives way to the P/E's date
    expect(text).toMatch(/Columns left out to fit 80 columns: Start, End, Start price, End price, Weight,/);
  });

  it('with colour, lines still fit (colour codes take no room)', () => {
    const text = renderTable(report, { chalk: colour, columns: 80 });
    expect(text).toMatch(/\u001b\[/);
    expect(widest(text)).toBeLessThanOrEqual(80);
  });

  it('periods, FX and the method tables fit too', async () => {
    const wide = await demoReport(['--currency', 'USD', '--periods', '1d,1w,1m,3m,ytd', '--weights', 'all', '--pe-method', 'all']);
    const text = renderTable(wide, { chalk: plain, columns: 80 });
    expect(widest(text)).toBeLessThanOrEqual(80);
    // returns in USD, the mean P/E's discount, daily rebalancing, the harmonic P/E with its coverage
    for (const figure of ['+42.7%', '-10.3%', '+31.1%', '+43.0%', '16.1x (7/7)']) expect(text).toContain(figure);
    const whole = figures(renderTable(wide, { chalk: plain }));
    for (const f of figures(text)) expect(whole).toContain(f);
  });
});

describe('the basket list', () => {
  it('fits 80 columns by wrapping the symbols, then leaving out the source', () => {
    const presets = renderBasketList(PRESETS, null, { chalk: plain, columns: 80 });
    expect(widest(presets)).toBeLessThanOrEqual(80);
    for (const b of PRESETS) for (const s of b.symbols) expect(presets).toContain(s);
    expect(presets).toContain('preset');

    const fromFile = PRESETS.map((b) => ({ ...b, source: '/home/someone/projects/baskets/basket.config.yaml' }));
    const text = renderBasketList(fromFile, fromFile[0]?.source ?? null, { chalk: plain, columns: 80 });
    expect(widest(text)).toBeLessThanOrEqual(80);
    expect(text.replace(/\s+/g, ' ')).toContain('columns left out to fit 80 columns: Source');
  });
});

describe('through the CLI', () => {
  it("fits a terminal's width, and sets no limit when piped", async () => {
    const tty = await runCli(['compare', ...DEMO], { isTTY: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(tty.exitCode).toBe(0);
    expect(widest(tty.stdout)).toBeLessThanOrEqual(80);
    const piped = await runCli(['compare', ...DEMO], { columns: 80 });
    expect(piped.stdout).toBe(full);
  });

  it('writes the full table to an --output file, whatever the terminal', async () => {
    const { makeTempDir } = await import('../helpers/tmp.js');
    const { readFile } = await import('node:fs/promises');
    const dir = await makeTempDir();
    const r = await runCli(['compare', ...DEMO, '--output', `${dir}/t.txt`], { isTTY: true, columns: 80 });
    expect(r.exitCode).toBe(0);
    expect(await readFile(`${dir}/t.txt`, 'utf8')).toBe(full);
  });
});
