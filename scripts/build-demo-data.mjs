#!/usr/bin/env node
// Builds the offline demo data directory fixtures/demo/ from the shared real-data folder.
//
//   node scripts/build-demo-data.mjs [path/to/shared/data]
//
// Deterministic: the same input always gives byte-identical output. No network.
// Close values are copied as text (never parsed and re-printed), so no float is reformatted;
// the only text change is USDHKD's decimal comma becoming a dot.

import fs from 'node:fs';
import path from 'node:path';
import {
  FX_SYMBOL,
  HK_SYMBOLS,
  INDEX_SYMBOL,
  NAMES,
  NUMBER_RE,
  PRICE_SOURCES,
  REPO_ROOT,
  US_SYMBOLS,
  groupOf,
  readForwardPe,
  readPriceCsv,
  resolveSharedData,
} from './lib/shared-data.mjs';

const sharedData = resolveSharedData();
const outDir = path.join(REPO_ROOT, 'fixtures', 'demo');

const FIRST_DATE = '2024-01-01';
const LAST_DATE = '2025-12-31';

// Order of quotes.csv rows, as the demo presents them.
const QUOTE_ORDER = [
  '9988.HK', '0700.HK', '1810.HK', '1211.HK', '0981.HK', '9618.HK', '9999.HK',
  'AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA',
];

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function csvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvLine(fields) {
  return fields.map(csvField).join(',');
}

/**
 * Reads Date and Close (as text) of a symbol's source price file, keeping FIRST_DATE..LAST_DATE.
 * USDHKD=X is written with decimal commas: there the comma becomes a dot.
 */
function readCloses(symbol) {
  const { file, records } = readPriceCsv(sharedData, symbol);
  const decimalComma = groupOf(symbol) === 'fx';
  const kept = [];
  const skipped = [];
  for (const row of records) {
    const date = (row.Date ?? '').trim();
    if (!DATE_RE.test(date)) throw new Error(`${file}: unexpected date ${JSON.stringify(row.Date)}`);
    if (date < FIRST_DATE || date > LAST_DATE) continue;
    let close = (row.Close ?? '').trim();
    if (decimalComma) close = close.replace(',', '.');
    if (!NUMBER_RE.test(close) || !Number.isFinite(Number(close))) {
      skipped.push(`${date} ${JSON.stringify(row.Close ?? '')}`);
      continue;
    }
    if (kept.at(-1)?.date === date) throw new Error(`${file}: duplicate date ${date}`);
    kept.push({ date, close });
  }
  return { rows: kept, skipped };
}

function writeFile(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function writePrices(symbol, rows) {
  const lines = ['Date,Close', ...rows.map((r) => `${r.date},${r.close}`)];
  writeFile(path.join(outDir, 'prices', `${symbol}.csv`), lines.join('\n') + '\n');
}

// ---- 1. prices ----------------------------------------------------------------------------

const groups = { hk: HK_SYMBOLS, us: US_SYMBOLS, index: [INDEX_SYMBOL], fx: [FX_SYMBOL] };

const ranges = {}; // group key -> { first, last, counts: ['SYMBOL rows', ...] }
let totalSkipped = 0;
for (const [key, symbols] of Object.entries(groups)) {
  for (const symbol of symbols) {
    const { rows, skipped } = readCloses(symbol);
    if (rows.length === 0) throw new Error(`${symbol}: no rows between ${FIRST_DATE} and ${LAST_DATE}`);
    totalSkipped += skipped.length;
    process.stderr.write(`${symbol}: ${rows.length} rows kept, ${skipped.length} skipped (empty or non-numeric Close)${skipped.length ? ': ' + skipped.join(', ') : ''}\n`);
    writePrices(symbol, rows);
    const r = (ranges[key] ??= { first: rows[0].date, last: rows.at(-1).date, counts: [] });
    if (rows[0].date < r.first) r.first = rows[0].date;
    if (rows.at(-1).date > r.last) r.last = rows.at(-1).date;
    r.counts.push(`${symbol} ${rows.length}`);
  }
}
process.stderr.write(`total skipped rows: ${totalSkipped}\n`);

// ---- 2. quotes.csv ------------------------------------------------------------------------

// price, trailingPE, marketCap and financialCurrency come from real recorded v7 quote answers
// (gadicc/node-yahoo-finance2 tests/fixtures/http/quote-<SYMBOL>.json, recorded 2025-02-17,
// regularMarketTime = the 2025-02-14 close). Only AAPL and AMZN: GOOG's quote is another share
// class than GOOGL, BABA's is the NYSE ADR in USD (not 9988.HK), MSFT and TSLA were recorded only
// with a `fields=` subset, and no other member was recorded.
const RECORDED_QUOTES = ['AAPL', 'AMZN'];
const RECORDED_QUOTE_TIME = 1739566800; // 2025-02-14 16:00 America/New_York
const RECORDED_NUMBER_FIELDS = { price: 'regularMarketPrice', trailingPE: 'trailingPE', marketCap: 'marketCap' };

// Rows that are not basket members, so that the tool knows these series' currencies.
const EXTRA_ROWS = [
  { symbol: INDEX_SYMBOL, currency: 'USD' },
  { symbol: FX_SYMBOL, currency: 'HKD' },
];

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
  const out = { file: path.relative(sharedData, file), financialCurrency: q.financialCurrency, regularMarketTime: q.regularMarketTime };
  for (const [column, key] of Object.entries(RECORDED_NUMBER_FIELDS)) out[column] = rawJsonNumber(file, text, key, q[key]);
  return out;
}

const recorded = new Map(RECORDED_QUOTES.map((s) => [s, readRecordedQuote(s)]));
const forwardPe = readForwardPe(sharedData);
const QUOTE_COLUMNS = ['symbol', 'name', 'currency', 'financialCurrency', 'price', 'forwardPE', 'trailingPE', 'marketCap'];
const quoteLines = [csvLine(QUOTE_COLUMNS)];
for (const symbol of QUOTE_ORDER) {
  const currency = symbol.endsWith('.HK') ? 'HKD' : 'USD';
  const r = recorded.get(symbol) ?? {};
  const row = {
    symbol,
    name: NAMES[symbol],
    currency,
    financialCurrency: r.financialCurrency ?? '',
    price: r.price ?? '',
    forwardPE: forwardPe.get(symbol)?.forwardPE ?? '',
    trailingPE: r.trailingPE ?? '',
    marketCap: r.marketCap ?? '',
  };
  quoteLines.push(csvLine(QUOTE_COLUMNS.map((c) => row[c])));
}
for (const { symbol, currency } of EXTRA_ROWS) {
  const row = { symbol, name: NAMES[symbol], currency };
  quoteLines.push(csvLine(QUOTE_COLUMNS.map((c) => row[c] ?? '')));
}
writeFile(path.join(outDir, 'quotes.csv'), quoteLines.join('\n') + '\n');

// ---- 3. README.md -------------------------------------------------------------------------

const src = (k) => `${PRICE_SOURCES[k].repo} · \`${PRICE_SOURCES[k].path}\` · \`${PRICE_SOURCES[k].commit}\``;
const mdCell = (s) => s.replace(/\|/g, '\\|');
const peRows = QUOTE_ORDER.map((symbol) => {
  const pe = forwardPe.get(symbol);
  return pe
    ? `| ${symbol} | ${mdCell(NAMES[symbol])} | ${pe.forwardPE} | ${pe.asOf} | ${mdCell(pe.basis)} | <${pe.source}> |`
    : `| ${symbol} | ${mdCell(NAMES[symbol])} | — | — | no figure found; left empty | — |`;
});
const YF_SOURCE = 'gadicc/node-yahoo-finance2';
const RECORDED_ON = '2025-02-17';
const RECORDED_AS_OF = '2025-02-14';
const recordedRows = RECORDED_QUOTES.map((symbol) => ({ symbol, ...recorded.get(symbol) }));
/** The Close text of `symbol` on `date` in the demo price file just written. */
function adjustedOn(symbol, date) {
  const line = fs
    .readFileSync(path.join(outDir, 'prices', `${symbol}.csv`), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${date},`));
  if (!line) throw new Error(`prices/${symbol}.csv: no ${date}`);
  return line.slice(date.length + 1);
}
const peDates = [...forwardPe.values()].map((pe) => pe.asOf).sort();
const missingPe = QUOTE_ORDER.filter((s) => !forwardPe.has(s)).map((s) => `${NAMES[s]} (${s})`);

const readme = `# Demo data for \`basket\` (offline data directory)

Real daily prices, generated by \`scripts/build-demo-data.mjs\` from the shared real-data folder.
Nothing here is synthetic. Regenerate with:

    node scripts/build-demo-data.mjs [path/to/shared/data]

(the path defaults to \`../shared/data\` next to the repository). The script is deterministic.

## Layout

- \`prices/<SYMBOL>.csv\`: header \`Date,Close\`, one row per trading day, ascending, \`YYYY-MM-DD\`.
- \`quotes.csv\`: header \`${QUOTE_COLUMNS.join(',')}\` (RFC 4180, comma-separated, a field with a comma is
  double-quoted); an empty cell means unknown. One row per basket member, plus
  ${EXTRA_ROWS.map((r) => `\`${r.symbol}\` (${NAMES[r.symbol]}, ${r.currency})`).join(' and ')}: not members, they are there only so that the
  tool knows the currency of these series (^NDX is index points in USD; USDHKD=X is HKD per 1 USD). All
  their other cells are empty.

## Sources (repository · path · commit)

| files | source | date range |
|---|---|---|
| \`prices/{${HK_SYMBOLS.join(',')}}.csv\` | ${src('hk')} | ${ranges.hk.first} → ${ranges.hk.last} |
| \`prices/{${US_SYMBOLS.join(',')}}.csv\` | ${src('us')} | ${ranges.us.first} → ${ranges.us.last} |
| \`prices/${INDEX_SYMBOL}.csv\` (Nasdaq-100) | ${src('index')} | ${ranges.index.first} → ${ranges.index.last} |
| \`prices/${FX_SYMBOL}.csv\` (HKD per 1 USD) | ${src('fx')} | ${ranges.fx.first} → ${ranges.fx.last} |
| \`quotes.csv\` forwardPE | \`forward-pe-2025-03.csv\` of the shared data folder (press reports, see below) | — |
| \`quotes.csv\` financialCurrency, price, trailingPE, marketCap (${RECORDED_QUOTES.join(', ')} only) | ${YF_SOURCE}: \`yahoo-responses/yahoo-finance2_fixtures/quote-{${RECORDED_QUOTES.join(',')}}.json\` of the shared data folder, real v7 quote answers recorded ${RECORDED_ON} | quotes at the ${RECORDED_AS_OF} close |

Rows per file: ${[...ranges.hk.counts, ...ranges.us.counts, ...ranges.index.counts, ...ranges.fx.counts].join(' · ')}.

All source rows dated ${FIRST_DATE} through ${LAST_DATE} (inclusive) that exist are kept; the
Hong Kong source ends on ${ranges.hk.last}. The \`Close\` text is copied verbatim (no rounding, no
re-formatting). Rows with an empty or non-numeric Close would be skipped and counted on stderr;
there were ${totalSkipped}.

## What to know about these numbers

- **Adjusted closes.** The stock files were downloaded by the Python \`yfinance\`
  package with its defaults, so every stock \`Close\` is split- and dividend-**adjusted** as of the
  download date. There is no raw close, so on this data a total return and a price return
  coincide. The same day can differ between snapshots taken at different times.
- **Hong Kong half-day sessions** (2024-12-24, 2024-12-31, 2025-01-28) are real bars (the source has
  Open = High = Low = Close and Volume 0 on them). 2024-12-31, the base of 2025's year-to-date
  return, is a real close, not a missing day.
- **Calendars differ.** Hong Kong and US trading days are not the same (Lunar New Year, Easter,
  Thanksgiving…); the files are left unaligned on purpose.
- **USDHKD=X** comes \`;\`-separated with decimal commas (\`7,7635\`); the comma was replaced by a dot
  (\`7.7635\`), the text is otherwise verbatim, taken from the \`Close\` column. HKD→USD is 1 / USDHKD.
- **Currencies.** \`.HK\` closes are in HKD, the US ones and ^NDX in USD (^NDX is index points).

## Forward P/E (quotes.csv)

Copied from \`forward-pe-2025-03.csv\`: approximate figures from press reports of February–March
2025, each dated individually. They are not Yahoo's \`forwardPE\` field. No figure was found for
${missingPe.join(', ')}: their cell is empty (unknown), never estimated.

| symbol | name | forward P/E | as of | basis | source |
|---|---|---|---|---|---|
${peRows.join('\n')}

## financialCurrency, price, trailingPE, marketCap (quotes.csv)

Copied, number text exactly as recorded, from Yahoo's own v7 quote answers for ${RECORDED_QUOTES.join(' and ')}
(fields \`financialCurrency\`, \`regularMarketPrice\`, \`trailingPE\`, \`marketCap\`), recorded on
${RECORDED_ON} with \`regularMarketTime\` ${RECORDED_QUOTE_TIME} = the ${RECORDED_AS_OF} 16:00 New York close.
Source: ${YF_SOURCE} (\`tests/fixtures/http/quote-<SYMBOL>.json\`), copied into the shared data folder.

- **Dated ${RECORDED_AS_OF}, not 2025-03-07.** The market caps and trailing P/E are those of the
  ${RECORDED_AS_OF} quotes. The tool takes a quote's \`marketCap\` as the cap on the run's end date, so a
  market value figure for 2025-03-07 computed from them is approximate (it uses the ${RECORDED_AS_OF} cap).
- **\`price\` is Yahoo's raw \`regularMarketPrice\`** of ${RECORDED_AS_OF}, not an adjusted close: it need not
  equal that day's \`Close\` in \`prices/\` (AAPL: ${recordedRows.find((r) => r.symbol === 'AAPL')?.price} in the quote,
  ${adjustedOn('AAPL', RECORDED_AS_OF)} adjusted in \`prices/AAPL.csv\`), nor the last close of the demo window.
- **The dates differ per column.** \`forwardPE\` is the press figure of the table above (dated individually,
  ${peDates[0]} to ${peDates.at(-1)}), not Yahoo's \`forwardPE\` of the same quote; \`trailingPE\` and \`marketCap\`
  are Yahoo's of ${RECORDED_AS_OF}.
- **Only ${RECORDED_QUOTES.join(' and ')}.** No other member has a full recorded quote of the same
  instrument: the recorded GOOG quote is Alphabet's class C share, not GOOGL (class A); the recorded BABA
  quote is the New York ADR in USD, not the Hong Kong line 9988.HK; MSFT and TSLA were recorded only with a
  \`fields=\` subset (no \`trailingPE\`, \`marketCap\` or \`financialCurrency\`), and the other AAPL/TSLA
  recording is from 2022. The four cells of every other member are empty (their price too, so that a price
  only ever stands beside the cap and P/E of the same quote). \`financialCurrency\` (the currency of the
  reported earnings) is filled only where a real recording gives it for the same instrument; elsewhere it is
  unknown, not assumed.

| symbol | financialCurrency | price | trailingPE | marketCap | regularMarketTime | source file |
|---|---|---|---|---|---|---|
${recordedRows.map((r) => `| ${r.symbol} | ${r.financialCurrency} | ${r.price} | ${r.trailingPE} | ${r.marketCap} | ${r.regularMarketTime} | \`${r.file}\` |`).join('\n')}
`;
writeFile(path.join(outDir, 'README.md'), readme);

process.stderr.write(`wrote ${path.relative(REPO_ROOT, outDir)}/ (prices, quotes.csv, README.md)\n`);
