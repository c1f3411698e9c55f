/**
 * `node --import bench/preload/trace-net.mjs …`: a timeline of one run's live
 * path, written on exit as one JSON line to BENCH_TRACE_FILE. Times are epoch
 * milliseconds (performance.timeOrigin + performance.now()), comparable with
 * the TLS server's log (bench/children/yahoo-over-tls.mjs):
 *   { ev: 'load', t, name }                       basket's chunks, as each starts loading
 *   { ev: 'fetch', t, url }                       the global fetch called (after basket's gate)
 *   { ev: 'connect', t, host, origin }            undici opens a connection (to the proxy: its CONNECT)
 *   { ev: 'connected', t, host }                  … open (tunnel made, TLS done)
 *   { ev: 'request', t, origin, path }            undici puts a request on a connection
 *   { ev: 'headers', t, origin, path, status }    its answer's headers arrive
 *   { ev: 'done', t, origin, path }               … its body has arrived
 *   { ev: 'intl', t }                             the first Intl.DateTimeFormat made (ICU's data loaded)
 * plus `start` (the process's start) and `exit`. Not for timed runs: the
 * preload itself costs a few ms (an --import) and the subscriptions a little.
 */
import { appendFileSync } from 'node:fs';
import diagnostics from 'node:diagnostics_channel';
import { registerHooks } from 'node:module';

const file = process.env.BENCH_TRACE_FILE;
if (file) {
  const now = () => performance.timeOrigin + performance.now();
  const events = [];
  const at = (ev, fields) => events.push({ ev, t: now(), ...fields });
  registerHooks({
    load(url, context, nextLoad) {
      if (url.includes('/dist/')) at('load', { name: url.slice(url.lastIndexOf('/') + 1).replace(/-[\w-]{8}\.js$/, '') });
      return nextLoad(url, context);
    },
  });
  // the global fetch is a lazy getter (it loads undici on first use): wrapped without calling it now
  const original = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  const realFetch = () => (original.get ? original.get.call(globalThis) : original.value);
  let wrapped = null;
  Object.defineProperty(globalThis, 'fetch', {
    configurable: true,
    enumerable: original.enumerable,
    get: () =>
      (wrapped ??= (input, init) => {
        at('fetch', { url: String(input instanceof Request ? input.url : input) });
        return realFetch()(input, init);
      }),
    set: (value) => Object.defineProperty(globalThis, 'fetch', { value, configurable: true, writable: true }),
  });
  // the first date formatter of a process loads ICU's data: when it happens matters
  const DateTimeFormat = Intl.DateTimeFormat;
  Intl.DateTimeFormat = new Proxy(DateTimeFormat, {
    construct(target, args) {
      if (!events.some((e) => e.ev === 'intl')) at('intl', {});
      return Reflect.construct(target, args);
    },
  });
  const where = (request) => ({ origin: String(request.origin), path: request.path.replace(/\?.*/, '') });
  const on = (channel, handler) => diagnostics.subscribe(channel, handler);
  on('undici:client:beforeConnect', ({ connectParams: p }) => at('connect', { host: p.host, origin: p.protocol }));
  on('undici:client:connected', ({ connectParams: p }) => at('connected', { host: p.host }));
  on('undici:request:create', ({ request }) => at('request', where(request)));
  on('undici:request:headers', ({ request, response }) => at('headers', { ...where(request), status: response.statusCode }));
  on('undici:request:trailers', ({ request }) => at('done', where(request)));
  process.on('exit', () => {
    appendFileSync(file, `${JSON.stringify({ start: performance.timeOrigin, exit: now(), events })}\n`);
  });
}
