/** The notes on the data (a provider's issues, the report's exclusions), on stderr. */
import type { SymbolIssue } from '../domain/types.js';
import { describeIssue } from '../render/describe.js';
import { wrapLine } from '../render/fit.js';
import type { Io } from './io.js';

/** Prints the notes on stderr, unless `quiet`; returns the lines it wrote (a chart leaves room for them). */
export function printIssues(io: Io, issues: readonly SymbolIssue[], quiet: boolean | undefined): string[] {
  if (quiet || issues.length === 0) return [];
  const lines = [
    `basket: ${issues.length} note${issues.length > 1 ? 's' : ''} on the data:`,
    ...issues.map((i) => `  ${describeIssue(i)}`),
  ];
  // on a terminal, wrapped to its width at spaces (never mid-word), continuation lines indented
  const width = io.stderr.isTTY === true && (io.stderr.columns ?? 0) > 0 ? (io.stderr.columns as number) : null;
  const shown = width === null ? lines : lines.flatMap((l) => wrapLine(l, width, '    '));
  io.stderr.write(`${shown.join('\n')}\n`);
  return shown;
}
