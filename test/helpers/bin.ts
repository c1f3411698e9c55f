/**
 * The command as users run it: the file package.json's `bin` names (the
 * bundle `npm run build` writes, dist/cli/basket.js), for the tests that
 * spawn it. UNBUNDLED_BIN is tsc's output, the bundle's input: only the test
 * that holds the two to the same output runs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './replay.js';

export const ROOT = path.resolve(FIXTURES, '..');

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { basket: string } };
export const BIN = path.join(ROOT, pkg.bin.basket);
export const UNBUNDLED_BIN = path.join(ROOT, 'dist', 'bin', 'basket.js');
