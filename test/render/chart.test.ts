import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { LINE_STYLES, MIN_HEIGHT, MIN_WIDTH, renderChart } from '../../src/render/chart.js';
import { formatPercent } from '../../src/render/format.js';
import { EVIL_BASKET_NAME, sampleReport } from '../helpers/sample-report.js';

const plain = new Chalk({ level: 0 });
const ANSI = /\u001b\[[0-9;]*m/g;
const report = sampleReport();
const lines = (text: string) => text.replace(/\n$/, '').split('\n');

describe('renderChart', () => {
  it.each([
    [40, 12],
    [80, 24],
    [100, 30],
    [132, 43],
    [220, 60],
  ])('fits %i columns × %i lines', (width, height) => {
    const out = lines(renderChart(report, { chalk: plain, width, height }));
    expect(out.length).toBe(height);
    for (const line of out) expect([...line].length).toBeLessThanOrEqual(width);
  });

  it('draws at its minimum size when the terminal is smaller', () => {
    const out = lines(renderChart(report, { chalk: plain, width: 10, height: 3 }));
    expect(out.length).toBe(MIN_HEIGHT);
    expect(Math.max(...out.map((l) => [...l].length))).toBeLessThanOrEqual(MIN_WIDTH);
  });

  it('has no escape codes at colour level 0, and the same text in colour at level 1', () => {
    const bare = renderChart(report, { chalk: plain, width: 80, height: 24 });
    expect(bare).not.toMatch(ANSI);
    const coloured = renderChart(report, { chalk: new Chalk({ level: 1 }), width: 80, height: 24 });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(bare);
  });

  it("shows a legend line per series with its line style and final return, and 'no data' for a benchmark without data", () => {
    const out = renderChart(report, { chalk: plain, width: 100, height: 30 });
    const [a, b] = report.baskets;
    const bm = a?.benchmarkResult;
    expect(out).toContain(`━━━ ${EVIL_BASKET_NAME} ${formatPercent(a?.return ?? null)}`);
    expect(out).toContain(`┄┄┄ benchmark BM ${formatPercent(bm?.return ?? null)}`);
    expect(out).toContain(`═══ Beta ${formatPercent(b?.return ?? null)}`);
    expect(out).toMatch(/^ {4}benchmark NOBM no data$/m);
  });

  it('labels the x-axis with the first and last dates and month starts, and the y-axis with round levels including 100', () => {
    const out = lines(renderChart(report, { chalk: plain, width: 100, height: 30 }));
    const dates = out.find((l) => l.includes('2024-12-31'));
    expect(dates).toMatch(/2024-12-31 .*2025-02-01.*2025-03-07$/);
    expect(out.some((l) => /^ *100 ┤/.test(l))).toBe(true);
    expect(out.filter((l) => /┤/.test(l)).length).toBeGreaterThanOrEqual(3);
  });

  it('draws every series with data in its own line style', () => {
    const out = renderChart(report, { chalk: plain, width: 100, height: 30 });
    const plot = lines(out).slice(1, -6).join('\n');
    for (const style of LINE_STYLES.slice(0, 3)) expect(plot).toContain(style.h);
  });

  it('draws the sample without colour (snapshot)', () => {
    expect(renderChart(report, { chalk: plain, width: 72, height: 20 })).toMatchSnapshot();
  });
});
