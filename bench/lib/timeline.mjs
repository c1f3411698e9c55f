/**
 * One traced live run in a line: where its time went, from the client's side
 * (preload/trace-net.mjs) and the server's (children/yahoo-over-tls.mjs). All
 * times are milliseconds after the client's Node process started.
 */
import { describeRequests } from '../fake-yahoo.mjs';

/** The server's events within a run's window { from, to } (epoch milliseconds). */
export const eventsBetween = (events, { from, to }) => events.filter((e) => (e.t ?? e.start) >= from && (e.t ?? e.start) <= to);

/** The handshake's three steps, as the client's fetch URLs and undici's paths name them. */
const STEPS = [
  ['cookie page', '/quote/'],
  ['crumb', '/v1/test/getcrumb'],
  ['quote', '/v7/finance/quote'],
];

/**
 * `trace`: { start, exit, events } from preload/trace-net.mjs; `server`: the
 * server's events in the same run; `offlineMs`: the offline run's median wall time.
 */
export function describeTimeline(trace, server, offlineMs) {
  const at = (t) => Math.round(t - trace.start);
  const after = (t, test) => trace.events.find((e) => e.t >= t && test(e));
  const firstFetch = after(0, (e) => e.ev === 'fetch');
  const yahooLoad = after(0, (e) => e.ev === 'load' && e.name.startsWith('providers-yahoo'));
  const icu = after(0, (e) => e.ev === 'intl');
  const steps = STEPS.map(([name, part]) => {
    const asked = after(0, (e) => e.ev === 'fetch' && e.url.includes(part));
    if (!asked) return `${name}: not asked`;
    const answered = after(asked.t, (e) => e.ev === 'done' && e.path.includes(part));
    // undici opens a connection for a request at once (the CONNECT, then TLS): the event right after the request's
    const sent = trace.events.findIndex((e) => e.t >= asked.t && e.ev === 'request' && e.path.includes(part));
    const opened = trace.events[sent + 1]?.ev === 'connect' ? trace.events[sent + 1] : null;
    const ready = opened && after(opened.t, (e) => e.ev === 'connected' && e.host === opened.host);
    const own = ready ? ` (a new connection: ${Math.round(ready.t - opened.t)} ms)` : '';
    return `${name} ${at(asked.t)}→${answered ? at(answered.t) : '—'}${own}`;
  });
  const lastDone = trace.events.findLast((e) => e.ev === 'done');
  const hosts = {};
  for (const e of server.filter((e) => e.ev === 'tls')) hosts[e.servername] = (hosts[e.servername] ?? 0) + 1;
  const requests = server.filter((e) => e.ev === 'request');
  const r = describeRequests(requests);
  return [
    `traced cold run (untimed): Yahoo's modules from ${yahooLoad ? at(yahooLoad.t) : '—'} ms after Node started, first request at ${firstFetch ? at(firstFetch.t) : '—'}, ICU's date formatting first used at ${icu ? at(icu.t) : '—'}`,
    `${steps.join(', ')}`,
    `last answer ${lastDone ? at(lastDone.t) : '—'}, exit ${at(trace.exit)} (the offline run: ${Math.round(offlineMs)} in all)`,
    `${r.total} requests (${Object.entries(r.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}) on ${Object.values(hosts).reduce((a, b) => a + b, 0)} TLS connections (${Object.entries(hosts).map(([h, n]) => `${h} ${n}`).join(', ')})`,
    `at most ${r.peakInFlight} in flight, ${r.sequentialRoundTrips} sequential round trips`,
  ].join('; ');
}
