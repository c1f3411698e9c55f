/**
 * The HTML report in a real browser: Debian's Chromium (the system package,
 * never a download), driven headless by playwright-core, with the network cut
 * off. The page must load without console errors or any request beyond its
 * own file, draw one path per series, show something in a screenshot, fit a
 * phone's width and lose nothing when printed on A4.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERIES_COLOURS } from '../../src/render/svg.js';
import type { Report } from '../../src/report/types.js';
import { main } from '../../src/cli.js';
import { DEMO_DIR, fakeIo, FIXED_NOW } from '../helpers/cli.js';
import { countColour, decodePng, inkStats } from '../helpers/png.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DEMO = ['--data', DEMO_DIR, '--as-of', '2025-03-07'];

/** main() on the offline demo data (runCli's per-test helpers cannot run in beforeAll). */
async function basket(argv: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const { io, out, err } = fakeIo();
  const exitCode = await main(argv, io, { now: () => FIXED_NOW, userConfigDir: null });
  return { exitCode, stdout: out(), stderr: err() };
}
/** The narrowest printable widths, in CSS pixels (96 per inch), less the page's 14 mm margins: A4 portrait, Letter landscape. */
const PORTRAIT_PRINT_WIDTH = Math.floor(((210 - 2 * 14) / 25.4) * 96);
const LANDSCAPE_PRINT_WIDTH = Math.floor(((11 * 25.4 - 2 * 14) / 25.4) * 96);

// The page's globals, as far as these tests use them inside page.evaluate (the
// project is typed for Node, without the DOM library).
interface PageElement {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { readonly right: number };
  closest(selector: string): PageElement | null;
}
declare const window: { readonly innerWidth: number };
declare const document: {
  readonly documentElement: PageElement;
  readonly body: PageElement;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};

interface Loaded {
  page: Page;
  consoleErrors: string[];
  /** Every request that was not for the report file itself. */
  foreign: string[];
}

describe('the HTML report in Chromium (headless)', () => {
  let context: BrowserContext | undefined;
  let dir = '';
  let file = '';
  let report: Report;

  beforeAll(async () => {
    // fail, not skip: CI must have the browser (.ci/run installs it)
    expect(
      existsSync(CHROMIUM),
      `Chromium is missing at ${CHROMIUM}: install Debian's package with \`sudo apt-get install -y chromium\` (bash .ci/run does this), then run the tests again`,
    ).toBe(true);
    dir = await mkdtemp(path.join(tmpdir(), 'basket-html-'));
    file = path.join(dir, 'report.html');
    const r = await basket(['compare', ...DEMO, '--format', 'html', '--output', file, '--quiet']);
    expect(r.exitCode, r.stderr).toBe(0);
    report = JSON.parse((await basket(['compare', ...DEMO, '--format', 'json', '--sparklines', '--quiet'])).stdout) as Report;
    // a fresh profile every run, removed afterwards
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      offline: true,
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function load(viewport: { width: number; height: number }, which = file): Promise<Loaded> {
    if (!context) throw new Error('no browser');
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    const consoleErrors: string[] = [];
    const foreign: string[] = [];
    const own = pathToFileURL(which).href;
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === own) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    page.on('requestfailed', (req) => {
      if (req.url() !== own && !foreign.includes(req.url())) foreign.push(req.url());
    });
    await page.goto(own, { waitUntil: 'load' });
    return { page, consoleErrors, foreign };
  }

  it('loads with no console errors and no request beyond its own file', async () => {
    const { page, consoleErrors, foreign } = await load({ width: 1280, height: 900 });
    expect(consoleErrors).toEqual([]);
    expect(foreign).toEqual([]);
    expect(await page.title()).toBe('China tech titans vs Magnificent Seven, 2025-01-01 to 2025-03-07');
    expect(await page.locator('h1').textContent()).toBe('China tech titans vs Magnificent Seven');
    expect(await page.locator('table').count()).toBe(4);
    await page.close();
  }, 30_000);

  it('draws one path per series with data, each with as many points as the series has closes', async () => {
    const { page } = await load({ width: 1280, height: 900 });
    const paths = page.locator('svg.chart path');
    // the benchmarks (drawn first, under the baskets), then titans and mag7
    expect(await paths.evaluateAll((els: PageElement[]) => els.map((e) => e.getAttribute('data-series')))).toEqual(['benchmark HSTECH.HK', 'benchmark ^NDX', 'China tech titans', 'Magnificent Seven']);
    const points = await paths.evaluateAll((els: PageElement[]) => els.map((e) => (e.getAttribute('d') ?? '').split(/[ML]/).filter((s) => s.trim() !== '').length));
    const [titans, mag7] = report.baskets;
    expect(points).toEqual([titans?.benchmarkResult?.levels?.dates.length, mag7?.benchmarkResult?.levels?.dates.length, titans?.levels?.dates.length, mag7?.levels?.dates.length]);
    const box = await page.locator('svg.chart').boundingBox();
    expect(box?.width).toBeGreaterThan(400);
    expect(box?.height).toBeGreaterThan(200);
    await page.close();
  }, 30_000);

  it('shows something: the screenshot is not blank and the chart has its series colours', async () => {
    const { page } = await load({ width: 1280, height: 900 });
    const shot = inkStats(decodePng(await page.screenshot()));
    expect(shot.inked / shot.total).toBeGreaterThan(0.02);
    expect(shot.colours).toBeGreaterThan(50);
    const chart = decodePng(await page.locator('svg.chart').screenshot());
    expect(countColour(chart, SERIES_COLOURS[0])).toBeGreaterThan(200); // titans' line
    expect(countColour(chart, SERIES_COLOURS[1])).toBeGreaterThan(200); // mag7's and ^NDX's
    await page.close();
  }, 30_000);

  it('fits a phone: no sideways scrolling of the page at 390 × 844 (wide tables scroll in their box)', async () => {
    const { page, consoleErrors } = await load({ width: 390, height: 844 });
    const widths = await page.evaluate(() => ({
      viewport: window.innerWidth,
      document: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      chart: document.querySelector('svg.chart')?.getBoundingClientRect().right ?? Infinity,
    }));
    expect(widths.document).toBeLessThanOrEqual(widths.viewport);
    expect(widths.body).toBeLessThanOrEqual(widths.viewport);
    expect(widths.chart).toBeLessThanOrEqual(widths.viewport);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 30_000);

  /** Tables wider than the page when printed at this width; `wide`: those on landscape pages, or the others. */
  async function printOverflow(page: Page, width: number, wide: boolean): Promise<{ table: number; page: number }[]> {
    await page.setViewportSize({ width, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    return page.evaluate(
      (landscape) =>
        [...document.querySelectorAll('table')]
          .filter((t) => (t.closest('section.wide') !== null) === landscape)
          .map((t) => ({ table: t.scrollWidth, page: document.documentElement.clientWidth }))
          .filter((x) => x.table > x.page),
      wide,
    );
  }

  it('prints on A4 or Letter with nothing cut off: every table fits its page', async () => {
    const { page } = await load({ width: 1280, height: 900 });
    expect(await printOverflow(page, PORTRAIT_PRINT_WIDTH, false)).toEqual([]);
    expect(await printOverflow(page, LANDSCAPE_PRINT_WIDTH, true)).toEqual([]);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  }, 30_000);

  it('prints the members tables of a USD report with periods on landscape pages, where they fit', async () => {
    const wide = path.join(dir, 'wide.html');
    const r = await basket(['compare', ...DEMO, '--currency', 'USD', '--periods', '1w,1m,ytd', '--weights', 'all', '--pe-method', 'all', '--format', 'html', '--output', wide, '--quiet']);
    expect(r.exitCode, r.stderr).toBe(0);
    const { page } = await load({ width: 1280, height: 900 }, wide);
    expect(await page.locator('section.wide table').count()).toBe(2);
    expect(await printOverflow(page, PORTRAIT_PRINT_WIDTH, false)).toEqual([]);
    expect(await printOverflow(page, LANDSCAPE_PRINT_WIDTH, true)).toEqual([]);
    await page.close();
  }, 30_000);
});
