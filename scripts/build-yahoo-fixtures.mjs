#!/usr/bin/env node
// Builds fixtures/yahoo/: recorded Yahoo HTTP exchanges for the replaying fetch used in tests.
//
//   node scripts/build-yahoo-fixtures.mjs [path/to/shared/data]
//
// 1. copies real recorded responses byte for byte (gadicc/node-yahoo-finance2 test fixtures);
// 2. wraps the real v8 chart 404 body for an unknown symbol in a request/response envelope;
// 3. hand-makes (`*.fake.json`) v8 chart and v7 quote answers from REAL daily prices, in the
//    shape of the real recorded ones;
// 4. writes PROVENANCE.md.
// Deterministic (no clock, no randomness), no network.

import fs from 'node:fs';
import path from 'node:path';
import {
  FX_SYMBOL,
  HK_SYMBOLS,
  INDEX_SYMBOL,
  NAMES,
  PRICE_SOURCES,
  REPO_ROOT,
  US_SYMBOLS,
  groupOf as marketOf,
  readForwardPe,
  readPriceCsv,
  resolveSharedData,
} from './lib/shared-data.mjs';

const sharedData = resolveSharedData();
const yfFixtures = path.join(sharedData, 'yahoo-responses', 'yahoo-finance2_fixtures');
const otherCaptures = path.join(sharedData, 'yahoo-responses', 'other_captures');
const outDir = path.join(REPO_ROOT, 'fixtures', 'yahoo');

const YF_REPO = 'gadicc/node-yahoo-finance2';
// Commit lists as given in shared/data/README.md (abbreviated there; the per-file commit is not recorded).
const YF_COMMITS_FIXTURES = '676eadc…, 93ebf39…, 7fe6103…, 7b467d7…, ebc6a8e…, ab47c0a…';
const YF_COMMITS_TESTS_HTTP = '9632634…';

const priceSource = (market) => `${PRICE_SOURCES[market].repo} · ${PRICE_SOURCES[market].path} · ${PRICE_SOURCES[market].commit}`;
const FORWARD_PE_SOURCE = 'shared/data/forward-pe-2025-03.csv (press reports, each figure with its own date and address)';

// The window of the hand-made chart answers: yahoo-finance2 v4
// `chart(SYMBOL, { period1: '2024-12-02', period2: '2025-03-08' })`.
const PERIOD1 = '2024-12-02';
const PERIOD2 = '2025-03-08'; // exclusive: the last bar is the session of 2025-03-07
const LAST_SESSION = '2025-03-07';

// Every market here trades 09:30-16:00 local time; they differ in currency, zone and exchange names.
const defineMarket = (currency, timeZone, [chartExchangeName, fullExchangeName, quoteExchange, marketName], extra = {}) => ({
  currency,
  timeZone,
  open: [9, 30],
  close: [16, 0],
  chartExchangeName,
  fullExchangeName,
  ...(quoteExchange && { quoteExchange, market: marketName }),
  ...extra,
});

const MARKETS = {
  // quoteSourceName and exchangeDataDelayedBy are not in the AAPL template; Yahoo serves Hong Kong
  // quotes 15 minutes delayed.
  hk: defineMarket('HKD', 'Asia/Hong_Kong', ['HKG', 'HKSE', 'HKG', 'hk_market'], { quoteSourceName: 'Delayed Quote', exchangeDataDelayedBy: 15 }),
  us: defineMarket('USD', 'America/New_York', ['NMS', 'NasdaqGS', 'NMS', 'us_market']),
  index: defineMarket('USD', 'America/New_York', ['NIM', 'Nasdaq GIDS']),
};

const CONTENT_TYPE = { 'content-type': 'application/json;charset=utf-8' };

/** The `response` half of a recorded exchange: a JSON body, 200 OK unless told otherwise. */
const jsonResponse = (bodyJson, { ok = true, status = 200, statusText = 'OK' } = {}) => ({
  ok,
  status,
  statusText,
  headers: { ...CONTENT_TYPE },
  bodyJson,
});

// ---- small helpers ------------------------------------------------------------------------

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function writeJson(name, value) {
  fs.writeFileSync(path.join(outDir, name), JSON.stringify(value, null, 2) + '\n');
}

function toNumber(text, what) {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(n)) throw new Error(`not a number: ${what} = ${JSON.stringify(text)}`);
  return n;
}

/** Offset (ms) of `timeZone` from UTC at the instant `utcMs`. */
function zoneOffsetMs(utcMs, timeZone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - utcMs;
}

/** Epoch seconds of wall-clock `date` `hh:mm` in `timeZone`. */
function zonedEpochSeconds(date, [hh, mm], timeZone) {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let utc = wall;
  for (let i = 0; i < 3; i++) utc = wall - zoneOffsetMs(utc, timeZone);
  if (utc + zoneOffsetMs(utc, timeZone) !== wall) throw new Error(`${date} ${hh}:${mm} does not exist in ${timeZone}`);
  return utc / 1000;
}

/** Local calendar date (YYYY-MM-DD) of epoch seconds in `timeZone`. */
function localDate(epochSeconds, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(epochSeconds * 1000),
  );
}

/** Short zone name ("EST", "EDT", "HKT") as Yahoo writes it, from the offset. */
function zoneAbbreviation(timeZone, gmtoffset) {
  if (timeZone === 'Asia/Hong_Kong') return 'HKT';
  if (timeZone === 'America/New_York') return gmtoffset === -18000 ? 'EST' : 'EDT';
  if (timeZone === 'Europe/London') return gmtoffset === 0 ? 'GMT' : 'BST';
  throw new Error(`no abbreviation for ${timeZone}`);
}

const chartUrl = (symbol, period2 = PERIOD2) =>
  `https://query2.finance.yahoo.com/v8/finance/chart/${symbol}?useYfid=true&interval=1d&includePrePost=true` +
  `&events=div%7Csplit%7Cearn&lang=en-US&period1=${Date.parse(PERIOD1) / 1000}&period2=${Date.parse(period2) / 1000}`;

const quoteUrl = (symbols) =>
  `https://query2.finance.yahoo.com/v7/finance/quote?symbols=${[...symbols].sort().map(encodeURIComponent).join('%2C')}&crumb=REDACTED`;

// ---- 1. real recorded files, byte for byte ------------------------------------------------

const REAL_COPIES = [
  ['chart-AAPL-2020-01-01-to-2020-01-03.json', 'chart-AAPL-2020-01-01-to-2020-01-03.json'],
  ['chart-LUCYW-null-currency.json', 'chart-LUCYW-null-currency.json'],
  ['chart-WSU.DE-2023-08-04-to-2023-08-09.json', 'chart-WSU.DE-2023-08-04-to-2023-08-09.json'],
  ['historical-via-chart-MSFT-dividends-2021-02-01-to-2022-01-31.csv.json', 'chart-MSFT-2021-02-01-to-2022-01-31-events-div.json'],
  ['historical-via-chart-NVDA-split-2021-02-01-to-2022-01-31.csv.json', 'chart-NVDA-2021-02-01-to-2022-01-31-events-split.json'],
  ['quote-AAPL-BABA.json', 'quote-AAPL-BABA.json'],
  ['quote-AAPL.json', 'quote-AAPL.json'],
  ['tests_http/quoteCombine-AAPL-NONEXIST.json', 'quote-AAPL-NONEXIST.json'],
  ['tests_http/quoteCombine-NONEXIST.json', 'quote-NONEXIST.json'],
];

fs.mkdirSync(outDir, { recursive: true });
const provenance = [];
for (const [from, to] of REAL_COPIES) {
  const src = path.join(yfFixtures, from);
  const recorded = readJson(src);
  if (typeof recorded?.request?.url !== 'string') throw new Error(`${from}: no request.url`);
  fs.copyFileSync(src, path.join(outDir, to));
  const upstream = from.startsWith('tests_http/')
    ? `tests/http/${from.slice('tests_http/'.length)} (commit ${YF_COMMITS_TESTS_HTTP})`
    : `tests/fixtures/http/${from} (one of commits ${YF_COMMITS_FIXTURES})`;
  provenance.push({
    file: to,
    kind: 'real',
    request: `${recorded.request.method ?? 'GET (method not recorded)'} ${recorded.request.url}`,
    source: `${YF_REPO} · ${upstream}; copied byte for byte${from === to ? '' : `, renamed from \`${path.basename(from)}\``}`,
  });
}

// ---- 2. the real chart 404 body, in a reconstructed envelope ------------------------------

{
  const name = 'chart-INVALID.BO-404.json';
  const body = readJson(path.join(otherCaptures, 'chart-INVALID.BO-404-error-body.json'));
  writeJson(name, {
    _note:
      'The response body is REAL: Yahoo v8 chart answer for an unknown symbol (shared/data/yahoo-responses/other_captures/chart-INVALID.BO-404-error-body.json). ' +
      'The request URL (yahoo-finance2 v4 chart(\'INVALID.BO\', { period1: \'2024-12-02\', period2: \'2025-03-08\' })), status 404 "Not Found" and the content-type header are a reconstructed wrapper, not a recording.',
    request: { method: 'GET', url: chartUrl('INVALID.BO') },
    response: jsonResponse(body, { ok: false, status: 404, statusText: 'Not Found' }),
  });
  provenance.push({
    file: name,
    kind: 'real body, reconstructed envelope',
    request: `GET ${chartUrl('INVALID.BO')}`,
    source:
      'body: shared/data/yahoo-responses/other_captures/chart-INVALID.BO-404-error-body.json (real Yahoo 404 body); request URL, status and headers reconstructed by this script',
  });
}

// ---- 3. hand-made v8 chart answers from real daily prices ---------------------------------

const aaplChart = readJson(path.join(yfFixtures, 'chart-AAPL-2020-01-01-to-2020-01-03.json')).response.bodyJson.chart.result[0];
const hkCapture = readJson(path.join(otherCaptures, 'chart-0700.HK-range5d-interval1d.captured-2026-08-07.json')).chart.result[0];
// firstTradeDate is only known for the two symbols whose real meta we hold; null (allowed by
// Yahoo's schema) elsewhere rather than a made-up date.
const KNOWN_FIRST_TRADE = { AAPL: aaplChart.meta.firstTradeDate, '0700.HK': hkCapture.meta.firstTradeDate };

const closesOnLastSession = new Map();

/**
 * The source rows of `symbol` from PERIOD1 up to (not including) `period2`, the last row
 * before them, and each bar's timestamp: the session's opening instant in the market's zone,
 * checked to fall on the row's own local date. The last bar must be `lastSession`.
 */
function selectBars(symbol, market, period2, lastSession) {
  const all = readPriceCsv(sharedData, symbol).records;
  const bars = all.filter((r) => r.Date >= PERIOD1 && r.Date < period2);
  const before = all.filter((r) => r.Date < PERIOD1).at(-1);
  if (bars.at(-1)?.Date !== lastSession) throw new Error(`${symbol}: last bar is ${bars.at(-1)?.Date}, expected ${lastSession}`);
  const timestamp = bars.map((r) => {
    const t = zonedEpochSeconds(r.Date, market.open, market.timeZone);
    if (localDate(t, market.timeZone) !== r.Date) throw new Error(`${symbol} ${r.Date}: timestamp ${t} is not on that local date`);
    return t;
  });
  return { bars, before, timestamp };
}

/**
 * A hand-made chart answer for `symbol`: bars PERIOD1 <= date < period2, the last one on
 * `lastSession`. `extraNote` is appended to the `_note`.
 */
function buildChart(symbol, { period2 = PERIOD2, lastSession = LAST_SESSION, extraNote = '' } = {}) {
  const marketKey = marketOf(symbol);
  const market = MARKETS[marketKey];
  const template = marketKey === 'hk' ? hkCapture.meta : aaplChart.meta;
  const { bars, before, timestamp } = selectBars(symbol, market, period2, lastSession);
  // The index file has no Volume column: volume 0 there.
  const column = (name) => bars.map((r) => (name === 'Volume' && r.Volume === undefined ? 0 : toNumber(r[name], `${symbol} ${r.Date} ${name}`)));
  const [open, high, low, close, volume] = ['Open', 'High', 'Low', 'Close', 'Volume'].map(column);
  if (lastSession === LAST_SESSION) closesOnLastSession.set(symbol, close.at(-1));

  const sessionOpen = zonedEpochSeconds(lastSession, market.open, market.timeZone);
  const sessionClose = zonedEpochSeconds(lastSession, market.close, market.timeZone);
  const gmtoffset = zoneOffsetMs(sessionOpen * 1000, market.timeZone) / 1000;
  const tz = zoneAbbreviation(market.timeZone, gmtoffset);
  const period = (start, end) => ({ timezone: tz, start, end, gmtoffset });
  // Regular session of 2025-03-07 as Yahoo would describe it. US: pre 04:00-09:30 and post
  // 16:00-20:00 like the real AAPL meta; Hong Kong and the index have no extended hours, so
  // pre/post are zero-length at the open and close (Yahoo's way for markets without them).
  const extended = marketKey === 'us';
  const currentTradingPeriod = {
    pre: extended ? period(zonedEpochSeconds(lastSession, [4, 0], market.timeZone), sessionOpen) : period(sessionOpen, sessionOpen),
    regular: period(sessionOpen, sessionClose),
    post: extended ? period(sessionClose, zonedEpochSeconds(lastSession, [20, 0], market.timeZone)) : period(sessionClose, sessionClose),
  };

  const meta = {
    currency: market.currency,
    symbol,
    exchangeName: market.chartExchangeName,
    fullExchangeName: market.fullExchangeName,
    instrumentType: marketKey === 'index' ? 'INDEX' : 'EQUITY',
    firstTradeDate: KNOWN_FIRST_TRADE[symbol] ?? null,
    regularMarketTime: sessionClose,
    hasPrePostMarketData: marketKey === 'us' ? template.hasPrePostMarketData : false,
    gmtoffset,
    timezone: tz,
    exchangeTimezoneName: market.timeZone,
    regularMarketPrice: close.at(-1),
    longName: NAMES[symbol],
    shortName: NAMES[symbol],
    chartPreviousClose: toNumber(before.Close, `${symbol} ${before.Date} Close`),
    priceHint: template.priceHint,
    currentTradingPeriod,
    dataGranularity: '1d',
    range: '',
    validRanges: [...aaplChart.meta.validRanges],
  };

  const name = `chart-${symbol}-${PERIOD1}-to-${period2}.fake.json`;
  const source = priceSource(marketKey);
  writeJson(name, {
    _note:
      `HAND-MADE (not recorded). Real daily bars of ${symbol} from ${bars[0].Date} to ${bars.at(-1).Date} (${bars.length} sessions), ` +
      `from ${source} (downloaded by yfinance), put in the shape of Yahoo's v8 chart answer ` +
      `(real recorded gadicc/node-yahoo-finance2 chart-AAPL-2020-01-01-to-2020-01-03.json). ` +
      `Prices are yfinance's split- and dividend-ADJUSTED values, so close and adjclose are equal here (Yahoo's own close is raw). ` +
      `timestamp = the session's opening instant (09:30 ${market.timeZone}) in UTC seconds. ` +
      (marketKey === 'index' ? 'The source has no volume for the index: volume is 0. ' : '') +
      `meta starts from the real ${marketKey === 'hk' ? '0700.HK capture (other_captures/chart-0700.HK-range5d-interval1d.captured-2026-08-07.json)' : 'AAPL recording'}: ` +
      `regularMarketPrice = last close, regularMarketTime = that session's close, chartPreviousClose = the close of the session before ${PERIOD1} (${before.Date}), ` +
      `currentTradingPeriod = the ${lastSession} session (reconstructed), firstTradeDate null where unknown; 52-week and day high/low/volume fields dropped.` +
      extraNote,
    request: { method: 'GET', url: chartUrl(symbol, period2) },
    response: jsonResponse({
      chart: {
        result: [
          {
            meta,
            timestamp,
            indicators: {
              quote: [{ open, high, low, close, volume }],
              adjclose: [{ adjclose: [...close] }],
            },
          },
        ],
        error: null,
      },
    }),
  });
  provenance.push({
    file: name,
    kind: 'hand-made (.fake)',
    request: `GET ${chartUrl(symbol, period2)}`,
    source: `bars: ${source}; shape and meta template: ${YF_REPO} chart-AAPL-2020-01-01-to-2020-01-03.json${marketKey === 'hk' ? ' and other_captures/chart-0700.HK-range5d-interval1d.captured-2026-08-07.json' : ''}`,
  });
}

for (const symbol of [...HK_SYMBOLS, ...US_SYMBOLS, INDEX_SYMBOL]) buildChart(symbol);

// AAPL for the request of a run with --from 2025-01-01 --as-of 2025-02-14 (period2 = the day after
// the as-of date, 00:00 UTC), to pair with the real quote-AAPL.json of the 2025-02-14 close.
{
  const recorded = readJson(path.join(yfFixtures, 'quote-AAPL.json')).response.bodyJson.quoteResponse.result[0];
  const lastSession = '2025-02-14';
  const sessionClose = zonedEpochSeconds(lastSession, MARKETS.us.close, MARKETS.us.timeZone);
  if (recorded.symbol !== 'AAPL' || recorded.regularMarketTime !== sessionClose) {
    throw new Error(`quote-AAPL.json: regularMarketTime ${recorded.regularMarketTime} is not the ${lastSession} close (${sessionClose})`);
  }
  const adjusted = readPriceCsv(sharedData, 'AAPL').records.find((r) => r.Date === lastSession).Close;
  buildChart('AAPL', {
    period2: '2025-02-15',
    lastSession,
    extraNote:
      ` Window: the request of a run with --from 2025-01-01 --as-of ${lastSession} (period2 = 2025-02-15T00:00:00Z), ` +
      `so that it pairs with the real quote-AAPL.json (recorded 2025-02-17, regularMarketTime ${recorded.regularMarketTime} = the ${lastSession} close). ` +
      `That quote's regularMarketPrice ${recorded.regularMarketPrice} is Yahoo's raw price; this file's close of ${lastSession} is the adjusted ${toNumber(adjusted, 'AAPL close')}.`,
  });
}

// ---- 3b. USDHKD=X, an FX pair, in the meta shape of the real EURUSD=X recording ------------

const eurusdChart = readJson(path.join(yfFixtures, 'chart-EURUSD=X-2020-01-01-to-2020-01-03.json')).response.bodyJson.chart.result[0];
const FX_TEMPLATE = eurusdChart.meta;
// What the real recordings show for an FX pair: exchange CCY, Europe/London, one bar per day
// stamped at 00:00 London of its date, and a regular "session" 00:00-23:59 London.
{
  const tz = FX_TEMPLATE.exchangeTimezoneName;
  for (const t of eurusdChart.timestamp) {
    if (zonedEpochSeconds(localDate(t, tz), [0, 0], tz) !== t) throw new Error(`EURUSD=X bar ${t} is not at 00:00 ${tz}`);
  }
  const { regular } = FX_TEMPLATE.currentTradingPeriod;
  if (zonedEpochSeconds(localDate(regular.start, tz), [0, 0], tz) !== regular.start || regular.end - regular.start !== 23 * 3600 + 59 * 60) {
    throw new Error('EURUSD=X regular trading period is not 00:00-23:59 London');
  }
  const excerpt = fs.readFileSync(path.join(sharedData, 'yahoo-responses', 'openbb_cassette_excerpts', 'chart-EURUSD=X-meta-decoded.partial.txt'), 'utf8');
  for (const key of ['exchangeName', 'fullExchangeName', 'instrumentType', 'exchangeTimezoneName', 'priceHint', 'hasPrePostMarketData']) {
    if (!excerpt.includes(`"${key}":${JSON.stringify(FX_TEMPLATE[key])}`)) throw new Error(`openbb EURUSD=X excerpt disagrees on ${key}`);
  }
}
MARKETS.fx = { ...defineMarket('HKD', FX_TEMPLATE.exchangeTimezoneName, [FX_TEMPLATE.exchangeName, FX_TEMPLATE.fullExchangeName]), open: [0, 0], close: [23, 59] };

/** A `;`-separated decimal-comma cell (`7,7635`) as a number. */
function decimalCommaNumber(text, what) {
  if (typeof text !== 'string' || !/^[+-]?\d+(,\d+)?$/.test(text.trim())) throw new Error(`not a decimal-comma number: ${what} = ${JSON.stringify(text)}`);
  return toNumber(text.trim().replace(',', '.'), what);
}

function buildFxChart(symbol) {
  const market = MARKETS[marketOf(symbol)];
  const { bars, before, timestamp } = selectBars(symbol, market, PERIOD2, LAST_SESSION);
  const column = (name) => bars.map((r) => decimalCommaNumber(r[name], `${symbol} ${r.Date} ${name}`));
  const [open, high, low, close, adjclose, volume] = ['Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'].map(column);
  if (adjclose.some((v, i) => v !== close[i])) throw new Error(`${symbol}: Adj Close differs from Close`);
  // Weekdays of the window with no bar in the source (FX trades every weekday).
  const have = new Set(bars.map((r) => r.Date));
  const missing = [];
  for (let t = Date.parse(PERIOD1); t < Date.parse(PERIOD2); t += 86400000) {
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() % 6 !== 0 && !have.has(iso)) missing.push(iso);
  }

  const sessionOpen = zonedEpochSeconds(LAST_SESSION, market.open, market.timeZone);
  const sessionClose = zonedEpochSeconds(LAST_SESSION, market.close, market.timeZone);
  const gmtoffset = zoneOffsetMs(sessionOpen * 1000, market.timeZone) / 1000;
  const tz = zoneAbbreviation(market.timeZone, gmtoffset);
  const period = (start, end) => ({ timezone: tz, start, end, gmtoffset });
  const meta = {
    currency: market.currency,
    symbol,
    exchangeName: FX_TEMPLATE.exchangeName,
    fullExchangeName: FX_TEMPLATE.fullExchangeName,
    instrumentType: FX_TEMPLATE.instrumentType,
    firstTradeDate: null,
    regularMarketTime: sessionClose,
    hasPrePostMarketData: FX_TEMPLATE.hasPrePostMarketData,
    gmtoffset,
    timezone: tz,
    exchangeTimezoneName: market.timeZone,
    regularMarketPrice: close.at(-1),
    longName: NAMES[symbol],
    shortName: NAMES[symbol],
    chartPreviousClose: decimalCommaNumber(before.Close, `${symbol} ${before.Date} Close`),
    priceHint: FX_TEMPLATE.priceHint,
    // Like EURUSD=X's: zero-length pre and post at the ends of a 00:00-23:59 London day.
    currentTradingPeriod: { pre: period(sessionOpen, sessionOpen), regular: period(sessionOpen, sessionClose), post: period(sessionClose, sessionClose) },
    dataGranularity: '1d',
    range: '',
    validRanges: [...FX_TEMPLATE.validRanges],
  };

  const name = `chart-${symbol}-${PERIOD1}-to-${PERIOD2}.fake.json`;
  const source = priceSource('fx');
  writeJson(name, {
    _note:
      `HAND-MADE (not recorded). Real daily bars of ${symbol} (${NAMES[symbol]}, HKD per 1 USD) from ${bars[0].Date} to ${bars.at(-1).Date} (${bars.length} days), ` +
      `from ${source} (downloaded by yfinance; the source is ';'-separated with decimal commas, read as numbers here). ` +
      `close = Close, adjclose = Adj Close (equal in the source), volume = Volume (0 in the source). ` +
      (missing.length ? `The source has no bar on ${missing.join(', ')}: none is invented. ` : '') +
      `Shape and meta of an FX pair from the real recorded gadicc/node-yahoo-finance2 chart-EURUSD=X-2020-01-01-to-2020-01-03.json ` +
      `(cross-checked with openbb_cassette_excerpts/chart-EURUSD=X-meta-decoded.partial.txt): exchangeName and fullExchangeName ${FX_TEMPLATE.exchangeName}, ` +
      `instrumentType ${FX_TEMPLATE.instrumentType}, exchangeTimezoneName ${FX_TEMPLATE.exchangeTimezoneName}, hasPrePostMarketData ${FX_TEMPLATE.hasPrePostMarketData}, ` +
      `priceHint ${FX_TEMPLATE.priceHint}, validRanges as recorded. timestamp = 00:00 ${market.timeZone} of the bar's date, placed as EURUSD=X's bars are ` +
      `(its ${eurusdChart.timestamp[0]} is 2020-01-01 00:00 GMT), so the date read in ${market.timeZone} is the source's date; ` +
      `London is on GMT throughout this window, so it is also 00:00 UTC. ` +
      `Set by hand: currency HKD (the quote currency of USD/HKD), symbol, longName/shortName "${NAMES[symbol]}" (by analogy with the recorded "EUR/USD"), ` +
      `firstTradeDate null (unknown), regularMarketPrice = last close, regularMarketTime = the end of the ${LAST_SESSION} regular period (23:59 London), ` +
      `chartPreviousClose = the close of ${before.Date} (the day before ${PERIOD1}), currentTradingPeriod = the ${LAST_SESSION} day (00:00-23:59 ${tz}) in EURUSD=X's pattern; ` +
      `52-week and day high/low/volume fields dropped.`,
    request: { method: 'GET', url: chartUrl(symbol) },
    response: jsonResponse({
      chart: {
        result: [{ meta, timestamp, indicators: { quote: [{ open, high, low, close, volume }], adjclose: [{ adjclose }] } }],
        error: null,
      },
    }),
  });
  provenance.push({
    file: name,
    kind: 'hand-made (.fake)',
    request: `GET ${chartUrl(symbol)}`,
    source: `bars: ${source}; shape and meta template: ${YF_REPO} chart-EURUSD=X-2020-01-01-to-2020-01-03.json and openbb_cassette_excerpts/chart-EURUSD=X-meta-decoded.partial.txt`,
  });
}

buildFxChart(FX_SYMBOL);

/** A chart request answered by hand with the real "No data found" 404 body, for the reason given. */
function writeNotFoundChart(symbol, why, kind, sourceWhy) {
  const name = `chart-${symbol}-404.fake.json`;
  const body = readJson(path.join(otherCaptures, 'chart-INVALID.BO-404-error-body.json'));
  writeJson(name, {
    _note:
      `HAND-MADE (not recorded). ${why} ` +
      'The response body is the REAL Yahoo v8 chart answer for an unknown symbol (shared/data/yahoo-responses/other_captures/chart-INVALID.BO-404-error-body.json); ' +
      `the request URL (yahoo-finance2 v4 chart('${symbol}', { period1: '${PERIOD1}', period2: '${PERIOD2}' })), status 404 "Not Found" and the content-type header ` +
      'are the same reconstructed wrapper as chart-INVALID.BO-404.json, not a recording.',
    request: { method: 'GET', url: chartUrl(symbol) },
    response: jsonResponse(body, { ok: false, status: 404, statusText: 'Not Found' }),
  });
  provenance.push({
    file: name,
    kind,
    request: `GET ${chartUrl(symbol)}`,
    source:
      'body: shared/data/yahoo-responses/other_captures/chart-INVALID.BO-404-error-body.json (real Yahoo 404 body); request URL, status and headers reconstructed by this script; ' +
      sourceWhy,
  });
}

// HKDUSD=X answered "not found" by hand (Yahoo does list it), so that the tool's inversion of
// USDHKD=X is exercised.
writeNotFoundChart(
  'HKDUSD=X',
  "Yahoo does in fact list HKDUSD=X; this 404 is set by hand so that the tool's inversion of USDHKD=X (HKD->USD = 1 / USDHKD) is exercised.",
  'hand-made (.fake): real 404 body for a symbol Yahoo does list',
  'the 404 for this symbol is set by hand, to exercise the inversion of USDHKD=X',
);

// HSTECH.HK (the titans' benchmark, the Hang Seng TECH index): Yahoo serves almost no daily history
// for it (only 1d/5d ranges, with currency null) and none was recorded for this window, so its answer
// is stood in by the real "No data found" 404 body: the tool must show the benchmark as unavailable.
writeNotFoundChart(
  'HSTECH.HK',
  'Yahoo serves almost no daily history for HSTECH.HK (only 1d/5d ranges) and no answer for this window was recorded; this 404 stands in for it so that a benchmark without data is exercised.',
  'hand-made (.fake): real 404 body standing in for a benchmark without daily history',
  'Yahoo serves almost no daily history for HSTECH.HK (shared/data/README.md)',
);

// 3033.HK (the CSOP Hang Seng TECH ETF, the titans' fallback benchmark): no answer was recorded for
// this window and no daily history of it is in the shared data, so it is stood in by the same real
// "No data found" 404 body: a fallback that has no data is exercised, and none is invented.
writeNotFoundChart(
  '3033.HK',
  "No Yahoo answer for 3033.HK (CSOP Hang Seng TECH ETF, the titans' fallback benchmark) was recorded and no daily history of it is in the shared data; this 404 stands in for it so that a fallback without data is exercised, without inventing prices.",
  'hand-made (.fake): real 404 body standing in for a fallback benchmark with no recorded history',
  'no 3033.HK history was recorded or found (shared/data/README.md, "Not found")',
);

// A typo'd member (APPL for AAPL): unknown to Yahoo, so its chart is the real 404 and search offers the closest match.
writeNotFoundChart(
  'APPL',
  'APPL is a typo for AAPL that Yahoo does not list; this 404 exercises the "closest match" suggestion from Yahoo search.',
  'hand-made (.fake): real 404 body for a symbol Yahoo does not list',
  'APPL (a typo for AAPL) is not a Yahoo symbol',
);

// ---- 3b. hand-made v1 search answers ------------------------------------------------------
// No search answer was recorded; these follow yahoo-finance2 v4's own search schema
// (SearchResult with SearchQuoteYahooEquity / SearchQuoteYahooIndex quotes). Names, exchanges
// and scores are illustrative, not recorded; the tool reads symbol, names, exchange and type.

const searchUrl = (query) =>
  'https://query2.finance.yahoo.com/v1/finance/search?q=' + encodeURIComponent(query) +
  '&lang=en-US&region=US&quotesCount=5&newsCount=0&enableFuzzyQuery=false&quotesQueryId=tss_match_phrase_query' +
  '&multiQuoteQueryId=multi_quote_single_token_query&newsQueryId=news_cie_vespa&enableCb=true&enableNavLinks=true&enableEnhancedTrivialQuery=true';

const searchQuote = (symbol, shortname, longname, exchange, exchDisp, type, score) => ({
  exchange,
  shortname,
  quoteType: type.toUpperCase(),
  symbol,
  index: 'quotes',
  score,
  typeDisp: type,
  ...(longname ? { longname } : {}),
  exchDisp,
  isYahooFinance: true,
});

const SEARCHES = [
  ['HSTECH.HK', 'the titans\' benchmark, which Yahoo knows but serves no daily history for', [
    searchQuote('HSTECH.HK', 'HANG SENG TECH INDEX', null, 'HKG', 'Hong Kong', 'Index', 20000),
  ]],
  ['3033.HK', "the titans' fallback benchmark (an ETF Yahoo lists), asked for when its chart has no data", [
    searchQuote('3033.HK', 'CSOP HS TECH', null, 'HKG', 'Hong Kong', 'ETF', 20000),
  ]],
  ['APPL', 'a typo for AAPL: the closest match is Apple', [
    searchQuote('AAPL', 'Apple Inc.', 'Apple Inc.', 'NMS', 'NASDAQ', 'Equity', 3000000),
  ]],
  ['INVALID.BO', 'a symbol no one lists: nothing found', []],
  ['TENCENT', 'a company name: its Hong Kong listing first, then its US OTC ADR', [
    searchQuote('0700.HK', 'TENCENT', 'Tencent Holdings Limited', 'HKG', 'Hong Kong', 'Equity', 2000000),
    searchQuote('TCEHY', 'TENCENT HOLDINGS LIMITED', 'Tencent Holdings Limited', 'PNK', 'OTC Markets', 'Equity', 1500000),
  ]],
];

for (const [query, why, quotes] of SEARCHES) {
  const name = `search-${query}.fake.json`;
  const body = {
    explains: [],
    count: quotes.length,
    quotes,
    news: [],
    nav: [],
    lists: [],
    researchReports: [],
    screenerFieldResults: [],
    culturalAssets: [],
    totalTime: 20,
    timeTakenForQuotes: 12,
    timeTakenForNews: 0,
    timeTakenForAlgowatchlist: 400,
    timeTakenForPredefinedScreener: 400,
    timeTakenForCrunchbase: 0,
    timeTakenForNav: 400,
    timeTakenForResearchReports: 0,
    timeTakenForScreenerField: 0,
    timeTakenForCulturalAssets: 0,
    timeTakenForSearchLists: 0,
  };
  writeJson(name, {
    _note:
      `HAND-MADE (not recorded): Yahoo search for "${query}", ${why}. Built from yahoo-finance2 v4's search schema; ` +
      "the request URL is yahoo-finance2 v4's search(query, { quotesCount: 5, newsCount: 0 }); names, exchanges and scores are illustrative.",
    request: { method: 'GET', url: searchUrl(query) },
    response: jsonResponse(body),
  });
  provenance.push({
    file: name,
    kind: 'hand-made (.fake): built from the library\'s search schema',
    request: `GET ${searchUrl(query)}`,
    source: `yahoo-finance2 v4 search.schema (SearchResult); ${why}`,
  });
}

// ---- 4. hand-made v7 quote answers --------------------------------------------------------

const aaplQuote = readJson(path.join(yfFixtures, 'quote-AAPL-BABA.json')).response.bodyJson.quoteResponse.result.find(
  (q) => q.symbol === 'AAPL',
);
const QUOTE_KEYS = new Set([
  'language', 'region', 'quoteType', 'typeDisp', 'quoteSourceName', 'triggerable', 'customPriceAlertConfidence',
  'currency', 'exchange', 'fullExchangeName', 'exchangeTimezoneName', 'exchangeTimezoneShortName',
  'gmtOffSetMilliseconds', 'market', 'esgPopulated', 'marketState', 'tradeable', 'cryptoTradeable',
  'hasPrePostMarketData', 'firstTradeDateMilliseconds', 'priceHint', 'sourceInterval', 'exchangeDataDelayedBy',
  'symbol', 'shortName', 'longName', 'displayName', 'regularMarketPrice', 'regularMarketTime', 'forwardPE',
]);
const forwardPe = new Map(
  [...readForwardPe(sharedData)].map(([symbol, pe]) => [symbol, toNumber(pe.forwardPE, `forward_pe of ${symbol}`)]),
);

/**
 * One v7 quote result. `opts` (for a symbol outside the shared price data): `shortName`,
 * `longName`, `exchange`, `fullExchangeName` set by hand, and `withoutPrice` to leave out
 * regularMarketPrice and regularMarketTime (there is no real close to put there).
 */
function buildQuoteResult(symbol, opts = {}) {
  const marketKey = marketOf(symbol);
  const market = MARKETS[marketKey];
  const q = Object.fromEntries(Object.entries(aaplQuote).filter(([k]) => QUOTE_KEYS.has(k)));
  const closeTime = zonedEpochSeconds(LAST_SESSION, market.close, market.timeZone);
  const offsetMs = zoneOffsetMs(closeTime * 1000, market.timeZone);
  Object.assign(q, {
    quoteType: 'EQUITY',
    currency: market.currency,
    exchange: opts.exchange ?? market.quoteExchange,
    fullExchangeName: opts.fullExchangeName ?? market.fullExchangeName,
    exchangeTimezoneName: market.timeZone,
    exchangeTimezoneShortName: zoneAbbreviation(market.timeZone, offsetMs / 1000),
    gmtOffSetMilliseconds: offsetMs,
    market: market.market,
    marketState: 'CLOSED',
    symbol,
    shortName: opts.shortName ?? NAMES[symbol],
    longName: opts.longName ?? NAMES[symbol],
    regularMarketPrice: closesOnLastSession.get(symbol),
    regularMarketTime: closeTime,
  });
  if (marketKey === 'hk') {
    Object.assign(q, {
      quoteSourceName: market.quoteSourceName,
      exchangeDataDelayedBy: market.exchangeDataDelayedBy,
      hasPrePostMarketData: hkCapture.meta.hasPrePostMarketData,
      priceHint: hkCapture.meta.priceHint,
    });
  }
  // Known only for AAPL (template) and 0700.HK (capture); dropped elsewhere rather than invented.
  if (KNOWN_FIRST_TRADE[symbol] != null) q.firstTradeDateMilliseconds = KNOWN_FIRST_TRADE[symbol] * 1000;
  else delete q.firstTradeDateMilliseconds;
  if (symbol !== 'AAPL') delete q.displayName; // "Apple" is real; no real displayName for the others
  if (forwardPe.has(symbol)) q.forwardPE = forwardPe.get(symbol);
  else delete q.forwardPE;
  if (opts.withoutPrice) {
    delete q.regularMarketPrice;
    delete q.regularMarketTime;
  } else if (typeof q.regularMarketPrice !== 'number') throw new Error(`${symbol}: no close on ${LAST_SESSION}`);
  return q;
}

const QUOTE_FILES = [
  ['quote-titans-mag7-2025-03-07.fake.json', [...HK_SYMBOLS, ...US_SYMBOLS], 'the 7 Hong Kong and 7 US stocks'],
  ['quote-titans-2025-03-07.fake.json', HK_SYMBOLS, 'the 7 Hong Kong stocks'],
  ['quote-mag7-2025-03-07.fake.json', US_SYMBOLS, 'the 7 US stocks'],
];
for (const [name, symbols, what] of QUOTE_FILES) {
  const sorted = [...symbols].sort();
  const withPe = sorted.filter((s) => forwardPe.has(s));
  const hasHk = sorted.some((s) => marketOf(s) === 'hk');
  const hasUs = sorted.some((s) => marketOf(s) === 'us');
  writeJson(name, {
    _note:
      `HAND-MADE (not recorded). v7 quote answer for ${what}, in the shape of the real recorded quote-AAPL-BABA.json ` +
      `(${YF_REPO}; the AAPL result, cut down to identity, exchange and price fields). ` +
      `regularMarketPrice = the real adjusted close of ${LAST_SESSION} (yfinance download: ${[hasHk && priceSource('hk'), hasUs && priceSource('us')].filter(Boolean).join('; ')}), ` +
      `regularMarketTime = that session's 16:00 close. forwardPE is present only for ${withPe.length ? withPe.join(', ') : 'none'}: ` +
      `press figures of Feb-Mar 2025 copied from ${FORWARD_PE_SOURCE}, not Yahoo's own forwardPE; the others have no figure and no key. ` +
      (hasHk
        ? 'Hong Kong quoteSourceName "Delayed Quote" / exchangeDataDelayedBy 15 are set by hand; priceHint 3 and hasPrePostMarketData false come from the real 0700.HK chart capture.'
        : 'All other kept fields are the AAPL template values.'),
    request: { method: 'GET', url: quoteUrl(symbols) },
    response: jsonResponse({ quoteResponse: { result: sorted.map(buildQuoteResult), error: null } }),
  });
  provenance.push({
    file: name,
    kind: 'hand-made (.fake)',
    request: `GET ${quoteUrl(symbols)}`,
    source: `prices: real closes of ${LAST_SESSION} (see above); forwardPE: ${FORWARD_PE_SOURCE}; shape: ${YF_REPO} quote-AAPL-BABA.json`,
  });
}

// `basket search TENCENT` asks for the quotes of the two matches of search-TENCENT.fake.json in one
// batch, for their currencies: 0700.HK as in the titans' quotes, and Tencent's US OTC ADR, which the
// shared price data lack (so no price), with the US builder's fields and the search answer's names.
{
  const name = 'quote-0700.HK-TCEHY.fake.json';
  const search = SEARCHES.find(([query]) => query === 'TENCENT')[2];
  const adr = search.find((m) => m.symbol === 'TCEHY');
  if (search.find((m) => m.symbol === '0700.HK') === undefined || adr === undefined) throw new Error('search-TENCENT: expected 0700.HK and TCEHY');
  const results = [
    buildQuoteResult('0700.HK'),
    buildQuoteResult('TCEHY', { shortName: adr.shortname, longName: adr.longname, exchange: adr.exchange, fullExchangeName: adr.exchDisp, withoutPrice: true }),
  ];
  if (results[0].currency !== 'HKD' || results[1].currency !== 'USD') throw new Error('quote-0700.HK-TCEHY: currencies are not HKD and USD');
  const symbols = results.map((q) => q.symbol);
  writeJson(name, {
    _note:
      'HAND-MADE (not recorded). v7 quote answer for the two matches of search-TENCENT.fake.json, which `basket search` asks for in one batch ' +
      `to show their currencies. 0700.HK is built exactly as in quote-titans-2025-03-07.fake.json: currency HKD, regularMarketPrice = the real adjusted close of ${LAST_SESSION} ` +
      `(${priceSource('hk')}), forwardPE ${forwardPe.get('0700.HK')} from ${FORWARD_PE_SOURCE}. TCEHY (Tencent's US OTC ADR) is not in the shared price data: ` +
      `it has the US quote builder's fields (the AAPL template of ${YF_REPO} quote-AAPL-BABA.json) with currency USD, ` +
      `shortName/longName "${adr.shortname}"/"${adr.longname}" and exchange ${adr.exchange} / fullExchangeName "${adr.exchDisp}" set by hand as in that (illustrative) search answer, ` +
      'and no regularMarketPrice, regularMarketTime or forwardPE: there is no real figure to put there.',
    request: { method: 'GET', url: quoteUrl(symbols) },
    response: jsonResponse({ quoteResponse: { result: results, error: null } }),
  });
  provenance.push({
    file: name,
    kind: 'hand-made (.fake)',
    request: `GET ${quoteUrl(symbols)}`,
    source: `0700.HK: as quote-titans-2025-03-07.fake.json; TCEHY: the US builder's fields from ${YF_REPO} quote-AAPL-BABA.json, names and exchange from search-TENCENT.fake.json, no price`,
  });
}

// The real BABA quote with Yahoo's other forwardPE: a hand-made mix of two real answers, for the
// currency-mismatch P/E check.
{
  const name = 'quote-BABA-suspect-pe.fake.json';
  const recorded = readJson(path.join(yfFixtures, 'quote-BABA.json'));
  const keyStats = readJson(path.join(yfFixtures, 'quoteSummary-defaultKeyStatistics-BABA.json'));
  const summary = readJson(path.join(yfFixtures, 'quoteSummary-summaryDetail-BABA.json'));
  const statsPe = keyStats.response.bodyJson.quoteSummary.result[0].defaultKeyStatistics.forwardPE;
  const detailPe = summary.response.bodyJson.quoteSummary.result[0].summaryDetail.forwardPE;
  const url = quoteUrl(['BABA']);
  if (url !== recorded.request.url) throw new Error(`quote-BABA.json: request ${recorded.request.url}, expected ${url}`);
  if (provenance.some((p) => p.request === `GET ${url}`)) throw new Error(`a fixture already answers ${url}`);
  const response = structuredClone(recorded.response);
  const results = response.bodyJson.quoteResponse.result;
  const q = results[0];
  if (results.length !== 1 || q.symbol !== 'BABA' || q.currency !== 'USD' || q.financialCurrency !== 'CNY') {
    throw new Error('quote-BABA.json: not the single BABA quote in USD with financialCurrency CNY');
  }
  if (typeof statsPe !== 'number' || typeof detailPe !== 'number') throw new Error('BABA quoteSummary: no forwardPE');
  if (Math.abs(q.regularMarketPrice / q.epsCurrentYear - q.priceEpsCurrentYear) > 1e-6) throw new Error('quote-BABA.json: priceEpsCurrentYear is not price / epsCurrentYear');
  if (localDate(q.regularMarketTime, q.exchangeTimezoneName) !== '2025-02-14') throw new Error('quote-BABA.json: regularMarketTime is not on 2025-02-14');
  const recordedPe = q.forwardPE;
  q.forwardPE = statsPe; // in place: the key keeps its recorded position
  const date = (r) => new Date(Array.isArray(r.response.headers.date) ? r.response.headers.date[0] : r.response.headers.date).toISOString().slice(0, 10);
  writeJson(name, {
    _note:
      'HAND-MADE mix of two REAL answers (not a recording), to test the currency-mismatch P/E check. ' +
      `Everything is the real v7 quote answer for BABA (${YF_REPO} tests/fixtures/http/quote-BABA.json, recorded ${date(recorded)}, ` +
      `regularMarketTime ${q.regularMarketTime} = 2025-02-14 16:00:02 New York, the close; response status and headers as recorded) EXCEPT forwardPE: ` +
      `the recorded ${recordedPe} is replaced by ${statsPe}, the real defaultKeyStatistics.forwardPE of Yahoo's v10 quoteSummary for BABA ` +
      `recorded ${date(keyStats)} (quoteSummary-defaultKeyStatistics-BABA.json); the summaryDetail.forwardPE recorded the same day is ${detailPe} ` +
      '(quoteSummary-summaryDetail-BABA.json). shared/data/README.md describes the 1.955 figure as a USD price divided by CNY earnings. ' +
      `currency ${q.currency} (the NYSE ADR) and financialCurrency ${q.financialCurrency} are kept as recorded. ` +
      `The recorded answer itself already has a ratio of that size: priceEpsCurrentYear ${q.priceEpsCurrentYear} = regularMarketPrice ${q.regularMarketPrice} / epsCurrentYear ${q.epsCurrentYear}. ` +
      `The two source answers are a week apart (${date(recorded)} and ${date(keyStats)}). ` +
      'The request (GET, the recorded URL) is kept without its recorded headers; no other fixture here answers a quote for BABA alone.',
    request: { method: 'GET', url },
    response,
  });
  provenance.push({
    file: name,
    kind: 'hand-made (.fake): mix of two real answers',
    request: `GET ${url}`,
    source:
      `${YF_REPO} tests/fixtures/http/quote-BABA.json (real, recorded ${date(recorded)}) with forwardPE ${recordedPe} replaced by ${statsPe}, ` +
      `the real defaultKeyStatistics.forwardPE of quoteSummary-defaultKeyStatistics-BABA.json (recorded ${date(keyStats)}; summaryDetail.forwardPE that day: ${detailPe})`,
  });
}

// ---- 5. PROVENANCE.md ---------------------------------------------------------------------

const cell = (s) => s.replace(/\|/g, '\\|');
const provenanceMd = `# fixtures/yahoo: provenance

Recorded (or hand-made) Yahoo HTTP exchanges for the replaying fetch used in tests. One file per
request: \`{ "request": { "method", "url" }, "response": { "ok", "status", "statusText", "headers", "bodyJson" } }\`.
A replayer matches on method + URL after parsing the URL, decoding the path, sorting the query
parameters and removing \`crumb\`; \`method\` defaults to GET where a recording lacks it.
Hand-made files are named \`*.fake.json\` and carry a top-level \`_note\`.

Generated by \`node scripts/build-yahoo-fixtures.mjs [path/to/shared/data]\` (deterministic, no network).

Real recordings come from ${YF_REPO}: \`tests/fixtures/http/\` (commits ${YF_COMMITS_FIXTURES}) and
\`tests/http/\` (commit ${YF_COMMITS_TESTS_HTTP}), as listed in shared/data/README.md; cookies and crumbs
were replaced by placeholders there, bodies are verbatim. Note that the two \`tests/http/\` files have
no \`method\` and their response header values are arrays (\`"content-type": ["application/json;charset=utf-8"]\`).

| file | kind | request | source |
|---|---|---|---|
${provenance.map((p) => `| \`${p.file}\` | ${p.kind} | \`${cell(p.request)}\` | ${cell(p.source)} |`).join('\n')}

Hand-made chart answers: real daily OHLCV from the price files named above, bars ${PERIOD1} through
${LAST_SESSION} (\`chart-AAPL-${PERIOD1}-to-2025-02-15.fake.json\`: through 2025-02-14, the request of a run with
\`--from 2025-01-01 --as-of 2025-02-14\`, to pair with the real \`quote-AAPL.json\`); the stock and index prices are
yfinance's split- and dividend-adjusted values, so \`close\` equals \`adjclose\`. Stock and index timestamps are
the session's opening instant (Hong Kong 09:30 HKT = 01:30 UTC; New York 09:30 ET = 14:30 UTC in this
all-EST window), so a bar's date must be read in \`meta.exchangeTimezoneName\`. The FX pair USDHKD=X follows
the real EURUSD=X recording instead: exchange CCY, \`exchangeTimezoneName\` Europe/London, each bar stamped
00:00 London of its date (= 00:00 UTC in this all-GMT window). Each file's \`_note\` lists what in its \`meta\`
was set by hand.

Other hand-made answers: \`chart-HSTECH.HK-404.fake.json\` stands in for the titans' benchmark, for which
Yahoo serves almost no daily history; \`chart-HKDUSD=X-404.fake.json\` gives the real 404 body for HKDUSD=X, which Yahoo
does list, so that the tool's inversion of USDHKD=X is exercised; \`quote-BABA-suspect-pe.fake.json\` is the
real BABA quote with \`forwardPE\` taken from another real answer (Yahoo's \`defaultKeyStatistics.forwardPE\`,
which mixes a USD price with CNY earnings), for the currency-mismatch P/E check; \`chart-APPL-404.fake.json\`
and the \`search-*.fake.json\` answers (built from yahoo-finance2's search schema, names illustrative) exercise
the "closest match" suggestion for an unknown symbol and \`basket search\`.
`;
fs.writeFileSync(path.join(outDir, 'PROVENANCE.md'), provenanceMd);

process.stderr.write(`wrote ${provenance.length} fixtures and PROVENANCE.md to ${path.relative(REPO_ROOT, outDir)}/\n`);
