/** The one measure of terminal text (src/render/width.ts), held to string-width. */
import { Chalk } from 'chalk';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cellWidth, displayWidth, graphemes, stripAnsi } from '../../src/render/width.js';

const colour = new Chalk({ level: 3 });

describe('displayWidth', () => {
  it.each([
    ['plain', 'Return', 6],
    ['colour codes take no room', colour.red('+42.8%'), 6],
    ['nested and 256-colour codes take no room', colour.bold(colour.bgBlue.ansi256(208)('x')), 1],
    ['an em dash, an ellipsis, a middle dot are one column', '—…·', 3],
    ['sparkline bars are one column each', '▁▂▃▄▅▆▇█', 8],
    ['box drawing is one column each', '┌─┐', 3],
    ['CJK characters take two', '腾讯控股', 8],
    ['Hangul takes two', '한국', 4],
    ['an emoji takes two', '😀', 2],
    ['an emoji with a skin tone is one emoji of two columns', '👍🏽', 2],
    ['a family (ZWJ sequence) is one emoji', '👨‍👩‍👧', 2],
    ['a keycap takes two', '#\uFE0F\u20E3', 2],
    ['a combining accent takes none', 'e\u0301', 1],
    ['control and zero-width characters take none', 'a\u0007\u200B\tb', 2],
    ['a lone variation selector takes none', '\uFE0F', 0],
    ['nothing', '', 0],
  ])('%s', (_, text, width) => expect(displayWidth(text)).toBe(width));

  // the one-column shortcut must be what string-width says
  it('agrees with string-width on every character of its one-column shortcut', () => {
    const shortcut = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)), ...'·—…▁▂▃▄▅▆▇█'];
    for (const ch of shortcut) {
      expect(displayWidth(ch)).toBe(1);
      expect(stringWidth(ch)).toBe(1);
    }
  });

  it('agrees with string-width on styled text of any characters', () => {
    const styles = [(s: string) => s, colour.green, colour.red, colour.dim, colour.bold, (s: string) => colour.dim(colour.green(s))];
    const text = fc.array(
      fc.tuple(fc.string({ unit: fc.oneof(fc.constantFrom(...'a —…·▁█中😀👍🏽é\u0301\uFE0F\u200B\t'), fc.string({ unit: 'grapheme', maxLength: 1 })) }), fc.nat(styles.length - 1)),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(text, (parts) => {
        const line = parts.map(([s, k]) => (styles[k] as (s: string) => string)(s)).join('');
        expect(displayWidth(line)).toBe(stringWidth(line));
      }),
      { numRuns: 500 },
    );
  });
});

describe('cellWidth and stripAnsi', () => {
  it('measures the widest line of a cell', () => {
    expect(cellWidth('Start\nprice')).toBe(5);
    expect(cellWidth(`${colour.red('ab')}\n腾讯`)).toBe(4);
    expect(cellWidth('')).toBe(0);
  });

  it('strips colour codes and leaves the text', () => {
    expect(stripAnsi(colour.bold(`${colour.green('+1.0%')} x`))).toBe('+1.0% x');
  });
});

describe('graphemes', () => {
  it('splits text into the characters a reader sees', () => {
    expect(graphemes('ab—')).toEqual(['a', 'b', '—']);
    expect(graphemes('👍🏽e\u0301腾')).toEqual(['👍🏽', 'e\u0301', '腾']);
    expect(graphemes('')).toEqual([]);
  });
});
