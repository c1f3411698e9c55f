/**
 * drawBox draws the whole table itself: its output must be cli-table3's,
 * byte for byte, as the terminal table used it before (compact style, one
 * row per body row), wherever the two measure text alike. They measure it
 * with different string-width versions (cli-table3 0.6 bundles 4, width.ts
 * uses 9); the few texts they count differently are tested on their own.
 *
 * A failure prints fast-check's seed and path: pass them to fc.assert as
 * `{ seed, path, endOnFailure: true }` to replay that very case.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawBox, type Align } from '../../src/render/box.js';
import { displayWidth } from '../../src/render/width.js';

/** The reference: cli-table3 drawing the whole table. */
function byCliTable3(head: readonly string[], rows: readonly (readonly string[])[], aligns: readonly Align[]): string {
  const t = new Table({ head: [...head], style: { head: [], border: [], compact: true }, colAligns: [...aligns] });
  for (const r of rows) t.push(head.map((_, c) => r[c] ?? ''));
  return t.toString();
}

const colour = new Chalk({ level: 1 });
const truecolour = new Chalk({ level: 3 });

/**
 * Text as the tables hold it and worse: ASCII, the dash, ellipsis, dot and
 * bars, wide characters (CJK, Hangul, emoji, a keycap sequence, an emoji with
 * a skin tone), combining marks, control characters.
 */
const piece = fc.string({
  unit: fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom('a', 'Z', '0', '9', ' ', '.', '%', '+', '-', '#', '*', '/', '(', ')') },
    { weight: 6, arbitrary: fc.constantFrom('—', '…', '·', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█') },
    { weight: 2, arbitrary: fc.constantFrom('中', '한', '😀', '👍🏽', '#\uFE0F\u20E3', 'é', 'e\u0301', '\t', '\u0007', '\u007F', '\u0085') },
  ),
  maxLength: 12,
});

/** Colour as chalk writes it (closed on each line), nested, and codes left open, which cli-table3 closes and reopens line by line. */
const styled = fc.tuple(piece, fc.integer({ min: 0, max: 10 })).map(([text, style]) => {
  const styles: ((s: string) => string)[] = [
    (s) => s,
    (s) => s,
    (s) => colour.green(s),
    (s) => colour.red(s),
    (s) => colour.dim(s),
    (s) => colour.bold(s),
    (s) => truecolour.yellow(s),
    (s) => colour.dim(colour.green(s)),
    (s) => `\u001b[31m${s}`, // red left open
    (s) => `\u001b[1m\u001b[44m${s}\u001b[0m`, // closed by a reset
    (s) => `\u001b[4m\u001b[7;1m${s}\u001b[m`, // a code read by its first number, a bare reset
    (s) => `\u001b[38;5;208m${s}\u001b[39m`,
  ];
  return (styles[style] as (s: string) => string)(text);
});

/** A cell: one or more styled pieces, on one or more lines. */
const cell = fc.array(fc.array(styled, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

const table = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    head: fc.array(cell.map((h) => colour.bold(h)), { minLength: n, maxLength: n }),
    // rows short of cells (blank) or with too many (left out)
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: n + 1 }), { maxLength: 8 }),
    aligns: fc.array(fc.constantFrom<Align>('left', 'right'), { minLength: n, maxLength: n }),
  }),
);

describe('drawBox', () => {
  it('draws random tables as cli-table3 does, byte for byte', () => {
    fc.assert(
      fc.property(table, ({ head, rows, aligns }) => {
        expect(drawBox(head, rows, aligns)).toBe(byCliTable3(head, rows, aligns));
      }),
      { numRuns: 1000 },
    );
  });

  // the characters width.ts measures without string-width (one column each), and their neighbours it does not
  it.each(['—', '…', '·', '▁▂▃▄▅▆▇█', '+42.8% — …', '#\uFE0F\u20E3', '中文', '腾讯控股', '😀', '👍🏽', 'e\u0301'])('measures %j as cli-table3 does', (text) => {
    const styles: ChalkInstance[] = [new Chalk({ level: 0 }), colour];
    for (const chalk of styles) {
      const rows = [[chalk.green(text), 'x'], ['—', chalk.dim(`${text}${text}`)]];
      for (const aligns of [['left', 'right'], ['right', 'left']] as Align[][]) {
        expect(drawBox(['A', chalk.bold('Bee')], rows, aligns)).toBe(byCliTable3(['A', chalk.bold('Bee')], rows, aligns));
      }
    }
  });

  it('draws a table without rows as its header in a box', () => {
    expect(drawBox(['Symbol', 'Name'], [], ['left', 'left'])).toBe(byCliTable3(['Symbol', 'Name'], [], ['left', 'left']));
  });

  // speed is the benchmarks' business (bench/, offline-500 renders a 500-member table): here, sameness at size
  it('draws 300 coloured rows exactly as cli-table3 does', () => {
    const head = ['Symbol', 'Name', 'Return', 'Trend'];
    const rows = Array.from({ length: 300 }, (_, i) => [`S${i}`, `Company ${i}`, colour.green(`+${i}.0%`), colour.red('▁▃▅▇█▆▄▂')]);
    const aligns = ['left', 'left', 'right', 'left'] as const;
    const text = drawBox(head, rows, [...aligns]);
    expect(text.split('\n')).toHaveLength(300 + 4);
    expect(text).toBe(byCliTable3(head, rows, [...aligns]));
  });

  /**
   * Where cli-table3's string-width 4 counts a column that takes none on a
   * terminal (a variation selector, combining keycap or zero-width space with
   * nothing to attach to; a soft hyphen), or reads a broken escape code
   * otherwise: drawBox pads by width.ts, as the fitting code measures.
   */
  it.each([
    ['a lone variation selector', '\uFE0F'],
    ['a lone combining keycap', '\u20E3'],
    ['a zero-width space', 'ab\u200Bc'],
    ['a soft hyphen', 'co\u00ADop'],
    ['a broken colour code', 'x\u001b[3'],
  ])('pads %s by width.ts, where cli-table3 counts otherwise', (_, text) => {
    const columnWidth = (table: string) => (table.split('\n')[0] as string).length - 2; // the top rule: ┌───┐
    const cell = text.padEnd(text.length + 4, 'z'); // wider than the header
    expect(columnWidth(byCliTable3(['A'], [[cell]], ['left']))).not.toBe(displayWidth(cell) + 2);
    const drawn = drawBox(['A'], [[cell]], ['left']);
    expect(columnWidth(drawn)).toBe(displayWidth(cell) + 2);
    expect(drawn.split('\n')[3]).toBe(`│ ${cell} │`);
  });
});
