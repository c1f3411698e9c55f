/**
 * The fake Yahoo (bench/fake-yahoo.mjs) served over real TLS on loopback,
 * behind an HTTP CONNECT proxy, in a process of its own, so that the built CLI
 * reaches it as it reaches Yahoo from a user's machine behind a proxy:
 * NODE_USE_ENV_PROXY=1, HTTPS_PROXY=<proxy>, NODE_EXTRA_CA_CERTS=<a throwaway
 * CA>. The certificates and the proxy are the network end-to-end tests' own
 * (test/helpers/tls.ts, connect-proxy.ts; Node strips their types on import).
 *
 *   node bench/children/yahoo-over-tls.mjs '{"latencyMs":100,"dir":"…","log":"…/events.jsonl"}'
 *
 * Prints one JSON line when it listens ({ proxyUrl, caFile }), then serves
 * until its stdin closes (the harness ending, however it ends).
 *
 * Latency: every answer leaves the server `latencyMs` after its request has
 * arrived (a timer, no CPU), as in the in-process runs: one round trip is one
 * request answered. The connection's set-up (TCP to the proxy, CONNECT,
 * the proxy's TCP to the server, the TLS handshake) crosses loopback with no
 * added delay, so what it costs a run here is CPU, never latency.
 *
 * `log`: one JSON line per event, times in epoch milliseconds
 * (performance.timeOrigin + performance.now(), comparable across processes):
 *   { ev: 'tcp', conn, t }                          a connection from the proxy (one per CONNECT)
 *   { ev: 'tls', conn, t, resumed, servername }     its TLS handshake done
 *   { ev: 'request', conn, kind, symbols, start, end }   a request arrived, its answer sent
 */
import { appendFileSync } from 'node:fs';
import https from 'node:https';
import { createFakeYahoo } from '../fake-yahoo.mjs';
import { startConnectProxy } from '../../test/helpers/connect-proxy.ts';
import { makeTestCertificates } from '../../test/helpers/tls.ts';

const opts = JSON.parse(process.argv[2] ?? '{}');
const epochNow = () => performance.timeOrigin + performance.now();
const log = (event) => opts.log && appendFileSync(opts.log, `${JSON.stringify(event)}\n`);

const certs = await makeTestCertificates(opts.dir);
const latencyMs = opts.latencyMs ?? 100;
// the fake answers at once here; this server holds each answer for the latency
const fake = await createFakeYahoo({ latencyMs: 0 });
/**
 * Answers by URL, made once (the fake's answer depends on the URL alone): after
 * the warm-up round, answering costs this process, which shares the machine
 * with the run it serves, no more than writing bytes.
 */
const answers = new Map();
async function answerFor(url, method) {
  let a = answers.get(url);
  if (!a) {
    const response = await fake.fetch(url, { method });
    const { kind, symbols } = fake.requests.at(-1);
    const cookies = response.headers.getSetCookie();
    const body = Buffer.from(await response.arrayBuffer());
    const headers = { ...Object.fromEntries(response.headers), ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}), 'content-length': body.length };
    a = { kind, symbols, status: response.status, headers, body };
    answers.set(url, a);
  }
  return a;
}
/** Connection numbers by the peer's address (the TLS socket and the TCP one it wraps share it). */
const ids = new Map();
let connections = 0;
const idOf = (socket) => ids.get(`${socket.remoteAddress}:${socket.remotePort}`) ?? null;

const server = https.createServer({ key: certs.key, cert: certs.cert }, async (req, res) => {
  const start = epochNow();
  const a = await answerFor(`https://${req.headers.host}${req.url}`, req.method);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + latencyMs - epochNow())));
  res.writeHead(a.status, a.headers);
  res.end(a.body);
  log({ ev: 'request', conn: idOf(req.socket), kind: a.kind, symbols: a.symbols, start, end: epochNow() });
});
server.on('connection', (socket) => {
  const key = `${socket.remoteAddress}:${socket.remotePort}`;
  ids.set(key, ++connections);
  log({ ev: 'tcp', conn: ids.get(key), t: epochNow() });
});
server.on('secureConnection', (tls) => log({ ev: 'tls', conn: idOf(tls), t: epochNow(), resumed: tls.isSessionReused(), servername: tls.servername ?? null }));
server.on('tlsClientError', () => {});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const proxy = await startConnectProxy(server.address().port);

process.stdout.write(`${JSON.stringify({ proxyUrl: proxy.url, caFile: certs.caFile })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  server.closeAllConnections();
  await proxy.close();
  server.close();
});
