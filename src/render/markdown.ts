/**
 * The Markdown renderer (`--format md`): the comparison as GitHub-flavoured
 * Markdown, ready to paste into an issue, a pull request or a wiki: the
 * period and methods, the returns and valuation tables, each basket's
 * members, the comparison, the method notes, the data notes and an as-of
 * line. Figures are formatted as in the terminal table; text from the data
 * (names, symbols, notes) is escaped.
 */
import type { Report } from '../report/types.js';
import { comparisonFigures, describeIssue, headerLine, methodNotes, reportTitle } from './describe.js';
import { basketExplanation, comparisonExplanation } from './explain.js';
import { cellText, extremesLine, membersGrid, methodsGrid, returnsGrid, riskAndValueGrid, valuationGrid, type Grid } from './grids.js';

export interface MarkdownOptions {
  /** A trend column (▁▂▃▄▅▆▇█) in the returns and members tables; needs a report built with levels. */
  readonly sparklines: boolean;
  /** When the file was made, for the as-of line. */
  readonly generatedAt: Date;
  readonly version: string;
}

/**
 * Text that Markdown shows as it is, and stays readable as source: a
 * backslash before the characters that start markup anywhere in a line
 * (`\ ` * _ [ ] < > | ~`; `|` would end a table cell, `<` open HTML), before
 * what starts a block at the beginning (`#`, `-`, `+`, `>`, `1.`), and before
 * `&` of an entity; line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(\s*)(#{1,6}|[+-]|\d{1,9}[.)])(?=\s|$)/, (_, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`);
}

/** A figure cell: only the pipe needs escaping (figures are made here, not read from data). */
const figure = (text: string) => text.replace(/\|/g, '\\|');

/**
 * A grid as a GitHub table: a benchmark row's name after `↳`, a left-out
 * member's cells in italics; no tone (Markdown has no colour). Text from the
 * data (the `textColumns`) is escaped.
 */
function table(g: Grid, textColumns: readonly number[] = [0]): string {
  const cell = (text: string, i: number) => (text === '' ? ' ' : textColumns.includes(i) ? escapeMarkdown(text) : figure(text));
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    row(g.head.map((h, i) => figure(h) || (i === 0 ? ' ' : ''))),
    row(g.align.map((a) => (a === 'right' ? '---:' : ':---'))),
    ...g.rows.map((r) =>
      row(
        r.cells.map((c, i) => {
          const text = cell(cellText(c), i);
          if (i === 0 && r.kind === 'benchmark') return `↳ ${text}`;
          if (r.kind === 'excluded' && c.text !== '') return `_${text}_`;
          return text;
        }),
      ),
    ),
  ];
  return lines.join('\n');
}

/** A grid under its title. */
const section = (g: Grid, textColumns?: readonly number[]) => [`## ${escapeMarkdown(g.title)}`, table(g, textColumns)];

const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/** The whole comparison as Markdown, ending in a newline. */
/** Lines as a fenced block (the audit trail keeps its indentation); a fence longer than any run of backticks in them. */
export function codeBlock(lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}text`, ...lines, fence].join('\n');
}

export function renderMarkdown(r: Report, opts: MarkdownOptions): string {
  const out: string[] = [`# ${escapeMarkdown(reportTitle(r))}`, escapeMarkdown(headerLine(r))];

  out.push(...section(returnsGrid(r, opts.sparklines)), ...section(riskAndValueGrid(r)));
  const comparison = comparisonFigures(r);
  const value = (c: (typeof comparison)[number]) => (c.emphasis ? `**${figure(c.value)}**` : figure(c.value));
  if (comparison.length > 0) out.push(comparison.map((c) => `- ${escapeMarkdown(c.label)}: ${value(c)}`).join('\n'));
  const comparisonTrail = comparisonExplanation(r);
  if (comparisonTrail.length > 0) out.push(codeBlock(comparisonTrail));

  for (const b of r.baskets) {
    out.push(...section(membersGrid(r, b, opts.sparklines), [0, 1, 2]));
    const extremes = extremesLine(b);
    const excluded = b.members.some((m) => !m.included) ? ' Members in _italics_ are left out of the basket return (see the data notes).' : '';
    if (extremes || excluded) out.push(`${extremes ? escapeMarkdown(extremes) : ''}${excluded}`.trim());
    const trail = basketExplanation(b);
    if (trail.length > 0) out.push(codeBlock(trail));
  }

  for (const g of [valuationGrid(r), methodsGrid(r)]) if (g) out.push(...section(g));

  out.push('## Methods', methodNotes(r).map((n) => `- **${escapeMarkdown(n.label)}:** ${escapeMarkdown(n.text)}`).join('\n'));
  if (r.issues.length > 0) {
    out.push(
      '## Data notes',
      r.issues.map((i) => `- ${escapeMarkdown(describeIssue(i))}`).join('\n'),
    );
  }
  out.push(
    `_${escapeMarkdown(`As of ${r.asOf} (from ${r.from}) · data: ${r.dataSource} · made with basket ${opts.version} on ${dateOf(opts.generatedAt)}`)}_`,
  );
  return `${out.join('\n\n')}\n`;
}
