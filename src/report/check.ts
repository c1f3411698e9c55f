/**
 * A claim judged against the report built for it: basket's figure, the
 * verdict under the claim's expectation, and what the figure rests on (its
 * method, coverage and, with --explain, its inputs). Pure. A figure that
 * leaves a member out (no data, a figure dated after the as-of date under
 * --point-in-time strict) or rests on too few (P/E coverage below the
 * minimum) cannot check the claim: a basket with a member missing is
 * another basket.
 */
import { FIGURE_UNITS, holds, holdsOnOrBefore } from '../domain/claims.js';
import { shiftDays } from '../domain/calendar.js';
import type { Claim } from '../config/claims.js';
import type { IsoDate } from '../domain/types.js';
import type { ClaimInputs, ClaimResult, ClaimSettingsUsed, Verdict } from './check-types.js';
import { LEFT_OUT_AS_LATE } from './explain.js';
import type { PEInputs, ReturnInputs } from './inputs.js';
import type { BasketReport, Coverage, Report } from './types.js';

export interface ClaimCase {
  readonly claim: Claim;
  readonly settings: ClaimSettingsUsed;
  /** Built for this claim alone: its subject first, the basket it is measured against second. */
  readonly report: Report;
  readonly explain: boolean;
}

/** What a figure comes to before the verdict: its value, or why there is none. */
interface Reading {
  readonly value: number | IsoDate | null;
  readonly cannot: string | null;
  readonly method: string;
  readonly coverage: Coverage;
  readonly inputs: ClaimInputs;
  /** What the reader should know about a figure that does give a verdict. */
  readonly caveat?: string | null;
  /** A date figure known only to lie on or before this day (highest since before every day looked at). */
  readonly onOrBefore?: IsoDate | null;
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const list = (xs: readonly string[]) => (xs.length <= 4 ? xs.join('; ') : `${xs.slice(0, 4).join('; ')}; and ${xs.length - 4} more`);

/** The members left out of a return, each with its reason (the provider's words when it had no data at all). */
function missingMembers(x: ReturnInputs, r: Report): string | null {
  const out = x.members.filter((m) => !m.included);
  if (out.length === 0) return null;
  const why = (symbol: string, reason: string | null) => r.issues.find((i) => i.symbol === symbol && i.code === 'no-data')?.message ?? reason ?? 'no data';
  return `no data for ${list(out.map((m) => `${m.symbol} (${why(m.symbol, m.reason)})`))}`;
}

function returnMethod(b: BasketReport, x: ReturnInputs, r: Report): string {
  const basis = r.priceBasis === 'adjusted' ? 'total return' : 'price return';
  return `${x.weights}-weighted, ${x.rebalance === 'none' ? 'buy-and-hold' : `rebalanced ${x.rebalance}`}, ${basis}${r.currency ? ` in ${r.currency}` : ''}, ${b.membersWithData.included}/${b.membersWithData.total} members, ${r.from} to ${r.asOf}`;
}

/**
 * A basket P/E's cannot-check reason, or null: not meaningful, a member's P/E
 * dated after the as-of date left out under --point-in-time strict (the
 * figure is not the one of that day), or coverage below `minCoverage`.
 */
function peShortfall(x: PEInputs, minCoverage: number): string | null {
  if (x.status === 'not-meaningful') return `the ${x.method} ${x.basis} P/E is not meaningful (the members' earnings add up to ≤ 0)`;
  const late = x.members.filter((m) => m.reason?.endsWith(LEFT_OUT_AS_LATE) === true);
  if (late.length > 0) return `${x.basis} P/Es dated after the as-of date, left out under --point-in-time strict: ${list(late.map((m) => `${m.symbol} ${m.date ?? ''}`.trim()))}; the basket's ${x.basis} P/E of that day is not known`;
  const { included, total } = x.coverage;
  if (total > 0 && included / total >= minCoverage && x.value !== null) return null;
  const left = x.members.filter((m) => !m.used).map((m) => `${m.symbol}: ${m.reason}`);
  return `${x.basis} P/E coverage ${included}/${total} is below --min-coverage ${pct(minCoverage)} (${list(left)})`;
}

function peMethod(x: PEInputs): string {
  const dates = x.members.flatMap((m) => (m.used && m.date !== null ? [m.date] : [])).sort();
  const dated = dates.length > 0 ? `, P/Es dated ${dates[0]}${dates.at(-1) !== dates[0] ? `…${dates.at(-1)}` : ''}` : '';
  return `${x.method}, losses ${x.negativePE === 'exclude' ? 'excluded' : 'included'}, ${x.coverage.included}/${x.coverage.total}${dated}`;
}

/** P/Es in the figure dated after the as-of date (used and flagged under --point-in-time flag). */
function lateFigures(xs: readonly PEInputs[], asOf: IsoDate): string | null {
  const late = xs.flatMap((x) => x.members.filter((m) => m.used && m.date !== null && m.date > asOf).map((m) => `${m.symbol} ${m.date}`));
  return late.length > 0 ? `uses P/Es dated after the as-of date ${asOf}: ${list(late)}` : null;
}

function inputsOf(b: BasketReport): NonNullable<BasketReport['inputs']> {
  if (b.inputs === undefined) throw new RangeError(`the report of ${b.id} was built without its inputs`);
  return b.inputs;
}

function read(c: ClaimCase): Reading {
  const { claim, report: r, settings } = c;
  const [b, other] = r.baskets as [BasketReport, BasketReport | undefined];
  const x = inputsOf(b);
  const ret: ClaimInputs = { kind: 'return', return: x.return };
  const missing = missingMembers(x.return, r);
  const whole = { cannot: missing, coverage: b.membersWithData };
  switch (claim.figure) {
    case 'return':
    case 'period-return':
      return { value: b.return, ...whole, method: returnMethod(b, x.return, r), inputs: ret };
    case 'forward-pe':
    case 'trailing-pe': {
      const pe = claim.figure === 'forward-pe' ? x.forwardPE : x.trailingPE;
      return { value: pe.value, cannot: missing ?? peShortfall(pe, settings.minCoverage), coverage: pe.coverage, method: peMethod(pe), inputs: { kind: 'pe', pe }, caveat: lateFigures([pe], r.asOf) };
    }
    case 'discount': {
      const y = inputsOf(other as BasketReport);
      const shortOf = (basket: BasketReport, inputs: typeof x) => missingMembers(inputs.return, r) ?? peShortfall(inputs.forwardPE, settings.minCoverage);
      const short = [[b.id, shortOf(b, x)] as const, [(other as BasketReport).id, shortOf(other as BasketReport, y)] as const].flatMap(([id, why]) => (why === null ? [] : [`${id}: ${why}`]));
      return {
        value: r.comparison?.discount ?? null,
        cannot: short.length > 0 ? short.join('; ') : null,
        coverage: x.forwardPE.coverage,
        method: `1 − P/E ${b.id} / P/E ${(other as BasketReport).id}; ${b.id}: ${peMethod(x.forwardPE)}; ${(other as BasketReport).id}: ${peMethod(y.forwardPE)}`,
        inputs: { kind: 'discount', basket: x.forwardPE, against: y.forwardPE },
        caveat: lateFigures([x.forwardPE, y.forwardPE], r.asOf),
      };
    }
    case 'return-spread': {
      const o = other as BasketReport;
      const y = inputsOf(o);
      const otherMissing = missingMembers(y.return, r);
      return {
        value: r.comparison?.returnSpread ?? null,
        cannot: missing !== null ? `${b.id}: ${missing}` : otherMissing !== null ? `${o.id}: ${otherMissing}` : null,
        coverage: b.membersWithData,
        method: `return ${b.id} − return ${o.id}; ${b.id}: ${returnMethod(b, x.return, r)}; ${o.id}: ${o.membersWithData.included}/${o.membersWithData.total} members`,
        inputs: { kind: 'return-spread', basket: x.return, against: y.return },
      };
    }
    case 'excess-return': {
      const bm = b.benchmarkResult;
      const noBenchmark = bm === null ? `${b.id} has no benchmark` : bm.return === null ? `no data for its benchmark ${bm.symbol}` : null;
      return {
        value: bm?.excessReturn ?? null,
        cannot: missing ?? noBenchmark,
        coverage: b.membersWithData,
        method: `return − return of ${bm?.symbol ?? 'its benchmark'}; ${returnMethod(b, x.return, r)}`,
        inputs: { kind: 'excess-return', basket: x.return, benchmark: bm },
      };
    }
    case 'market-value-change': {
      const mv = x.marketValueChange;
      const left = mv.members.filter((m) => m.change === null).map((m) => `${m.symbol}: ${m.reason}`);
      const cannot = b.currency === null ? 'its members trade in different currencies: set `currency`' : left.length > 0 ? `market value unknown for ${list(left)} (a sum without them is not the basket's)` : null;
      return {
        value: b.marketValueChange,
        cannot: missing ?? cannot,
        coverage: b.marketValueCoverage,
        method: `Σ (end − start) market value, shares held constant${b.currency ? `, in ${b.currency}` : ''}, ${r.from} to ${r.asOf}`,
        inputs: { kind: 'market-value', marketValue: mv },
      };
    }
    case 'volatility':
    case 'max-drawdown':
    case 'highest-since':
    case 'window-high-date':
    {
      const risk = riskReading(c, b);
      return { ...risk, coverage: b.membersWithData, cannot: missing ?? risk.cannot, inputs: { kind: 'risk', risk: x.risk, return: x.return } };
    }
  }
}

/** The first day the highest-since level looked at: the look-back start (or the window's), or a later start of the subject's own history. */
function firstDayLookedAt(b: BasketReport, r: Report, looked: IsoDate): IsoDate {
  const starts = r.issues.flatMap((i) => (i.code === 'no-lookback' && i.symbol !== null && b.members.some((m) => m.symbol === i.symbol) ? [/^history starts (\d{4}-\d{2}-\d{2})/.exec(i.message)?.[1]] : []));
  return starts.reduce<IsoDate>((a, d) => (d !== undefined && d > a ? d : a), looked);
}

function riskReading(c: ClaimCase, b: BasketReport): { value: number | IsoDate | null; cannot: string | null; method: string; onOrBefore?: IsoDate } {
  const r = c.report;
  const risk = b.risk;
  if (risk === null) return { value: null, cannot: `no daily level for ${b.id}`, method: 'from the daily level' };
  const looked = r.lookbackStart ?? r.from;
  switch (c.claim.figure) {
    case 'volatility':
      return { value: risk.volatility, cannot: null, method: `annualised: sample standard deviation of daily returns × √252, ${r.from} to ${r.asOf}` };
    case 'max-drawdown':
      return { value: risk.maxDrawdown, cannot: null, method: `deepest fall from a running high, ${risk.drawdownPeak ?? '—'} → ${risk.drawdownTrough ?? '—'}` };
    case 'highest-since': {
      // a look-back level without some member is another basket's
      const gaps = r.issues.filter((i) => i.code === 'no-lookback' && i.basket === b.id && i.symbol !== null);
      const cannot = gaps.length > 0 ? `the look-back level is not the basket's: ${list(gaps.map((i) => `${i.symbol}: ${i.message}`))}` : null;
      if (risk.highestSince !== null) return { value: risk.highestSince, cannot, method: `the last day before ${r.asOf} with a higher level, looking back to ${looked}${r.lookback ? ` (${r.lookback})` : ''}` };
      // the last level is above every day looked at: highest since some day before the first of them
      const first = firstDayLookedAt(b, r, looked);
      return { value: null, cannot, method: `the last level (${r.asOf}) is above every day from ${first}: highest since some day before it`, onOrBefore: shiftDays(first, -1) };
    }
    default:
      return { value: risk.windowHighDate, cannot: null, method: `the highest level from ${r.from} to ${r.asOf}` };
  }
}

/** The claim's figure, verdict and what it rests on. */
export function judgeClaim(c: ClaimCase): ClaimResult {
  const { claim, settings } = c;
  const reading = read(c);
  const [b] = c.report.baskets as [BasketReport];
  let verdict: Verdict;
  let reason: string | null;
  const before = reading.cannot === null && reading.onOrBefore ? holdsOnOrBefore(claim.expect, reading.onOrBefore) : null;
  if (before !== null) {
    verdict = before ? 'holds' : 'does-not-hold';
    reason = `the date lies on or before ${reading.onOrBefore}: ${before ? 'any such date meets' : 'no such date meets'} ${claim.expect.text}`;
  } else if (reading.cannot !== null || reading.value === null) {
    verdict = 'cannot-check';
    reason = reading.cannot ?? (reading.onOrBefore ? `the date lies on or before ${reading.onOrBefore}, and whether it meets ${claim.expect.text} depends on how far back: give a longer lookback` : `no ${claim.figure} for ${b.id}`);
  } else {
    verdict = holds(claim.expect, reading.value) ? 'holds' : 'does-not-hold';
    reason = reading.caveat ?? null;
  }
  return {
    id: claim.id,
    says: claim.says,
    figure: claim.figure,
    subject: { kind: claim.subject.kind, id: b.id, name: b.name },
    against: claim.against,
    period: claim.period,
    settings,
    value: reading.value,
    unit: FIGURE_UNITS[claim.figure],
    currency: claim.figure === 'market-value-change' ? b.currency : null,
    expect: claim.expect.text,
    verdict,
    reason,
    method: reading.method,
    coverage: reading.coverage,
    source: claim.source,
    quote: claim.quote,
    inputs: c.explain ? reading.inputs : null,
  };
}
