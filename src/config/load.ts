/**
 * Reading config files (the only file I/O of the config stage) and deciding
 * which one applies:  --config FILE, else ./basket.config.{yaml,yml,json},
 * else the user's config directory's config.{yaml,yml,json}; presets always.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import type { BasketDef } from './basket.js';
import { PRESETS } from './presets.js';

export const LOCAL_CONFIG_NAMES = ['basket.config.yaml', 'basket.config.yml', 'basket.config.json'] as const;
export const USER_CONFIG_NAMES = ['config.yaml', 'config.yml', 'config.json'] as const;

export interface ConfigLocation {
  /** `--config FILE`, if given. */
  readonly configFile?: string | undefined;
  readonly cwd: string;
  /**
   * The user's config directory for basket (e.g. ~/.config/basket), or null
   * for none; or a function that finds it, called only when neither --config
   * nor a local config file applies (finding it costs a module load).
   */
  readonly userConfigDir: string | null | (() => Promise<string | null>);
}

export interface Catalog {
  /** Presets first, then the config's own baskets; a config basket replaces a preset of the same id in place. */
  readonly baskets: ReadonlyMap<string, BasketDef>;
  /** The config file in use, or null when only presets apply. */
  readonly configFile: string | null;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The text of a config file, without the byte-order mark some editors write (JSON.parse refuses one). */
async function readText(file: string, shown: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read it (${code ?? String(err)})`;
    throw new ConfigError(shown, null, why, { cause: err });
  }
}

/**
 * The baskets a file defines: a `.txt` ticker list is one basket named after
 * the file. `shown` is how messages and reports name the file.
 */
export async function loadBasketFile(file: string, shown: string = file): Promise<BasketDef[]> {
  const text = await readText(file, shown);
  if (file.toLowerCase().endsWith('.txt')) {
    const { toListBasket } = await import('./list.js');
    return [toListBasket(text, path.basename(file, path.extname(file)), shown)];
  }
  // the parser and the schema (yaml, zod) are loaded only for a config file: a run on the presets or a ticker list starts faster
  const [{ toBaskets }, { parseConfigText }] = await Promise.all([import('./schema.js'), import('./parse.js')]);
  return toBaskets(parseConfigText(text, shown), shown);
}

/** A path as people should read it: relative to `cwd` when inside it. */
function toShown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  // `..0.txt` is inside cwd; `..` and `../x` are not
  const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  return rel && !outside ? rel : file;
}

/** The config file that applies, or null. */
export async function findConfigFile(where: ConfigLocation): Promise<string | null> {
  if (where.configFile !== undefined) return path.resolve(where.cwd, where.configFile);
  for (const name of LOCAL_CONFIG_NAMES) {
    const candidate = path.join(where.cwd, name);
    if (await isFile(candidate)) return candidate;
  }
  const userConfigDir = typeof where.userConfigDir === 'function' ? await where.userConfigDir() : where.userConfigDir;
  if (userConfigDir) {
    for (const name of USER_CONFIG_NAMES) {
      const candidate = path.join(userConfigDir, name);
      if (await isFile(candidate)) return candidate;
    }
  }
  return null;
}

/** Presets plus the applicable config file's baskets. */
export async function loadCatalog(where: ConfigLocation): Promise<Catalog> {
  const baskets = new Map<string, BasketDef>(PRESETS.map((b) => [b.id, b]));
  const configFile = await findConfigFile(where);
  if (configFile !== null) {
    for (const basket of await loadBasketFile(configFile, toShown(configFile, where.cwd))) {
      baskets.set(basket.id, basket);
    }
  }
  return { baskets, configFile };
}

/** True when a basket argument names a ticker-list file rather than a basket id. */
export function isBasketFileArgument(arg: string): boolean {
  return /\.(txt|ya?ml|json)$/i.test(arg) || arg.includes('/') || arg.includes(path.sep);
}

/**
 * The baskets named on the command line, in order: ids from the catalog, or
 * paths of basket files (`my-list.txt`). Unknown ids are a usage error that
 * lists what is available.
 */
export async function selectBaskets(catalog: Catalog, names: readonly string[], cwd: string): Promise<BasketDef[]> {
  const chosen: BasketDef[] = [];
  for (const name of names) {
    const known = catalog.baskets.get(name);
    if (known) chosen.push(known);
    else if (isBasketFileArgument(name)) chosen.push(...(await loadBasketFile(path.resolve(cwd, name), name)));
    else {
      const available = [...catalog.baskets.keys()].join(', ');
      throw new UsageError(`unknown basket ${JSON.stringify(name)} (available: ${available}; see 'basket baskets')`);
    }
  }
  const seen = new Set<string>();
  for (const b of chosen) {
    if (seen.has(b.id)) throw new UsageError(`basket "${b.id}" is named twice`);
    seen.add(b.id);
  }
  return chosen;
}
