/**
 * Plain-text ticker lists (`.txt`): read without the config parser and schema
 * libraries, so a run on a list starts fast.
 */
import { ConfigError } from '../errors.js';
import { BASKET_ID, EMPTY_BASKET, type BasketDef } from './basket.js';
import { normaliseSymbol, symbolProblem } from '../domain/symbols.js';

/**
 * A plain-text ticker list: one symbol per line, `#` starts a comment, blank
 * lines are ignored. The basket's id and name are `id`.
 */
export function toListBasket(text: string, id: string, file: string): BasketDef {
  const symbols: string[] = [];
  const firstLine = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    const symbol = normaliseSymbol(line.replace(/#.*$/, ''));
    if (symbol === '') return;
    const where = `line ${i + 1}`;
    const problem = symbolProblem(symbol);
    if (problem) throw new ConfigError(file, where, problem);
    const earlier = firstLine.get(symbol);
    if (earlier !== undefined) throw new ConfigError(file, where, `duplicate symbol ${symbol} (also on line ${earlier})`);
    firstLine.set(symbol, i + 1);
    symbols.push(symbol);
  });
  if (symbols.length === 0) throw new ConfigError(file, null, EMPTY_BASKET);
  if (!BASKET_ID.test(id)) throw new ConfigError(file, null, `the file name ${JSON.stringify(id)} is not a usable basket id`);
  return { id, name: id, symbols, weights: null, benchmarks: [], source: file };
}
