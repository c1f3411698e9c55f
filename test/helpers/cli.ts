/**
 * Running main() with a fake io and a fixed clock, capturing what it writes.
 * Every JSON output of compare and check it captures is held to its JSON
 * Schema (schema/compare.schema.json, schema/check.schema.json), so a field
 * added to the output and not to the schema fails whichever test meets it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { main, type Deps, type Io } from '../../src/cli.js';
import { FIXTURES } from './replay.js';
import { makeTempDir } from './tmp.js';

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
  const result = { exitCode, stdout: out(), stderr: err() };
  holdToSchema(argv, result);
  return result;
}

/** The commands whose JSON output has a JSON Schema, and its file under schema/. */
const SCHEMA_FILES: Readonly<Record<string, string>> = { compare: 'compare.schema.json', check: 'check.schema.json' };

/** Options that print help or the version instead of running the command. */
const HELP = ['-h', '--help', '-V', '--version'];

/** Each schema file compiled once, when a test first meets its output (strict, every error reported). */
const validators = new Map<string, ValidateFunction>();

function validatorFor(file: string): ValidateFunction {
  let validate = validators.get(file);
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8')) as object;
    validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    validators.set(file, validate);
  }
  return validate;
}

/** The command line's options: everything before `--`. */
const optionsOf = (argv: readonly string[]): readonly string[] => (argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv);

/** The last value of an option on the command line (`--long V`, `--long=V`, `-s V`, `-sV`), or undefined. */
function optionValue(argv: readonly string[], long: string, short: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === long || arg === short) value = argv[++i];
    else if (arg.startsWith(`${long}=`)) value = arg.slice(long.length + 1);
    else if (arg.startsWith(short) && !arg.startsWith('--')) value = arg.slice(short.length);
  }
  return value;
}

/**
 * Throws, listing ajv's errors, when a run of compare or check wrote JSON to
 * stdout (`--format json`, exit code 0 or 5, no `--output`) that its schema
 * does not take.
 */
export function holdToSchema(argv: readonly string[], { exitCode, stdout }: CliResult): void {
  const file = SCHEMA_FILES[argv[0] ?? ''];
  const options = optionsOf(argv);
  if (file === undefined || (exitCode !== 0 && exitCode !== 5) || options.some((o) => HELP.includes(o))) return;
  if (optionValue(options, '--format', '-f') !== 'json' || optionValue(options, '--output', '-o') !== undefined) return;
  const run = `basket ${argv.join(' ')}`;
  let output: unknown;
  try {
    output = JSON.parse(stdout);
  } catch (e) {
    throw new Error(`runCli: \`${run}\` exited ${exitCode} but its stdout is not JSON (${(e as Error).message})`, { cause: e });
  }
  const validate = validatorFor(file);
  if (validate(output) !== true) {
    const errors = (validate.errors ?? []).map((e) => `  ${e.instancePath || '(the document)'} ${e.message ?? ''}${Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : ''}`);
    throw new Error(`runCli: the output of \`${run}\` does not validate against schema/${file} (change the schema in src/config/, then npm run schemas):\n${errors.join('\n')}`);
  }
}
