/** Fitting tables and text into a terminal's width (src/render/fit.ts). */
import { describe, expect, it } from 'vitest';
import { boxWidth, fitTable, truncateLine, wrapJoined, wrapText } from '../../src/render/fit.js';
import { displayWidth } from '../../src/render/width.js';

const RED = (s: string) => `\u001b[31m${s}\u001b[39m`;

describe('truncateLine and wrapText', () => {
  it('truncates with an ellipsis and keeps the colour around the text', () => {
    expect(truncateLine('Alibaba Group Holding Limited', 10)).toBe('Alibaba G…');
    expect(truncateLine(RED('Alibaba Group Holding Limited'), 10)).toBe(RED('Alibaba G…'));
    expect(truncateLine('short', 10)).toBe('short');
  });

  it('wraps at spaces, continuation lines keeping the indent', () => {
    expect(wrapText('Magnificent Seven, forward earnings yield', 18)).toBe('Magnificent Seven,\nforward earnings\nyield');
    expect(wrapText('  benchmark HSTECH.HK', 12)).toBe('  benchmark\n  HSTECH.HK');
    expect(wrapText('supercalifragilistic', 8).split('\n').every((l) => displayWidth(l) <= 8)).toBe(true);
  });

  it('packs "a · b · c" parts onto lines, breaking between parts', () => {
    const lines = wrapJoined(['From 2025-01-01 to 2025-03-07', 'total return (adjusted closes)', 'in USD', 'data: files:fixtures/demo'], ' · ', 40);
    expect(lines).toEqual(['From 2025-01-01 to 2025-03-07', '  total return (adjusted closes)', '  in USD · data: files:fixtures/demo']);
  });
});

describe('fitTable', () => {
  const head = ['Symbol', 'Name', 'Start price', 'End price', 'Return', 'Fwd P/E'];
  const rows = [
    ['AAPL', 'Apple Inc.', '249.06', '238.03', RED('-4.4%'), '30.2x'],
    ['MSFT', 'Microsoft Corporation', '417.46', '390.32', RED('-6.5%'), '27.5x'],
  ];
  const spec = { dropOrder: [['Start price', 'End price']], flex: { column: 1, mode: 'truncate' as const, min: 8 } };
  const width = (f: ReturnType<typeof fitTable>) =>
    boxWidth(f.head.map((h, c) => Math.max(...h.split('\n').map(displayWidth), ...f.rows.map((r) => Math.max(...(r[c] ?? '').split('\n').map(displayWidth))))));

  it('leaves a table that fits as it is', () => {
    const f = fitTable(head, rows, 200, spec);
    expect(f).toMatchObject({ head, rows, kept: [0, 1, 2, 3, 4, 5], dropped: [], fits: true });
  });

  it('first wraps headers of several words', () => {
    const natural = width(fitTable(head, rows, 200, spec));
    const f = fitTable(head, rows, natural - 1, spec);
    expect(f.head).toContain('Start\nprice');
    expect(f.dropped).toEqual([]);
    expect(f.rows).toEqual(rows);
    expect(width(f)).toBeLessThan(natural);
  });

  it('then shortens the flexible column, then drops a group of columns at once', () => {
    const shortened = fitTable(head, rows, 58, spec);
    expect(shortened.dropped).toEqual([]);
    expect(shortened.rows[1]?.[1]).toMatch(/…$/);
    expect(width(shortened)).toBeLessThanOrEqual(58);

    const dropped = fitTable(head, rows, 45, spec);
    expect(dropped.dropped).toEqual(['Start price', 'End price']);
    expect(dropped.kept).toEqual([0, 1, 4, 5]);
    expect(width(dropped)).toBeLessThanOrEqual(45);
    // the room the dropped columns left goes to the name: 45 − (8 + 8 + 7 + 5 borders) − 2 of padding
    expect(dropped.rows[1]?.[1]).toBe('Microsoft Corp…');
  });

  it('never cuts a number: when even the narrowest form is too wide, it says so and keeps every figure whole', () => {
    const f = fitTable(head, rows, 20, spec);
    expect(f.fits).toBe(false);
    expect(f.kept).toEqual([0, 1, 4, 5]);
    f.kept.forEach((c, i) => {
      if (c !== 1) expect(f.rows.map((r) => r[i])).toEqual(rows.map((r) => r[c]));
    });
  });

  it('wraps the flexible column onto more lines in wrap mode', () => {
    const f = fitTable(['Basket', 'Return'], [['China tech titans', '+42.8%']], 21, { flex: { column: 0, mode: 'wrap', min: 8 } });
    expect(f.rows[0]?.[0]).toBe('China\ntech\ntitans');
    expect(f.fits).toBe(true);
  });

  it('leaves out the columns of `drop` from the start', () => {
    const f = fitTable(head, rows, 200, { ...spec, drop: ['Start price'] });
    expect(f.dropped).toEqual(['Start price']);
    expect(f.head).not.toContain('Start price');
  });
});

describe('cutting and wrapping keep characters whole', () => {
  it('never splits an emoji with its skin tone, nor a letter from its accent', () => {
    expect(truncateLine('👍🏽👍🏽👍🏽👍🏽', 5)).toBe('👍🏽👍🏽…');
    expect(truncateLine('e\u0301e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301…');
    expect(wrapText('👍🏽👍🏽👍🏽', 4)).toBe('👍🏽👍🏽\n👍🏽');
  });
});
