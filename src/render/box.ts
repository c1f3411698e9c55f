/**
 * A boxed table in cli-table3's compact style (a rule under the header, none
 * between body rows), drawn in time linear in its cells.
 *
 * cli-table3 alone takes ~150-200 ms for a 500-member table and seconds for
 * 2,000: its layout checks every cell against every cell of the rows above,
 * and each cell merges its options and measures its text several times; even
 * a small table costs a short run several milliseconds of its start-up. So
 * the frame, the header and the body are drawn here as cli-table3's Table and
 * Cell draw them with these options: `│` around the cells, one space of
 * padding each side, no border colour, text padded to its column's width and
 * never cut (a column is as wide as its widest cell), the header aligned as
 * its column, colour left open at the end of a cell's line closed there and
 * reopened on its next. Text is measured by width.ts, the measure the fitting
 * code uses too. test/render/box.test.ts holds the output to cli-table3's,
 * byte for byte, on random tables.
 */
import { carryColour } from './carry-colour.js';
import type { Align } from './grids.js';
import { displayWidth } from './width.js';

export type { Align };

/** cli-table3's default padding-left and padding-right. */
const PADDING = ' ';
/** cli-table3's default `left`, `middle` and `right` border characters. */
const BORDER = '│';

/**
 * A row as the lines cli-table3 draws of it: as many as its tallest cell has,
 * a shorter cell blank below its text, colour left open at the end of a
 * cell's line closed there and reopened on its next line.
 */
function rowLines(cells: readonly string[]): string[][] {
  // without an escape character there is no colour to carry over
  const draw = (lines: string[], cell: string) => (cell.includes('\u001b') ? carryColour(lines) : lines);
  if (!cells.some((cell) => cell.includes('\n'))) return [cells.map((cell) => draw([cell], cell)[0] as string)];
  const split = cells.map((cell) => draw(cell.split('\n'), cell));
  const height = Math.max(...split.map((lines) => lines.length));
  return Array.from({ length: height }, (_, k) => split.map((lines) => lines[k] ?? ''));
}

/** A body line: each cell padded to its column's width (less the padding) and aligned. */
function bodyLine(cells: readonly string[], cellWidths: readonly number[], widths: readonly number[], aligns: readonly Align[]): string {
  let line = '';
  cells.forEach((text, c) => {
    const gap = ' '.repeat((widths[c] as number) - 2 * PADDING.length - (cellWidths[c] as number));
    line += `${BORDER}${PADDING}${aligns[c] === 'right' ? gap + text : text + gap}${PADDING}`;
  });
  return `${line}${BORDER}`;
}

/** A rule of the frame: `left`, each column's width of `─` joined by `middle`, `right`. */
const rule = (widths: readonly number[], [left, middle, right]: string) => `${left}${widths.map((w) => '─'.repeat(w)).join(middle)}${right}`;

/**
 * The table as cli-table3 draws it in compact style with `head` (as given:
 * style it first), `rows` (a missing cell is empty; a cell may hold several
 * lines) and each column's alignment (left when not given); no colour of its own.
 */
export function drawBox(head: readonly string[], rows: readonly (readonly string[])[], aligns: readonly Align[]): string {
  const headLines = rowLines(head);
  const lines = rows.flatMap((r) => rowLines(head.map((_, c) => r[c] ?? '')));
  // carryColour adds colour codes only: these are the widths of the cells as given
  const headWidths = headLines.map((line) => line.map(displayWidth));
  const lineWidths = lines.map((line) => line.map(displayWidth));
  const widths = head.map((_, c) => {
    let widest = 0;
    for (const w of headWidths) widest = Math.max(widest, w[c] as number);
    for (const w of lineWidths) widest = Math.max(widest, w[c] as number);
    return widest + 2 * PADDING.length;
  });
  const draw = (drawn: string[][], measured: number[][]) => drawn.map((line, k) => bodyLine(line, measured[k] as number[], widths, aligns));
  return [
    rule(widths, '┌┬┐'),
    ...draw(headLines, headWidths),
    ...(rows.length > 0 ? [rule(widths, '├┼┤'), ...draw(lines, lineWidths)] : []),
    rule(widths, '└┴┘'),
  ].join('\n');
}
