/**
 * Two things a live run first does as its first answers come in are slow the
 * first time in a process:
 *   - ICU's date formatting (each bar's exchange date): the first
 *     Intl.DateTimeFormat loads ICU's data, some 40–100 ms;
 *   - the cookie jar (the cookie page's answer, then the crumb's request):
 *     tough-cookie's first cookie compiles its domain checks, regular
 *     expressions for IP addresses of some 2 kB among them, 30–50 ms.
 * Paid then, both sat on the run's longest chains: the crumb is asked for only
 * once the cookie page's answer has been taken in, the next charts once the
 * first ones have. Here they are paid while the run waits for those answers:
 * once the event loop has been idle for a few milliseconds, which it is not
 * while the first requests' connections are being set up (a TLS handshake is
 * work for this thread too).
 */
import type { ExtendedCookieJar } from 'yahoo-finance2/lib/cookieJar';
import { exchangeDays } from './exchange-days.js';

/** How often the event loop's utilisation is looked at, and the share of that time it may have been busy and count as idle. */
const CHECK_EVERY_MS = 4;
const IDLE_BELOW = 0.2;

/** Runs `work` once the event loop has been idle over one check; the checks never keep the process alive. */
export function whenIdle(work: () => void): void {
  let before = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    if (performance.eventLoopUtilization(now, before).utilization < IDLE_BELOW) {
      clearInterval(timer);
      work();
    }
    before = now;
  }, CHECK_EVERY_MS);
  timer.unref();
}

/** A cookie as Yahoo's cookie page sets it, and the crumb's URL it is then read for. */
const SAMPLE = { setCookie: 'basket-warm-up=1; Max-Age=60; Domain=.yahoo.com; Path=/; Secure; HttpOnly', from: 'https://finance.yahoo.com/quote/AAPL', readFor: 'https://query1.finance.yahoo.com/v1/test/getcrumb' };

/** Formats one date and sets and reads one cookie in a jar of its own (`newJar`), once the event loop is idle. */
export function warmUpWhenIdle(newJar: () => ExtendedCookieJar): void {
  whenIdle(() => {
    // a formatter as the run's own, then dropped: ICU's data stay loaded for the process
    exchangeDays()('UTC', 0)(new Date(0));
    const jar = newJar();
    jar
      .setFromSetCookieHeaders([SAMPLE.setCookie], SAMPLE.from)
      .then(() => jar.getCookieString(SAMPLE.readFor))
      .catch(() => undefined); // only a warm-up: the real cookie will say what is wrong, if anything
  });
}
