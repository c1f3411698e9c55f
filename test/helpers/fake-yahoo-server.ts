/**
 * A fake Yahoo Finance over real TLS on loopback, for the built CLI to reach
 * through a CONNECT proxy (see connect-proxy.ts). It plays Yahoo's side of
 * yahoo-finance2's cookie/crumb handshake (the cookie page sets a cookie;
 * getcrumb wants that cookie; the quote API wants both, as Yahoo does), and
 * answers every other request from the recordings in fixtures/yahoo, matched
 * by the same requestKey() as the in-process replayer. A request with no
 * recording gets a 404 in Yahoo's error shape and is remembered.
 *
 * Scenarios are rules: `when('quote', { kind: 'status', status: 429 }, 1)`
 * makes the next quote request a 429; rules are tried in the order given and
 * each one lasts `times` requests (default: all of them). Every request is
 * logged with what it carried and how it was answered.
 */
import { randomBytes } from 'node:crypto';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { loadRecordings, requestKey, type RecordedResponse } from './replay.js';

/** What a request is for, from yahoo-finance2's point of view. */
export type Route = 'cookie-page' | 'crumb' | 'chart' | 'quote' | 'search' | 'other';

export type Behaviour =
  /** Answer this status (e.g. 429 with or without Retry-After, 500, 503). */
  | { readonly kind: 'status'; readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string }
  /** Never answer: the connection stays open until the client gives up (or the server closes). */
  | { readonly kind: 'hang' }
  /** Reset the TCP connection (RST) instead of answering. */
  | { readonly kind: 'reset' }
  /** The usual answer's status and headers, its JSON body cut off half way. */
  | { readonly kind: 'truncated-json' }
  /** An HTML error page (what a CDN or captive portal serves) with this status. */
  | { readonly kind: 'html'; readonly status: number }
  /** The usual answer, this many milliseconds late. */
  | { readonly kind: 'delay'; readonly ms: number };

export interface SeenRequest {
  readonly route: Route;
  /** requestKey(): method + URL with the query sorted and the crumb removed. */
  readonly key: string;
  readonly url: string;
  /** The TLS server name the client asked for (SNI). */
  readonly servername: string | null;
  /** Whether the request carried the cookie this server set on the cookie page. */
  readonly withCookie: boolean;
  /** The `crumb` query parameter, decoded; null when absent. */
  readonly crumb: string | null;
  /** How it was answered: `recorded <file>`, `handshake`, `unmatched`, `refused: …`, or the scenario's behaviour. */
  answer: string;
}

export interface FakeYahoo {
  readonly port: number;
  /** The crumb getcrumb hands out (with a `/`, so its URL encoding is exercised). */
  readonly crumb: string;
  readonly requests: readonly SeenRequest[];
  /**
   * The next `times` requests on `route` (or that `route` picks) get
   * `behaviour`; rules are tried in the order given. Default: all of them.
   */
  when(route: Route | 'any' | ((request: SeenRequest) => boolean), behaviour: Behaviour, times?: number): void;
  /** Forget the rules and the log (between tests). */
  reset(): void;
  close(): Promise<void>;
}

const HTML_ERROR_PAGE = '<!doctype html><html><head><title>Yahoo</title></head><body><h1>Will be right back…</h1><p>Our engineers are working quickly to resolve the issue.</p></body></html>';

export function routeOf(url: URL): Route {
  if (url.hostname === 'finance.yahoo.com' && url.pathname.startsWith('/quote/')) return 'cookie-page';
  if (url.pathname === '/v1/test/getcrumb') return 'crumb';
  if (url.pathname.startsWith('/v8/finance/chart/')) return 'chart';
  if (url.pathname === '/v7/finance/quote') return 'quote';
  if (url.pathname === '/v1/finance/search') return 'search';
  return 'other';
}

/** Yahoo's JSON error shape, which yahoo-finance2 turns into an Error with the description. */
function yahooError(route: Route, code: string, description: string): string {
  return JSON.stringify({ [route === 'chart' ? 'chart' : 'finance']: { result: null, error: { code, description } } });
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  note: string;
}

function recordedAnswer(r: RecordedResponse, file: string): Answer {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers ?? {})) {
    // the body is stored decoded; cookies are the handshake's business
    if (/^(content-encoding|content-length|transfer-encoding|set-cookie|connection|keep-alive)$/i.test(k)) continue;
    headers[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return { status: r.status, headers, body: r.bodyText ?? JSON.stringify(r.bodyJson ?? null), note: `recorded ${file}` };
}

export async function startFakeYahoo(tls: { readonly key: string; readonly cert: string }): Promise<FakeYahoo> {
  const recordings = loadRecordings();
  const cookieValue = `d=fake-${randomBytes(6).toString('hex')}&S=fake`;
  const crumb = 'fake/crumb.Q1';
  const requests: SeenRequest[] = [];
  let rules: { picks: (request: SeenRequest) => boolean; behaviour: Behaviour; left: number }[] = [];
  // raw TCP sockets by peer address, so a reset can be a real RST (TLS sockets cannot send one)
  const raw = new Map<string, Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const peer = (s: Socket) => `${s.remoteAddress}:${s.remotePort}`;

  function usualAnswer(seen: SeenRequest, method: string, url: URL): Answer {
    switch (seen.route) {
      case 'cookie-page':
        return {
          status: 200,
          headers: {
            'content-type': 'text/html; charset=utf-8',
            'set-cookie': `A3=${cookieValue}; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Max-Age=31557600; Domain=.yahoo.com; Path=/; Secure; HttpOnly; SameSite=None`,
          },
          body: '<!doctype html><html><body>fake Yahoo Finance: AAPL</body></html>',
          note: 'handshake',
        };
      case 'crumb':
        if (!seen.withCookie) return { status: 401, headers: { 'content-type': 'text/plain' }, body: 'Unauthorized', note: 'refused: no cookie' };
        return { status: 200, headers: { 'content-type': 'text/plain;charset=utf-8' }, body: crumb, note: 'handshake' };
      case 'quote':
        if (!seen.withCookie || seen.crumb !== crumb) {
          const why = !seen.withCookie ? 'no cookie' : `crumb ${JSON.stringify(seen.crumb)}`;
          return { status: 401, headers: { 'content-type': 'application/json' }, body: yahooError('quote', 'Unauthorized', 'Invalid Crumb'), note: `refused: ${why}` };
        }
        break;
      default:
        break;
    }
    const hit = recordings.get(requestKey(method, url.href));
    if (hit) return recordedAnswer(hit.response, hit.file);
    const body = yahooError(seen.route, 'Not Found', `fake Yahoo has no recording for ${seen.key}`);
    return { status: 404, headers: { 'content-type': 'application/json;charset=utf-8' }, body, note: 'unmatched' };
  }

  function send(res: ServerResponse, a: Answer): void {
    if (res.destroyed) return;
    res.writeHead(a.status, { ...a.headers, 'content-length': Buffer.byteLength(a.body) });
    res.end(a.body);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const socket = req.socket as TLSSocket;
    const servername = typeof socket.servername === 'string' ? socket.servername : null;
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? servername ?? 'unknown.invalid'}`);
    const method = req.method ?? 'GET';
    const cookies = (req.headers.cookie ?? '').split(/;\s*/);
    const seen: SeenRequest = {
      route: routeOf(url),
      key: requestKey(method, url.href),
      url: url.href,
      servername,
      withCookie: cookies.includes(`A3=${cookieValue}`),
      crumb: url.searchParams.get('crumb'),
      answer: '',
    };
    requests.push(seen);
    const rule = rules.find((r) => r.left > 0 && r.picks(seen));
    if (rule) rule.left -= 1;
    const b = rule?.behaviour;
    seen.answer = b ? (b.kind === 'status' || b.kind === 'html' ? `${b.kind} ${b.status}` : b.kind) : '';
    if (!b) {
      const a = usualAnswer(seen, method, url);
      seen.answer = a.note;
      return send(res, a);
    }
    switch (b.kind) {
      case 'status':
        return send(res, { status: b.status, headers: { 'content-type': 'text/plain', ...b.headers }, body: b.body ?? '', note: '' });
      case 'html':
        return send(res, { status: b.status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: HTML_ERROR_PAGE, note: '' });
      case 'hang':
        return; // the socket is destroyed when the client gives up, or by close()
      case 'reset': {
        const tcp = raw.get(peer(socket));
        if (tcp) tcp.resetAndDestroy();
        else socket.destroy();
        return;
      }
      case 'truncated-json': {
        const a = usualAnswer(seen, method, url);
        return send(res, { ...a, body: a.body.slice(0, Math.floor(a.body.length / 2)) });
      }
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          const a = usualAnswer(seen, method, url);
          seen.answer = `delay ${b.ms} ms, ${a.note}`;
          send(res, a);
        }, b.ms);
        timers.add(timer);
        return;
      }
    }
  }

  const server = https.createServer({ key: tls.key, cert: tls.cert }, handle);
  server.on('connection', (s: Socket) => {
    const id = peer(s);
    raw.set(id, s);
    s.on('close', () => raw.delete(id));
  });
  // a client that hangs up mid-handshake is no failure of the server's
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  return {
    port: (server.address() as AddressInfo).port,
    crumb,
    requests,
    when(route, behaviour, times = Number.POSITIVE_INFINITY) {
      const picks = typeof route === 'function' ? route : (r: SeenRequest) => route === 'any' || r.route === route;
      rules.push({ picks, behaviour, left: times });
    },
    reset() {
      rules = [];
      requests.length = 0;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const s of raw.values()) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
