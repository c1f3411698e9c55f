/**
 * The request gate of the Yahoo provider: bulk requests (charts) bounded,
 * the session handshake and quotes on a lane of their own that also takes
 * the next free slot first; a slot held until the answer has been read; bulk
 * answers handed on after the others, one per turn of the event loop; and,
 * through the provider, the quote's handshake running beside a full wave of
 * charts instead of behind them.
 */
import { describe, expect, it } from 'vitest';
import { gatedFetch, laneOf, RequestGate, type Lane } from '../../../src/providers/yahoo/gate.js';
import { CONCURRENCY, openYahooProvider, PRIORITY_SLOTS } from '../../../src/providers/yahoo/provider.js';
import { createFakeYahoo } from '../../helpers/fake-yahoo.js';

/** A task that runs until `finish(name)` is called; records the order tasks start in. */
function controlled() {
  const started: string[] = [];
  const pending = new Map<string, () => void>();
  const task = (name: string) => () =>
    new Promise<string>((resolve) => {
      started.push(name);
      pending.set(name, () => resolve(name));
    });
  const finish = async (name: string) => {
    const done = pending.get(name);
    if (!done) throw new Error(`${name} is not running`);
    pending.delete(name);
    done();
    // let the gate hand the slot over and the next task start
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { started, task, finish, running: () => [...pending.keys()] };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('RequestGate', () => {
  it('runs at most bulkSlots bulk tasks at once, first come first served', async () => {
    const gate = new RequestGate(2, 1);
    const c = controlled();
    const all = ['a', 'b', 'c', 'd'].map((n) => gate.run('bulk', c.task(n)));
    await settle();
    expect(c.started).toEqual(['a', 'b']);
    expect(gate.inFlight).toBe(2);
    expect(gate.queued).toBe(2);
    await c.finish('b');
    expect(c.started).toEqual(['a', 'b', 'c']);
    await c.finish('a');
    await c.finish('c');
    await c.finish('d');
    expect(await Promise.all(all)).toEqual(['a', 'b', 'c', 'd']);
    expect(gate.inFlight).toBe(0);
  });

  it('starts a priority task on its own slot while every bulk slot is taken', async () => {
    const gate = new RequestGate(2, 1);
    const c = controlled();
    for (const n of ['c1', 'c2', 'c3']) void gate.run('bulk', c.task(n));
    void gate.run('priority', c.task('handshake'));
    await settle();
    expect(c.started).toEqual(['c1', 'c2', 'handshake']);
    expect(gate.inFlight).toBe(3); // bulkSlots + prioritySlots, never more
  });

  it('hands a freed bulk slot to a waiting priority task before a waiting bulk one', async () => {
    const gate = new RequestGate(2, 1);
    const c = controlled();
    for (const n of ['c1', 'c2', 'c3', 'c4']) void gate.run('bulk', c.task(n));
    void gate.run('priority', c.task('p1'));
    void gate.run('priority', c.task('p2')); // its own slot is taken by p1: it waits
    await settle();
    expect(c.started).toEqual(['c1', 'c2', 'p1']);
    await c.finish('c1');
    expect(c.started).toEqual(['c1', 'c2', 'p1', 'p2']);
    await c.finish('p1'); // a priority slot is of no use to bulk tasks
    expect(c.running().sort()).toEqual(['c2', 'p2']);
    await c.finish('c2');
    expect(c.running().sort()).toEqual(['c3', 'p2']);
  });

  it('a bulk task does not pass one that waits, and a failing task frees its slot', async () => {
    const gate = new RequestGate(1, 0);
    const c = controlled();
    const failing = gate.run('bulk', async () => {
      throw new Error('refused');
    });
    void gate.run('bulk', c.task('next'));
    await expect(failing).rejects.toThrow('refused');
    await settle();
    expect(c.started).toEqual(['next']);
  });

  it('needs a bulk slot', () => {
    expect(() => new RequestGate(0, 1)).toThrow(RangeError);
  });
});

describe('gatedFetch', () => {
  const CHART = 'https://query2.finance.yahoo.com/v8/finance/chart/';

  it('holds a slot until the answer has been read, so the next request finds the connection free', async () => {
    const asked: string[] = [];
    const bodies: ReadableStreamDefaultController<Uint8Array>[] = [];
    const fetchOnce = (async (input: Parameters<typeof fetch>[0]) => {
      asked.push(String(input).slice(CHART.length));
      // headers at once, the body when the test says
      return new Response(new ReadableStream<Uint8Array>({ start: (c) => void bodies.push(c) }), { status: 200 });
    }) as typeof fetch;
    const gated = gatedFetch(new RequestGate(1, 0), fetchOnce);
    const first = gated(`${CHART}AAPL`);
    const second = gated(`${CHART}MSFT`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(asked).toEqual(['AAPL']); // AAPL's headers are in, its body is not
    bodies[0]?.enqueue(new TextEncoder().encode('{"a":1}'));
    bodies[0]?.close();
    expect(await (await first).json()).toEqual({ a: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(asked).toEqual(['AAPL', 'MSFT']);
    bodies[1]?.close();
    expect(await (await second).text()).toBe('');
  });

  it('passes the answer on as it came: status, status text, every header and every cookie', async () => {
    const headers = new Headers({ location: 'https://guce.yahoo.com/consent', 'content-type': 'text/html' });
    headers.append('set-cookie', 'A1=one; Domain=.yahoo.com');
    headers.append('set-cookie', 'A3=three; Domain=.yahoo.com');
    const answers = [new Response('<html>moved</html>', { status: 302, statusText: 'Found', headers }), new Response(null, { status: 204 })];
    const gated = gatedFetch(new RequestGate(1, 1), (async () => answers.shift()) as unknown as typeof fetch);
    const moved = await gated('https://finance.yahoo.com/quote/AAPL');
    expect([moved.status, moved.statusText, moved.headers.get('location'), moved.headers.getSetCookie()]).toEqual([
      302,
      'Found',
      'https://guce.yahoo.com/consent',
      ['A1=one; Domain=.yahoo.com', 'A3=three; Domain=.yahoo.com'],
    ]);
    expect(await moved.text()).toBe('<html>moved</html>');
    const empty = await gated('https://query1.finance.yahoo.com/v1/test/getcrumb');
    expect([empty.status, await empty.text()]).toEqual([204, '']);
  });

  it('hands a priority answer on before the bulk answers that came with it, and those one per turn of the event loop', async () => {
    const gated = gatedFetch(new RequestGate(4, 1), (async () => new Response('{}')) as typeof fetch);
    // a count of the event loop's turns
    let turn = 0;
    let counting = true;
    const count = () => {
      turn++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const handed: { name: string; turn: number }[] = [];
    const ask = (name: string, url: string) => gated(url).then(() => handed.push({ name, turn }));
    await Promise.all([...['AAPL', 'MSFT', 'NVDA'].map((s) => ask(s, `${CHART}${s}`)), ask('cookie page', 'https://finance.yahoo.com/quote/AAPL')]);
    counting = false;
    expect(handed.map((h) => h.name)).toEqual(['cookie page', 'AAPL', 'MSFT', 'NVDA']);
    const bulkTurns = handed.slice(1).map((h) => h.turn);
    expect(new Set(bulkTurns).size).toBe(3);
    expect(Math.min(...bulkTurns)).toBeGreaterThan(handed[0]!.turn);
  });

  it('frees the slot when the request fails', async () => {
    let calls = 0;
    const gated = gatedFetch(new RequestGate(1, 0), (async () => {
      if (++calls === 1) throw new TypeError('fetch failed');
      return new Response('ok');
    }) as typeof fetch);
    await expect(gated(`${CHART}AAPL`)).rejects.toThrow('fetch failed');
    expect(await (await gated(`${CHART}MSFT`)).text()).toBe('ok');
  });
});

describe('laneOf', () => {
  it.each<[string, Lane]>([
    ['https://query2.finance.yahoo.com/v8/finance/chart/AAPL?interval=1d', 'bulk'],
    ['https://query2.finance.yahoo.com/v1/finance/search?q=tencent', 'bulk'],
    ['https://finance.yahoo.com/quote/AAPL', 'priority'],
    ['https://query1.finance.yahoo.com/v1/test/getcrumb', 'priority'],
    ['https://query2.finance.yahoo.com/v7/finance/quote?symbols=AAPL', 'priority'],
  ])('%s → %s', (url, lane) => {
    expect(laneOf(url)).toBe(lane);
    expect(laneOf(new URL(url))).toBe(lane);
  });
});

describe('the Yahoo provider through its gate', () => {
  it('runs the handshake and the quote beside a full wave of charts, not behind them', async () => {
    const fake = createFakeYahoo();
    // charts are answered only when released; the handshake and the quote at once
    const held: (() => void)[] = [];
    const inFlight = { now: 0, most: 0 };
    const gated = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      inFlight.most = Math.max(inFlight.most, ++inFlight.now);
      try {
        if (new URL(String(input)).pathname.startsWith('/v8/finance/chart/')) await new Promise<void>((resolve) => held.push(resolve));
        return await fake.fetch(input, init);
      } finally {
        inFlight.now--;
      }
    }) as typeof fetch;
    const yahoo = await openYahooProvider({ fetch: gated, log: () => {}, verbose: false });
    const symbols = ['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA', '0700.HK', '9988.HK', '1810.HK', '1211.HK', '0981.HK'];
    const history = yahoo.fetchHistory({ symbols, start: '2025-01-02', end: '2025-03-07' });
    const quotes = await yahoo.fetchQuotes(['AAPL', 'MSFT']);
    // the whole quote was answered while the first wave of charts was still unanswered
    expect(quotes.items.size).toBe(2);
    expect(fake.requests.map((r) => r.kind).filter((k) => k !== 'chart')).toEqual(['handshake', 'handshake', 'quote']);
    expect(fake.count('chart')).toBe(0);
    expect(held).toHaveLength(CONCURRENCY);
    expect(inFlight.most).toBe(CONCURRENCY + PRIORITY_SLOTS);
    while (held.length > 0) held.shift()?.();
    // released one at a time as they come in
    const all = (async () => {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        while (held.length > 0) held.shift()?.();
        if (fake.count('chart') === symbols.length) return;
      }
    })();
    const [result] = await Promise.all([history, all]);
    expect(result.items.size).toBe(symbols.length);
    expect(inFlight.most).toBe(CONCURRENCY + PRIORITY_SLOTS);
  });
});
