/** Running main() with a fake io and a fixed clock, capturing what it writes. */
import { main, type Deps, type Io } from '../../src/cli.js';
import { FIXTURES } from './replay.js';
import { makeTempDir } from './tmp.js';
import path from 'node:path';

/** A fixed "now": a Sunday, two days after the demo's as-of date. */
export const FIXED_NOW = new Date('2025-03-09T12:00:00Z');
export const DEMO_DIR = path.join(FIXTURES, 'demo');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  /** The terminal's width (only read when isTTY). */
  columns?: number;
  fetch?: typeof fetch;
  userConfigDir?: string | null;
  now?: Date;
  /** Waits between Yahoo retries; default: none at all, recorded in `waits`. */
  sleep?: (ms: number) => Promise<void>;
  /** The market-data cache directory; default: a new empty one for this call (removed after the test). */
  cacheDir?: string;
}

/** The retry waits of the last runCli calls that used the default sleep. */
export const waits: number[] = [];

export function fakeIo(options: CliOptions = {}): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => (out += s), isTTY: options.isTTY ?? false, columns: options.columns },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    env: options.env ?? {},
    cwd: options.cwd ?? path.resolve(FIXTURES, '..'),
  };
  return { io, out: () => out, err: () => err };
}

export async function runCli(argv: string[], options: CliOptions = {}): Promise<CliResult> {
  const { io, out, err } = fakeIo(options);
  const deps: Deps = {
    now: () => options.now ?? FIXED_NOW,
    cacheDir: options.cacheDir ?? (await makeTempDir('basket-cache-')),
    userConfigDir: options.userConfigDir ?? null,
    sleep: options.sleep ?? (async (ms) => void waits.push(ms)),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const exitCode = await main(argv, io, deps);
  return { exitCode, stdout: out(), stderr: err() };
}
