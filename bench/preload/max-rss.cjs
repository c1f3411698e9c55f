/**
 * `node --require bench/preload/max-rss.cjs …`: on exit, append this process's
 * peak resident set size (bytes) to the file BENCH_RSS_FILE names, so the
 * harness measures memory without /usr/bin/time. CommonJS: no start-up cost.
 */
'use strict';
const { appendFileSync } = require('node:fs');

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS * 1024}\n`));
