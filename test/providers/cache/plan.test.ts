/** Cache planning and merging: pure, with the dates and factors worked out by hand. */
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../../src/domain/calendar.js';
import { basisFactor, entrySeries, isFresh, mergeHistory, planHistory, settledThrough, toEntry } from '../../../src/providers/cache/plan.js';
import type { HistoryEntry } from '../../../src/providers/cache/store.js';
import type { PriceSeries } from '../../../src/domain/types.js';
import { seriesDates, seriesOf } from '../../../src/providers/provider.js';

const MIN = 60_000;
const TTL = 15 * MIN;

function entry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    symbol: 'AAA',
    currency: 'USD',
    from: '2025-02-01',
    to: '2025-03-07',
    fetchedAt: '2025-03-09T12:00:00.000Z',
    // Mon 3, Tue 4, Wed 5, Thu 6, Fri 7 March
    days: ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07'].map(toDayNumber),
    close: [100, 102, 104, 106, 108],
    adjClose: [50, 51, 52, 53, 54],
    notes: [],
    missing: null,
    ...overrides,
  };
}

const series = (dates: string[], close: number[], adjClose = close): PriceSeries => seriesOf('AAA', 'USD', dates, close, adjClose);

describe('planHistory', () => {
  const now = new Date('2025-03-09T12:05:00Z');

  it('fetches everything without an entry', () => {
    expect(planHistory(null, '2025-02-01', '2025-03-07', now, TTL)).toEqual({ kind: 'fetch', start: '2025-02-01', end: '2025-03-07', merge: false });
  });

  it('answers from a fresh entry that covers the request', () => {
    expect(planHistory(entry(), '2025-02-10', '2025-03-07', now, TTL)).toEqual({ kind: 'hit' });
  });

  it('answers from an old entry when the request ends on or before its last settled date', () => {
    // fetched 2025-03-09: settled through 2025-03-09 − 5 days = 2025-03-04
    expect(settledThrough(entry())).toBe('2025-03-04');
    const muchLater = new Date('2025-06-01T00:00:00Z');
    expect(planHistory(entry(), '2025-02-10', '2025-03-04', muchLater, TTL)).toEqual({ kind: 'hit' });
    // 2025-03-05 was not yet settled when fetched: fetch the tail from the last settled bar, 2025-03-04
    expect(planHistory(entry(), '2025-02-10', '2025-03-05', muchLater, TTL)).toEqual({ kind: 'fetch', start: '2025-03-04', end: '2025-03-07', merge: true });
  });

  it('fetches the missing tail from the last settled bar to the new end', () => {
    const later = new Date('2025-03-09T12:30:00Z'); // 30 min: past the TTL
    expect(planHistory(entry(), '2025-02-10', '2025-03-14', later, TTL)).toEqual({ kind: 'fetch', start: '2025-03-04', end: '2025-03-14', merge: true });
  });

  it('refetches the whole range when the request starts before the entry', () => {
    expect(planHistory(entry(), '2025-01-15', '2025-03-01', now, TTL)).toEqual({ kind: 'fetch', start: '2025-01-15', end: '2025-03-07', merge: false });
  });

  it('refetches in full when no cached bar is settled', () => {
    const young = entry({ fetchedAt: '2025-03-07T22:00:00.000Z' }); // settled through 2025-03-02: before every bar
    expect(planHistory(young, '2025-03-01', '2025-03-10', new Date('2025-03-08T00:00:00Z'), TTL)).toEqual({ kind: 'fetch', start: '2025-02-01', end: '2025-03-10', merge: false });
  });

  it('believes "no data" only for the TTL', () => {
    const missing = entry({ days: [], close: [], adjClose: [], missing: 'not found' });
    expect(planHistory(missing, '2025-02-10', '2025-03-07', now, TTL)).toEqual({ kind: 'hit' });
    expect(planHistory(missing, '2025-02-10', '2025-03-07', new Date('2025-03-09T12:16:00Z'), TTL)).toEqual({ kind: 'fetch', start: '2025-02-10', end: '2025-03-07', merge: false });
  });

  it('isFresh: within the TTL, never for a fetch in the future', () => {
    expect(isFresh('2025-03-09T12:00:00.000Z', new Date('2025-03-09T12:15:00Z'), TTL)).toBe(true);
    expect(isFresh('2025-03-09T12:00:00.000Z', new Date('2025-03-09T12:15:00.001Z'), TTL)).toBe(false);
    expect(isFresh('2025-03-09T12:00:00.000Z', new Date('2025-03-09T11:00:00Z'), TTL)).toBe(false);
  });
});

describe('mergeHistory', () => {
  it('replaces the tail and keeps earlier bars when nothing was adjusted', () => {
    const tail = series(['2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-10'], [102, 104.5, 106, 108, 110], [51, 52.25, 53, 54, 55]);
    const merged = mergeHistory(entry(), tail, '2025-03-04', '2025-03-10', '2025-03-11T00:00:00.000Z', [])!;
    expect(merged.days.map(fromDayNumber)).toEqual(['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-10']);
    // 2025-03-05 revised from 104 to 104.5: the tail's figure wins
    expect(merged.close).toEqual([100, 102, 104.5, 106, 108, 110]);
    expect(merged.adjClose).toEqual([50, 51, 52.25, 53, 54, 55]);
    expect([merged.from, merged.to, merged.fetchedAt]).toEqual(['2025-02-01', '2025-03-10', '2025-03-11T00:00:00.000Z']);
  });

  it('rescales earlier bars by the factor a split applied since (2-for-1: every close halved)', () => {
    // Yahoo now reports 2025-03-04 at 102 / 2 = 51 (adjusted 51 / 2 = 25.5)
    const tail = series(['2025-03-04', '2025-03-05'], [51, 52], [25.5, 26]);
    const merged = mergeHistory(entry(), tail, '2025-03-04', '2025-03-07', '2025-03-11T00:00:00.000Z', [])!;
    // 2025-03-03 kept from the entry: close 100 × (51 / 102) = 50, adjusted 50 × (25.5 / 51) = 25
    expect(merged.close[0]).toBeCloseTo(50, 12);
    expect(merged.adjClose[0]).toBeCloseTo(25, 12);
    // so the return from 2025-03-03 to 2025-03-05 is 52 / 50 − 1 = 4%, as before the split (104 / 100 − 1)
    expect((merged.close[2] as number) / (merged.close[0] as number) - 1).toBeCloseTo(104 / 100 - 1, 12);
  });

  it('rescales adjusted closes alone for a dividend (closes unchanged)', () => {
    // a dividend worth 2% of the price: adjusted closes before it × 0.98; 51 × 0.98 = 49.98
    const tail = series(['2025-03-04'], [102], [49.98]);
    const merged = mergeHistory(entry(), tail, '2025-03-04', '2025-03-07', '2025-03-11T00:00:00.000Z', [])!;
    expect(merged.close[0]).toBe(100);
    expect(merged.adjClose[0]).toBeCloseTo(50 * 0.98, 12);
  });

  it('ignores differences that are only rounding', () => {
    expect(basisFactor(102 * (1 + 1e-12), 102)).toBe(1);
    expect(basisFactor(51, 102)).toBe(0.5);
  });

  it('gives up (null) when the answer shares no date with the entry', () => {
    expect(mergeHistory(entry(), series(['2025-03-10'], [110]), '2025-03-04', '2025-03-10', '2025-03-11T00:00:00.000Z', [])).toBeNull();
  });

  it('toEntry and entrySeries round-trip, and entrySeries cuts to the range', () => {
    const e = toEntry(series(['2025-03-03', '2025-03-04'], [1, 2]), '2025-03-01', '2025-03-04', '2025-03-05T00:00:00.000Z', ['note']);
    expect(entrySeries(e, '2025-03-01', '2025-03-04')).toEqual(series(['2025-03-03', '2025-03-04'], [1, 2]));
    expect(seriesDates(entrySeries(e, '2025-03-04', '2025-03-04'))).toEqual(['2025-03-04']);
  });
});

describe('recorded splits in the cache', () => {
  it('are kept in an entry, given back with its series, and merged with a later answer', () => {
    const day = toDayNumber('2025-03-04');
    const s = { ...seriesOf('N', 'USD', ['2025-03-03', '2025-03-04', '2025-03-05'], [40, 10, 11]), splits: [{ day, ratio: 4 }] };
    const entry = toEntry(s, '2025-03-03', '2025-03-05', '2025-03-06T00:00:00.000Z', []);
    expect(entry.splits).toEqual([{ day, ratio: 4 }]);
    expect(entrySeries(entry, '2025-03-03', '2025-03-05').splits).toEqual([{ day, ratio: 4 }]);
    const later = { ...seriesOf('N', 'USD', ['2025-03-05', '2025-03-06'], [11, 6]), splits: [{ day: toDayNumber('2025-03-06'), ratio: 2 }] };
    expect(mergeHistory(entry, later, '2025-03-05', '2025-03-06', '2025-03-07T00:00:00.000Z', [])?.splits).toEqual([{ day, ratio: 4 }, { day: toDayNumber('2025-03-06'), ratio: 2 }]);
    // an entry without splits has no such key: what was written before splits were kept reads as it was
    expect('splits' in toEntry(seriesOf('M', 'USD', ['2025-03-03'], [1]), '2025-03-03', '2025-03-03', '2025-03-06T00:00:00.000Z', [])).toBe(false);
  });
});
