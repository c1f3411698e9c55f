/**
 * The audit trail as text (`--explain`): each figure's inputs and the
 * arithmetic with the real numbers in it, from a report built with
 * `explain: true` (report/inputs.ts). Plain lines, indented by depth; the
 * table, Markdown and `check` renderers place them. Numbers carry enough
 * digits to redo each step by hand: closes and rates to 8 significant
 * digits, returns to 4 decimals of a percent.
 */
import type { BenchmarkReport, BasketReport, Report } from '../report/types.js';
import type { MarketValueInputs, PEInputs, ReturnInputs, RiskInputs } from '../report/inputs.js';
import { UNKNOWN } from './format.js';

/** 8 significant digits, trailing zeros trimmed: 82.68000030517578 → `82.68`. */
export const num = (x: number | null, digits = 8): string => (x === null ? UNKNOWN : String(Number(x.toPrecision(digits))));
/** A fraction as a signed percentage with 4 decimals: 0.689812 → `+68.9812%`. */
export const pct = (x: number | null): string => (x === null ? UNKNOWN : `${x >= 0 ? '+' : '-'}${Math.abs(x * 100).toFixed(4)}%`);
/** Money in billions with 3 decimals. */
const bn = (x: number | null): string => (x === null ? UNKNOWN : `${x >= 0 ? '+' : '-'}${(Math.abs(x) / 1e9).toFixed(3)} bn`);
const bnPlain = (x: number | null): string => (x === null ? UNKNOWN : `${(x / 1e9).toFixed(3)} bn`);

const indent = (depth: number, text: string) => `${'  '.repeat(depth)}${text}`;

/** `(1 + 68.9801%)`, `(1 − 0.1145%)`. */
const onePlus = (x: number | null) => (x === null ? `(1 + ${UNKNOWN})` : `(1 ${x < 0 ? '−' : '+'} ${pct(x).slice(1)})`);

/** `a − b` with b's sign folded in: `+42.6694% − 34.9682%`, `-10.3% + 3.9%`. */
export const differenceText = (a: number | null, b: number | null): string => (b === null ? `${pct(a)} − ${UNKNOWN}` : `${pct(a)} ${b < 0 ? '+' : '−'} ${pct(b).slice(1)}`);

/** Signed terms as a sum: `+9.8% + 3.8% − 1.2%` (unsigned after the first). */
function sumText(values: readonly (number | null)[], format: (x: number | null) => string): string {
  if (values.length === 0) return UNKNOWN;
  return values.map((v, k) => (k === 0 ? format(v) : `${v !== null && v < 0 ? '−' : '+'} ${format(v).replace(/^[+-]/, '')}`)).join(' ');
}

/** A basket's return: each member's closes, rates, return, weight and contribution, and their sum. */
export function returnLines(x: ReturnInputs, depth = 0): string[] {
  const method = `${x.weights === 'equal' ? 'equal-weighted' : `${x.weights}-weighted`}, ${x.rebalance === 'none' ? 'buy-and-hold' : `rebalanced ${x.rebalance}`}`;
  const out = [indent(depth, `return${x.currency ? ` in ${x.currency}` : ''} from ${x.from} to ${x.asOf}, ${method}: Σ contributions`)];
  const total = x.startValues?.reduce<number>((a, v) => a + (v ?? 0), 0) ?? null;
  if (x.startValues !== null) out.push(indent(depth + 1, `cap weights: each member's market value at the start / their sum ${bnPlain(total)} (market values below)`));
  x.members.forEach((m, i) => {
    if (!m.included) {
      out.push(indent(depth + 1, `${m.symbol}: left out (${m.reason ?? 'no data'})`));
      return;
    }
    out.push(indent(depth + 1, `${m.symbol}${m.currency ? ` (${m.currency})` : ''}: close ${num(m.startClose)} on ${m.startDate} → ${num(m.endClose)} on ${m.endDate}: ${num(m.endClose)} / ${num(m.startClose)} − 1 = ${pct(m.localReturn)}`));
    if (m.fx !== null) {
      out.push(
        indent(
          depth + 2,
          `${m.currency}→${x.currency} rate ${num(m.fx.start.rate)} (${m.fx.pair} on ${m.fx.start.date}) → ${num(m.fx.end.rate)} (on ${m.fx.end.date}): ${onePlus(m.localReturn)} × ${num(m.fx.end.rate)} / ${num(m.fx.start.rate)} − 1 = ${pct(m.return)}`,
        ),
      );
    }
    const capped = x.startValues !== null ? ` (= ${bnPlain(x.startValues[i] ?? null)} / ${bnPlain(total)})` : '';
    const contribution =
      x.rebalance === 'none'
        ? `weight ${num(m.weight, 6)}${capped} × ${pct(m.return)} = ${pct(m.contribution)}`
        : `weight ${num(m.weight, 6)}${capped} at each ${x.rebalance} reset; its part of the rebalanced path = ${pct(m.contribution)}`;
    out.push(indent(depth + 2, contribution));
  });
  if (x.resets !== null) {
    const names = x.members.map((m) => m.symbol);
    out.push(indent(depth + 1, `rebalanced ${x.rebalance}: at each reset the basket's value is split by the weights again, L(next) = L(reset) × Σ wᵢ × Pᵢ(next) / Pᵢ(reset); prices in ${x.currency ?? 'each member\'s currency'}`));
    for (const r of x.resets) {
      const prices = r.prices.flatMap((p, i) => (p === null ? [] : [`${names[i]} ${num(p)}`])).join(' · ');
      out.push(indent(depth + 2, `${r.date}: level ${num(r.level, 10)} · ${prices}`));
    }
  }
  out.push(indent(depth + 1, `return = ${sumText(x.members.filter((m) => m.included).map((m) => m.contribution), pct)} = ${pct(x.value)}`));
  return out;
}

const FORMULAS: Readonly<Record<PEInputs['method'], string>> = {
  harmonic: 'Σw / Σ(w / PE), the weighted harmonic mean',
  median: 'the median P/E (an even count: the mean of the middle two)',
  mean: 'Σ(w × PE) / Σw, the weighted arithmetic mean',
  aggregate: 'Σ MV / Σ(MV / PE), market values at the end of the window',
};

/** A basket's P/E: each member's with its date and provider (or why it is left out), and the formula with the numbers in it. */
export function peLines(x: PEInputs, depth = 0): string[] {
  const out = [indent(depth, `${x.basis} P/E, ${x.method} (${FORMULAS[x.method]}), losses ${x.negativePE === 'exclude' ? 'excluded' : 'included'}: ${x.coverage.included} of ${x.coverage.total} members`)];
  x.members.forEach((m, i) => {
    const source = [m.date, m.provider].filter((s) => s !== null).join(', ');
    const quoted =
      m.repriced !== null && m.quoted !== null
        ? ` = ${num(m.quoted)} quoted × ${num(m.repriced.atAsOf)} (close on the as-of date) / ${num(m.repriced.atQuote)} (price on its date), repriced`
        : m.quoted !== null
          ? ` (quoted ${num(m.quoted)})`
          : '';
    const weight = x.method === 'aggregate' ? `market value ${bnPlain(x.marketValues?.[i] ?? null)}` : `weight ${num(m.weight, 6)}`;
    out.push(indent(depth + 1, m.used ? `${m.symbol}: ${num(m.pe)}${quoted}${source ? ` (${source})` : ''}, ${weight}` : `${m.symbol}: left out: ${m.reason}`));
  });
  out.push(indent(depth + 1, `= ${peArithmetic(x)}`));
  return out;
}

function peArithmetic(x: PEInputs): string {
  const used = x.members.map((m, i) => ({ m, i })).filter(({ m }) => m.used);
  const value = x.status === 'not-meaningful' ? 'n/m (the earnings are ≤ 0)' : `${num(x.value, 6)}x`;
  if (used.length === 0) return `${UNKNOWN}: no member's P/E is usable`;
  switch (x.method) {
    case 'harmonic': {
      const w = used.map(({ m }) => m.weight as number);
      const total = w.reduce((a, b) => a + b, 0);
      const terms = used.map(({ m }) => `${num(m.weight, 6)}/${num(m.pe)}`).join(' + ');
      const earnings = used.reduce((a, { m }) => a + (m.weight as number) / (m.pe as number), 0);
      return `${num(total, 6)} / (${terms}) = ${num(total, 6)} / ${num(earnings, 8)} = ${value}`;
    }
    case 'mean': {
      const total = used.reduce((a, { m }) => a + (m.weight as number), 0);
      return `(${used.map(({ m }) => `${num(m.weight, 6)} × ${num(m.pe)}`).join(' + ')}) / ${num(total, 6)} = ${value}`;
    }
    case 'median':
      return `median of ${used.map(({ m }) => num(m.pe)).join(', ')} = ${value}`;
    case 'aggregate': {
      const mv = (i: number) => bnPlain(x.marketValues?.[i] ?? null);
      return `(${used.map(({ i }) => mv(i)).join(' + ')}) / (${used.map(({ m, i }) => `${mv(i)}/${num(m.pe)}`).join(' + ')}) = ${value}`;
    }
  }
}

/** A basket's market value change: each member's cap or share count, its date, the closes and rates, and the sum. */
export function marketValueLines(x: MarketValueInputs, depth = 0): string[] {
  const ccy = x.currency ? ` ${x.currency}` : '';
  const out = [indent(depth, `market value change${ccy}: Σ (end − start), shares held constant: ${x.coverage.included} of ${x.coverage.total} members`)];
  for (const m of x.members) {
    if (m.change === null) {
      out.push(indent(depth + 1, `${m.symbol}: left out (${m.reason})`));
      continue;
    }
    const source = [m.date, m.provider].filter((s) => s !== null).join(', ');
    const fx = (r: number | null) => (r === 1 ? '' : ` × ${num(r)}`);
    if (m.from === 'marketCap') {
      out.push(indent(depth + 1, `${m.symbol}: market cap ${num(m.figure, 10)}${source ? ` (${source})` : ''} at price ${num(m.priceAtCap)}; shares = cap / price`));
      out.push(indent(depth + 2, `start ${m.startDate}: ${num(m.figure, 10)} × ${num(m.startClose)} / ${num(m.priceAtCap)}${fx(m.fxStart)} = ${bnPlain(m.start)}; end ${m.endDate}: ${num(m.figure, 10)} × ${num(m.endClose)} / ${num(m.priceAtCap)}${fx(m.fxEnd)} = ${bnPlain(m.end)}`));
    } else {
      out.push(indent(depth + 1, `${m.symbol}: ${num(m.figure, 12)} shares${source ? ` (${source})` : ''}`));
      out.push(indent(depth + 2, `start ${m.startDate}: ${num(m.figure, 12)} × ${num(m.startClose)}${fx(m.fxStart)} = ${bnPlain(m.start)}; end ${m.endDate}: ${num(m.figure, 12)} × ${num(m.endClose)}${fx(m.fxEnd)} = ${bnPlain(m.end)}`));
    }
    out.push(indent(depth + 2, `change ${bnPlain(m.end)} − ${bnPlain(m.start)} = ${bn(m.change)}`));
  }
  out.push(indent(depth + 1, `change = ${sumText(x.members.filter((m) => m.change !== null).map((m) => m.change), bn)} = ${bn(x.value)}${ccy}`));
  return out;
}

/** The risk figures of a basket's daily level (rebased to 100 at the base). */
export function riskLines(b: BasketReport, x: RiskInputs | null, depth = 0): string[] {
  const risk = b.risk;
  if (risk === null || x === null) return [indent(depth, `risk: ${UNKNOWN} (no daily level)`)];
  const out = [indent(depth, `risk, from the basket's daily level (100 at the base):`)];
  out.push(indent(depth + 1, `volatility: sample standard deviation of ${x.dailyReturns} daily returns × √252 = ${risk.volatility === null ? UNKNOWN : `${(risk.volatility * 100).toFixed(4)}%`}`));
  out.push(
    indent(
      depth + 1,
      x.peak && x.trough ? `max drawdown: trough ${num(x.trough.level)} on ${x.trough.date} / peak ${num(x.peak.level)} on ${x.peak.date} − 1 = ${pct(risk.maxDrawdown)}` : `max drawdown: ${pct(risk.maxDrawdown)} (no fall from a high)`,
    ),
  );
  if (x.last !== null) {
    const since = risk.highestSince === null ? 'the highest of all days looked at' : x.highestSince ? `highest since ${risk.highestSince}, the last day above it (${num(x.highestSince.level)})` : `highest since ${risk.highestSince} (in the look-back)`;
    out.push(indent(depth + 1, `last level ${num(x.last.level)} on ${x.last.date}: ${since}`));
  }
  if (risk.windowHighDate !== null) out.push(indent(depth + 1, `window high ${num(risk.windowHigh)} on ${risk.windowHighDate}`));
  return out;
}

/** A benchmark's return: its closes and rates. */
export function benchmarkLines(bm: BenchmarkReport, depth = 0): string[] {
  const rates = bm.fx ? `FX rate ${num(bm.fx.start.rate)} (${bm.fx.pair} on ${bm.fx.start.date}) → ${num(bm.fx.end.rate)} (on ${bm.fx.end.date}): ` : '';
  const fx = bm.fxReturn === null || bm.fxReturn === 0 ? '' : `; ${rates}${onePlus(bm.localReturn)} × ${bm.fx ? `${num(bm.fx.end.rate)} / ${num(bm.fx.start.rate)}` : onePlus(bm.fxReturn)} − 1 = ${pct(bm.return)}`;
  return [indent(depth, `benchmark ${bm.symbol}: close ${num(bm.startPrice)} on ${bm.startDate} → ${num(bm.endPrice)} on ${bm.endDate}: ${num(bm.endPrice)} / ${num(bm.startPrice)} − 1 = ${pct(bm.localReturn)}${fx}`)];
}

/** Every figure of one basket, as the compare renderers place it under the basket. */
export function basketExplanation(b: BasketReport): string[] {
  const x = b.inputs;
  if (x === undefined) return [];
  const out = [`How the figures of ${b.name} (${b.id}) are made:`, ...returnLines(x.return, 1)];
  for (const p of x.periods) out.push(...returnLines(p.return, 1).map((l, k) => (k === 0 ? `  ${p.period} ${l.trimStart()}` : l)));
  if (b.benchmarkResult !== null && b.benchmarkResult.return !== null && b.return !== null) {
    out.push(...benchmarkLines(b.benchmarkResult, 1));
    out.push(indent(2, `excess return = ${differenceText(b.return, b.benchmarkResult.return)} = ${pct(b.benchmarkResult.excessReturn)}`));
  }
  // every other method side by side (--weights all); the headline's is above
  for (const a of x.alternatives ?? []) if (a.weights !== x.return.weights || a.rebalance !== x.return.rebalance) out.push(...returnLines(a, 1));
  const pes = x.byMethod === null ? [x.forwardPE, x.trailingPE] : [...x.byMethod.forward, ...x.byMethod.trailing];
  out.push(...pes.flatMap((pe) => peLines(pe, 1)), ...marketValueLines(x.marketValueChange, 1), ...riskLines(b, x.risk, 1));
  return out;
}

/** The comparison's arithmetic: the discount and the return spread from the two baskets' figures. */
export function comparisonExplanation(r: Report): string[] {
  const c = r.comparison;
  const a = r.baskets.find((b) => b.id === c?.basket);
  const b = r.baskets.find((x) => x.id === c?.against);
  if (!c || !a || !b || a.inputs === undefined) return [];
  return [
    `How the comparison is made:`,
    indent(1, `discount = 1 − forward P/E ${a.id} / forward P/E ${b.id} = 1 − ${num(a.forwardPE, 6)} / ${num(b.forwardPE, 6)} = ${pct(c.discount)}`),
    indent(1, `return spread = ${differenceText(a.return, b.return)} = ${pct(c.returnSpread)}`),
  ];
}
