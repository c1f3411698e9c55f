/**
 * `basket baskets`: the baskets basket knows and where each comes from; and
 * the hidden `__complete-baskets`, their ids for the completion scripts.
 */
import { PRESETS } from '../config/presets.js';
import { EXIT_OK } from '../errors.js';
import { runBaskets } from '../run.js';
import { makeContext } from './context.js';
import type { CommonFlags } from './flags.js';
import type { Deps, Io } from './io.js';
import { stdoutChalk, terminalWidth } from './terminal.js';

export interface BasketsFlags extends CommonFlags {
  format: 'table' | 'json';
}

export async function basketsCommand(flags: BasketsFlags, io: Io, deps: Deps): Promise<number> {
  const catalog = await runBaskets(makeContext(io, deps, flags));
  const baskets = [...catalog.baskets.values()];
  if (flags.format === 'json') {
    io.stdout.write((await import('../render/json.js')).toJsonDocument({ configFile: catalog.configFile, baskets }));
  } else {
    const { renderBasketList } = await import('../render/table.js');
    io.stdout.write(renderBasketList(baskets, catalog.configFile, { chalk: await stdoutChalk(io, flags.color), columns: terminalWidth(io) }));
  }
  return EXIT_OK;
}

/** The basket ids, one per line; on a config error the presets' alone, silently (a completion prints no errors). */
export async function completeBasketsCommand(flags: CommonFlags, io: Io, deps: Deps): Promise<number> {
  const ids = await runBaskets(makeContext(io, deps, flags)).then(
    (catalog) => [...catalog.baskets.keys()],
    () => PRESETS.map((b) => b.id),
  );
  io.stdout.write(ids.map((id) => `${id}\n`).join(''));
  return EXIT_OK;
}
