import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../src/render/markdown.js';
import { formatPercent } from '../../src/render/format.js';
import { EVIL_MEMBER_NAME, SAMPLE_NOW, sampleReport } from '../helpers/sample-report.js';

const opts = { sparklines: false, generatedAt: SAMPLE_NOW, version: '9.9.9' };
const report = sampleReport();

/** The table rows (lines starting with |) of a Markdown text, split into cells on unescaped pipes. */
const cells = (line: string) =>
  line
    .slice(2, -2)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

describe('escapeMarkdown', () => {
  it.each([
    ['a pipe would end a table cell', 'a|b', 'a\\|b'],
    ['markup characters', '*x* _y_ `z` ~w~ [l]', '\\*x\\* \\_y\\_ \\`z\\` \\~w\\~ \\[l\\]'],
    ['HTML', '<b>x</b>', '\\<b\\>x\\</b\\>'],
    ['an entity', 'AT&T &amp;', 'AT&T \\&amp;'],
    ['a block at the start', '- item', '\\- item'],
    ['a heading at the start', '## x', '#\\# x'],
    ['an ordered-list marker at the start', '1. x', '1\\. x'],
    ['a symbol is left alone', '9988.HK', '9988.HK'],
    ['line breaks become spaces', 'a\nb\r\nc', 'a b c'],
    ['a backslash', 'a\\b', 'a\\\\b'],
  ])('%s', (_, text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(report, opts);

  it('has a title, the period line and a section per table', () => {
    // the name's &amp; would show as & without its backslash
    expect(md.startsWith('# Alpha \\<b\\>\\&amp;\\</b\\> \\| "quoted" \\*bold\\* vs Beta\n\nFrom 2025-01-01 to 2025-03-07 · total return')).toBe(true);
    for (const h of ['## Returns', '## Risk and valuation', '## Alpha', '## Beta (beta)', '## Methods', '## Data notes']) expect(md).toContain(`\n${h}`);
  });

  it('writes GFM tables: a header, an alignment row, and rows with as many cells as the header', () => {
    const tables = md.split('\n\n').filter((block) => block.startsWith('| '));
    expect(tables.length).toBe(4); // returns, risk and valuation, two member tables
    for (const t of tables) {
      const [head, align, ...rows] = t.split('\n');
      const n = cells(head as string).length;
      expect(cells(align as string).every((c) => c === ':---' || c === '---:')).toBe(true);
      expect(cells(align as string)).toHaveLength(n);
      for (const row of rows) expect(cells(row)).toHaveLength(n);
    }
  });

  it('escapes pipes and markup from the data in cells', () => {
    const row = md.split('\n').find((l) => l.startsWith('| A1 |'));
    expect(row).toContain('A1 Corp \\| \\<script\\>alert(1)\\</script\\> & Co');
    expect(md).not.toContain(EVIL_MEMBER_NAME);
    expect(md).not.toContain('<script>');
  });

  it('formats figures as the table renderer does, with the comparison and the method notes', () => {
    const [a, b] = report.baskets;
    expect(md).toContain(`| ${formatPercent(a?.return ?? null)} |`);
    expect(md).toContain(`| ${formatPercent(b?.return ?? null)} |`);
    expect(md).toMatch(/- Return of .* minus Beta: \*\*[+-]\d+\.\d pts\*\*/);
    expect(md).toContain('- **P/E method:** P/E harmonic, losses excluded');
    expect(md).toContain('- **Weights and rebalancing:** equal-weighted, buy-and-hold');
  });

  it('shows a member without data in italics, and lists the data notes escaped', () => {
    expect(md).toMatch(/^\| _A3_ \| _—_ \|/m);
    expect(md).toContain('- A3: no price file prices/A3.csv \\| \\<here\\>');
  });

  it('ends with the as-of line: date, source, version and the day it was made', () => {
    expect(md.trimEnd().split('\n').at(-1)).toBe('_As of 2025-03-07 (from 2025-01-01) · data: files:sample · made with basket 9.9.9 on 2025-03-09_');
  });

  it('has no NaN, undefined or null anywhere', () => {
    expect(md).not.toMatch(/NaN|undefined|null|\[object/);
  });

  it('adds a Trend column of sparklines with --sparklines', () => {
    const withTrend = renderMarkdown(report, { ...opts, sparklines: true });
    const head = withTrend.split('\n').find((l) => l.startsWith('| Basket | Members |'));
    expect(cells(head as string)).toContain('Trend');
    expect(withTrend).toMatch(/\| [▁▂▃▄▅▆▇█]{12} \|/);
    expect(withTrend.split('\n').find((l) => l.startsWith('| ↳ benchmark NOBM'))).toContain('| — |');
  });

  it('renders the sample (snapshot)', () => {
    expect(renderMarkdown(report, { ...opts, sparklines: true })).toMatchSnapshot();
  });
});
