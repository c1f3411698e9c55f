/**
 * A claim's `expect` text read into an Expectation (pure). The grammar:
 *
 *   test      = op bound | ("≈" | "~") bound ("±" | "+/-" | "+-") tolerance | "between" bound "and" bound
 *   op        = ">" | ">=" | "≥" | "<" | "<=" | "≤" | "="
 *   bound     = number [ "%" | "x" ] | YYYY-MM-DD
 *   number    = [+-] digits [ "." digits ] [ ("e" | "E") [+-] digits ]
 *   tolerance = number [ "%" | "x" ] | digits "d"
 *
 * with whitespace anywhere between the parts. `40%` is 40 / 100 (so exactly
 * 0.4), `18x` a P/E multiple (18). Which forms a figure takes follows its
 * unit: a fraction plain or `%`, a multiple plain or `x`, money plain only,
 * a date `YYYY-MM-DD` only; a `%` tolerance is relative to the target, a plain
 * or `x` one absolute, a date's is in days (`3d`).
 */
import { daysBetween, isIsoDate } from '../domain/calendar.js';
import type { Bound, Expectation, FigureUnit, Tolerance } from '../domain/claims.js';

/**
 * The grammar above as one ECMAScript pattern, for the JSON Schema (editors):
 * it accepts every test parseExpectation reads, whatever the figure, and
 * leaves the figure's unit, calendar dates and `low ≤ high` to it.
 */
export const EXPECT_PATTERN = (() => {
  const number = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
  const bound = String.raw`(?:${number}\s*[%xX]?|\d{4}-\d{2}-\d{2})`;
  const tolerance = String.raw`(?:${number}\s*[%xX]?|\d+\s*[dD])`;
  const comparison = String.raw`(?:>=|<=|[<>=≥≤])\s*${bound}`;
  const approx = String.raw`[≈~]\s*${bound}\s*(?:±|\+/-|\+-)\s*${tolerance}`;
  const between = String.raw`[Bb]etween\s*${bound}\s*and\s*${bound}`;
  return String.raw`^\s*(?:${comparison}|${approx}|${between})\s*$`;
})();

export type ExpectationResult = { ok: true; value: Expectation } | { ok: false; message: string };

/** A number and what follows it: `%`, `x` (or `X`), or nothing. */
const NUMBER = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(%|[xX])?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS = /^(\d+)\s*[dD]$/;

const COMPARISON = /^(>=|≥|<=|≤|>|<|=)\s*(.*)$/s;
const APPROX = /^(?:≈|~)\s*(.*?)\s*(?:±|\+\/-|\+-)\s*(.*)$/s;
const BETWEEN = /^[Bb]etween\s*(.*?)\s*and\s*(.*)$/s;

const OPS: Readonly<Record<string, '>' | '>=' | '<' | '<=' | '='>> = { '>': '>', '>=': '>=', '≥': '>=', '<': '<', '<=': '<=', '≤': '<=', '=': '=' };

/** How each unit is named in a message, and the values it takes. */
const UNIT_NAMES: Readonly<Record<FigureUnit, string>> = {
  fraction: 'a fraction',
  multiple: 'a P/E multiple',
  money: 'an amount of money',
  date: 'a date',
};
const UNIT_EXAMPLES: Readonly<Record<FigureUnit, string>> = {
  fraction: 'a number such as 0.40, 40% or -0.1',
  multiple: 'a number such as 18 or 18x',
  money: 'a plain number such as 439e9',
  date: 'a date written YYYY-MM-DD such as 2021-12-31',
};

/** The forms a test takes, for messages. */
const TEST_EXAMPLES: Readonly<Record<FigureUnit, string>> = {
  fraction: '"> 0.40", ">= 40%", "≈ 0.10 ± 0.02" or "between 0.3 and 0.5"',
  multiple: '"< 18x", ">= 15", "≈ 20x ± 2x" or "between 15x and 20x"',
  money: '"> 439e9", "≈ 1.2e12 ± 5%" or "between 4e11 and 5e11"',
  date: '"<= 2021-12-31", "= 2025-03-06", "≈ 2021-02-17 ± 3d" or "between 2021-01-01 and 2021-12-31"',
};

type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** `what` ("18x") written in `suffix`'s form, refused for a figure of `unit`: say what to write instead. */
function wrongForm(what: string, digits: string, suffix: '%' | 'x', unit: FigureUnit): string {
  const is = suffix === 'x' ? 'is a P/E multiple' : 'is a percentage';
  const instead =
    unit === 'fraction'
      ? `write ${Number(digits) / 100} or ${digits}%`
      : unit === 'multiple'
        ? `write ${digits} or ${digits}x`
        : unit === 'money'
          ? 'write a plain number such as 439e9'
          : 'write YYYY-MM-DD such as 2021-12-31';
  return `${JSON.stringify(what)} ${is}; this figure is ${UNIT_NAMES[unit]} (${instead})`;
}

/** One bound (`0.40`, `40%`, `18x`, `2021-12-31`) for a figure of `unit`; `whole` is the test as written, for messages. */
function readBound(part: string, unit: FigureUnit, whole: string): Read<Bound> {
  if (DATE.test(part)) {
    if (unit !== 'date') return fail(`${JSON.stringify(part)} is a date; this figure is ${UNIT_NAMES[unit]} (write ${UNIT_EXAMPLES[unit]})`);
    if (!isIsoDate(part)) return fail(`${JSON.stringify(part)} is not a calendar date`);
    return { ok: true, value: { kind: 'date', value: part } };
  }
  const m = NUMBER.exec(part);
  if (!m) return fail(`cannot read ${JSON.stringify(whole)}: expected ${UNIT_EXAMPLES[unit]}`);
  const digits = m[1] as string;
  const suffix = m[2] === undefined ? null : m[2] === '%' ? '%' : 'x';
  if (unit === 'date') return fail(`${JSON.stringify(part)} is a number; this figure is a date (write YYYY-MM-DD such as 2021-12-31)`);
  if (suffix === 'x' && unit !== 'multiple') return fail(wrongForm(part, digits, 'x', unit));
  if (suffix === '%' && unit !== 'fraction') return fail(wrongForm(part, digits, '%', unit));
  const value = suffix === '%' ? Number(digits) / 100 : Number(digits);
  if (!Number.isFinite(value)) return fail(`${JSON.stringify(part)} is too large a number`);
  return { ok: true, value: { kind: 'number', value, written: suffix === '%' ? 'percent' : suffix === 'x' ? 'multiple' : 'plain' } };
}

/** The tolerance after `±`: days for a date (`3d`); else relative (`5%`) or absolute (`0.02`, `2x` for a multiple). */
function readTolerance(part: string, unit: FigureUnit, whole: string): Read<Tolerance> {
  if (unit === 'date') {
    const days = DAYS.exec(part);
    if (!days) return fail(`the tolerance of a date is a number of days, such as "≈ 2021-02-17 ± 3d" (got ${JSON.stringify(part)})`);
    return { ok: true, value: { kind: 'days', value: Number(days[1]) } };
  }
  if (DAYS.test(part)) return fail(`${JSON.stringify(part)} is a number of days; this figure is ${UNIT_NAMES[unit]} (a tolerance such as ± 0.02 or ± 5%)`);
  const m = NUMBER.exec(part);
  if (!m) return fail(`cannot read the tolerance in ${JSON.stringify(whole)}: expected ${unit === 'multiple' ? '2, 2x or 5%' : unit === 'money' ? '1e9 or 5%' : '0.02 or 5%'}`);
  const digits = m[1] as string;
  if (m[2] !== undefined && m[2] !== '%' && unit !== 'multiple') return fail(wrongForm(part, digits, 'x', unit));
  const relative = m[2] === '%';
  const value = relative ? Number(digits) / 100 : Number(digits);
  if (!Number.isFinite(value)) return fail(`${JSON.stringify(part)} is too large a number`);
  if (value < 0) return fail(`the tolerance ${JSON.stringify(part)} is negative; write it without a sign`);
  return { ok: true, value: { kind: relative ? 'relative' : 'absolute', value } };
}

/** low ≤ high, on numbers or calendar dates. */
function inOrder(low: Bound, high: Bound): boolean {
  if (low.kind === 'date' && high.kind === 'date') return daysBetween(low.value, high.value) >= 0;
  return low.kind === 'number' && high.kind === 'number' && low.value <= high.value;
}

/**
 * Read `text` (a claim's `expect`) as a test on a figure of `unit`, or say in
 * one line what is wrong and what is accepted. `text` is trimmed and kept as
 * the Expectation's `text`.
 */
export function parseExpectation(text: string, unit: FigureUnit): ExpectationResult {
  const whole = text.trim();
  if (whole === '') return fail(`an empty test: write one such as ${TEST_EXAMPLES[unit]}`);

  const between = BETWEEN.exec(whole);
  if (between) {
    const low = readBound(between[1] as string, unit, whole);
    if (!low.ok) return low;
    const high = readBound(between[2] as string, unit, whole);
    if (!high.ok) return high;
    if (!inOrder(low.value, high.value)) return fail(`${JSON.stringify(whole)}: write the lower end first`);
    return { ok: true, value: { op: 'between', low: low.value, high: high.value, text: whole } };
  }

  const approx = APPROX.exec(whole);
  if (approx) {
    const x = readBound(approx[1] as string, unit, whole);
    if (!x.ok) return x;
    const tolerance = readTolerance(approx[2] as string, unit, whole);
    if (!tolerance.ok) return tolerance;
    return { ok: true, value: { op: '≈', x: x.value, tolerance: tolerance.value, text: whole } };
  }
  if (/^(?:≈|~)/.test(whole)) {
    const example = unit === 'date' ? '"≈ 2021-02-17 ± 3d"' : unit === 'multiple' ? '"≈ 20x ± 2x"' : '"≈ 0.10 ± 0.02"';
    return fail(`${JSON.stringify(whole)}: ≈ needs a tolerance, such as ${example}`);
  }

  const comparison = COMPARISON.exec(whole);
  if (comparison) {
    const op = OPS[comparison[1] as string] as '>' | '>=' | '<' | '<=' | '=';
    const x = readBound(comparison[2] as string, unit, whole);
    if (!x.ok) return x;
    return { ok: true, value: { op, x: x.value, text: whole } };
  }

  if (readBound(whole, unit, whole).ok) return fail(`${JSON.stringify(whole)} has no comparison: write one such as ${TEST_EXAMPLES[unit]}`);
  return fail(`cannot read ${JSON.stringify(whole)}: write a test such as ${TEST_EXAMPLES[unit]}`);
}
