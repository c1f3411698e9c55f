import { describe, expect, it } from 'vitest';
import { mergeQuoteNotes, noteQuoteFlags, type SymbolFlag } from '../../src/report/quotes.js';
import type { SymbolIssue } from '../../src/domain/types.js';

const opts = { asOf: '2025-03-07', maxAgeDays: 31, rule: 'flag' as const };
const flag = (symbol: string, field: SymbolFlag['field'], date = '2024-12-31'): SymbolFlag => ({ symbol, field, kind: 'stale', date, days: 66 });
const notesOf = (flags: SymbolFlag[]) => {
  const out: SymbolIssue[] = [];
  noteQuoteFlags(flags, opts, (i) => out.push(i));
  return out;
};

describe('mergeQuoteNotes', () => {
  it('makes the quote-flag notes of several reports the one note of all their flags', () => {
    const a = notesOf([flag('A', 'forwardPE'), flag('B', 'marketCap')]);
    const b = notesOf([flag('C', 'marketCap'), flag('A', 'forwardPE'), flag('D', 'sharesOutstanding')]);
    const all = notesOf([flag('A', 'forwardPE'), flag('B', 'marketCap'), flag('C', 'marketCap'), flag('D', 'sharesOutstanding')]);
    expect(mergeQuoteNotes([...a, ...b])).toEqual(all);
  });

  it('keeps notes of other dates, kinds and every other note apart, equal ones once', () => {
    const other: SymbolIssue = { symbol: 'X', code: 'no-data', message: 'no price file' };
    const a = notesOf([flag('A', 'forwardPE')]);
    const later = notesOf([flag('A', 'forwardPE', '2024-11-30')]);
    expect(mergeQuoteNotes([other, ...a, other, ...later])).toEqual([other, ...a, ...later]);
  });
});
