/**
 * `basket check`'s result for each medium: the terminal (a verdict line per
 * claim and an indented block of what it rests on), Markdown (one table row
 * per claim, the audit trail under it), CSV (one row per claim, raw values)
 * and JSON. Pure; colour comes from the Chalk instance the command decided on.
 */
import type { ChalkInstance } from 'chalk';
import { stringify } from 'csv-stringify/sync';
import type { CheckReport, ClaimResult, Verdict } from '../report/check-types.js';
import { toCell } from './csv.js';
import { benchmarkLines, differenceText, marketValueLines, num, peLines, pct, returnLines } from './explain.js';
import { formatBillions, formatPercent, UNKNOWN } from './format.js';
import { codeBlock, escapeMarkdown } from './markdown.js';
import { toJsonDocument } from './json.js';

export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = { holds: 'holds', 'does-not-hold': 'does not hold', 'cannot-check': 'cannot check' };

/** basket's figure in the claim's unit: `+42.67%`, `16.08x`, `+421.1 bn USD`, a date. */
export function claimValueText(c: ClaimResult): string {
  const v = c.value;
  if (v === null) return UNKNOWN;
  if (typeof v === 'string') return v;
  switch (c.unit) {
    case 'fraction':
      return formatPercent(v, 2);
    case 'multiple':
      return `${v.toFixed(2)}x`;
    case 'money':
      return formatBillions(v, c.currency);
    case 'date':
      return String(v);
  }
}

/** What the claim is about: `return of titans`, `discount of titans to mag7`, `1w return of HSTECH.HK`. */
export function claimSubject(c: ClaimResult): string {
  const figure = c.figure === 'period-return' ? `${c.period} return` : c.figure === 'highest-since' ? 'highest-since date' : c.figure.replace(/-pe$/, ' P/E').replace(/-/g, ' ');
  const against = c.against === null ? '' : c.figure === 'discount' ? ` to ${c.against}` : ` over ${c.against}`;
  return `${figure} of ${c.subject.id}${against}`;
}

/** The audit trail of one claim's figure, as indented lines (render/explain.ts), ending with the figure. */
export function claimInputLines(c: ClaimResult, depth: number): string[] {
  const x = c.inputs;
  if (x === null) return [];
  const pad = '  '.repeat(depth);
  const result = `${pad}${claimSubject(c)} = ${claimValueText(c)}`;
  switch (x.kind) {
    case 'return':
      return returnLines(x.return, depth);
    case 'pe':
      return peLines(x.pe, depth);
    case 'discount':
      return [...peLines(x.basket, depth), ...peLines(x.against, depth), `${pad}discount = 1 − ${num(x.basket.value, 6)} / ${num(x.against.value, 6)} = ${claimValueText(c)}`];
    case 'return-spread':
      return [...returnLines(x.basket, depth), ...returnLines(x.against, depth), `${pad}spread = ${differenceText(x.basket.value, x.against.value)} = ${claimValueText(c)}`];
    case 'excess-return':
      return [
        ...returnLines(x.basket, depth),
        ...(x.benchmark === null ? [] : benchmarkLines(x.benchmark, depth)),
        `${pad}excess return = ${differenceText(x.basket.value, x.benchmark?.return ?? null)} = ${claimValueText(c)}`,
      ];
    case 'market-value':
      return marketValueLines(x.marketValue, depth);
    case 'risk': {
      const r = x.risk;
      const lines = [`${pad}from the basket's daily level (100 at the base), the path of the return below:`];
      if (r !== null) {
        lines.push(`${pad}  ${r.dailyReturns} daily returns (volatility: their sample standard deviation × √252)`);
        if (r.peak && r.trough) lines.push(`${pad}  drawdown: trough ${num(r.trough.level)} on ${r.trough.date} / peak ${num(r.peak.level)} on ${r.peak.date} − 1 = ${pct(r.trough.level / r.peak.level - 1)}`);
        if (r.last) lines.push(`${pad}  last level ${num(r.last.level)} on ${r.last.date}${r.highestSince ? `; the last day above it: ${r.highestSince.date} (${num(r.highestSince.level)})` : ''}`);
      }
      return [...lines, result, ...returnLines(x.return, depth + 1)];
    }
  }
}

function summaryLine(r: CheckReport): string {
  const s = r.summary;
  return `${s.holds} of ${r.claims.length} hold${s.holds === 1 ? 's' : ''}, ${s.doesNotHold} do${s.doesNotHold === 1 ? 'es' : ''} not hold, ${s.cannotCheck} cannot be checked`;
}

export function renderCheckText(r: CheckReport, chalk: ChalkInstance): string {
  const paint: Readonly<Record<Verdict, (s: string) => string>> = { holds: chalk.green, 'does-not-hold': chalk.red, 'cannot-check': chalk.yellow };
  const mark: Readonly<Record<Verdict, string>> = { holds: '✓', 'does-not-hold': '✗', 'cannot-check': '?' };
  const out = [chalk.bold(r.story), chalk.dim([r.source === null ? null : `source: ${r.source}`, `claims: ${r.file}`, `data: ${r.dataSource}`].filter((x) => x !== null).join(' · ')), ''];
  for (const c of r.claims) {
    const verdict = paint[c.verdict](`${mark[c.verdict]} ${VERDICT_WORDS[c.verdict].padEnd(13)}`);
    out.push(`${verdict} ${chalk.bold(c.id)}: ${claimSubject(c)} ${chalk.bold(claimValueText(c))}, expected ${c.expect}`);
    out.push(`    says: ${c.says}${c.source !== null && c.source !== r.source ? ` (${c.source})` : ''}`);
    if (c.reason !== null) out.push(`    ${c.verdict === 'cannot-check' ? 'why' : 'note'}: ${c.reason}`);
    out.push(chalk.dim(`    ${c.method}; as of ${c.settings.asOf}`));
    out.push(...claimInputLines(c, 3));
  }
  out.push('', summaryLine(r));
  return `${out.join('\n')}\n`;
}

export function renderCheckMarkdown(r: CheckReport): string {
  const cell = (s: string) => escapeMarkdown(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [`# ${escapeMarkdown(r.story)}`, escapeMarkdown([r.source === null ? null : `Source: ${r.source}`, `claims: ${r.file}`, `data: ${r.dataSource}`].filter((x) => x !== null).join(' · '))];
  const rows = r.claims.map((c) =>
    [c.id, c.says, claimSubject(c), claimValueText(c), c.expect, `**${VERDICT_WORDS[c.verdict]}**${c.reason !== null ? `: ${c.reason}` : ''}`, `${c.method}; as of ${c.settings.asOf}`].map((x, i) => (i === 5 ? x.replace(/\|/g, '\\|') : cell(x))),
  );
  out.push(['| Claim | Says | Figure | basket | Expected | Verdict | Method and coverage |', '|---|---|---|---:|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n'));
  for (const c of r.claims) if (c.inputs !== null) out.push(`### ${escapeMarkdown(c.id)}`, codeBlock(claimInputLines(c, 0)));
  out.push(escapeMarkdown(summaryLine(r)));
  return `${out.join('\n\n')}\n`;
}

/** One row per claim; columns only ever added at the end. */
export const CHECK_CSV_COLUMNS = ['id', 'figure', 'subject', 'against', 'period', 'asOf', 'from', 'currency', 'value', 'unit', 'expect', 'verdict', 'reason', 'method', 'coverageIncluded', 'coverageTotal', 'says', 'source'] as const;

export function renderCheckCsv(r: CheckReport): string {
  const rows = r.claims.map((c) => {
    const row: Record<(typeof CHECK_CSV_COLUMNS)[number], string | number | null> = {
      id: c.id,
      figure: c.figure,
      subject: c.subject.id,
      against: c.against,
      period: c.period,
      asOf: c.settings.asOf,
      from: c.settings.from,
      currency: c.figure === 'market-value-change' ? c.currency : c.settings.currency,
      value: c.value,
      unit: c.unit,
      expect: c.expect,
      verdict: c.verdict,
      reason: c.reason,
      method: c.method,
      coverageIncluded: c.coverage?.included ?? null,
      coverageTotal: c.coverage?.total ?? null,
      says: c.says,
      source: c.source ?? r.source,
    };
    return CHECK_CSV_COLUMNS.map((col) => toCell(row[col]));
  });
  return stringify([[...CHECK_CSV_COLUMNS], ...rows], { record_delimiter: '\n' });
}

export function renderCheckJson(r: CheckReport): string {
  return toJsonDocument(r);
}
