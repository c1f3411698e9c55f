#!/usr/bin/env node
// Builds the offline demo data directory fixtures/demo/ from the shared real-data folder:
// prices/<SYMBOL>.csv, a point-in-time quotes.csv and README.md (provenance).
//
//   node scripts/build-demo-data.mjs [path/to/shared/data]
//
// Deterministic: the same input always gives byte-identical output. No network.
// Every number is copied as text (never parsed and re-printed), so no float is reformatted;
// the only text change is USDHKD's decimal comma becoming a dot. Any surprise in the input
// (unsorted or duplicate dates, a malformed date, two ^HSI files that disagree, an unknown
// symbol or field in the quote files) stops the script with an error instead of being skipped.

import fs from 'node:fs';
import path from 'node:path';
import {
  ADDITION_SOURCES,
  FX_SYMBOL,
  HK_SYMBOLS,
  INDEX_SYMBOL,
  NAMES,
  NUMBER_RE,
  PRICE_SOURCES,
  REPO_ROOT,
  US_SYMBOLS,
  readCsv,
  readForwardPeRows,
  readHkForwardPeRows,
  readMarketCapRows,
  readYfinanceMultiHeaderCsv,
  resolveSharedData,
} from './lib/shared-data.mjs';

const sharedData = resolveSharedData();
const outDir = path.join(REPO_ROOT, 'fixtures', 'demo');

const FIRST_DATE = '2019-01-01';
const LAST_DATE = '2025-12-31';
const HSTECH_SYMBOL = 'HSTECH.HK';
const HSI_SYMBOL = '^HSI';
const HSTECH_FIRST = '2020-08-17'; // the Sina series' first row

// Order of quotes.csv rows (and of the README tables).
const QUOTE_ORDER = [
  '9988.HK', '0700.HK', '1810.HK', '1211.HK', '0981.HK', '9618.HK', '9999.HK',
  'AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA',
  INDEX_SYMBOL, FX_SYMBOL, HSTECH_SYMBOL, HSI_SYMBOL,
];
const STOCKS = [...HK_SYMBOLS, ...US_SYMBOLS];
const currencyOf = (symbol) =>
  ({ [INDEX_SYMBOL]: 'USD', [FX_SYMBOL]: 'HKD', [HSTECH_SYMBOL]: 'HKD', [HSI_SYMBOL]: 'HKD' })[symbol] ??
  (symbol.endsWith('.HK') ? 'HKD' : 'USD');

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const rel = (file) => path.relative(sharedData, file).split(path.sep).join('/');

function csvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
const csvLine = (fields) => fields.map(csvField).join(',');

function writeFile(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

// ---- 1. prices ----------------------------------------------------------------------------

/**
 * Date and Close (text) of `records` (in file order) between `from` and `to` inclusive.
 * Every source row must have a YYYY-MM-DD date, strictly after the previous row's (so no duplicate
 * and no unsorted row passes silently). A row in the window whose Close is empty or not a number
 * is skipped and reported.
 */
function takeCloses(file, records, { from, to, dateKey = 'Date', closeKey = 'Close', decimalComma = false }) {
  const rows = [];
  const skipped = [];
  let previous = '';
  for (const r of records) {
    const date = r[dateKey] ?? '';
    if (!DATE_RE.test(date)) throw new Error(`${file}: unexpected date ${JSON.stringify(r[dateKey])}`);
    if (date <= previous) throw new Error(`${file}: ${date} follows ${previous} (duplicate or unsorted)`);
    previous = date;
    if (date < from || date > to) continue;
    let close = r[closeKey] ?? '';
    if (decimalComma) close = close.replace(',', '.');
    if (!NUMBER_RE.test(close) || !Number.isFinite(Number(close))) {
      skipped.push(`${date} ${JSON.stringify(r[closeKey] ?? '')}`);
      continue;
    }
    rows.push({ date, close });
  }
  return { rows, skipped };
}

/** Reads a CSV file keeping the file's own row order (no sorting: takeCloses checks it). */
function readPlain(relPath, delimiter = ',') {
  const file = path.join(sharedData, relPath);
  return { file, ...readCsv(file, { delimiter }) };
}

const series = []; // { symbol, rows, skipped, sources: [relPath], note }
const flatBars = {}; // date -> stock symbols whose source bar is O = H = L = C with Volume 0

for (const symbol of STOCKS) {
  const group = symbol.endsWith('.HK') ? 'hk' : 'us';
  const relPath = `prices/${group}/${symbol}.csv`;
  const { file, records } = readPlain(relPath);
  series.push({ symbol, group, sources: [relPath], ...takeCloses(rel(file), records, { from: FIRST_DATE, to: LAST_DATE }) });
  // Bars with Open = High = Low = Close and Volume 0 (half-day sessions in the HK files), for the README.
  for (const r of records) {
    if (r.Date >= FIRST_DATE && r.Date <= LAST_DATE && r.Volume === '0' && r.Open === r.High && r.High === r.Low && r.Low === r.Close) {
      (flatBars[r.Date] ??= []).push(symbol);
    }
  }
}
{
  const relPath = `prices/index/${INDEX_SYMBOL}.csv`;
  const { file, records } = readPlain(relPath);
  series.push({ symbol: INDEX_SYMBOL, group: 'index', sources: [relPath], ...takeCloses(rel(file), records, { from: FIRST_DATE, to: LAST_DATE }) });
}
{
  const relPath = `prices/fx/${FX_SYMBOL}.csv`;
  const { file, records } = readPlain(relPath, ';');
  series.push({
    symbol: FX_SYMBOL,
    group: 'fx',
    sources: [relPath],
    ...takeCloses(rel(file), records, { from: FIRST_DATE, to: LAST_DATE, decimalComma: true }),
  });
}
{
  const relPath = 'prices/hstech/HSTECH.csv';
  const { file, header, records } = readPlain(relPath);
  if (header.join(',') !== 'date,open,high,low,close') throw new Error(`${relPath}: unexpected header ${header.join(',')}`);
  const taken = takeCloses(rel(file), records, { from: HSTECH_FIRST, to: LAST_DATE, dateKey: 'date', closeKey: 'close' });
  if (taken.rows[0]?.date !== HSTECH_FIRST) throw new Error(`${relPath}: first row ${taken.rows[0]?.date}, expected ${HSTECH_FIRST}`);
  series.push({ symbol: HSTECH_SYMBOL, group: 'hstech', sources: [relPath], ...taken });
}

// ^HSI: index/^HSI.csv up to its last day, then index/^HSI-2021-2026.csv for the days after it.
const hsiCheck = {};
{
  const relA = 'prices/index/^HSI.csv';
  const relB = 'prices/index/^HSI-2021-2026.csv';
  const a = readYfinanceMultiHeaderCsv(path.join(sharedData, relA));
  const b = readYfinanceMultiHeaderCsv(path.join(sharedData, relB));
  for (const [r, x] of [[relA, a], [relB, b]]) if (x.ticker !== HSI_SYMBOL) throw new Error(`${r}: ticker ${x.ticker}, expected ${HSI_SYMBOL}`);
  // Whole files, to compare them on every common day (and to check order and dates everywhere).
  const allA = takeCloses(relA, a.records, { from: '0000-00-00', to: '9999-99-99' });
  const allB = takeCloses(relB, b.records, { from: '0000-00-00', to: '9999-99-99' });
  if (allA.skipped.length || allB.skipped.length) {
    throw new Error(`^HSI: rows without a numeric Close: ${[...allA.skipped, ...allB.skipped].join(', ')}`);
  }
  const mapA = new Map(allA.rows.map((r) => [r.date, r.close]));
  const mapB = new Map(allB.rows.map((r) => [r.date, r.close]));
  const common = allB.rows.filter((r) => mapA.has(r.date));
  const disagree = common.filter((r) => Number(r.close) !== Number(mapA.get(r.date)));
  if (disagree.length) {
    throw new Error(`^HSI: ${relA} and ${relB} disagree on ${disagree.length} common days: ` +
      disagree.slice(0, 10).map((r) => `${r.date} ${mapA.get(r.date)} vs ${r.close}`).join(', '));
  }
  const spliceAfter = allA.rows.at(-1).date;
  const overlapFrom = allB.rows[0].date;
  hsiCheck.common = common.length;
  hsiCheck.commonFrom = common[0]?.date;
  hsiCheck.commonTo = common.at(-1)?.date;
  hsiCheck.sameText = common.filter((r) => r.close === mapA.get(r.date)).length;
  hsiCheck.onlyA = allA.rows.filter((r) => r.date >= overlapFrom && !mapB.has(r.date)).map((r) => r.date);
  hsiCheck.onlyB = allB.rows.filter((r) => r.date <= spliceAfter && !mapA.has(r.date)).map((r) => r.date);
  hsiCheck.spliceAfter = spliceAfter;
  const first = takeCloses(relA, a.records, { from: FIRST_DATE, to: LAST_DATE });
  const second = takeCloses(relB, b.records, { from: FIRST_DATE, to: LAST_DATE });
  const tail = second.rows.filter((r) => r.date > spliceAfter);
  hsiCheck.fromA = first.rows.length;
  hsiCheck.fromB = tail.length;
  series.push({
    symbol: HSI_SYMBOL,
    group: 'hsi',
    sources: [relA, relB],
    rows: [...first.rows, ...tail],
    skipped: [...first.skipped, ...second.skipped.filter((s) => s.slice(0, 10) > spliceAfter)],
  });
}

let totalSkipped = 0;
for (const s of series) {
  if (s.rows.length === 0) throw new Error(`${s.symbol}: no rows between ${FIRST_DATE} and ${LAST_DATE}`);
  for (let i = 1; i < s.rows.length; i++) {
    if (s.rows[i].date <= s.rows[i - 1].date) throw new Error(`${s.symbol}: output not strictly ascending at ${s.rows[i].date}`);
  }
  totalSkipped += s.skipped.length;
  process.stderr.write(`${s.symbol}: ${s.rows.length} rows ${s.rows[0].date} → ${s.rows.at(-1).date}, ${s.skipped.length} skipped (empty or non-numeric Close)${s.skipped.length ? ': ' + s.skipped.join(', ') : ''}\n`);
  const lines = ['Date,Close', ...s.rows.map((r) => `${r.date},${r.close}`)];
  writeFile(path.join(outDir, 'prices', `${s.symbol}.csv`), lines.join('\n') + '\n');
}
process.stderr.write(`^HSI: the two files agree on all ${hsiCheck.common} common days (${hsiCheck.commonFrom} → ${hsiCheck.commonTo}; same text on ${hsiCheck.sameText}); ${hsiCheck.fromA} rows from the first, ${hsiCheck.fromB} from the second\n`);
process.stderr.write(`total skipped price rows: ${totalSkipped}\n`);
const bySymbol = new Map(series.map((s) => [s.symbol, s]));

// ---- 2. quotes.csv ------------------------------------------------------------------------

const QUOTE_COLUMNS = [
  'symbol', 'date', 'name', 'currency', 'financialCurrency', 'price',
  'forwardPE', 'trailingPE', 'epsForward', 'marketCap', 'sharesOutstanding', 'provider',
];
// Tie order of dated rows of one symbol and day.
const KIND_ORDER = { forwardPE: 0, cap: 1, yahooQuote: 2 };

const quoteRows = []; // { symbol, date, kind, seq, cells: {column: text}, figures: [{field, value}], source, captured, basis }
let seq = 0;

// a) undated descriptive rows
for (const symbol of QUOTE_ORDER) {
  if (!NAMES[symbol]) throw new Error(`no name for ${symbol}`);
  quoteRows.push({ symbol, date: '', kind: 'descriptive', seq: seq++, cells: { name: NAMES[symbol], currency: currencyOf(symbol) } });
}

function checkDate(what, date) {
  if (!DATE_RE.test(date)) throw new Error(`${what}: bad date ${JSON.stringify(date)}`);
}
function checkNumber(what, value) {
  if (!NUMBER_RE.test(value) || !Number.isFinite(Number(value))) throw new Error(`${what}: not a number ${JSON.stringify(value)}`);
}

// b) forward P/E rows: forward-pe-2025-03.csv (provider derived from basis and source) ...
/** "<outlet> via <site>": the outlet named in the basis (or "press table"), the site of the source address. */
function pressProvider(row) {
  const site = new URL(row.source).hostname.replace(/^(www|preview)\./, '');
  const outlet = row.basis.match(/\((Bloomberg)\)/)?.[1] ?? (/^press table\b/.test(row.basis) ? 'press table' : null);
  if (!outlet) throw new Error(`forward-pe-2025-03.csv: no outlet named in the basis of ${row.symbol}: ${row.basis}`);
  return `${outlet} via ${site}`;
}
const forwardPeFigures = [];
for (const r of readForwardPeRows(sharedData)) {
  const what = `forward-pe-2025-03.csv ${r.symbol}`;
  if (!STOCKS.includes(r.symbol)) throw new Error(`${what}: unknown symbol`);
  checkDate(what, r.asOf);
  forwardPeFigures.push({
    symbol: r.symbol, date: r.asOf, value: r.forwardPE, provider: pressProvider(r),
    source: r.source, captured: '', basis: r.basis, file: 'forward-pe-2025-03.csv',
  });
}
// ... and quotes/forward-pe-hk-2024-12-to-2025-03.csv (provider column as given; JD's ADR figure for 9618.HK).
const JD_PROVIDER = 'Zacks (JD ADR, 1 ADS = 2 shares of 9618.HK)';
for (const r of readHkForwardPeRows(sharedData)) {
  const what = `quotes/forward-pe-hk-2024-12-to-2025-03.csv ${r.symbol} ${r.as_of}`;
  checkDate(what, r.as_of);
  checkNumber(what, r.forward_pe);
  let symbol = r.symbol;
  let provider = r.provider;
  if (r.symbol === 'JD') {
    if (r.provider !== 'Zacks' || !r.basis.includes('1 ADS = 2 Class A shares')) throw new Error(`${what}: JD row is not the expected Zacks ADR figure`);
    symbol = '9618.HK';
    provider = JD_PROVIDER;
  }
  if (!STOCKS.includes(symbol)) throw new Error(`${what}: unknown symbol`);
  if (!provider) throw new Error(`${what}: no provider`);
  forwardPeFigures.push({
    symbol, date: r.as_of, value: r.forward_pe, provider,
    source: r.source, captured: r.captured, basis: r.basis, file: 'quotes/forward-pe-hk-2024-12-to-2025-03.csv',
  });
}
for (const f of forwardPeFigures) {
  quoteRows.push({
    symbol: f.symbol, date: f.date, kind: 'forwardPE', seq: seq++,
    cells: { forwardPE: f.value, provider: f.provider },
    figures: [{ field: 'forwardPE', value: f.value }],
    source: f.source, captured: f.captured, basis: f.basis, file: f.file,
  });
}

// d) read first: the two recorded Yahoo v7 quotes (their sharesOutstanding also appears in market-cap-and-shares.csv).
const RECORDED_QUOTES = ['AAPL', 'AMZN'];
const RECORDED_QUOTE_TIME = 1739566800; // 2025-02-14 16:00 America/New_York (21:00 UTC)
const RECORDED_QUOTE_DATE = '2025-02-14';
const RECORDED_ON = '2025-02-17';
const YAHOO_PROVIDER = 'Yahoo Finance v7 quote';
const RECORDED_NUMBER_FIELDS = {
  price: 'regularMarketPrice', trailingPE: 'trailingPE', marketCap: 'marketCap', sharesOutstanding: 'sharesOutstanding',
};

/** The literal text of the one number `"key": <number>` in a JSON file (no float re-printing). */
function rawJsonNumber(file, text, key, parsed) {
  const re = new RegExp(`"${key}"\\s*:\\s*(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)\\s*[,}\\n]`, 'g');
  const hits = [...text.matchAll(re)];
  if (hits.length !== 1) throw new Error(`${file}: expected one numeric ${key}, found ${hits.length}`);
  const raw = hits[0][1];
  if (Number(raw) !== parsed) throw new Error(`${file}: ${key} text ${raw} does not match parsed ${parsed}`);
  return raw;
}

function readRecordedQuote(symbol) {
  const file = path.join(sharedData, 'yahoo-responses', 'yahoo-finance2_fixtures', `quote-${symbol}.json`);
  const text = fs.readFileSync(file, 'utf8');
  const results = JSON.parse(text).response.bodyJson.quoteResponse.result;
  if (results.length !== 1 || results[0].symbol !== symbol) throw new Error(`${file}: not a single ${symbol} quote`);
  const q = results[0];
  if (q.regularMarketTime !== RECORDED_QUOTE_TIME) throw new Error(`${file}: regularMarketTime ${q.regularMarketTime}, expected ${RECORDED_QUOTE_TIME}`);
  if (q.currency !== 'USD' || typeof q.financialCurrency !== 'string') throw new Error(`${file}: unexpected currency fields`);
  const out = { file: rel(file), financialCurrency: q.financialCurrency };
  for (const [column, key] of Object.entries(RECORDED_NUMBER_FIELDS)) out[column] = rawJsonNumber(file, text, key, q[key]);
  // Read only to name them in the README as not copied.
  out.notCopied = { forwardPE: rawJsonNumber(file, text, 'forwardPE', q.forwardPE), epsForward: rawJsonNumber(file, text, 'epsForward', q.epsForward) };
  return out;
}
const recorded = new Map(RECORDED_QUOTES.map((s) => [s, readRecordedQuote(s)]));

// c) market caps and share counts
const SHARE_FIELDS = ['issued_shares', 'shares_outstanding', 'shares', 'shares_balance_sheet'];
const capSkipped = []; // { symbol, asOf, field, value, currency, provider, reason }
for (const r of readMarketCapRows(sharedData)) {
  const what = `quotes/market-cap-and-shares.csv ${r.symbol} ${r.as_of} ${r.field}`;
  const skip = (reason) => capSkipped.push({ symbol: r.symbol, asOf: r.as_of, field: r.field, value: r.value, currency: r.currency, provider: r.provider, reason });
  if (r.field === '' && r.value === '') {
    skip(r.note);
    continue;
  }
  if (!STOCKS.includes(r.symbol)) {
    if (r.symbol === 'BABA') {
      skip('the NYSE ADS line of Alibaba (1 ADS = 8 ordinary shares), not the listed instrument 9988.HK: an ADS count is not the HK line\'s share count');
      continue;
    }
    throw new Error(`${what}: unknown symbol`);
  }
  checkDate(what, r.as_of);
  checkNumber(what, r.value);
  let column;
  if (r.field === 'market_cap') {
    column = 'marketCap';
    if (!r.currency) throw new Error(`${what}: market cap without currency`);
    if (r.currency !== currencyOf(r.symbol)) {
      skip(`market cap in ${r.currency}, not in the line's trading currency ${currencyOf(r.symbol)}`);
      continue;
    }
  } else if (SHARE_FIELDS.includes(r.field)) {
    column = 'sharesOutstanding';
    if (r.currency) throw new Error(`${what}: share count with a currency`);
  } else {
    throw new Error(`${what}: unknown field`);
  }
  // The same figure as a recorded Yahoo quote of (d): kept once, in the (d) row.
  const rq = recorded.get(r.symbol);
  if (rq && r.source === rq.file && r.as_of === RECORDED_QUOTE_DATE) {
    if (rq[column] !== r.value) throw new Error(`${what}: ${r.value} differs from ${rq.file} ${column} ${rq[column]}`);
    skip(`the same figure from the same file (${rq.file}) as the ${RECORDED_QUOTE_DATE} Yahoo v7 quote row, which carries it`);
    continue;
  }
  quoteRows.push({
    symbol: r.symbol, date: r.as_of, kind: 'cap', seq: seq++,
    cells: { [column]: r.value, provider: r.provider },
    figures: [{ field: column, value: r.value }],
    source: r.source, captured: r.captured, basis: r.share_basis, file: 'quotes/market-cap-and-shares.csv',
  });
}

// d) the recorded Yahoo quotes, one row each
for (const symbol of RECORDED_QUOTES) {
  const q = recorded.get(symbol);
  const cells = {
    financialCurrency: q.financialCurrency, price: q.price, trailingPE: q.trailingPE,
    marketCap: q.marketCap, sharesOutstanding: q.sharesOutstanding, provider: YAHOO_PROVIDER,
  };
  quoteRows.push({
    symbol, date: RECORDED_QUOTE_DATE, kind: 'yahooQuote', seq: seq++, cells,
    figures: ['financialCurrency', 'price', 'trailingPE', 'marketCap', 'sharesOutstanding'].map((field) => ({ field, value: cells[field] })),
    source: `gadicc/node-yahoo-finance2 · tests/fixtures/http/quote-${symbol}.json (shared: ${q.file})`,
    captured: RECORDED_ON,
    basis: `regularMarketTime ${RECORDED_QUOTE_TIME} = ${RECORDED_QUOTE_DATE} 16:00 New York; price = regularMarketPrice (raw, not adjusted)`,
    file: q.file,
  });
}

for (const r of quoteRows) if (!QUOTE_ORDER.includes(r.symbol)) throw new Error(`quotes: symbol ${r.symbol} not in the row order`);
quoteRows.sort((x, y) => {
  const bySym = QUOTE_ORDER.indexOf(x.symbol) - QUOTE_ORDER.indexOf(y.symbol);
  if (bySym) return bySym;
  if (x.date !== y.date) return x.date < y.date ? -1 : 1; // '' (undated) first
  const byKind = (KIND_ORDER[x.kind] ?? -1) - (KIND_ORDER[y.kind] ?? -1);
  return byKind || x.seq - y.seq;
});
const quoteLines = [csvLine(QUOTE_COLUMNS)];
for (const r of quoteRows) {
  const row = { symbol: r.symbol, date: r.date, ...r.cells };
  quoteLines.push(csvLine(QUOTE_COLUMNS.map((c) => row[c] ?? '')));
}
writeFile(path.join(outDir, 'quotes.csv'), quoteLines.join('\n') + '\n');
const dated = quoteRows.filter((r) => r.date);
process.stderr.write(`quotes.csv: ${quoteRows.length} rows (${quoteRows.length - dated.length} undated, ${dated.filter((r) => r.kind === 'forwardPE').length} forward P/E, ${dated.filter((r) => r.kind === 'cap').length} market cap / shares, ${dated.filter((r) => r.kind === 'yahooQuote').length} Yahoo quote); ${capSkipped.length} rows of market-cap-and-shares.csv not used\n`);

// ---- 3. README.md -------------------------------------------------------------------------

const md = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const srcLine = ({ repo, path: p, commit }) => `${repo} · \`${p}\` · \`${commit}\``;
const closeOn = (symbol, date) => {
  const row = bySymbol.get(symbol).rows.find((r) => r.date === date);
  if (!row) throw new Error(`prices/${symbol}.csv: no ${date}`);
  return row.close;
};
const countsOf = (symbols) => symbols.map((s) => `${s} ${bySymbol.get(s).rows.length} (${bySymbol.get(s).rows[0].date} → ${bySymbol.get(s).rows.at(-1).date})`).join(' · ');
const hstech = bySymbol.get(HSTECH_SYMBOL);
const hasDate = (symbol, date) => bySymbol.get(symbol).rows.some((r) => r.date === date);
if (hasDate(HSTECH_SYMBOL, '2020-08-19') || !hasDate('0700.HK', '2020-08-19')) throw new Error('expected HSTECH.HK to lack 2020-08-19 and 0700.HK to have it');
// Flat zero-volume bars that are not half-day sessions (checked against the other stocks of the same day).
const FLAT_NOT_HALF_DAY = [
  ['2024-01-15', 'was a full trading day (0700.HK and 1211.HK have ordinary bars with volume)'],
  ['2020-03-17', "(1211.HK only) repeats 2020-03-16's close while 0700.HK, 9988.HK, 1810.HK and 0981.HK have ordinary bars"],
];
function flatBarText() {
  for (const [d] of FLAT_NOT_HALF_DAY) if (!flatBars[d] || flatBars[d].length === HK_SYMBOLS.length) throw new Error(`expected a partial flat-bar day ${d}`);
  if (Object.values(flatBars).flat().some((s) => !s.endsWith('.HK'))) throw new Error('a US stock has a flat zero-volume bar: describe it in the README');
  return Object.keys(flatBars).sort().map((d) => `${d} (${flatBars[d].length === HK_SYMBOLS.length ? 'all seven' : flatBars[d].join(' ')})`).join(', ');
}
/** Trading days of `symbol` and of 0700.HK compared over the range both cover. */
function calendarVs(symbol, ref = '0700.HK') {
  const a = bySymbol.get(symbol).rows.map((r) => r.date);
  const b = bySymbol.get(ref).rows.map((r) => r.date);
  const from = a[0] > b[0] ? a[0] : b[0];
  const to = a.at(-1) < b.at(-1) ? a.at(-1) : b.at(-1);
  const inRange = (d) => d >= from && d <= to;
  const sa = new Set(a);
  const sb = new Set(b);
  const missing = b.filter((d) => inRange(d) && !sa.has(d));
  const extra = a.filter((d) => inRange(d) && !sb.has(d));
  const diff = [...missing.map((d) => `${d} (missing)`), ...extra.map((d) => `${d} (extra)`)];
  return `the same trading days as ${ref} ${from} → ${to}${diff.length ? ` except ${diff.join(', ')}` : ''}`;
}
const skippedPriceText = series.filter((s) => s.skipped.length).map((s) => `${s.symbol}: ${s.skipped.join(', ')}`);

const figureRows = [];
for (const symbol of QUOTE_ORDER) {
  for (const r of quoteRows.filter((q) => q.symbol === symbol && q.date)) {
    for (const f of r.figures) {
      figureRows.push(`| ${symbol} | ${f.field} | ${f.value} | ${r.date} | ${md(r.cells.provider)} | ${md(r.source)} | ${r.captured || '—'} | ${md(r.basis)} |`);
    }
  }
}
const symbolsWithFigure = (column) => new Set(quoteRows.filter((r) => r.cells[column]).map((r) => r.symbol));
const noFpe = STOCKS.filter((s) => !symbolsWithFigure('forwardPE').has(s));
const noCap = STOCKS.filter((s) => !symbolsWithFigure('marketCap').has(s));
const noShares = STOCKS.filter((s) => !symbolsWithFigure('sharesOutstanding').has(s));
const fpeDatesOf = (symbol) => quoteRows.filter((r) => r.symbol === symbol && r.cells.forwardPE).map((r) => r.date);
const hkFpeLastBefore = (date) => HK_SYMBOLS.filter((s) => !fpeDatesOf(s).some((d) => d >= date));
const q = (s) => quoteRows.filter((r) => r.symbol === s && r.date).length;
const aapl = recorded.get('AAPL');
/** Fails unless quotes.csv has `value` in `field` for `symbol` on `date` (guards the figures named in the prose). */
function expectFigure(symbol, field, value, date) {
  if (!quoteRows.some((r) => r.symbol === symbol && r.date === date && r.cells[field] === value)) {
    throw new Error(`README prose names ${symbol} ${field} ${value} on ${date}, which quotes.csv does not have`);
  }
  return value;
}

const readme = `# Demo data for \`basket\` (offline data directory)

Real market data, generated by \`scripts/build-demo-data.mjs\` from the shared real-data folder. Nothing
here is synthetic or estimated: every number is copied as text from a named source file. Regenerate with

    node scripts/build-demo-data.mjs [path/to/shared/data]

(the path defaults to \`../shared/data\` next to the repository). Deterministic, no network.

## Layout

- \`prices/<SYMBOL>.csv\`: header \`Date,Close\`, one row per trading day, ascending, \`YYYY-MM-DD\`, no
  duplicate dates. \`Close\` is the source's text verbatim (USDHKD=X: decimal comma → dot).
- \`quotes.csv\`: point-in-time table, RFC 4180 (a field with a comma or quote is double-quoted), \`\\n\` line
  ends, header

      ${QUOTE_COLUMNS.join(',')}

  An empty cell means unknown. \`date\` is the day the row's figures refer to (\`YYYY-MM-DD\`); an empty
  \`date\` makes the row **undated**. Each symbol has one undated descriptive row (\`name\`, \`currency\` = the
  currency of its prices; \`financialCurrency\` empty) and then dated rows, ascending by date, each
  carrying only the figures of one source: a forward P/E (\`forwardPE\`), a market cap (\`marketCap\`), a share
  count (\`sharesOutstanding\`), or a whole Yahoo v7 quote (\`financialCurrency\`, \`price\`, \`trailingPE\`,
  \`marketCap\`, \`sharesOutstanding\`). On one symbol and day, forward P/E rows come before market-cap
  rows. \`provider\` names who published the figure (and through which site). A figure is as of its own
  date; the file does not say how long it held. \`epsForward\` is empty everywhere (see below).

## Sources (repository · path · commit)

| demo file | shared file | source (repository · path · commit) |
|---|---|---|
| \`prices/{${HK_SYMBOLS.join(',')}}.csv\` | \`prices/hk/*.HK.csv\` | ${srcLine(PRICE_SOURCES.hk)} (yfinance) |
| \`prices/{${US_SYMBOLS.join(',')}}.csv\` | \`prices/us/*.csv\` | ${srcLine(PRICE_SOURCES.us)} (yfinance) |
| \`prices/${INDEX_SYMBOL}.csv\` (Nasdaq-100, points) | \`prices/index/^NDX.csv\` | ${srcLine(PRICE_SOURCES.index)} (yfinance) |
| \`prices/${FX_SYMBOL}.csv\` (HKD per 1 USD) | \`prices/fx/USDHKD=X.csv\` | ${srcLine(PRICE_SOURCES.fx)} (yfinance) |
| \`prices/${HSTECH_SYMBOL}.csv\` (Hang Seng TECH Index, points) | \`prices/hstech/HSTECH.csv\` | ${srcLine(ADDITION_SOURCES['prices/hstech/HSTECH.csv'])} — **Sina Finance via AKShare (\`stock_hk_index_daily_sina\`), not Yahoo** |
| \`prices/${HSI_SYMBOL}.csv\` (Hang Seng Index, points) up to ${hsiCheck.spliceAfter} | \`prices/index/^HSI.csv\` | ${srcLine(ADDITION_SOURCES['prices/index/^HSI.csv'])} (yfinance) |
| \`prices/${HSI_SYMBOL}.csv\` after ${hsiCheck.spliceAfter} | \`prices/index/^HSI-2021-2026.csv\` | ${srcLine(ADDITION_SOURCES['prices/index/^HSI-2021-2026.csv'])} (yfinance) |
| \`quotes.csv\` forward P/E (press) | \`forward-pe-2025-03.csv\` | compiled in the shared folder from press pages; each figure's address is in the table below |
| \`quotes.csv\` forward P/E (providers) | \`quotes/forward-pe-hk-2024-12-to-2025-03.csv\` | compiled in the shared folder from stored provider pages; address and capture date per figure below |
| \`quotes.csv\` market caps, share counts | \`quotes/market-cap-and-shares.csv\` | compiled in the shared folder from stored provider pages; address and capture date per figure below |
| \`quotes.csv\` AAPL, AMZN Yahoo quote rows | \`yahoo-responses/yahoo-finance2_fixtures/quote-{AAPL,AMZN}.json\` | gadicc/node-yahoo-finance2 · \`tests/fixtures/http/quote-<SYMBOL>.json\` · one of 676eadc…, 93ebf39…, 7fe6103…, 7b467d7…, ebc6a8e…, ab47c0a… (per-file commit not recorded in the shared folder); real v7 answers recorded ${RECORDED_ON} |

## Row counts

Prices (window ${FIRST_DATE} → ${LAST_DATE}, or from listing / series start; every source row in it is kept):

- Hong Kong: ${countsOf(HK_SYMBOLS)}
- US: ${countsOf(US_SYMBOLS)}
- ${countsOf([INDEX_SYMBOL, FX_SYMBOL, HSTECH_SYMBOL, HSI_SYMBOL])}

Rows skipped for an empty or non-numeric Close: ${totalSkipped}${skippedPriceText.length ? ` (${skippedPriceText.join('; ')})` : ''}. The Hong Kong
stock files end on ${bySymbol.get('0700.HK').rows.at(-1).date} (their source's end); the US files, ^NDX, USDHKD=X, HSTECH.HK and ^HSI
go on to ${LAST_DATE}. ^HSI: ${hsiCheck.fromA} rows from \`^HSI.csv\` (to ${hsiCheck.spliceAfter}) + ${hsiCheck.fromB} from \`^HSI-2021-2026.csv\`
(after it). The two files were checked to agree on all ${hsiCheck.common} common days (${hsiCheck.commonFrom} → ${hsiCheck.commonTo}; identical text on
${hsiCheck.sameText} of them)${hsiCheck.onlyA.length || hsiCheck.onlyB.length ? `; days in only one of them within the overlap: ${[...hsiCheck.onlyA.map((d) => `${d} (first only)`), ...hsiCheck.onlyB.map((d) => `${d} (second only)`)].join(', ')}` : '; neither has a day the other lacks within the overlap'}.

\`quotes.csv\`: ${quoteRows.length} rows = ${quoteRows.length - dated.length} undated + ${dated.filter((r) => r.kind === 'forwardPE').length} forward P/E + ${dated.filter((r) => r.kind === 'cap').length} market cap / share count + ${dated.filter((r) => r.kind === 'yahooQuote').length} Yahoo quote.
Dated rows per symbol: ${STOCKS.map((s) => `${s} ${q(s)}`).join(' · ')}.

## Traps

- **Adjusted closes.** The stock files are yfinance downloads with its defaults: every stock \`Close\` is
  split- and dividend-**adjusted** as of the download date; there is no raw close, so what the demo calls
  a close is an adjusted one and a return is a total return. A market value carried forward as
  \`marketCap × close(d) / close(q)\` therefore uses adjusted closes: between \`q\` and \`d\` it grows by the
  dividends too. \`price\` in the Yahoo quote rows is Yahoo's raw \`regularMarketPrice\` and need not equal the
  adjusted close of the same day (AAPL ${RECORDED_QUOTE_DATE}: ${aapl.price} quoted, ${closeOn('AAPL', RECORDED_QUOTE_DATE)} in \`prices/AAPL.csv\`).
  \`sharesOutstanding × close\` is not the market cap either.
- **Market caps count every share class**, not only the listed line: BYD and SMIC H + A shares, Xiaomi
  Class A + B, JD.com Class A + B; Alibaba's issued-share count covers all its ordinary shares (HKD and RMB counters).
  Dividing such a cap by the HK price does not give the HK share count.
- **Flat bars (Open = High = Low = Close, Volume 0) in the stock sources** (no US one): ${flatBarText()}.
  Hong Kong half-day sessions come like that (the shared README names 2024-12-24, 2024-12-31, 2025-01-28; the
  others listed on 12-24, 12-31 and Lunar New Year's Eve are the same kind): they are real closes, and 2024-12-31 is
  the base of 2025's year-to-date return. But ${FLAT_NOT_HALF_DAY.map(([d, why]) => `${d} ${why}`).join(', and ')}: those
  are Yahoo filler bars, kept verbatim like every other row. The index files (HSTECH.HK, ^HSI) have ordinary bars on the half-days.
- **Calendars differ.** Hong Kong and US trading days differ (Lunar New Year, Easter Monday vs Good Friday,
  Thanksgiving…), USDHKD=X has rows on most weekdays including holidays; the files are left unaligned on purpose.
- **HSTECH.HK is Sina Finance (via AKShare), not Yahoo** (Yahoo serves almost no \`HSTECH.HK\` history). Its
  values have 1 to 5 decimals as Sina gives them (2024-12-31 ${closeOn(HSTECH_SYMBOL, '2024-12-31')}). **Sina lacks 2020-08-19**, a Hong Kong
  trading day present in the stock files. Checked here against 0700.HK over their common range: HSTECH.HK has
  ${calendarVs(HSTECH_SYMBOL)}; ^HSI has ${calendarVs(HSI_SYMBOL)}. HSTECH.HK starts ${hstech.rows[0].date} (the series' start; the index launched 2020-07-27).
- **^HSI is spliced** from two yfinance downloads at ${hsiCheck.spliceAfter} (checked equal where they overlap).
- **USDHKD=X** comes \`;\`-separated with decimal commas; the \`Close\` column's comma was replaced by a dot,
  nothing else changed. HKD→USD is 1 / USDHKD.
- **Forward P/E figures are dated and disagree by provider**: SMIC ${expectFigure('0981.HK', 'forwardPE', '63.69', '2025-03-07')} (Yahoo, 2025-03-07) vs ${expectFigure('0981.HK', 'forwardPE', '61.37', '2025-03-13')}
  (S&P, 2025-03-13). The US figures' date 2025-03-13 was inferred by the shared file's compiler from the article's
  YTD figures. Tencent's ${expectFigure('0700.HK', 'forwardPE', '19', '2025-03-14')} (2025-03-14) is not printed as such in the article: its basis says Xiaomi's 38x is
  "about double the level for Tencent". BYD, NetEase and Tencent's S&P figures are FY2024-column values at
  2024-12-31; ${hkFpeLastBefore('2025-01-01').length ? `${hkFpeLastBefore('2025-01-01').join(', ')} have no forward P/E in 2025 at all` : ''}.
- **JD.com's forward P/E is the Zacks figure for the JD ADR** (1 ADS = 2 Class A shares = 2 × 9618.HK),
  written for 9618.HK: a P/E is the same ratio for the ADR and the share line (price and earnings per unit both
  scale by 2, and both are in one currency). Its provider cell says so.
- **Figures change with the capture date**: NetEase's FY2024 cap is ${expectFigure('9999.HK', 'marketCap', '445990000000', '2024-12-31')} HKD in the 2025 copy used
  here and ${(() => {
    const note = readMarketCapRows(sharedData).find((r) => r.symbol === '9999.HK' && r.currency === 'HKD')?.note ?? '';
    if (!note.includes('438446 M HKD')) throw new Error('9999.HK HKD market-cap note no longer names 438446 M HKD');
    return '438446 M';
  })()} HKD in a 2026 copy of the same page (its note); META and AMZN's 2024-12-31 caps have only 3 significant figures
  (stockanalysis.com history pages).

## Every quote figure

| symbol | field | value | date | provider | source | captured | basis |
|---|---|---|---|---|---|---|---|
${figureRows.join('\n')}

## Not found or skipped

Rows of \`quotes/market-cap-and-shares.csv\` not used:

${capSkipped.map((s) => `- ${s.symbol}${s.asOf ? ` ${s.asOf}` : ''}${s.field ? ` ${s.field}` : ''}${s.value ? ` ${s.value}` : ''}${s.currency ? ` ${s.currency}` : ''}${s.provider ? ` (${s.provider})` : ''}: ${s.reason}`).join('\n')}

Not found (cells left empty, never estimated):

- forward P/E: ${noFpe.length ? noFpe.join(', ') : 'every stock has at least one'}; no figure dated Feb–Mar 2025 for BYD (1211.HK) or NetEase
  (9999.HK), only S&P's at 2024-12-31 (a saved Yahoo BYDDY page of 2025-03-31 shows "Forward P/E 21." cut off; not recorded).
- market cap: ${noCap.join(', ')}; share count: ${noShares.join(', ')}. GOOGL has neither (the recorded GOOG
  Yahoo answer counts Class C only).
- Yahoo v7 quotes: only AAPL and AMZN of the 14 were recorded as whole quotes of the same instrument (GOOG is
  Class C, not GOOGL; BABA is the NYSE ADR in USD, not 9988.HK; MSFT and TSLA only with a \`fields=\` subset).
  No recorded Yahoo v7 quote exists for any \`.HK\` symbol. The Yahoo answers' own \`forwardPE\` and \`epsForward\`
  (${RECORDED_QUOTES.map((s) => `${s} ${recorded.get(s).notCopied.forwardPE} / ${recorded.get(s).notCopied.epsForward}`).join(', ')}) are not copied: the demo's forward P/Es are the press and
  provider figures above, and \`epsForward\` is left empty everywhere.
- \`financialCurrency\` is known only in the two Yahoo quote rows (USD).
`;
writeFile(path.join(outDir, 'README.md'), readme);

process.stderr.write(`wrote ${path.relative(REPO_ROOT, outDir)}/ (${series.length} price files, quotes.csv, README.md)\n`);
