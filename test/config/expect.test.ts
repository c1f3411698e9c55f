import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPECT_PATTERN, parseExpectation } from '../../src/config/expect.js';
import type { Expectation, FigureUnit } from '../../src/domain/claims.js';

function read(text: string, unit: FigureUnit): Expectation {
  const result = parseExpectation(text, unit);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to read, got: ${result.message}`);
  return result.value;
}

function refusal(text: string, unit: FigureUnit): string {
  const result = parseExpectation(text, unit);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused, got ${JSON.stringify(result.value)}`);
  expect(result.message).not.toMatch(/[\r\n]/);
  return result.message;
}

describe('parseExpectation: comparisons', () => {
  it.each([
    ['> 0.40', '>', 0.4],
    ['>0.40', '>', 0.4],
    ['  >=   0.4  ', '>=', 0.4],
    ['≥ 0.4', '>=', 0.4],
    ['< -0.1', '<', -0.1],
    ['<= +0.25', '<=', 0.25],
    ['≤ .5', '<=', 0.5],
    ['= 0', '=', 0],
    ['> 1.5E+3', '>', 1500],
    ['> 1e-3', '>', 0.001],
    ['> 5.', '>', 5],
  ] as const)('%j (fraction)', (text, op, value) => {
    expect(read(text, 'fraction')).toEqual({ op, x: { kind: 'number', value, written: 'plain' }, text: text.trim() });
  });

  it('reads a percentage by division, so 40% is exactly 0.4', () => {
    expect(read('> 40%', 'fraction')).toEqual({ op: '>', x: { kind: 'number', value: 0.4, written: 'percent' }, text: '> 40%' });
    expect(read('> 40 %', 'fraction')).toMatchObject({ x: { value: 0.4, written: 'percent' } });
    expect(read('>= 7%', 'fraction')).toMatchObject({ x: { value: 0.07 } });
    expect(read('< -12.5%', 'fraction')).toMatchObject({ x: { value: -0.125 } });
    expect(read('> 1e1%', 'fraction')).toMatchObject({ x: { value: 0.1 } });
  });

  it('reads a P/E multiple as plain or with x', () => {
    expect(read('< 18x', 'multiple')).toEqual({ op: '<', x: { kind: 'number', value: 18, written: 'multiple' }, text: '< 18x' });
    expect(read('< 18 X', 'multiple')).toMatchObject({ x: { value: 18, written: 'multiple' } });
    expect(read('>= 15.5', 'multiple')).toMatchObject({ x: { value: 15.5, written: 'plain' } });
  });

  it('reads money as a plain number', () => {
    expect(read('> 439e9', 'money')).toEqual({ op: '>', x: { kind: 'number', value: 439e9, written: 'plain' }, text: '> 439e9' });
    expect(read('< -1.2e12', 'money')).toMatchObject({ x: { value: -1.2e12 } });
  });

  it('reads a date as an ISO calendar date', () => {
    expect(read('<= 2021-12-31', 'date')).toEqual({ op: '<=', x: { kind: 'date', value: '2021-12-31' }, text: '<= 2021-12-31' });
    expect(read('=2024-02-29', 'date')).toMatchObject({ op: '=', x: { value: '2024-02-29' } });
  });
});

describe('parseExpectation: ≈ x ± t', () => {
  it.each([
    ['≈ 0.10 ± 0.02', 0.1, { kind: 'absolute', value: 0.02 }],
    ['≈0.1±0.02', 0.1, { kind: 'absolute', value: 0.02 }],
    ['~ 0.10 +/- 0.02', 0.1, { kind: 'absolute', value: 0.02 }],
    ['~0.10+-0.02', 0.1, { kind: 'absolute', value: 0.02 }],
    ['≈ 10% ± 2%', 0.1, { kind: 'relative', value: 0.02 }],
    ['≈ 0.10 ± 10%', 0.1, { kind: 'relative', value: 0.1 }],
    ['≈ -0.2 ± 0.05', -0.2, { kind: 'absolute', value: 0.05 }],
    ['≈ 1e-1 ± 2e-2', 0.1, { kind: 'absolute', value: 0.02 }],
  ] as const)('%j (fraction)', (text, x, tolerance) => {
    expect(read(text, 'fraction')).toMatchObject({ op: '≈', x: { kind: 'number', value: x }, tolerance, text });
  });

  it('takes an x or plain tolerance as absolute for a multiple, a % one as relative', () => {
    expect(read('≈ 20x ± 2x', 'multiple')).toMatchObject({ x: { value: 20, written: 'multiple' }, tolerance: { kind: 'absolute', value: 2 } });
    expect(read('≈ 20 ± 2', 'multiple')).toMatchObject({ tolerance: { kind: 'absolute', value: 2 } });
    expect(read('≈ 20x ± 10%', 'multiple')).toMatchObject({ tolerance: { kind: 'relative', value: 0.1 } });
  });

  it('takes money with an absolute or a relative tolerance', () => {
    expect(read('≈ 1.2e12 ± 5%', 'money')).toMatchObject({ x: { value: 1.2e12 }, tolerance: { kind: 'relative', value: 0.05 } });
    expect(read('≈ 1.2e12 ± 1e10', 'money')).toMatchObject({ tolerance: { kind: 'absolute', value: 1e10 } });
  });

  it('takes a date with a tolerance in days', () => {
    expect(read('≈ 2021-02-17 ± 3d', 'date')).toEqual({
      op: '≈',
      x: { kind: 'date', value: '2021-02-17' },
      tolerance: { kind: 'days', value: 3 },
      text: '≈ 2021-02-17 ± 3d',
    });
    expect(read('~2021-02-17+/-0 d', 'date')).toMatchObject({ tolerance: { kind: 'days', value: 0 } });
  });
});

describe('parseExpectation: between', () => {
  it.each([
    ['between 0.3 and 0.5', 'fraction', 0.3, 0.5],
    ['between 30% and 50%', 'fraction', 0.3, 0.5],
    ['Between   -0.1   and 0.1', 'fraction', -0.1, 0.1],
    ['between 15x and 20x', 'multiple', 15, 20],
    ['between 4e11 and 5e11', 'money', 4e11, 5e11],
    ['between 0.4 and 0.4', 'fraction', 0.4, 0.4],
  ] as const)('%j (%s)', (text, unit, low, high) => {
    expect(read(text, unit)).toMatchObject({ op: 'between', low: { kind: 'number', value: low }, high: { kind: 'number', value: high }, text });
  });

  it('takes dates', () => {
    expect(read('between 2021-01-01 and 2021-12-31', 'date')).toEqual({
      op: 'between',
      low: { kind: 'date', value: '2021-01-01' },
      high: { kind: 'date', value: '2021-12-31' },
      text: 'between 2021-01-01 and 2021-12-31',
    });
  });
});

describe('parseExpectation: refusals say what is accepted, in one line', () => {
  it.each<[string, FigureUnit, string]>([
    ['> abc', 'fraction', 'cannot read "> abc": expected a number such as 0.40, 40% or -0.1'],
    ['> 18x', 'fraction', '"18x" is a P/E multiple; this figure is a fraction (write 0.18 or 18%)'],
    ['> 15%', 'multiple', '"15%" is a percentage; this figure is a P/E multiple (write 15 or 15x)'],
    ['> 5%', 'money', '"5%" is a percentage; this figure is an amount of money (write a plain number such as 439e9)'],
    ['> 5x', 'money', '"5x" is a P/E multiple; this figure is an amount of money'],
    ['<= 2021-12-31', 'fraction', '"2021-12-31" is a date; this figure is a fraction'],
    ['<= 0.4', 'date', '"0.4" is a number; this figure is a date (write YYYY-MM-DD such as 2021-12-31)'],
    ['<= 40%', 'date', '"40%" is a number; this figure is a date'],
    ['<= 2021-02-30', 'date', '"2021-02-30" is not a calendar date'],
    ['<= 2021-2-3', 'date', 'cannot read "<= 2021-2-3": expected a date written YYYY-MM-DD'],
    ['<= 2021/12/31', 'date', 'cannot read'],
    ['', 'fraction', 'an empty test: write one such as "> 0.40"'],
    ['   ', 'date', 'an empty test'],
    ['0.40', 'fraction', '"0.40" has no comparison: write one such as "> 0.40"'],
    ['2021-12-31', 'date', '"2021-12-31" has no comparison'],
    ['more than 0.4', 'fraction', 'cannot read "more than 0.4": write a test such as'],
    ['=> 0.4', 'fraction', 'cannot read "=> 0.4"'],
    ['== 0.4', 'fraction', 'cannot read "== 0.4"'],
    ['> 0.4 0.5', 'fraction', 'cannot read'],
    ['> 1e999', 'fraction', '"1e999" is too large a number'],
    ['> 0x10', 'fraction', 'cannot read'],
    ['> NaN', 'fraction', 'cannot read'],
    ['> Infinity', 'money', 'cannot read'],
    ['≈ 0.1', 'fraction', '"≈ 0.1": ≈ needs a tolerance, such as "≈ 0.10 ± 0.02"'],
    ['~ 2021-02-17', 'date', 'needs a tolerance, such as "≈ 2021-02-17 ± 3d"'],
    ['≈ 0.1 ± -0.02', 'fraction', 'the tolerance "-0.02" is negative'],
    ['≈ 0.1 ± 2x', 'fraction', '"2x" is a P/E multiple; this figure is a fraction'],
    ['≈ 0.1 ± 3d', 'fraction', '"3d" is a number of days; this figure is a fraction'],
    ['≈ 0.1 ± abc', 'fraction', 'cannot read the tolerance in "≈ 0.1 ± abc": expected 0.02 or 5%'],
    ['≈ 2021-02-17 ± 3', 'date', 'the tolerance of a date is a number of days, such as "≈ 2021-02-17 ± 3d" (got "3")'],
    ['≈ 2021-02-17 ± 1.5d', 'date', 'the tolerance of a date is a number of days'],
    ['≈ 2021-02-17 ± 10%', 'date', 'the tolerance of a date is a number of days'],
    ['between 0.5 and 0.3', 'fraction', '"between 0.5 and 0.3": write the lower end first'],
    ['between 2021-12-31 and 2021-01-01', 'date', 'write the lower end first'],
    ['between 0.3', 'fraction', 'cannot read'],
    ['between 0.3 and', 'fraction', 'cannot read "between 0.3 and"'],
    ['between 15x and 20%', 'multiple', '"20%" is a percentage'],
    ['> 0.4\n< 0.5', 'fraction', 'cannot read "> 0.4\\n< 0.5"'],
  ])('%j (%s)', (text, unit, message) => {
    expect(refusal(text, unit)).toContain(message);
  });
});

describe('parseExpectation: properties', () => {
  const units = fc.constantFrom<FigureUnit>('fraction', 'multiple', 'money', 'date');
  const piece = fc.constantFrom('>', '>=', '≥', '<', '≤', '=', '≈', '~', '±', '+/-', 'between', 'and', ' ', '0.4', '-1', '40%', '18x', '3d', '2021-12-31', '2021-02-30', '1e9', 'e', '.', '%', 'x', 'abc', '\n');
  const text = fc.oneof(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));

  it('either reads the text or refuses it in one line; never throws', () => {
    fc.assert(
      fc.property(text, units, (written, unit) => {
        const result = parseExpectation(written, unit);
        if (result.ok) expect(result.value.text).toBe(written.trim());
        else expect(result.message).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('the JSON Schema\'s pattern accepts every test parseExpectation reads', () => {
    const pattern = new RegExp(EXPECT_PATTERN, 'u');
    fc.assert(
      fc.property(text, units, (written, unit) => {
        if (parseExpectation(written, unit).ok) expect(pattern.test(written)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const written of ['> 0.40', '≥40%', '≈ 20x ± 2x', '~ 2021-02-17 +/- 3d', 'Between 1 and 2', '<= 2021-12-31']) expect(pattern.test(written)).toBe(true);
    for (const written of ['0.40', '> abc', '≈ 0.1', 'between 1', '> 0.4 0.5']) expect(pattern.test(written)).toBe(false);
  });

  it('reads x% as x / 100 and a plain x as itself, whatever its spelling', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => x + 0), (x) => {
        const written = String(x);
        expect(read(`> ${written}`, 'fraction')).toMatchObject({ x: { value: x } });
        expect(read(`> ${written}%`, 'fraction')).toMatchObject({ x: { value: x / 100 } });
      }),
    );
  });
});
