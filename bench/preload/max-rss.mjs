/**
 * `node --import bench/preload/max-rss.mjs …`: on exit, append this process's
 * peak resident set size (bytes) to the file BENCH_RSS_FILE names, so the
 * harness measures memory without /usr/bin/time.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS * 1024}\n`));
