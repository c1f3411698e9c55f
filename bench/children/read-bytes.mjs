/**
 * The data-loading baseline: read, as text, every byte a basket run over a
 * ticker list reads from an offline data directory (the list, quotes.csv and
 * each listed symbol's price file), and do nothing with it.
 *
 *   node bench/children/read-bytes.mjs DIR LIST.txt
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, list] = process.argv.slice(2);
const listText = readFileSync(list, 'utf8');
let bytes = listText.length + readFileSync(path.join(dir, 'quotes.csv'), 'utf8').length;
for (const line of listText.split('\n')) {
  const symbol = line.replace(/#.*/, '').trim();
  if (symbol !== '') bytes += readFileSync(path.join(dir, 'prices', `${symbol}.csv`), 'utf8').length;
}
process.stdout.write(`${bytes}\n`);
