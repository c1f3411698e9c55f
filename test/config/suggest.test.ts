import { describe, expect, it } from 'vitest';
import { closest, editDistance, suggestion } from '../../src/config/suggest.js';

describe('editDistance', () => {
  it.each([
    ['expect', 'expect', 0],
    ['expct', 'expect', 1],
    ['wieghts', 'weights', 1],
    ['Figure', 'figure', 0],
    ['', 'id', 2],
    ['kitten', 'sitting', 3],
  ])('%j → %j: %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('closest and suggestion', () => {
  const keys = ['id', 'says', 'figure', 'expect', 'as-of', 'pe-method', 'max-quote-age'];

  it.each([
    ['expct', 'expect'],
    ['as_of', 'as-of'],
    ['asof', 'as-of'],
    ['pe method', 'pe-method'],
    ['pe', 'pe-method'],
    ['max-quote-ages', 'max-quote-age'],
    ['FIGURE', 'figure'],
  ])('%j is near %j', (written, near) => {
    expect(closest(written, keys)).toBe(near);
    expect(suggestion(written, keys)).toBe(`did you mean "${near}"?`);
  });

  it.each(['colour', '', 'x', 'usd', 'a'.repeat(100)])('%j is near none: the valid words are listed', (written) => {
    expect(closest(written, keys)).toBeNull();
    expect(suggestion(written, keys)).toBe(`expected one of ${keys.join(', ')}`);
  });
});
