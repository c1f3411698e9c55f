import { describe, expect, it } from 'vitest';
import type { BasketDef } from '../../src/config/basket.js';
import { quoteOf } from '../../src/domain/quote.js';
import type { FxPair } from '../../src/domain/types.js';
import { seriesOf } from '../../src/providers/provider.js';
import { buildReport, DEFAULT_OPTIONS } from '../../src/report/build.js';
import { basketExplanation, comparisonExplanation, differenceText, num, pct } from '../../src/render/explain.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderJson } from '../../src/render/json.js';

const D = ['2024-12-31', '2025-01-02', '2025-01-03'];
const def = (id: string, symbols: string[]): BasketDef => ({ id, name: id.toUpperCase(), symbols, weights: null, benchmarks: [], source: 'preset' });
const HKD: FxPair = { names: ['HKDUSD=X', 'USDHKD=X'], rates: { from: 'HKD', to: 'USD', inverted: true, series: seriesOf('USDHKD=X', 'HKD', D, [8, 7.8, 7.5]) } };

const report = (explain: boolean) =>
  buildReport({
    baskets: [def('a', ['HK1', 'US1']), def('b', ['US2'])],
    history: new Map([
      ['HK1', seriesOf('HK1', 'HKD', D, [40, 44, 50])],
      ['US1', seriesOf('US1', 'USD', D, [10, 11, 12])],
      ['US2', seriesOf('US2', 'USD', D, [20, 19, 18])],
    ]),
    quotes: new Map([
      ['HK1', [quoteOf('HK1', { currency: 'HKD', forwardPE: 20, date: '2024-12-31', provider: 'P2', sharesOutstanding: 1e8 })]],
      ['US1', [quoteOf('US1', { currency: 'USD', forwardPE: 10 })]],
      ['US2', [quoteOf('US2', { currency: 'USD', forwardPE: 25 })]],
    ]),
    fx: new Map([['HKD', HKD]]),
    providerIssues: [],
    from: '2025-01-01',
    asOf: '2025-01-03',
    priceBasis: 'adjusted',
    dataSource: 'test',
    options: { ...DEFAULT_OPTIONS, currency: 'USD', explain },
  });

describe('the audit trail as text', () => {
  const r = report(true);
  const a = r.baskets[0];
  const lines = a ? basketExplanation(a) : [];

  it('writes numbers so a reader can redo each step', () => {
    expect(num(82.68000030517578)).toBe('82.68');
    expect(num(1 / 7.5)).toBe('0.13333333');
    expect(pct(0.689812)).toBe('+68.9812%');
    expect(pct(-0.1)).toBe('-10.0000%');
    expect(differenceText(0.4, 0.1)).toBe('+40.0000% − 10.0000%');
    expect(differenceText(0.4, -0.1)).toBe('+40.0000% + 10.0000%');
  });

  it("shows a converted member's closes, rates with their dates, and the formula with the numbers in it", () => {
    // HK1: 50 / 40 − 1 = +25%; HKD→USD 1/8 → 1/7.5: 1.25 × (1/7.5) / (1/8) − 1 = 1/3 = +33.3333%
    expect(lines).toContain('    HK1 (HKD): close 40 on 2024-12-31 → 50 on 2025-01-03: 50 / 40 − 1 = +25.0000%');
    expect(lines).toContain('      HKD→USD rate 0.125 (USDHKD=X on 2024-12-31) → 0.13333333 (on 2025-01-03): (1 + 25.0000%) × 0.13333333 / 0.125 − 1 = +33.3333%');
    // equal weights: 0.5 × 1/3 + 0.5 × 0.2 = 0.266666…
    expect(lines).toContain('      weight 0.5 × +33.3333% = +16.6667%');
    expect(lines).toContain('    return = +16.6667% + 10.0000% = +26.6667%');
  });

  it('shows each P/E with its date and provider and the harmonic mean with its terms', () => {
    expect(lines).toContain('    HK1: 20 (2024-12-31, P2), weight 0.5');
    // 1 / (0.5/20 + 0.5/10) = 1 / 0.075 = 13.3333x
    expect(lines).toContain('    = 1 / (0.5/20 + 0.5/10) = 1 / 0.075 = 13.3333x');
  });

  it('shows a share count times the closes and rates', () => {
    // 1e8 × 40 × 0.125 = 0.5 bn → 1e8 × 50 × 0.13333333 = 0.667 bn
    expect(lines).toContain('      start 2024-12-31: 100000000 × 40 × 0.125 = 0.500 bn; end 2025-01-03: 100000000 × 50 × 0.13333333 = 0.667 bn');
    expect(lines.some((l) => l.includes('US1: left out (no market cap or share count in the data)'))).toBe(true);
  });

  it('writes the comparison as the arithmetic of the two baskets', () => {
    // 1 − 13.3333 / 25 = 0.466667; spread 0.266667 − (−0.1) = 0.366667
    expect(comparisonExplanation(r)).toEqual([
      'How the comparison is made:',
      '  discount = 1 − forward P/E a / forward P/E b = 1 − 13.3333 / 25 = +46.6667%',
      '  return spread = +26.6667% + 10.0000% = +36.6667%',
    ]);
  });

  it('is absent without --explain, and adds only `inputs` to the JSON', () => {
    const plain = report(false);
    expect(basketExplanation(plain.baskets[0] as never)).toEqual([]);
    expect(comparisonExplanation(plain)).toEqual([]);
    const withInputs = JSON.parse(renderJson(r)) as { baskets: Record<string, unknown>[] };
    for (const b of withInputs.baskets) delete b.inputs;
    expect(withInputs).toEqual(JSON.parse(renderJson(plain)));
  });

  it('sits in Markdown as a fenced block under each basket', () => {
    const md = renderMarkdown(r, { sparklines: false, generatedAt: new Date('2025-01-04T00:00:00Z'), version: 'test' });
    expect(md).toContain('```text\nHow the figures of A (a) are made:\n  return in USD from 2025-01-01 to 2025-01-03');
  });
});
