import { describe, expect, it } from 'vitest';
import {
  civilToDays,
  dayOfInstant,
  daysBetween,
  daysToCivil,
  fromDayNumber,
  isIsoDate,
  isoDayAt,
  monthIndex,
  monthStartsAfter,
  shiftDays,
  shiftMonths,
  startOfYear,
  toDayNumber,
  toIsoDate,
} from '../../src/domain/calendar.js';

describe('calendar', () => {
  it.each([
    ['2025-03-07', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-3-7', false],
    ['07/03/2025', false],
    ['yesterday', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });

  it('shifts by calendar days across month, year and leap day', () => {
    expect(shiftDays('2025-01-01', -30)).toBe('2024-12-02');
    expect(shiftDays('2025-03-07', 1)).toBe('2025-03-08');
    expect(shiftDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDays('2025-03-29', 2)).toBe('2025-03-31'); // across a DST change in many zones
  });

  it('counts days and finds the start of the year', () => {
    expect(daysBetween('2024-12-31', '2025-03-07')).toBe(66);
    expect(startOfYear('2025-03-07')).toBe('2025-01-01');
  });

  it('formats an instant as the machine-local date', () => {
    expect(toIsoDate(new Date(2025, 2, 7, 23, 59))).toBe('2025-03-07');
  });

  it('throws on a non-date (a programmer error)', () => {
    expect(() => shiftDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    // 30 years of 365 days plus 7 leap days (1972 … 1996) = 10957; then 31 (January) + 29 (February 2000, a leap year)
    ['2000-03-01', 10957 + 31 + 29],
    ['1969-12-31', -1],
    // 2025-03-07: 55 years from 1970, 14 of them leap years (1972, 1976, …, 2020, 2024): 55 × 365 + 14 = 20089; then + 31 + 28 + 6
    ['2025-03-07', 55 * 365 + 14 + 31 + 28 + 6],
  ])('toDayNumber(%s) = %i', (date, day) => {
    expect(toDayNumber(date)).toBe(day);
    expect(fromDayNumber(day)).toBe(date);
  });

  it('round-trips every day of four centuries, leap days included', () => {
    const wrong: number[] = [];
    for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2300-12-31'); day += 1) if (toDayNumber(fromDayNumber(day)) !== day) wrong.push(day);
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
  ])('isIsoDate(%s) = %s', (date, ok) => {
    expect(isIsoDate(date)).toBe(ok);
  });
});

describe('civilToDays / daysToCivil', () => {
  const MS_PER_DAY = 86_400_000;

  it('agree with Date.UTC on every day from 1900-01-01 to 2100-12-31, and round-trip', () => {
    // One mismatch list rather than ~73 000 expect calls: a failure still names the first wrong days.
    const wrong: string[] = [];
    let count = 0;
    const last = Date.UTC(2100, 11, 31);
    for (let ms = Date.UTC(1900, 0, 1); ms <= last; ms += MS_PER_DAY) {
      const at = new Date(ms);
      const [y, m, day] = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()];
      const n = ms / MS_PER_DAY;
      const back = daysToCivil(n);
      if (civilToDays(y, m, day) !== n) wrong.push(`civilToDays(${y}, ${m}, ${day}) = ${civilToDays(y, m, day)}, Date.UTC says ${n}`);
      if (back[0] !== y || back[1] !== m || back[2] !== day) wrong.push(`daysToCivil(${n}) = ${back.join('-')}, Date.UTC says ${y}-${m}-${day}`);
      if (civilToDays(...back) !== n) wrong.push(`civilToDays(daysToCivil(${n})) = ${civilToDays(...back)}`);
      if (toDayNumber(fromDayNumber(n)) !== n) wrong.push(`toDayNumber(fromDayNumber(${n})) = ${toDayNumber(fromDayNumber(n))}`);
      count += 1;
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // 201 years of 365 days plus 49 leap days (1904 … 2096; 2000 is one, 1900 and 2100 are not)
    expect(count).toBe(201 * 365 + 49);
  });

  it.each([
    // Reference day numbers from Python's date.toordinal() − date(1970, 1, 1).toordinal().
    [1969, 12, 31, -1],
    [1960, 2, 29, -3594], // a leap day before 1970
    [1900, 1, 1, -25567],
    [1899, 12, 31, -25568], // before the exhaustive range
    [1600, 2, 29, -135081], // 1600 is a leap year (divisible by 400)
    [1582, 10, 15, -141427], // the first Gregorian day; earlier dates are proleptic
    [1, 1, 1, -719162],
    [1, 3, 1, -719103],
    // Year 0000 is a leap year in the proleptic Gregorian calendar: 0001-01-01 − 366 days.
    [0, 12, 31, -719163],
    [0, 3, 1, -719468], // the algorithm's own epoch (719 468 days before 1970)
    [0, 2, 29, -719469],
    [0, 1, 1, -719528],
    [9999, 12, 31, 2932896],
    [2100, 2, 28, 47540], // 2100 is no leap year: 1 March follows
    [2100, 12, 31, 47846],
  ])('%i-%i-%i is day %i, and back', (y, m, day, n) => {
    expect(civilToDays(y, m, day)).toBe(n);
    expect(daysToCivil(n)).toEqual([y, m, day]);
  });

  it('agree with Date (setUTCFullYear, which reads years 0–99 literally) at the year 0000 and 9999 edges', () => {
    const utcDay = (y: number, m: number, day: number) => {
      const at = new Date(0);
      at.setUTCFullYear(y, m - 1, day);
      return at.getTime() / MS_PER_DAY;
    };
    for (const [y, m, day] of [
      [0, 1, 1],
      [0, 2, 28],
      [0, 2, 29],
      [0, 3, 1],
      [0, 12, 31],
      [1, 1, 1],
      [99, 12, 31],
      [100, 3, 1],
      [9999, 1, 1],
      [9999, 12, 31],
    ] as const) {
      expect(civilToDays(y, m, day)).toBe(utcDay(y, m, day));
      expect(daysToCivil(utcDay(y, m, day))).toEqual([y, m, day]);
    }
  });

  it('toDayNumber and fromDayNumber at the edges of four-digit years', () => {
    expect(toDayNumber('0000-01-01')).toBe(-719528);
    expect(fromDayNumber(-719528)).toBe('0000-01-01');
    expect(toDayNumber('0000-02-29')).toBe(-719469);
    expect(fromDayNumber(-719469)).toBe('0000-02-29');
    expect(toDayNumber('9999-12-31')).toBe(2932896);
    expect(fromDayNumber(2932896)).toBe('9999-12-31');
    expect(fromDayNumber(toDayNumber('1899-12-31') + 1)).toBe('1900-01-01');
    expect(fromDayNumber(toDayNumber('1969-12-31') + 1)).toBe('1970-01-01');
  });
});

describe('isoDayAt', () => {
  it('reads a date inside a longer string at an offset', () => {
    expect(isoDayAt('2025-03-07', 0)).toBe(toDayNumber('2025-03-07'));
    expect(isoDayAt('2025-03-07,101.5,102.25', 0)).toBe(toDayNumber('2025-03-07'));
    expect(isoDayAt('AAPL,2025-03-07,101.5', 5)).toBe(toDayNumber('2025-03-07'));
    expect(isoDayAt('x\n2024-02-29\n', 2)).toBe(toDayNumber('2024-02-29')); // a leap day
    expect(isoDayAt('1969-12-31', 0)).toBe(-1);
    expect(isoDayAt('0000-01-01', 0)).toBe(-719528);
    expect(isoDayAt('9999-12-31', 0)).toBe(2932896);
  });

  it('reads only the ten characters at the offset', () => {
    expect(isoDayAt('2025-03-0712', 0)).toBe(toDayNumber('2025-03-07'));
    expect(isoDayAt('AAPL,2025-03-07', 4)).toBeNaN(); // one character early: ',2025-03-0'
    expect(isoDayAt('AAPL,2025-03-07', 6)).toBeNaN(); // one late: '025-03-07' and the end
  });

  it.each(['2025-02-29', '2025-13-01', '2025-1-07', 'abcd-ef-gh', '2025-00-10', '2025-01-00', '2025-04-31', '1900-02-29', '2025/03/07', '+025-03-07', ' 2025-03-0', '2025-03-'])(
    'is NaN for %j, alone or inside a line',
    (text) => {
      expect(isoDayAt(text, 0)).toBeNaN();
      expect(isoDayAt(`SYM,${text},1.5`, 4)).toBeNaN();
    },
  );

  it('agrees with isIsoDate and toDayNumber on ten-character strings', () => {
    for (const text of ['2025-03-07', '2024-02-29', '2025-02-29', '2025-13-01', 'abcd-ef-gh', '2025-1-07x', '0000-02-29', '9999-12-31']) {
      const day = isoDayAt(text, 0);
      expect(Number.isNaN(day)).toBe(!isIsoDate(text));
      if (!Number.isNaN(day)) expect(day).toBe(toDayNumber(text));
      else expect(() => toDayNumber(text)).toThrow(RangeError);
    }
  });
});

describe('month starts', () => {
  const days = (...dates: string[]) => dates.map(toDayNumber);

  it.each([
    ['from the last day of a year', '2024-12-31', '2025-03-07', ['2025-01-01', '2025-02-01', '2025-03-01']],
    ['not the month of `from`, even from its first day', '2025-01-01', '2025-02-01', ['2025-02-01']],
    ['across a leap February', '2024-01-15', '2024-04-01', ['2024-02-01', '2024-03-01', '2024-04-01']],
    ['none when the next month starts after `to`', '2025-03-02', '2025-03-31', []],
  ])('monthStartsAfter: %s', (_, from, to, expected) => {
    expect(monthStartsAfter(toDayNumber(from), toDayNumber(to)).map(fromDayNumber)).toEqual(expected);
  });

  it('monthIndex counts months, so that months apart is a subtraction', () => {
    expect(monthIndex(toDayNumber('2025-03-07'))).toBe(2025 * 12 + 2);
    const [a, b] = days('2024-11-30', '2025-02-01').map(monthIndex);
    expect((b as number) - (a as number)).toBe(3);
    expect(monthIndex(toDayNumber('0000-01-01'))).toBe(0);
  });
});

describe('dayOfInstant', () => {
  it.each([
    ['1970-01-01T00:00:00Z', '1970-01-01'],
    ['2025-03-07T23:59:59.999Z', '2025-03-07'],
    ['2025-03-08T00:00:00Z', '2025-03-08'],
    ['1969-12-31T23:59:59.999Z', '1969-12-31'], // before 1970: floored, not truncated towards 0
    ['2024-02-29T12:00:00Z', '2024-02-29'],
  ])('the UTC day of %s is %s', (instant, date) => {
    expect(fromDayNumber(dayOfInstant(Date.parse(instant)))).toBe(date);
  });

  it("gives a zone's date once its offset is added: 23:00 UTC is the next day in Sydney (UTC+11)", () => {
    expect(fromDayNumber(dayOfInstant(Date.parse('2025-01-05T23:00:00Z') + 11 * 3_600_000))).toBe('2025-01-06');
  });
});

describe('shiftMonths', () => {
  it.each([
    ['2025-03-31', -1, '2025-02-28'], // clamped to February's last day
    ['2024-03-31', -1, '2024-02-29'], // a leap year's
    ['2024-02-29', -12, '2023-02-28'],
    ['2025-03-07', -60, '2020-03-07'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['0100-03-31', -1, '0100-02-28'], // 100 is not a leap year
    ['0004-02-29', -48, '0000-02-29'],
  ] as const)('%s %+d months is %s', (date, months, want) => {
    expect(shiftMonths(date, months)).toBe(want);
  });

  it('12 months is a year of the same date, whatever the machine’s zone', () => {
    for (const date of ['2025-03-30', '2025-10-26', '2025-01-01'] as const) expect(shiftMonths(date, -12)).toBe(`2024${date.slice(4)}`);
  });
});
