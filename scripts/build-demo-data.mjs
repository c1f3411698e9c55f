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
import { fileURLToPath } from 'node:url';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, '..');
const sharedData = path.resolve(process.argv[2] ?? path.resolve(scriptDir, '..', '..', 'shared', 'data'));
const outDir = path.join(repoRoot, 'fixtures', 'demo');

const FIRST_DATE = '2024-01-01';
const LAST_DATE = '2025-12-31';

const HK_SYMBOLS = ['0700.HK', '9988.HK', '1810.HK', '1211.HK', '0981.HK', '9618.HK', '9999.HK'];
const US_SYMBOLS = ['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA'];
const INDEX_SYMBOL = '^NDX';
const FX_SYMBOL = 'USDHKD=X';

// Order of quotes.csv rows, as the demo presents them.
const QUOTE_ORDER = [
  '9988.HK', '0700.HK', '1810.HK', '1211.HK', '0981.HK', '9618.HK', '9999.HK',
  'AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA',
];

const COMPANY_NAMES = {
  '9988.HK': 'Alibaba Group Holding Limited',
  '0700.HK': 'Tencent Holdings Limited',
  '1810.HK': 'Xiaomi Corporation',
  '1211.HK': 'BYD Company Limited',
  '0981.HK': 'Semiconductor Manufacturing International Corporation',
  '9618.HK': 'JD.com, Inc.',
  '9999.HK': 'NetEase, Inc.',
  AAPL: 'Apple Inc.',
  MSFT: 'Microsoft Corporation',
  GOOGL: 'Alphabet Inc.',
  AMZN: 'Amazon.com, Inc.',
  META: 'Meta Platforms, Inc.',
  NVDA: 'NVIDIA Corporation',
  TSLA: 'Tesla, Inc.',
};

// Provenance, as listed in shared/data/README.md (repository · path · commit).
const SOURCES = {
  hk: {
    repo: 'luciusneo1017/momentum-portfolio_optimization',
    path: 'data/interim/*.HK.csv',
    commit: 'bafe7bb71614319c0152ef2038d7c11751766685',
  },
  us: {
    repo: 'xiayawen/CoinProfit',
    path: 'price_cache/*.csv',
    commit: '465bc7e43a7129c198be47c9502ecb77b105e384',
  },
  index: {
    repo: 'YoussefKh200/Slow-Turtle-Research',
    path: 'data/^NDX.csv',
    commit: 'fe1404662883710ddfd2cdb6a7819d132fef1c13',
  },
  fx: {
    repo: 'Maxime-bgn/fx_trading_git',
    path: 'USDHKD=X.csv',
    commit: '4cbee279ffcd6cabe259e6576d97df319d76add2',
  },
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Minimal RFC 4180 parser: quoted fields, doubled quotes, CRLF or LF. Returns rows of strings. */
function parseCsv(text, delimiter = ',') {
  const rows = [];
  let row = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"') {
      inQuotes = true;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function csvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvLine(fields) {
  return fields.map(csvField).join(',');
}

/**
 * Reads Date and Close (as text) from a price file, keeping FIRST_DATE..LAST_DATE.
 * `toDecimalPoint` turns a decimal comma into a dot (USDHKD=X is written with decimal commas).
 */
function readCloses(file, { delimiter = ',', toDecimalPoint = false } = {}) {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = parseCsv(text, delimiter);
  const dateCol = header.indexOf('Date');
  const closeCol = header.indexOf('Close');
  if (dateCol < 0 || closeCol < 0) throw new Error(`${file}: no Date or Close column in header ${header.join(delimiter)}`);

  const kept = [];
  const skipped = [];
  for (const row of rows) {
    const date = (row[dateCol] ?? '').trim();
    if (!DATE_RE.test(date)) throw new Error(`${file}: unexpected date ${JSON.stringify(row[dateCol])}`);
    if (date < FIRST_DATE || date > LAST_DATE) continue;
    let close = (row[closeCol] ?? '').trim();
    if (toDecimalPoint) close = close.replace(',', '.');
    if (!NUMBER_RE.test(close) || !Number.isFinite(Number(close))) {
      skipped.push(`${date} ${JSON.stringify(row[closeCol] ?? '')}`);
      continue;
    }
    kept.push({ date, close });
  }
  kept.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 1; i < kept.length; i++) {
    if (kept[i].date === kept[i - 1].date) throw new Error(`${file}: duplicate date ${kept[i].date}`);
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

function readForwardPe() {
  const file = path.join(sharedData, 'forward-pe-2025-03.csv');
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: no ${name} column`);
    return i;
  };
  const [sym, pe, asOf, basis, source] = ['symbol', 'forward_pe', 'as_of', 'basis', 'source'].map(col);
  const bySymbol = new Map();
  for (const r of rows) {
    if (!NUMBER_RE.test(r[pe])) throw new Error(`${file}: non-numeric forward_pe for ${r[sym]}`);
    bySymbol.set(r[sym], { forwardPE: r[pe], asOf: r[asOf], basis: r[basis], source: r[source] });
  }
  return bySymbol;
}

// ---- 1. prices ----------------------------------------------------------------------------

const groups = [
  { key: 'hk', symbols: HK_SYMBOLS, fileOf: (s) => path.join(sharedData, 'prices', 'hk', `${s}.csv`), options: {} },
  { key: 'us', symbols: US_SYMBOLS, fileOf: (s) => path.join(sharedData, 'prices', 'us', `${s}.csv`), options: {} },
  { key: 'index', symbols: [INDEX_SYMBOL], fileOf: (s) => path.join(sharedData, 'prices', 'index', `${s}.csv`), options: {} },
  {
    key: 'fx',
    symbols: [FX_SYMBOL],
    fileOf: (s) => path.join(sharedData, 'prices', 'fx', `${s}.csv`),
    options: { delimiter: ';', toDecimalPoint: true },
  },
];

const ranges = {}; // group key -> { first, last, rows: [per symbol count] }
let totalSkipped = 0;
for (const group of groups) {
  for (const symbol of group.symbols) {
    const { rows, skipped } = readCloses(group.fileOf(symbol), group.options);
    if (rows.length === 0) throw new Error(`${symbol}: no rows between ${FIRST_DATE} and ${LAST_DATE}`);
    totalSkipped += skipped.length;
    process.stderr.write(`${symbol}: ${rows.length} rows kept, ${skipped.length} skipped (empty or non-numeric Close)${skipped.length ? ': ' + skipped.join(', ') : ''}\n`);
    writePrices(symbol, rows);
    const r = (ranges[group.key] ??= { first: rows[0].date, last: rows.at(-1).date, counts: [] });
    if (rows[0].date < r.first) r.first = rows[0].date;
    if (rows.at(-1).date > r.last) r.last = rows.at(-1).date;
    r.counts.push(`${symbol} ${rows.length}`);
  }
}
process.stderr.write(`total skipped rows: ${totalSkipped}\n`);

// ---- 2. quotes.csv ------------------------------------------------------------------------

const forwardPe = readForwardPe();
const quoteLines = [csvLine(['symbol', 'name', 'currency', 'forwardPE'])];
for (const symbol of QUOTE_ORDER) {
  const currency = symbol.endsWith('.HK') ? 'HKD' : 'USD';
  quoteLines.push(csvLine([symbol, COMPANY_NAMES[symbol], currency, forwardPe.get(symbol)?.forwardPE ?? '']));
}
writeFile(path.join(outDir, 'quotes.csv'), quoteLines.join('\n') + '\n');

// ---- 3. README.md -------------------------------------------------------------------------

const src = (k) => `${SOURCES[k].repo} · \`${SOURCES[k].path}\` · \`${SOURCES[k].commit}\``;
const mdCell = (s) => s.replace(/\|/g, '\\|');
const peRows = QUOTE_ORDER.map((symbol) => {
  const pe = forwardPe.get(symbol);
  return pe
    ? `| ${symbol} | ${mdCell(COMPANY_NAMES[symbol])} | ${pe.forwardPE} | ${pe.asOf} | ${mdCell(pe.basis)} | <${pe.source}> |`
    : `| ${symbol} | ${mdCell(COMPANY_NAMES[symbol])} | — | — | no figure found; left empty | — |`;
});
const missingPe = QUOTE_ORDER.filter((s) => !forwardPe.has(s)).map((s) => `${COMPANY_NAMES[s]} (${s})`);

const readme = `# Demo data for \`basket\` (offline data directory)

Real daily prices, generated by \`scripts/build-demo-data.mjs\` from the shared real-data folder.
Nothing here is synthetic. Regenerate with:

    node scripts/build-demo-data.mjs [path/to/shared/data]

(the path defaults to \`../shared/data\` next to the repository). The script is deterministic.

## Layout

- \`prices/<SYMBOL>.csv\`: header \`Date,Close\`, one row per trading day, ascending, \`YYYY-MM-DD\`.
- \`quotes.csv\`: header \`symbol,name,currency,forwardPE\`; an empty cell means unknown.

## Sources (repository · path · commit)

| files | source | date range |
|---|---|---|
| \`prices/{${HK_SYMBOLS.join(',')}}.csv\` | ${src('hk')} | ${ranges.hk.first} → ${ranges.hk.last} |
| \`prices/{${US_SYMBOLS.join(',')}}.csv\` | ${src('us')} | ${ranges.us.first} → ${ranges.us.last} |
| \`prices/${INDEX_SYMBOL}.csv\` (Nasdaq-100) | ${src('index')} | ${ranges.index.first} → ${ranges.index.last} |
| \`prices/${FX_SYMBOL}.csv\` (HKD per 1 USD) | ${src('fx')} | ${ranges.fx.first} → ${ranges.fx.last} |
| \`quotes.csv\` forwardPE | \`forward-pe-2025-03.csv\` of the shared data folder (press reports, see below) | — |

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
`;
writeFile(path.join(outDir, 'README.md'), readme);

process.stderr.write(`wrote ${path.relative(repoRoot, outDir)}/ (prices, quotes.csv, README.md)\n`);
