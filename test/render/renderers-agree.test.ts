/**
 * The terminal, Markdown and HTML renderers show the same tables: each table
 * read back from each one's output has the grid's headers, alignment,
 * figures and tones (grids.ts), changed only as the medium says: in the
 * terminal a gain green and a loss red (the figure, not its note), a name
 * cut to 26 columns, a benchmark's name and a left-out member's untoned cells
 * dim; in Markdown no tone, a benchmark's name after `↳`, a left-out
 * member's cells in italics; in HTML a tone and `num` as the cell's classes.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { cellText, membersGrid, methodsGrid, returnsGrid, riskAndValueGrid, valuationGrid, type Grid, type Tone } from '../../src/render/grids.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderTable } from '../../src/render/table.js';
import { stripAnsi } from '../../src/render/width.js';
import type { Report } from '../../src/report/types.js';
import { sampleReport, SAMPLE_NOW } from '../helpers/sample-report.js';
import { HAND_REPORT } from './hand-report.js';

/** A table read back from an output: headers, right-aligned columns where the medium shows it, and rows of cells. */
interface ReadTable {
  readonly head: string[];
  readonly right?: boolean[];
  readonly rows: { text: string; tone: Tone; dim?: boolean }[][];
}

const toneOfCode = (cell: string): Tone => (cell.includes('\u001b[32m') ? 'gain' : cell.includes('\u001b[31m') ? 'loss' : null);

/** The boxed tables of terminal text, in order. */
function terminalTables(text: string): ReadTable[] {
  const lines = text.split('\n');
  const tables: ReadTable[] = [];
  const cells = (line: string) => line.split('│').slice(1, -1);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]?.startsWith('┌')) continue;
    const head = cells(lines[i + 1] as string).map((c) => stripAnsi(c).trim());
    const rows: ReadTable['rows'] = [];
    let k = lines[i + 2]?.startsWith('├') ? i + 3 : i + 2;
    for (; !lines[k]?.startsWith('└'); k++) {
      rows.push(cells(lines[k] as string).map((c) => ({ text: stripAnsi(c).trim(), tone: toneOfCode(c), dim: c.includes('\u001b[2m') })));
    }
    tables.push({ head, rows });
    i = k;
  }
  return tables;
}

const unescapeMarkdown = (text: string) => text.replace(/\\(.)/g, '$1');

/** The GitHub tables of Markdown text, in order. */
function markdownTables(text: string): ReadTable[] {
  const tables: ReadTable[] = [];
  const cells = (line: string) => line.slice(2, -2).split(/(?<!\\) \| /);
  for (const block of text.split('\n\n')) {
    if (!block.startsWith('| ')) continue;
    const [head, rule, ...body] = block.split('\n') as [string, string, ...string[]];
    tables.push({
      head: cells(head).map((h) => unescapeMarkdown(h.trim())),
      right: cells(rule).map((r) => r === '---:'),
      rows: body.map((line) => cells(line).map((c) => ({ text: unescapeMarkdown(c.trim()), tone: null }))),
    });
  }
  return tables;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescapeHtml = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] as string);

/** The tables of an HTML page, in order: a cell's tone and alignment from its classes. */
function htmlTables(page: string): ReadTable[] {
  return [...page.matchAll(/<table>(.*?)<\/table>/gs)].map(([, table]) => {
    const cellsOf = (row: string) => [...row.matchAll(/<(th|td)(?: scope="\w+")?(?: class="([^"]*)")?>(.*?)<\/\1>/g)].map(([, , cls = '', text = '']) => ({ cls: cls.split(' '), text: unescapeHtml(text) }));
    const [head = '', ...body] = [...(table as string).matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map(([, row]) => row as string);
    const headCells = cellsOf(head);
    return {
      head: headCells.map((c) => c.text),
      right: headCells.map((c) => c.cls.includes('num')),
      rows: body.map((row) => cellsOf(row).map((c) => ({ text: c.text, tone: c.cls.includes('gain') ? 'gain' : c.cls.includes('loss') ? 'loss' : null }))),
    };
  });
}

/** What a medium should show of a grid, by the rules in the module comment. */
function expected(g: Grid, medium: 'terminal' | 'markdown' | 'html'): ReadTable {
  const name = g.head.indexOf('Name');
  const rows = g.rows.map((row) =>
    row.cells.map((c, i) => {
      let text = cellText(c);
      if (medium === 'terminal' && i === name && text.length > 26) text = `${text.slice(0, 25)}…`;
      if (medium === 'markdown' && i === 0 && row.kind === 'benchmark') text = `↳ ${text}`;
      if (medium === 'markdown' && row.kind === 'excluded' && text !== '') text = `_${text}_`;
      const tone = medium === 'markdown' ? null : c.tone;
      if (medium !== 'terminal') return { text, tone };
      return { text, tone, dim: (i === 0 && row.kind === 'benchmark') || (row.kind === 'excluded' && c.tone === null && text !== '') };
    }),
  );
  const right = g.align.map((a) => a === 'right');
  return { head: [...g.head], ...(medium === 'terminal' ? {} : { right }), rows };
}

/** The report's grids in the order each medium shows them. */
function gridsOf(r: Report, sparklines: boolean, medium: 'terminal' | 'markdown' | 'html'): Grid[] {
  const members = r.baskets.map((b) => membersGrid(r, b, sparklines));
  const summary = [returnsGrid(r, sparklines), riskAndValueGrid(r)];
  const more = [valuationGrid(r), methodsGrid(r)].filter((g): g is Grid => g !== null);
  return medium === 'terminal' ? [...members, ...summary, ...more] : [...summary, ...members, ...more];
}

/** The hand-made report with no level series (for the HTML page's chart), its left-out member with figures of its own. */
const HAND_WITHOUT_LEVELS: Report = {
  ...HAND_REPORT,
  baskets: HAND_REPORT.baskets.map((b) => ({
    ...b,
    levels: null,
    members: b.members.map((m) => (m.included ? m : { ...m, name: 'Left Out Ltd', return: -0.05, localReturn: -0.04, fxReturn: -0.01, periods: [{ period: '1w', startDate: '2025-02-28', return: 0.02 }] })),
  })),
};

describe.each([
  ['a report made by hand: converted, a period, every method, a left-out member with figures', HAND_WITHOUT_LEVELS, false],
  ['the sample report with trends: names with markup, a member without data', sampleReport(), true],
])('%s', (_, report, sparklines) => {
  it('the terminal shows each grid’s figures and tones', () => {
    const tables = terminalTables(renderTable(report, { chalk: new Chalk({ level: 1 }), sparklines }));
    const grids = gridsOf(report, sparklines, 'terminal');
    expect(tables).toHaveLength(grids.length);
    grids.forEach((g, i) => {
      const want = expected(g, 'terminal');
      // the title above the valuation table names its rows: its corner is blank
      if (g.title === 'P/E by method (coverage)') want.head[0] = '';
      expect(tables[i]).toEqual(want);
    });
  });

  it('Markdown shows each grid’s figures and alignment', () => {
    const grids = gridsOf(report, sparklines, 'markdown');
    expect(markdownTables(renderMarkdown(report, { sparklines, generatedAt: SAMPLE_NOW, version: '0.0.0' }))).toEqual(grids.map((g) => expected(g, 'markdown')));
  });

  it('HTML shows each grid’s figures, tones and alignment', () => {
    const grids = gridsOf(report, false, 'html'); // the page draws a chart instead of trends
    expect(htmlTables(renderHtml(report, { generatedAt: SAMPLE_NOW, version: '0.0.0' }))).toEqual(grids.map((g) => expected(g, 'html')));
  });
});

it('gains and losses show in the terminal and in HTML (the tables compared above are not all plain)', () => {
  const tonesOf = (tables: ReadTable[]) => tables.flatMap((t) => t.rows.flatMap((row) => row.map((c) => c.tone)));
  const terminal = tonesOf(terminalTables(renderTable(HAND_WITHOUT_LEVELS, { chalk: new Chalk({ level: 1 }), sparklines: false })));
  const html = tonesOf(htmlTables(renderHtml(HAND_WITHOUT_LEVELS, { generatedAt: SAMPLE_NOW, version: '0.0.0' })));
  for (const tones of [terminal, html]) {
    expect(tones.filter((t) => t === 'gain').length).toBeGreaterThan(3);
    expect(tones.filter((t) => t === 'loss').length).toBeGreaterThan(3);
  }
});
