/** The `basket baskets` table. */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { BasketDef } from '../config/basket.js';
import { UNKNOWN } from './format.js';

export function renderBasketList(baskets: readonly BasketDef[], configFile: string | null, { chalk }: { chalk: ChalkInstance }): string {
  const t = new Table({
    head: ['Id', 'Name', 'Symbols', 'Benchmark', 'Source'].map((h) => chalk.bold(h)),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const b of baskets) t.push([b.id, b.name, b.symbols.join(' '), b.benchmark ?? UNKNOWN, b.source]);
  const note = configFile ? `Config: ${configFile}` : 'Config: none found (presets only)';
  return `${t.toString()}\n${chalk.dim(note)}\n`;
}
