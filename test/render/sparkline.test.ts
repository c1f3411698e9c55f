import { describe, expect, it } from 'vitest';
import { sparkline, SPARK_BARS } from '../../src/render/sparkline.js';

describe('sparkline', () => {
  it.each([
    ['rising, one bar per value', [1, 2, 3, 4, 5, 6, 7, 8], 8, '▁▂▃▄▅▆▇█'],
    ['falling', [8, 7, 6, 5, 4, 3, 2, 1], 8, '█▇▆▅▄▃▂▁'],
    // (100 − 80) / 40 × 7 = 3.5 → bar 4 (▅); (90 − 80) / 40 × 7 = 1.75 → bar 2 (▃)
    ['a dip: lowest ▁, ends highest █', [100, 90, 80, 120], 4, '▅▃▁█'],
    ['fewer values than the width: one bar each', [1, 2], 12, '▁█'],
    ['flat: all middle', [5, 5, 5], 3, '▄▄▄'],
    ['one value', [42], 12, '▄'],
    ['no values', [], 12, ''],
    ['width 0', [1, 2, 3], 0, ''],
  ])('%s', (_, values, width, expected) => {
    expect(sparkline(values, width)).toBe(expected);
  });

  it('samples evenly, keeping the first and last values', () => {
    // 9 values into 3 bars: indices 0, 4, 8 → 0, 40, 80
    expect(sparkline([0, 99, 99, 99, 40, 99, 99, 99, 80], 3)).toBe('▁▅█');
  });

  it('scales (v − lo) / (hi − lo) to the 8 bars, rounding', () => {
    // (3 − 0) / 7 × 7 = 3 → ▄ (the fourth bar)
    expect(sparkline([0, 3, 7], 3)).toBe(`▁${SPARK_BARS[3]}█`);
  });

  it('is never longer than the width', () => {
    const values = Array.from({ length: 500 }, (_, i) => Math.sin(i / 10));
    expect([...sparkline(values, 12)]).toHaveLength(12);
  });

  it('throws on a non-finite value instead of drawing it', () => {
    expect(() => sparkline([1, Number.NaN], 4)).toThrow(RangeError);
  });
});
