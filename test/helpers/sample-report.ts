/**
 * A small report with level series for the renderer tests, built by the real
 * buildReport from made-up closes on weekdays from 2024-12-27 to 2025-03-07.
 * Names carry markup, pipes and quotes, to test escaping; A3 has no data.
 */
import type { BasketDef } from '../../src/config/basket.js';
import type { IsoDate, PriceSeries, Quote } from '../../src/domain/types.js';
import { buildReport, DEFAULT_OPTIONS, type ReportOptions } from '../../src/report/build.js';
import type { Report } from '../../src/report/types.js';
import { seriesOf } from '../../src/providers/provider.js';

/** Weekdays from 2024-12-27 to 2025-03-07. */
export const SAMPLE_DATES: IsoDate[] = (() => {
  const out: IsoDate[] = [];
  for (let t = Date.UTC(2024, 11, 27); t <= Date.UTC(2025, 2, 7); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
})();

/** Closes from `start` drifting by `drift` a day with a wiggle. */
const path = (start: number, drift: number, wiggle: number) => SAMPLE_DATES.map((_, i) => start * (1 + drift * i + wiggle * Math.sin(i / 3)));

const series = (symbol: string, close: number[]): PriceSeries => seriesOf(symbol, 'USD', SAMPLE_DATES, close);
const quote = (symbol: string, name: string, forwardPE: number | null): Quote => ({
  symbol,
  name,
  currency: 'USD',
  financialCurrency: null,
  price: null,
  forwardPE,
  trailingPE: null,
  epsForward: null,
  marketCap: null,
  sharesOutstanding: null,
});

export const EVIL_BASKET_NAME = 'Alpha <b>&amp;</b> | "quoted" *bold*';
export const EVIL_MEMBER_NAME = 'A1 Corp | <script>alert(1)</script> & Co';

export function sampleReport(options: Partial<ReportOptions> = {}): Report {
  const baskets: BasketDef[] = [
    { id: 'alpha', name: EVIL_BASKET_NAME, symbols: ['A1', 'A2', 'A3'], weights: null, benchmarks: ['BM'], source: 'preset' },
    { id: 'beta', name: 'Beta', symbols: ['B1', 'B2'], weights: null, benchmarks: ['NOBM'], source: 'preset' },
  ];
  return buildReport({
    baskets,
    history: new Map([
      ['A1', series('A1', path(50, 0.006, 0.02))],
      ['A2', series('A2', path(20, 0.003, 0.03))],
      ['B1', series('B1', path(100, -0.002, 0.02))],
      ['B2', series('B2', path(10, -0.001, 0.04))],
      ['BM', series('BM', path(1000, 0.001, 0.01))],
    ]),
    quotes: new Map([
      ['A1', [quote('A1', EVIL_MEMBER_NAME, 12)]],
      ['A2', [quote('A2', 'A2 Inc.', null)]],
      ['B1', [quote('B1', 'B1 Inc.', 25)]],
      ['B2', [quote('B2', 'B2 Inc.', 30)]],
    ]),
    providerIssues: [
      { symbol: 'A3', code: 'no-data', message: 'no price file prices/A3.csv | <here>' },
      { symbol: 'NOBM', code: 'no-data', message: 'no price file prices/NOBM.csv' },
    ],
    from: '2025-01-01',
    asOf: '2025-03-07',
    priceBasis: 'adjusted',
    dataSource: 'files:sample',
    options: { ...DEFAULT_OPTIONS, maxGapDays: 30, levels: true, ...options },
  });
}

/** When the sample files were "made". */
export const SAMPLE_NOW = new Date('2025-03-09T12:00:00Z');
