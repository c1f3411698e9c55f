/**
 * Fitting a table into a terminal's width (pure: strings in, strings out).
 * When a boxed table is wider than the terminal, it gives way in three steps,
 * each taken only if the one before did not suffice:
 *   1. headers of several words wrap onto more lines ("Start price" → "Start" / "price");
 *   2. the flexible text column (a name, a basket, a method) is shortened
 *      (truncated with "…", or wrapped onto more lines) down to its minimum;
 *   3. columns are dropped, least important first, in the order the table gives.
 * Numbers are never cut: a column is shown whole or not at all. The widths
 * follow cli-table3's layout: one space of padding each side, one border
 * character between columns and at both ends; text is measured by width.ts,
 * as box.ts measures it to draw.
 */
import { cellWidth, displayWidth, graphemes, stripAnsi } from './width.js';

/** An SGR colour sequence, which a styled line may hold at its ends or inside. */
const HAS_ANSI = /\u001b\[[0-9;]*m/;

/** The widest cell of column `c` (0 when there are no rows). */
function columnWidth(rows: readonly (readonly string[])[], c: number): number {
  let widest = 0;
  for (const r of rows) widest = Math.max(widest, cellWidth(r[c] ?? ''));
  return widest;
}

/**
 * A styled line as `open + text + close` when its colour codes sit only at the
 * ends (what one chalk style gives); null when codes are inside the text.
 */
function splitStyle(line: string): { open: string; text: string; close: string } | null {
  const m = /^((?:\u001b\[[0-9;]*m)*)(.*?)((?:\u001b\[[0-9;]*m)*)$/s.exec(line);
  if (!m || HAS_ANSI.test(m[2] as string)) return null;
  return { open: m[1] as string, text: m[2] as string, close: m[3] as string };
}

/** Cut plain text to `width` columns, ending in "…" when cut. */
function cutPlain(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of graphemes(text)) {
    if (displayWidth(`${out}${ch}`) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Shorten a line to `width` columns with "…", keeping its colour. */
export function truncateLine(line: string, width: number): string {
  if (displayWidth(line) <= width) return line;
  const styled = splitStyle(line);
  if (styled) return `${styled.open}${cutPlain(styled.text, width)}${styled.close}`;
  return cutPlain(stripAnsi(line), width);
}

/**
 * Break plain text into lines of at most `width` columns at spaces; a word
 * longer than a line is split. Continuation lines get `indent` (default: the
 * text's own leading spaces).
 */
function wrapPlain(text: string, width: number, indent?: string): string[] {
  const first = /^ */.exec(text)?.[0] ?? '';
  const lead = indent ?? first;
  const words = text.trim().split(/ +/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = first;
  let started = false;
  for (const whole of words) {
    if (started && displayWidth(`${line} ${whole}`) <= width) {
      line = `${line} ${whole}`;
      continue;
    }
    if (started) {
      lines.push(line);
      line = lead;
    }
    // a word wider than what is left of a fresh line is split
    let word = whole;
    while (displayWidth(line) + displayWidth(word) > width) {
      const room = Math.max(1, width - displayWidth(line));
      let head = '';
      for (const ch of graphemes(word)) {
        if (head !== '' && displayWidth(head + ch) > room) break;
        head += ch;
      }
      if (head === word) break;
      lines.push(`${line}${head}`);
      line = lead;
      word = word.slice(head.length);
    }
    line = `${line}${word}`;
    started = true;
  }
  if (started || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Wrap a line to `width` columns at spaces, keeping its colour on every line.
 * Colour codes inside the text travel with their words (a style opened on one
 * line carries over to the next, as terminals show it).
 */
export function wrapLine(line: string, width: number, indent?: string): string[] {
  if (displayWidth(line) <= width) return [line];
  const styled = splitStyle(line);
  if (styled) return wrapPlain(styled.text, width, indent).map((l) => `${styled.open}${l}${styled.close}`);
  // codes inside: wrap on the words as they are, measuring without the codes
  const lead = indent ?? /^ */.exec(stripAnsi(line))?.[0] ?? '';
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && displayWidth(candidate) > width && stripAnsi(current).trim() !== '') {
      lines.push(current);
      current = `${lead}${word}`;
    } else current = candidate;
  }
  lines.push(current);
  return lines;
}

/** Wrap every line of a text block (lines split on "\n"). */
export function wrapText(text: string, width: number, indent?: string): string {
  return text
    .split('\n')
    .flatMap((l) => wrapLine(l, width, indent))
    .join('\n');
}

export interface FitSpec {
  /**
   * Columns by header text in the order they are dropped, least important
   * first; a group (an array) goes at once. Columns not named are never dropped.
   */
  readonly dropOrder?: readonly (string | readonly string[])[];
  /** Columns to leave out from the start (e.g. so that sibling tables show the same columns). */
  readonly drop?: readonly string[];
  /** The text column that may be shortened: by truncation ("…") or by wrapping onto more lines, down to `min` columns. */
  readonly flex?: { readonly column: number; readonly mode: 'truncate' | 'wrap'; readonly min: number };
}

export interface FittedTable {
  /** Headers kept, possibly wrapped onto several lines ("\n"). */
  readonly head: string[];
  /** Rows of the kept columns; a flexible cell may hold several lines ("\n"). */
  readonly rows: string[][];
  /** Indexes (into the input) of the columns kept, in order. */
  readonly kept: number[];
  /** Headers of the columns dropped, in the order dropped. */
  readonly dropped: string[];
  /** Whether the result fits; false when even the narrowest form is wider. */
  readonly fits: boolean;
}

/** Width of a boxed table whose columns' contents are `widths` wide: padding 1 + 1 each, n + 1 borders. */
export function boxWidth(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + w + 2, 0) + widths.length + 1;
}

/** A header broken at spaces into lines no wider than `target` (but never splitting a word). */
function wrapHeader(head: string, target: number): string {
  const plain = stripAnsi(head);
  if (!plain.includes(' ')) return head;
  const longestWord = Math.max(...plain.split(' ').map(displayWidth));
  return wrapPlain(plain, Math.max(target, longestWord), '').join('\n');
}

/**
 * Lay out a table in at most `width` columns (see the module comment for the
 * steps). `head` and `rows` may hold colour codes; a cell is one line.
 */
export function fitTable(head: readonly string[], rows: readonly (readonly string[])[], width: number, spec: FitSpec = {}): FittedTable {
  const n = head.length;
  const names = head.map(stripAnsi);
  const bodyWidth = names.map((_, c) => columnWidth(rows, c));
  const flex = spec.flex && spec.flex.column < n ? spec.flex : null;

  let kept = names.map((_, c) => c);
  const dropped: string[] = [];
  const dropNames = (group: readonly string[]) => {
    dropped.push(...group.filter((name) => kept.some((c) => names[c] === name)));
    kept = kept.filter((c) => !group.includes(names[c] as string));
  };
  dropNames(spec.drop ?? []);

  const result = (heads: readonly string[], flexWidth: number | null, fits: boolean): FittedTable => ({
    head: kept.map((c) => heads[c] as string),
    rows: rows.map((r) =>
      kept.map((c) => {
        const cell = r[c] ?? '';
        if (flex === null || c !== flex.column || flexWidth === null) return cell;
        return flex.mode === 'truncate' ? truncateLine(cell, flexWidth) : wrapText(cell, flexWidth);
      }),
    ),
    kept,
    dropped,
    fits,
  });

  // 0. as it is
  const natural = names.map((_, c) => Math.max(cellWidth(head[c] as string), bodyWidth[c] as number));
  if (boxWidth(kept.map((c) => natural[c] as number)) <= width) return result(head, null, true);

  // 1. headers wrapped (the flexible column's to its minimum, so that its header does not hold it wide)
  const heads = names.map((_, c) => wrapHeader(head[c] as string, flex?.column === c ? flex.min : (bodyWidth[c] as number)));
  const wrapped = names.map((_, c) => Math.max(cellWidth(heads[c] as string), bodyWidth[c] as number));
  const total = (cols: readonly number[], flexWidth: number | null) =>
    boxWidth(cols.map((c) => (flex !== null && c === flex.column && flexWidth !== null ? Math.max(flexWidth, cellWidth(heads[c] as string)) : (wrapped[c] as number))));
  if (total(kept, null) <= width) return result(heads, null, true);

  // 2. the flexible column shortened, as little as needed; 3. columns dropped until it fits
  const flexFor = (cols: readonly number[]): number | null => {
    if (flex === null || !cols.includes(flex.column)) return null;
    // the flexible column adds its width, its padding (2) and one border
    const room = width - total(cols.filter((c) => c !== flex.column), null) - 3;
    return Math.min(wrapped[flex.column] as number, Math.max(flex.min, room));
  };
  const groups = (spec.dropOrder ?? []).map((g) => (typeof g === 'string' ? [g] : g));
  for (const group of [[], ...groups]) {
    if (group.length > 0) {
      if (!kept.some((c) => group.includes(names[c] as string))) continue;
      dropNames(group);
    }
    const fw = flexFor(kept);
    if (total(kept, fw) <= width) return result(heads, fw, true);
  }
  return result(heads, flexFor(kept), false);
}

/**
 * Parts joined by `separator` (`a · b · c`), packed onto lines of at most
 * `width` columns, breaking only between parts; a part wider than a line is
 * wrapped at its spaces. Continuation lines are indented by two spaces.
 */
export function wrapJoined(parts: readonly string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const candidate = line === '' ? part : `${line}${separator}${part}`;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    const pieces = wrapLine(lines.length === 0 ? part : `  ${part}`, width, '  ');
    line = pieces.pop() as string;
    lines.push(...pieces);
  }
  if (line !== '') lines.push(line);
  return lines;
}
