import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/render/format.js';
import { escapeHtml } from '../../src/render/escape.js';
import { renderHtml } from '../../src/render/html.js';
import { renderSvgChart, SERIES_COLOURS } from '../../src/render/svg.js';
import { EVIL_BASKET_NAME, EVIL_MEMBER_NAME, SAMPLE_NOW, sampleReport } from '../helpers/sample-report.js';

const report = sampleReport();
const html = renderHtml(report, { generatedAt: SAMPLE_NOW, version: '9.9.9' });

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x">Tom's & co</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;');
  });
});

describe('renderHtml', () => {
  it('is one HTML5 document with a viewport, a title and an inline style sheet with print rules', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<title>Alpha &lt;b&gt;&amp;amp;&lt;\/b&gt; \| &quot;quoted&quot; \*bold\* vs Beta, 2025-01-01 to 2025-03-07<\/title>/);
    expect(html).toContain('@media print');
    expect(html).toContain('@media (max-width: 40rem)');
  });

  it('needs nothing from outside: no script, link, image, font, URL or import', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|@font-face|url\(|https?:|\/\/[a-z]|src=|href=/i);
  });

  it('escapes every text from the data', () => {
    expect(html).not.toContain(EVIL_MEMBER_NAME);
    expect(html).not.toContain(EVIL_BASKET_NAME);
    expect(html).toContain('A1 Corp | &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(html).toContain('no price file prices/A3.csv | &lt;here&gt;');
    expect(html.match(/<script/g)).toBeNull();
  });

  it('has the summary, the chart, the tables, the methods, the notes and the provenance', () => {
    const [a, b] = report.baskets;
    expect(html).toContain(`<div class="value gain">${formatPercent(a?.return ?? null)}</div>`);
    expect(html).toContain(`<div class="value loss">${formatPercent(b?.return ?? null)}</div>`);
    for (const h of ['Returns', 'Risk and valuation', 'Beta (beta)', 'Methods', 'Data notes', 'Provenance']) expect(html).toContain(`<h2>${h}</h2>`);
    expect(html.match(/<table>/g)).toHaveLength(4);
    expect(html).toContain('<dt>P/E method</dt><dd>P/E harmonic, losses excluded</dd>');
    expect(html).toContain('<dt>Weights and rebalancing</dt><dd>equal-weighted, buy-and-hold</dd>');
    expect(html).toContain('<dt>Currency</dt><dd>each member in its own currency</dd>');
    expect(html).toContain('<dt>Data source</dt><dd>files:sample</dd>');
    expect(html).toContain('<dt>Closes used</dt><dd>2024-12-31 (start closes, the last before 2025-01-01) to 2025-03-07</dd>');
    expect(html).toContain('<dt>Generated</dt><dd>2025-03-09T12:00:00Z by basket 9.9.9</dd>');
  });

  it('has one path per series with data, solid for baskets and dashed for benchmarks, and a legend entry per series', () => {
    const paths = html.match(/<path [^>]*>/g) ?? [];
    expect(paths).toHaveLength(3); // alpha, benchmark BM, beta; NOBM has no data
    expect(paths.map((p) => /data-series="([^"]*)"/.exec(p)?.[1])).toEqual(['benchmark BM', escapeHtml(EVIL_BASKET_NAME), 'Beta']);
    expect(paths.filter((p) => p.includes('stroke-dasharray'))).toHaveLength(1);
    expect(html.match(/<li><span class="swatch/g)).toHaveLength(4);
    expect(html).toContain('benchmark NOBM <span class="">no data</span>');
  });

  it('puts one point per close in a path, inside the plot area', () => {
    const svg = renderSvgChart(report).svg;
    const beta = /<path [^>]*data-series="Beta" d="([^"]*)"/.exec(svg)?.[1] ?? '';
    const points = beta.split(/[ML]/).filter((p) => p.trim() !== '');
    expect(points).toHaveLength(report.baskets[1]?.levels?.dates.length ?? -1);
    for (const p of points) {
      const [x, y] = p.trim().split(' ').map(Number);
      expect(x).toBeGreaterThanOrEqual(40);
      expect(x).toBeLessThanOrEqual(546);
      expect(y).toBeGreaterThanOrEqual(10);
      expect(y).toBeLessThanOrEqual(274);
    }
    expect(svg).toContain(`stroke="${SERIES_COLOURS[1]}"`);
  });

  it('has no NaN, undefined or null anywhere', () => {
    expect(html).not.toMatch(/NaN|undefined|null|\[object|Infinity/);
  });
});
