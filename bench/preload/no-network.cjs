/**
 * `node --require bench/preload/no-network.cjs …`: the global fetch refuses
 * every request, as a closed port would, and each attempt is appended to the
 * file BENCH_NO_NETWORK_LOG (when set). CommonJS and nothing else on purpose:
 * a `--require` of it costs no measurable start-up (an `--import` preload
 * costs ~6 ms, and NODE_USE_ENV_PROXY=1 with a dead proxy ~40 ms), so a timed
 * run can prove it made no request without paying for the proof.
 */
'use strict';
const { appendFileSync } = require('node:fs');

const log = process.env.BENCH_NO_NETWORK_LOG;
globalThis.fetch = async (input) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (log) appendFileSync(log, `${url}\n`);
  throw new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ECONNREFUSED (the benchmark allows no request here): ${url}`), { code: 'ECONNREFUSED' }) });
};
