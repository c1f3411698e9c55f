/**
 * `compare --explain` on the demo data: every figure redone from the inputs
 * the JSON gives (`inputs` on each basket, `fx` on each benchmark), to 1e-9,
 * as a reader would redo them by hand from the printed trail.
 */
import { describe, expect, it } from 'vitest';
import type { BasketInputs } from '../../src/report/inputs.js';
import type { Report } from '../../src/report/types.js';
import { DEMO_DIR, runCli } from '../helpers/cli.js';

const close = (a: number | null | undefined, b: number | null | undefined) => expect(Math.abs((a as number) - (b as number))).toBeLessThan(1e-9 * Math.max(1, Math.abs(b as number)));

async function report(...args: string[]): Promise<Report> {
  const r = await runCli(['compare', '--data', DEMO_DIR, '--as-of', '2025-03-07', '--currency', 'USD', '--format', 'json', '--explain', '-q', ...args]);
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

describe('compare --explain: every figure redone from its inputs', () => {
  it('buy-and-hold returns, P/Es, market values, the benchmark and the comparison', async () => {
    const r = await report('--periods', '1w');
    for (const b of r.baskets) {
      const x = b.inputs as BasketInputs;
      for (const m of x.return.members.filter((m) => m.included)) {
        close(m.localReturn, (m.endClose as number) / (m.startClose as number) - 1);
        const fx = m.fx === null ? 1 : m.fx.end.rate / m.fx.start.rate;
        close(m.return, (1 + (m.localReturn as number)) * fx - 1);
        close(m.contribution, (m.weight as number) * (m.return as number));
      }
      close(b.return, x.return.members.reduce((s, m) => s + (m.contribution ?? 0), 0));
      for (const p of x.periods) close(b.periods.find((q) => q.period === p.period)?.return, p.return.members.reduce((s, m) => s + (m.contribution ?? 0), 0));
      // harmonic: Σw / Σ(w / PE) over the members used
      const used = x.forwardPE.members.filter((m) => m.used);
      close(b.forwardPE, used.reduce((s, m) => s + (m.weight as number), 0) / used.reduce((s, m) => s + (m.weight as number) / (m.pe as number), 0));
      // market value: cap × close / priceAtCap × rate, or shares × close × rate; the change summed
      for (const m of x.marketValueChange.members.filter((m) => m.change !== null)) {
        const shares = m.from === 'marketCap' ? (m.figure as number) / (m.priceAtCap as number) : (m.figure as number);
        close(m.start, shares * (m.startClose as number) * (m.fxStart as number));
        close(m.end, shares * (m.endClose as number) * (m.fxEnd as number));
      }
      close(b.marketValueChange, x.marketValueChange.members.reduce((s, m) => s + (m.change ?? 0), 0));
      const bm = b.benchmarkResult;
      if (bm?.fx) close(bm.return, ((bm.endPrice as number) / (bm.startPrice as number)) * (bm.fx.end.rate / bm.fx.start.rate) - 1);
      close(bm?.excessReturn, (b.return as number) - (bm?.return as number));
    }
    const [a, b] = r.baskets;
    close(r.comparison?.discount, 1 - (a?.forwardPE as number) / (b?.forwardPE as number));
    // the titans' benchmark is converted from HKD: its rates and their dates are given
    expect(a?.benchmarkResult?.fx).toMatchObject({ pair: 'USDHKD=X', start: { date: '2024-12-31' }, end: { date: '2025-03-07' } });
  });

  it('a rebalanced return, step by step from reset to reset: L(next) = L(reset) × Σ wᵢ Pᵢ(next) / Pᵢ(reset)', async () => {
    for (const rebalance of ['weekly', 'monthly']) {
      const r = await report('--rebalance', rebalance);
      for (const b of r.baskets) {
        const x = (b.inputs as BasketInputs).return;
        const resets = x.resets ?? [];
        expect(resets.length).toBeGreaterThan(2);
        const w = x.members.map((m) => m.weight);
        for (let k = 1; k < resets.length; k++) {
          const [prev, next] = [resets[k - 1], resets[k]];
          const growth = w.reduce<number>((s, wi, i) => (wi === null ? s : s + wi * ((next?.prices[i] as number) / (prev?.prices[i] as number))), 0);
          close(next?.level, (prev?.level as number) * growth);
        }
        close((resets.at(-1)?.level as number) / 100 - 1, b.return);
      }
    }
  });

  it('cap weights: each weight is the start market value over their sum', async () => {
    const r = await report('--weights', 'cap');
    for (const b of r.baskets) {
      const x = (b.inputs as BasketInputs).return;
      const values = x.startValues ?? [];
      const total = values.reduce<number>((s, v) => s + (v ?? 0), 0);
      x.members.forEach((m, i) => {
        if (m.weight !== null) close(m.weight, (values[i] as number) / total);
      });
    }
  });

  it('a P/E repriced to the as-of date: quoted × close on the as-of date / price on its date', async () => {
    const r = await report('--pe-at', 'as-of');
    for (const m of (r.baskets[0]?.inputs as BasketInputs).forwardPE.members) {
      if (m.repriced !== null) close(m.pe, (m.quoted as number) * (m.repriced.atAsOf / m.repriced.atQuote));
    }
  });

  it('--weights all and --pe-method all: every method side by side has its own trail', async () => {
    const r = await report('--weights', 'all', '--pe-method', 'all');
    for (const b of r.baskets) {
      const x = b.inputs as BasketInputs;
      expect(x.alternatives?.map((a) => `${a.weights}/${a.rebalance}`)).toEqual(b.alternatives?.map((a) => `${a.weights}/${a.rebalance}`));
      x.alternatives?.forEach((a, k) => close(b.alternatives?.[k]?.return, a.members.reduce((s, m) => s + (m.contribution ?? 0), 0)));
      expect(x.byMethod?.forward.map((pe) => pe.value)).toEqual(['harmonic', 'median', 'mean', 'aggregate'].map((m) => b.forwardPEs[m as 'harmonic']));
    }
  });
});
