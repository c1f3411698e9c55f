/**
 * The Yahoo provider's pure parts: instants to exchange dates
 * (exchange-days.ts), chart and quote answers to basket's model in major
 * units (transform.ts), and what a failure means (failures.ts).
 */
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../../src/domain/calendar.js';
import { exchangeDays } from '../../../src/providers/yahoo/exchange-days.js';
import { classifyYahooError, networkCause, WITHOUT_YAHOO } from '../../../src/providers/yahoo/failures.js';
import { toPriceSeries, toQuote, type ChartLike, type QuoteLike } from '../../../src/providers/yahoo/transform.js';
import { plainSeries } from '../../helpers/series.js';

describe('exchange days', () => {
  it.each([
    // Hong Kong opens 09:30 HKT = 01:30 UTC: same calendar day
    ['2025-03-07T01:30:00Z', 'Asia/Hong_Kong', '2025-03-07'],
    // New York opens 09:30 EST = 14:30 UTC
    ['2025-03-07T14:30:00Z', 'America/New_York', '2025-03-07'],
    // Sydney opens 10:00 AEDT = 23:00 UTC the day before: the UTC date would be wrong
    ['2025-01-05T23:00:00Z', 'Australia/Sydney', '2025-01-06'],
    // a leap day, and a date before 1970 (negative day numbers)
    ['2024-02-29T14:30:00Z', 'America/New_York', '2024-02-29'],
    ['1969-12-31T20:00:00Z', 'Asia/Tokyo', '1970-01-01'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(fromDayNumber(exchangeDays()(zone, 0)(new Date(instant)))).toBe(date);
  });

  it.each([
    // no zone named: the fixed UTC offset stands in
    ['2025-01-05T23:00:00Z', 11 * 3600, '2025-01-06'],
    ['2025-01-05T23:00:00Z', 0, '2025-01-05'],
    ['2025-01-06T03:00:00Z', -5 * 3600, '2025-01-05'],
    ['1969-12-31T23:59:59Z', 0, '1969-12-31'],
  ])('%s at a UTC offset of %i s is %s', (instant, offset, date) => {
    expect(fromDayNumber(exchangeDays()(null, offset)(new Date(instant)))).toBe(date);
  });

  it('gives the same day whatever zone the machine is in (the arithmetic is on UTC instants)', () => {
    const dayOf = exchangeDays()('America/New_York', 0);
    expect(dayOf(new Date('2025-03-07T04:59:59Z'))).toBe(toDayNumber('2025-03-06'));
    expect(dayOf(new Date('2025-03-07T05:00:00Z'))).toBe(toDayNumber('2025-03-07'));
  });
});

/** A chart answer of bars at New York's 09:30 opening on `dates`. */
function chart(currency: string | null, dates: readonly string[], close: readonly (number | null)[], more: Partial<ChartLike> = {}): ChartLike {
  return {
    meta: { currency, exchangeTimezoneName: 'America/New_York', gmtoffset: -18000 },
    quotes: dates.map((d, i) => ({ date: new Date(`${d}T14:30:00Z`), close: close[i] ?? null, adjclose: close[i] ?? null })),
    ...more,
  };
}

describe('toPriceSeries', () => {
  it('keeps the bars within the window, by exchange date, and notes the bars without a usable close', () => {
    const answer = chart('USD', ['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07'], [1, null, 3, 0, Number.NaN, 6]);
    const { series, issues } = toPriceSeries('X', answer, '2024-12-31', '2025-01-06', exchangeDays());
    expect(plainSeries(series)).toMatchObject({ dates: ['2025-01-02'], close: [3] });
    expect(issues).toEqual([{ symbol: 'X', code: 'bars-skipped', message: '3 bar(s) without a usable close left out (2024-12-31, 2025-01-03, 2025-01-06)' }]);
  });

  it('lists three dates of the bars left out, then an ellipsis', () => {
    const answer = chart('USD', ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'], [null, null, null, null, 5]);
    const { issues } = toPriceSeries('X', answer, '2025-01-01', '2025-01-31', exchangeDays());
    expect(issues[0]?.message).toBe('4 bar(s) without a usable close left out (2025-01-02, 2025-01-03, 2025-01-06, …)');
  });

  it('takes the later of two bars of one date (a live bar beside the day’s), and sorts by day', () => {
    const answer: ChartLike = {
      meta: { currency: 'USD', exchangeTimezoneName: 'America/New_York' },
      quotes: [
        { date: new Date('2025-01-03T14:30:00Z'), close: 10 },
        { date: new Date('2025-01-02T14:30:00Z'), close: 9 },
        { date: new Date('2025-01-03T20:00:00Z'), close: 11 },
      ],
    };
    const { series } = toPriceSeries('X', answer, '2025-01-01', '2025-01-31', exchangeDays());
    expect(plainSeries(series)).toMatchObject({ dates: ['2025-01-02', '2025-01-03'], close: [9, 11] });
    // no adjusted close in the answer: the close stands in
    expect([...series.adjClose]).toEqual([9, 11]);
  });

  it('answers pence in pounds: closes ÷ 100, currency GBP (and a major unit as it is)', () => {
    const pence = toPriceSeries('VOD.L', chart('GBp', ['2025-01-02', '2025-01-03'], [68.5, 70]), '2025-01-01', '2025-01-31', exchangeDays()).series;
    expect(pence.currency).toBe('GBP');
    expect([...pence.close]).toEqual([0.685, 0.7]);
    expect([...pence.adjClose]).toEqual([0.685, 0.7]);
    const dollars = toPriceSeries('X', chart('USD', ['2025-01-02'], [68.5]), '2025-01-01', '2025-01-31', exchangeDays()).series;
    expect(dollars).toMatchObject({ currency: 'USD' });
    expect([...dollars.close]).toEqual([68.5]);
  });

  it('dates the splits Yahoo records on the exchange calendar, and drops unusable ones', () => {
    const splits = [
      { date: new Date('2025-01-03T14:30:00Z'), numerator: 4, denominator: 1 },
      { date: new Date('2025-01-02T14:30:00Z'), numerator: 1, denominator: 0 },
    ];
    const { series } = toPriceSeries('X', chart('USD', ['2025-01-02', '2025-01-03'], [40, 10], { events: { splits } }), '2025-01-01', '2025-01-31', exchangeDays());
    expect(series.splits).toEqual([{ day: toDayNumber('2025-01-03'), ratio: 4 }]);
  });
});

describe('toQuote', () => {
  const raw: QuoteLike = {
    symbol: 'VOD.L',
    longName: 'Vodafone Group Public Limited Company',
    currency: 'GBp',
    financialCurrency: 'EUR',
    regularMarketPrice: 68.5,
    marketCap: 1.8e12,
    forwardPE: 9.5,
    trailingPE: null,
    sharesOutstanding: 2.6e10,
    regularMarketTime: new Date('2025-03-07T16:35:00Z'),
    exchangeTimezoneName: 'Europe/London',
  };

  it('answers a quote in pence in pounds: price and market cap ÷ 100; ratios and counts as they are', () => {
    expect(toQuote(raw, exchangeDays())).toEqual({
      symbol: 'VOD.L',
      date: '2025-03-07',
      provider: 'Yahoo Finance',
      name: 'Vodafone Group Public Limited Company',
      currency: 'GBP',
      financialCurrency: 'EUR',
      price: 0.685,
      forwardPE: 9.5,
      trailingPE: null,
      epsForward: null,
      marketCap: 1.8e10,
      sharesOutstanding: 2.6e10,
    });
  });

  it("dates a quote by its last trade on the exchange's calendar, else at its UTC offset; undated without a time", () => {
    const sydney = { symbol: 'BHP.AX', regularMarketTime: new Date('2025-01-05T23:30:00Z') };
    expect(toQuote({ ...sydney, exchangeTimezoneName: 'Australia/Sydney' }, exchangeDays()).date).toBe('2025-01-06');
    expect(toQuote({ ...sydney, gmtOffSetMilliseconds: 11 * 3600 * 1000 }, exchangeDays()).date).toBe('2025-01-06');
    expect(toQuote(sydney, exchangeDays()).date).toBe('2025-01-05');
    expect(toQuote({ symbol: 'X' }, exchangeDays()).date).toBeNull();
  });
});

describe('failures', () => {
  it.each([
    [Object.assign(new Error('x'), { name: 'FailedYahooValidationError' }), 'symbol', 'bad-data'],
    [Object.assign(new Error('Not Found'), { name: 'HTTPError', code: 404 }), 'symbol', 'no-data'],
    [new Error('No data found, symbol may be delisted'), 'symbol', 'no-data'],
    [Object.assign(new Error('Too Many Requests'), { name: 'HTTPError', code: 429 }), 'all', undefined],
    [Object.assign(new Error('boom'), { name: 'HTTPError', code: 503 }), 'all', undefined],
    [new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }), 'all', undefined],
  ])('classifies %s', (err, scope, code) => {
    const failure = classifyYahooError(err);
    expect(failure.scope).toBe(scope);
    if (failure.scope === 'symbol') expect(failure.code).toBe(code);
  });

  it.each([
    [new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }), 'cannot reach Yahoo Finance (ENOTFOUND)', WITHOUT_YAHOO],
    [Object.assign(new Error('Too Many Requests'), { name: 'HTTPError', code: 429 }), 'Yahoo Finance is refusing requests (HTTP 429 Too Many Requests)', `wait a while, or ${WITHOUT_YAHOO}`],
    [Object.assign(new Error('boom'), { name: 'HTTPError', code: 503 }), 'Yahoo Finance answered HTTP 503', `try again later, or ${WITHOUT_YAHOO}`],
    [Object.assign(new Error('Forbidden'), { name: 'HTTPError', code: 403 }), "Yahoo Finance refused basket's session cookie and crumb (HTTP 403)", `try again later, or ${WITHOUT_YAHOO}`],
    [new Error('Invalid Crumb\nmore'), "Yahoo Finance refused basket's session cookie and crumb (Invalid Crumb)", `try again later, or ${WITHOUT_YAHOO}`],
    [Object.assign(new Error('timed out'), { name: 'TimeoutError' }), 'Yahoo Finance did not answer in time', `try again later, or ${WITHOUT_YAHOO}`],
  ])('gives the reason for Yahoo failing as a whole apart from the advice: %s', (err, reason, advice) => {
    expect(classifyYahooError(err)).toEqual({ scope: 'all', reason, advice });
  });

  it('names the time limit a request was not answered within', () => {
    expect(classifyYahooError(Object.assign(new Error('x'), { name: 'TimeoutError' }), 30_000)).toMatchObject({ reason: 'Yahoo Finance did not answer in time within 30 s' });
  });

  it('names a proxy that refuses the tunnel, from the innermost cause', () => {
    // the chain Node's fetch gives when HTTPS_PROXY answers 502 to CONNECT
    const err = new TypeError('fetch failed', {
      cause: Object.assign(new Error('Request was cancelled.', { cause: Object.assign(new Error('Proxy response (502) !== 200 when HTTP Tunneling'), { code: 'UND_ERR_ABORTED' }) }), { code: 0 }),
    });
    expect(classifyYahooError(err)).toEqual({ scope: 'all', reason: 'cannot reach Yahoo Finance (proxy answered HTTP 502)', advice: WITHOUT_YAHOO });
    expect(networkCause(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }))).toBe('ECONNRESET');
  });
});
