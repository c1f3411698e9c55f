/**
 * How many Yahoo requests are in flight, in two lanes. yahoo-finance2's own
 * queue is first come, first served: the quote's cookie/crumb handshake and
 * the quote itself (three requests one after the other) would wait behind
 * every chart, and a cold run would take the charts' time plus three round
 * trips. Here
 *   bulk      (charts, searches) run at most `bulkSlots` at once;
 *   priority  (the handshake, quotes) run at most `prioritySlots` at once on
 *             slots of their own, and also take any free bulk slot before a
 *             waiting bulk request does;
 * so the handshake and the quote start as soon as they are asked for, beside
 * the charts. In flight at once: at most bulkSlots + prioritySlots. Within a
 * lane, first come, first served. A slot is held until the task settles
 * (retries and their waits included); for a request, until its answer has
 * been read (gatedFetch).
 */
export type Lane = 'priority' | 'bulk';

type Slot = 'own' | 'bulk';

export class RequestGate {
  private bulkRunning = 0;
  private priorityRunning = 0;
  private readonly waiting: Record<Lane, ((slot: Slot) => void)[]> = { priority: [], bulk: [] };

  constructor(
    readonly bulkSlots: number,
    readonly prioritySlots: number,
  ) {
    if (!Number.isInteger(bulkSlots) || bulkSlots < 1 || !Number.isInteger(prioritySlots) || prioritySlots < 0) {
      throw new RangeError(`a request gate needs at least one bulk slot, got ${bulkSlots} bulk and ${prioritySlots} priority`);
    }
  }

  /** Requests running now, in both lanes. */
  get inFlight(): number {
    return this.bulkRunning + this.priorityRunning;
  }

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.waiting.priority.length + this.waiting.bulk.length;
  }

  /** Runs `task` once `lane` has a slot; the slot is freed when the task settles. */
  async run<T>(lane: Lane, task: () => Promise<T>): Promise<T> {
    const slot = this.take(lane) ?? (await new Promise<Slot>((resolve) => this.waiting[lane].push(resolve)));
    try {
      return await task();
    } finally {
      this.release(slot);
    }
  }

  private take(lane: Lane): Slot | null {
    if (lane === 'priority' && this.priorityRunning < this.prioritySlots) {
      this.priorityRunning++;
      return 'own';
    }
    // a bulk request never jumps a waiting one (FIFO); a priority request only waits when every slot is taken
    if (this.bulkRunning < this.bulkSlots && (lane === 'priority' || this.waiting.bulk.length === 0)) {
      this.bulkRunning++;
      return 'bulk';
    }
    return null;
  }

  /** Hands the freed slot to the next waiting request that may use it: priority first. */
  private release(slot: Slot): void {
    const next = this.waiting.priority.shift() ?? (slot === 'bulk' ? this.waiting.bulk.shift() : undefined);
    if (next) {
      next(slot);
      return;
    }
    if (slot === 'own') this.priorityRunning--;
    else this.bulkRunning--;
  }
}

/** The lane of a request to Yahoo: charts and searches are bulk; the handshake and quotes go first. */
export function laneOf(input: string | URL | Request): Lane {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const { pathname } = new URL(url);
  return pathname.startsWith('/v8/finance/chart/') || pathname.startsWith('/v1/finance/search') ? 'bulk' : 'priority';
}

/** Statuses whose answer has no body (a Response cannot be made with one). */
const NO_BODY: ReadonlySet<number> = new Set([101, 204, 205, 304]);

/**
 * `fetchOnce` behind `gate`, each request in its lane. A slot is held until
 * the answer's body has been read and one more turn of the event loop has
 * passed: only then has Node's fetch put the connection back in its pool, so
 * that the slot's next request takes it over. Released as soon as the headers
 * came (as fetch resolves), the next request found every connection busy and
 * opened another: through a proxy a CONNECT and a TLS handshake each, some
 * 7 more in a cold run (round trips of their own on a real network).
 * yahoo-finance2 reads every answer whole anyway.
 *
 * Bulk answers are then handed on one per turn of the event loop, after the
 * handshake's and the quotes': yahoo-finance2 takes a few ms of this thread
 * to read each chart (its JSON, its schema, the bars), and a wave of them
 * read at once held up the handshake, whose next request and its connection
 * (a CONNECT, then a TLS handshake of several exchanges) wait for this thread
 * at every step. Between two charts the event loop now looks at its I/O.
 */
export function gatedFetch(gate: RequestGate, fetchOnce: typeof fetch): typeof fetch {
  const turnByTurn = oneAtATurn();
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const lane = laneOf(input);
    const answer = await gate.run(lane, async () => {
      const response = await fetchOnce(input, init);
      const body = NO_BODY.has(response.status) ? null : await response.arrayBuffer();
      await nextTurn();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    });
    if (lane === 'bulk') await turnByTurn();
    return answer;
  }) as typeof fetch;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A wait that lets its callers go in order, one per turn of the event loop. */
function oneAtATurn(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  const next = () => {
    waiting.shift()?.();
    if (waiting.length > 0) setImmediate(next);
  };
  return () =>
    new Promise<void>((resolve) => {
      if (waiting.push(resolve) === 1) setImmediate(next);
    });
}
