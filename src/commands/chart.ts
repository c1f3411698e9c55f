/**
 * `basket chart`: the comparison's levels drawn in the terminal, sized to it
 * (less the rows the notes took), or to --width/--height.
 */
import { EXIT_OK } from '../errors.js';
import { runCompare } from '../run.js';
import { withContext } from './context.js';
import { positiveNumber, toCompareRequest, type AnalysisFlags, type CommonFlags } from './flags.js';
import type { Deps, Io } from './io.js';
import { printIssues } from './notes.js';
import { stdoutChalk } from './terminal.js';

export interface ChartFlags extends CommonFlags, AnalysisFlags {
  width?: string;
  height?: string;
}

/** The chart's size when stdout is not a terminal (or does not say). */
export const PIPED_CHART_SIZE = { width: 80, height: 24 } as const;

/** A size asked for on the command line: whole columns and lines, each or both unknown. */
export interface AskedSize {
  readonly width: number | undefined;
  readonly height: number | undefined;
}

export function askedSize(flags: ChartFlags): AskedSize {
  return {
    width: flags.width === undefined ? undefined : Math.floor(positiveNumber(flags.width, '--width')),
    height: flags.height === undefined ? undefined : Math.floor(positiveNumber(flags.height, '--height')),
  };
}

/**
 * --width/--height, else the terminal's size less a line for the prompt and
 * the rows the notes took on the same screen (wrapped), else 80 × 24.
 */
export function chartSize(io: Io, asked: AskedSize, notes: readonly string[]): { width: number; height: number } {
  const tty = io.stdout.isTTY === true;
  const width = asked.width ?? (tty ? io.stdout.columns : undefined) ?? PIPED_CHART_SIZE.width;
  if (asked.height !== undefined) return { width, height: asked.height };
  const rows = tty ? io.stdout.rows : undefined;
  if (rows === undefined) return { width, height: PIPED_CHART_SIZE.height };
  const noteRows = io.stderr.isTTY === true ? notes.reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / width)), 0) : 0;
  return { width, height: rows - 1 - noteRows };
}

export async function chartCommand(baskets: string[], flags: ChartFlags, io: Io, deps: Deps): Promise<number> {
  const asked = askedSize(flags);
  const request = toCompareRequest(baskets, flags, true);
  const { report } = await withContext(io, deps, flags, (ctx) => runCompare(request, ctx));
  const notes = printIssues(io, report.issues, flags.quiet);
  const size = chartSize(io, asked, notes);
  const chalk = await stdoutChalk(io, flags.color);
  io.stdout.write((await import('../render/chart.js')).renderChart(report, { chalk, ...size }));
  return EXIT_OK;
}
