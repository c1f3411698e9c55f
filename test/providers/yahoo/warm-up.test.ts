/**
 * The live path's first-use costs paid while the event loop waits: the work
 * waits while the loop is busy and runs once it is idle; the warm-up sets and
 * reads a cookie the way the cookie page's answer and the crumb's request do.
 */
import { describe, expect, it, vi } from 'vitest';
import { ExtendedCookieJar } from 'yahoo-finance2/lib/cookieJar';
import { warmUpWhenIdle, whenIdle } from '../../../src/providers/yahoo/warm-up.js';

/** Keeps this thread busy for `ms` (no turn of the event loop meanwhile). */
function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spinning on purpose
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('whenIdle', () => {
  it('waits while the event loop is busy, then runs the work once', async () => {
    const work = vi.fn();
    whenIdle(work);
    // busy turns, each longer than a check, with the checks' timer due between them
    for (let i = 0; i < 4; i++) {
      busyFor(15);
      await nextTurn();
      expect(work).not.toHaveBeenCalled();
    }
    await vi.waitFor(() => expect(work).toHaveBeenCalledTimes(1), { timeout: 2000, interval: 5 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(work).toHaveBeenCalledTimes(1);
  });
});

describe('warmUpWhenIdle', () => {
  it("sets a cookie for Yahoo's domain and reads it for the crumb's host, as the handshake will", async () => {
    const jars: ExtendedCookieJar[] = [];
    warmUpWhenIdle(() => {
      const jar = new ExtendedCookieJar();
      jars.push(jar);
      return jar;
    });
    await vi.waitFor(() => expect(jars).toHaveLength(1), { timeout: 2000, interval: 5 });
    await vi.waitFor(async () => expect(await jars[0]!.getCookieString('https://query1.finance.yahoo.com/v1/test/getcrumb')).toBe('basket-warm-up=1'), { timeout: 2000 });
  });
});
