import type { BasketDef } from './basket.js';

/**
 * Built-in baskets, always available; a config basket with the same id replaces one.
 * HSTECH.HK is Yahoo's symbol for the Hang Seng TECH index (not ^HSTECH).
 */
export const PRESETS: readonly BasketDef[] = [
  {
    id: 'titans',
    name: 'China tech titans',
    symbols: ['9988.HK', '0700.HK', '1810.HK', '1211.HK', '0981.HK', '9618.HK', '9999.HK'],
    benchmark: 'HSTECH.HK',
    weights: null,
    source: 'preset',
  },
  {
    id: 'mag7',
    name: 'Magnificent Seven',
    symbols: ['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA'],
    benchmark: '^NDX',
    weights: null,
    source: 'preset',
  },
];

/** The baskets `compare` uses when none are named. */
export const DEFAULT_BASKETS: readonly string[] = ['titans', 'mag7'];
