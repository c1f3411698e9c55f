/**
 * A boxed table in cli-table3's compact style (a rule under the header, none
 * between body rows), drawn in time linear in its cells.
 *
 * cli-table3 alone takes ~150-200 ms for a 500-member table and seconds for
 * 2,000: its layout checks every cell against every cell of the rows above,
 * and each cell merges its options and measures its text with string-width
 * several times. So here cli-table3 draws only the header and the frame, to
 * the column widths it is given; `bodyLine` draws the body as cli-table3's
 * Cell.drawLine and drawEmpty do with these options: `│` around the cells, one
 * space of padding each side, no border colour, text padded to its column's
 * width and never cut (a column is as wide as its widest cell). Text is
 * measured, and colour carried from line to line, by cli-table3's own helpers;
 * the usual text (ASCII, dashes, bars) is measured without them, as its
 * length. test/render/box.test.ts holds the output to cli-table3's, byte for
 * byte, on random tables.
 */
import Table from 'cli-table3';
import { colorizeLines, strlen } from 'cli-table3/src/utils.js';

export type Align = 'left' | 'right';

/** cli-table3's default padding-left and padding-right. */
const PADDING = ' ';
/** cli-table3's default `left`, `middle` and `right` border characters. */
const BORDER = '│';

/** The colour codes cli-table3 strips before it measures text (utils.js codeRegex). */
const SGR = /\u001b\[(?:\d*;){0,5}\d*m/g;
/**
 * Text of which cli-table3 (string-width) counts every character as one
 * column: printable ASCII, and the middle dot, dash (unknown), ellipsis and
 * sparkline bars the tables write. None is an escape, control, combining or
 * wide character, and no emoji is made of them alone (emoji-regex needs a
 * U+FE0F or U+20E3 after `#`, `*` or a digit).
 */
const ONE_COLUMN_EACH = /^[\x20-\x7e·—…▁▂▃▄▅▆▇█]*$/;

/** The columns one line takes as cli-table3 measures it (utils strlen), at a fraction of the cost for the usual text. */
function lineWidth(line: string): number {
  const text = line.includes('\u001b') ? line.replace(SGR, '') : line;
  return ONE_COLUMN_EACH.test(text) ? text.length : strlen(line);
}

/**
 * A row as the lines cli-table3 draws of it: as many as its tallest cell has,
 * a shorter cell blank below its text, colour left open at the end of a
 * cell's line closed there and reopened on its next line.
 */
function rowLines(cells: readonly string[]): string[][] {
  // without an escape character there is no colour to carry over
  const draw = (lines: string[], cell: string) => (cell.includes('\u001b') ? colorizeLines(lines) : lines);
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

/**
 * The table as cli-table3 draws it in compact style with `head` (as given:
 * style it first), `rows` (a missing cell is empty; a cell may hold several
 * lines) and each column's alignment; no colour of its own.
 */
export function drawBox(head: readonly string[], rows: readonly (readonly string[])[], aligns: readonly Align[]): string {
  const lines = rows.flatMap((r) => rowLines(head.map((_, c) => r[c] ?? '')));
  // colorizeLines adds colour codes only: these are the widths cli-table3 measures on the cells as given
  const lineWidths = lines.map((line) => line.map(lineWidth));
  const widths = head.map((h, c) => {
    let widest = strlen(h);
    for (const w of lineWidths) widest = Math.max(widest, w[c] as number);
    return widest + 2 * PADDING.length;
  });
  const frame = new Table({ head: [...head], colWidths: [...widths], colAligns: [...aligns], style: { head: [], border: [], compact: true } });
  if (rows.length === 0) return frame.toString();
  // the frame around one blank body line, which gives way to the body's lines
  frame.push(head.map(() => ''));
  const drawn = frame.toString().split('\n');
  const body = lines.map((line, k) => bodyLine(line, lineWidths[k] as number[], widths, aligns));
  return [...drawn.slice(0, -2), ...body, drawn.at(-1) as string].join('\n');
}
