/**
 * The on-disk cache: one JSON file per symbol and kind, under
 *   <dir>/history/<symbol>.json   daily closes, with the range they cover
 *   <dir>/quotes/<symbol>.json    the latest quote
 * (symbols URL-encoded: `^NDX` → `%5ENDX.json`). Every file is replaced
 * atomically (temporary file + rename), so a reader — another `basket` run
 * included — sees a whole entry or none, and a process killed mid-write
 * leaves at most a stray temporary file, which readers ignore. Each entry
 * carries a checksum of its data: a corrupt or truncated file is detected,
 * discarded with a warning and fetched again. Failing to write the cache
 * (read-only disk, disk full) is warned about once and never fails a run.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { errnoCode, isTempFile, writeFileAtomic } from '../../atomic-file.js';
import { isIsoDate } from '../../analytics/calendar.js';
import type { IsoDate, Quote } from '../../domain/types.js';

export const CACHE_FORMAT = 'basket-cache';
export const CACHE_VERSION = 1;

export type EntryKind = 'history' | 'quotes';
const KINDS: readonly EntryKind[] = ['history', 'quotes'];

/**
 * A symbol's daily closes as the source had them at `fetchedAt`, for every
 * session in [from, to]; or, with `missing`, the source's answer that it has
 * none (kept only for the quote TTL, so an unknown symbol is not asked for on
 * every run).
 */
export interface HistoryEntry {
  readonly symbol: string;
  readonly currency: string | null;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** ISO 8601 instant of the fetch. */
  readonly fetchedAt: string;
  readonly dates: readonly IsoDate[];
  readonly close: readonly number[];
  readonly adjClose: readonly number[];
  /** The source's notes on this range (bars it left out), repeated when the entry is used. */
  readonly notes: readonly string[];
  /** Set when the source said it has no data for the symbol: its reason. */
  readonly missing: string | null;
}

export interface QuoteEntry {
  readonly symbol: string;
  readonly fetchedAt: string;
  readonly quote: Quote;
}

const isoDate = z.string().refine(isIsoDate, 'not a YYYY-MM-DD date');
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO instant');
const price = z.number().finite().positive();
const nullableNumber = z.number().finite().nullable();

const historySchema = z
  .object({
    symbol: z.string().min(1),
    currency: z.string().nullable(),
    from: isoDate,
    to: isoDate,
    fetchedAt: instant,
    dates: z.array(isoDate),
    close: z.array(price),
    adjClose: z.array(price),
    notes: z.array(z.string()),
    missing: z.string().nullable(),
  })
  .strict()
  .refine((e) => e.close.length === e.dates.length && e.adjClose.length === e.dates.length, 'arrays of different lengths')
  .refine((e) => e.dates.every((d, i) => i === 0 || (e.dates[i - 1] as string) < d), 'dates not ascending')
  .refine((e) => e.from <= e.to && e.dates.every((d) => d >= e.from && d <= e.to), 'dates outside the range');

const quoteSchema = z
  .object({
    symbol: z.string().min(1),
    fetchedAt: instant,
    quote: z
      .object({
        symbol: z.string().min(1),
        name: z.string().nullable(),
        currency: z.string().nullable(),
        financialCurrency: z.string().nullable(),
        price: nullableNumber,
        forwardPE: nullableNumber,
        trailingPE: nullableNumber,
        epsForward: nullableNumber,
        marketCap: nullableNumber,
        sharesOutstanding: nullableNumber,
      })
      .strict(),
  })
  .strict();

const envelopeSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  version: z.number(),
  kind: z.enum(['history', 'quotes']),
  symbol: z.string(),
  checksum: z.string(),
  data: z.unknown(),
});

const checksumOf = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex');

/** `^NDX` → `%5ENDX.json`; the inverse of symbolOf. */
export const fileNameOf = (symbol: string) => `${encodeURIComponent(symbol)}.json`;
const symbolOf = (file: string) => decodeURIComponent(file.slice(0, -'.json'.length));

export interface CacheFileInfo {
  readonly kind: EntryKind;
  readonly symbol: string;
  readonly bytes: number;
  /** First and last close held (history), or null. */
  readonly firstDate: IsoDate | null;
  readonly lastDate: IsoDate | null;
  readonly fetchedAt: string | null;
  /** Why the entry cannot be used (it will be discarded on its next read), or null. */
  readonly problem: string | null;
}

export interface CacheInfo {
  readonly dir: string;
  readonly files: readonly CacheFileInfo[];
  readonly bytes: number;
  /** Temporary files left by an interrupted write (ignored; removed by `cache clear`). */
  readonly strayTempFiles: number;
}

type Parsed<T> = { readonly entry: T; readonly problem: null } | { readonly entry: null; readonly problem: string | null };

export class CacheStore {
  private warnedWrite = false;

  constructor(
    readonly dir: string,
    /** Where warnings go (stderr), one line each. */
    private readonly warn: (line: string) => void,
  ) {}

  private file(kind: EntryKind, symbol: string): string {
    return path.join(this.dir, kind, fileNameOf(symbol));
  }

  private async read<T>(kind: EntryKind, symbol: string, schema: z.ZodType<T>): Promise<T | null> {
    const file = this.file(kind, symbol);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return null;
      this.warn(`cannot read the cache entry ${file} (${errnoCode(err) ?? String(err)}); fetching ${symbol} again`);
      return null;
    }
    const parsed = parseEntry(text, kind, symbol, schema);
    if (parsed.entry !== null) return parsed.entry;
    if (parsed.problem !== null) {
      this.warn(`the cached ${kind === 'history' ? 'history' : 'quote'} of ${symbol} was unusable (${parsed.problem}): discarded, fetching it again`);
      await rm(file, { force: true }).catch(() => undefined);
    }
    return null;
  }

  private async write(kind: EntryKind, symbol: string, data: unknown): Promise<void> {
    const envelope = { format: CACHE_FORMAT, version: CACHE_VERSION, kind, symbol, checksum: checksumOf(data), data };
    try {
      await mkdir(path.join(this.dir, kind), { recursive: true });
      await writeFileAtomic(this.file(kind, symbol), `${JSON.stringify(envelope)}\n`);
    } catch (err) {
      if (!this.warnedWrite) {
        this.warnedWrite = true;
        this.warn(`cannot write the cache in ${this.dir} (${errnoCode(err) ?? String(err)}): this run's data will be fetched again next time`);
      }
    }
  }

  readHistory(symbol: string): Promise<HistoryEntry | null> {
    return this.read('history', symbol, historySchema as z.ZodType<HistoryEntry>);
  }

  writeHistory(entry: HistoryEntry): Promise<void> {
    return this.write('history', entry.symbol, entry);
  }

  readQuote(symbol: string): Promise<QuoteEntry | null> {
    return this.read('quotes', symbol, quoteSchema as z.ZodType<QuoteEntry>);
  }

  writeQuote(entry: QuoteEntry): Promise<void> {
    return this.write('quotes', entry.symbol, entry);
  }

  /** What the cache holds (`basket cache info`); reads every entry. */
  async info(): Promise<CacheInfo> {
    const files: CacheFileInfo[] = [];
    let strayTempFiles = 0;
    for (const kind of KINDS) {
      for (const name of await listDir(path.join(this.dir, kind))) {
        if (isTempFile(name)) {
          strayTempFiles++;
          continue;
        }
        if (!name.endsWith('.json')) continue;
        const file = path.join(this.dir, kind, name);
        const symbol = symbolOf(name);
        const [text, size] = await Promise.all([readFile(file, 'utf8').catch(() => ''), stat(file).then((s) => s.size, () => 0)]);
        const parsed = kind === 'history' ? parseEntry(text, kind, symbol, historySchema as z.ZodType<HistoryEntry>) : parseEntry(text, kind, symbol, quoteSchema as z.ZodType<QuoteEntry>);
        const entry = parsed.entry;
        const history = entry !== null && 'dates' in entry ? entry : null;
        files.push({
          kind,
          symbol,
          bytes: size,
          firstDate: history?.dates[0] ?? null,
          lastDate: history?.dates.at(-1) ?? null,
          fetchedAt: entry?.fetchedAt ?? null,
          problem: entry === null ? (parsed.problem ?? 'an older cache format') : null,
        });
      }
    }
    files.sort((a, b) => (a.symbol === b.symbol ? (a.kind < b.kind ? -1 : 1) : a.symbol < b.symbol ? -1 : 1));
    return { dir: this.dir, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0), strayTempFiles };
  }

  /** Remove the entries of `symbols` (all entries when none are named) and any stray temporary files; returns the files removed. */
  async clear(symbols: readonly string[] = []): Promise<number> {
    const wanted = new Set(symbols.map(fileNameOf));
    let removed = 0;
    for (const kind of KINDS) {
      for (const name of await listDir(path.join(this.dir, kind))) {
        const stray = isTempFile(name);
        if (!stray && !name.endsWith('.json')) continue;
        if (!stray && wanted.size > 0 && !wanted.has(name)) continue;
        if (stray && wanted.size > 0 && ![...wanted].some((w) => name.startsWith(`.${w}`))) continue;
        await rm(path.join(this.dir, kind, name), { force: true });
        removed++;
      }
    }
    return removed;
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (err) {
    if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') return [];
    throw err;
  }
}

/** Check a cache file's text: format, version, kind, symbol, checksum, then the entry's own shape. */
export function parseEntry<T>(text: string, kind: EntryKind, symbol: string, schema: z.ZodType<T>): Parsed<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { entry: null, problem: text.trim() === '' ? 'empty file' : 'not valid JSON: cut short?' };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { entry: null, problem: 'not a basket cache entry' };
  const e = envelope.data;
  // another version of basket wrote it: not corrupt, just not ours to read; it is replaced on the next write
  if (e.version !== CACHE_VERSION) return { entry: null, problem: null };
  if (e.kind !== kind || e.symbol !== symbol) return { entry: null, problem: `it holds the ${e.kind} of ${e.symbol}` };
  if (checksumOf(e.data) !== e.checksum) return { entry: null, problem: 'checksum mismatch' };
  const data = schema.safeParse(e.data);
  if (!data.success) return { entry: null, problem: `invalid entry: ${data.error.issues[0]?.message ?? 'bad shape'}` };
  if ((data.data as { symbol: string }).symbol !== symbol) return { entry: null, problem: 'symbol mismatch' };
  return { entry: data.data, problem: null };
}
