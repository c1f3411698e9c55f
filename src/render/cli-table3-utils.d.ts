/**
 * The two helpers of cli-table3 (0.6, `src/utils.js`, CommonJS) that box.ts
 * uses so that the body lines it draws measure and carry colour exactly as
 * cli-table3's own cells do. The package declares no types for this file.
 */
declare module 'cli-table3/src/utils.js' {
  /** Columns the widest line of `text` takes: colour codes stripped, then string-width. */
  export function strlen(text: string): number;
  /** A cell's lines with the colour open at the end of one line closed there and reopened on the next. */
  export function colorizeLines(lines: readonly string[]): string[];
}
