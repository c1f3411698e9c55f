import type { BasketDef } from './basket.js';

/**
 * Built-in baskets, always available; a config basket with the same id replaces one.
 * HSTECH.HK is Yahoo's symbol for the Hang Seng TECH index (not ^HSTECH); Yahoo
 * serves no daily history for it, so the titans fall back to 3033.HK, the CSOP
 * Hang Seng TECH ETF, which tracks it.
 */
export const PRESETS: readonly BasketDef[] = [
  {
    id: 'titans',
    name: 'China tech titans',
    symbols: ['9988.HK', '0700.HK', '1810.HK', '1211.HK', '0981.HK', '9618.HK', '9999.HK'],
    benchmarks: ['HSTECH.HK', '3033.HK'],
    weights: null,
    source: 'preset',
  },
  {
    id: 'mag7',
    name: 'Magnificent Seven',
    symbols: ['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA'],
    benchmarks: ['^NDX'],
    weights: null,
    source: 'preset',
  },
];

/** The baskets `compare` uses when none are named. */
export const DEFAULT_BASKETS: readonly string[] = ['titans', 'mag7'];
