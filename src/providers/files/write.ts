/**
 * Writing an offline data directory (`basket snapshot`). The directory is
 * built beside its destination and renamed into place, so a reader never sees
 * a half-written one and a failed run leaves any earlier directory intact.
 */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { PriceSeries, Quote } from '../../domain/types.js';
import { UsageError } from '../../errors.js';
import { seriesDates } from '../provider.js';
import { QUOTE_COLUMNS } from './quotes.js';

const csv = (rows: (string | number | null)[][]) =>
  stringify(
    rows.map((r) => r.map((c) => (c === null ? '' : String(c)))),
    { record_delimiter: '\n' },
  );

/** A series as `Date,Close,Adj Close` CSV, with a `Stock Splits` column when the source recorded splits (ratio on its day, else 0). */
export function toPriceCsv(s: PriceSeries): string {
  const dates = seriesDates(s);
  if (!s.splits || s.splits.length === 0) return csv([['Date', 'Close', 'Adj Close'], ...dates.map((d, i) => [d, s.close[i] ?? null, s.adjClose[i] ?? null])]);
  const ratio = new Map(s.splits.map((x) => [x.day, x.ratio]));
  return csv([['Date', 'Close', 'Adj Close', 'Stock Splits'], ...dates.map((d, i) => [d, s.close[i] ?? null, s.adjClose[i] ?? null, ratio.get(s.days[i] as number) ?? 0])]);
}

/** Quotes as `quotes.csv` with its `date` and `provider` columns: one row per quote (a symbol's dated quotes each on its own row), in the order given. */
export function toQuotesCsv(quotes: readonly Quote[]): string {
  return csv([['symbol', 'date', ...QUOTE_COLUMNS, 'provider'], ...quotes.map((q) => [q.symbol, q.date ?? null, ...QUOTE_COLUMNS.map((c) => q[c]), q.provider ?? null])]);
}

async function isNonEmptyDir(dir: string): Promise<boolean | null> {
  const s = await stat(dir).catch(() => null);
  if (!s) return null;
  if (!s.isDirectory()) throw new UsageError(`--out ${dir} exists and is not a directory`);
  return (await readdir(dir)).length > 0;
}

export interface WriteOptions {
  /** Replace an existing non-empty directory. */
  readonly force: boolean;
}

/** Write `series` and `quotes` as an offline data directory at `out`, atomically. */
export async function writeDataDirectory(
  out: string,
  series: readonly PriceSeries[],
  quotes: readonly Quote[],
  { force }: WriteOptions,
): Promise<void> {
  const existing = await isNonEmptyDir(out);
  if (existing && !force) throw new UsageError(`${out} already exists and is not empty: pass --force to replace it`);
  const parent = path.dirname(path.resolve(out));
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = path.join(parent, `.${path.basename(out)}.partial-${stamp}`);
  try {
    await mkdir(path.join(staging, 'prices'), { recursive: true });
    for (const s of series) await writeFile(path.join(staging, 'prices', `${s.symbol}.csv`), toPriceCsv(s));
    await writeFile(path.join(staging, 'quotes.csv'), toQuotesCsv(quotes));
    if (existing === null) {
      await rename(staging, out);
    } else {
      const old = path.join(parent, `.${path.basename(out)}.old-${stamp}`);
      await rename(out, old);
      await rename(staging, out);
      await rm(old, { recursive: true, force: true });
    }
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}
