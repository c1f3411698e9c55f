/**
 * `node --import bench/preload/fake-fetch.mjs …`: the global fetch becomes the
 * fake Yahoo (bench/fake-yahoo.mjs), so a process that cannot be handed a
 * fetch (basket's bin, yahoo-finance2's CLI) talks to it. Options come as
 * JSON in BENCH_FAKE ({ latencyMs, universe, refuse }); with BENCH_FAKE_LOG
 * set, the requests made are appended to that file as one JSON line on exit.
 */
import { appendFileSync } from 'node:fs';
import { createFakeYahoo, describeRequests } from '../fake-yahoo.mjs';

const fake = await createFakeYahoo(JSON.parse(process.env.BENCH_FAKE ?? '{}'));
globalThis.fetch = fake.fetch;

const log = process.env.BENCH_FAKE_LOG;
if (log) {
  process.on('exit', () => {
    appendFileSync(log, `${JSON.stringify({ argv: process.argv.slice(2), ...describeRequests(fake.requests), requests: fake.requests.map((r) => `${r.kind} ${r.symbols.join(',')}`) })}\n`);
  });
}
