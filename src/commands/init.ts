/**
 * `basket init`: write a commented starter config where basket will read it
 * (the user's config directory by default), atomically, never over an
 * existing file without --force. The starter holds the two presets spelled
 * out and an example basket with weights and a benchmark.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { errnoCode, writeFileAtomic } from '../io/atomic-file.js';
import type { BasketDef } from '../config/basket.js';
import { LOCAL_CONFIG_NAMES, USER_CONFIG_NAMES } from '../config/load.js';
import { PRESETS } from '../config/presets.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { defaultUserConfigDir } from './context.js';
import type { CommonFlags } from './flags.js';
import type { Deps, Io } from './io.js';
import { VERSION } from './version.js';

/** The example basket of the starter config: weights summing to 1, and a benchmark. */
export const EXAMPLE_BASKET = {
  id: 'core',
  name: 'Core US tech (weighted)',
  weights: [
    ['AAPL', 0.4],
    ['MSFT', 0.35],
    ['NVDA', 0.25],
  ] as const,
  benchmark: '^NDX',
};

/** A benchmark as YAML: one symbol, or a flow list of it and its fallbacks. */
const yamlBenchmark = (symbols: readonly string[]) => (symbols.length === 1 ? yamlScalar(symbols[0] as string) : `[${symbols.map(yamlScalar).join(', ')}]`);

/** A YAML scalar as written: plain when YAML reads it back as the same text, else double-quoted. */
function yamlScalar(text: string): string {
  const plain = /^[A-Za-z0-9^][A-Za-z0-9 .^=_&()/-]*$/.test(text) && !text.endsWith(' ');
  if (plain) {
    try {
      if (parseYaml(`x: [${text}]`)?.x?.[0] === text) return text;
    } catch {
      // not plain after all
    }
  }
  return JSON.stringify(text);
}

function presetYaml(b: BasketDef, about: string): string {
  const lines = [
    `  ${b.id}:`,
    `    name: ${yamlScalar(b.name)}`,
    `    symbols: [${b.symbols.map(yamlScalar).join(', ')}]`,
    ...(b.benchmarks.length > 0 ? [`    benchmark: ${yamlBenchmark(b.benchmarks)}${about ? `   # ${about}` : ''}`] : []),
  ];
  return lines.join('\n');
}

const BENCHMARK_NOTES: Readonly<Record<string, string>> = {
  'HSTECH.HK': 'Hang Seng TECH index; Yahoo keeps little daily history for it, so its ETF 3033.HK stands in',
  '^NDX': 'Nasdaq-100',
};

/** The starter config as YAML, with comments. */
export function starterYaml(version: string, schema: string | null = null): string {
  const e = EXAMPLE_BASKET;
  const editors = schema === null ? '' : `# yaml-language-server: $schema=${schema}\n`;
  return `${editors}# basket config, written by \`basket init\` (basket ${version}).
# \`basket baskets\` lists what basket reads from it; \`basket compare ID…\` compares baskets.
#
# Each basket has an id (a letter or digit, then letters, digits, "-", "_" or "."):
#   name       optional: shown in tables (default: the id)
#   symbols    Yahoo Finance symbols, either a list [AAPL, MSFT]
#              or a mapping of symbol to weight { AAPL: 0.6, MSFT: 0.4 }
#              (weights are positive and sum to 1; \`compare --weights config\` uses them)
#   benchmark  optional: an index or fund to measure the basket against, or a list
#              [INDEX, FUND]: the first with data over the period is used
# Symbols are Yahoo's: four-digit Hong Kong codes (0700.HK), ^NDX for an index,
# BRK-B for a share class. \`basket search NAME\` finds a symbol.

baskets:
  # The two built-in presets, spelled out: a basket here with a preset's id
  # replaces the preset, so edit these freely (or delete them to keep the originals).
${PRESETS.map((b) => presetYaml(b, BENCHMARK_NOTES[b.benchmarks[0] ?? ''] ?? '')).join('\n\n')}

  # An example with weights and a benchmark:
  #   basket compare ${e.id} --weights config
  ${e.id}:
    name: ${yamlScalar(e.name)}
    symbols:
${e.weights.map(([s, w]) => `      ${yamlScalar(s)}: ${w}`).join('\n')}
    benchmark: ${yamlScalar(e.benchmark)}
`;
}

/** The same config as JSON (which has no comments). */
export function starterJson(schema: string | null = null): string {
  const baskets: Record<string, unknown> = {};
  for (const b of PRESETS) baskets[b.id] = { name: b.name, symbols: [...b.symbols], ...(b.benchmarks.length === 1 ? { benchmark: b.benchmarks[0] } : b.benchmarks.length > 1 ? { benchmark: [...b.benchmarks] } : {}) };
  const e = EXAMPLE_BASKET;
  baskets[e.id] = { name: e.name, symbols: Object.fromEntries(e.weights), benchmark: e.benchmark };
  return `${JSON.stringify({ ...(schema === null ? {} : { $schema: schema }), baskets }, null, 2)}\n`;
}

/**
 * The config file schema basket ships (schema/config.schema.json), for the
 * line that lets editors complete and check the file; null when this copy of
 * basket has none (run from elsewhere than its package).
 */
export async function shippedConfigSchema(): Promise<string | null> {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = path.join(dir, 'schema', 'config.schema.json');
    if ((await kindOf(candidate)) === 'file') return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

export interface InitRequest {
  /** Where to write (an argument or --config), relative to cwd; absent: the user's config file. */
  readonly file?: string | undefined;
  readonly force: boolean;
  readonly cwd: string;
  /** The user's config directory, or null when there is none (then a file must be given). */
  readonly userConfigDir: string | null;
  readonly version: string;
}

export interface InitResult {
  /** The file written, absolute. */
  readonly file: string;
  readonly format: 'yaml' | 'json';
  /** Whether an existing file was replaced (--force). */
  readonly replaced: boolean;
  /** What else the user should know: a config that takes precedence over this one. */
  readonly notes: string[];
}

async function kindOf(file: string): Promise<'file' | 'directory' | 'other' | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
  } catch {
    return null;
  }
}

/** The user's config file basket reads now (config.yaml, .yml or .json), or config.yaml when there is none. */
async function userConfigFile(dir: string): Promise<string> {
  for (const name of USER_CONFIG_NAMES) {
    const candidate = path.join(dir, name);
    if ((await kindOf(candidate)) === 'file') return candidate;
  }
  return path.join(dir, USER_CONFIG_NAMES[0]);
}

/** Write the starter config; a UsageError (exit 2) when the file exists without --force or cannot be written. */
export async function runInit(req: InitRequest): Promise<InitResult> {
  let file: string;
  if (req.file !== undefined) file = path.resolve(req.cwd, req.file);
  else if (req.userConfigDir !== null) file = await userConfigFile(req.userConfigDir);
  else throw new UsageError('no user config directory is known here: give the file to write, e.g. basket init basket.config.yaml');

  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt') throw new UsageError(`init writes a YAML or JSON config, not a .txt ticker list (${file})`);
  const format = ext === '.json' ? 'json' : 'yaml';

  const existing = await kindOf(file);
  if (existing === 'directory') throw new UsageError(`cannot write ${file}: it is a directory`);
  if (existing !== null && !req.force) throw new UsageError(`${file} already exists: add --force to replace it`);

  try {
    await mkdir(path.dirname(file), { recursive: true });
    const schema = await shippedConfigSchema();
    await writeFileAtomic(file, format === 'json' ? starterJson(schema) : starterYaml(req.version, schema));
  } catch (err) {
    const code = errnoCode(err);
    if (code === null) throw err;
    throw new UsageError(`cannot write ${file}: ${code} (${(err as Error).message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '')})`, { cause: err });
  }

  const notes: string[] = [];
  const local = LOCAL_CONFIG_NAMES.map((name) => path.join(req.cwd, name));
  const user = req.userConfigDir === null ? [] : USER_CONFIG_NAMES.map((name) => path.join(req.userConfigDir as string, name));
  if (local.includes(file)) {
    // found where basket looks first: nothing to add
  } else if (user.includes(file)) {
    // a config in the current directory is read before the user's
    for (const candidate of local) {
      if ((await kindOf(candidate)) === 'file') {
        notes.push(`./${path.basename(candidate)} in this directory is read instead of it here (a local config comes first)`);
        break;
      }
    }
  } else {
    notes.push(`basket reads it when given --config ${req.file ?? file}`);
  }
  return { file, format, replaced: existing !== null, notes };
}

export interface InitFlags extends CommonFlags {
  force?: boolean;
}

export async function initCommand(file: string | undefined, flags: InitFlags, io: Io, deps: Deps): Promise<number> {
  if (file !== undefined && flags.config !== undefined && path.resolve(io.cwd, file) !== path.resolve(io.cwd, flags.config)) {
    throw new UsageError(`init writes one file: ${file} or --config ${flags.config}, not both`);
  }
  const userConfigDir = deps.userConfigDir !== undefined ? deps.userConfigDir : await defaultUserConfigDir();
  const done = await runInit({ file: file ?? flags.config, force: flags.force === true, cwd: io.cwd, userConfigDir, version: VERSION });
  if (flags.verbose) io.stderr.write(`basket: config files, first found: --config FILE; ./basket.config.{yaml,yml,json}; ${userConfigDir ?? '(no user config directory)'}/config.{yaml,yml,json}\n`);
  if (!flags.quiet) {
    io.stderr.write(`basket: ${done.replaced ? 'replaced' : 'wrote'} ${done.file} (a starter config: titans, mag7 and an example with weights)\n`);
    for (const note of done.notes) io.stderr.write(`basket: note: ${note}\n`);
  }
  return EXIT_OK;
}
