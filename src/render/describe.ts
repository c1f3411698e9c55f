/**
 * The words for a report's period, methods, comparison and provenance,
 * shared by the terminal, Markdown, HTML and chart renderers. Pure; no
 * colour, no markup.
 */
import type { SymbolIssue } from '../domain/types.js';
import type { Report } from '../report/types.js';
import { formatPercent, formatPoints, UNKNOWN } from './format.js';

export const WEIGHT_NAMES: Readonly<Record<string, string>> = {
  equal: 'equal-weighted',
  cap: 'cap-weighted',
  config: 'config weights',
  all: 'equal-weighted',
};

export const REBALANCE_NAMES: Readonly<Record<string, string>> = {
  none: 'buy-and-hold',
  daily: 'rebalanced daily',
  weekly: 'rebalanced weekly',
  monthly: 'rebalanced monthly',
  quarterly: 'rebalanced quarterly',
};

const basketName = (r: Report, id: string) => r.baskets.find((b) => b.id === id)?.name ?? id;

/** `China tech titans vs Magnificent Seven`, or the one basket's name. */
export function reportTitle(r: Report): string {
  return r.baskets.map((b) => b.name).join(' vs ') || 'basket';
}

export const describeBasis = (r: Report) => (r.priceBasis === 'adjusted' ? 'total return (adjusted closes)' : 'price return (closes)');
export const describeCurrency = (r: Report) => (r.currency ? `in ${r.currency}` : 'each member in its own currency');
/** After a method shown with every alternative (--weights all, --pe-method all). */
const SIDE_BY_SIDE = ' (every method side by side)';
/** The weighting and rebalancing; `sideBySide`: say so when every weighting is shown. */
export const describeWeights = (r: Report, sideBySide = true) =>
  `${WEIGHT_NAMES[r.method.weights] ?? r.method.weights}, ${REBALANCE_NAMES[r.method.rebalance] ?? r.method.rebalance}${sideBySide && r.method.weights === 'all' ? SIDE_BY_SIDE : ''}`;
/** The headline P/E method (`harmonic` under `all`). */
export const headlinePEMethod = (r: Report) => r.baskets[0]?.peMethod ?? 'harmonic';
const peLosses = (r: Report) => `losses ${r.method.negativePE === 'exclude' ? 'excluded' : 'included'}${describePEAt(r)}`;
/** The headline P/E method and the losses rule; `sideBySide`: say so when every method is shown. */
export const describePE = (r: Report, sideBySide = true) => `P/E ${headlinePEMethod(r)}${sideBySide && r.method.peMethod === 'all' ? SIDE_BY_SIDE : ''}, ${peLosses(r)}`;
/** `, repriced to 2025-03-07` under --pe-at as-of; empty otherwise. */
const describePEAt = (r: Report) => (r.method.peAt === 'as-of' ? `, repriced to ${r.asOf} (earnings estimate held constant)` : '');

/** What "highest since" shows for a series whose last value is the highest looked at. */
export const highestLabel = (r: Report) => (r.lookback === null ? 'window high' : `high since ${r.lookbackStart}`);

/**
 * The dates the baskets' forward P/Es come from, where any differs from the
 * as-of date: `China tech titans 2024-12-31 … 2025-03-14; Magnificent Seven
 * 2025-03-13`; null when every P/E is of the as-of date (or undated).
 */
function peDates(r: Report): string | null {
  const parts = r.baskets.flatMap((b) => {
    const d = b.forwardPEDates;
    if (d === null || (d.earliest === r.asOf && d.latest === r.asOf)) return [];
    return [`${b.name} ${d.earliest === d.latest ? d.earliest : `${d.earliest} … ${d.latest}`}`];
  });
  return parts.length === 0 ? null : parts.join('; ');
}

/** The line under the tables saying what peDates says; null when it says nothing. */
export function peDatesLine(r: Report): string | null {
  const dates = peDates(r);
  return dates === null ? null : `Forward P/Es dated (as-of ${r.asOf}): ${dates}`;
}

/**
 * The summary of period and methods that heads every output, as its parts
 * (joined by ` · `). `sideBySide: false` leaves out the "(every method side
 * by side)" notes: the terminal's tables right under it show every method.
 */
export function headerParts(r: Report, { sideBySide = true }: { sideBySide?: boolean } = {}): string[] {
  return [`From ${r.from} to ${r.asOf}`, describeBasis(r), describeCurrency(r), describeWeights(r, sideBySide), describePE(r, sideBySide), `data: ${r.dataSource}`];
}

/** The one-line summary of period and methods that heads every document. */
export const headerLine = (r: Report) => headerParts(r).join(' · ');

/** The methods used, as label and text, for the methods section of a report. */
export function methodNotes(r: Report): { label: string; text: string }[] {
  const dates = peDates(r);
  return [
    { label: 'Period', text: `from ${r.from} (base: the last close before it) to ${r.asOf}` },
    { label: 'Returns', text: describeBasis(r) },
    { label: 'Currency', text: r.currency ? `every return and money figure in ${r.currency}, converted with FX closes` : 'each member in its own currency' },
    { label: 'Weights and rebalancing', text: describeWeights(r) },
    { label: 'P/E method', text: describePE(r) },
    ...(r.periods.length > 0 ? [{ label: 'Periods', text: r.periods.join(', ') }] : []),
    ...(r.lookback !== null ? [{ label: 'Look-back', text: `${r.lookback}: highest-since looks back to ${r.lookbackStart}` }] : []),
    ...(dates === null ? [] : [{ label: 'P/E dates', text: `forward P/Es dated (as-of ${r.asOf}): ${dates}` }]),
  ];
}

/**
 * The sentences under a comparison, as label and value: the return spread
 * and the valuation discount (or premium). `emphasis`: the value is a figure,
 * to stand out; not when it is a sentence saying why there is none.
 */
export function comparisonFigures(r: Report): { label: string; value: string; emphasis: boolean }[] {
  const c = r.comparison;
  if (!c) return [];
  const a = basketName(r, c.basket);
  const b = basketName(r, c.against);
  const spread = { label: `Return of ${a} minus ${b}`, value: formatPoints(c.returnSpread), emphasis: true };
  if (c.discount === null) {
    return [spread, { label: `Valuation discount of ${a} vs ${b}`, value: `${UNKNOWN} (a forward P/E is unknown or not meaningful)`, emphasis: false }];
  }
  const word = c.discount >= 0 ? 'discount' : 'premium';
  return [spread, { label: `Valuation of ${a} vs ${b} on forward P/E (${headlinePEMethod(r)})`, value: `${(Math.abs(c.discount) * 100).toFixed(1)}% ${word}`, emphasis: true }];
}

/** A data note as one line: `0700.HK (titans): no price file`, `*` for a note on no one symbol. */
export const describeIssue = (i: SymbolIssue) => `${i.symbol ?? '*'}${i.basket ? ` (${i.basket})` : ''}: ${i.message}`;

/** A series' legend figure: its return, or why there is none. */
export const legendReturn = (ret: number | null) => (ret === null ? 'no data' : formatPercent(ret));
