/**
 * `node --import bench/preload/modules.mjs …`: on exit, append to the file
 * BENCH_MODULES_FILE one JSON line with the modules this process loaded,
 * counted by package (`dist` for basket's own, its files named), to show what
 * start-up loads.
 */
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const file = process.env.BENCH_MODULES_FILE;
if (file) {
  const loaded = [];
  registerHooks({
    load(url, context, nextLoad) {
      loaded.push(url);
      return nextLoad(url, context);
    },
  });
  process.on('exit', () => {
    const byPackage = {};
    const dist = [];
    for (const url of loaded) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
      const key = m ? m[1] : url.startsWith('node:') ? 'node:' : url.includes('/dist/') ? 'basket (dist)' : 'other';
      byPackage[key] = (byPackage[key] ?? 0) + 1;
      if (key === 'basket (dist)') dist.push(url.slice(url.lastIndexOf('/dist/') + '/dist/'.length));
    }
    appendFileSync(file, `${JSON.stringify({ total: loaded.length, byPackage, dist })}\n`);
  });
}
