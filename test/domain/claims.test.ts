import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGURES, FIGURE_UNITS, holds, holdsOnOrBefore, type Bound, type Expectation, type Tolerance } from '../../src/domain/claims.js';
import { parseExpectation } from '../../src/config/expect.js';

const num = (value: number, written: 'plain' | 'percent' | 'multiple' = 'plain'): Bound => ({ kind: 'number', value, written });
const date = (value: string): Bound => ({ kind: 'date', value });
const cmp = (op: '>' | '>=' | '<' | '<=' | '=', x: Bound): Expectation => ({ op, x, text: `${op} ${x.value}` });
const approx = (x: Bound, tolerance: Tolerance): Expectation => ({ op: '≈', x, tolerance, text: '≈' });
const between = (low: Bound, high: Bound): Expectation => ({ op: 'between', low, high, text: 'between' });

describe('FIGURES and FIGURE_UNITS', () => {
  it('gives every figure a unit, and no more', () => {
    expect(Object.keys(FIGURE_UNITS).sort()).toEqual([...FIGURES].sort());
  });

  it.each([
    ['return', 'fraction'],
    ['period-return', 'fraction'],
    ['forward-pe', 'multiple'],
    ['trailing-pe', 'multiple'],
    ['discount', 'fraction'],
    ['return-spread', 'fraction'],
    ['excess-return', 'fraction'],
    ['market-value-change', 'money'],
    ['volatility', 'fraction'],
    ['max-drawdown', 'fraction'],
    ['highest-since', 'date'],
    ['window-high-date', 'date'],
  ] as const)('%s is measured as a %s', (figure, unit) => {
    expect(FIGURE_UNITS[figure]).toBe(unit);
  });
});

describe('holds: comparisons', () => {
  it.each([
    ['>', 0.4, 0.4, false],
    ['>', 0.4, 0.40000000000000002, false], // the same double
    ['>', 0.4, 0.4000000000000001, true],
    ['>', 0.4, 0.41, true],
    ['>=', 0.4, 0.4, true],
    ['>=', 0.4, 0.39999999999999997, false],
    ['<', 0.4, 0.4, false],
    ['<', 0.4, 0.39, true],
    ['<=', 0.4, 0.4, true],
    ['<=', 0.4, 0.41, false],
    ['=', 0.4, 0.4, true],
    ['=', 0.4, 0.4000000000000001, false],
    ['>', -0.1, -0.05, true],
    ['<', 18, 17.9, true],
    ['>', 439e9, 440e9, true],
  ] as const)('%s %d against %d → %s', (op, x, value, result) => {
    expect(holds(cmp(op, num(x)), value)).toBe(result);
  });

  it.each([
    ['<=', '2021-12-31', '2021-12-31', true],
    ['<=', '2021-12-31', '2022-01-01', false],
    ['<', '2021-12-31', '2021-12-31', false],
    ['<', '2021-12-31', '2021-12-30', true],
    ['>', '2021-02-28', '2021-03-01', true],
    ['>=', '2024-02-29', '2024-02-29', true],
    ['=', '2025-03-06', '2025-03-06', true],
    ['=', '2025-03-06', '2025-03-07', false],
  ] as const)('%s %s against %s → %s (calendar dates)', (op, x, value, result) => {
    expect(holds(cmp(op, date(x)), value)).toBe(result);
  });
});

describe('holds: ≈ x ± t', () => {
  it('absolute: |v − x| ≤ t, the ends included', () => {
    const e = approx(num(0.1), { kind: 'absolute', value: 0.02 });
    expect(holds(e, 0.12)).toBe(true);
    expect(holds(e, 0.08)).toBe(true);
    expect(holds(e, 0.1)).toBe(true);
    expect(holds(e, 0.12000001)).toBe(false);
    expect(holds(e, 0.07999999)).toBe(false);
  });

  it('reads the bounds as written in decimal: ≈ 0.3 ± 0.1 holds for 0.4 and 0.2 although 0.4 − 0.3 > 0.1 in binary', () => {
    expect(0.4 - 0.3 > 0.1).toBe(true);
    const e = approx(num(0.3), { kind: 'absolute', value: 0.1 });
    expect(holds(e, 0.4)).toBe(true);
    expect(holds(e, 0.2)).toBe(true);
    expect(holds(e, 0.4000001)).toBe(false);
  });

  it('relative: |v − x| ≤ t·|x|, also for a negative target; ≈ 0 ± 10% only for 0', () => {
    const e = approx(num(20, 'multiple'), { kind: 'relative', value: 0.1 });
    expect(holds(e, 22)).toBe(true);
    expect(holds(e, 18)).toBe(true);
    expect(holds(e, 22.0001)).toBe(false);
    const negative = approx(num(-0.2), { kind: 'relative', value: 0.5 });
    expect(holds(negative, -0.3)).toBe(true);
    expect(holds(negative, -0.1)).toBe(true);
    expect(holds(negative, 0)).toBe(false);
    const zero = approx(num(0), { kind: 'relative', value: 0.1 });
    expect(holds(zero, 0)).toBe(true);
    expect(holds(zero, 1e-300)).toBe(false);
  });

  it('days: the calendar days between the dates, either way, the ends included', () => {
    const e = approx(date('2021-02-17'), { kind: 'days', value: 3 });
    expect(holds(e, '2021-02-20')).toBe(true);
    expect(holds(e, '2021-02-14')).toBe(true);
    expect(holds(e, '2021-02-21')).toBe(false);
    expect(holds(e, '2021-02-13')).toBe(false);
    // across a month end and a leap day
    expect(holds(approx(date('2024-02-28'), { kind: 'days', value: 2 }), '2024-03-01')).toBe(true);
    expect(holds(approx(date('2023-02-28'), { kind: 'days', value: 1 }), '2023-03-01')).toBe(true);
    expect(holds(approx(date('2025-03-06'), { kind: 'days', value: 0 }), '2025-03-06')).toBe(true);
  });
});

describe('holds: between', () => {
  it('is inclusive at both ends', () => {
    const e = between(num(0.3), num(0.5));
    expect(holds(e, 0.3)).toBe(true);
    expect(holds(e, 0.5)).toBe(true);
    expect(holds(e, 0.4)).toBe(true);
    expect(holds(e, 0.29999999999999999 - 1e-12)).toBe(false);
    expect(holds(e, 0.5000000001)).toBe(false);
    expect(holds(between(num(1), num(1)), 1)).toBe(true);
  });

  it('compares dates as calendar dates', () => {
    const e = between(date('2021-01-01'), date('2021-12-31'));
    expect(holds(e, '2021-01-01')).toBe(true);
    expect(holds(e, '2021-12-31')).toBe(true);
    expect(holds(e, '2020-12-31')).toBe(false);
    expect(holds(e, '2022-01-01')).toBe(false);
  });
});

describe('holds: a value of the wrong kind is a programming error', () => {
  it.each<[string, Expectation, number | string]>([
    ['a number against a date bound', cmp('<=', date('2021-12-31')), 0.4],
    ['a date against a number bound', cmp('>', num(0.4)), '2021-12-31'],
    ['a date against ≈ a number', approx(num(0.1), { kind: 'absolute', value: 0.02 }), '2021-12-31'],
    ['a number against ≈ a date', approx(date('2021-02-17'), { kind: 'days', value: 3 }), 3],
    ['a date bound with a relative tolerance', approx(date('2021-02-17'), { kind: 'relative', value: 0.1 }), '2021-02-17'],
    ['a number bound with a tolerance in days', approx(num(1), { kind: 'days', value: 1 }), 1],
    ['a number against between dates', between(date('2021-01-01'), date('2021-12-31')), 1],
    ['NaN', cmp('>', num(0.4)), Number.NaN],
    ['a date that is not a calendar date', cmp('<', date('2021-12-31')), '2021-02-30'],
  ])('%s throws RangeError', (_, e, value) => {
    expect(() => holds(e, value)).toThrow(RangeError);
  });
});

describe('holds: invariants', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });

  it('> and <= are complements, as are < and >=; = is >= and <=', () => {
    fc.assert(
      fc.property(finite, finite, (x, v) => {
        expect(holds(cmp('>', num(x)), v)).toBe(!holds(cmp('<=', num(x)), v));
        expect(holds(cmp('<', num(x)), v)).toBe(!holds(cmp('>=', num(x)), v));
        expect(holds(cmp('=', num(x)), v)).toBe(holds(cmp('>=', num(x)), v) && holds(cmp('<=', num(x)), v));
      }),
    );
  });

  it('between a and b is >= a and <= b', () => {
    fc.assert(
      fc.property(finite, finite, finite, (a, b, v) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(holds(between(num(low), num(high)), v)).toBe(holds(cmp('>=', num(low)), v) && holds(cmp('<=', num(high)), v));
      }),
    );
  });

  it('≈ x ± t holds at x, and for any t ≥ |v − x|', () => {
    fc.assert(
      fc.property(finite, finite, (x, v) => {
        expect(holds(approx(num(x), { kind: 'absolute', value: 0 }), x)).toBe(true);
        expect(holds(approx(num(x), { kind: 'absolute', value: Math.abs(v - x) }), v)).toBe(true);
      }),
    );
  });
});

describe('holdsOnOrBefore: a date known only to lie on or before a day', () => {
  const e = (text: string) => {
    const r = parseExpectation(text, 'date');
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  it.each([
    ['<= 2021-12-31', true], // every date on or before 2021-12-31 is
    ['< 2021-12-31', null], // 2021-12-31 itself is not, earlier ones are
    ['< 2022-01-01', true],
    ['<= 2021-06-30', null],
    ['> 2021-12-30', null],
    ['>= 2022-01-01', false], // no date on or before 2021-12-31 is
    ['> 2021-12-31', false],
    ['= 2022-01-05', false],
    ['= 2021-12-01', null],
    ['≈ 2022-01-10 ± 5d', false], // the range starts 2022-01-05
    ['≈ 2022-01-10 ± 10d', null],
    ['between 2022-01-01 and 2022-12-31', false],
    ['between 2021-09-01 and 2021-12-31', null],
  ])('%s for a date on or before 2021-12-31: %s', (text, expected) => {
    expect(holdsOnOrBefore(e(text), '2021-12-31')).toBe(expected);
  });
});

