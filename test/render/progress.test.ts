/**
 * The progress bar: its line (a pure function of done, total, symbol and
 * width), the writer (threshold, redraw rate, erased at the end), and the CLI
 * drawing it on a terminal's stderr only, never on a pipe or with --quiet.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli.js';
import { formatProgress, progressBar, PROGRESS_INTERVAL_MS, PROGRESS_MIN_SYMBOLS } from '../../src/render/progress.js';
import { FIXED_NOW } from '../helpers/cli.js';
import { createFakeYahoo } from '../helpers/fake-yahoo.js';
import { makeTempDir } from '../helpers/tmp.js';

describe('formatProgress', () => {
  it.each<[string, number, number, string, number, string]>([
    ['empty', 0, 500, 'AAPL', 80, `basket: [${'░'.repeat(40)}]    0/500  AAPL`],
    ['a quarter', 125, 500, 'MSFT', 80, `basket: [${'█'.repeat(10)}${'░'.repeat(30)}]  125/500  MSFT`],
    ['rounded down until done', 499, 500, 'TSLA', 80, `basket: [${'█'.repeat(39)}░]  499/500  TSLA`],
    ['done', 500, 500, 'NVDA', 80, `basket: [${'█'.repeat(40)}]  500/500  NVDA`],
    ['a narrow terminal: a narrower bar', 20, 40, '0700.HK', 40, `basket: [${'█'.repeat(7)}${'░'.repeat(7)}]  20/40  0700.HK`],
    ['narrower still: no bar', 20, 40, '0700.HK', 24, 'basket: 20/40  0700.HK'],
    ['a long symbol is cut', 1, 40, 'AVERYLONGSYMBOLNAME.EXAMPLE', 40, `basket: [${'░'.repeat(11)}]   1/40  AVERYLONG…`],
    ['done beyond the total is shown as the total', 45, 40, 'X', 80, `basket: [${'█'.repeat(40)}]  40/40  X`],
  ])('%s', (_, done, total, symbol, width, line) => {
    expect(formatProgress(done, total, symbol, width)).toBe(line);
  });

  it('never passes the width', () => {
    for (let width = 1; width <= 100; width++) {
      for (const symbol of ['A', '0700.HK', 'AVERYLONGSYMBOLNAME.EXAMPLE']) {
        expect([...formatProgress(123, 5000, symbol, width)].length).toBeLessThanOrEqual(width);
      }
    }
  });
});

/** A terminal's stderr that records what is written; a clock moved by hand. */
function terminal(columns = 80) {
  const chunks: string[] = [];
  let t = 0;
  return { out: { write: (s: string) => chunks.push(s), columns }, chunks, now: () => t, tick: (ms: number) => (t += ms) };
}

describe('progressBar', () => {
  it(`draws nothing for ${PROGRESS_MIN_SYMBOLS} symbols or fewer`, () => {
    const term = terminal();
    const bar = progressBar(term.out, term.now);
    for (let i = 1; i <= PROGRESS_MIN_SYMBOLS; i++) bar.update(i, PROGRESS_MIN_SYMBOLS, `S${i}`);
    bar.clear();
    expect(term.chunks).toEqual([]);
  });

  it('redraws one line in place, at most every interval, and erases it when done', () => {
    const term = terminal(60);
    const bar = progressBar(term.out, term.now);
    bar.update(1, 100, 'A');
    bar.update(2, 100, 'B'); // too soon
    term.tick(PROGRESS_INTERVAL_MS);
    bar.update(3, 100, 'C');
    bar.update(100, 100, 'Z');
    expect(term.chunks).toEqual([`\r${formatProgress(1, 100, 'A', 59)}\x1b[K`, `\r${formatProgress(3, 100, 'C', 59)}\x1b[K`, '\r\x1b[K']);
    bar.clear(); // nothing left to erase
    expect(term.chunks).toHaveLength(3);
  });

  it('clear() erases a line still drawn (the work stopped early, or another line must be written)', () => {
    const term = terminal();
    const bar = progressBar(term.out, term.now);
    bar.update(5, 100, 'A');
    bar.clear();
    bar.clear();
    expect(term.chunks).toEqual([`\r${formatProgress(5, 100, 'A', 79)}\x1b[K`, '\r\x1b[K']);
    term.tick(1);
    bar.update(6, 100, 'B'); // drawn again at once after an erase
    expect(term.chunks.at(-1)).toBe(`\r${formatProgress(6, 100, 'B', 79)}\x1b[K`);
  });
});

describe('the CLI', () => {
  /** 14 real members and 20 unknown ones: 34 symbols, more than the threshold. */
  async function bigBasket() {
    const dir = await makeTempDir('basket-progress-');
    const known = ['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA', '9988.HK', '0700.HK', '1810.HK', '1211.HK', '0981.HK', '9618.HK', '9999.HK'];
    const unknown = Array.from({ length: 20 }, (_, i) => `ZZ${String(i).padStart(2, '0')}`);
    await writeFile(path.join(dir, 'big.txt'), `${[...known, ...unknown].join('\n')}\n`);
    return dir;
  }

  async function run(stderrIsTTY: boolean, extra: string[] = []) {
    const dir = await bigBasket();
    let err = '';
    let out = '';
    const io: Io = {
      stdout: { write: (s: string) => (out += s), isTTY: false },
      stderr: { write: (s: string) => (err += s), isTTY: stderrIsTTY, columns: 100 },
      env: {},
      cwd: dir,
    };
    const code = await main(['compare', 'big.txt', '--as-of', '2025-03-07', '--format', 'csv', ...extra], io, {
      now: () => FIXED_NOW,
      fetch: createFakeYahoo().fetch,
      cacheDir: path.join(dir, 'cache'),
      userConfigDir: null,
      sleep: async () => {},
    });
    return { code, out, err };
  }

  it('draws a bar on a terminal and erases it before the notes', async () => {
    const r = await run(true);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^\rbasket: \[[█░]+\] +\d+\/34 {2}\S+\x1b\[K/);
    const erased = r.err.lastIndexOf('\r\x1b[K');
    expect(erased).toBeGreaterThan(0);
    // what follows the erase is the notes, on lines of their own
    expect(r.err.slice(erased + 4)).toMatch(/^basket: \d+ notes on the data:\n/);
    expect(r.err.slice(erased + 4)).not.toContain('\r');
    expect(r.out).toContain('kind,basket,symbol');
  });

  it('writes nothing of it when stderr is not a terminal, or with --quiet', async () => {
    for (const r of [await run(false), await run(true, ['--quiet'])]) {
      expect(r.code).toBe(0);
      expect(r.err).not.toContain('\r');
      expect(r.err).not.toContain('█');
      expect(r.err).not.toContain('\x1b');
    }
  });
});
