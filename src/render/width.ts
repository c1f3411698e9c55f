/**
 * The one measure of terminal text, for drawing boxed tables (box.ts) and for
 * fitting tables and text into a terminal (fit.ts): string-width's columns
 * (grapheme clusters, so `👍🏽` is one emoji of two columns; East Asian wide
 * characters two; control, zero-width and combining characters none), colour
 * and other escape codes taking no room. Pure.
 */
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';

export { stripAnsi };

/**
 * Text of one column per character, which needs no segmenting: printable
 * ASCII and the middle dot, dash (unknown), ellipsis and sparkline bars the
 * tables write. None is a control, combining or wide character, and no emoji
 * is made of them alone (an emoji needs U+FE0F or U+20E3 after `#`, `*` or a
 * digit). test/render/width.test.ts holds this to string-width.
 */
const ONE_COLUMN_EACH = /^[\x20-\x7e·—…▁▂▃▄▅▆▇█]*$/;
/** The colour codes chalk writes (SGR), stripped before the one-column test; anything else goes to strip-ansi. */
const SGR = /\u001b\[[0-9;]*m/g;

/** Columns one line takes on a terminal, escape codes aside (a line break counts as none: see cellWidth). */
export function displayWidth(line: string): number {
  const text = line.includes('\u001b') ? line.replace(SGR, '') : line;
  return ONE_COLUMN_EACH.test(text) ? text.length : stringWidth(text);
}

const segmenter = new Intl.Segmenter();

/** A text's characters as a reader sees them (grapheme clusters: `👍🏽` is one): what a cut or a wrap keeps whole. */
export function graphemes(text: string): string[] {
  return ONE_COLUMN_EACH.test(text) ? [...text] : Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Columns the widest line of a (possibly multi-line) cell takes. */
export function cellWidth(text: string): number {
  if (!text.includes('\n')) return displayWidth(text);
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
  return widest;
}
