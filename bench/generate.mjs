/**
 * Deterministic synthetic universes in basket's offline data directory format
 * (README, "Offline data directory"):
 *
 *   DIR/prices/<SYMBOL>.csv   Date,Close,Adj Close (what `basket snapshot` writes)
 *   DIR/quotes.csv            symbol,name,currency,…,forwardPE,trailingPE,…
 *   DIR/u<N>.txt              a ticker list: one basket of the first N symbols
 *
 * Symbols alternate between two calendars: US (`US0001`, NYSE-style weekends
 * and holidays, USD) and Hong Kong (`1001.HK`, HKEX-style holidays with Lunar
 * New Year, HKD). Some series list late (an IPO inside the range), some are
 * suspended for 15–40 sessions (a gap), some carry rows with an empty close
 * (left out and reported by basket). Closes are a seeded random walk; the
 * adjusted close folds in quarterly dividends. Same parameters, same bytes.
 *
 * Also a command: node bench/generate.mjs --symbols 500 --years 10 [--out DIR] [--seed 42] [--end 2025-03-07]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the output of the same parameters changes: cached universes are then rebuilt. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 42;
/** The demo data's as-of date: every universe ends here. */
export const DEFAULT_END = '2025-03-07';
export const FX_SYMBOL = 'USDHKD=X';

const DAY_MS = 86_400_000;

/** mulberry32: a small, fast, seedable PRNG; numbers in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, as an unsigned 32-bit integer. */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A standard normal draw (Box–Muller). */
function gaussian(rand) {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

// --- calendars: UTC day numbers -------------------------------------------------

const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / DAY_MS;
const weekday = (day) => (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
const isoCache = new Map();
export function isoOf(day) {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}
export const dayOfIso = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** The n-th (1-based) given weekday of a month; n = -1: the last one. */
function nthWeekday(y, m, wd, n) {
  if (n > 0) {
    const first = dayOf(y, m, 1);
    return first + ((wd - weekday(first) + 7) % 7) + 7 * (n - 1);
  }
  const last = dayOf(y, m + 1, 1) - 1;
  return last - ((weekday(last) - wd + 7) % 7);
}

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(y) {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return dayOf(y, month, ((h + l - 7 * m + 114) % 31) + 1);
}

/** Saturday → Friday, Sunday → Monday (US observance). */
const observedUs = (day) => (weekday(day) === 6 ? day - 1 : weekday(day) === 0 ? day + 1 : day);
/** Sunday → Monday (HK observance; a Saturday holiday is lost). */
const observedHk = (day) => (weekday(day) === 0 ? day + 1 : day);

function usHolidays(y) {
  const days = [
    observedHk(dayOf(y, 1, 1)),
    nthWeekday(y, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(y, 2, 1, 3), // Presidents' Day
    easter(y) - 2, // Good Friday
    nthWeekday(y, 5, 1, -1), // Memorial Day
    observedUs(dayOf(y, 7, 4)),
    nthWeekday(y, 9, 1, 1), // Labor Day
    nthWeekday(y, 11, 4, 4), // Thanksgiving
    observedUs(dayOf(y, 12, 25)),
  ];
  if (y >= 2022) days.push(observedUs(dayOf(y, 6, 19)));
  return days;
}

/** Lunar New Year's Day, 2005–2035: the anchor of HK's lunar holidays. */
const LUNAR_NEW_YEAR = {
  2005: '02-09', 2006: '01-29', 2007: '02-18', 2008: '02-07', 2009: '01-26', 2010: '02-14', 2011: '02-03', 2012: '01-23',
  2013: '02-10', 2014: '01-31', 2015: '02-19', 2016: '02-08', 2017: '01-28', 2018: '02-16', 2019: '02-05', 2020: '01-25',
  2021: '02-12', 2022: '02-01', 2023: '01-22', 2024: '02-10', 2025: '01-29', 2026: '02-17', 2027: '02-06', 2028: '01-26',
  2029: '02-13', 2030: '02-03', 2031: '01-23', 2032: '02-11', 2033: '01-31', 2034: '02-19', 2035: '02-08',
};

function hkHolidays(y) {
  const lny = LUNAR_NEW_YEAR[y] ? dayOfIso(`${y}-${LUNAR_NEW_YEAR[y]}`) : dayOf(y, 2, 1);
  const e = easter(y);
  return [
    observedHk(dayOf(y, 1, 1)),
    lny, lny + 1, lny + 2, // Lunar New Year
    e - 2, e + 1, // Good Friday, Easter Monday
    observedHk(dayOf(y, 4, 5)), // Ching Ming (approximate)
    observedHk(dayOf(y, 5, 1)),
    observedHk(lny + 95), // Buddha's Birthday (approximate lunar offset)
    observedHk(lny + 122), // Tuen Ng (approximate)
    observedHk(dayOf(y, 7, 1)),
    observedHk(lny + 224), // day after Mid-Autumn (approximate)
    observedHk(dayOf(y, 10, 1)),
    observedHk(lny + 247), // Chung Yeung (approximate)
    observedHk(dayOf(y, 12, 25)),
    observedHk(dayOf(y, 12, 26)),
  ];
}

export const CALENDARS = {
  US: { currency: 'USD', zone: 'America/New_York', holidays: usHolidays },
  HK: { currency: 'HKD', zone: 'Asia/Hong_Kong', holidays: hkHolidays },
  FX: { currency: 'HKD', zone: 'Europe/London', holidays: () => [] },
};

const sessionsCache = new Map();
/** The sessions of a calendar from `start` to `end` (ISO, inclusive), as day numbers. */
export function sessions(calendar, start, end) {
  const key = `${calendar}|${start}|${end}`;
  let days = sessionsCache.get(key);
  if (days) return days;
  const first = dayOfIso(start);
  const last = dayOfIso(end);
  const closed = new Set();
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) for (const d of CALENDARS[calendar].holidays(y)) closed.add(d);
  days = [];
  for (let d = first; d <= last; d++) if (weekday(d) !== 0 && weekday(d) !== 6 && !closed.has(d)) days.push(d);
  sessionsCache.set(key, days);
  return days;
}

// --- the universe ----------------------------------------------------------------

/** The universe's parameters, with defaults; `start` is `years` before `end`. */
export function universeParams({ symbols, years, seed = DEFAULT_SEED, end = DEFAULT_END }) {
  const y = Number(end.slice(0, 4)) - years;
  const start = `${y}${end.slice(4)}`;
  return { symbols, years, seed, end, start: isoOf(dayOfIso(start) + 1) };
}

/** The i-th symbol (0-based): even → US, odd → HK. */
export function symbolAt(i) {
  const k = Math.floor(i / 2) + 1;
  return i % 2 === 0
    ? { symbol: `US${String(k).padStart(4, '0')}`, calendar: 'US', currency: 'USD' }
    : { symbol: `${String(1000 + k).padStart(4, '0')}.HK`, calendar: 'HK', currency: 'HKD' };
}

export function universeSymbols(n) {
  return Array.from({ length: n }, (_, i) => symbolAt(i));
}

/** A symbol's spec by name, or null when the symbol is not of the generated kind. */
export function specOf(symbol) {
  let m = /^US(\d{4})$/.exec(symbol);
  if (m) return { symbol, calendar: 'US', currency: 'USD', index: (Number(m[1]) - 1) * 2 };
  m = /^(\d{4})\.HK$/.exec(symbol);
  if (m && Number(m[1]) > 1000) return { symbol, calendar: 'HK', currency: 'HKD', index: (Number(m[1]) - 1001) * 2 + 1 };
  if (symbol === FX_SYMBOL) return { symbol, calendar: 'FX', currency: 'HKD', index: -1 };
  return null;
}

/**
 * A symbol's daily bars in [start, end]: dates (ISO), closes and adjusted
 * closes (null where the row's close is empty). Deterministic in (seed, symbol).
 */
export function barsOf(spec, params) {
  const rand = mulberry32(params.seed ^ hashString(spec.symbol));
  const days = sessions(spec.calendar, params.start, params.end);
  const fx = spec.calendar === 'FX';
  // listing late, a suspension, empty closes: drawn first, so they do not depend on the walk
  const ipo = !fx && rand() < 0.1 ? Math.floor(rand() * days.length * 0.8) : 0;
  const gapAt = !fx && rand() < 0.08 ? ipo + Math.floor(rand() * (days.length - ipo - 60)) : -1;
  const gapLen = 15 + Math.floor(rand() * 26);
  const holes = new Set();
  if (!fx && rand() < 0.03) for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) holes.add(ipo + Math.floor(rand() * (days.length - ipo)));
  const pays = !fx && rand() < 0.6;
  const quarterlyYield = 0.002 + rand() * 0.008;
  const drift = fx ? 0 : 0.0002 + (rand() - 0.5) * 0.0008;
  const vol = fx ? 0.0008 : 0.01 + rand() * 0.02;
  let price = fx ? 7.8 : 5 + rand() * 495;

  const dates = [];
  const close = [];
  for (let i = ipo; i < days.length; i++) {
    const move = Math.max(-0.12, Math.min(0.12, drift + vol * gaussian(rand)));
    price = fx ? Math.min(7.85, Math.max(7.75, price * (1 + move))) : Math.max(0.05, price * Math.exp(move));
    if (gapAt >= 0 && i >= gapAt && i < gapAt + gapLen) continue;
    dates.push(isoOf(days[i]));
    close.push(holes.has(i) ? null : Math.round(price * 1e4) / 1e4);
  }
  // adjusted closes: every quarter-end ex-date after a bar scales it down by the yield
  const adj = new Array(close.length);
  let factor = 1;
  let quarter = null;
  for (let i = close.length - 1; i >= 0; i--) {
    const q = dates[i].slice(0, 4) + Math.floor((Number(dates[i].slice(5, 7)) - 1) / 3);
    if (pays && quarter !== null && q !== quarter) factor *= 1 - quarterlyYield;
    quarter = q;
    adj[i] = close[i] === null ? null : Math.round(close[i] * factor * 1e4) / 1e4;
  }
  return { dates, close, adj };
}

/** A symbol's quote, as quotes.csv has it (some P/Es unknown or negative). */
export function quoteOf(spec, params, lastClose) {
  const rand = mulberry32((params.seed * 31) ^ hashString(`${spec.symbol}/quote`));
  const pe = () => {
    const r = rand();
    return r < 0.2 ? null : r < 0.3 ? -Math.round(rand() * 400) / 10 : Math.round((5 + rand() * 55) * 10) / 10;
  };
  const shares = Math.round(1e8 + rand() * 1e10);
  const price = lastClose ?? null;
  const forwardPE = pe();
  return {
    symbol: spec.symbol,
    name: `Synthetic ${spec.calendar} ${spec.symbol} Holdings`,
    currency: spec.currency,
    financialCurrency: spec.currency,
    price,
    forwardPE,
    trailingPE: pe(),
    epsForward: price !== null && forwardPE ? Math.round((price / forwardPE) * 1e4) / 1e4 : null,
    marketCap: price === null ? null : Math.round(price * shares),
    sharesOutstanding: shares,
  };
}

const QUOTE_COLUMNS = ['symbol', 'name', 'currency', 'financialCurrency', 'price', 'forwardPE', 'trailingPE', 'epsForward', 'marketCap', 'sharesOutstanding'];

function toPriceCsv(bars) {
  const lines = ['Date,Close,Adj Close'];
  for (let i = 0; i < bars.dates.length; i++) lines.push(`${bars.dates[i]},${bars.close[i] ?? ''},${bars.adj[i] ?? ''}`);
  return `${lines.join('\n')}\n`;
}

const csvCell = (v) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** The directory a universe is cached in between runs (deterministic, so safe to reuse). */
export function universeDir(params, base = path.join(tmpdir(), 'basket-bench')) {
  return path.join(base, `u${params.symbols}x${params.years}y-s${params.seed}-e${params.end}-v${GENERATOR_VERSION}`);
}

/**
 * Write the universe into `dir` (unless it is there already, complete) with
 * a ticker list per size in `lists` (default: all symbols). Returns what it holds.
 */
export function generateUniverse(params, dir = universeDir(params), { lists = [params.symbols], fresh = false } = {}) {
  const marker = path.join(dir, '.complete.json');
  const specs = universeSymbols(params.symbols);
  const listFile = (n) => path.join(dir, `u${n}.txt`);
  const info = { dir, params, lists: Object.fromEntries(lists.map((n) => [n, listFile(n)])), symbols: specs.map((s) => s.symbol) };
  if (!fresh && existsSync(marker)) {
    const done = JSON.parse(readFileSync(marker, 'utf8'));
    if (lists.every((n) => existsSync(listFile(n)) && done.bars?.[n] !== undefined)) return { ...info, bars: done.bars, generated: false };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'prices'), { recursive: true });
  const quotes = [];
  const barsOfSymbol = [];
  for (const spec of [...specs, specOf(FX_SYMBOL)]) {
    const b = barsOf(spec, params);
    barsOfSymbol.push(b.dates.length);
    writeFileSync(path.join(dir, 'prices', `${spec.symbol}.csv`), toPriceCsv(b));
    const last = b.close.findLast((c) => c !== null) ?? null;
    quotes.push(spec.calendar === 'FX' ? { symbol: FX_SYMBOL, name: 'USD/HKD', currency: 'HKD' } : quoteOf(spec, params, last));
  }
  writeFileSync(path.join(dir, 'quotes.csv'), `${[QUOTE_COLUMNS.join(','), ...quotes.map((q) => QUOTE_COLUMNS.map((c) => csvCell(q[c])).join(','))].join('\n')}\n`);
  for (const n of lists) {
    writeFileSync(listFile(n), `# synthetic universe: the first ${n} of ${params.symbols} symbols, ${params.years} years to ${params.end}, seed ${params.seed}\n${specs.slice(0, n).map((s) => s.symbol).join('\n')}\n`);
  }
  // rows per list (empty closes included: they are rows basket reads)
  const bars = Object.fromEntries(lists.map((n) => [n, barsOfSymbol.slice(0, n).reduce((a, b) => a + b, 0)]));
  writeFileSync(marker, `${JSON.stringify({ ...params, version: GENERATOR_VERSION, bars })}\n`);
  return { ...info, bars, generated: true };
}

function parseArgs(argv) {
  const out = { symbols: 500, years: 10, seed: DEFAULT_SEED, end: DEFAULT_END, dir: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--symbols') out.symbols = Number(value);
    else if (flag === '--years') out.years = Number(value);
    else if (flag === '--seed') out.seed = Number(value);
    else if (flag === '--end') out.end = value;
    else if (flag === '--out') out.dir = path.resolve(value);
    else throw new Error(`unknown option ${flag} (expected --symbols N --years Y [--seed S] [--end YYYY-MM-DD] [--out DIR])`);
    i++;
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const params = universeParams(args);
  const started = performance.now();
  const u = generateUniverse(params, args.dir ?? universeDir(params), { fresh: true });
  process.stdout.write(`wrote ${params.symbols} symbols × ${params.years} years (${params.start} to ${params.end}) to ${u.dir} in ${Math.round(performance.now() - started)} ms\n`);
}
