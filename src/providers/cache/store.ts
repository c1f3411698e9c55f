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
import { crc32 } from 'node:zlib';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, isTempFile, writeFileAtomic } from '../../io/atomic-file.js';
import { ReadBuffer } from '../../io/read-file.js';
import { fromDayNumber } from '../../domain/calendar.js';
import type { DayNumber, IsoDate } from '../../domain/types.js';
import { checkHistory, checkQuote, isObject, type Check, type HistoryEntry, type QuoteEntry } from './entries.js';

export const CACHE_FORMAT = 'basket-cache';
/** 2: history holds day numbers (`days`), not ISO dates; an entry of another version is fetched again. */
export const CACHE_VERSION = 2;

export type EntryKind = 'history' | 'quotes';
export { mergeQuotes, type HistoryEntry, type QuoteEntry } from './entries.js';
const KINDS: readonly EntryKind[] = ['history', 'quotes'];

/** An entry's checksum: a CRC-32 of its data's text (zlib's, as zip and gzip use to catch a damaged file), `crc32:` and eight hex digits. */
const checksumOf = (text: string) => `crc32:${crc32(text).toString(16).padStart(8, '0')}`;

/**
 * The entry's file text: the envelope with `data` last, so that a reader can
 * check the checksum over the data's own text without serialising it again.
 */
function envelopeText(kind: EntryKind, symbol: string, data: unknown): string {
  const body = JSON.stringify(data);
  const head = JSON.stringify({ format: CACHE_FORMAT, version: CACHE_VERSION, kind, symbol, checksum: checksumOf(body) });
  return `${head.slice(0, -1)},"data":${body}}\n`;
}

/**
 * Whether `checksum` is that of the data: of its text as written (the `data`
 * member is last: no string in the envelope can hold `"data":` unescaped),
 * or, for a file laid out otherwise, of the data serialised again.
 */
function checksumMatches(text: string, data: unknown, checksum: string): boolean {
  const at = text.indexOf('"data":');
  const end = text.lastIndexOf('}');
  if (at >= 0 && end > at && checksumOf(text.slice(at + '"data":'.length, end)) === checksum) return true;
  return checksumOf(JSON.stringify(data)) === checksum;
}

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
  /** One run reads hundreds of entries before it can go on: synchronously, into this store's buffer (read-file.ts). */
  private readonly readBuffer = new ReadBuffer();

  constructor(
    readonly dir: string,
    /** Where warnings go (stderr), one line each. */
    private readonly warn: (line: string) => void,
  ) {}

  private file(kind: EntryKind, symbol: string): string {
    return path.join(this.dir, kind, fileNameOf(symbol));
  }

  private async read<T>(kind: EntryKind, symbol: string, check: Check<T>): Promise<T | null> {
    const file = this.file(kind, symbol);
    let text: string;
    try {
      const bytes = this.readBuffer.read(file);
      if (bytes === null) return null;
      text = bytes.toString('utf8');
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return null;
      this.warn(`cannot read the cache entry ${file} (${errnoCode(err) ?? String(err)}); fetching ${symbol} again`);
      return null;
    }
    const parsed = parseEntry(text, kind, symbol, check);
    if (parsed.entry !== null) return parsed.entry;
    if (parsed.problem !== null) {
      this.warn(`the cached ${kind === 'history' ? 'history' : 'quote'} of ${symbol} was unusable (${parsed.problem}): discarded, fetching it again`);
      await rm(file, { force: true }).catch(() => undefined);
    }
    return null;
  }

  private async write(kind: EntryKind, symbol: string, data: unknown): Promise<void> {
    try {
      await mkdir(path.join(this.dir, kind), { recursive: true });
      await writeFileAtomic(this.file(kind, symbol), envelopeText(kind, symbol, data));
    } catch (err) {
      if (!this.warnedWrite) {
        this.warnedWrite = true;
        this.warn(`cannot write the cache in ${this.dir} (${errnoCode(err) ?? String(err)}): this run's data will be fetched again next time`);
      }
    }
  }

  readHistory(symbol: string): Promise<HistoryEntry | null> {
    return this.read('history', symbol, checkHistory);
  }

  writeHistory(entry: HistoryEntry): Promise<void> {
    return this.write('history', entry.symbol, entry);
  }

  readQuote(symbol: string): Promise<QuoteEntry | null> {
    return this.read('quotes', symbol, checkQuote);
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
        const parsed = kind === 'history' ? parseEntry(text, kind, symbol, checkHistory) : parseEntry(text, kind, symbol, checkQuote);
        const entry = parsed.entry;
        const history = entry !== null && 'days' in entry ? entry : null;
        const day = (d: DayNumber | undefined) => (d === undefined ? null : fromDayNumber(d));
        files.push({
          kind,
          symbol,
          bytes: size,
          firstDate: day(history?.days[0]),
          lastDate: day(history?.days.at(-1)),
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
export function parseEntry<T>(text: string, kind: EntryKind, symbol: string, check: Check<T>): Parsed<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { entry: null, problem: text.trim() === '' ? 'empty file' : 'not valid JSON: cut short?' };
  }
  if (!isObject(json) || json.format !== CACHE_FORMAT || typeof json.version !== 'number' || typeof json.checksum !== 'string' || !('data' in json)) {
    return { entry: null, problem: 'not a basket cache entry' };
  }
  // another version of basket wrote it: not corrupt, just not ours to read; it is replaced on the next write
  if (json.version !== CACHE_VERSION) return { entry: null, problem: null };
  if (json.kind !== kind || json.symbol !== symbol) return { entry: null, problem: `it holds the ${String(json.kind)} of ${String(json.symbol)}` };
  if (!checksumMatches(text, json.data, json.checksum)) return { entry: null, problem: 'checksum mismatch' };
  const data = check(json.data);
  if (!data.ok) return { entry: null, problem: data.problem };
  if ((data.value as { symbol: string }).symbol !== symbol) return { entry: null, problem: 'symbol mismatch' };
  return { entry: data.value, problem: null };
}
