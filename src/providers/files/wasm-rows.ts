/**
 * The host of rows.wat (see its header): instantiates the module on first
 * use, lays a price file's bytes and the columns out in its memory, and
 * copies the rows it read into columns of their own.
 */
import type { DayNumber } from '../../domain/types.js';
import { ROWS_WASM } from './rows-wasm.js';

/** The little of the WebAssembly API used here (the project's TypeScript libraries do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: unknown };
}
interface Global {
  readonly value: number;
}

/** rows.wat's exports. */
interface RowsModule {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  rows(p: number, n: number, three: number, days: number, close: number, adj: number, cap: number): number;
  readonly skipped: Global;
  readonly skip0: Global;
  readonly skip1: Global;
  readonly skip2: Global;
}

/** Where rows.wat finds the days in each month, the powers of ten, and the file (see its header). */
const MONTHS_AT = 0;
const POW10_AT = 96;
const FILE_AT = 280;
const PAGE = 65_536;

/** The module, once made; null when this Node has no WebAssembly (`--jitless`): fixedRows then reads every file. */
let instance: RowsModule | null | undefined;

function rowsModule(): RowsModule | null {
  if (instance === undefined) {
    const wasm = (globalThis as unknown as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    if (wasm === undefined) return (instance = null);
    instance = new wasm.Instance(new wasm.Module(Buffer.from(ROWS_WASM, 'base64'))).exports as RowsModule;
    new Int32Array(instance.memory.buffer, MONTHS_AT, 12).set([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    // the same doubles as scan.ts's POW10
    new Float64Array(instance.memory.buffer, POW10_AT, 23).set(Array.from({ length: 23 }, (_, i) => 10 ** i));
  }
  return instance;
}

/** The rows rows.wat read, in columns of their own, and the rows it left out for an empty or non-positive close. */
export interface WasmRows {
  readonly days: Int32Array;
  readonly close: Float64Array;
  readonly adjClose: Float64Array;
  readonly skipped: number;
  /** The first three of them. */
  readonly firstSkipped: readonly DayNumber[];
}

const align8 = (at: number) => (at + 7) & ~7;

/**
 * The rows of `file` from byte `from` (the line after the header), laid out
 * `YYYY-MM-DD,close` or, with `three`, `YYYY-MM-DD,close,adj close`; or
 * `'declined'` (a row only fixedRows or the full reader reads) or
 * `'general'` (a row laid out otherwise: the general loop's).
 */
export function wasmRows(file: Uint8Array, from: number, three: boolean): WasmRows | 'declined' | 'general' {
  const wasm = rowsModule();
  if (wasm === null) return 'declined';
  const n = file.length;
  // a row kept is at least "YYYY-MM-DD,d" and a line break, bar the last
  const cap = Math.floor((n - from + 1) / 13) + 1;
  const daysAt = align8(FILE_AT + n);
  const closeAt = align8(daysAt + cap * 4);
  const adjAt = closeAt + cap * 8;
  const size = adjAt + cap * 8;
  if (size > wasm.memory.buffer.byteLength) wasm.memory.grow(Math.ceil((size - wasm.memory.buffer.byteLength) / PAGE));
  new Uint8Array(wasm.memory.buffer, FILE_AT, n).set(file);
  const count = wasm.rows(FILE_AT + from, FILE_AT + n, three ? 1 : 0, daysAt, closeAt, adjAt, cap);
  if (count === -1) return 'declined';
  if (count === -2) return 'general';
  // one allocation for the three columns, as the one-pass reader's own
  const columns = new ArrayBuffer(count * 20);
  const close = new Float64Array(columns, 0, count);
  const adjClose = new Float64Array(columns, count * 8, count);
  const days = new Int32Array(columns, count * 16, count);
  close.set(new Float64Array(wasm.memory.buffer, closeAt, count));
  adjClose.set(new Float64Array(wasm.memory.buffer, adjAt, count));
  days.set(new Int32Array(wasm.memory.buffer, daysAt, count));
  const skipped = wasm.skipped.value;
  const firstSkipped = [wasm.skip0.value, wasm.skip1.value, wasm.skip2.value].slice(0, Math.min(3, skipped)) as DayNumber[];
  return { days, close, adjClose, skipped, firstSkipped };
}
