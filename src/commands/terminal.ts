/**
 * What stdout allows: colour (one chalk instance per run, decided here from
 * the flags, the environment and the terminal) and the width tables must fit.
 */
import type { ChalkInstance } from 'chalk';
import type { Io } from './io.js';

/**
 * Colour level for stdout: --color/--no-color win; then FORCE_COLOR (0–3,
 * as Node reads it); then NO_COLOR (any non-empty value); else colour only on
 * a terminal.
 */
export function decideColorLevel(flag: boolean | undefined, env: Io['env'], isTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  const forced = force === undefined ? null : force === '' || force === 'true' ? 1 : force === 'false' ? 0 : Math.min(3, Math.max(0, Number.parseInt(force, 10) || 0));
  if (flag === false) return 0;
  if (flag === true) return (forced || 1) as 1 | 2 | 3;
  if (forced !== null) return forced as 0 | 1 | 2 | 3;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

/** Starts loading chalk (while other modules load) without making an instance. */
export const loadChalk = () => import('chalk');

export async function newChalk(level: 0 | 1 | 2 | 3): Promise<ChalkInstance> {
  const { Chalk } = await loadChalk();
  return new Chalk({ level });
}

/** The chalk for what goes to stdout, under --color/--no-color (`color`). */
export function stdoutChalk(io: Io, color: boolean | undefined): Promise<ChalkInstance> {
  return newChalk(decideColorLevel(color, io.env, io.stdout.isTTY === true));
}

/** The width tables must fit: a terminal's columns; no limit when stdout is a pipe or a file. */
export function terminalWidth(io: Io): number | null {
  const columns = io.stdout.columns;
  return io.stdout.isTTY === true && columns !== undefined && columns > 0 ? columns : null;
}
