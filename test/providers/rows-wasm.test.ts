/**
 * rows.wat (the fixed-place loop in WebAssembly, see its header) against the
 * one-pass reader's own fixedRows: on every file, reading with it gives what
 * reading without it gives (the same series, notes, or declining), and it
 * does read the usual files itself. The committed rows-wasm.ts must be what
 * rows.wat assembles to.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeText, scanPriceFile } from '../../src/providers/files/scan.js';
import { ROWS_WASM } from '../../src/providers/files/rows-wasm.js';
import { wasmRows } from '../../src/providers/files/wasm-rows.js';
import { ROOT } from '../helpers/bin.js';
import { plainSeries } from '../helpers/series.js';

const read = (bytes: Uint8Array, wasm: boolean) => {
  const r = scanPriceFile(bytes, 'X', { wasm });
  return r === null ? null : { series: plainSeries(r.series), issues: r.issues };
};

/** A date cell: mostly valid and ascending, sometimes anything a file might hold. */
const dateCell = (i: number) =>
  fc.oneof(
    { weight: 40, arbitrary: fc.constant(new Date(Date.UTC(2023, 11, 25 + i)).toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: fc.constant(new Date(Date.UTC(2023, 11, 24 + i)).toISOString().slice(0, 10)) }, // the last row's date again
    { weight: 1, arbitrary: fc.constantFrom('2024-02-29', '2023-02-29', '0000-01-01', '0001-01-01', '9999-12-31', '2024-13-01', '2024-00-10', '2024-01-32', '2024-01-00', '2024/01/05', '2024-1-05', '2024-01-05 00:00:00+08:00', '') },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`) },
  );

/** A number cell: plain decimals mostly, and every form the readers treat apart. */
const numberCell = fc.oneof(
  { weight: 30, arbitrary: fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 6 })).map(([m, k]) => (k === 0 ? String(m) : (m / 10 ** k).toFixed(k))) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }).map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', '0', '0.0', '-1', '+3', '1e3', '.5', '12.', '.', '00012.50', '182.35562133789065', '9007199254740993', '9007199254740991', '0.00000000000000000000001', '12345678901234567890123', ' 7', 'null', 'abc', '1,5', 'é'),
  },
);

const row = (three: boolean) => (i: number) =>
  fc.tuple(dateCell(i), numberCell, numberCell, fc.constantFrom(...Array.from({ length: 30 }, () => ''), ',x', '\r')).map(([d, c, a, tail]) => `${d},${c}${three ? `,${a}` : ''}${tail}`);

const priceFile = fc
  .record({ three: fc.boolean(), rows: fc.integer({ min: 0, max: 40 }), blank: fc.integer({ min: 0, max: 8 }), trailing: fc.boolean() })
  .chain(({ three, rows, blank, trailing }) =>
    fc.tuple(...Array.from({ length: rows }, (_, i) => row(three)(i))).map((lines) => {
      const body = lines.map((l, i) => (blank > 0 && i % blank === blank - 1 ? `${l}\n` : l));
      return `${three ? 'Date,Close,Adj Close' : 'Date,Close'}\n${body.join('\n')}${trailing ? '\n' : ''}`;
    }),
  );

describe('rows.wat', () => {
  it('reads every file as the one-pass reader reads it without it, and reads the usual ones itself', () => {
    let itself = 0;
    fc.assert(
      fc.property(priceFile, (text) => {
        const bytes = encodeText(text);
        const from = bytes.indexOf(10) + 1;
        if (from > 0 && typeof wasmRows(bytes, from, text.startsWith('Date,Close,Adj Close')) === 'object') itself++;
        expect(read(bytes, true)).toEqual(read(bytes, false));
      }),
      { numRuns: 3000 },
    );
    expect(itself).toBeGreaterThan(300);
  });

  it('reads a file larger than its memory, and a small one after it', () => {
    const days = 40_000;
    const lines = Array.from({ length: days }, (_, i) => `${new Date(Date.UTC(1900, 0, 1 + i)).toISOString().slice(0, 10)},${(i % 997) + 0.25},${(i % 991) + 0.5}`);
    for (const text of [`Date,Close,Adj Close\n${lines.join('\n')}\n`, 'Date,Close\n2025-01-02,10\n2025-01-03,\n2025-01-06,11.5\n']) {
      const bytes = encodeText(text);
      const r = wasmRows(bytes, bytes.indexOf(10) + 1, text.startsWith('Date,Close,Adj Close'));
      expect(typeof r).toBe('object');
      expect(read(bytes, true)).toEqual(read(bytes, false));
    }
    const small = wasmRows(encodeText('Date,Close\n2025-01-02,10\n2025-01-03,\n2025-01-06,11.5\n'), 11, false);
    // 2025-01-02 is day 20,090 since 1970-01-01; the empty close of 2025-01-03 is left out
    expect(small).toEqual({ days: Int32Array.from([20_090, 20_094]), close: Float64Array.from([10, 11.5]), adjClose: Float64Array.from([10, 11.5]), skipped: 1, firstSkipped: [20_091] });
  });

  it('declines what only fixedRows or the full reader reads, and leaves other layouts to the general loop', () => {
    const body = (text: string) => encodeText(`Date,Close\n${text}`);
    expect(wasmRows(body('2025-01-02,182.35562133789065\n'), 11, false)).toBe('declined'); // Number()'s
    expect(wasmRows(body('2025-01-03,1\n2025-01-02,1\n'), 11, false)).toBe('declined'); // out of order
    expect(wasmRows(body('2025-01-03,1\n2025-01-03,2\n'), 11, false)).toBe('declined'); // a date twice
    expect(wasmRows(body('0000-01-05,1\n'), 11, false)).toBe('declined'); // year 0000
    expect(wasmRows(body('2025-01-02 00:00:00+08:00,1\n'), 11, false)).toBe('general');
  });

  it('is rows.wat as assembled: npm run build:wasm after editing it', async () => {
    const { assemble } = (await import(path.join(ROOT, 'scripts', 'build-wasm.mjs'))) as { assemble: () => Promise<{ base64: string; text: string }> };
    const { base64, text } = await assemble();
    expect(base64).toBe(ROWS_WASM);
    expect(await readFile(path.join(ROOT, 'src', 'providers', 'files', 'rows-wasm.ts'), 'utf8')).toBe(text);
  });
});
