/**
 * The offline data directory as the rest of basket sees it: prices given in
 * a minor unit (`GBp`, as quotes.csv names it) answered in the major one, and
 * FX pairs read from their price files (`prices/USDHKD=X.csv`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteOf } from '../../../src/domain/quote.js';
import { openFilesProvider } from '../../../src/providers/files/provider.js';
import { plainSeries } from '../../helpers/series.js';
import { makeTempDir } from '../../helpers/tmp.js';

/** A data directory with `prices` (file name → CSV text) and quotes.csv. */
async function dataDir(prices: Record<string, string>, quotes: string): Promise<string> {
  const dir = await makeTempDir('basket-files-units-');
  await mkdir(path.join(dir, 'prices'));
  for (const [name, text] of Object.entries(prices)) await writeFile(path.join(dir, 'prices', name), text);
  await writeFile(path.join(dir, 'quotes.csv'), quotes);
  return dir;
}

describe('minor units in an offline data directory', () => {
  it('answers closes in pence as pounds, and every quote row of the symbol in pounds too', async () => {
    const dir = await dataDir(
      { 'VOD.L.csv': 'Date,Close\n2025-01-02,68.5\n2025-01-03,70\n' },
      'symbol,date,currency,price,marketCap,forwardPE\nVOD.L,,GBp,,,\nVOD.L,2025-01-03,,70,1800000000000,9.5\n',
    );
    const files = await openFilesProvider(dir);
    const history = await files.fetchHistory({ symbols: ['VOD.L'], start: '2025-01-01', end: '2025-01-31' });
    expect(plainSeries(history.items.get('VOD.L'))).toMatchObject({ currency: 'GBP', dates: ['2025-01-02', '2025-01-03'], close: [0.685, 0.7] });
    const quotes = await files.fetchQuotes(['VOD.L']);
    // the dated row names no currency: the symbol's (GBp) converts it
    expect(quotes.items.get('VOD.L')).toEqual([
      quoteOf('VOD.L', { date: null, provider: null, currency: 'GBP' }),
      quoteOf('VOD.L', { date: '2025-01-03', provider: null, price: 0.7, marketCap: 1.8e10, forwardPE: 9.5 }),
    ]);
  });
});

describe('FX pairs in an offline data directory', () => {
  it('reads a pair from its price file, or its inverse’s, named as the format names FX series', async () => {
    const dir = await dataDir({ 'USDHKD=X.csv': 'Date,Close\n2025-01-02,7.77\n' }, 'symbol,currency\nUSDHKD=X,HKD\n');
    const files = await openFilesProvider(dir);
    const hkd = await files.fetchFx({ from: 'HKD', to: 'USD', start: '2025-01-01', end: '2025-01-31' });
    expect(hkd.rates).toMatchObject({ from: 'HKD', to: 'USD', inverted: true, series: { symbol: 'USDHKD=X', currency: 'HKD' } });
    expect(hkd.issues).toEqual([]);
    expect((await files.fetchFx({ from: 'USD', to: 'HKD', start: '2025-01-01', end: '2025-01-31' })).rates).toMatchObject({ inverted: false });
    const eur = await files.fetchFx({ from: 'EUR', to: 'USD', start: '2025-01-01', end: '2025-01-31' });
    expect(eur.rates).toBeNull();
    expect(eur.issues.map((i) => i.message)).toEqual([`no price file ${path.join('prices', 'EURUSD=X.csv')} in ${dir}`, `no price file ${path.join('prices', 'USDEUR=X.csv')} in ${dir}`]);
    expect(files.fxNames('EUR', 'USD')).toEqual(['EURUSD=X', 'USDEUR=X']);
  });
});
