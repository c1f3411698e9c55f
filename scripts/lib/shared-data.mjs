// What scripts/build-demo-data.mjs and scripts/build-yahoo-fixtures.mjs both take from the shared
// real-data folder: the symbols, their names, where each price file came from, and the readers
// of its CSV files. Cells are read as text (csv-parse without `cast`), so no number is reformatted.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared data folder: the first command-line argument, else `../shared/data` next to the repository. */
export const resolveSharedData = (arg = process.argv[2]) => path.resolve(arg ?? path.resolve(REPO_ROOT, '..', 'shared', 'data'));

export const HK_SYMBOLS = ['0700.HK', '9988.HK', '1810.HK', '1211.HK', '0981.HK', '9618.HK', '9999.HK'];
export const US_SYMBOLS = ['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA'];
export const INDEX_SYMBOL = '^NDX';
export const FX_SYMBOL = 'USDHKD=X';

export const NAMES = {
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
  '^NDX': 'NASDAQ 100',
  'USDHKD=X': 'USD/HKD',
  'HSTECH.HK': 'Hang Seng TECH Index',
  '^HSI': 'Hang Seng Index',
};

// Provenance of the price files, as listed in shared/data/README.md (repository · path · commit).
export const PRICE_SOURCES = {
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

// Provenance of the files added later to the shared data folder ("Additions" in shared/data/README.md),
// keyed by their path under shared/data.
export const ADDITION_SOURCES = {
  'prices/hstech/HSTECH.csv': {
    repo: 'AmineSeRaFimmm/A-Share-Risk-Thermometer',
    path: 'data/raw/indices/hstech.csv',
    commit: '4680be23ff01e0f8b741e2b0e9d6131ad57f55d1',
    note: 'AKShare `stock_hk_index_daily_sina`, i.e. Sina Finance, not Yahoo',
  },
  'prices/index/^HSI.csv': {
    repo: 'tapi262/portfolio_opt',
    path: 'data/^HSI.csv',
    commit: '3c3e00ee89483acab8173285813d3f684a0c36b2',
    note: 'yfinance download',
  },
  'prices/index/^HSI-2021-2026.csv': {
    repo: 'ShresthTiwari823/QuantEdge-AI',
    path: 'data/HSI.csv',
    commit: '18a1e8e758887797034e436b655cf85ea6e822de',
    note: 'yfinance download',
  },
};

/**
 * Date and Close (as text) of a CSV file written by yfinance with its multi-row header
 * (`Price,Close,…` / `Ticker,^HSI,…` / `Date,,,…`), in file order.
 */
export function readYfinanceMultiHeaderCsv(file) {
  const rows = parse(fs.readFileSync(file, 'utf8'), { bom: true, skip_empty_lines: true, relax_column_count: true });
  const [price, ticker, dateRow] = rows;
  if (price?.[0] !== 'Price' || ticker?.[0] !== 'Ticker' || dateRow?.[0] !== 'Date' || dateRow.slice(1).some((c) => c !== '')) {
    throw new Error(`${file}: not yfinance's multi-row header (Price / Ticker / Date)`);
  }
  const closeAt = price.indexOf('Close');
  if (closeAt < 1 || price.indexOf('Close', closeAt + 1) !== -1) throw new Error(`${file}: expected one Close column in ${price.join(',')}`);
  return { ticker: ticker[closeAt], records: rows.slice(3).map((r) => ({ Date: r[0], Close: r[closeAt] })) };
}

/** Every row of forward-pe-2025-03.csv, in file order: { symbol, forwardPE (text), asOf, basis, source }. */
export function readForwardPeRows(sharedData) {
  const file = path.join(sharedData, 'forward-pe-2025-03.csv');
  const { header, records } = readCsv(file);
  requireColumns(file, header, ['symbol', 'forward_pe', 'as_of', 'basis', 'source']);
  return records.map((r) => {
    if (!NUMBER_RE.test(r.forward_pe)) throw new Error(`${file}: non-numeric forward_pe for ${r.symbol}`);
    return { symbol: r.symbol, forwardPE: r.forward_pe, asOf: r.as_of, basis: r.basis, source: r.source };
  });
}

/** Every row of quotes/forward-pe-hk-2024-12-to-2025-03.csv, in file order, cells as text. */
export function readHkForwardPeRows(sharedData) {
  const file = path.join(sharedData, 'quotes', 'forward-pe-hk-2024-12-to-2025-03.csv');
  const { header, records } = readCsv(file);
  requireColumns(file, header, ['symbol', 'forward_pe', 'as_of', 'provider', 'basis', 'source', 'captured']);
  return records;
}

/** Every row of quotes/market-cap-and-shares.csv, in file order, cells as text. */
export function readMarketCapRows(sharedData) {
  const file = path.join(sharedData, 'quotes', 'market-cap-and-shares.csv');
  const { header, records } = readCsv(file);
  requireColumns(file, header, ['symbol', 'as_of', 'field', 'value', 'currency', 'share_basis', 'provider', 'source', 'captured', 'note']);
  return records;
}

export const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The price group of a symbol, which is also its folder under prices/ and its PRICE_SOURCES key. */
export function groupOf(symbol) {
  if (symbol === INDEX_SYMBOL) return 'index';
  if (symbol === FX_SYMBOL) return 'fx';
  return symbol.endsWith('.HK') ? 'hk' : 'us';
}

/** Header and records (keyed by header name, every cell as text) of a CSV file. */
export function readCsv(file, { delimiter = ',' } = {}) {
  let header = [];
  const records = parse(fs.readFileSync(file, 'utf8'), {
    bom: true,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    columns: (names) => (header = names),
  });
  return { header, records };
}

function requireColumns(file, header, names, delimiter = ',') {
  for (const name of names) {
    if (!header.includes(name)) throw new Error(`${file}: no ${name} column in header ${header.join(delimiter)}`);
  }
}

/**
 * Rows of the source price file of `symbol` (prices/<group>/<symbol>.csv) as records of text keyed
 * by header name, ascending by Date. USDHKD=X is `;`-separated (its decimal commas are left as they are).
 */
export function readPriceCsv(sharedData, symbol) {
  const group = groupOf(symbol);
  const file = path.join(sharedData, 'prices', group, `${symbol}.csv`);
  const delimiter = group === 'fx' ? ';' : ',';
  const { header, records } = readCsv(file, { delimiter });
  requireColumns(file, header, ['Date', 'Close'], delimiter);
  const key = (r) => (r.Date ?? '').trim();
  return { file, records: records.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) };
}

/** forward-pe-2025-03.csv: symbol -> { forwardPE (text), asOf, basis, source }. */
export function readForwardPe(sharedData) {
  const file = path.join(sharedData, 'forward-pe-2025-03.csv');
  const { header, records } = readCsv(file);
  requireColumns(file, header, ['symbol', 'forward_pe', 'as_of', 'basis', 'source']);
  const bySymbol = new Map();
  for (const r of records) {
    if (!NUMBER_RE.test(r.forward_pe)) throw new Error(`${file}: non-numeric forward_pe for ${r.symbol}`);
    bySymbol.set(r.symbol, { forwardPE: r.forward_pe, asOf: r.as_of, basis: r.basis, source: r.source });
  }
  return bySymbol;
}
