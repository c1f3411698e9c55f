/** The cache store on disk: atomic entries, corrupt ones detected and discarded, info and clear. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../src/domain/calendar.js';
import { CacheStore, fileNameOf, type HistoryEntry } from '../../../src/providers/cache/store.js';
import { makeTempDir } from '../../helpers/tmp.js';

const ENTRY: HistoryEntry = {
  symbol: '^NDX',
  currency: 'USD',
  from: '2025-03-01',
  to: '2025-03-07',
  fetchedAt: '2025-03-09T12:00:00.000Z',
  days: [toDayNumber('2025-03-06'), toDayNumber('2025-03-07')],
  close: [20000, 20201.37],
  adjClose: [20000, 20201.37],
  notes: [],
  missing: null,
};

async function store() {
  const dir = await makeTempDir('basket-store-');
  const warnings: string[] = [];
  return { dir, warnings, store: new CacheStore(dir, (w) => warnings.push(w)) };
}

describe('CacheStore', () => {
  it('writes and reads back an entry, in a file named after the encoded symbol, leaving no temporary file', async () => {
    const { dir, store: s } = await store();
    await s.writeHistory(ENTRY);
    expect(fileNameOf('^NDX')).toBe('%5ENDX.json');
    expect(await readdir(path.join(dir, 'history'))).toEqual(['%5ENDX.json']);
    expect(await s.readHistory('^NDX')).toEqual(ENTRY);
    expect(await s.readHistory('AAPL')).toBeNull();
  });

  it.each([
    ['truncated', (t: string) => t.slice(0, t.length - 20), 'not valid JSON: cut short?'],
    ['empty', () => '', 'empty file'],
    ['another file', () => '{"hello":1}', 'not a basket cache entry'],
    ['a changed close', (t: string) => t.replace('20201.37', '20201.38'), 'checksum mismatch'],
  ])('discards a %s entry with a warning, and deletes it', async (_, damage, problem) => {
    const { dir, warnings, store: s } = await store();
    await s.writeHistory(ENTRY);
    const file = path.join(dir, 'history', '%5ENDX.json');
    await writeFile(file, damage(await readFile(file, 'utf8')));
    expect(await s.readHistory('^NDX')).toBeNull();
    expect(warnings).toEqual([`the cached history of ^NDX was unusable (${problem}): discarded, fetching it again`]);
    expect(await readdir(path.join(dir, 'history'))).toEqual([]);
  });

  it('checks an entry against a CRC-32 of its data, and reads an entry of another version as absent, without a warning', async () => {
    const { dir, warnings, store: s } = await store();
    await s.writeHistory(ENTRY);
    const file = path.join(dir, 'history', '%5ENDX.json');
    const text = await readFile(file, 'utf8');
    const data = text.slice(text.indexOf('"data":') + '"data":'.length, text.lastIndexOf('}'));
    // zlib's CRC-32 of the data's text, as `crc32:` and eight hex digits; the days as day numbers (version 2)
    expect(JSON.parse(text)).toMatchObject({ version: 2, checksum: `crc32:${crc32(data).toString(16).padStart(8, '0')}`, data: { days: [20153, 20154] } });
    // basket 0.1's entries (version 1, ISO dates, a SHA-256) are fetched again, not reported as damaged
    await writeFile(file, text.replace('"version":2', '"version":1'));
    expect(await s.readHistory('^NDX')).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('rejects an entry whose data break the rules even with a matching checksum (days out of order)', async () => {
    const { dir, warnings, store: s } = await store();
    await s.writeHistory({ ...ENTRY, days: [toDayNumber('2025-03-07'), toDayNumber('2025-03-06')] });
    expect(await s.readHistory('^NDX')).toBeNull();
    expect(warnings[0]).toContain('invalid entry: days not ascending');
    expect(await readdir(path.join(dir, 'history'))).toEqual([]);
  });

  it('rejects a quote entry with a field of the wrong type, and one with a close that is not positive', async () => {
    const { warnings, store: s } = await store();
    const quote = { symbol: 'AAPL', name: 'Apple Inc.', currency: 'USD', financialCurrency: 'USD', price: '238' as unknown as number, forwardPE: 30.2, trailingPE: null, epsForward: null, marketCap: null, sharesOutstanding: null };
    await s.writeQuote({ symbol: 'AAPL', fetchedAt: '2025-03-09T12:00:00.000Z', quotes: [{ ...quote, date: '2025-03-07', provider: 'Yahoo Finance' }] });
    expect(await s.readQuote('AAPL')).toBeNull();
    await s.writeHistory({ ...ENTRY, close: [20000, 0] });
    expect(await s.readHistory('^NDX')).toBeNull();
    expect(warnings).toEqual([
      'the cached quote of AAPL was unusable (invalid entry: bad quote): discarded, fetching it again',
      'the cached history of ^NDX was unusable (invalid entry: a close that is not a positive number): discarded, fetching it again',
    ]);
  });

  it('reads an entry written under another symbol as unusable', async () => {
    const { dir, warnings, store: s } = await store();
    await s.writeHistory(ENTRY);
    await mkdir(path.join(dir, 'history'), { recursive: true });
    await writeFile(path.join(dir, 'history', 'AAPL.json'), await readFile(path.join(dir, 'history', '%5ENDX.json'), 'utf8'));
    expect(await s.readHistory('AAPL')).toBeNull();
    expect(warnings[0]).toContain('it holds the history of ^NDX');
  });

  it('warns once, and goes on, when the cache cannot be written', async () => {
    const { dir, warnings, store: s } = await store();
    await writeFile(path.join(dir, 'history'), 'a file where the directory should be');
    await s.writeHistory(ENTRY);
    await s.writeHistory({ ...ENTRY, symbol: 'AAPL' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^cannot write the cache in .* \((EEXIST|ENOTDIR)\): this run's data will be fetched again next time$/);
  });
});
